//! `grant-type-mismatch`: the API client's Client Grant Type is not the one the partner's guide
//! sets (Defender: Authorization Code Grant, the Defender for Cloud Apps guide "Connect Workday" step 5). A client of another grant type
//! cannot take part in the partner's OAuth flow.

use super::{partner_name, Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::partner::fold;
use crate::model::settings::names;

pub struct GrantTypeMismatch;

impl Check for GrantTypeMismatch {
    fn code(&self) -> &'static str {
        "grant-type-mismatch"
    }

    fn summary(&self) -> &'static str {
        "The API client's grant type is not the one the partner needs."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn reads(&self) -> &'static [&'static str] {
        &[names::CLIENT_GRANT_TYPE]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let Some(expected) = cx.partner.and_then(|p| p.oauth_client.as_ref()?.grant_type) else {
            return Vec::new();
        };
        let Some(read) = cx.text_setting(names::CLIENT_GRANT_TYPE) else {
            return Vec::new();
        };
        if fold(read) == fold(expected) || !cx.client_is_partners() {
            return Vec::new();
        }
        vec![Finding::new(
            self.code(),
            Severity::Error,
            None,
            format!("{} grant type is `{read}`; {} needs `{expected}`.", cx.client_possessive(), partner_name(cx)),
            format!("Register the client again with Client Grant Type `{expected}` (the grant type cannot be changed afterwards in most tenants; if yours allows it, edit the client)."),
        )]
    }
}
