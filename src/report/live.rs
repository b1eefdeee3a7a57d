//! The live test as the extension asks for it and shows it.

use crate::checks::{self, Context};
use crate::model::options::Options;
use crate::model::param::{Param, ParamInput};
use crate::probe::{LiveFinding, LiveReport, Origin, ProbeKind, StepResult};
use crate::workday::tenant::Tenant;
use serde::{Deserialize, Serialize};

/// What the live test works from: the captured values, the tenant they were captured for and
/// the UI host its pages were read on, and the ISU's password typed in for this test only.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LiveEvidence {
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<ParamInput>>", optional))]
    pub params: Vec<ParamInput>,
    /// Typed in by the user for this test only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub isu_password: Option<String>,
    /// The tenant the values were captured for (the record's). Without it and `ui_host` the test
    /// refuses to run: it could not tell the tenant's own API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub tenant: Option<String>,
    /// The UI host the tenant's pages were read on (`wd3-impl.workday.com`): the secrets go only
    /// to the services host that goes with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub ui_host: Option<String>,
}

impl LiveEvidence {
    /// The record's tenant and UI host, when both are given.
    pub fn origin(&self) -> Option<Origin> {
        match (&self.tenant, &self.ui_host) {
            (Some(tenant), Some(ui_host)) if !tenant.is_empty() && !ui_host.is_empty() => {
                Some(Origin {
                    tenant: Tenant::new(tenant.as_str()),
                    ui_host: ui_host.clone(),
                })
            }
            _ => None,
        }
    }
}

/// The live test's result.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LiveView {
    pub passed: bool,
    pub steps: Vec<StepResult>,
    /// Why the test did not run at all (empty when it ran): a value it would use is not the
    /// tenant's own API, or the values pair two API clients' (`mixed-credentials`). Nothing was
    /// sent.
    pub refused: Vec<LiveFinding>,
    /// Shown so the user can copy it: the tenant issued it and the old one may be dead.
    pub new_refresh_token: Option<String>,
}

impl LiveView {
    /// The test's result, listing only the probes in `probes` (those the partner uses).
    pub fn of(report: LiveReport, probes: &[ProbeKind]) -> Self {
        LiveView {
            passed: report.passed(),
            new_refresh_token: report.new_refresh_token().map(|s| s.expose().to_string()),
            steps: report
                .steps
                .into_iter()
                .filter(|s| probes.contains(&s.probe))
                .collect(),
            refused: report.refused,
        }
    }
}

/// Why a set of values must not be sent in a live test: it pairs two API clients' values
/// (`mixed-credentials`), each finding as the live test shows it. Empty: nothing stops it.
pub fn mixed_refusal(params: &[Param]) -> Vec<LiveFinding> {
    let options = Options::default();
    let cx = Context::new(params, &[], &options);
    checks::check("mixed-credentials")
        .map_or_else(Vec::new, |c| c.run(&cx))
        .into_iter()
        .map(|f| LiveFinding {
            code: f.code,
            severity: f.severity,
            message: f.message,
            fix: f.fix,
        })
        .collect()
}
