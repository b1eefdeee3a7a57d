//! Value shapes (`workday-notes.md`, "Values"): what a client ID, a WID, a reference ID or a secret
//! looks like. Recognisers use these to decide a value's kind by its shape before its label;
//! checks use them to say a value is malformed. Shapes marked "weak" in the notes are only ever
//! used as hints, never to raise an error.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

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

/// An unlabelled value that is very probably a client secret or a refresh token: 80 to 160
/// lowercase letters and digits, with both letters and digits. Stricter than
/// [`is_secret_like`] because no label backs it up (a commit hash is 40, a SHA-256 64).
pub fn is_unlabelled_secret(s: &str) -> bool {
    (80..=160).contains(&s.len())
        && is_secret_like(s)
        && s.bytes().any(|c| c.is_ascii_digit())
        && s.bytes().any(|c| c.is_ascii_lowercase())
}

/// A Workday user name for basic authentication, `user@tenant` (the notes' "Values"): no dot after the
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

/// Reference-ID types that name an organisation (the notes' "Values"), accepted as org IDs.
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
    fn isu_names_and_unlabelled_secrets() {
        assert!(is_isu_at_tenant("ISU_Viva@acme"));
        assert!(!is_isu_at_tenant("jane@10kc.com"));
        assert!(is_unlabelled_secret(&"a1".repeat(50)));
        assert!(!is_unlabelled_secret(&"a".repeat(100)));
    }
}
