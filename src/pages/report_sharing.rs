//! A custom report's Share tab (the Ten Thousand Coffees guide "Workday custom reports" step 6: share each report with the ISU): with "Share
//! with specific authorized groups and users", the Authorized Users field lists who may run the
//! report, the ISU among them for RaaS to answer its user name and password.
//!
//! Settings: `report_name` (first, so the checklist reads the list after it as this report's)
//! and `report_shared_with` (the authorized users, as shown; empty when none is listed).

use super::custom_report::shows_share_tab;
use super::{all_values, first_value, Capture, Page, PageId, Recogniser};
use crate::model::settings::{names, Setting};
use crate::pages::workday_dom;

pub struct ReportSharing;

use crate::pages::labels::keys::report_sharing as L;
use crate::pages::labels;

const PAGE: PageId = PageId::ReportSharing;

impl Recogniser for ReportSharing {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/inst/2998$4517/rel-task/2997$10357.htmld",
            "https://wd5.myworkday.com/acme/d/inst/2998$4518/rel-task/2997$10357.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &["Edit Custom Report", "Share Custom Report"]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let scope = page.scope_titled(L::TITLE)?;
        let s = page.snapshot;
        let fields = workday_dom::fields(s, scope.node);
        if !shows_share_tab(L::TAB_SHARE, L::AUTHORIZED_USERS, s, &fields) {
            return None;
        }
        let mut name = None;
        let mut users: Option<Vec<String>> = None;
        for field in &fields {
            match labels::which(&[L::REPORT_NAME, L::AUTHORIZED_USERS], &field.label) {
                Some(L::REPORT_NAME) => name = name.or_else(|| first_value(s, field)),
                Some(L::AUTHORIZED_USERS) => users
                    .get_or_insert_with(Vec::new)
                    .extend(all_values(s, field).into_iter().filter(|v| !v.is_empty())),
                _ => {}
            }
        }
        let mut settings = Vec::new();
        if let Some(n) = name {
            settings.push(Setting::text(names::REPORT_NAME, n));
        }
        if let Some(u) = users {
            settings.push(Setting::list(names::REPORT_SHARED_WITH, u));
        }
        Some(Capture {
            page: PAGE,
            in_popup: scope.is_popup,
            params: Vec::new(),
            settings,
        })
    }
}
