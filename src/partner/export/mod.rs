//! "Export for partner": the values one partner needs, in the order its form asks for
//! them (the profile's `[[parameter]]` list), picked from the values in use of one run of the
//! checks (a [`Pass`], shared with the checklist): the partner's API client's own values, never
//! another client's, and the tenant-wide ones. The correction of every error the checks can
//! correct is applied (`redirect=n` added for an SSO tenant, a stray space removed; a warning's
//! fix is not applied, it depends on something unknown). The export lists only the findings
//! that block the values it exports: an error about an exported value that no correction
//! removes, or a value the partner requires missing; while any stands, the export is blocked
//! (the popup says why and lets the user override).
//!
//! Its two formats, the text to paste into the partner's form or a mail and the JSON file, are
//! in `text.rs` and `json.rs`: the CLI (`wdcap export`) and the extension write the same.
//!
//! Picking, when more values of a kind are in use than the partner needs: those captured on the
//! tenant's own pages first, then the most recently seen. A client ID, secret or refresh token
//! is the chosen API client's or none: a value that client lacks is missing, and the item's
//! note says which client and how to get it.

mod json;
mod text;

pub use json::json;
pub use text::text;

use super::{PartnerRef, Pass};
use crate::checks::{Finding, FindingView};
use crate::evidence::choice::Because;
use crate::model::param::{Param, ParamInput, ParamKind};
use crate::model::partner::Partner;
use crate::model::secret::{fingerprint, Secret};
use crate::model::settings::Setting;
use crate::model::severity::Severity;
use serde::{Deserialize, Serialize};

/// What was gathered on one tenant: parameters oldest first, settings oldest first.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct Gathered {
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<ParamInput>>", optional))]
    pub params: Vec<ParamInput>,
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<Setting>>", optional))]
    pub settings: Vec<Setting>,
}

/// The partner's API client an export (or a live test) uses, and why it is the partner's.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ClientChoice {
    pub name: Option<String>,
    pub because: Because,
}

impl ClientChoice {
    /// "API client `X`, chosen because it is named after the partner".
    pub fn said(&self) -> String {
        let name = self.name.as_deref().map_or_else(
            || "an API client without a name".to_string(),
            |n| format!("API client `{n}`"),
        );
        format!("{name}, chosen because {}", self.because.phrase())
    }
}

/// What an export picks from beyond the pass: when each value was seen and whether it was
/// captured on the tenant's own pages, and the partner's API client.
pub struct Selection<'a> {
    /// Per value of the pass (ms).
    pub seen: &'a [u64],
    /// Per value of the pass.
    pub own: &'a [bool],
    pub client: Option<ClientChoice>,
    /// Whether the tenant has API clients none of which is known to be the partner's.
    pub clients_unchosen: bool,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ExportValue {
    /// The value to hand over (corrected where a check could). Secrets in clear: the extension
    /// copies them; it shows them masked.
    pub value: String,
    pub secret: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub fingerprint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub length: Option<usize>,
    /// The API client's or organisation's name that came with it.
    pub name: Option<String>,
    /// Codes of the findings whose fix was applied (empty: the value as captured).
    pub corrected: Vec<&'static str>,
    /// Added: what those findings said, as the user reads it (never their codes).
    pub corrected_because: Vec<String>,
    /// The API client it belongs to (added).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub client: Option<String>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ExportItem {
    pub kind: ParamKind,
    /// What the partner's form calls it.
    pub label: &'static str,
    pub r#where: &'static str,
    pub required: bool,
    pub count: u32,
    pub values: Vec<ExportValue>,
    /// How many different values of this kind are in use (more than `count`: some were left
    /// out).
    pub candidates: usize,
    /// What was done to pick the values (or why there is none), as a person reads it (added).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PartnerExport {
    pub partner: PartnerRef,
    pub items: Vec<ExportItem>,
    /// The findings that block the values exported: while any stands, the export is blocked.
    pub blockers: Vec<FindingView>,
    pub ready: bool,
    /// The API client whose values it holds (added).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub client: Option<ClientChoice>,
    /// The text format ([`text`]), when the caller asked for it (the tenant view does).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub text: Option<String>,
    /// The JSON file ([`json`]), when the caller gave the moment of the export.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub json: Option<String>,
}

