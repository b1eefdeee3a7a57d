//! The live test as the extension asks for it and shows it.

use crate::model::param::ParamInput;
use crate::probe::{LiveFinding, LiveReport, Origin, StepResult};
use crate::workday::tenant::Tenant;
use serde::{Deserialize, Serialize};

/// What the live test works from: the captured values, the tenant they were captured for and
/// the UI host its pages were read on, and the ISU's password typed in for this test only.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LiveEvidence {
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<ParamInput>>", optional))]
    pub params: Vec<ParamInput>,
    /// Typed in by the user for this test only.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub isu_password: Option<String>,
    /// The tenant the values were captured for (the record's). Without it and `ui_host` the test
    /// refuses to run: it could not tell the tenant's own API.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub tenant: Option<String>,
    /// The UI host the tenant's pages were read on (`wd3-impl.workday.com`): the secrets go only
    /// to the services host that goes with it.
    #[serde(default)]
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
    /// Why the test did not run at all (empty when it ran); nothing was sent.
    pub refused: Vec<LiveFinding>,
    /// Shown so the user can copy it: the tenant issued it and the old one may be dead.
    pub new_refresh_token: Option<String>,
}

impl LiveView {
    pub fn of(report: LiveReport) -> Self {
        LiveView {
            passed: report.passed(),
            new_refresh_token: report.new_refresh_token().map(|s| s.expose().to_string()),
            steps: report.steps,
            refused: report.refused,
        }
    }
}
