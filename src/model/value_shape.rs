//! The kinds a value's shape says it may be, before any label: a URL by its path, a client ID, a
//! WID, an organisation reference ID, a `user@tenant` name, a secret.

use crate::model::param::ParamKind;
use crate::workday::endpoint::Endpoint;
use crate::workday::values;

/// The kinds a value's shape says it may be (empty: no known shape). Only shapes of good
/// confidence decide alone; the secret shape (weak) gives both secret kinds.
pub fn value_shape(value: &str) -> Vec<ParamKind> {
    let v = value.trim();
    if has_scheme_separator(v) {
        return match Endpoint::parse(v).ok().and_then(|e| e.kind) {
            Some(k) => vec![ParamKind::for_endpoint(k)],
            None => Vec::new(),
        };
    }
    if values::is_client_id(v) {
        return vec![ParamKind::ClientId];
    }
    if values::is_wid(v) {
        return vec![ParamKind::OrgId];
    }
    // Most words hold neither `=` nor `@`: one byte search each instead of splitting.
    let b = v.as_bytes();
    if let Some((ty, _)) = b.contains(&b'=').then(|| values::reference_id(v)).flatten() {
        if values::is_org_reference_type(ty) {
            return vec![ParamKind::OrgId];
        }
    }
    if b.contains(&b'@') && values::is_isu_at_tenant(v) {
        return vec![ParamKind::IsuUsername];
    }
    if values::is_secret_like(v) {
        return vec![ParamKind::ClientSecret, ParamKind::RefreshToken];
    }
    Vec::new()
}

/// Whether `s` holds `://` (a word: a byte search for `:` costs less than a substring
/// searcher's set-up).
pub(crate) fn has_scheme_separator(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b':', b).any(|i| b[i + 1..].starts_with(b"//"))
}
