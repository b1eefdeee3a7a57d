//! The errors a pasted text quotes (see [`crate::workday::errors`] for what each is): OAuth error
//! codes and SOAP faults as whole words, HTTP statuses only when the text says they are
//! statuses.

use crate::workday::errors::{is_reported_status, ReportedError, OAUTH_CODES, SOAP_PHRASES};

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

/// The errors `text` quotes, each once, in the order first seen.
pub(super) fn find(text: &str) -> Vec<ReportedError> {
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
    use super::find;
    use crate::workday::errors::ReportedError as E;

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
}
