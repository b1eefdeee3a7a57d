//! Values a mail client wrapped at a line's end, joined with their rest on the next line.

use super::classify::{UrlShape, UrlShapes};
use super::words::strip_word;
use crate::model::value_shape::has_scheme_separator;
use crate::workday::values;

/// Characters a URL may hold, for deciding that a line's first word continues a wrapped URL.
fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '-' | '.'
                | '_'
                | '~'
                | ':'
                | '/'
                | '?'
                | '#'
                | '['
                | ']'
                | '@'
                | '!'
                | '$'
                | '&'
                | '\''
                | '('
                | ')'
                | '*'
                | '+'
                | ','
                | ';'
                | '='
                | '%'
                | '{'
                | '}'
                | '<'
                | '>'
        )
}

/// A URL cut at the end of a line, continued at the start of the next: joined when the URL is
/// plainly unfinished (it ends in `/`, `?`, `&`, `=`, `-`, `_` or `.`), when only the joined URL
/// has a Workday shape, or when the line is as long as mail clients wrap at and the next line
/// starts with URL characters and no prose.
pub(super) fn join_url(
    url: &str,
    line_len: usize,
    next: Option<&str>,
    shapes: &mut UrlShapes,
) -> Option<(String, usize)> {
    let next = next?;
    if next.starts_with(char::is_whitespace) {
        return None;
    }
    let first_end = next.find(char::is_whitespace).unwrap_or(next.len());
    let first = &next[..first_end];
    if first.is_empty() || !first.chars().all(is_url_char) || has_scheme_separator(first) {
        return None;
    }
    let cont = first.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '>', ']']);
    // Built only when needed: most URLs at a line's end are complete.
    let joined = || [url, cont].concat();
    let unfinished = url.ends_with(['/', '?', '&', '=', '-', '_', '.']);
    let join = unfinished || {
        let own = shapes.of(url);
        let kind = |s: Option<UrlShape>| s.and_then(|s| s.kind);
        let shape_only_joined = kind(own).is_none() && kind(shapes.of(&joined())).is_some();
        let plain_word = cont
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        // A URL that already has its endpoint's full shape, followed by a plain word, ends
        // there: the word is the next line's prose ("thanks"), not the rest of a tenant name.
        // (A tenant cut mid-word would still show up, as a tenant mismatch.)
        let complete = own.is_some_and(|s| s.complete);
        let wrapped_long = line_len >= 60
            && url.len() >= 30
            && (cont.contains(['/', '?', '=', '&', '_', '%']) || (plain_word && !complete));
        shape_only_joined || wrapped_long
    };
    join.then(|| (joined(), first_end))
}

/// A value cut at the end of a line: a client ID, WID or secret whose rest starts the next line
/// (a middle piece fills its line, the last one stands alone on it).
pub(super) fn join_value(
    value: &str,
    line_len: usize,
    next: Option<&str>,
) -> Option<(String, usize)> {
    let next = next?;
    if next.starts_with(char::is_whitespace) {
        return None;
    }
    let first_end = next.find(char::is_whitespace).unwrap_or(next.len());
    let raw_first = &next[..first_end];
    let first = strip_word(raw_first);
    if first.is_empty()
        || !first
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '/' || c == '=')
    {
        return None;
    }
    let v = strip_word(value);
    let joined = [v, first].concat();
    let strong = |s: &str| values::is_client_id(s) || values::is_wid(s);
    if !strong(v) && strong(&joined) {
        return Some((joined, first_end));
    }
    let secretish = |s: &str| {
        s.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    };
    let alone_on_next = first_end == next.trim_end().len();
    // A secret of full length already, followed by a word without a digit, is complete: the
    // word is the next line's prose ("thanks"), which a random piece of a secret almost never
    // is.
    let complete = v.len() >= 80 && !first.bytes().any(|b| b.is_ascii_digit());
    if line_len >= 60
        && v.len() >= 40
        && secretish(v)
        && secretish(first)
        && !complete
        && alone_on_next
        && (80..=200).contains(&joined.len())
    {
        return Some((joined, first_end));
    }
    None
}
