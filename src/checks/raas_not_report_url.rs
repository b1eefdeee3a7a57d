//! `raas-not-report-url`: a value given as a report's RaaS URL that is not one: a Workday page
//! address (the report opened in the UI), a SOAP or REST URL. Only
//! `/ccx/service/customreport2/{tenant}/{owner}/{Report_Name}` serves a custom report as a web
//! service (the notes' "Hosts and URL anatomy"; the Ten Thousand Coffees guide "Workday custom reports" step 7: Actions > Web Service > View URLs).

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::endpoint::EndpointKind;
use crate::model::param::ParamKind;

pub struct RaasNotReportUrl;

impl Check for RaasNotReportUrl {
    fn code(&self) -> &'static str {
        "raas-not-report-url"
    }

    fn summary(&self) -> &'static str {
        "A value given as a RaaS report URL is not a custom report's web-service URL."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.workday_urls()
            .filter(|(i, p, e)| {
                (p.kind == ParamKind::RaasUrl || cx.slot(*i) == ParamKind::RaasUrl)
                    && e.kind != Some(EndpointKind::Raas)
            })
            .map(|(i, _, e)| {
                let is = match e.kind {
                    Some(EndpointKind::Ui) => "a Workday page address (the report opened in the browser)".to_string(),
                    Some(k) => format!("a {} URL", ParamKind::for_endpoint(k).title()),
                    None => format!("the path `{}`", e.url.path()),
                };
                Finding::new(
                    self.code(),
                    Severity::Error,
                    Some(i),
                    format!("The report URL is {is}, not the report's web-service (RaaS) URL."),
                    "On the report: Actions > Web Service > View URLs, and copy the URL under JSON (`…/ccx/service/customreport2/…?format=json`).",
                )
            })
            .collect()
    }
}
