//! HTML character references in pasted text: `&name;`, `&#NNN;`, `&#xHH;`.

use super::contains;

pub(super) fn has_entities(t: &str) -> bool {
    ["&amp;", "&lt;", "&gt;", "&quot;", "&#", "&nbsp;", "&apos;"]
        .iter()
        .any(|e| contains(t, e))
}

/// Named entities decoded in pasted text: the ones HTML mail and ticket systems write around
/// connection parameters (markup escapes, spaces, quotes and dashes, accented letters of the
/// French and German labels). Any other `&name;` stays as written.
///
/// Exception to "use the library" (wasm size): `html-escape` carries the whole HTML5
/// table of 2 231 entities, about 60 KB of the wasm module, for these few.
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwsp", '\u{200b}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("shy", '\u{ad}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("ldquo", '\u{201c}'),
    ("rdquo", '\u{201d}'),
    ("laquo", '\u{ab}'),
    ("raquo", '\u{bb}'),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("hellip", '\u{2026}'),
    ("bull", '\u{2022}'),
    ("middot", '\u{b7}'),
    ("copy", '\u{a9}'),
    ("reg", '\u{ae}'),
    ("trade", '\u{2122}'),
    ("euro", '\u{20ac}'),
    ("agrave", '\u{e0}'),
    ("acirc", '\u{e2}'),
    ("auml", '\u{e4}'),
    ("ccedil", '\u{e7}'),
    ("eacute", '\u{e9}'),
    ("egrave", '\u{e8}'),
    ("ecirc", '\u{ea}'),
    ("euml", '\u{eb}'),
    ("icirc", '\u{ee}'),
    ("iuml", '\u{ef}'),
    ("ocirc", '\u{f4}'),
    ("ouml", '\u{f6}'),
    ("ugrave", '\u{f9}'),
    ("ucirc", '\u{fb}'),
    ("uuml", '\u{fc}'),
    ("szlig", '\u{df}'),
    ("Eacute", '\u{c9}'),
    ("Auml", '\u{c4}'),
    ("Ouml", '\u{d6}'),
    ("Uuml", '\u{dc}'),
];

/// Decodes `&name;` (see [`NAMED_ENTITIES`]), `&#NNN;` and `&#xHH;`; anything else (an unknown
/// name, a number that is no character, a missing `;`) is kept as written.
pub(super) fn decode_entities(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        // Entity names and numbers are short; a `;` further away is not this entity's.
        let decoded = after
            .bytes()
            .take(12)
            .position(|b| b == b';')
            .and_then(|semi| {
                let body = &after[..semi];
                let ch = if let Some(num) = body.strip_prefix('#') {
                    let n = match num.strip_prefix(['x', 'X']) {
                        Some(hex) if hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                            u32::from_str_radix(hex, 16).ok()
                        }
                        Some(_) => None,
                        None if num.bytes().all(|b| b.is_ascii_digit()) => num.parse().ok(),
                        None => None,
                    };
                    n.and_then(char::from_u32).filter(|c| *c != '\0')
                } else {
                    NAMED_ENTITIES
                        .iter()
                        .find(|(name, _)| *name == body)
                        .map(|(_, c)| *c)
                };
                ch.map(|c| (c, semi + 1))
            });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::decode_entities;

    #[test]
    fn entities_named_numeric_and_unknown() {
        assert_eq!(
            decode_entities("a=1&amp;b=2 &lt;x&gt; &#39;q&#x27; caf&eacute;&nbsp;!"),
            "a=1&b=2 <x> 'q' caf\u{e9}\u{a0}!"
        );
        // Unknown names, bad numbers, a missing `;` and a lone `&` stay as written.
        assert_eq!(
            decode_entities("&bogus; &#xZZ; &#+5; &#0; &amp &"),
            "&bogus; &#xZZ; &#+5; &#0; &amp &"
        );
        assert_eq!(decode_entities("&#x1F600;&#8212;"), "\u{1F600}\u{2014}");
    }
}
