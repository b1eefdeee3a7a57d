//! `reported-error`: the pasted text quotes an error Workday answered (`invalid_grant`,
//! `401 Unauthorized`, a SOAP fault; found by `crate::workday::errors`). Each has a known cause,
//! and the fix is the one the live test gives for the same answer (`crate::probe`), so a support
//! agent gets the same advice from a ticket as an admin gets from a test. A warning: the ticket
//! says what happened, not that it still happens.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::partner::Partner;
use crate::workday::errors::{self, ReportedError};
use crate::model::settings::names;

pub struct ReportedErrorCheck;

impl Check for ReportedErrorCheck {
    fn code(&self) -> &'static str {
        "reported-error"
    }

    fn summary(&self) -> &'static str {
        "The text quotes an error Workday answered (invalid_grant, 401, a SOAP fault …); its known cause and fix."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Warning]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let Some(codes) = cx.list_setting(names::REPORTED_ERRORS) else {
            return Vec::new();
        };
        codes
            .iter()
            .filter_map(|c| ReportedError::from_code(c))
            .map(|e| {
                let (message, fix) = explain(e, cx);
                Finding::new(self.code(), Severity::Warning, None, message, fix)
            })
            .collect()
    }
}

/// What the error means, and its fix.
fn explain(e: ReportedError, cx: &Context) -> (String, String) {
    let quoted = |what: &str, meaning: &str| format!("The text quotes {what}: {meaning}");
    match e {
        ReportedError::InvalidClient => (
            quoted("`invalid_client` from the token endpoint", "the client ID or secret was refused."),
            errors::INVALID_CLIENT_FIX.into(),
        ),
        ReportedError::InvalidGrant => (
            quoted("`invalid_grant` from the token endpoint", "the refresh token was refused."),
            errors::INVALID_GRANT_FIX.into(),
        ),
        ReportedError::InvalidRequest => (
            quoted("`invalid_request` from the token endpoint", "the request did not name a client Workday knows there."),
            errors::INVALID_REQUEST_FIX.into(),
        ),
        ReportedError::UnauthorizedClient | ReportedError::UnsupportedGrantType => (
            quoted(
                &format!("`{}` from the token endpoint", e.code()),
                "the API client is not registered for the grant the partner uses.",
            ),
            "Check the API client's grant type on View API Client: the partner's guide says which (Authorization Code or refresh tokens for integrations); register a client of that type if it differs.".into(),
        ),
        ReportedError::InvalidScope => (
            quoted("`invalid_scope`", "the API client lacks a scope (functional area) the partner asks for."),
            "Edit the API client and add the partner's scopes (functional areas), then generate a new refresh token.".into(),
        ),
        ReportedError::Http(401) => (
            quoted("HTTP 401", "Workday did not accept the credentials."),
            errors::UNAUTHORIZED_FIX.into(),
        ),
        ReportedError::Http(403) => (
            quoted("HTTP 403", "the ISU or API client lacks a permission or scope."),
            errors::forbidden_fix(&cx.partner.map(Partner::likely_permissions).unwrap_or_default()),
        ),
        ReportedError::Http(404) => (
            quoted("HTTP 404", "the path does not exist."),
            errors::NOT_FOUND_FIX.into(),
        ),
        ReportedError::Http(s) => (
            quoted(&format!("HTTP {s}"), "a server error."),
            errors::SERVER_ERROR_FIX.into(),
        ),
        ReportedError::SoapAuthentication => (
            quoted("a SOAP authentication fault", "the ISU's user name or password was refused."),
            format!(
                "{} For SOAP the ISU's user name is written user@tenant.",
                errors::UNAUTHORIZED_FIX
            ),
        ),
        ReportedError::SoapNotAuthorized => (
            quoted("the SOAP fault \"The task submitted is not authorized\"", "the ISU lacks a permission."),
            errors::forbidden_fix(&cx.partner.map(Partner::likely_permissions).unwrap_or_default()),
        ),
    }
}
