//! Errors a ticket quotes: what Workday answered when the partner tried to connect. A support
//! agent's ticket nearly always carries one (`{"error":"invalid_grant"}`, `401 Unauthorized`,
//! a SOAP fault), and each has a known cause (workday-notes.md §3, §4; issue #6's mapping, which
//! the live test uses too). `extract` records the errors found as the `reported_errors` setting;
//! the `reported-error` check gives each one's cause and fix.
//!
//! Recognised, each case-insensitively and as whole words:
//! - RFC 6749 token endpoint errors: `invalid_client`, `invalid_grant`, `invalid_request`,
//!   `unauthorized_client`, `unsupported_grant_type`, `invalid_scope`;
//! - HTTP statuses 401, 403, 404 and 5xx, when the text says they are statuses (`HTTP 401`,
//!   `status 403`, `error 404`, `401 Unauthorized`, `(503)` after `returned` …), never a bare
//!   number (org IDs, versions and data centers are full of them);
//! - Workday's SOAP faults: `authenticationError` / "Invalid credentials" / "Invalid username or
//!   password" (credentials refused), "The task submitted is not authorized" (a permission).

/// One kind of error a text can quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReportedError {
    InvalidClient,
    InvalidGrant,
    InvalidRequest,
    UnauthorizedClient,
    UnsupportedGrantType,
    InvalidScope,
    /// HTTP 401, 403, 404, or a 5xx status.
    Http(u16),
    /// A SOAP fault refusing the ISU's credentials.
    SoapAuthentication,
    /// A SOAP fault for a missing permission.
    SoapNotAuthorized,
}

const OAUTH_CODES: &[(&str, ReportedError)] = &[
    ("invalid_client", ReportedError::InvalidClient),
    ("invalid_grant", ReportedError::InvalidGrant),
    ("invalid_request", ReportedError::InvalidRequest),
    ("unauthorized_client", ReportedError::UnauthorizedClient),
    (
        "unsupported_grant_type",
        ReportedError::UnsupportedGrantType,
    ),
    ("invalid_scope", ReportedError::InvalidScope),
];

const SOAP_PHRASES: &[(&str, ReportedError)] = &[
    ("authenticationerror", ReportedError::SoapAuthentication),
    ("invalid credentials", ReportedError::SoapAuthentication),
    (
        "invalid username or password",
        ReportedError::SoapAuthentication,
    ),
    (
        "invalid user name or password",
        ReportedError::SoapAuthentication,
    ),
    (
        "task submitted is not authorized",
        ReportedError::SoapNotAuthorized,
    ),
];

/// Words right before a number that make it a status.
const STATUS_WORDS: &[&str] = &[
    "http",
    "status",
    "error",
    "code",
    "returned",
    "returns",
    "response",
    "responded",
    "answered",
    "got",
    "received",
    "with",
];

/// Reason phrases right after a status (RFC 9110).
const REASONS: &[(u16, &str)] = &[
    (401, "unauthorized"),
    (403, "forbidden"),
    (404, "not found"),
    (500, "internal server error"),
    (502, "bad gateway"),
    (503, "service unavailable"),
    (504, "gateway timeout"),
];

impl ReportedError {
    /// The setting value naming the error (`invalid_grant`, `http_401`, `soap_authentication`).
    pub fn code(self) -> String {
        match self {
            ReportedError::Http(s) => format!("http_{s}"),
            ReportedError::SoapAuthentication => "soap_authentication".into(),
            ReportedError::SoapNotAuthorized => "soap_not_authorized".into(),
            other => OAUTH_CODES
                .iter()
                .find(|(_, e)| *e == other)
                .map(|(c, _)| c.to_string())
                .unwrap_or_default(),
        }
    }

    /// The error named by a setting value ([`ReportedError::code`]).
    pub fn from_code(code: &str) -> Option<Self> {
        if let Some(n) = code.strip_prefix("http_") {
            return n
                .parse()
                .ok()
                .filter(|s| is_reported_status(*s))
                .map(ReportedError::Http);
        }
        match code {
            "soap_authentication" => Some(ReportedError::SoapAuthentication),
            "soap_not_authorized" => Some(ReportedError::SoapNotAuthorized),
            _ => OAUTH_CODES
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, e)| *e),
        }
    }
}

fn is_reported_status(s: u16) -> bool {
    matches!(s, 401 | 403 | 404) || (500..=599).contains(&s)
}

