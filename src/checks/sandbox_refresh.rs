//! `sandbox-refresh` (info): the connection points at a sandbox, implementation or preview
//! tenant. Workday refreshes sandboxes from production on a schedule (Defender's guide: every
//! week), which breaks a connection made against them (the Defender for Cloud Apps guide "Connect Workday", the notes' "OAuth and API behaviour").

use super::{Check, Context, Finding};
use crate::model::severity::Severity;

pub struct SandboxRefresh;

impl Check for SandboxRefresh {
    fn code(&self) -> &'static str {
        "sandbox-refresh"
    }

    fn summary(&self) -> &'static str {
        "The connection targets a non-production tenant, which a refresh will break."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Info]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        // One finding for the connection, on the first non-production URL.
        let Some((i, _, e)) = cx
            .workday_urls()
            .find(|(_, _, e)| e.environment().is_some_and(|x| !x.is_production()))
        else {
            return Vec::new();
        };
        let env = e
            .environment()
            .map(|x| x.as_str())
            .unwrap_or("non-production");
        let partner_says = cx
            .partner
            .and_then(|p| p.sandbox_refresh)
            .map(|c| {
                format!(
                    " {} says: \"{}\"",
                    cx.partner.map(|p| p.name).unwrap_or_default(),
                    c.text
                )
            })
            .unwrap_or_default();
        vec![Finding::new(
            self.code(),
            Severity::Info,
            Some(i),
            format!(
                "The connection points at {} {env} tenant; when Workday refreshes it from production, the connection breaks.{partner_says}",
                if env.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" }
            ),
            "Reconnect after each refresh (new client secret and refresh token), or connect the production tenant.",
        )]
    }
}
