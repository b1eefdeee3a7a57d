//! Maintain Permissions for Security Group (the Kombo guide "Linking your Workday account" and the Viva Learning guide "Create the ISU" and the Ten Thousand Coffees guide "Workday custom reports"; 004 calls it Maintain Domain
//! Permissions for Security Group). Two steps:
//! 1. `select`: the operation (Maintain) and the source security group;
//! 2. `permissions`: the group's domain security policy rows, each with its report/task access
//!    (View Only, View and Modify) and its integration access (Get Only, Get and Put).
//!
//! Each policy becomes one `domain_permission` record with the access texts as shown and what
//! they grant (`view`, `modify`, `get`, `put`: "true"/"false"). An access value is classified by
//! its text, not by the column it sits in: the Kombo guide "Linking your Workday account" shows "Get Only" / "Get and Put" in a column
//! it calls View/Modify Access, and real pages split the two kinds over one grid or two. A
//! policy listed in both grids is one record.

use super::{first_value, Capture, Page, PageId, Recogniser};
use crate::model::settings::{names, record, Setting};
use crate::pages::workday_dom;
use std::collections::HashMap;

pub struct MaintainPermissions;

use crate::pages::labels::keys::maintain_permissions as L;
use crate::pages::labels::{self, Label};

const PAGE: PageId = PageId::MaintainPermissions;

/// Which of the two access kinds a value sets, and what it grants.
#[derive(Clone, Copy)]
enum Access {
    /// Report/task permissions: (view, modify).
    ViewModify(bool, bool),
    /// Integration permissions: (get, put).
    GetPut(bool, bool),
}

const ACCESS_KEYS: &[(Label, Access)] = &[
    (L::ACCESS_VIEW_ONLY, Access::ViewModify(true, false)),
    (L::ACCESS_VIEW_AND_MODIFY, Access::ViewModify(true, true)),
    (L::ACCESS_MODIFY_ONLY, Access::ViewModify(false, true)),
    (L::ACCESS_GET_ONLY, Access::GetPut(true, false)),
    (L::ACCESS_GET_AND_PUT, Access::GetPut(true, true)),
    (L::ACCESS_PUT_ONLY, Access::GetPut(false, true)),
];

/// What the page shows for one policy.
#[derive(Default)]
struct Permission {
    policy: String,
    view_modify: Option<(String, bool, bool)>,
    get_put: Option<(String, bool, bool)>,
    functional_areas: Option<String>,
}

impl Recogniser for MaintainPermissions {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/task/1422$1011.htmld",
            "https://wd5.myworkday.com/acme/d/task/1422$1011.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &[
            "Maintain Permissions for Security Group",
            "Maintain Domain Permissions for Security Group",
        ]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let scope = page.scope_titled(L::TITLE)?;
        let s = page.snapshot;
        let mut head = Vec::new();
        for field in workday_dom::fields(s, scope.node) {
            match labels::which(&[L::SECURITY_GROUP, L::OPERATION], &field.label) {
                Some(L::SECURITY_GROUP) => {
                    if let Some(v) = first_value(s, &field) {
                        head.push(Setting::text(names::SECURITY_GROUP, v));
                    }
                }
                Some(L::OPERATION) => {
                    if let Some(v) = first_value(s, &field) {
                        head.push(Setting::text(names::PERMISSIONS_OPERATION, v));
                    }
                }
                _ => {}
            }
        }

        let mut permissions: Vec<Permission> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut policy_grid = false;
        for table in workday_dom::tables(s, scope.node) {
            let Some(policy_col) = table.column_where(|h| L::COL_POLICY.matches(h))
            else {
                continue; // business process policies, or another grid
            };
            policy_grid = true;
            let areas_col =
                table.column_where(|h| L::COL_FUNCTIONAL_AREAS.matches(h));
            for cells in &table.rows {
                let Some(policy) = cells
                    .get(policy_col)
                    .map(|&c| workday_dom::cell_text(s, c))
                    .filter(|p| !p.is_empty())
                else {
                    continue; // a row just added, not filled in yet
                };
                let at = *index.entry(policy.clone()).or_insert_with(|| {
                    permissions.push(Permission {
                        policy: policy.clone(),
                        ..Default::default()
                    });
                    permissions.len() - 1
                });
                let entry = &mut permissions[at];
                for (i, &cell) in cells.iter().enumerate() {
                    if i == policy_col {
                        continue;
                    }
                    let text = workday_dom::cell_text(s, cell);
                    if Some(i) == areas_col {
                        if !text.is_empty() {
                            entry.functional_areas = Some(text);
                        }
                        continue;
                    }
                    match classify(&text) {
                        Some(Access::ViewModify(v, m)) => entry.view_modify = Some((text, v, m)),
                        Some(Access::GetPut(g, p)) => entry.get_put = Some((text, g, p)),
                        None => {}
                    }
                }
            }
        }

        let mut settings = vec![Setting::text(
            names::STEP,
            if policy_grid { "permissions" } else { "select" },
        )];
        settings.append(&mut head);
        for p in permissions {
            let flag = |b: bool| if b { "true" } else { "false" };
            let (vm_text, view, modify) = p.view_modify.clone().unwrap_or_default();
            let (gp_text, get, put) = p.get_put.clone().unwrap_or_default();
            settings.push(Setting::record(
                names::DOMAIN_PERMISSION,
                record([
                    ("policy", p.policy.as_str()),
                    ("view_modify", vm_text.as_str()),
                    ("get_put", gp_text.as_str()),
                    ("view", flag(view)),
                    ("modify", flag(modify)),
                    ("get", flag(get)),
                    ("put", flag(put)),
                    (
                        "functional_areas",
                        p.functional_areas.as_deref().unwrap_or_default(),
                    ),
                ]),
            ));
        }
        Some(Capture {
            page: PAGE,
            in_popup: scope.is_popup,
            params: Vec::new(),
            settings,
        })
    }
}

/// The access an access text grants, from the page's label data.
fn classify(text: &str) -> Option<Access> {
    if text.is_empty() {
        return None;
    }
    ACCESS_KEYS
        .iter()
        .find(|(label, _)| label.matches(text))
        .map(|(_, a)| *a)
}
