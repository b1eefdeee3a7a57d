//! `scope-missing`: the API client's Scope (Functional Areas) lacks an area the partner's guide
//! lists (Viva Learning: Organizations and Roles, Learning core, Staffing, System, Tenant
//! nonconfigurable; Kombo; Defender: Staffing and System). A call outside the client's scopes
//! is refused (403, the notes' "OAuth and API behaviour"). Names are compared folded (`Tenant Non-Configurable` =
//! `Tenant nonconfigurable`), and a name contained in another (`Learning` / `Learning core`)
//! counts, since guides and the UI word some areas differently.

use super::{partner_name, Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::partner::fold;
use crate::model::settings::names;

pub struct ScopeMissing;

fn covered(wanted: &str, have: &[String]) -> bool {
    let w = fold(wanted);
    have.iter()
        .map(|h| fold(h))
        .any(|h| h == w || (h.len() >= 4 && w.len() >= 4 && (h.contains(&w) || w.contains(&h))))
}

impl Check for ScopeMissing {
    fn code(&self) -> &'static str {
        "scope-missing"
    }

    fn summary(&self) -> &'static str {
        "The API client lacks a scope (functional area) the partner needs."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn reads(&self) -> &'static [&'static str] {
        &[names::SCOPES]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let Some(client) = cx.partner.and_then(|p| p.oauth_client.as_ref()) else {
            return Vec::new();
        };
        let Some(have) = cx.list_setting(names::SCOPES) else {
            return Vec::new();
        };
        if !cx.client_is_partners() {
            return Vec::new();
        }
        let missing: Vec<&str> = client
            .scopes
            .iter()
            .copied()
            .filter(|s| !covered(s, &have))
            .collect();
        if missing.is_empty() {
            return Vec::new();
        }
        vec![Finding::new(
            self.code(),
            Severity::Error,
            None,
            format!(
                "{} scopes lack {} needed by {}: {}.",
                cx.client_possessive(),
                if missing.len() == 1 { "the functional area" } else { "functional areas" },
                partner_name(cx),
                missing.join(", ")
            ),
            format!(
                "Edit the API client (View API Client > Edit) and add to Scope (Functional Areas): {}.",
                missing.join(", ")
            ),
        )]
    }
}
