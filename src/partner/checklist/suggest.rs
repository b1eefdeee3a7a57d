//! Values a step needs that no Workday page shows, built from what was captured.

use super::Suggestion;
use crate::model::param::{Param, ParamKind};
use crate::model::partner::{Partner, Step};
use crate::workday::endpoint::EndpointKind;
use crate::workday::tenant::HostRole;

/// The SOAP endpoint a partner with a fixed SOAP service needs, built on the services host of a
/// captured URL that names the tenant: `https://{svc-host}/ccx/service/{tenant}/{Service}/{v}`
/// (`workday-notes.md`, "Hosts and URL anatomy"). Only a services host is used: the notes do not say how a UI host maps
/// to its services host.
pub(super) fn suggest(partner: &Partner, step: &Step, params: &[Param]) -> Option<Suggestion> {
    if !step.capture.contains(&ParamKind::SoapEndpoint) {
        return None;
    }
    let soap = partner.soap.as_ref()?;
    params.iter().find_map(|p| {
        let e = p.endpoint.as_ref()?;
        let host = e.host.as_ref()?;
        if host.role != HostRole::Services
            || !matches!(
                e.kind,
                Some(EndpointKind::Rest | EndpointKind::Token | EndpointKind::Soap)
            )
        {
            return None;
        }
        let tenant = e.tenant.as_ref()?;
        let mut url = url::Url::parse(&format!("https://{}/", host.name)).ok()?;
        url.path_segments_mut().ok()?.extend([
            "ccx",
            "service",
            tenant.as_str(),
            soap.service,
            soap.version,
        ]);
        Some(Suggestion {
            kind: ParamKind::SoapEndpoint,
            value: url.to_string(),
            from: p.raw().to_string(),
        })
    })
}
