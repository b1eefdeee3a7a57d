//! `api-host-for-authorize`: the authorization endpoint on a services host (a `workdaysuv.com`
//! development machine serves both from one host: not judged, see `HostRole::Any`). The notes place
//! `/{tenant}/authorize` on the UI host (it shows the Workday sign-in page); on a services host
//! it is very probably wrong, but what that host answers is not confirmed: a warning.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::tenant::HostRole;
use crate::model::param::ParamKind;

pub struct ApiHostForAuthorize;

/// The UI host paired with a services host (`wd3-impl-services1` → `wd3-impl`,
/// `services1.myworkday.com` → `www.myworkday.com`). A guess, offered as a suggestion only.
fn ui_host_for(services_host: &str) -> Option<String> {
    let (first, rest) = services_host.split_once('.')?;
    let first = match first {
        "services1" => "www".to_string(),
        f => f.strip_suffix("-services1")?.to_string(),
    };
    Some(format!("{first}.{rest}"))
}

impl Check for ApiHostForAuthorize {
    fn code(&self) -> &'static str {
        "api-host-for-authorize"
    }

    fn summary(&self) -> &'static str {
        "The authorization endpoint is on a services host instead of the tenant's UI host."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Warning]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.workday_urls()
            .filter(|(_, p, e)| {
                p.kind == ParamKind::AuthorizationEndpoint
                    && e.host.as_ref().is_some_and(|h| h.role == HostRole::Services)
            })
            .map(|(i, p, e)| {
                let host = e.url.host_str().unwrap_or_default();
                let known = cx.host_like(HostRole::Ui, e.tenant.as_ref(), e.data_center());
                let fixed_value = known.as_ref().and_then(|h| {
                    let mut u = e.url.clone();
                    u.set_host(Some(h)).ok()?;
                    Some(u.to_string())
                });
                let fix = match (&known, ui_host_for(host)) {
                    (Some(h), _) => format!("Use the UI host `{h}`."),
                    (None, Some(guess)) => format!(
                        "Use the tenant's UI host (probably `{guess}`): copy the Authorization Endpoint from View API Clients."
                    ),
                    (None, None) => "Copy the Authorization Endpoint from View API Clients.".to_string(),
                };
                Finding::new(
                    self.code(),
                    Severity::Warning,
                    Some(i),
                    format!("{} is on the services host `{host}`; it belongs on the tenant's UI host.", p.kind.title()),
                    fix,
                )
                .fixed(fixed_value)
            })
            .collect()
    }
}
