//! `mixed-credentials`: a set of values pairs two API clients' values, the client ID of one with
//! the secret or refresh token of another. A secret works only with its own client's ID
//! (`invalid_client`), a refresh token only with the client it was issued for (`invalid_grant`)
//! (the notes' "OAuth and API behaviour"; Manage Refresh Tokens manages one client's tokens).
//!
//! Judged where the page or the text says which client each value belongs to (a value's
//! `client`): a secret or token of one client while no ID of that client is given but another
//! client's ID is. A page listing many clients' IDs (View API Clients) pairs nothing; a ticket
//! quoting several clients, each with its own ID, neither. Values collected across a tenant's
//! pages are many clients' side by side, not one set: there only the values in use are judged.

use super::{Check, Context, Coverage, Finding};
use crate::model::param::ParamKind;
use crate::model::partner::fold;
use crate::model::severity::Severity;

pub struct MixedCredentials;

impl Check for MixedCredentials {
    fn code(&self) -> &'static str {
        "mixed-credentials"
    }

    fn summary(&self) -> &'static str {
        "A client ID of one API client is paired with a secret or refresh token of another."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        if cx.coverage == Coverage::Collected && cx.in_use.is_none() {
            return Vec::new();
        }
        // The client-scoped values of the set whose client is known.
        let set: Vec<(usize, ParamKind, &str)> = cx
            .params
            .iter()
            .enumerate()
            .filter(|(i, p)| p.kind.is_client_scoped() && cx.uses(*i) && !cx.facts(*i).clean.is_empty())
            .filter_map(|(i, p)| p.client.as_deref().map(|c| (i, p.kind, c)))
            .collect();
        let has_id = |client: &str| {
            set.iter()
                .any(|(_, k, c)| *k == ParamKind::ClientId && fold(c) == fold(client))
        };
        let mut out = Vec::new();
        for &(i, kind, client) in &set {
            if kind == ParamKind::ClientId || has_id(client) {
                continue;
            }
            let Some((_, _, other)) = set
                .iter()
                .find(|(_, k, c)| *k == ParamKind::ClientId && fold(c) != fold(client))
            else {
                continue;
            };
            let Some(error) = kind.mismatch_error() else {
                continue;
            };
            out.push(Finding::new(
                self.code(),
                Severity::Error,
                Some(i),
                format!(
                    "{} belongs to API client `{client}`, but the client ID given is API client `{other}`'s: a {} works only with its own client's ID ({error}).",
                    cx.describe(i),
                    kind.title().to_lowercase(),
                ),
                format!(
                    "Use one API client's values together: API client `{client}`'s own client ID with it, or API client `{other}`'s own {}.",
                    kind.title().to_lowercase()
                ),
            ));
        }
        out
    }
}
