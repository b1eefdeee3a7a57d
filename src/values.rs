//! Value shapes (`workday-notes.md` §3): what a client ID, a WID, a reference ID or a secret
//! looks like. Recognisers use these to decide a value's kind by its shape before its label;
//! checks use them to say a value is malformed. Shapes marked "weak" in the notes are only ever
//! used as hints, never to raise an error.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use std::borrow::Cow;

/// Client ID: base64 of a lowercase UUID string, 48 characters that decode to 36 (good
/// confidence in the notes).
pub fn is_client_id(s: &str) -> bool {
    s.len() == 48 && decoded_uuid(s).is_some()
}

/// The UUID a client ID encodes, when it is one.
pub fn decoded_uuid(s: &str) -> Option<String> {
    let bytes = STANDARD.decode(s.as_bytes()).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    is_uuid(&text).then_some(text)
}

pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Workday ID: 32 lowercase hex characters (good confidence).
pub fn is_wid(s: &str) -> bool {
    s.len() == 32
        && s.bytes()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
}

/// Secret-like: a long run of lowercase letters and digits (client secret and refresh token are
/// both "about 100 characters of [a-z0-9]", weak confidence: a hint only).
pub fn is_secret_like(s: &str) -> bool {
    (60..=200).contains(&s.len())
        && s.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// A reference ID written `Type=Value` (`Organization_Reference_ID=SUP_ORG_123`).
pub fn reference_id(s: &str) -> Option<(&str, &str)> {
    let (ty, value) = s.split_once('=')?;
    let ty_ok = !ty.is_empty() && ty.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_');
    (ty_ok && !value.is_empty() && !value.contains(char::is_whitespace)).then_some((ty, value))
}

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
/// (`crate::link_wrappers`; the `link-wrapped` check says so).
pub fn clean(raw: &str) -> String {
    clean_cow(raw).into_owned()
}

/// [`clean`], borrowing from `raw` when nothing but the quotes around it goes (the common case:
/// extraction cleans every word of a paste).
pub(crate) fn clean_cow(raw: &str) -> Cow<'_, str> {
    let stripped = stripped_cow(raw);
    match crate::link_wrappers::unwrap(&stripped) {
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

/// Words that stand for a value in templates and guides (`yourorg` is the Viva Learning guide's
/// example tenant), compared without case.
const PLACEHOLDER_WORDS: &[&str] = &[
    "yourorg",
    "yourtenant",
    "your_tenant",
    "your-tenant",
    "yourtenantname",
    "your_tenant_name",
    "tenant",
    "tenantname",
    "tenant_name",
    "tenant-name",
    "mytenant",
    "yourcompany",
    "your_company",
    "companyname",
    "prefix",
    "datacenter",
    "data_center",
    "hostname",
    "host",
    "your_client_id",
    "yourclientid",
    "client_id",
    "clientid",
    "your_client_secret",
    "client_secret",
    "clientsecret",
    "your_refresh_token",
    "refresh_token",
    "refreshtoken",
    "changeme",
    "redacted",
    "placeholder",
    "tbd",
    "todo",
    "n/a",
    "null",
    "none",
    "undefined",
    "username",
    "user_name",
    "your_username",
    "isu_username",
    "report_owner",
    "report_name",
    "org_id",
    "orgid",
];

/// What in `value` is a placeholder, if anything: a `{…}`, `<…>` or `[…]` group (also
/// percent-encoded), a template word (`yourorg`, `TENANT`), a run of `x` or a masked value
/// (`****`, `••••`). In URLs only the host's labels and the tenant, owner and report segments
/// are judged as words, so `/ccx/oauth2/acme/token` is not a placeholder for its `token`.
pub fn placeholder(value: &str, kind: crate::param::ParamKind) -> Option<String> {
    placeholder_given(value, kind, None)
}

/// [`placeholder`], given `value` parsed as a URL when the caller has done that already
/// (`Some(None)`: it does not parse).
pub(crate) fn placeholder_given(
    value: &str,
    kind: crate::param::ParamKind,
    parsed: Option<Option<&crate::endpoint::Endpoint>>,
) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    for (open, close) in [("{", "}"), ("<", ">"), ("%7b", "%7d"), ("%3c", "%3e")] {
        if let Some(a) = lower.find(open) {
            if let Some(b) = lower[a..].find(close) {
                return Some(value[a..a + b + close.len()].to_string());
            }
        }
    }
    if let (Some(a), Some(b)) = (value.find('['), value.rfind(']')) {
        // `[tenant]`, not an IPv6 literal (digits, hex and colons).
        if a < b
            && value[a + 1..b]
                .chars()
                .any(|c| c.is_alphabetic() && !c.is_ascii_hexdigit())
        {
            return Some(value[a..=b].to_string());
        }
    }
    let words: Vec<String> = if kind.is_url() {
        let own;
        let parsed = match parsed {
            Some(e) => e,
            None => {
                own = crate::endpoint::Endpoint::parse(value).ok();
                own.as_ref()
            }
        };
        match parsed {
            Some(e) => {
                let mut w: Vec<String> = e
                    .url
                    .host_str()
                    .map(|h| h.split('.').map(str::to_string).collect())
                    .unwrap_or_default();
                w.extend(e.tenant.as_ref().map(|t| t.as_str().to_string()));
                w.extend(e.detail.report_owner.iter().cloned());
                w.extend(e.detail.report_name.iter().cloned());
                w
            }
            None => vec![value.to_string()],
        }
    } else {
        // A user name `user@tenant` is judged by both halves.
        value.split('@').map(str::to_string).collect()
    };
    for w in &words {
        let lw = w.to_lowercase();
        if PLACEHOLDER_WORDS.contains(&lw.as_str())
            || (lw.starts_with("your") && lw.len() > 4 && !kind.is_url())
            || (lw.len() >= 3 && lw.chars().all(|c| c == 'x'))
            || (lw.len() >= 3 && lw.chars().all(|c| matches!(c, '*' | '•' | '●' | '#')))
        {
            return Some(w.clone());
        }
    }
    None
}

pub fn has_placeholder(value: &str, kind: crate::param::ParamKind) -> bool {
    placeholder(value, kind).is_some()
}

/// How a value is cut short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truncation {
    /// It holds an ellipsis (`…` or `...`): a display or a mail client shortened it.
    Ellipsis,
    /// A client ID's characters, fewer than 48 (good confidence: an error).
    ShortClientId,
    /// A WID's characters, fewer than 32 (good confidence: an error).
    ShortWid,
    /// Secret characters, clearly fewer than a secret's "about 100" (weak confidence: a warning).
    ShortSecret,
}

