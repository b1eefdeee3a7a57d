//! The catalogue of errors Workday answers when a connection fails, and the fix for each: what a
//! pasted ticket quotes (`{"error":"invalid_grant"}`, `401 Unauthorized`, a SOAP fault) and what
//! the live test gets back. Sources: `workday-notes.md`, "Values" and "OAuth and API behaviour";
//! RFC 6749 for the OAuth codes. The paste side finds them in text
//! (`crate::paste`, setting `reported_errors`), the `reported-error` check explains each one,
//! and the live test (`crate::probe`) gives the same fix for the same answer, so a support agent
//! gets the same advice from a ticket as an admin gets from a test.
//!
//! Recognised kinds:
//! - RFC 6749 token endpoint errors: `invalid_client`, `invalid_grant`, `invalid_request`,
//!   `unauthorized_client`, `unsupported_grant_type`, `invalid_scope`;
//! - HTTP statuses 401, 403, 404 and 5xx;
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

/// The OAuth error codes, as the token endpoint writes them.
pub(crate) const OAUTH_CODES: &[(&str, ReportedError)] = &[
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

/// Phrases of Workday's SOAP faults (lower case).
pub(crate) const SOAP_PHRASES: &[(&str, ReportedError)] = &[
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

pub(crate) fn is_reported_status(s: u16) -> bool {
    matches!(s, 401 | 403 | 404) || (500..=599).contains(&s)
}

/// The fix for `invalid_client`: the client ID or secret was refused.
pub const INVALID_CLIENT_FIX: &str = "Check the Client ID for stray spaces or a wrong copy. If someone generated a new client secret, the old one no longer works: copy the current secret (View API Client > Generate New Client Secret shows it once).";
/// The fix for `invalid_grant`: the refresh token was refused.
pub const INVALID_GRANT_FIX: &str = "The refresh token was regenerated, revoked, or belongs to another ISU or client. Generate a new one on Manage Refresh Tokens for Integrations for the partner's ISU and use that.";
/// The fix for `invalid_request`: the request named no client Workday knows there.
pub const INVALID_REQUEST_FIX: &str = "Check the tenant name in the token endpoint (it is case sensitive) and that the URL is exactly the Token Endpoint shown on View API Clients.";

/// The fix for a path that does not exist (HTTP 404).
pub const NOT_FOUND_FIX: &str = "Check the path: `/ccx/oauth2/` (not `/ccx/oauth/`), the tenant name (case sensitive), and the service version.";

/// The fix for a server error (HTTP 5xx) from a Workday host.
pub const SERVER_ERROR_FIX: &str = "A services host of the wrong data center answers 503, and a UI host used for an API fails too: copy the endpoint again from View API Clients.";

/// The fix for credentials a resource endpoint does not accept (HTTP 401, or SOAP's
/// authentication fault): an expired ISU password, or an SSO tenant's authentication policy
/// (the Kombo guide, "Linking your Workday account", its troubleshooting part).
pub const UNAUTHORIZED_FIX: &str = "If the ISU's password expired, reset it (and add the ISU to the list of system users so it stops expiring). If the tenant uses SSO, add an authentication policy rule allowing User Name Password for the ISU's security group, then activate pending authentication policy changes.";

/// The fix for a forbidden call (HTTP 403, or SOAP's "not authorized" fault), naming `likely`:
/// what the partner needs (see `Partner::likely_permissions`).
pub fn forbidden_fix(likely: &[String]) -> String {
    if likely.is_empty() {
        "Grant the security group the domain permissions the partner needs (Get access), add the API client's scopes, then run Activate Pending Security Policy Changes.".into()
    } else {
        format!(
            "Check these, which the partner needs: {}. Then run Activate Pending Security Policy Changes.",
            likely.join("; ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::ReportedError as E;

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
