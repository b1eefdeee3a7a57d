//! `redirect-n-malformed`: `redirect=n` is there but written so Workday will not see it: a
//! wrong separator, a second `?`, duplicated, another value, percent-encoded (the notes' "The `redirect=n` rule").

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::param::ParamKind;
use crate::workday::redirect_n::{self, State};

pub struct RedirectNMalformed;

impl Check for RedirectNMalformed {
    fn code(&self) -> &'static str {
        "redirect-n-malformed"
    }

    fn summary(&self) -> &'static str {
        "`redirect=n` on the authorization endpoint is written so Workday will not read it."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.of_kind(ParamKind::AuthorizationEndpoint)
            .filter_map(|(i, _)| match redirect_n::state(&cx.facts(i).clean) {
                State::Malformed(mistakes) => {
                    let fixed = redirect_n::with_redirect_n(&cx.facts(i).clean);
                    let what: Vec<String> = mistakes.iter().map(|m| m.describe()).collect();
                    Some(
                        Finding::new(
                            self.code(),
                            Severity::Error,
                            Some(i),
                            format!("`redirect=n` is malformed: {}.", what.join("; ")),
                            format!("Use `{fixed}`."),
                        )
                        .fixed(Some(fixed)),
                    )
                }
                _ => None,
            })
            .collect()
    }
}
