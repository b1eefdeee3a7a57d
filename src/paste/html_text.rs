//! HTML mail and ticket bodies reduced to their text, link targets kept.

/// Whether the text is HTML (a known tag near its start).
pub(super) fn looks_html(t: &str) -> bool {
    let head: String = t
        .chars()
        .take(20_000)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<html", "<body", "<div", "<p>", "<p ", "<br", "<table", "<td", "<span", "<a href",
    ]
    .iter()
    .any(|m| head.contains(m))
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "tr",
    "li",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
    "dt",
    "dd",
    "title",
    "section",
    "article",
    "header",
    "footer",
    "html",
    "body",
    "head",
];
const CELL_TAGS: &[&str] = &["td", "th"];
const INLINE_TAGS: &[&str] = &[
    "a", "span", "b", "i", "u", "em", "strong", "code", "font", "small", "big", "sup", "sub",
    "label", "img", "meta", "link", "o:p", "tt", "kbd", "samp", "mark", "abbr", "cite", "wbr",
    "colgroup", "col", "caption", "center", "style", "script", "base",
];

/// HTML to text with a single linear scan: tags become nothing (inline), a line break (block)
/// or ` | ` (table cells, so `<td>Client ID</td><td>…</td>` reads as a labelled value); link
/// targets are kept next to their text; `<script>`/`<style>` bodies and comments are dropped.
/// Anything that is not a known tag (`<tenant>`, `<https://…>`) stays text. Written by hand
/// because the real parser (`scraper`/html5ever) is native-only in this project and only the
/// text is needed here.
pub(super) fn html_to_text(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let b = t.as_bytes();
    let mut i = 0;
    let mut copied = 0;
    while let Some(off) = t[i..].find('<') {
        let lt = i + off;
        i = lt + 1;
        if t[lt..].starts_with("<!--") {
            out.push_str(&t[copied..lt]);
            let end = t[lt..].find("-->").map(|e| lt + e + 3).unwrap_or(t.len());
            i = end;
            copied = end;
            continue;
        }
        let mut j = lt + 1;
        let closing = b.get(j) == Some(&b'/');
        if closing {
            j += 1;
        }
        let name_start = j;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b':' || b[j] == b'-') {
            j += 1;
        }
        let name = t[name_start..j].to_ascii_lowercase();
        let known = BLOCK_TAGS.contains(&name.as_str())
            || CELL_TAGS.contains(&name.as_str())
            || INLINE_TAGS.contains(&name.as_str());
        if !known || !(j >= b.len() || matches!(b[j], b'>' | b'/' | b' ' | b'\t' | b'\n')) {
            continue;
        }
        // The tag's end, respecting quoted attribute values, bounded.
        let mut k = j;
        let mut quote: Option<u8> = None;
        let limit = (j + 4000).min(b.len());
        while k < limit {
            match (quote, b[k]) {
                (None, b'"' | b'\'') => quote = Some(b[k]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            k += 1;
        }
        if k >= limit {
            continue;
        }
        out.push_str(&t[copied..lt]);
        let attrs = &t[j..k];
        copied = k + 1;
        i = k + 1;
        if !closing && (name == "script" || name == "style") {
            let close = format!("</{name}");
            let end = t[i..]
                .to_ascii_lowercase()
                .find(&close)
                .map(|e| i + e)
                .unwrap_or(t.len());
            i = end;
            copied = end;
            continue;
        }
        if name == "a" && !closing {
            if let Some(href) = attr(attrs, "href") {
                out.push(' ');
                out.push_str(href);
                out.push(' ');
            }
        }
        if BLOCK_TAGS.contains(&name.as_str()) {
            out.push('\n');
        } else if CELL_TAGS.contains(&name.as_str()) && !closing {
            out.push_str(" | ");
        }
    }
    out.push_str(&t[copied..]);
    out
}

/// An attribute's value inside a tag's text.
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let lower = attrs.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = attrs.get(at..)?;
    let (q, body) = match rest.chars().next()? {
        c @ ('"' | '\'') => (Some(c), &rest[1..]),
        _ => (None, rest),
    };
    let end = match q {
        Some(q) => body.find(q)?,
        None => body
            .find(|c: char| c.is_whitespace() || c == '>')
            .unwrap_or(body.len()),
    };
    Some(&body[..end])
}
