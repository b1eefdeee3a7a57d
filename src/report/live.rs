//! The live test as the extension asks for it and shows it.

use crate::checks::FindingView;
use crate::model::param::ParamInput;
use crate::probe::{LiveReport, ProbeKind, StepResult};
use serde::{Deserialize, Serialize};

/// What the live test works from: the captured values, and the ISU's password typed in for this
/// test only.
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
}

/// The live test's result.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LiveView {
    pub passed: bool,
    pub steps: Vec<StepResult>,
    /// Shown so the user can copy it: the tenant issued it and the old one may be dead.
    pub new_refresh_token: Option<String>,
    /// Why the test did not run at all: what is wrong with the values it was given (a set that
    /// pairs two API clients' values). Nothing was sent.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub refused: Vec<FindingView>,
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
            refused: Vec::new(),
        }
    }

    /// A test refused before anything was sent, and why.
    pub fn refused(findings: Vec<FindingView>) -> Self {
        LiveView {
            passed: false,
            steps: Vec::new(),
            new_refresh_token: None,
            refused: findings,
        }
    }
}
