//! The live test as the extension asks for it and shows it.

use crate::model::param::ParamInput;
use crate::probe::{LiveReport, StepResult};
use serde::{Deserialize, Serialize};

/// What the live test works from: the captured values, and the ISU's password typed in for this
/// test only.
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
}

/// The live test's result.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LiveView {
    pub passed: bool,
    pub steps: Vec<StepResult>,
    /// Shown so the user can copy it: the tenant issued it and the old one may be dead.
    pub new_refresh_token: Option<String>,
}

impl LiveView {
    pub fn of(report: LiveReport) -> Self {
        LiveView {
            passed: report.passed(),
            new_refresh_token: report.new_refresh_token().map(|s| s.expose().to_string()),
            steps: report.steps,
        }
    }
}
