//! `swapped-values`: a value given as one kind whose shape says it is another: a secret where
//! the client ID goes, a client ID where the secret goes, the token endpoint where the REST
//! endpoint goes, a Workday page address where an API endpoint goes; or one value given as two
//! different kinds (the client secret pasted again as the refresh token). "Given as" is the
//! label it came with (pasted text, a page's field) or the kind it was stored as. Only shapes
//! the notes know well decide; the weak secret shape only ever says "a secret or a token".

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::endpoint::Endpoint;
use crate::model::value_shape::value_shape;
use crate::model::param::ParamKind;

pub struct SwappedValues;

/// The value of kind `slot` derived from a URL of the same tenant on the same services host,
/// where the notes' shapes fix it (REST ↔ token).
fn derived(slot: ParamKind, e: &Endpoint) -> Option<String> {
    let tenant = e.tenant.as_ref()?;
    let path = match slot {
        ParamKind::RestEndpoint => format!("/ccx/api/v1/{tenant}"),
        ParamKind::TokenEndpoint => format!("/ccx/oauth2/{tenant}/token"),
        _ => return None,
    };
    let host = e.host.as_ref()?;
    if host.role != crate::workday::tenant::HostRole::Services {
        return None;
    }
    let mut u = e.url.clone();
    u.set_path(&path);
    u.set_query(None);
    u.set_fragment(None);
    Some(u.to_string())
}

fn titles(kinds: &[ParamKind]) -> String {
    kinds
        .iter()
        .map(|k| k.title())
        .collect::<Vec<_>>()
        .join(" or ")
}

impl Check for SwappedValues {
    fn code(&self) -> &'static str {
        "swapped-values"
    }

    fn summary(&self) -> &'static str {
        "A value is given as one kind but is another (a secret as the client ID, the token endpoint as the REST endpoint …)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, p) in cx.params.iter().enumerate() {
            let facts = cx.facts(i);
            if facts.placeholder || facts.truncated {
                continue;
            }
            let slot = cx.slot(i);
            let shape = value_shape(&facts.clean);
            let is_url = facts.clean.contains("://");
            // `raas-not-report-url` speaks for report URLs; a UI URL is the catch-all kind.
            if shape.is_empty()
                || shape.contains(&slot)
                || slot == ParamKind::UiUrl
                || (slot == ParamKind::RaasUrl && is_url)
            {
                continue;
            }
            let how = if slot != p.kind || p.source.label.is_none() {
                "given"
            } else {
                "labelled"
            };
            let fixed = cx.endpoint(i).and_then(|e| derived(slot, e));
            out.push(
                Finding::new(
                    self.code(),
                    Severity::Error,
                    Some(i),
                    format!(
                        "The value {how} as {} looks like a {}.",
                        slot.title(),
                        titles(&shape)
                    ),
                    format!(
                        "Put the {} in its own field and copy the {} again from Workday.",
                        titles(&shape),
                        slot.title()
                    ),
                )
                .fixed(fixed),
            );
        }
        // One value given as two kinds (indexed by value: a paste may hold thousands).
        let flagged: std::collections::HashSet<usize> =
            out.iter().filter_map(|f| f.param).collect();
        let mut by_value: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (j, q) in cx.params.iter().enumerate() {
            let clean = cx.facts(j).clean.as_str();
            if clean.is_empty() || cx.facts(j).placeholder {
                continue;
            }
            let first = *by_value.entry(clean).or_insert(j);
            let p = &cx.params[first];
            if p.kind != q.kind {
                if flagged.contains(&j) {
                    continue;
                }
                out.push(Finding::new(
                    self.code(),
                    Severity::Error,
                    Some(j),
                    format!(
                        "The same value is given as {} and as {}; they are different values.",
                        p.kind.title(),
                        q.kind.title()
                    ),
                    format!("Copy the {} again from Workday.", q.kind.title()),
                ));
            }
        }
        out
    }
}
