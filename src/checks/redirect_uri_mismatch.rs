//! `redirect-uri-mismatch`: the API client's Redirection URI is not one the partner's guide
//! gives (Defender: `https://portal.cloudappsecurity.com/api/oauth/connect`, or the `.us` one
//! for GCC High; the Defender for Cloud Apps guide "Connect Workday" step 5). OAuth compares redirect URIs exactly, so the authorization
//! step fails.

use super::{partner_name, Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::settings::names;

pub struct RedirectUriMismatch;

impl Check for RedirectUriMismatch {
    fn code(&self) -> &'static str {
        "redirect-uri-mismatch"
    }

    fn summary(&self) -> &'static str {
        "The API client's redirection URI is not the one the partner's guide gives."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn reads(&self) -> &'static [&'static str] {
        &[names::REDIRECTION_URI]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let Some(client) = cx.partner.and_then(|p| p.oauth_client.as_ref()) else {
            return Vec::new();
        };
        if client.redirect_uris.is_empty() || !cx.client_is_partners() {
            return Vec::new();
        }
        let Some(read) = cx.list_setting(names::REDIRECTION_URI) else {
            return Vec::new();
        };
        let read: Vec<String> = read.iter().map(|u| crate::workday::clean::clean(u)).collect();
        if read
            .iter()
            .any(|u| client.redirect_uris.contains(&u.as_str()))
        {
            return Vec::new();
        }
        let shown = if read.is_empty() {
            "empty".to_string()
        } else {
            read.iter()
                .map(|u| format!("`{u}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        vec![Finding::new(
            self.code(),
            Severity::Error,
            None,
            format!(
                "{} redirection URI is {shown}; {} expects {}.",
                cx.client_possessive(),
                partner_name(cx),
                client
                    .redirect_uris
                    .iter()
                    .map(|u| format!("`{u}`"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
            format!(
                "Edit the API client: Redirection URI `{}`{}.",
                client.redirect_uris[0],
                client
                    .redirect_uris_note
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default()
            ),
        )
        .fixed(Some(client.redirect_uris[0].to_string()))]
    }
}
