//! The result of an analysis and its JSON form, which is the CLI's contract and
//! what the extension renders:
//!
//! ```json
//! {"page": "view_api_clients" | null,
//!  "params": [{"kind", "value", "tenant", "host", "environment", "data_center", "label",
//!              "name", "source", "secret", "fingerprint", "length", "detail", "ambiguous_with",
//!              "client"}],
//!  "settings": [{"name", "value"}],
//!  "findings": [{"code", "severity", "param", "message", "fix", "fixed_value"}],
//!  "busy": true, "recognised": false,
//!  "suggested_partners": [{"partner", "name", "clue", "why"}]}
//! ```
//!
//! `suggested_partners` (added) is present only when no partner was chosen and the evidence (an
//! API client's name or redirection URI, a pasted text's words) points at one.
//!
//! `client` (added) is present on a client ID, secret or refresh token when the page or the text
//! says which API client it belongs to.
//!
//! `busy` is present (and `true`) only when the page was still loading: nothing of it was read
//! (`page` is null), and it is read again when it settles.
//!
//! `recognised` (added) is present, and `false`, only when a tenant's page was read that no
//! recogniser claims: `page` is null, and `params` holds only the Workday connection URLs the
//! page shows (`crate::pages::unclaimed`), nothing a label alone would tell.
//!
//! `param` in a finding is the index of the parameter in `params` (or null). Secrets print
//! masked (`•••• (N chars, sha256:xxxxxxxx)`) unless the caller asks to reveal; a finding's
//! `fixed_value` for a secret is masked the same way.

use crate::checks::{Finding, FindingView};
use crate::model::page_id::PageId;
use crate::model::param::{Param, ParamKind, ParamValue, Source};
use crate::model::secret::fingerprint;
use crate::model::settings::Setting;
use crate::model::severity::Severity;
use crate::partner::which::PartnerSuggestion;
use crate::workday::endpoint::EndpointDetail;
use serde::Serialize;

/// An analysis: what page, what values, what settings, what is wrong.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub page: Option<PageId>,
    pub params: Vec<Param>,
    pub settings: Vec<Setting>,
    pub findings: Vec<Finding>,
    /// The page was still loading: not read, neither recognised nor judged.
    pub busy: bool,
    /// `Some(false)`: a tenant's page no recogniser claims, of which only its connection URLs
    /// were read. `None` otherwise (a recognised page, pasted text).
    pub recognised: Option<bool>,
    /// When no partner was chosen: the partners the evidence points at, and why (the admin
    /// confirms; nothing is chosen from it).
    pub suggested_partners: Vec<PartnerSuggestion>,
}

impl Report {
    /// The settings read, as a person reads them ("SAML on"); those that say how a page was
    /// read, not what the tenant is set to, are left out.
    pub fn settings_said(&self) -> Vec<String> {
        self.settings
            .iter()
            .filter_map(crate::report::tenant::said)
            .collect()
    }

    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// The serialisable view; `reveal` shows secret values.
    pub fn view(&self, reveal: bool) -> ReportView {
        ReportView {
            page: self.page,
            params: self
                .params
                .iter()
                .map(|p| ParamView::new(p, reveal))
                .collect(),
            settings: self.settings.clone(),
            findings: self
                .findings
                .iter()
                .map(|f| {
                    let secret = f
                        .param
                        .and_then(|i| self.params.get(i))
                        .is_some_and(|p| p.value.is_secret());
                    f.view(secret && !reveal)
                })
                .collect(),
            busy: self.busy,
            recognised: self.recognised,
            suggested_partners: self.suggested_partners.clone(),
        }
    }

    pub fn to_json(&self, reveal: bool) -> String {
        serde_json::to_string_pretty(&self.view(reveal)).expect("report views always serialise")
    }
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ReportView {
    pub page: Option<PageId>,
    pub params: Vec<ParamView>,
    pub settings: Vec<Setting>,
    pub findings: Vec<FindingView>,
    /// Added to the contract: written only when `true`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub busy: bool,
    /// Added to the contract: written only as `false`, for a page no recogniser claims.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub recognised: Option<bool>,
    /// Added to the contract: when no partner was chosen, the partners the evidence points at
    /// (`{partner, name, clue, why}`), strongest first; written only when there is one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub suggested_partners: Vec<PartnerSuggestion>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ParamView {
    pub kind: ParamKind,
    pub value: String,
    pub tenant: Option<String>,
    pub host: Option<String>,
    pub environment: Option<&'static str>,
    pub data_center: Option<String>,
    pub label: Option<String>,
    pub name: Option<String>,
    pub source: Source,
    pub secret: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub fingerprint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub length: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub detail: Option<EndpointDetail>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub ambiguous_with: Vec<ParamKind>,
    /// The API client the value belongs to (added to the contract).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub client: Option<String>,
}

impl ParamView {
    pub fn new(p: &Param, reveal: bool) -> Self {
        let e = p.endpoint.as_ref();
        let (value, fp, length) = match &p.value {
            ParamValue::Plain(v) => (v.clone(), None, None),
            ParamValue::Secret(s) => (
                if reveal {
                    s.expose().to_string()
                } else {
                    s.masked()
                },
                Some(fingerprint(s.expose())),
                Some(s.len()),
            ),
        };
        ParamView {
            kind: p.kind,
            value,
            tenant: p.tenant().map(|t| t.as_str().to_string()),
            host: e.and_then(|e| e.url.host_str().map(str::to_string)),
            environment: e.and_then(|e| e.environment()).map(|x| x.as_str()),
            data_center: e
                .and_then(|e| e.data_center())
                .map(|d| d.as_str().to_string()),
            label: p.source.label.clone(),
            name: p.name.clone(),
            source: p.source.clone(),
            secret: p.value.is_secret(),
            fingerprint: fp,
            length,
            detail: e
                .map(|e| e.detail.clone())
                .filter(|d| *d != EndpointDetail::default()),
            ambiguous_with: p.ambiguous_with.clone(),
            client: p.client.clone(),
        }
    }
}
