//! `whitespace`: spaces, tabs or line breaks in a value. None of the values wdcap handles may
//! contain any; a trailing space pasted with a client ID gives `401 invalid_client`, and is hard
//! to see (the notes' "Hosts and URL anatomy", common mistakes).

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::clean::is_visible_space;

pub struct Whitespace;

impl Check for Whitespace {
    fn code(&self) -> &'static str {
        "whitespace"
    }

    fn summary(&self) -> &'static str {
        "A value holds spaces, tabs or line breaks (leading, trailing or inside)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.params
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let raw = p.raw();
                if !raw.chars().any(is_visible_space) {
                    return None;
                }
                let leading = raw.starts_with(is_visible_space);
                let trailing = raw.ends_with(is_visible_space);
                let inside = raw.trim_matches(is_visible_space).chars().any(is_visible_space);
                let mut where_ = Vec::new();
                if leading {
                    where_.push("before it");
                }
                if trailing {
                    where_.push("after it");
                }
                if inside {
                    where_.push("inside it");
                }
                Some(
                    Finding::new(
                        self.code(),
                        Severity::Error,
                        Some(i),
                        format!("{} has white space {}; the partner will take it as part of the value.", cx.describe(i), where_.join(" and ")),
                        "Remove the white space (copy the value again, or use the corrected value).",
                    )
                    .fixed(Some(cx.facts(i).clean.clone())),
                )
            })
            .collect()
    }
}
