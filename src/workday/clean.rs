//! A value as a partner's form should receive it: the characters a person cannot see, the
//! quotes a message or a JSON file puts around a value, and a link a mail system's link
//! protection rewrote.

use std::borrow::Cow;

/// Characters a person cannot see in a value, with their names: zero-width characters, the
/// byte-order mark, the soft hyphen, no-break spaces, bidirectional controls. A partner's form
/// takes them as part of the value, and the value then fails (`invalid_client`).
pub fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00A0}' => "no-break space (U+00A0)",
        '\u{00AD}' => "soft hyphen (U+00AD)",
        '\u{034F}' => "combining grapheme joiner (U+034F)",
        '\u{061C}' => "Arabic letter mark (U+061C)",
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => "Hangul filler",
        '\u{180E}' => "Mongolian vowel separator (U+180E)",
        '\u{2007}' => "figure space (U+2007)",
        '\u{200B}' => "zero-width space (U+200B)",
        '\u{200C}' => "zero-width non-joiner (U+200C)",
        '\u{200D}' => "zero-width joiner (U+200D)",
        '\u{200E}' => "left-to-right mark (U+200E)",
        '\u{200F}' => "right-to-left mark (U+200F)",
        '\u{202A}'..='\u{202E}' => "bidirectional control (U+202A–U+202E)",
        '\u{202F}' => "narrow no-break space (U+202F)",
        '\u{2060}' => "word joiner (U+2060)",
        '\u{2061}'..='\u{2064}' => "invisible operator (U+2061–U+2064)",
        '\u{2066}'..='\u{2069}' => "bidirectional isolate (U+2066–U+2069)",
        '\u{FEFF}' => "byte-order mark (U+FEFF)",
        '\u{FE00}'..='\u{FE0F}' => "variation selector",
        _ => return None,
    })
}

/// White space a person can at least suspect: ordinary spaces, tabs and line breaks (the
/// no-break spaces count as invisible, see [`invisible_name`]).
pub fn is_visible_space(c: char) -> bool {
    c.is_whitespace() && invisible_name(c).is_none()
}

/// How a character a person cannot see is drawn so they can: ␠ for a space, ⍽ for a no-break
/// space (U+00A0, U+202F, U+2007), ⇥ for a tab, ⏎ for a line break, and the character's
/// name in angle quotes for zero-width and other invisible characters (`⟨ZWSP⟩`,
/// `⟨U+00AD⟩`). `None` for a character a person sees.
pub fn white_space_mark(c: char) -> Option<Cow<'static, str>> {
    Some(Cow::Borrowed(match c {
        ' ' => "␠",
        '\u{00A0}' | '\u{202F}' | '\u{2007}' => "⍽",
        '\t' => "⇥",
        '\n' => "⏎",
        '\r' => "␍",
        '\u{200B}' => "⟨ZWSP⟩",
        '\u{200C}' => "⟨ZWNJ⟩",
        '\u{200D}' => "⟨ZWJ⟩",
        '\u{2060}' => "⟨WJ⟩",
        '\u{FEFF}' => "⟨BOM⟩",
        c if c.is_whitespace() || is_invisible(c) => {
            return Some(Cow::Owned(format!("⟨U+{:04X}⟩", c as u32)))
        }
        _ => return None,
    }))
}

/// Whether `s` holds a character [`white_space_mark`] draws.
pub fn has_white_space_or_invisible(s: &str) -> bool {
    s.chars().any(|c| c.is_whitespace() || is_invisible(c))
}

/// `s` with every white space and invisible character drawn ([`white_space_mark`]): what a
/// finding shows beside the value, so `abc ` and `abc` no longer look the same.
pub fn drawn(s: &str) -> Cow<'_, str> {
    if !has_white_space_or_invisible(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match white_space_mark(c) {
            Some(mark) => out.push_str(&mark),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A secret drawn without showing it: each run of characters a person sees is `••••`, white
/// space and invisible characters are drawn where they are (`••••␠`).
pub fn drawn_masked(s: &str) -> String {
    let mut out = String::new();
    let mut in_run = false;
    for c in s.chars() {
        match white_space_mark(c) {
            Some(mark) => {
                out.push_str(&mark);
                in_run = false;
            }
            None if !in_run => {
                out.push_str("••••");
                in_run = true;
            }
            None => {}
        }
    }
    out
}

/// Quote characters that wrap a value when it is pasted from a message or a JSON file.
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '“' | '”' | '„' | '‘' | '’' | '‚' | '«' | '»' | '‹' | '›'
    )
}

