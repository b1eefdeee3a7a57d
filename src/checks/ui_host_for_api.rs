//! `ui-host-for-api`: a REST, token, SOAP or RaaS URL on the tenant's UI host
//! (`wd3-impl.workday.com`) instead of its services host (`wd3-impl-services1.workday.com`).
//! The notes list it among integrators' mistakes but mark the failure (a 500) unconfirmed, and
//! the Viva Learning guide's own example builds the SOAP URL on `wd3.myworkday.com`: a warning.
//! A `workdaysuv.com` development machine is not judged: public code (a Ruby Workday client's
//! tests, a Singer tap's tests, an AngularJS token service) shows one such host serving the UI,
//! SOAP, RaaS and `/authorize` alike, and none with a `-services1` twin, so sending the admin to
//! one would be a false alarm (`HostRole::Any`).

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::tenant::HostRole;
use crate::workday::tenant_host::services_host_of;
use crate::model::param::ParamKind;

pub struct UiHostForApi;

impl Check for UiHostForApi {
    fn code(&self) -> &'static str {
        "ui-host-for-api"
    }

    fn summary(&self) -> &'static str {
        "An API URL (REST, token, SOAP, RaaS) is on the UI host instead of the services host."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Warning]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let api = [
            ParamKind::RestEndpoint,
            ParamKind::TokenEndpoint,
            ParamKind::SoapEndpoint,
            ParamKind::RaasUrl,
        ];
        cx.workday_urls()
            .filter(|(_, p, e)| api.contains(&p.kind) && e.host.as_ref().is_some_and(|h| h.role == HostRole::Ui))
            .map(|(i, p, e)| {
                let host = e.url.host_str().unwrap_or_default();
                // A services host another URL of the same tenant and data center already uses.
                let known = cx.host_like(HostRole::Services, e.tenant.as_ref(), e.data_center());
                let fixed_value = known.as_ref().and_then(|h| {
                    let mut u = e.url.clone();
                    u.set_host(Some(h)).ok()?;
                    Some(u.to_string())
                });
                // A guess from the pattern of the notes' examples: only ever a suggestion.
                let guess = e.host.as_ref().and_then(services_host_of);
                let fix = match (&known, guess) {
                    (Some(h), _) => format!("Use the services host `{h}`, as the other endpoints do."),
                    (None, Some(guess)) => format!(
                        "Use the tenant's services host (probably `{guess}`): copy the {} from View API Clients or the partner's guide.",
                        p.kind.title()
                    ),
                    (None, None) => format!("Use the tenant's services host; copy the {} from View API Clients.", p.kind.title()),
                };
                Finding::new(
                    self.code(),
                    Severity::Warning,
                    Some(i),
                    format!("{} is on the UI host `{host}`; Workday serves its APIs from the services host.", p.kind.title()),
                    fix,
                )
                .fixed(fixed_value)
            })
            .collect()
    }
}
