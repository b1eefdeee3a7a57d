//! `changes-not-activated`: security policy changes are not activated. "Without that, none of
//! your changes with take effect" (the Kombo guide "Linking your Workday account", § Activate
//! your changes; also the Viva Learning guide "Create the ISU", the Defender for Cloud Apps
//! guide "Connect Workday" and the Ten Thousand Coffees guide "Workday custom reports"). Read from Activate Pending Security Policy Changes: not completed is an error; the
//! Confirm box not yet checked (the admin is mid-task) is a warning.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::settings::names;

pub struct ChangesNotActivated;

impl Check for ChangesNotActivated {
    fn code(&self) -> &'static str {
        "changes-not-activated"
    }

    fn summary(&self) -> &'static str {
        "Pending security policy changes are not activated, so the new permissions do not apply."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error, Severity::Warning]
    }

    fn reads(&self) -> &'static [&'static str] {
        &[names::ACTIVATION_COMPLETED, names::ACTIVATION_CONFIRMED]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let fix = "Activate Pending Security Policy Changes: add a comment, OK, check Confirm, OK.";
        if cx.bool_setting(names::ACTIVATION_COMPLETED) == Some(false) {
            return vec![Finding::new(
                self.code(),
                Severity::Error,
                None,
                "Security policy changes are pending: none of the new permissions take effect until they are activated.",
                fix,
            )];
        }
        if cx.bool_setting(names::ACTIVATION_CONFIRMED) == Some(false)
            && cx.bool_setting(names::ACTIVATION_COMPLETED).is_none()
        {
            return vec![Finding::new(
                self.code(),
                Severity::Warning,
                None,
                "The activation of the pending security policy changes is not confirmed yet (Confirm unchecked).",
                fix,
            )];
        }
        Vec::new()
    }
}
