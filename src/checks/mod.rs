//! Checks: one file per check, each registered once in [`CHECKS`], each with a stable
//! kebab-case code (the file name with `_`), a one-line summary, the severities it may report,
//! a section in `docs/checks.md` and a passing and a failing fixture under
//! `tests/fixtures/checks/<code>/` (the conventions test in `tests/checks.rs` enforces all of
//! it, as ruff and zizmor do for their rules).
//!
//! Severity policy (issue #4): **error** for what will certainly break the connection or leak
//! it; **warning** for what is likely wrong or depends on something unknown; **info** for what
//! is worth knowing. Nothing `workday-notes.md` marks unconfirmed is ever an error.
//!
//! Checks never put a secret's value into a message: they name the parameter and, where it
//! helps, its fingerprint and length.

use crate::domain::{DataCenter, HostRole, Tenant};
use crate::endpoint::Endpoint;
use crate::param::{Param, ParamKind};
use crate::partners::{self, Partner};
use crate::settings::{names, Setting, SettingValue};
use crate::values;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

mod api_host_for_authorize;
mod changes_not_activated;
mod client_id_malformed;
mod conflicting_values;
mod data_center_mismatch;
mod environment_mismatch;
mod grant_type_mismatch;
mod host_not_workday;
mod invisible_char;
mod isu_session_timeout;
mod link_wrapped;
mod missing_parameter;
mod not_https;
mod oauth_clients_disabled;
mod org_id_duplicate;
mod org_id_environment;
mod org_id_malformed;
mod permission_access;
mod permission_missing;
mod placeholder;
mod quoted;
mod raas_not_json;
mod raas_not_report_url;
mod raas_owner_mismatch;
mod redirect_n_malformed;
mod redirect_n_misplaced;
mod redirect_n_missing;
mod redirect_uri_mismatch;
mod refresh_token_expiring;
mod report_field_missing;
/// Which of a partner's reports a list of columns is (the checklist reads report pages with it).
pub(crate) use report_field_missing::classify as classify_report;
mod report_value_not_allowed;
mod reported_error;
mod sandbox_refresh;
mod scope_missing;
mod security_group_type;
mod soap_service_mismatch;
mod soap_version_mismatch;
mod swapped_values;
mod tenant_mismatch;
mod token_type_mismatch;
mod truncated;
mod ui_host_for_api;
mod user_activity_logging_off;
mod whitespace;
mod wrong_path;

/// What the evidence says the ISU's group is granted (the trainer checklist asks which of a
/// partner's policies it covers).
pub(crate) use permission_missing::grants;

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

impl Finding {
    pub fn new(
        code: &'static str,
        severity: Severity,
        param: Option<usize>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Finding {
            code,
            severity,
            param,
            message: message.into(),
            fix: fix.into(),
            fixed_value: None,
        }
    }

    pub fn fixed(mut self, value: Option<String>) -> Self {
        self.fixed_value = value;
        self
    }
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

impl Options {
    /// The chosen partner; `Err` names the unknown id and the known ones.
    pub fn partner(&self) -> Result<Option<&'static Partner>, String> {
        match self.integration.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(id) => Options::known_partner(id).map(Some),
        }
    }

    /// The partner with this id; `Err` names the unknown id and the known ones.
    pub fn known_partner(id: &str) -> Result<&'static Partner, String> {
        partners::partner(id).ok_or_else(|| {
            format!(
                "unknown integration `{id}` (known: {})",
                partners::ids().join(", ")
            )
        })
    }

    /// These options with `partner` as the integration (the SSO answer kept).
    pub fn for_partner(&self, partner: &Partner) -> Options {
        Options {
            integration: Some(partner.id.to_string()),
            sso: self.sso,
        }
    }
}

/// How much of the tenant's evidence the checks see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Coverage {
    /// Everything gathered (pasted text, the values collected across pages): a value not
    /// there is missing.
    #[default]
    Gathered,
    /// One page: it shows only some values, so nothing is reported missing.
    OnePage,
}

