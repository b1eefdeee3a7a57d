//! `quoted`: quote characters in a value (`"abc"`, `'abc'`, `“abc”`, a stray `"` at one end).
//! Quotes are how a value was written in a message or a JSON file, never part of a Workday
//! value; a form that receives them keeps them, and the value fails.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::clean::{invisible_name, is_quote};

pub struct Quoted;

impl Check for Quoted {
    fn code(&self) -> &'static str {
        "quoted"
    }

    fn summary(&self) -> &'static str {
        "A value holds quote characters (wrapped in quotes, or a stray quote)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.params
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let bare: String = p
                    .raw()
                    .chars()
                    .filter(|c| !c.is_whitespace() && invisible_name(*c).is_none())
                    .collect();
                let quotes: Vec<char> = bare.chars().filter(|c| is_quote(*c)).collect();
                if quotes.is_empty() {
                    return None;
                }
                let clean = &cx.facts(i).clean;
                // Quotes inside (not only around) cannot be fixed by stripping.
                let fixed = (!clean.chars().any(is_quote)).then(|| clean.clone());
                let shown: String = quotes
                    .iter()
                    .take(4)
                    .map(|q| format!("`{q}`"))
                    .collect::<Vec<_>>()
                    .join(" ");
                Some(
                    Finding::new(
                        self.code(),
                        Severity::Error,
                        Some(i),
                        format!(
                            "{} holds quote characters ({shown}); they are not part of the value.",
                            cx.describe(i)
                        ),
                        "Remove the quotes.",
                    )
                    .fixed(fixed),
                )
            })
            .collect()
    }
}
