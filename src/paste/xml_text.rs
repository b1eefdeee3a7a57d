//! XML pasted into a ticket (a SOAP envelope or fault, a WS-Security header, a WSDL, an XSLT)
//! reduced to what a person reads in it: the text of its elements, each after its element's
//! name when that name is a label (`<wsse:Username>isu@acme</wsse:Username>` reads as
//! `Username: isu@acme`), and URLs that attributes hold. Namespace declarations (`xmlns:…="…"`)
//! and schema locations go: they name vocabularies, never a parameter (the notes' "Hosts and URL
//! anatomy", "Pasted text around them"). Every line stays where it was (a tag over several
//! lines keeps its line breaks), so a value's line is the line the agent sees.
//!
//! Only what is plainly XML is touched: a tag whose name has a namespace prefix (`wsse:`), or
//! whose element is closed somewhere in the text (`</faultcode>`), written where a tag can start
//! (not inside a word or a URL, so `…/ccx/api/v1/<tenant>` stays a placeholder).

use crate::model::kind_phrases::{find_label, words};
use std::collections::HashSet;

/// The longest tag read (bytes); a longer one is left as text.
const MAX_TAG: usize = 4000;

/// Whether the text holds XML: a declaration, a namespace declaration, or a tag with a
/// namespace prefix.
pub(super) fn looks_xml(t: &str) -> bool {
    super::contains(t, "<?xml") || super::contains(t, "xmlns") || has_prefixed_tag(t)
}

fn has_prefixed_tag(t: &str) -> bool {
    memchr::memchr_iter(b'<', t.as_bytes()).any(|at| {
        let rest = &t[at + 1..];
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let name = element_name(rest);
        name.contains(':') && !name.ends_with(':')
    })
}

/// The element name at the start of `s` (letters, digits, `_`, `-`, `.`, `:`; starting with a
/// letter or `_`).
fn element_name(s: &str) -> &str {
    let b = s.as_bytes();
    if !b
        .first()
        .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
    {
        return "";
    }
    let end = b
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b':')))
        .unwrap_or(b.len());
    &s[..end]
}

/// A name without its namespace prefix.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// One attribute of a tag: its name and value.
struct Attr<'t> {
    name: &'t str,
    value: &'t str,
}

/// The attributes between an element's name and the end of its tag, and whether the tag closes
/// itself; `None` when the text is not attribute syntax (then it is no tag).
fn attributes(s: &str) -> Option<(Vec<Attr<'_>>, bool)> {
    let mut attrs = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return Some((attrs, false));
        }
        if rest == "/" || rest == "?" {
            return Some((attrs, true));
        }
        let name = element_name(rest);
        if name.is_empty() {
            return None;
        }
        rest = rest[name.len()..]
            .trim_start()
            .strip_prefix('=')?
            .trim_start();
        let q = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let body = &rest[1..];
        let end = body.find(q)?;
        attrs.push(Attr {
            name,
            value: &body[..end],
        });
        rest = &body[end + 1..];
    }
}

/// The end of the tag whose name ends at `from`: the index of the next `>`, when it comes
/// before any `<` and within [`MAX_TAG`]. (An attribute value holding `>` ends the tag early;
/// its attributes then fail to parse and the text stays as it is.) Each scan stops at the next
/// `<`, so all of them together read the text once.
fn tag_end(t: &str, from: usize) -> Option<usize> {
    let limit = (from + MAX_TAG).min(t.len());
    let at = from + memchr::memchr2(b'<', b'>', &t.as_bytes()[from..limit])?;
    (t.as_bytes()[at] == b'>').then_some(at)
}

/// Whether an element's name is a label (`Username`, `Client_ID`, `Password`): its words are a
/// label phrase and nothing more.
fn is_label(name: &str) -> bool {
    find_label(name).is_some_and(|(_, text)| {
        let ws = words(name);
        ws.first()
            .zip(ws.last())
            .is_some_and(|(f, l)| &name[f.0..l.1] == text)
    })
}

/// Attributes that declare namespaces or point at schemas.
fn is_namespace_attr(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower == "xmlns" || lower.starts_with("xmlns:") || lower.ends_with("schemalocation")
}

/// The line breaks in `s`, for a piece of markup replaced by nothing.
fn line_breaks(s: &str) -> impl Iterator<Item = char> + '_ {
    s.bytes().filter(|b| *b == b'\n').map(|_| '\n')
}

