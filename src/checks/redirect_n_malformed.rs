//! `redirect-n-malformed`: `redirect=n` is there but written so Workday will not see it: a
//! wrong separator, a second `?`, duplicated, another value, percent-encoded (notes §5).

use super::{Check, Context, Finding, Severity};
use crate::param::ParamKind;
use crate::redirect_n::{self, State};

pub struct RedirectNMalformed;

impl Check for RedirectNMalformed {
    fn code(&self) -> &'static str {
        "redirect-n-malformed"
    }

    fn summary(&self) -> &'static str {
        "`redirect=n` on the authorization endpoint is written so Workday will not read it."
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.of_kind(ParamKind::AuthorizationEndpoint)
            .filter_map(|(i, p)| match redirect_n::state(p.raw()) {
                State::Malformed(mistakes) => {
                    let fixed = redirect_n::with_redirect_n(p.raw());
                    let what: Vec<String> = mistakes.iter().map(|m| m.describe()).collect();
                    Some(Finding {
                        code: self.code(),
                        severity: Severity::Error,
                        param: Some(i),
                        message: format!("`redirect=n` is malformed: {}.", what.join("; ")),
                        fix: format!("Use `{fixed}`."),
                        fixed_value: Some(fixed),
                    })
                }
                _ => None,
            })
            .collect()
    }
}
