//! Create Integration System User (the Kombo guide "Linking your Workday account" and the Viva Learning guide "Create the ISU" and the Ten Thousand Coffees guide "Workday custom reports") and its view page. Reads the user name
//! (also captured as the `isu_username` parameter), Session Timeout Minutes (the Viva Learning guide "Create the ISU": Workday
//! sets 0 so integration sessions never expire) and Do Not Allow UI Sessions.
//!
//! Never the password: password fields are skipped by their input type and by their label
//! (the snapshotter already drops their values; this is the second lock).

use super::{first_value, read_bool, read_int, Capture, Page, PageId, Recogniser};
use crate::model::param::{Param, ParamKind};
use crate::model::settings::{names, Setting};
use crate::pages::workday_dom;

pub struct CreateIsu;

use crate::pages::labels::keys::create_isu as L;
use crate::pages::labels::{self, Label, YesNo};

const PAGE: PageId = PageId::CreateIsu;
const YES_NO: Option<YesNo> = Some(YesNo {
    yes: L::YES,
    no: L::NO,
});

const KEYS: &[Label] = &[
    L::PASSWORD,
    L::USER_NAME,
    L::SESSION_TIMEOUT_MINUTES,
    L::DO_NOT_ALLOW_UI_SESSIONS,
];

impl Recogniser for CreateIsu {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/task/1422$1502.htmld",
            "https://wd5.myworkday.com/acme/d/inst/15194$5512/rel-task/1422$1503.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &[
            "Create Integration System User",
            "View Integration System User",
        ]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let scope = page.scope_titled(L::TITLE)?;
        let s = page.snapshot;
        let view = page.active_title_is(L::TITLE_VIEW);
        let mut params = Vec::new();
        let mut settings = vec![Setting::text(
            names::STEP,
            if view { "view" } else { "form" },
        )];
        for field in workday_dom::fields(s, scope.node) {
            let Some(value_node) = field.value_node else {
                continue;
            };
            let key = labels::which(KEYS, &field.label);
            if key == Some(L::PASSWORD) || workday_dom::is_password(s, value_node) {
                continue;
            }
            match key {
                Some(L::USER_NAME) => {
                    if let Some(v) = first_value(s, &field) {
                        settings.push(Setting::text(names::ISU_USER_NAME, v.clone()));
                        params.push(
                            Param::new(ParamKind::IsuUsername, v)
                                .with_context_tenant(page.tenant())
                                .with_source(page.source(
                                    PAGE,
                                    Some(&field.label),
                                    Some(value_node),
                                )),
                        );
                    }
                }
                Some(L::SESSION_TIMEOUT_MINUTES) => {
                    if let Some(m) = first_value(s, &field).and_then(|v| read_int(&v)) {
                        settings.push(
                            Setting::int(names::SESSION_TIMEOUT_MINUTES, m)
                                .shown_at(Some(value_node)),
                        );
                    }
                }
                Some(L::DO_NOT_ALLOW_UI_SESSIONS) => {
                    if let Some(b) = read_bool(s, &field, YES_NO) {
                        settings.push(
                            Setting::bool(names::DO_NOT_ALLOW_UI_SESSIONS, b)
                                .shown_at(Some(value_node)),
                        );
                    }
                }
                _ => {}
            }
        }
        Some(Capture {
            page: PAGE,
            in_popup: scope.is_popup,
            params,
            settings,
        })
    }
}
