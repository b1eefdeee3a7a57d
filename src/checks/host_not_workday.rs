//! `host-not-workday`: a connection URL whose host is not one of Workday's domains. Lookalikes
//! (`workday.com.evil.io`, punycode, a trailing dot, `myworkday.co`) and user-info tricks
//! (`https://wd5.myworkday.com@evil.io/…`) land here too, because the host is what the `url`
//! crate parses, not what the text seems to say. A Workday host name written as the first segment
//! of another host's path (`https://proxy.example/wd5.myworkday.com/…`, the shape of the
//! phishing proxies that front Workday's sign-in) makes the URL read as Workday's: it is
//! captured with the shape the rest of its path shows, and flagged here.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::tenant::WORKDAY_DOMAINS;

pub struct HostNotWorkday;

impl Check for HostNotWorkday {
    fn code(&self) -> &'static str {
        "host-not-workday"
    }

    fn summary(&self) -> &'static str {
        "A connection URL points at a host outside Workday's domains."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.urls()
            // A `{prefix}` host is reported once, by `placeholder`.
            .filter(|(i, _, e)| !e.is_workday() && !cx.facts(*i).placeholder)
            .map(|(i, p, e)| {
                let host = e.url.host_str().unwrap_or("(none)");
                let trick = if let Some(named) = &e.host_in_path {
                    format!(" (the Workday host name `{named}` is part of its path, not its host)")
                } else if !e.url.username().is_empty() || e.url.password().is_some() {
                    " (the part before `@` is a user name, not the host)".to_string()
                } else if host.contains("xn--") {
                    " (an internationalised look-alike, shown here in punycode)".to_string()
                } else if let Some(site) = e.site {
                    format!(" ({site}, which serves no tenant)")
                } else if WORKDAY_DOMAINS.iter().any(|d| host.contains(d)) {
                    " (it contains a Workday domain but does not end in one)".to_string()
                } else {
                    String::new()
                };
                Finding::new(
                    self.code(),
                    Severity::Error,
                    Some(i),
                    format!(
                        "{} points at `{host}`{trick}, which is not a Workday host.",
                        p.kind.title()
                    ),
                    format!(
                        "Copy the {} again from Workday; a genuine one ends in {}.",
                        p.kind.title(),
                        WORKDAY_DOMAINS.join(", ")
                    ),
                )
            })
            .collect()
    }
}