/// The errors `text` quotes, each once, in the order first seen.
pub fn find(text: &str) -> Vec<ReportedError> {
    let lower = text.to_ascii_lowercase();
    let mut found: Vec<(usize, ReportedError)> = Vec::new();
    let mut add = |at: usize, e: ReportedError| match found.iter_mut().find(|(_, x)| *x == e) {
        Some(slot) => slot.0 = slot.0.min(at),
        None => found.push((at, e)),
    };
    for (code, e) in OAUTH_CODES {
        if let Some(at) = find_word(&lower, code) {
            add(at, *e);
        }
    }
    for (phrase, e) in SOAP_PHRASES {
        // memchr's vectorised search: each phrase is looked for in the whole paste.
        if let Some(at) = memchr::memmem::find(lower.as_bytes(), phrase.as_bytes()) {
            add(at, *e);
        }
    }
    for (at, status) in statuses(&lower) {
        add(at, ReportedError::Http(status));
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, e)| e).collect()
}

/// The first place `word` occurs in `text` with no letter, digit or `_` on either side.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

/// HTTP statuses the text names as statuses, with where.
fn statuses(lower: &str) -> Vec<(usize, u16)> {
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 3 <= bytes.len() {
        let digits = &bytes[i..i + 3];
        let standalone = digits.iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes.get(i + 3).is_none_or(|b| !b.is_ascii_alphanumeric());
        if !standalone {
            i += 1;
            continue;
        }
        let status: u16 = lower[i..i + 3].parse().unwrap_or(0);
        if is_reported_status(status)
            && (status_word_before(&lower[..i]) || reason_after(&lower[i + 3..], status))
        {
            out.push((i, status));
        }
        i += 3;
    }
    out
}

/// Whether the words right before a number say it is a status (`HTTP 401`, `status: 403`,
/// `returned (503)`, `HTTP/1.1 404`).
fn status_word_before(before: &str) -> bool {
    let trimmed = before.trim_end_matches([' ', ':', '(', '=', '\t', '"', '\'']);
    let trimmed = trimmed.trim_end_matches(|c: char| c == '.' || c == '/' || c.is_ascii_digit());
    let last = trimmed
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or_default();
    before.len() - trimmed.len() <= 12 && STATUS_WORDS.contains(&last)
}

fn reason_after(after: &str, status: u16) -> bool {
    let after = after.trim_start_matches([' ', ':', '-', '(', '"', '\'']);
    REASONS
        .iter()
        .any(|(s, reason)| *s == status && after.starts_with(reason))
}

#[cfg(test)]
mod tests {
    use super::{find, ReportedError as E};

    #[test]
    fn oauth_codes_statuses_and_soap_faults() {
        let text = "The connector says: {\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}\n\
                    Then HTTP 401 on /workers, and later 403 Forbidden.\n\
                    SOAP: <faultstring>Processing error occurred. The task submitted is not authorized.</faultstring>";
        assert_eq!(
            find(text),
            vec![
                E::InvalidGrant,
                E::Http(401),
                E::Http(403),
                E::SoapNotAuthorized
            ]
        );
        assert_eq!(find("Status code: 503"), vec![E::Http(503)]);
        assert_eq!(find("HTTP/1.1 404 Not Found"), vec![E::Http(404)]);
        assert_eq!(find("the request returned (500)"), vec![E::Http(500)]);
        assert_eq!(
            find("faultcode SOAP-ENV:Client.authenticationError: Invalid credentials"),
            vec![E::SoapAuthentication]
        );
        assert_eq!(find("INVALID_CLIENT"), vec![E::InvalidClient]);
    }

    #[test]
    fn numbers_that_are_not_statuses_and_words_inside_others() {
        for text in [
            "Org ID 403a5f and version v40.1, data center wd503",
            "https://wd5-services1.myworkday.com/ccx/service/acme/Learning/v40.1",
            "401 people, 404 rows",
            "my_invalid_grant_test, invalid_grants",
            "HTTP 200 OK",
            "error 402",
            "",
        ] {
            assert_eq!(find(text), vec![], "{text}");
        }
    }

    #[test]
    fn codes_round_trip() {
        for e in [
            E::InvalidGrant,
            E::UnsupportedGrantType,
            E::Http(401),
            E::Http(503),
            E::SoapAuthentication,
            E::SoapNotAuthorized,
        ] {
            assert_eq!(E::from_code(&e.code()), Some(e));
        }
        assert_eq!(E::from_code("http_200"), None);
        assert_eq!(E::from_code("nope"), None);
    }
}
