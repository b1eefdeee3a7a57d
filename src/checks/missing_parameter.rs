//! `missing-parameter`: the chosen partner needs a value nobody has captured or pasted yet
//! (the partner profile's required parameters, `partners/<id>.toml`, each citing its guide).
//! Judged only on gathered evidence (pasted text, the values collected across pages): a single
//! page shows only some values, so a page scan never reports anything missing. Where the caller
//! says which values are in use (the tenant view: one API client's), only those count: another
//! client's secret does not stand in for the partner's client's.

use super::{Check, Context, Coverage, Finding};
use crate::model::severity::Severity;
use crate::model::param::ParamKind;
use std::collections::{BTreeMap, BTreeSet};

pub struct MissingParameter;

impl Check for MissingParameter {
    fn code(&self) -> &'static str {
        "missing-parameter"
    }

    fn summary(&self) -> &'static str {
        "The chosen partner needs a parameter that was not captured or pasted."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let Some(partner) = cx.partner else {
            return Vec::new();
        };
        if cx.coverage == Coverage::OnePage {
            return Vec::new();
        }
        let need: BTreeMap<ParamKind, usize> = partner
            .parameters
            .iter()
            .filter(|r| r.required)
            .map(|r| (r.kind, r.count as usize))
            .collect();
        // Distinct values per kind; placeholders do not count as a value.
        let mut seen: BTreeSet<(ParamKind, &str)> = BTreeSet::new();
        let mut have: BTreeMap<ParamKind, usize> = BTreeMap::new();
        let mut ambiguous: Vec<(ParamKind, &[ParamKind])> = Vec::new();
        for (i, p) in cx.params.iter().enumerate() {
            if !cx.uses(i) {
                continue;
            }
            let clean = cx.facts(i).clean.as_str();
            if clean.is_empty() || cx.facts(i).placeholder || !seen.insert((p.kind, clean)) {
                continue;
            }
            *have.entry(p.kind).or_default() += 1;
            if !p.ambiguous_with.is_empty() {
                ambiguous.push((p.kind, &p.ambiguous_with));
            }
        }
        // A value whose kind was a guess between two (an unlabelled secret or token) fills the
        // other kind when its own has more than enough.
        for (own, others) in ambiguous {
            for other in others {
                let short =
                    have.get(other).copied().unwrap_or(0) < need.get(other).copied().unwrap_or(0);
                let spare =
                    have.get(&own).copied().unwrap_or(0) > need.get(&own).copied().unwrap_or(0);
                if short && spare {
                    *have.entry(own).or_default() -= 1;
                    *have.entry(*other).or_default() += 1;
                    break;
                }
            }
        }
        partner
            .parameters
            .iter()
            .filter(|r| r.required)
            .filter_map(|r| {
                let got = have.get(&r.kind).copied().unwrap_or(0);
                let want = r.count as usize;
                if got >= want {
                    return None;
                }
                if let Some(f) = self.of_the_client(cx, partner.name, r.label, r.kind) {
                    return Some(f);
                }
                // The partner's own name for the value, with wdcap's where the two differ.
                let named = if r.label.eq_ignore_ascii_case(r.kind.title()) {
                    r.label.to_string()
                } else {
                    format!("{} ({})", r.label, r.kind.title())
                };
                let message = if want == 1 {
                    format!("{} needs the {named}; none was found.", partner.name)
                } else {
                    format!("{} needs {want} {named} values; found {got}.", partner.name)
                };
                Some(Finding::new(
                    self.code(),
                    Severity::Error,
                    None,
                    message,
                    format!("Where to find it: {}", r.r#where),
                ))
            })
            .collect()
    }
}

impl MissingParameter {
    /// A value of one API client missing while the caller chose the values in use: said of
    /// that client (or of the choice still to make), with how to get it.
    fn of_the_client(
        &self,
        cx: &Context,
        partner: &str,
        label: &str,
        kind: ParamKind,
    ) -> Option<Finding> {
        if cx.in_use.is_none() || !kind.is_client_scoped() {
            return None;
        }
        let (message, fix) = match cx.subjects.client.as_deref() {
            Some(client) => (
                format!("API client `{client}` has no {} captured; {partner} needs it ({label}).", kind.title()),
                match kind {
                    ParamKind::ClientSecret => format!("Workday shows a client secret only once, when the client is registered: generate a new secret for API client `{client}` (its related actions) and let wdcap read it there. The old secret stops working."),
                    ParamKind::RefreshToken => format!("Run Manage Refresh Tokens for Integrations on API client `{client}` for the integration system user and let wdcap read the new token."),
                    _ => format!("Open View API Clients, or API client `{client}`'s own page, so wdcap reads its Client ID."),
                },
            ),
            None if cx.params.iter().any(|p| p.kind.is_client_scoped()) => (
                format!("{partner} needs the {label} of its own API client, and none of the API clients read is known to be the partner's."),
                "Choose the partner's API client in wdcap's popup: wdcap never pairs one client's values with another's.".to_string(),
            ),
            None => return None,
        };
        Some(Finding::new(self.code(), Severity::Error, None, message, fix))
    }
}
