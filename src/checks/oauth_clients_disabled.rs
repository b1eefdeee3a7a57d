//! `oauth-clients-disabled`: Edit Tenant Setup – Security shows "OAuth 2.0 Clients Enabled"
//! unchecked. No API client of the tenant can get a token then; Viva Learning (the Viva Learning guide "Generate connection parameters in Workday" step 1)
//! and Defender (the Defender for Cloud Apps guide "Connect Workday" step 3) tell the admin to check it. An error when the partner (or, with
//! no partner chosen, the values: a client ID, a secret, a token endpoint) needs OAuth; a
//! warning when the partner's API client is optional (Kombo).

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::param::ParamKind;
use crate::model::settings::names;

pub struct OauthClientsDisabled;

impl Check for OauthClientsDisabled {
    fn code(&self) -> &'static str {
        "oauth-clients-disabled"
    }

    fn summary(&self) -> &'static str {
        "OAuth 2.0 clients are disabled for the tenant (Edit Tenant Setup – Security)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error, Severity::Warning]
    }

    fn reads(&self) -> &'static [&'static str] {
        &[names::OAUTH_CLIENTS_ENABLED]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        if cx.bool_setting(names::OAUTH_CLIENTS_ENABLED) != Some(false) {
            return Vec::new();
        }
        let oauth_values = [
            ParamKind::ClientId,
            ParamKind::ClientSecret,
            ParamKind::RefreshToken,
            ParamKind::TokenEndpoint,
            ParamKind::AuthorizationEndpoint,
        ]
        .iter()
        .any(|k| cx.of_kind(*k).next().is_some());
        let severity = match cx.partner {
            Some(p) => match (&p.oauth_client, &p.tenant_settings) {
                (_, Some(t)) if t.oauth_clients_enabled == Some(true) => Severity::Error,
                (Some(c), _) if c.required => Severity::Error,
                (Some(_), _) => Severity::Warning,
                (None, _) => return Vec::new(),
            },
            None if oauth_values => Severity::Error,
            None => Severity::Warning,
        };
        vec![Finding::new(
            self.code(),
            severity,
            None,
            "OAuth 2.0 Clients Enabled is unchecked: no API client of this tenant can get a token.",
            "Edit Tenant Setup - Security > OAuth 2.0 Settings: check OAuth 2.0 Clients Enabled.",
        )]
    }
}
