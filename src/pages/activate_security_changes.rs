//! Activate Pending Security Policy Changes (the Kombo guide "Linking your Workday account" and the Viva Learning guide "Create the ISU" and the Defender for Cloud Apps guide "Connect Workday" and the Ten Thousand Coffees guide "Workday custom reports"): without it no
//! permission change takes effect. Three steps:
//! 1. `comment`: describe the changes in the Comment field, OK;
//! 2. `confirm`: tick Confirm, OK;
//! 3. `done`: the activation went through.
//!
//! Reads the comment, the Confirm box's state and whether the activation completed. The texts
//! that say it completed are unconfirmed (the guides stop at "click OK"); a page that shows
//! them, or the new security timestamp, is `done`, and a page still showing the form is not.

use super::{first_value, read_bool, Capture, Page, PageId, Recogniser};
use crate::model::settings::{names, Setting};
use crate::pages::workday_dom;

pub struct ActivateSecurityChanges;

use crate::pages::labels::keys::activate_security_changes as L;
use crate::pages::labels::{self, YesNo};

const PAGE: PageId = PageId::ActivateSecurityChanges;
const YES_NO: Option<YesNo> = Some(YesNo {
    yes: L::YES,
    no: L::NO,
});

impl Recogniser for ActivateSecurityChanges {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/task/1422$1120.htmld",
            "https://wd5.myworkday.com/acme/d/task/1422$1120.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &["Activate Pending Security Policy Changes"]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let scope = page.scope_titled(L::TITLE)?;
        let s = page.snapshot;
        let mut comment = None;
        let mut confirmed = None;
        let mut timestamp = false;
        for field in workday_dom::fields(s, scope.node) {
            match labels::which(&[L::COMMENT, L::CONFIRM, L::TIMESTAMP], &field.label) {
                Some(L::COMMENT) => comment = comment.or_else(|| first_value(s, &field)),
                Some(L::CONFIRM) => confirmed = confirmed.or_else(|| read_bool(s, &field, YES_NO)),
                Some(L::TIMESTAMP) => timestamp |= first_value(s, &field).is_some(),
                _ => {}
            }
        }
        let message =
            workday_dom::find_text(s, scope.node, |t| L::COMPLETED.matches(t))
                .is_some();
        let done = message || (timestamp && confirmed.is_none());
        let step = if done {
            "done"
        } else if confirmed.is_some() {
            "confirm"
        } else {
            "comment"
        };
        let mut settings = vec![Setting::text(names::STEP, step)];
        if let Some(c) = comment {
            settings.push(Setting::text(names::ACTIVATION_COMMENT, c));
        }
        if let Some(b) = confirmed {
            settings.push(Setting::bool(names::ACTIVATION_CONFIRMED, b));
        }
        settings.push(Setting::bool(names::ACTIVATION_COMPLETED, done));
        Some(Capture {
            page: PAGE,
            in_popup: scope.is_popup,
            params: Vec::new(),
            settings,
        })
    }
}
