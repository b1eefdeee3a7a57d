//! What is wrong with a value of a given kind, whatever its label: a placeholder left in it
//! (`{tenant}`, `yourorg`), or its end cut off.

use crate::model::param::ParamKind;
use crate::workday::endpoint::Endpoint;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;

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
pub fn placeholder(value: &str, kind: ParamKind) -> Option<String> {
    placeholder_given(value, kind, None)
}

/// [`placeholder`], given `value` parsed as a URL when the caller has done that already
/// (`Some(None)`: it does not parse).
pub(crate) fn placeholder_given(
    value: &str,
    kind: ParamKind,
    parsed: Option<Option<&Endpoint>>,
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
                own = Endpoint::parse(value).ok();
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

pub fn has_placeholder(value: &str, kind: ParamKind) -> bool {
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
pub fn truncation(value: &str, kind: ParamKind) -> Option<Truncation> {
    use ParamKind as K;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        use ParamKind as K;
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
        use ParamKind as K;
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
}