/// Whether and how `value` (already cleaned) looks cut short for its kind.
pub fn truncation(value: &str, kind: crate::param::ParamKind) -> Option<Truncation> {
    use crate::param::ParamKind as K;
    if value.contains('…') || value.contains("...") {
        return Some(Truncation::Ellipsis);
    }
    let n = value.len();
    match kind {
        K::ClientId
            if (16..48).contains(&n)
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
                // A prefix of a real client ID decodes, as far as it goes, to UUID characters.
                && prefix_decodes_to_uuid_chars(value) =>
        {
            Some(Truncation::ShortClientId)
        }
        K::OrgId
            if (16..32).contains(&n)
                && value
                    .bytes()
                    .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c)) =>
        {
            Some(Truncation::ShortWid)
        }
        K::ClientSecret | K::RefreshToken
            if (1..50).contains(&n)
                && value
                    .bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()) =>
        {
            Some(Truncation::ShortSecret)
        }
        _ => None,
    }
}

fn prefix_decodes_to_uuid_chars(prefix: &str) -> bool {
    let whole = prefix.len() / 4 * 4;
    if whole == 0 {
        return false;
    }
    STANDARD
        .decode(&prefix.as_bytes()[..whole])
        .ok()
        .is_some_and(|b| b.iter().all(|c| c.is_ascii_hexdigit() || *c == b'-'))
}

/// An unlabelled value that is very probably a client secret or a refresh token: 80 to 160
/// lowercase letters and digits, with both letters and digits. Stricter than
/// [`is_secret_like`] because no label backs it up (a commit hash is 40, a SHA-256 64).
pub fn is_unlabelled_secret(s: &str) -> bool {
    (80..=160).contains(&s.len())
        && is_secret_like(s)
        && s.bytes().any(|c| c.is_ascii_digit())
        && s.bytes().any(|c| c.is_ascii_lowercase())
}

