//! `line-end-whitespace`: a value read from pasted text whose line ended in white space right
//! after it (`Client ID: NjFi…eDc5 `). Unquoted, nothing says whether the white space belongs to
//! the value: a mail client or an editor may have added it, or the admin's copy may carry it,
//! and a partner's form then takes it as part of the value (a trailing space after a pasted
//! client ID gives `401 invalid_client` and is hard to see: the notes' "Hosts and URL anatomy",
//! common mistakes). Possible, not certain: a warning. White space inside quotes, or carried in
//! the value itself, is `whitespace`'s and `invisible-char`'s (errors).

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::clean;

pub struct LineEndWhitespace;

impl Check for LineEndWhitespace {
    fn code(&self) -> &'static str {
        "line-end-whitespace"
    }

    fn summary(&self) -> &'static str {
        "A pasted value's line ended in white space right after it; a copy of the value may carry it."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Warning]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.params
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let tail = p
                    .source
                    .line_end_white_space
                    .as_deref()
                    .filter(|t| !t.is_empty())?;
                let raw = p.raw();
                // White space the value holds itself is reported, as an error, by the checks of
                // what a value holds.
                if raw.ends_with(|c: char| c.is_whitespace() || clean::is_invisible(c)) {
                    return None;
                }
                let as_copied = format!("{raw}{tail}");
                let shown = if p.value.is_secret() {
                    clean::drawn_masked(&as_copied)
                } else {
                    clean::drawn(&as_copied).into_owned()
                };
                Some(
                    Finding::new(
                        self.code(),
                        Severity::Warning,
                        Some(i),
                        format!(
                            "{} was read from a line that ended in white space right after it ({}); a copy of the value may carry it, and the partner's form would take it as part of the value.",
                            cx.describe(i),
                            clean::drawn(tail)
                        ),
                        "Paste the value without anything after it (the corrected value), and check that the copy the partner received does not end in white space.",
                    )
                    .fixed(Some(cx.facts(i).clean.clone()))
                    .shown(shown),
                )
            })
            .collect()
    }
}
