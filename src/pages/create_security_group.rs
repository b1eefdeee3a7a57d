//! Create Security Group and the Edit Integration System Security Group page that follows it
//! (the Kombo guide "Linking your Workday account" and the Viva Learning guide "Create the ISU" and the Ten Thousand Coffees guide "Workday custom reports"). Step `create`: the Type of Tenanted Security Group (the guides want
//! "Integration System Security Group (Unconstrained)") and the name; step `edit`: the name
//! and the Integration System Users who are members.

use super::{all_values, first_value, Capture, Page, PageId, Recogniser};
use crate::model::settings::{names, Setting};
use crate::pages::workday_dom;

pub struct CreateSecurityGroup;

use crate::pages::labels::keys::create_security_group as L;
use crate::pages::labels;

const PAGE: PageId = PageId::CreateSecurityGroup;

impl Recogniser for CreateSecurityGroup {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/task/1422$1108.htmld",
            "https://wd5.myworkday.com/acme/d/inst/15194$6602/rel-task/1422$1109.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &[
            "Create Security Group",
            "Edit Integration System Security Group",
        ]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let scope = page.scope_titled(L::TITLE)?;
        let s = page.snapshot;
        let mut edit = page.active_title_is(L::TITLE_EDIT);
        let mut body = Vec::new();
        for field in workday_dom::fields(s, scope.node) {
            match labels::which(&[L::GROUP_TYPE, L::NAME, L::MEMBERS], &field.label) {
                Some(L::GROUP_TYPE) => {
                    if let Some(v) = first_value(s, &field) {
                        body.push(Setting::text(names::SECURITY_GROUP_TYPE, v));
                    }
                }
                Some(L::NAME) => {
                    if let Some(v) = first_value(s, &field) {
                        body.push(Setting::text(names::SECURITY_GROUP, v));
                    }
                }
                Some(L::MEMBERS) => {
                    edit = true;
                    body.push(Setting::list(
                        names::SECURITY_GROUP_MEMBERS,
                        all_values(s, &field),
                    ));
                }
                _ => {}
            }
        }
        let mut settings = vec![Setting::text(
            names::STEP,
            if edit { "edit" } else { "create" },
        )];
        settings.append(&mut body);
        Some(Capture {
            page: PAGE,
            in_popup: scope.is_popup,
            params: Vec::new(),
            settings,
        })
    }
}
