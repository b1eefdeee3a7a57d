//! What every check sees: the parameters, the settings, the caller's options and the chosen
//! partner's profile, with what is derived once per parameter (its cleaned value, its URL,
//! whether it holds a placeholder or is cut short) and once per set (the connection's tenant,
//! the hosts its URLs use).

use crate::model::options::{Options, Sso};
use crate::model::param::{Param, ParamKind, ParamValue};
use crate::model::partner::{self, Partner};
use crate::model::report_sample::ReportSample;
use crate::model::settings::{names, Setting, SettingValue};
use crate::model::value_faults;
use crate::workday::clean;
use crate::workday::endpoint::Endpoint;
use crate::workday::tenant::{DataCenter, HostRole, Tenant};
use std::collections::{BTreeMap, HashMap};

/// How much of the tenant's evidence the checks see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Coverage {
    /// A set given together (pasted text, a partner export): a value not there is missing, and
    /// the values are meant to be used together.
    #[default]
    Gathered,
    /// Everything collected across a tenant's pages: a value not there is missing, but the
    /// values are not one set (many API clients' values side by side), except those in use.
    Collected,
    /// One page: it shows only some values, so nothing is reported missing.
    OnePage,
}

/// The objects the values in use are about, by name, when the caller knows (the tenant view:
/// the partner's API client, security group and ISU): findings name them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subjects {
    pub client: Option<String>,
    pub group: Option<String>,
    pub isu: Option<String>,
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
    pub samples: &'a [ReportSample],
    /// Per parameter: whether a connection would use it (the tenant view: the partner's API
    /// client's values and every tenant-wide one). `None`: every parameter is in use.
    pub in_use: Option<Vec<bool>>,
    /// The objects the values in use are about.
    pub subjects: Subjects,
    facts: Vec<Facts>,
    tenant: Option<Tenant>,
    hosts: HashMap<HostKey, String>,
}

/// A host's role, tenant (`None`: any) and data center, for finding the host a URL should use.
type HostKey = (HostRole, Option<Tenant>, Option<DataCenter>);

impl<'a> Context<'a> {
    pub fn new(params: &'a [Param], settings: &'a [Setting], options: &'a Options) -> Self {
        let facts = params
            .iter()
            .map(|p| {
                let clean = clean::clean(p.raw());
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
                    placeholder: value_faults::placeholder_given(&clean, p.kind, parsed).is_some(),
                    truncated: value_faults::truncation(&clean, p.kind).is_some(),
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
            in_use: None,
            subjects: Subjects::default(),
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

    pub fn with_samples(mut self, samples: &'a [ReportSample]) -> Self {
        self.samples = samples;
        self
    }

    pub fn on_one_page(mut self) -> Self {
        self.coverage = Coverage::OnePage;
        self
    }

    /// Everything collected across a tenant's pages, of which the parameters marked in
    /// `in_use` are the set a connection uses, about `subjects`.
    pub fn collected(mut self, in_use: Option<Vec<bool>>, subjects: Subjects) -> Self {
        self.coverage = Coverage::Collected;
        self.in_use = in_use;
        self.subjects = subjects;
        self
    }

    /// Whether parameter `i` is in use (see [`Context::in_use`]).
    pub fn uses(&self, i: usize) -> bool {
        self.in_use
            .as_ref()
            .is_none_or(|u| u.get(i).copied().unwrap_or(false))
    }

    /// The security group the group settings are about: the caller's, else the one a page
    /// named (`security_group`).
    pub fn group_name(&self) -> Option<&str> {
        self.subjects
            .group
            .as_deref()
            .or_else(|| self.text_setting(names::SECURITY_GROUP))
    }

    /// The API client the client settings are about: the caller's, else the one a page named.
    pub fn client_name(&self) -> Option<&str> {
        self.subjects
            .client
            .as_deref()
            .or_else(|| self.text_setting(names::CLIENT_NAME))
    }

    /// How a message names the API client whose settings it judges: "API client `X`'s", or
    /// "The API client's" when no page named it.
    pub fn client_possessive(&self) -> String {
        match self.client_name() {
            Some(name) => format!("API client `{name}`'s"),
            None => "The API client's".to_string(),
        }
    }

    /// How a message names the security group whose settings it judges: "Security group `X`",
    /// or "The ISU's security group" when no page named it.
    pub fn group_phrase(&self) -> String {
        match self.group_name() {
            Some(name) => format!("Security group `{name}`"),
            None => "The ISU's security group".to_string(),
        }
    }

    /// How a message names the integration system user: "The ISU `X`'s", or "The ISU's".
    pub fn isu_possessive(&self) -> String {
        match self
            .subjects
            .isu
            .as_deref()
            .or_else(|| self.text_setting(names::ISU_USER_NAME))
        {
            Some(name) => format!("The ISU `{name}`'s"),
            None => "The ISU's".to_string(),
        }
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
    pub fn connection_tenant(&self) -> Option<Tenant> {
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
            .and_then(crate::model::kind_phrases::label_kind)
            .unwrap_or(p.kind)
    }

    /// Whether the API client whose settings were read is the partner's: false only when both
    /// names are known and differ (the admin looked at another partner's client).
    pub fn client_is_partners(&self) -> bool {
        let expected = self
            .partner
            .and_then(|p| p.oauth_client.as_ref()?.client_name);
        match (expected, self.text_setting(names::CLIENT_NAME)) {
            (Some(e), Some(read)) => partner::fold(e) == partner::fold(read),
            _ => true,
        }
    }

    /// How a parameter is named in a message: its kind, and for secrets the fingerprint and
    /// length (never the value).
    pub fn describe(&self, i: usize) -> String {
        let p = &self.params[i];
        match &p.value {
            ParamValue::Secret(s) => {
                format!(
                    "{} (sha256:{}, {} chars)",
                    p.kind.title(),
                    s.fingerprint(),
                    s.len()
                )
            }
            ParamValue::Plain(_) => p.kind.title().to_string(),
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
