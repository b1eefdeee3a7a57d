//! Edit Tenant Setup – System (the Defender for Cloud Apps guide "Connect Workday": "under User Activity Logging, select Enable User
//! Activity Logging"), and its view twin. Reads whether user activity logging is on, which
//! Defender for Cloud Apps needs to receive Workday events.

use super::{key_of, read_bool, Capture, Page, PageId, Recogniser};
use crate::model::settings::{names, Setting};
use crate::pages::workday_dom;

pub struct EditTenantSetupSystem;

const PAGE: PageId = PageId::EditTenantSetupSystem;

impl Recogniser for EditTenantSetupSystem {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/task/2997$1543.htmld",
            "https://wd5.myworkday.com/acme/d/task/2997$1543.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &["Edit Tenant Setup - System", "View Tenant Setup - System"]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let scope = page.scope_titled(PAGE, "title")?;
        let s = page.snapshot;
        let logging = workday_dom::fields(s, scope.node)
            .into_iter()
            .filter(|f| key_of(PAGE, &["user_activity_logging"], &f.label).is_some())
            .find_map(|f| read_bool(PAGE, s, &f).map(|b| (b, f.value_node)));
        Some(Capture {
            page: PAGE,
            in_popup: scope.is_popup,
            params: Vec::new(),
            settings: logging
                .map(|(b, at)| Setting::bool(names::USER_ACTIVITY_LOGGING, b).shown_at(at))
                .into_iter()
                .collect(),
        })
    }
}
