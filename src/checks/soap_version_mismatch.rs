//! `soap-version-mismatch`: the SOAP endpoint names another version than the partner's guide
//! (Viva Learning: `v39.2`, the Viva Learning guide "Generate connection parameters in Workday"), or none. Workday serves many versions side by side and
//! whether the partner copes with another one is not documented: a warning.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::endpoint::EndpointKind;

pub struct SoapVersionMismatch;

impl Check for SoapVersionMismatch {
    fn code(&self) -> &'static str {
        "soap-version-mismatch"
    }

    fn summary(&self) -> &'static str {
        "The SOAP endpoint names another API version than the partner's guide, or none."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Warning]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let Some((partner, soap)) = cx.partner.and_then(|p| Some((p, p.soap.as_ref()?))) else {
            return Vec::new();
        };
        cx.workday_urls()
            .filter(|(_, _, e)| e.kind == Some(EndpointKind::Soap))
            .filter_map(|(i, _, e)| {
                let service = e.detail.service.as_deref()?;
                let message = match e.detail.version.as_deref() {
                    Some(v) if v == soap.version => return None,
                    Some(v) => format!(
                        "The SOAP endpoint asks for version `{v}`; {}'s guide uses `{}`.",
                        partner.name, soap.version
                    ),
                    None => format!(
                        "The SOAP endpoint names no version; {}'s guide uses `{}`.",
                        partner.name, soap.version
                    ),
                };
                Some(
                    Finding::new(
                        self.code(),
                        Severity::Warning,
                        Some(i),
                        message,
                        format!(
                            "End the SOAP endpoint with `/{}/{}` as the guide says.",
                            soap.service, soap.version
                        ),
                    )
                    .fixed(super::soap_service_mismatch::with_service(
                        &e.url,
                        service,
                        Some(soap.version),
                    )),
                )
            })
            .collect()
    }
}
