//! `user-activity-logging-off`: Edit Tenant Setup – System shows user activity logging off.
//! Defender for Cloud Apps reads Workday's user activity; its guide has the admin enable it
//! (the Defender for Cloud Apps guide "Connect Workday" step 2). Without it the connection works and brings nothing: an error for a
//! partner that needs it, information otherwise.

use super::{partner_name, Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::settings::names;

pub struct UserActivityLoggingOff;

impl Check for UserActivityLoggingOff {
    fn code(&self) -> &'static str {
        "user-activity-logging-off"
    }

    fn summary(&self) -> &'static str {
        "User activity logging is off (Edit Tenant Setup – System)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error, Severity::Info]
    }

    fn reads(&self) -> &'static [&'static str] {
        &[names::USER_ACTIVITY_LOGGING]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        if cx.bool_setting(names::USER_ACTIVITY_LOGGING) != Some(false) {
            return Vec::new();
        }
        let needed = cx.partner.map(|p| {
            p.tenant_settings
                .as_ref()
                .and_then(|t| t.user_activity_logging)
                == Some(true)
        });
        let (severity, message) = match needed {
            Some(true) => (
                Severity::Error,
                format!("User activity logging is off; {} has no Workday activity to read without it.", partner_name(cx)),
            ),
            Some(false) => return Vec::new(),
            None => (
                Severity::Info,
                "User activity logging is off; partners that monitor activity (Defender for Cloud Apps) need it.".to_string(),
            ),
        };
        vec![Finding::new(
            self.code(),
            severity,
            None,
            message,
            "Edit Tenant Setup - System > User Activity Logging: check Enable User Activity Logging.",
        )]
    }
}