/// XML to text, in one pass (see the module's documentation).
pub(super) fn xml_to_text(t: &str) -> String {
    // Elements closed somewhere in the text.
    let closed: HashSet<&str> = memchr::memmem::find_iter(t.as_bytes(), b"</")
        .map(|at| element_name(&t[at + 2..]))
        .filter(|n| !n.is_empty())
        .collect();
    let mut out = String::with_capacity(t.len());
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = t[i..].find('<') {
        let lt = i + off;
        i = lt + 1;
        let after = &t[lt + 1..];
        // Declarations and processing instructions, comments, CDATA.
        let special = [("<?", "?>"), ("<!--", "-->"), ("<![CDATA[", "]]>")]
            .into_iter()
            .find(|(open, _)| t[lt..].starts_with(open));
        if let Some((open, close)) = special {
            let Some(end) = t[lt..].find(close).map(|e| lt + e) else {
                continue;
            };
            out.push_str(&t[copied..lt]);
            if open == "<![CDATA[" {
                out.push(' ');
                out.push_str(&t[lt + open.len()..end]);
                out.push(' ');
            } else {
                out.push(' ');
                out.extend(line_breaks(&t[lt..end]));
            }
            copied = end + close.len();
            i = copied;
            continue;
        }
        let closing = after.starts_with('/');
        let name = element_name(if closing { &after[1..] } else { after });
        if name.is_empty() || !(name.contains(':') || closed.contains(name)) {
            continue;
        }
        // An opening tag not inside a word, a URL or a query.
        if !closing
            && t[..lt]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '=' | '&' | '?'))
            && !name.contains(':')
        {
            continue;
        }
        let name_end = lt + 1 + usize::from(closing) + name.len();
        let Some(gt) = tag_end(t, name_end) else {
            continue;
        };
        let Some((attrs, self_closing)) = attributes(&t[name_end..gt]) else {
            continue;
        };
        if closing && !attrs.is_empty() {
            continue;
        }
        out.push_str(&t[copied..lt]);
        out.push(' ');
        for a in attrs
            .iter()
            .filter(|a| !is_namespace_attr(a.name) && a.value.contains("://"))
        {
            out.push_str(a.value);
            out.push(' ');
        }
        out.extend(line_breaks(&t[lt..gt]));
        if !closing && !self_closing && is_label(local(name)) {
            out.push_str(local(name));
            out.push_str(": ");
        }
        copied = gt + 1;
        i = copied;
    }
    out.push_str(&t[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_read_as_labelled_values_and_namespaces_go() {
        let x = "<env:Envelope\n    xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\">\n  <wsse:Username>isu@acme</wsse:Username>\n  <wsse:Password\n    Type=\"http://docs.oasis-open.org/x#PasswordText\">****</wsse:Password>\n</env:Envelope>";
        assert!(looks_xml(x));
        let text = xml_to_text(x);
        assert_eq!(text.lines().count(), x.lines().count(), "{text}");
        assert!(text.contains("Username: isu@acme"), "{text}");
        assert!(text.contains("Password: ****"), "{text}");
        assert!(!text.contains("schemas.xmlsoap.org"), "{text}");
        assert!(
            text.contains("http://docs.oasis-open.org/x#PasswordText"),
            "{text}"
        );
        assert!(!text.contains('<'), "{text}");
    }

    #[test]
    fn placeholders_and_prose_stay() {
        for t in [
            "REST: https://wd5-services1.myworkday.com/ccx/api/v1/<tenant> and <client id>",
            "a < b and c > d",
            "<tenant>",
        ] {
            assert_eq!(xml_to_text(t), t);
        }
        // An element closed in the text is one, without a prefix.
        assert_eq!(
            xml_to_text("<faultcode>SOAP-ENV:Client</faultcode>").trim(),
            "SOAP-ENV:Client"
        );
        assert!(!looks_xml(
            "Token: https://x/ccx/oauth2/acme/token <see below>"
        ));
    }

    #[test]
    fn odd_markup_never_panics() {
        for t in [
            "<",
            "<a:",
            "<a:b",
            "<?",
            "<!--",
            "<![CDATA[",
            "<a:b c=\"",
            "</a:b x>",
            "é<ü:ö>",
        ] {
            let _ = xml_to_text(t);
            let _ = looks_xml(t);
        }
    }
}