/// A Workday user name for basic authentication, `user@tenant` (notes §3): no dot after the
/// `@`, which tells it from an e-mail address.
pub fn is_isu_at_tenant(s: &str) -> bool {
    match s.split_once('@') {
        Some((user, tenant)) => {
            !user.is_empty()
                && !tenant.is_empty()
                && !tenant.contains(['.', '@'])
                && user
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
                && tenant
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        }
        None => false,
    }
}

/// Reference-ID types that name an organisation (notes §3), accepted as org IDs.
pub fn is_org_reference_type(ty: &str) -> bool {
    let t = ty.to_ascii_lowercase();
    t.contains("organization")
        || t.contains("company")
        || t.contains("cost_center")
        || t.contains("region")
        || t == "location_id"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_id_is_base64_of_a_uuid() {
        let id = STANDARD.encode("0f9e3c6a-5b1d-4e2f-9a8b-7c6d5e4f3a21");
        assert_eq!(id.len(), 48);
        assert!(is_client_id(&id));
        assert!(!is_client_id(&id[..47]));
        assert!(!is_client_id(
            &STANDARD.encode("not a uuid at all, but 36 chars long")
        ));
    }

    #[test]
    fn wid_and_reference_ids() {
        assert!(is_wid("3f2a9c0b7e6d4c5b8a1f0e9d8c7b6a59"));
        assert!(!is_wid("3F2A9C0B7E6D4C5B8A1F0E9D8C7B6A59"));
        assert_eq!(
            reference_id("Organization_Reference_ID=SUP_ORG_123"),
            Some(("Organization_Reference_ID", "SUP_ORG_123"))
        );
        assert_eq!(reference_id("no equals"), None);
    }
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
    fn placeholders() {
        use crate::param::ParamKind as K;
        let p = |v: &str, k| placeholder(v, k);
        assert!(p(
            "https://wd3.myworkday.com/ccx/service/yourorg/Learning/v39.2",
            K::SoapEndpoint
        )
        .is_some());
        assert!(p(
            "https://wd3-impl-services1.workday.com/ccx/api/v1/{tenant}",
            K::RestEndpoint
        )
        .is_some());
        assert!(p(
            "https://wd3-impl-services1.workday.com/ccx/api/v1/<tenant>",
            K::RestEndpoint
        )
        .is_some());
        assert!(p(
            "https://wd3-impl-services1.workday.com/ccx/api/v1/TENANT",
            K::RestEndpoint
        )
        .is_some());
        assert!(p(
            "https://wd3-impl-services1.workday.com/ccx/oauth2/xxxx/token",
            K::TokenEndpoint
        )
        .is_some());
        assert!(p(
            "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token",
            K::TokenEndpoint
        )
        .is_none());
        assert!(p("xxxxxxxx", K::ClientSecret).is_some());
        assert!(p("YOUR_CLIENT_ID", K::ClientId).is_some());
        assert!(p("********", K::ClientSecret).is_some());
        assert!(p("ISU_Viva@acme", K::IsuUsername).is_none());
    }

    #[test]
    fn truncations() {
        use crate::param::ParamKind as K;
        let id = STANDARD.encode("0f9e3c6a-5b1d-4e2f-9a8b-7c6d5e4f3a21");
        assert_eq!(
            truncation(&id[..40], K::ClientId),
            Some(Truncation::ShortClientId)
        );
        assert_eq!(truncation(&id, K::ClientId), None);
        assert_eq!(
            truncation("abc…", K::ClientSecret),
            Some(Truncation::Ellipsis)
        );
        assert_eq!(
            truncation("3f2a9c0b7e6d4c5b8a1f", K::OrgId),
            Some(Truncation::ShortWid)
        );
        assert_eq!(
            truncation("abc123", K::RefreshToken),
            Some(Truncation::ShortSecret)
        );
    }

    #[test]
    fn isu_names_and_unlabelled_secrets() {
        assert!(is_isu_at_tenant("ISU_Viva@acme"));
        assert!(!is_isu_at_tenant("jane@10kc.com"));
        assert!(is_unlabelled_secret(&"a1".repeat(50)));
        assert!(!is_unlabelled_secret(&"a".repeat(100)));
    }
}
