//! `truncated`: a value cut short: an ellipsis (`…`, `...`) left by a display or a mail client,
//! or fewer characters than its shape has. For client IDs (48 characters) and WIDs (32) the
//! shape is well known (the notes' "Values"): an error. For secrets the notes know "about 100 characters"
//! from one sample only: a short secret is a warning.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::value_faults::{truncation, Truncation};

pub struct Truncated;

impl Check for Truncated {
    fn code(&self) -> &'static str {
        "truncated"
    }

    fn summary(&self) -> &'static str {
        "A value is cut short (an ellipsis, or too short for its kind)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error, Severity::Warning]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.params
            .iter()
            .enumerate()
            .filter(|(i, _)| !cx.facts(*i).placeholder)
            .filter_map(|(i, p)| {
                let clean = &cx.facts(i).clean;
                let n = clean.chars().count();
                let (severity, why) = match truncation(clean, p.kind)? {
                    Truncation::Ellipsis => (Severity::Error, "holds an ellipsis: it was shortened for display".to_string()),
                    Truncation::ShortClientId => (Severity::Error, format!("has {n} characters; a client ID has 48")),
                    Truncation::ShortWid => (Severity::Error, format!("has {n} hex digits; a Workday ID has 32")),
                    Truncation::ShortSecret => (
                        Severity::Warning,
                        format!("has only {n} characters; Workday's are about 100 (from a single sample, so this may be fine)"),
                    ),
                };
                Some(Finding::new(
                    self.code(),
                    severity,
                    Some(i),
                    format!("{} {why}.", cx.describe(i)),
                    format!("Copy the whole {} again from Workday (use its copy button, not the text on screen).", p.kind.title()),
                ))
            })
            .collect()
    }
}
