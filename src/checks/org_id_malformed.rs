//! `org-id-malformed`: an org ID that is neither a Workday ID (32 lowercase hex digits, from
//! Workday's own OpenAPI: good confidence) nor a reference ID written `Type=Value`
//! (`Organization_Reference_ID=SUP_ORG_123`) (the notes' "Values"). A WID in upper case is only a warning,
//! lowered for the fix: whether Workday minds the case is not confirmed.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::param::ParamKind;
use crate::workday::values;

pub struct OrgIdMalformed;

impl Check for OrgIdMalformed {
    fn code(&self) -> &'static str {
        "org-id-malformed"
    }

    fn summary(&self) -> &'static str {
        "An org ID is neither a Workday ID (32 hex digits) nor a reference ID (`Type=Value`)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error, Severity::Warning]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.of_kind(ParamKind::OrgId)
            .filter(|(i, _)| !cx.facts(*i).placeholder && !cx.facts(*i).truncated)
            .filter_map(|(i, _)| {
                let clean = &cx.facts(i).clean;
                if values::is_wid(clean) || values::reference_id(clean).is_some() {
                    return None;
                }
                let shape = crate::model::value_shape::value_shape(clean);
                if !shape.is_empty() && !shape.contains(&ParamKind::OrgId) {
                    return None; // swapped-values
                }
                let lower = clean.to_ascii_lowercase();
                if values::is_wid(&lower) {
                    return Some(
                        Finding::new(
                            self.code(),
                            Severity::Warning,
                            Some(i),
                            format!("The org ID `{clean}` is a Workday ID in upper case; Workday writes them in lower case."),
                            "Use the lower-case form, as View IDs shows it.",
                        )
                        .fixed(Some(lower)),
                    );
                }
                Some(Finding::new(
                    self.code(),
                    Severity::Error,
                    Some(i),
                    format!(
                        "The org ID `{clean}` is neither a Workday ID (32 hex digits) nor a reference ID (`Type=Value`)."
                    ),
                    "On the organization: Integration IDs > View IDs, and copy the Workday ID.",
                ))
            })
            .collect()
    }
}
