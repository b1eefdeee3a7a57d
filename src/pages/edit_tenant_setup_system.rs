//! Edit Tenant Setup – System (the Defender for Cloud Apps guide "Connect Workday": "under User Activity Logging, select Enable User
//! Activity Logging"), and its view twin. Reads whether user activity logging is on, which
//! Defender for Cloud Apps needs to receive Workday events.

use super::{read_bool, Capture, Page, PageId, Recogniser};
use crate::model::settings::{names, Setting};
use crate::pages::workday_dom;

pub struct EditTenantSetupSystem;

use crate::pages::labels::keys::edit_tenant_setup_system as L;
use crate::pages::labels::{self, YesNo};

const PAGE: PageId = PageId::EditTenantSetupSystem;
const YES_NO: Option<YesNo> = Some(YesNo {
    yes: L::YES,
    no: L::NO,
});

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
        let scope = page.scope_titled(L::TITLE)?;
        let s = page.snapshot;
        let logging = workday_dom::fields(s, scope.node)
            .into_iter()
            .filter(|f| labels::which(&[L::USER_ACTIVITY_LOGGING], &f.label).is_some())
            .find_map(|f| read_bool(s, &f, YES_NO).map(|b| (b, f.value_node)));
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
