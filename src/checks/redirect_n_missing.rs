//! `redirect-n-missing`: the authorization endpoint of a tenant that uses SAML SSO needs
//! `redirect=n` (the Defender for Cloud Apps guide "Connect Workday", the notes' "The `redirect=n` rule"). When SSO is unknown this is a warning with the fixed URL;
//! when the tenant is known to use SSO, an error; when it is known not to, nothing.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::options::Sso;
use crate::model::param::ParamKind;
use crate::workday::redirect_n::{self, State};

pub struct RedirectNMissing;

impl Check for RedirectNMissing {
    fn code(&self) -> &'static str {
        "redirect-n-missing"
    }

    fn summary(&self) -> &'static str {
        "The authorization endpoint lacks `redirect=n`, which a SAML SSO tenant needs."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error, Severity::Warning]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let severity = match cx.sso() {
            Sso::No => return Vec::new(),
            Sso::Yes => Severity::Error,
            Sso::Unknown => Severity::Warning,
        };
        cx.of_kind(ParamKind::AuthorizationEndpoint)
            .filter(|(i, _)| !cx.facts(*i).placeholder)
            .filter(|(i, _)| redirect_n::state(&cx.facts(*i).clean) == State::Absent)
            .map(|(i, _)| {
                let fixed = redirect_n::with_redirect_n(&cx.facts(i).clean);
                let (message, fix) = if severity == Severity::Error {
                    (
                        "The tenant uses SAML SSO, and its authorization endpoint lacks `redirect=n`.".to_string(),
                        format!("Use `{fixed}`."),
                    )
                } else {
                    (
                        "The authorization endpoint lacks `redirect=n`; a tenant that uses SAML SSO needs it (whether this one does is unknown).".to_string(),
                        format!("If the tenant uses SAML SSO, use `{fixed}`."),
                    )
                };
                Finding::new(self.code(), severity, Some(i), message, fix).fixed(Some(fixed))
            })
            .collect()
    }
}
