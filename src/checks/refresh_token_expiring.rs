//! `refresh-token-expiring`: the API client's refresh tokens expire (Non-Expiring Refresh Tokens
//! unchecked, or a refresh token timeout in days). Viva Learning ("set expiry of refresh token
//! as Never", the Viva Learning guide "Generate connection parameters in Workday"), Kombo (the Kombo guide "Linking your Workday account") and Defender (the Defender for Cloud Apps guide "Connect Workday") all need non-expiring tokens:
//! the connection works until the token expires, then stops. An error for those partners; with
//! no partner chosen, a warning.

use super::{partner_name, Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::settings::names;

pub struct RefreshTokenExpiring;

impl Check for RefreshTokenExpiring {
    fn code(&self) -> &'static str {
        "refresh-token-expiring"
    }

    fn summary(&self) -> &'static str {
        "The API client's refresh tokens expire; the partner needs non-expiring ones."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error, Severity::Warning]
    }

    fn reads(&self) -> &'static [&'static str] {
        &[names::NON_EXPIRING_REFRESH_TOKENS, names::REFRESH_TOKEN_TIMEOUT_DAYS]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let non_expiring = cx.bool_setting(names::NON_EXPIRING_REFRESH_TOKENS);
        let days = cx
            .int_setting(names::REFRESH_TOKEN_TIMEOUT_DAYS)
            .filter(|d| *d > 0);
        let expiring =
            non_expiring == Some(false) || (non_expiring != Some(true) && days.is_some());
        if !expiring || !cx.client_is_partners() {
            return Vec::new();
        }
        let severity = match cx.partner {
            Some(p) => match p
                .oauth_client
                .as_ref()
                .and_then(|c| c.non_expiring_refresh_tokens)
            {
                Some(true) => Severity::Error,
                _ => return Vec::new(),
            },
            None => Severity::Warning,
        };
        let after = days.map(|d| format!(" after {d} days")).unwrap_or_default();
        vec![Finding::new(
            self.code(),
            severity,
            None,
            format!(
                "{} refresh tokens expire{after}; {} needs non-expiring refresh tokens, or the connection stops when the token expires.",
                cx.client_possessive(),
                if cx.partner.is_some() { partner_name(cx) } else { "a lasting connection" }
            ),
            "Edit the API client: check Non-Expiring Refresh Tokens (refresh token expiry \"Never\"), then generate a new refresh token.",
        )]
    }
}
