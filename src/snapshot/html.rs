//! Native only: builds a [`Snapshot`] from an HTML file with a real HTML parser (`scraper`, on
//! html5ever), applying the same rules as the extension's content script
//! (`extension/content/snapshot.js`): the same kept attributes, the same skipped elements, never a
//! password input's value. Tests hold the two to the same fixtures.

use crate::snapshot::{
    Snapshot, SnapshotError, WireNode, WireSnapshot, KEPT_ATTRIBUTES, MAX_DEPTH, MAX_NODES,
};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use scraper::{Html, Node};
use std::cell::Cell;
use std::collections::BTreeMap;

/// Elements whose content is never part of what a person reads on the page. (The extension's
/// marks need no entry: a page saved while they show holds only their empty host elements, since
/// a closed shadow root is not saved.)
pub const SKIPPED_TAGS: &[&str] = &["script", "style", "noscript", "template", "head"];

/// Parses `html`. `url` is the page's address when known; otherwise the `saved from url=`
/// comment that browsers write into saved pages is used, if present. A page
/// [`try_snapshot_from_html`] refuses gives an empty snapshot (no page is recognised in it).
pub fn snapshot_from_html(html: &str, url: Option<&str>) -> Snapshot {
    try_snapshot_from_html(html, url).unwrap_or_else(|_| {
        Snapshot::from_wire(WireSnapshot {
            v: 1,
            url: url.unwrap_or_default().to_string(),
            ..Default::default()
        })
        .expect("an empty snapshot is valid")
    })
}

/// Like [`snapshot_from_html`], but says why a page cannot be read. Bounds (see
/// `src/model/limits.rs`): a page nesting elements more than [`MAX_DEPTH`] levels deep is refused
/// before parsing, because the HTML parser's tree builder scans its stack of open elements for
/// each tag (quadratic on a page built to be deep; Chromium's parser stops nesting at 512); past
/// [`MAX_NODES`] nodes the snapshot ends there, as the extension's snapshotter does.
pub fn try_snapshot_from_html(html: &str, url: Option<&str>) -> Result<Snapshot, SnapshotError> {
    let depth = nesting_depth(html);
    if depth > MAX_DEPTH {
        return Err(SnapshotError::TooDeep { depth });
    }
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
        if nodes.len() >= MAX_NODES {
            break;
        }
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
    Snapshot::from_wire(wire)
}

/// How deep `html` nests its elements, from a pass of html5ever's tokenizer alone (linear; no
/// tree building): elements opened and not yet closed. Void elements, self-closing tags and
/// elements whose end tag may be left out (`p`, `li`, `td`, …, which the parser closes by
/// itself) do not count, so for any page a browser saved this is at least the real depth of
/// the elements that can nest.
pub fn nesting_depth(html: &str) -> usize {
    struct DepthSink {
        depth: Cell<usize>,
        max: Cell<usize>,
    }
    impl TokenSink for DepthSink {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            let Token::TagToken(tag) = token else {
                return TokenSinkResult::Continue;
            };
            let name: &str = &tag.name;
            const NOT_NESTING: &[&str] = &[
                // Void elements.
                "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img",
                "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
                // Elements whose end tag is optional: the tree builder closes them.
                "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "rb", "rt",
                "rtc", "rp", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",
            ];
            let nests = !NOT_NESTING.contains(&name);
            match tag.kind {
                TagKind::StartTag => {
                    if nests && !tag.self_closing {
                        let d = self.depth.get() + 1;
                        self.depth.set(d);
                        self.max.set(self.max.get().max(d));
                    }
                    // The tokenizer alone does not know which elements hold raw text; the
                    // tree builder would tell it, so this sink does.
                    match name {
                        "script" => return TokenSinkResult::RawData(RawKind::ScriptData),
                        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                            return TokenSinkResult::RawData(RawKind::Rawtext)
                        }
                        "title" | "textarea" => return TokenSinkResult::RawData(RawKind::Rcdata),
                        "plaintext" => return TokenSinkResult::Plaintext,
                        _ => {}
                    }
                }
                TagKind::EndTag => {
                    if nests {
                        self.depth.set(self.depth.get().saturating_sub(1));
                    }
                }
            }
            TokenSinkResult::Continue
        }
    }
    let sink = DepthSink {
        depth: Cell::new(0),
        max: Cell::new(0),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The sink never asks to run a script, so one call consumes the whole input.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.max.get()
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
    fn nesting_depth_counts_open_elements_only() {
        assert_eq!(nesting_depth("<div><span>a</span><b>b</b></div>"), 2);
        // Optional end tags, void and self-closing elements, raw text do not nest.
        assert_eq!(
            nesting_depth("<ul><li><p>a<li><p>b<br><img><svg/></ul><script>'<div><div>'</script>"),
            1
        );
        assert_eq!(nesting_depth(&"<div>".repeat(700)), 700);
    }

    #[test]
    fn a_page_nested_deeper_than_max_depth_is_refused_quickly() {
        let depth = 100_000;
        let html = format!("{}x{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let started = std::time::Instant::now();
        assert_eq!(
            try_snapshot_from_html(&html, None).unwrap_err(),
            SnapshotError::TooDeep { depth }
        );
        assert!(snapshot_from_html(&html, Some("https://x/")).is_empty());
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
        // At the limit it is read.
        let html = format!("{}x{}", "<div>".repeat(500), "</div>".repeat(500));
        assert_eq!(snapshot_from_html(&html, None).text(0), "x");
    }

    #[test]
    fn keeps_the_attributes_newer_builds_use() {
        let s = snapshot_from_html(
            r#"<div data-automation-widget="wd-popup" role="dialog"><div aria-busy="true" class="css-1a2b3c">
            <label id="formLabel-56$1" data-automation-id="formLabel">Client Name</label>
            <input aria-labelledby="formLabel-56$1" data-uxi-widget-type="selectinput" value="x"></div></div>"#,
            None,
        );
        let input = s.ids().find(|&n| s.tag(n) == Some("input")).unwrap();
        assert_eq!(s.attr(input, "aria-labelledby"), Some("formLabel-56$1"));
        assert_eq!(s.attr(input, "data-uxi-widget-type"), Some("selectinput"));
        let popup = s
            .ids()
            .find(|&n| s.attr(n, "role") == Some("dialog"))
            .unwrap();
        assert_eq!(s.attr(popup, "data-automation-widget"), Some("wd-popup"));
        let busy = s.ids().find(|&n| s.attr(n, "aria-busy").is_some()).unwrap();
        assert_eq!(s.attr(busy, "aria-busy"), Some("true"));
        assert_eq!(
            s.attr(busy, "class"),
            None,
            "generated class names are never kept"
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
