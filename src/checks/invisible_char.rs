//! `invisible-char`: a character nobody can see inside or around a value: zero-width spaces
//! and joiners, a byte-order mark, a soft hyphen, no-break spaces, direction marks. They come
//! with values copied from web pages, chat tools and word processors, and make the value wrong
//! while it looks right (the same failure as a trailing space, the notes' "Hosts and URL anatomy").

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::clean::invisible_name;

pub struct InvisibleChar;

impl Check for InvisibleChar {
    fn code(&self) -> &'static str {
        "invisible-char"
    }

    fn summary(&self) -> &'static str {
        "A value holds an invisible character (zero-width, no-break space, BOM, soft hyphen …)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.params
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let mut names: Vec<&str> = p.raw().chars().filter_map(invisible_name).collect();
                if names.is_empty() {
                    return None;
                }
                let count = names.len();
                names.sort_unstable();
                names.dedup();
                Some(
                    Finding::new(
                        self.code(),
                        Severity::Error,
                        Some(i),
                        format!(
                            "{} holds {count} invisible character(s): {}.",
                            cx.describe(i),
                            names.join(", ")
                        ),
                        "Use the corrected value, or type the value into a plain-text editor before copying it.",
                    )
                    .fixed(Some(cx.facts(i).clean.clone())),
                )
            })
            .collect()
    }
}
