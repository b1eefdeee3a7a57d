//! `soap-service-mismatch`: the SOAP endpoint names another web service than the partner
//! calls (Viva Learning: `Learning`, the Viva Learning guide "Generate connection parameters in Workday"). The partner's operations exist only in its
//! service, so another service cannot work: an error. A difference in letter case alone is a
//! warning, since whether Workday's service names are case sensitive is not confirmed. A bare
//! tenant URL (`…/ccx/service/{tenant}`, no service) is an error for such a partner.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::endpoint::EndpointKind;

pub struct SoapServiceMismatch;

/// The SOAP URL with its service (and, when given, version) segments replaced.
pub(crate) fn with_service(url: &url::Url, service: &str, version: Option<&str>) -> Option<String> {
    let segs: Vec<String> = url.path_segments()?.map(str::to_string).collect();
    // /ccx/service/{tenant}[/{Service}[/{version}]]
    if segs.len() < 3 {
        return None;
    }
    let mut out: Vec<String> = segs[..3].to_vec();
    out.push(service.to_string());
    match (version, segs.get(4)) {
        (Some(v), _) => out.push(v.to_string()),
        (None, Some(v)) => out.push(v.clone()),
        (None, None) => {}
    }
    let mut u = url.clone();
    u.path_segments_mut()
        .ok()?
        .clear()
        .extend(out.iter().map(String::as_str));
    Some(u.to_string())
}

impl Check for SoapServiceMismatch {
    fn code(&self) -> &'static str {
        "soap-service-mismatch"
    }

    fn summary(&self) -> &'static str {
        "The SOAP endpoint names another web service than the partner calls."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error, Severity::Warning]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let Some((partner, soap)) = cx.partner.and_then(|p| Some((p, p.soap.as_ref()?))) else {
            return Vec::new();
        };
        cx.workday_urls()
            .filter(|(_, _, e)| e.kind == Some(EndpointKind::Soap))
            .filter_map(|(i, _, e)| {
                // The bare tenant URL `…/ccx/service/{tenant}` is a valid shape (Microsoft Entra
                // provisioning adds the service itself), but a partner whose guide names the
                // service needs it in the URL.
                let Some(service) = e.detail.service.as_deref() else {
                    return Some(
                        Finding::new(
                            self.code(),
                            Severity::Error,
                            Some(i),
                            format!(
                                "The SOAP endpoint names no web service; {} calls `{}`, and its guide ends the URL with `/{}/{}`.",
                                partner.name, soap.service, soap.service, soap.version
                            ),
                            format!(
                                "Use `…/ccx/service/{{tenant}}/{}/{}`.",
                                soap.service, soap.version
                            ),
                        )
                        .fixed(with_service(&e.url, soap.service, Some(soap.version))),
                    );
                };
                if service == soap.service {
                    return None;
                }
                let severity = if service.eq_ignore_ascii_case(soap.service) {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                Some(
                    Finding::new(
                        self.code(),
                        severity,
                        Some(i),
                        format!(
                            "The SOAP endpoint calls the `{service}` service; {} calls `{}`.",
                            partner.name, soap.service
                        ),
                        format!(
                            "Use `…/ccx/service/{{tenant}}/{}/{}`.",
                            soap.service, soap.version
                        ),
                    )
                    .fixed(with_service(&e.url, soap.service, None)),
                )
            })
            .collect()
    }
}