/// What the checks derive once per parameter.
#[derive(Debug, Clone)]
pub struct Facts {
    /// The value without surrounding white space, invisible characters or wrapping quotes:
    /// what the value-shape checks judge, so one stray space is reported once (`whitespace`),
    /// not again as a malformed ID.
    pub clean: String,
    /// The URL parsed from `clean` (URL kinds only).
    pub endpoint: Option<Endpoint>,
    /// The value still holds a placeholder (`{tenant}`, `yourorg`, `xxxx` …).
    pub placeholder: bool,
    /// The value is cut short (an ellipsis, or a known shape's prefix).
    pub truncated: bool,
}

/// Everything a check sees.
pub struct Context<'a> {
    pub params: &'a [Param],
    pub settings: &'a [Setting],
    pub options: &'a Options,
    pub partner: Option<&'static Partner>,
    pub coverage: Coverage,
    /// RaaS JSON samples found in pasted text (kept out of the report: they hold people's data).
    pub samples: &'a [crate::extract::ReportSample],
    facts: Vec<Facts>,
    tenant: Option<crate::domain::Tenant>,
    hosts: HashMap<HostKey, String>,
}

/// A host's role, tenant (`None`: any) and data center, for finding the host a URL should use.
type HostKey = (HostRole, Option<Tenant>, Option<DataCenter>);

impl<'a> Context<'a> {
    pub fn new(params: &'a [Param], settings: &'a [Setting], options: &'a Options) -> Self {
        let facts = params
            .iter()
            .map(|p| {
                let clean = values::clean(p.raw());
                let endpoint = if !p.kind.is_url() {
                    None
                } else if clean == p.raw().trim() {
                    // Cleaning only trimmed the value: the parameter's URL is this text parsed.
                    p.endpoint.clone()
                } else {
                    Endpoint::parse(&clean).ok()
                };
                let parsed = p.kind.is_url().then_some(endpoint.as_ref());
                Facts {
                    placeholder: values::placeholder_given(&clean, p.kind, parsed).is_some(),
                    truncated: values::truncation(&clean, p.kind).is_some(),
                    clean,
                    endpoint,
                }
            })
            .collect();
        Context {
            params,
            settings,
            options,
            partner: options.partner().ok().flatten(),
            coverage: Coverage::Gathered,
            samples: &[],
            facts,
            tenant: None,
            hosts: HashMap::new(),
        }
        .with_tenant()
    }

    fn with_tenant(mut self) -> Self {
        let tenants: Vec<_> = self
            .workday_urls()
            .filter_map(|(_, _, e)| e.tenant.clone())
            .collect();
        self.tenant = majority(&tenants);
        let mut hosts = HashMap::new();
        for (_, _, e) in self.workday_urls() {
            if let Some(h) = &e.host {
                let dc = e.data_center().cloned();
                hosts
                    .entry((h.role, e.tenant.clone(), dc.clone()))
                    .or_insert_with(|| h.name.clone());
                hosts
                    .entry((h.role, None, dc))
                    .or_insert_with(|| h.name.clone());
            }
        }
        self.hosts = hosts;
        self
    }

    pub fn with_samples(mut self, samples: &'a [crate::extract::ReportSample]) -> Self {
        self.samples = samples;
        self
    }

    pub fn on_one_page(mut self) -> Self {
        self.coverage = Coverage::OnePage;
        self
    }

    pub fn facts(&self, i: usize) -> &Facts {
        &self.facts[i]
    }

    /// The parsed URL of parameter `i` (after cleaning).
    pub fn endpoint(&self, i: usize) -> Option<&Endpoint> {
        self.facts[i].endpoint.as_ref()
    }

    /// Parameters of `kind`, with their indices.
    pub fn of_kind(&self, kind: ParamKind) -> impl Iterator<Item = (usize, &'a Param)> + 'a {
        self.params
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.kind == kind)
    }

