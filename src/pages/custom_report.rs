//! A custom report's definition as Workday shows it while creating or editing it (tasks "Create
//! Custom Report" / "Edit Custom Report", the Ten Thousand Coffees guide "Workday custom reports" step 4): the report's name, its Report Type
//! (10KC wants "Advanced"), the "Enable As Web Service" check box (RaaS needs it) and the
//! Columns grid, whose rows name a Business Object, a Field and optionally a Column Heading
//! Override and its XML Alias.
//!
//! `report_fields` lists each column as a RaaS consumer sees it: the XML alias when set (the
//! key in the JSON output), else the heading override, else the field's own name.
//!
//! The same task page with its Share tab selected (or showing Authorized Users) is
//! `report_sharing`'s, not this one's.

use super::{first_value, read_bool, Capture, Page, PageId, Recogniser};
use crate::model::settings::{names, Setting};
use crate::pages::workday_dom::{self, Field};
use crate::snapshot::Snapshot;

pub struct CustomReport;

use crate::pages::labels::keys::custom_report as L;
use crate::pages::labels::{self, Label};

const PAGE: PageId = PageId::CustomReport;

/// Whether the page shows a report's Share tab: the tab is selected, or its Authorized Users
/// field is in sight. Either page's labels may be asked (`report_sharing` asks with its own).
pub(crate) fn shows_share_tab(
    tab_share: Label,
    authorized_users: Label,
    s: &Snapshot,
    fields: &[Field],
) -> bool {
    workday_dom::tabs(s)
        .iter()
        .any(|(label, selected)| *selected && tab_share.matches(label))
        || fields.iter().any(|f| authorized_users.matches(&f.label))
}

impl Recogniser for CustomReport {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/task/1422$1421.htmld",
            "https://wd5.myworkday.com/acme/d/inst/2998$4517/rel-task/2997$10357.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &["Create Custom Report", "Edit Custom Report"]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let scope = page.scope_titled(L::TITLE)?;
        let s = page.snapshot;
        let fields = workday_dom::fields(s, scope.node);
        if shows_share_tab(L::TAB_SHARE, L::AUTHORIZED_USERS, s, &fields) {
            return None;
        }
        let mut name = None;
        let mut report_type = None;
        let mut web_service = None;
        for field in &fields {
            match labels::which(&[L::REPORT_NAME, L::REPORT_TYPE, L::ENABLE_AS_WEB_SERVICE], &field.label,
            ) {
                Some(L::REPORT_NAME) => name = name.or_else(|| first_value(s, field)),
                Some(L::REPORT_TYPE) => report_type = report_type.or_else(|| first_value(s, field)),
                Some(L::ENABLE_AS_WEB_SERVICE) => {
                    web_service = web_service.or_else(|| read_bool(s, field, None));
                }
                _ => {}
            }
        }

        // The Columns grid: the table that has a Field column.
        let mut columns: Option<Vec<String>> = None;
        for table in workday_dom::tables(s, scope.node) {
            let col = |label: Label| table.column_where(|h| label.matches(h));
            let Some(field_col) = col(L::COL_FIELD) else {
                continue;
            };
            let alias_col = col(L::COL_XML_ALIAS);
            let heading_col = col(L::COL_HEADING_OVERRIDE);
            let out = columns.get_or_insert_with(Vec::new);
            for cells in &table.rows {
                let text = |i: Option<usize>| {
                    i.and_then(|i| cells.get(i))
                        .map(|&c| workday_dom::cell_text(s, c).trim().to_string())
                        .filter(|t| !t.is_empty())
                };
                if let Some(column) = text(alias_col)
                    .or_else(|| text(heading_col))
                    .or_else(|| text(Some(field_col)))
                {
                    out.push(column);
                }
            }
        }

        // Report name first: the checklist reads the settings that follow it as this report's.
        let mut settings = Vec::new();
        if let Some(n) = name {
            settings.push(Setting::text(names::REPORT_NAME, n));
        }
        if let Some(t) = report_type {
            settings.push(Setting::text(names::REPORT_TYPE, t));
        }
        if let Some(b) = web_service {
            settings.push(Setting::bool(names::ENABLE_AS_WEB_SERVICE, b));
        }
        if let Some(c) = columns {
            settings.push(Setting::list(names::REPORT_FIELDS, c));
        }
        Some(Capture {
            page: PAGE,
            in_popup: scope.is_popup,
            params: Vec::new(),
            settings,
        })
    }
}
