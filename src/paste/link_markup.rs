//! Link markup that mail and chat tools write around a URL, reduced to the URL, before pasted text
//! is scanned (`extract`). Each form glues the URL to other text with characters a URL may not
//! hold unencoded (`<`, `>`, `|`), so without this step the scanner reads one long wrong URL:
//!
//! - **Outlook's plain text** (and other HTML-to-text converters) writes a link as its text
//!   followed by its target in angle brackets, with no space: `https://x/api<https://x/api>`,
//!   `here<https://x/api>`, and with Safe Links the target is the wrapped link. When the target is
//!   (or wraps) the text, the target goes; otherwise the two are separated by a space.
//! - **Slack** writes `<https://x/api|shown text>`: the URL stays.
//! - **Jira and Confluence wiki markup** write `[shown text|https://x/api]`: the URL stays.
//!
//! Only the characters of the markup change, within a line: line numbers stay right. Hand-written
//! (a small scanner): a regex crate would add size to the wasm module for three shapes.

use crate::workday::link_wrappers;
use std::borrow::Cow;

/// `text` with the link markup above reduced to plain URLs.
pub fn normalise(text: &str) -> Cow<'_, str> {
    // memchr's vectorised search: this runs on the whole paste.
    let has = |needle: &str| memchr::memmem::find(text.as_bytes(), needle.as_bytes()).is_some();
    if !has("<http") && !has("<HTTP") && !has("|http") && !has("|HTTP") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        out.push_str(&normalise_line(line));
    }
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

fn normalise_line(line: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut rest = line;
    let mut changed = false;
    while let Some(at) = rest.find(['<', '[']) {
        let (before, from) = rest.split_at(at);
        let replaced = if from.starts_with('<') {
            angle(before, from)
        } else {
            jira(from)
        };
        match replaced {
            Some(Replacement { text, used }) => {
                out.push_str(before);
                out.push_str(&text);
                rest = &from[used..];
                changed = true;
            }
            None => {
                out.push_str(before);
                out.push_str(&from[..1]);
                rest = &from[1..];
            }
        }
    }
    if !changed {
        return Cow::Borrowed(line);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// What replaces the markup: `text`, then the input after `used` bytes of the markup.
struct Replacement {
    text: String,
    used: usize,
}

/// `<…>` at the start of `from`, with `before` the text before it on the line.
fn angle(before: &str, from: &str) -> Option<Replacement> {
    let inner_end = from.find('>')?;
    let inner = &from[1..inner_end];
    let used = inner_end + 1;
    // Slack: <url|text>.
    if let Some((url, _shown)) = inner.split_once('|') {
        return (link_wrappers::is_http(url) && !url.contains(char::is_whitespace)).then(|| {
            Replacement {
                text: url.to_string(),
                used,
            }
        });
    }
    if !link_wrappers::is_http(inner) || inner.contains(char::is_whitespace) {
        return None;
    }
    // Outlook: text<target>, glued.
    let glued = before.chars().last().is_some_and(|c| !c.is_whitespace());
    if !glued {
        return None;
    }
    let shown_start = before
        .rfind(char::is_whitespace)
        .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let shown = &before[shown_start..];
    let target = link_wrappers::unwrapped(inner);
    let same = |a: &str, b: &str| a.trim_end_matches('/') == b.trim_end_matches('/');
    if link_wrappers::is_http(shown) && (same(shown, inner) || same(shown, &target)) {
        // The text is the link: the target adds nothing (or only a mail system's wrapper).
        return Some(Replacement {
            text: String::new(),
            used,
        });
    }
    Some(Replacement {
        text: format!(" {inner}"),
        used,
    })
}

/// `[text|url]` at the start of `from` (Jira, Confluence).
fn jira(from: &str) -> Option<Replacement> {
    let end = from.find(']')?;
    let inner = &from[1..end];
    if inner.contains('[') {
        return None;
    }
    let (_shown, url) = inner.rsplit_once('|')?;
    if !link_wrappers::is_http(url) || url.contains(char::is_whitespace) {
        return None;
    }
    Some(Replacement {
        text: url.to_string(),
        used: end + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::normalise;

    const API: &str = "https://wd5-services1.myworkday.com/ccx/api/v1/globex";

    #[test]
    fn outlook_text_and_target() {
        let same = format!("REST API Endpoint {API}<{API}>\nnext line");
        assert_eq!(
            normalise(&same),
            format!("REST API Endpoint {API}\nnext line")
        );
        let wrapped = format!(
            "REST: {API}<https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwd5-services1.myworkday.com%2Fccx%2Fapi%2Fv1%2Fglobex&data=05>"
        );
        assert_eq!(normalise(&wrapped), format!("REST: {API}"));
        let text_link = format!("The endpoint is here<{API}>.");
        assert_eq!(
            normalise(&text_link),
            format!("The endpoint is here {API}.")
        );
        let different = format!("{API}<https://wd5-services1.myworkday.com/ccx/api/v1/other>");
        assert_eq!(
            normalise(&different),
            format!("{API} https://wd5-services1.myworkday.com/ccx/api/v1/other")
        );
    }

    #[test]
    fn slack_and_jira() {
        assert_eq!(
            normalise(&format!("Token: <{API}|{API}>")),
            format!("Token: {API}")
        );
        assert_eq!(
            normalise(&format!("see <{API}|the endpoint> ok")),
            format!("see {API} ok")
        );
        assert_eq!(
            normalise(&format!("REST [{API}|{API}] ok")),
            format!("REST {API} ok")
        );
        assert_eq!(
            normalise(&format!("REST [endpoint|{API}]")),
            format!("REST {API}")
        );
    }

    #[test]
    fn everything_else_is_left_alone() {
        for text in [
            format!("<{API}>"),
            format!("[Token endpoint]({API})"),
            format!("| Workday REST API Endpoint | {API} |"),
            "https://wd5.myworkday.com/<tenant>/authorize".to_string(),
            "a < b and [x|y]".to_string(),
            "<https://x.test/a b>".to_string(),
            "é<https://x.test/".to_string(),
            String::new(),
        ] {
            assert_eq!(normalise(&text), text.as_str());
        }
    }
}