    /// URL parameters with a parsed URL, with their indices.
    pub fn urls(&self) -> impl Iterator<Item = (usize, &'a Param, &Endpoint)> + '_ {
        self.params
            .iter()
            .enumerate()
            .filter_map(|(i, p)| self.endpoint(i).map(|e| (i, p, e)))
    }

    /// URL parameters on a Workday host that hold no placeholder: the evidence the consistency
    /// checks compare.
    pub fn workday_urls(&self) -> impl Iterator<Item = (usize, &'a Param, &Endpoint)> + '_ {
        self.urls()
            .filter(|(i, _, e)| e.is_workday() && !self.facts[*i].placeholder)
    }

    /// The tenant most Workday URLs name (ties: the first seen).
    pub fn connection_tenant(&self) -> Option<crate::domain::Tenant> {
        self.tenant.clone()
    }

    /// The first host of `role` that a Workday URL of `tenant` (`None`: any tenant) and data
    /// center `dc` uses.
    pub fn host_like(
        &self,
        role: HostRole,
        tenant: Option<&Tenant>,
        dc: Option<&DataCenter>,
    ) -> Option<String> {
        self.hosts
            .get(&(role, tenant.cloned(), dc.cloned()))
            .cloned()
    }

    /// SSO as the caller said, else as read from Edit Tenant Setup – Security.
    pub fn sso(&self) -> Sso {
        match self.options.sso {
            Sso::Unknown => self
                .bool_setting(names::SAML_SSO_ENABLED)
                .map(|on| if on { Sso::Yes } else { Sso::No })
                .unwrap_or(Sso::Unknown),
            known => known,
        }
    }

    /// Every setting called `name`.
    pub fn settings_named(&self, name: &'a str) -> impl Iterator<Item = &'a Setting> + 'a {
        self.settings.iter().filter(move |s| s.name == name)
    }

    /// The last setting called `name` (a later page read wins over an earlier one).
    pub fn setting(&self, name: &str) -> Option<&'a Setting> {
        self.settings.iter().rev().find(|s| s.name == name)
    }

    /// A yes/no setting, whichever shape the page gave it (`true`, `"Yes"`, `1` …).
    pub fn bool_setting(&self, name: &str) -> Option<bool> {
        self.setting(name).and_then(|s| as_bool(&s.value))
    }

    /// A number setting (`0`, `"0"`).
    pub fn int_setting(&self, name: &str) -> Option<i64> {
        self.setting(name).and_then(|s| match &s.value {
            SettingValue::Int(n) => Some(*n),
            SettingValue::Text(t) => t.trim().parse().ok(),
            _ => None,
        })
    }

    /// A text setting (a one-item list counts).
    pub fn text_setting(&self, name: &str) -> Option<&'a str> {
        self.setting(name).and_then(|s| match &s.value {
            SettingValue::Text(t) => Some(t.as_str()),
            SettingValue::List(l) if l.len() == 1 => Some(l[0].as_str()),
            _ => None,
        })
    }

    /// A list setting; a text is split at commas, semicolons and line breaks.
    pub fn list_setting(&self, name: &str) -> Option<Vec<String>> {
        self.setting(name).and_then(|s| as_list(&s.value))
    }

