//! `redirect-n-missing`: the authorization endpoint of a tenant that uses SAML SSO needs
//! `redirect=n` (seed 003, notes §5). When SSO is unknown this is a warning with the fixed URL;
//! when the tenant is known to use SSO, an error; when it is known not to, nothing.

use super::{Check, Context, Finding, Severity, Sso};
use crate::param::ParamKind;
use crate::redirect_n::{self, State};

pub struct RedirectNMissing;

impl Check for RedirectNMissing {
    fn code(&self) -> &'static str {
        "redirect-n-missing"
    }

    fn summary(&self) -> &'static str {
        "The authorization endpoint lacks `redirect=n`, which a SAML SSO tenant needs."
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let severity = match cx.sso() {
            Sso::No => return Vec::new(),
            Sso::Yes => Severity::Error,
            Sso::Unknown => Severity::Warning,
        };
        cx.of_kind(ParamKind::AuthorizationEndpoint)
            .filter(|(_, p)| redirect_n::state(p.raw()) == State::Absent)
            .map(|(i, p)| {
                let fixed = redirect_n::with_redirect_n(p.raw());
                let message = if severity == Severity::Error {
                    "The tenant uses SAML SSO, and its authorization endpoint lacks `redirect=n`.".to_string()
                } else {
                    "The authorization endpoint lacks `redirect=n`; a tenant that uses SAML SSO needs it.".to_string()
                };
                Finding {
                    code: self.code(),
                    severity,
                    param: Some(i),
                    message,
                    fix: format!("If the tenant uses SAML SSO, use `{fixed}`."),
                    fixed_value: Some(fixed),
                }
            })
            .collect()
    }
}
