//! `not-https`: a Workday connection URL written with `http://`. Every Workday endpoint in the
//! partners' guides and the Workday notes is `https://`; over plain HTTP the client secret and tokens would cross the
//! network readable, and Workday does not serve its APIs there.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;

pub struct NotHttps;

impl Check for NotHttps {
    fn code(&self) -> &'static str {
        "not-https"
    }

    fn summary(&self) -> &'static str {
        "A Workday URL uses http:// (or another scheme) instead of https://."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.workday_urls()
            .filter(|(_, _, e)| e.url.scheme() != "https")
            .map(|(i, p, e)| {
                let mut fixed = e.url.clone();
                let fixed_value = fixed.set_scheme("https").ok().map(|_| fixed.to_string());
                Finding::new(
                    self.code(),
                    Severity::Error,
                    Some(i),
                    format!(
                        "{} uses `{}://`; Workday is reached over https only.",
                        p.kind.title(),
                        e.url.scheme()
                    ),
                    "Use the https:// address; never send Workday credentials over plain http.",
                )
                .fixed(fixed_value)
            })
            .collect()
    }
}
