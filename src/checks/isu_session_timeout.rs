//! `isu-session-timeout`: the integration system user's Session Timeout Minutes is not 0.
//! Workday sets it to zero "to prevent the integration system user session from expiring.
//! Expired sessions can cause the integration to stop before it successfully completes" (the
//! Viva Learning guide "Create the ISU", step 1). "Can": a warning for a partner whose guide says so, information otherwise.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::settings::names;

pub struct IsuSessionTimeout;

impl Check for IsuSessionTimeout {
    fn code(&self) -> &'static str {
        "isu-session-timeout"
    }

    fn summary(&self) -> &'static str {
        "The ISU's session timeout is not 0, so long integration runs can be cut off."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Warning, Severity::Info]
    }

    fn reads(&self) -> &'static [&'static str] {
        &[names::SESSION_TIMEOUT_MINUTES]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let Some(minutes) = cx
            .int_setting(names::SESSION_TIMEOUT_MINUTES)
            .filter(|m| *m != 0)
        else {
            return Vec::new();
        };
        let guide_says_zero = cx
            .partner
            .and_then(|p| p.isu.as_ref()?.session_timeout_minutes)
            == Some(0);
        let severity = if guide_says_zero {
            Severity::Warning
        } else {
            Severity::Info
        };
        vec![Finding::new(
            self.code(),
            severity,
            None,
            format!("{} Session Timeout Minutes is {minutes}; an expired session can stop the integration before it completes.", cx.isu_possessive()),
            "Edit the integration system user: Session Timeout Minutes 0 (Workday's default for an ISU).",
        )
        .fixed(Some("0".into()))]
    }
}
