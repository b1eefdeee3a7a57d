//! Native only: builds a [`Snapshot`] from an HTML file with a real HTML parser (`scraper`, on
//! html5ever), applying the same rules as the extension's content script
//! (`extension/snapshot.js`): the same kept attributes, the same skipped elements, never a
//! password input's value. Tests hold the two to the same fixtures.

use crate::snapshot::{Snapshot, WireNode, WireSnapshot, KEPT_ATTRIBUTES};
use scraper::{Html, Node};
use std::collections::BTreeMap;

/// Elements whose content is never part of what a person reads on the page, and the
/// extension's own marks (`wdcap-mark`), which a page saved while they show would contain.
pub const SKIPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "wdcap-mark",
];

/// Parses `html`. `url` is the page's address when known; otherwise the `saved from url=`
/// comment that browsers write into saved pages is used, if present.
pub fn snapshot_from_html(html: &str, url: Option<&str>) -> Snapshot {
    let doc = Html::parse_document(html);
    let mut nodes: Vec<WireNode> = Vec::new();
    let title = doc
        .select(&scraper::Selector::parse("title").expect("static selector"))
        .next()
        .map(|t| t.text().collect::<String>().trim().to_string())
        .unwrap_or_default();
    let lang = doc
        .root_element()
        .value()
        .attr("lang")
        .unwrap_or("")
        .to_string();
    let saved_from = saved_from_url(html);

    // Iterative pre-order walk over (node, index of its parent in `nodes`).
    let mut work = vec![(*doc.root_element(), None::<usize>)];
    while let Some((node, parent)) = work.pop() {
        match node.value() {
            Node::Element(el) => {
                let tag = el.name().to_ascii_lowercase();
                if SKIPPED_TAGS.contains(&tag.as_str()) {
                    continue;
                }
                let is_password = tag == "input"
                    && el
                        .attr("type")
                        .is_some_and(|t| t.eq_ignore_ascii_case("password"));
                let attrs: BTreeMap<String, String> = el
                    .attrs()
                    .filter(|(k, _)| KEPT_ATTRIBUTES.contains(k))
                    .filter(|(k, _)| !(is_password && *k == "value"))
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect();
                let index = nodes.len();
                nodes.push(WireNode {
                    parent,
                    tag: Some(tag),
                    attrs,
                    text: None,
                });
                let first = work.len();
                work.extend(node.children().map(|c| (c, Some(index))));
                work[first..].reverse();
            }
            Node::Text(t) => {
                let text: &str = t;
                let text = if text.trim().is_empty() { " " } else { text };
                if parent.is_some() {
                    nodes.push(WireNode {
                        parent,
                        tag: None,
                        attrs: BTreeMap::new(),
                        text: Some(text.to_string()),
                    });
                }
            }
            _ => {}
        }
    }
    let wire = WireSnapshot {
        v: 1,
        url: url.map(str::to_string).or(saved_from).unwrap_or_default(),
        title,
        lang,
        nodes,
    };
    Snapshot::from_wire(wire).expect("a pre-order walk always yields a valid snapshot")
}

/// The address in a `<!-- saved from url=(0071)https://… -->` comment.
fn saved_from_url(html: &str) -> Option<String> {
    let start = html.find("saved from url=")? + "saved from url=".len();
    let rest = &html[start..];
    let rest = rest
        .strip_prefix('(')
        .and_then(|r| r.find(')').map(|i| &r[i + 1..]))
        .unwrap_or(rest);
    // The address ends at white space or at the comment's `-->`; a `-` alone does not end it
    // (hosts such as `wd3-impl.workday.com` contain one).
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let url = rest[..end].trim_end_matches("-->").trim();
    (!url.is_empty()).then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_from_url_keeps_hyphenated_hosts() {
        let html = "<!-- saved from url=(0056)https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld -->";
        assert_eq!(
            saved_from_url(html).as_deref(),
            Some("https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld")
        );
        assert_eq!(
            saved_from_url("<!--saved from url=(0030)https://wd3-impl.workday.com/a-->").as_deref(),
            Some("https://wd3-impl.workday.com/a")
        );
    }

    #[test]
    fn keeps_structure_text_and_attributes() {
        let s = snapshot_from_html(
            r#"<!-- saved from url=(0040)https://wd5.myworkday.com/acme/d/x.htmld -->
            <html lang="en"><head><title>View API Clients - Workday</title><script>evil()</script></head>
            <body><div data-automation-id="formLabel" class="WLSF">Client <b>ID</b></div>
            <input type="password" value="hunter2"><input type="text" value="shown"></body></html>"#,
            None,
        );
        assert_eq!(s.url, "https://wd5.myworkday.com/acme/d/x.htmld");
        assert_eq!(s.title, "View API Clients - Workday");
        let label = s.by_automation_id(&["formLabel"]).next().unwrap();
        assert_eq!(s.text(label), "Client ID");
        assert_eq!(s.attr(label, "class"), None);
        let inputs: Vec<_> = s.ids().filter(|&n| s.tag(n) == Some("input")).collect();
        assert_eq!(
            s.attr(inputs[0], "value"),
            None,
            "password values are never kept"
        );
        assert_eq!(s.attr(inputs[1], "value"), Some("shown"));
        assert!(!s
            .to_wire()
            .nodes
            .iter()
            .any(|n| n.text.as_deref() == Some("evil()")));
    }
}
