//! `redirect-n-misplaced`: `redirect=n` on the token endpoint, a REST, SOAP or RaaS URL. It is
//! the authorization endpoint's switch for SAML SSO tenants (the Defender for Cloud Apps guide "Connect Workday", the notes' "The `redirect=n` rule"); on a services
//! URL it changes the address the partner calls (the token request is a POST to the exact
//! endpoint), so it must go. On UI login URLs it is the legitimate "backup login" switch and is
//! left alone.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::param::ParamKind;
use crate::workday::redirect_n::{self, State};

pub struct RedirectNMisplaced;

impl Check for RedirectNMisplaced {
    fn code(&self) -> &'static str {
        "redirect-n-misplaced"
    }

    fn summary(&self) -> &'static str {
        "`redirect=n` was added to the token endpoint or a REST, SOAP or RaaS URL instead of the authorization endpoint."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let services = [
            ParamKind::TokenEndpoint,
            ParamKind::RestEndpoint,
            ParamKind::SoapEndpoint,
            ParamKind::RaasUrl,
        ];
        let has_authorize = cx
            .of_kind(ParamKind::AuthorizationEndpoint)
            .next()
            .is_some();
        cx.params
            .iter()
            .enumerate()
            .filter(|(_, p)| services.contains(&p.kind))
            .filter(|(i, _)| redirect_n::state(&cx.facts(*i).clean) != State::Absent)
            .map(|(i, p)| {
                let fixed = redirect_n::without_redirect(&cx.facts(i).clean);
                let also = if has_authorize {
                    "; it belongs on the authorization endpoint only"
                } else {
                    "; it belongs on the authorization endpoint, and only when the tenant uses SAML SSO"
                };
                Finding::new(
                    self.code(),
                    Severity::Error,
                    Some(i),
                    format!("{} carries `redirect=n`{also}.", p.kind.title()),
                    "Remove `redirect=n` from it.",
                )
                .fixed(Some(fixed))
            })
            .collect()
    }
}
