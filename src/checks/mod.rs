//! Checks: one file per check, each registered once in [`CHECKS`], each with a stable
//! kebab-case code, a one-line summary, a section in `docs/checks.md` and a passing and a
//! failing fixture under `tests/fixtures/checks/<code>/` (the conventions test enforces all of
//! it, as ruff and zizmor do for their rules).

use crate::param::{Param, ParamKind};
use crate::settings::{names, Setting};
use serde::{Deserialize, Serialize};

mod data_center_mismatch;
mod environment_mismatch;
mod host_not_workday;
mod redirect_n_malformed;
mod redirect_n_missing;
mod tenant_mismatch;

/// How bad a finding is. Error: the connection will certainly break or leak. Warning: likely
/// wrong, or depends on something unknown. Info: worth knowing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    /// Index into the parameters the checks ran on, when the finding is about one.
    pub param: Option<usize>,
    pub message: String,
    pub fix: String,
    /// The corrected value, where one can be computed.
    pub fixed_value: Option<String>,
}

/// Whether the tenant uses SAML single sign-on (decides the `redirect=n` checks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sso {
    #[default]
    Unknown,
    Yes,
    No,
}

/// What the caller knows beyond the values: the partner being set up, whether SSO is on.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    pub integration: Option<String>,
    pub sso: Sso,
}

/// Everything a check sees.
pub struct Context<'a> {
    pub params: &'a [Param],
    pub settings: &'a [Setting],
    pub options: &'a Options,
}

impl<'a> Context<'a> {
    /// Parameters of `kind`, with their indices.
    pub fn of_kind(&self, kind: ParamKind) -> impl Iterator<Item = (usize, &'a Param)> + 'a {
        self.params.iter().enumerate().filter(move |(_, p)| p.kind == kind)
    }

    /// URL parameters on a Workday host, with their indices.
    pub fn workday_urls(&self) -> impl Iterator<Item = (usize, &'a Param)> + 'a {
        self.params
            .iter()
            .enumerate()
            .filter(|(_, p)| p.endpoint.as_ref().is_some_and(|e| e.is_workday()))
    }

    /// SSO as the caller said, else as read from Edit Tenant Setup – Security.
    pub fn sso(&self) -> Sso {
        match self.options.sso {
            Sso::Unknown => self
                .settings
                .iter()
                .find(|s| s.name == names::SAML_SSO_ENABLED)
                .and_then(Setting::as_bool)
                .map(|on| if on { Sso::Yes } else { Sso::No })
                .unwrap_or(Sso::Unknown),
            known => known,
        }
    }
}

/// One check.
pub trait Check: Sync {
    /// Stable kebab-case code; never changes once released.
    fn code(&self) -> &'static str;
    /// One line: what the check finds.
    fn summary(&self) -> &'static str;
    fn run(&self, cx: &Context) -> Vec<Finding>;
}

/// Every check, once.
pub static CHECKS: &[&dyn Check] = &[
    &host_not_workday::HostNotWorkday,
    &tenant_mismatch::TenantMismatch,
    &data_center_mismatch::DataCenterMismatch,
    &environment_mismatch::EnvironmentMismatch,
    &redirect_n_missing::RedirectNMissing,
    &redirect_n_malformed::RedirectNMalformed,
];

/// Runs every check; findings sorted by severity, then parameter, then code.
pub fn run_all(cx: &Context) -> Vec<Finding> {
    let mut findings: Vec<Finding> = CHECKS.iter().flat_map(|c| c.run(cx)).collect();
    findings.sort_by(|a, b| {
        (a.severity, a.param, a.code).cmp(&(b.severity, b.param, b.code))
    });
    findings
}

/// The value most parameters agree on (ties go to the first seen), used by the consistency
/// checks to decide which value is the odd one out.
pub(crate) fn majority<T: PartialEq + Clone>(values: &[T]) -> Option<T> {
    let mut best: Option<(&T, usize)> = None;
    for v in values {
        let count = values.iter().filter(|x| *x == v).count();
        if best.is_none_or(|(_, c)| count > c) {
            best = Some((v, count));
        }
    }
    best.map(|(v, _)| v.clone())
}
