//! `org-id-duplicate`: the same org ID listed twice. Harmless to Workday, but the sign of a copy
//! mistake: the organisation meant in its place is missing, and its people are not synced
//! (Viva Learning reads the org IDs it is given, the Viva Learning guide "Generate connection parameters in Workday" § Get org ID). A warning.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::param::ParamKind;

pub struct OrgIdDuplicate;

impl Check for OrgIdDuplicate {
    fn code(&self) -> &'static str {
        "org-id-duplicate"
    }

    fn summary(&self) -> &'static str {
        "The same org ID is listed more than once."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Warning]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut out = Vec::new();
        for (i, _) in cx.of_kind(ParamKind::OrgId) {
            let key = cx.facts(i).clean.to_ascii_lowercase();
            if key.is_empty() {
                continue;
            }
            if !seen.insert(key) {
                out.push(Finding::new(
                    self.code(),
                    Severity::Warning,
                    Some(i),
                    format!("The org ID `{}` is listed more than once.", cx.facts(i).clean),
                    "Remove the repeat, and check whether another organisation was meant in its place.",
                ));
            }
        }
        out
    }
}
