//! `raas-owner-mismatch`: the RaaS URLs of one tenant name different report owners (the
//! segment after the tenant, `ISU+Job+Requisition`, the notes' "Hosts and URL anatomy"). A partner that reads several
//! reports with one ISU (10KC: the User and the Group report, the Ten Thousand Coffees guide "Workday custom reports" step 6) needs each report
//! shared with that ISU; reports from different owners are a sign one URL came from elsewhere.
//! Different owners can work when each report is shared, so this is a warning.

use super::{majority, Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::endpoint::EndpointKind;

pub struct RaasOwnerMismatch;

impl Check for RaasOwnerMismatch {
    fn code(&self) -> &'static str {
        "raas-owner-mismatch"
    }

    fn summary(&self) -> &'static str {
        "The RaaS report URLs of one tenant name different report owners."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Warning]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let reports: Vec<(usize, String, String)> = cx
            .workday_urls()
            .filter(|(_, _, e)| e.kind == Some(EndpointKind::Raas))
            .filter_map(|(i, _, e)| {
                Some((
                    i,
                    e.tenant.as_ref()?.as_str().to_string(),
                    e.detail.report_owner.clone()?,
                ))
            })
            .collect();
        let mut out = Vec::new();
        let tenants: std::collections::BTreeSet<&String> =
            reports.iter().map(|(_, t, _)| t).collect();
        for tenant in tenants {
            let owners: Vec<String> = reports
                .iter()
                .filter(|(_, t, _)| t == tenant)
                .map(|(_, _, o)| o.clone())
                .collect();
            let Some(expected) = majority(&owners) else {
                continue;
            };
            for (i, _, owner) in reports
                .iter()
                .filter(|(_, t, o)| t == tenant && *o != expected)
            {
                out.push(Finding::new(
                    self.code(),
                    Severity::Warning,
                    Some(*i),
                    format!("This report is owned by `{owner}`, the other reports of tenant `{tenant}` by `{expected}`."),
                    "Make sure each report is shared with the ISU the partner uses (the report's Share tab), and that the URL was copied from the right report's View URLs.",
                ));
            }
        }
        out
    }
}