    /// Every record of every setting called `name` (a record, or a list of records).
    pub fn records(&self, name: &'a str) -> Vec<&'a BTreeMap<String, String>> {
        self.settings_named(name)
            .flat_map(|s| match &s.value {
                SettingValue::Record(r) => vec![r],
                SettingValue::Records(rs) => rs.iter().collect(),
                _ => Vec::new(),
            })
            .collect()
    }

    /// The kind a value was given as: what its label says (a pasted `Client ID: …`, a page's
    /// field label), else its kind. [`swapped_values`] compares the two.
    pub fn slot(&self, i: usize) -> ParamKind {
        let p = &self.params[i];
        p.source
            .label
            .as_deref()
            .and_then(crate::extract::label_kind)
            .unwrap_or(p.kind)
    }

    /// Whether the API client whose settings were read is the partner's: false only when both
    /// names are known and differ (the admin looked at another partner's client).
    pub fn client_is_partners(&self) -> bool {
        let expected = self
            .partner
            .and_then(|p| p.oauth_client.as_ref()?.client_name);
        match (expected, self.text_setting(names::CLIENT_NAME)) {
            (Some(e), Some(read)) => partners::fold(e) == partners::fold(read),
            _ => true,
        }
    }

    /// How a parameter is named in a message: its kind, and for secrets the fingerprint and
    /// length (never the value).
    pub fn describe(&self, i: usize) -> String {
        let p = &self.params[i];
        match &p.value {
            crate::param::ParamValue::Secret(s) => {
                format!(
                    "{} (sha256:{}, {} chars)",
                    p.kind.title(),
                    s.fingerprint(),
                    s.len()
                )
            }
            crate::param::ParamValue::Plain(_) => p.kind.title().to_string(),
        }
    }
}

/// A yes/no value in any of the shapes a page may give it.
pub fn as_bool(v: &SettingValue) -> Option<bool> {
    match v {
        SettingValue::Bool(b) => Some(*b),
        SettingValue::Int(n) => Some(*n != 0),
        SettingValue::Text(t) => text_bool(t),
        _ => None,
    }
}

/// `yes`/`no`, `true`/`false`, `on`/`off`, `checked`, `enabled`, `✓` …
pub fn text_bool(t: &str) -> Option<bool> {
    match t.trim().to_lowercase().as_str() {
        "true" | "yes" | "y" | "on" | "1" | "checked" | "enabled" | "x" | "✓" | "✔" => {
            Some(true)
        }
        "false" | "no" | "n" | "off" | "0" | "unchecked" | "disabled" | "" | "none" => Some(false),
        _ => None,
    }
}

pub(crate) fn as_list(v: &SettingValue) -> Option<Vec<String>> {
    match v {
        SettingValue::List(l) => Some(l.clone()),
        SettingValue::Text(t) => Some(
            t.split([',', ';', '\n'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        ),
        _ => None,
    }
}

/// One check.
pub trait Check: Sync {
    /// Stable kebab-case code; never changes once released.
    fn code(&self) -> &'static str;
    /// One line: what the check finds.
    fn summary(&self) -> &'static str;
    /// Every severity the check may report (the docs list them; the tests hold it to them).
    fn severities(&self) -> &'static [Severity];
    fn run(&self, cx: &Context) -> Vec<Finding>;
}

/// Every check, once.
pub static CHECKS: &[&dyn Check] = &[
    // Hosts and URLs.
    &host_not_workday::HostNotWorkday,
    &link_wrapped::LinkWrapped,
    &not_https::NotHttps,
    &ui_host_for_api::UiHostForApi,
    &api_host_for_authorize::ApiHostForAuthorize,
    &wrong_path::WrongPath,
    &placeholder::Placeholder,
    // Consistency across every URL.
    &tenant_mismatch::TenantMismatch,
    &data_center_mismatch::DataCenterMismatch,
    &environment_mismatch::EnvironmentMismatch,
    &sandbox_refresh::SandboxRefresh,
    // SSO.
    &redirect_n_missing::RedirectNMissing,
    &redirect_n_malformed::RedirectNMalformed,
    &redirect_n_misplaced::RedirectNMisplaced,
    // RaaS.
    &raas_not_json::RaasNotJson,
    &raas_not_report_url::RaasNotReportUrl,
    &raas_owner_mismatch::RaasOwnerMismatch,
    &report_field_missing::ReportFieldMissing,
    &report_value_not_allowed::ReportValueNotAllowed,
    // SOAP.
    &soap_service_mismatch::SoapServiceMismatch,
    &soap_version_mismatch::SoapVersionMismatch,
    // Values.
    &whitespace::Whitespace,
    &invisible_char::InvisibleChar,
    &quoted::Quoted,
    &truncated::Truncated,
    &client_id_malformed::ClientIdMalformed,
    &swapped_values::SwappedValues,
    &conflicting_values::ConflictingValues,
    &org_id_malformed::OrgIdMalformed,
    &org_id_duplicate::OrgIdDuplicate,
    &org_id_environment::OrgIdEnvironment,
    // Settings read from Workday pages.
    &oauth_clients_disabled::OauthClientsDisabled,
    &user_activity_logging_off::UserActivityLoggingOff,
    &scope_missing::ScopeMissing,
    &grant_type_mismatch::GrantTypeMismatch,
    &token_type_mismatch::TokenTypeMismatch,
    &redirect_uri_mismatch::RedirectUriMismatch,
    &refresh_token_expiring::RefreshTokenExpiring,
    &permission_missing::PermissionMissing,
    &permission_access::PermissionAccess,
    &isu_session_timeout::IsuSessionTimeout,
    &security_group_type::SecurityGroupType,
    &changes_not_activated::ChangesNotActivated,
    // The partner's requirements.
    &missing_parameter::MissingParameter,
    // What the text says happened.
    &reported_error::ReportedErrorCheck,
];

/// The check registered under `code`.
pub fn check(code: &str) -> Option<&'static dyn Check> {
    CHECKS.iter().copied().find(|c| c.code() == code)
}

/// Runs every check; findings sorted by severity, then parameter, then code. When several
/// findings correct the same value, each offers the value with all corrections applied.
pub fn run_all(cx: &Context) -> Vec<Finding> {
    let mut findings = run_once(cx);
    if cx.params.len() <= MAX_PARAMS_TO_COMBINE {
        combine_fixes(cx, &mut findings);
    }
    findings
}

fn run_once(cx: &Context) -> Vec<Finding> {
    let mut findings: Vec<Finding> = CHECKS.iter().flat_map(|c| c.run(cx)).collect();
    findings.sort_by(|a, b| (a.severity, a.param, a.code).cmp(&(b.severity, b.param, b.code)));
    findings
}

/// Above this many parameters (a pasted log, not a connection) fixes are not combined: each
/// round re-runs every check.
const MAX_PARAMS_TO_COMBINE: usize = 100;

/// A value with two problems (`/ccx/oauth/` and a misplaced `redirect=n`) gets two findings,
/// each fixing one. Starting from the first fix, re-run the checks on the corrected value until
/// no finding corrects it further, and offer that value in every finding about it.
fn combine_fixes(cx: &Context, findings: &mut [Finding]) {
    for i in 0..cx.params.len() {
        let fixes: Vec<&String> = findings
            .iter()
            .filter(|f| f.param == Some(i))
            .filter_map(|f| f.fixed_value.as_ref())
            .collect();
        if fixes.len() < 2 {
            continue;
        }
        let mut current = fixes[0].clone();
        let mut params = cx.params.to_vec();
        for _ in 0..6 {
            let p = &cx.params[i];
            let mut q = p.clone();
            q.value = crate::param::ParamValue::for_kind(p.kind, current.clone());
            q.endpoint = if p.kind.is_url() {
                Endpoint::parse(current.trim()).ok()
            } else {
                None
            };
            params[i] = q;
            let mut again = Context::new(&params, cx.settings, cx.options).with_samples(cx.samples);
            again.coverage = cx.coverage;
            let next = run_once(&again)
                .into_iter()
                .filter(|f| f.param == Some(i))
                .find_map(|f| f.fixed_value.filter(|v| *v != current));
            match next {
                Some(v) => current = v,
                None => break,
            }
        }
        for f in findings
            .iter_mut()
            .filter(|f| f.param == Some(i) && f.fixed_value.is_some())
        {
            f.fixed_value = Some(current.clone());
        }
    }
}

/// The value most parameters agree on (ties go to the first seen), used by the consistency
/// checks to decide which value is the odd one out.
pub(crate) fn majority<T: Eq + std::hash::Hash + Clone>(values: &[T]) -> Option<T> {
    // Counted in one pass (a pasted log may hold thousands of URLs).
    let mut counts: std::collections::HashMap<&T, usize> = std::collections::HashMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    let mut best: Option<(&T, usize)> = None;
    for v in values {
        let count = counts[v];
        if best.is_none_or(|(_, c)| count > c) {
            best = Some((v, count));
        }
    }
    best.map(|(v, _)| v.clone())
}

/// The partner's name for messages ("Microsoft Defender for Cloud Apps"), or a neutral phrase.
pub(crate) fn partner_name(cx: &Context) -> &'static str {
    cx.partner.map(|p| p.name).unwrap_or("the partner")
}
