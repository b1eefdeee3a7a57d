//! The pieces of a line the scanner looks at: separators after a label, quotes, a bare word's
//! wrapping punctuation, a URL inside a word, a label inside a word (`client_id=…`).

use crate::model::kind_phrases::{find_label, words};
use crate::model::param::ParamKind;
use crate::model::value_shape::value_shape;
use crate::workday::clean;

pub(super) fn is_separator_end(window: &str) -> bool {
    let t = window.trim_end_matches([' ', '*', '_']);
    if window.ends_with('\t') || window.ends_with("  ") && !t.is_empty() {
        return true;
    }
    let ends_with_word = |w: &str| {
        t.len() >= w.len() && t.as_bytes()[t.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
    };
    t.ends_with([':', '=', '|', '-', '–', '—', '→', '>', ','])
        || ends_with_word(" is")
        || ends_with_word(" was")
        || ends_with_word(" are")
}

/// Quote pairs: opening → closing.
pub(super) fn closing_quote(c: char) -> Option<char> {
    Some(match c {
        '"' => '"',
        '\'' => '\'',
        '`' => '`',
        '“' => '”',
        '„' => '“',
        '‘' => '’',
        '«' => '»',
        '‹' => '›',
        _ => return None,
    })
}

/// Strips wrapping punctuation from a bare word: brackets, emphasis, trailing sentence marks.
pub(super) fn strip_word(w: &str) -> &str {
    let w = w.trim_start_matches(['(', '[', '{', '<', '*', '_', '|']);
    let w = w.trim_start_matches(|c: char| clean::is_quote(c));
    let mut w = w.trim_end_matches([')', ']', '}', '>', '*', '|', '.', ',', ';', ':', '!', '?']);
    w = w.trim_end_matches(|c: char| clean::is_quote(c));
    w.trim_end_matches([')', ']', '}', '>', '*', '|', '.', ',', ';', ':', '!', '?'])
}

/// The URL that starts at the scheme in `word`: trailing punctuation and unbalanced closing
/// brackets removed, placeholder groups (`{tenant}`, `<tenant>`) kept.
pub(super) fn url_in(word: &str) -> Option<(usize, &str)> {
    // The first `http://` or `https://`, in any case (an `h` is always a character boundary).
    let at = word
        .bytes()
        .enumerate()
        .filter(|(_, b)| b.eq_ignore_ascii_case(&b'h'))
        .map(|(i, _)| i)
        .find(|&i| crate::workday::link_wrappers::is_http(&word[i..]))?;
    let whole = &word[at..];
    // No-break spaces the word ends with (kept in it at a line's end: `Scanner::word_end`) stay
    // with the URL only when nothing is cut from its end: after a sentence mark they follow the
    // sentence, not the value.
    let mut u = whole.trim_end_matches(|c: char| c.is_whitespace());
    let carried = whole.len() - u.len();
    let core = u.len();
    loop {
        let before = u.len();
        u = u.trim_end_matches(['.', ',', ';', ':', '!', '?', '*']);
        u = u.trim_end_matches(|c: char| clean::is_quote(c));
        for (open, close) in [('(', ')'), ('[', ']'), ('{', '}'), ('<', '>')] {
            if u.ends_with(close) && u.matches(open).count() < u.matches(close).count() {
                u = &u[..u.len() - 1];
            }
        }
        // `…/token">text` and `](…)` leftovers.
        if let Some(cut) = u.find(['"', '\'', '`']) {
            u = &u[..cut];
        }
        if u.len() == before {
            break;
        }
    }
    if u.len() == core && carried > 0 {
        u = whole;
    }
    (u.len() > "https://".len()).then_some((at, u))
}

/// A word split by [`split_inline_label`].
pub(super) struct InlineSplit<'v> {
    /// The value (the whole word, or what follows its label).
    pub(super) value: &'v str,
    /// The label in the word, its kind and text.
    pub(super) label: Option<(ParamKind, &'v str)>,
    /// The shape of `value`, when the split needed it.
    pub(super) shape: Option<Vec<ParamKind>>,
}

/// `key=value` or `key:value` in one word, when the key is a label.
pub(super) fn split_inline_label(value: &str, delimited: bool) -> InlineSplit<'_> {
    let whole = |shape| InlineSplit {
        value,
        label: None,
        shape,
    };
    if delimited {
        return whole(None);
    }
    let shape = value_shape(value);
    if !shape.is_empty() {
        return whole(Some(shape));
    }
    if let Some(at) = value.find(['=', ':']) {
        let (key, rest) = (&value[..at], &value[at + 1..]);
        if let Some((Some(k), text)) = find_label(key) {
            if !rest.is_empty() && words(key).len() <= 4 && key.len() <= 40 {
                return InlineSplit {
                    value: strip_word(rest),
                    label: Some((k, text)),
                    shape: None,
                };
            }
        }
    }
    whole(Some(shape))
}
