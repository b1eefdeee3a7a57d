//! `token-type-mismatch`: the API client's Access Token Type is not the one the partner's guide
//! sets (Defender: Bearer, the Defender for Cloud Apps guide "Connect Workday" step 5). The partner sends its token as that type.

use super::{partner_name, Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::partner::fold;
use crate::model::settings::names;

pub struct TokenTypeMismatch;

impl Check for TokenTypeMismatch {
    fn code(&self) -> &'static str {
        "token-type-mismatch"
    }

    fn summary(&self) -> &'static str {
        "The API client's access token type is not the one the partner needs."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn reads(&self) -> &'static [&'static str] {
        &[names::ACCESS_TOKEN_TYPE]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let Some(expected) = cx
            .partner
            .and_then(|p| p.oauth_client.as_ref()?.access_token_type)
        else {
            return Vec::new();
        };
        let Some(read) = cx.text_setting(names::ACCESS_TOKEN_TYPE) else {
            return Vec::new();
        };
        if fold(read) == fold(expected) || !cx.client_is_partners() {
            return Vec::new();
        }
        vec![Finding::new(
            self.code(),
            Severity::Error,
            None,
            format!(
                "{} access token type is `{read}`; {} needs `{expected}`.",
                cx.client_possessive(),
                partner_name(cx)
            ),
            format!("Edit the API client: Access Token Type `{expected}`."),
        )]
    }
}