/// The value as a partner's form should receive it: without any white space or invisible
/// character (none of the values wdcap handles may contain one), without quotes around it, and,
/// for a link a mail system's link protection rewrote, the address inside it
/// (`crate::workday::link_wrappers`; the `link-wrapped` check says so).
pub fn clean(raw: &str) -> String {
    clean_cow(raw).into_owned()
}

/// [`clean`], borrowing from `raw` when nothing but the quotes around it goes (the common case:
/// extraction cleans every word of a paste).
pub(crate) fn clean_cow(raw: &str) -> Cow<'_, str> {
    let stripped = stripped_cow(raw);
    match crate::workday::link_wrappers::unwrap(&stripped) {
        Some(inner) => Cow::Owned(inner.url),
        None => stripped,
    }
}

/// `raw` without white space, invisible characters and the quotes around it: what was written,
/// before any link wrapper is taken off.
pub fn stripped(raw: &str) -> String {
    stripped_cow(raw).into_owned()
}

/// [`stripped`], borrowing from `raw` when it holds no white space or invisible character.
pub(crate) fn stripped_cow(raw: &str) -> Cow<'_, str> {
    let removed = |c: char| c.is_whitespace() || is_invisible(c);
    // ASCII text (nearly every value) is tested byte by byte: its only white space is these.
    let nothing_removed = if raw.is_ascii() {
        !raw.bytes()
            .any(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C))
    } else {
        !raw.contains(removed)
    };
    if nothing_removed {
        return Cow::Borrowed(raw.trim_matches(is_quote));
    }
    let kept: String = raw.chars().filter(|c| !removed(*c)).collect();
    Cow::Owned(kept.trim_matches(is_quote).to_string())
}

/// Whether [`invisible_name`] names `c`, without looking it up for the characters below U+00A0
/// (none of them is invisible in that sense).
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    c >= '\u{00A0}' && invisible_name(c).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_white_space_is_what_char_calls_white_space() {
        for b in 0u8..0x80 {
            let listed = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
            assert_eq!(listed, char::from(b).is_whitespace(), "{b:#x}");
            let raw = format!("a{}b", char::from(b));
            assert_eq!(stripped(&raw) == "ab", listed, "{b:#x}");
        }
    }

    #[test]
    fn cleaning_and_invisible_characters() {
        assert_eq!(clean(" \u{200B}abc\u{00A0}"), "abc");
        assert_eq!(clean("\"abc\" "), "abc");
        assert_eq!(clean("“abc”"), "abc");
        assert!(invisible_name('\u{FEFF}').is_some() && invisible_name('a').is_none());
        assert!(is_visible_space(' ') && !is_visible_space('\u{00A0}'));
    }

    #[test]
    fn white_space_is_drawn() {
        assert_eq!(drawn("abc"), "abc");
        assert_eq!(
            drawn(" a\tb\u{a0}\u{202f}c\u{200b}\u{feff}\u{ad} "),
            "␠a⇥b⍽⍽c⟨ZWSP⟩⟨BOM⟩⟨U+00AD⟩␠"
        );
        assert_eq!(
            drawn("x\u{2060}\u{200c}\u{200d}\u{2007}\n"),
            "x⟨WJ⟩⟨ZWNJ⟩⟨ZWJ⟩⍽⏎"
        );
        assert_eq!(drawn_masked("k3j4h5 g6\u{a0}"), "••••␠••••⍽");
        assert_eq!(drawn_masked("k3j4h5"), "••••");
        assert!(!drawn_masked("secret value").contains("secret"));
    }
}
