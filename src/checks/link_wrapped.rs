//! `link-wrapped`: a URL in pasted text was rewritten by a mail system's link protection
//! (Microsoft Safe Links, Proofpoint URL Defense, Google's redirector). The other checks judge
//! the address inside (`clean::clean` takes the wrapper off); this one says the wrapper is
//! there (and, for a wrapper that keeps the original on its servers, such as Mimecast's, that
//! the address cannot be read from the link), because a partner's form that receives the
//! wrapped link gets a host that is not Workday's, and the connection fails. Whether the wrapped link or the original reached the
//! partner is not known from a ticket, hence a warning.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::link_wrappers;
use crate::workday::clean;

pub struct LinkWrapped;

impl Check for LinkWrapped {
    fn code(&self) -> &'static str {
        "link-wrapped"
    }

    fn summary(&self) -> &'static str {
        "A URL was rewritten by a mail system's link protection (Safe Links, URL Defense …); the address inside is checked."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Warning]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.params
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind.is_url())
            .filter_map(|(i, p)| {
                let written = clean::stripped(p.raw());
                if let Some(wrapped) = link_wrappers::unwrap(&written) {
                    return Some(
                        Finding::new(
                            self.code(),
                            Severity::Warning,
                            Some(i),
                            format!(
                                "{} is wrapped in a {} link (the mail system rewrote it); wdcap checked the address inside.",
                                cx.describe(i),
                                wrapped.wrapper.name()
                            ),
                            "Give the partner the address inside (the corrected value), never the wrapped link: copy it again from Workday, or from here.",
                        )
                        .fixed(Some(wrapped.url)),
                    );
                }
                // A wrapper that keeps the original on its servers: nothing to check inside.
                let service = link_wrappers::sealed(&written)?;
                Some(Finding::new(
                    self.code(),
                    Severity::Warning,
                    Some(i),
                    format!(
                        "{} is a {service} link (the mail system rewrote it and keeps the address on its servers); wdcap cannot read or check the address inside.",
                        cx.describe(i)
                    ),
                    "Ask for the value again, copied from Workday into a reply as plain text (or into a file), not as a link the mail system rewrites.",
                ))
            })
            .collect()
    }
}