/// The values of `kind` in use, distinct (white space aside), best first: the tenant's own
/// pages' first, then the most recently seen, then the latest given.
fn candidates(pass: &Pass, sel: &Selection, kind: ParamKind) -> Vec<usize> {
    let params = pass.cx.params;
    let mut out: Vec<usize> = (0..params.len())
        .filter(|&i| params[i].kind == kind && pass.cx.uses(i))
        .filter(|&i| !params[i].raw().trim().is_empty())
        .collect();
    let rank = |i: usize| {
        (
            sel.own.get(i).copied().unwrap_or(true),
            sel.seen.get(i).copied().unwrap_or(0),
            i,
        )
    };
    out.sort_by_key(|&i| std::cmp::Reverse(rank(i)));
    let mut seen: Vec<&str> = Vec::new();
    out.retain(|&i| {
        let v = params[i].raw().trim();
        if seen.contains(&v) {
            false
        } else {
            seen.push(v);
            true
        }
    });
    out
}

/// The note under an item: which client its values are from, or why there are none.
fn note(req_kind: ParamKind, sel: &Selection, picked: usize, total: usize) -> Option<String> {
    if req_kind.is_client_scoped() {
        return match (&sel.client, picked) {
            (Some(c), 0) => Some(format!(
                "{} has no {} captured. {}",
                c.said(),
                req_kind.title().to_lowercase(),
                how_to_get(req_kind)
            )),
            (Some(c), _) => Some(format!("From {}.", c.said())),
            (None, _) if sel.clients_unchosen => Some(
                "Choose the partner's API client: wdcap never pairs one client's values with another's."
                    .to_string(),
            ),
            (None, _) => None,
        };
    }
    (total > picked && picked > 0).then(|| {
        format!(
            "{total} captured; the {} seen most recently on the tenant's pages {}.",
            if picked == 1 { "one" } else { "ones" },
            if picked == 1 { "is used" } else { "are used" }
        )
    })
}

/// How to get a client's value it lacks.
fn how_to_get(kind: ParamKind) -> &'static str {
    match kind {
        ParamKind::ClientSecret => "Workday shows a secret only once, at registration: generate a new one for this client (its related actions) and let wdcap read it; the old one stops working.",
        ParamKind::RefreshToken => "Generate one with Manage Refresh Tokens for Integrations on this client.",
        _ => "Open View API Clients or the client's own page so wdcap reads it.",
    }
}

/// The export for `partner` from one run of the checks.
pub fn build(partner: &'static Partner, pass: &Pass, sel: &Selection) -> PartnerExport {
    let params = pass.cx.params;
    let mut items = Vec::new();
    let mut exported: Vec<usize> = Vec::new();
    for req in partner.parameters {
        let all = candidates(pass, sel, req.kind);
        let total = all.len();
        let mut chosen: Vec<usize> = all.into_iter().take(req.count.max(1) as usize).collect();
        // Handed over in the order they were seen.
        chosen.sort_by_key(|&i| (sel.seen.get(i).copied().unwrap_or(0), i));
        let mut values = Vec::new();
        for &i in &chosen {
            let p = &params[i];
            let mut corrected = Vec::new();
            let mut corrected_because = Vec::new();
            let mut value = p.raw().to_string();
            // Only the fixes of errors: a warning's fix depends on something unknown (adding
            // `redirect=n` while nobody said the tenant uses SSO).
            for f in pass
                .findings
                .iter()
                .filter(|f| f.param == Some(i) && f.severity == Severity::Error)
            {
                if let Some(fixed) = &f.fixed_value {
                    // run_all offers every fix of a value already combined: take it once.
                    value = fixed.clone();
                    corrected.push(f.code);
                    corrected_because.push(f.message.clone());
                }
            }
            let secret = p.kind.is_secret();
            values.push(ExportValue {
                fingerprint: secret.then(|| fingerprint(&value)),
                length: secret.then(|| Secret::new(value.as_str()).len()),
                value,
                secret,
                name: p.name.clone(),
                corrected,
                corrected_because,
                client: p.client.clone(),
            });
            exported.push(i);
        }
        items.push(ExportItem {
            kind: req.kind,
            label: req.label,
            r#where: req.r#where,
            required: req.required,
            count: req.count,
            note: note(req.kind, sel, values.len(), total),
            values,
            candidates: total,
        });
    }
    let blockers: Vec<FindingView> = pass
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .filter(|f| match f.param {
            Some(i) => exported.contains(&i) && f.fixed_value.is_none(),
            None => f.code == "missing-parameter",
        })
        .map(|f| view(f, params))
        .collect();
    PartnerExport {
        partner: PartnerRef::of(partner),
        ready: blockers.is_empty(),
        items,
        blockers,
        client: sel.client.clone(),
        text: None,
        json: None,
    }
}

/// A finding as the export shows it: a secret's corrected value masked.
fn view(f: &Finding, params: &[Param]) -> FindingView {
    let secret = f
        .param
        .and_then(|i| params.get(i))
        .is_some_and(|p| p.value.is_secret());
    f.view(secret)
}
