//! `raas-owner-missing`: a RaaS URL without its owner segment
//! (`…/ccx/service/customreport2/{tenant}/{Report_Name}`). Workday serves a custom report at
//! `/ccx/service/customreport2/{tenant}/{owner}/{Report_Name}`, the owner being the account that
//! created the report (the notes' "Hosts and URL anatomy", which lists "a RaaS URL without its
//! owner segment" among the mistakes people write; the Ten Thousand Coffees guide "Workday custom
//! reports" step 7 copies the URL from Actions > Web Service > View URLs). Without the owner the
//! path names no report: an error. The owner cannot be computed, so no corrected value is
//! offered; the owner the tenant's other report URLs name is suggested.

use super::{majority, Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::endpoint::{EndpointKind, PathProblem};

pub struct RaasOwnerMissing;

impl Check for RaasOwnerMissing {
    fn code(&self) -> &'static str {
        "raas-owner-missing"
    }

    fn summary(&self) -> &'static str {
        "A RaaS report URL lacks the report owner's segment between the tenant and the report name."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.workday_urls()
            .filter(|(_, _, e)| {
                e.kind == Some(EndpointKind::Raas)
                    && e.path_problems.contains(&PathProblem::RaasOwnerMissing)
            })
            .map(|(i, _, e)| {
                // The owner the other report URLs of the same tenant name, as a hint.
                let owners: Vec<String> = cx
                    .workday_urls()
                    .filter(|(j, _, o)| *j != i && o.kind == Some(EndpointKind::Raas) && o.tenant == e.tenant)
                    .filter_map(|(_, _, o)| o.detail.report_owner.clone())
                    .collect();
                let report = e.detail.report_name.as_deref().unwrap_or("the report");
                let tenant = e
                    .tenant
                    .as_ref()
                    .map(|t| t.as_str())
                    .unwrap_or("{tenant}");
                let hint = match majority(&owners) {
                    Some(owner) => format!(" The other report URLs of tenant `{tenant}` are owned by `{owner}`."),
                    None => String::new(),
                };
                Finding::new(
                    self.code(),
                    Severity::Error,
                    Some(i),
                    format!(
                        "The report URL has no owner: after the tenant `{tenant}` comes `{report}`, where Workday's shape is `…/customreport2/{tenant}/{{owner}}/{report}`.{hint}"
                    ),
                    "On the report: Actions > Web Service > View URLs, and copy the URL again (it holds the owner's segment).",
                )
            })
            .collect()
    }
}
