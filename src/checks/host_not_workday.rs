//! `host-not-workday`: a connection URL whose host is not one of Workday's domains. Lookalikes
//! (`workday.com.evil.io`, punycode, a trailing dot, `myworkday.co`) and user-info tricks
//! (`https://wd5.myworkday.com@evil.io/…`) land here too, because the host is what the `url`
//! crate parses, not what the text seems to say.

use super::{Check, Context, Finding, Severity};
use crate::domain::WORKDAY_DOMAINS;

pub struct HostNotWorkday;

impl Check for HostNotWorkday {
    fn code(&self) -> &'static str {
        "host-not-workday"
    }

    fn summary(&self) -> &'static str {
        "A connection URL points at a host outside Workday's domains."
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.params
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind.is_url())
            .filter_map(|(i, p)| {
                let e = p.endpoint.as_ref()?;
                if e.is_workday() {
                    return None;
                }
                let host = e.url.host_str().unwrap_or("(none)");
                let trick = if !e.url.username().is_empty() || e.url.password().is_some() {
                    " (the part before `@` is a user name, not the host)"
                } else {
                    ""
                };
                Some(Finding {
                    code: self.code(),
                    severity: Severity::Error,
                    param: Some(i),
                    message: format!("{} points at `{host}`{trick}, which is not a Workday host.", p.kind.title()),
                    fix: format!(
                        "Copy the {} again from Workday; a genuine one ends in {}.",
                        p.kind.title(),
                        WORKDAY_DOMAINS.join(", ")
                    ),
                    fixed_value: None,
                })
            })
            .collect()
    }
}
