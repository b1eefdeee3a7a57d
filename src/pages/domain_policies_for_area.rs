//! The Domain Security Policies for Functional Area report (the Viva Learning guide "Create the ISU" and the Defender for Cloud Apps guide "Connect Workday": "search for each
//! functional area ("System"/"Staffing") and grant the permissions listed"). Lists the area's
//! domain security policies and which security groups hold which access: View and Modify
//! (report/task permissions), Get and Put (integration permissions).
//!
//! Two layouts are read: one row per policy whose access columns list the groups holding that
//! access, and one row per policy and group whose access columns hold check boxes (or Yes/X).
//! A policy cell left blank under a filled one continues the policy above (grouped rows).
//! Output: the `functional_area`, the `domain_policies` listed, and one `domain_policy_access`
//! record per policy and group.

use super::{first_value, Capture, Page, PageId, Recogniser};
use crate::model::settings::{names, record, Setting};
use crate::pages::workday_dom;
use crate::snapshot::{NodeId, Snapshot};
use std::collections::HashMap;

pub struct DomainPoliciesForArea;

use crate::pages::labels::keys::domain_policies_for_area as L;
use crate::pages::labels::{self, Label};

const PAGE: PageId = PageId::DomainPoliciesForArea;

/// The access columns, in record order.
const KINDS: &[(Label, &str)] = &[
    (L::COL_VIEW, "view"),
    (L::COL_MODIFY, "modify"),
    (L::COL_GET, "get"),
    (L::COL_PUT, "put"),
];

impl Recogniser for DomainPoliciesForArea {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/task/1422$1310.htmld",
            "https://wd5.myworkday.com/acme/d/task/1422$1310.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &["Domain Security Policies for Functional Area"]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let scope = page.scope_titled(L::TITLE)?;
        let s = page.snapshot;
        let mut area = workday_dom::fields(s, scope.node)
            .into_iter()
            .find(|f| labels::which(&[L::FUNCTIONAL_AREA], &f.label).is_some())
            .and_then(|f| first_value(s, &f));

        let mut policies: Vec<String> = Vec::new();
        let mut access: Vec<(String, String, [bool; 4])> = Vec::new();
        let mut index: HashMap<(String, String), usize> = HashMap::new();
        let mut grant = |policy: &str, group: &str, kind: usize, on: bool| {
            let at = *index
                .entry((policy.to_string(), group.to_string()))
                .or_insert_with(|| {
                    access.push((policy.to_string(), group.to_string(), [false; 4]));
                    access.len() - 1
                });
            access[at].2[kind] |= on;
        };

        for table in workday_dom::tables(s, scope.node) {
            let col = |label: Label| table.column_where(|h| label.matches(h));
            let Some(policy_col) = col(L::COL_POLICY) else {
                continue;
            };
            let group_col = col(L::COL_GROUP);
            let area_col = col(L::FUNCTIONAL_AREA);
            let kind_cols: Vec<(usize, usize)> = KINDS
                .iter()
                .enumerate()
                .filter_map(|(k, (label, _))| col(*label).map(|c| (k, c)))
                .collect();
            let mut current: Option<String> = None;
            for cells in &table.rows {
                let text_at = |i: usize| {
                    cells
                        .get(i)
                        .map(|&c| workday_dom::cell_text(s, c))
                        .unwrap_or_default()
                };
                let policy = text_at(policy_col);
                if !policy.is_empty() {
                    current = Some(policy);
                }
                let Some(policy) = current.clone() else {
                    continue;
                };
                if !policies.contains(&policy) {
                    policies.push(policy.clone());
                }
                if area.is_none() {
                    area = area_col.map(text_at).filter(|a| !a.is_empty());
                }
                match group_col {
                    Some(gc) => {
                        let group = text_at(gc);
                        if group.is_empty() {
                            continue;
                        }
                        for &(kind, c) in &kind_cols {
                            let on = cells.get(c).is_some_and(|&cell| granted(s, cell));
                            grant(&policy, &group, kind, on);
                        }
                    }
                    None => {
                        for &(kind, c) in &kind_cols {
                            let Some(&cell) = cells.get(c) else { continue };
                            for group in workday_dom::values(s, cell) {
                                grant(&policy, &group, kind, true);
                            }
                        }
                    }
                }
            }
        }

        let mut settings = Vec::new();
        if let Some(area) = area {
            settings.push(Setting::text(names::FUNCTIONAL_AREA, area));
        }
        if !policies.is_empty() {
            settings.push(Setting::list(names::DOMAIN_POLICIES, policies));
        }
        for (policy, group, flags) in access {
            let flag = |b: bool| if b { "true" } else { "false" };
            let mut pairs = vec![("policy", policy.as_str()), ("group", group.as_str())];
            pairs.extend(
                KINDS
                    .iter()
                    .zip(flags)
                    .map(|((_, name), on)| (*name, flag(on))),
            );
            settings.push(Setting::record(names::DOMAIN_POLICY_ACCESS, record(pairs)));
        }
        Some(Capture {
            page: PAGE,
            in_popup: scope.is_popup,
            params: Vec::new(),
            settings,
        })
    }
}

/// Whether an access cell grants: its check box's state, else a yes-like text.
fn granted(s: &Snapshot, cell: NodeId) -> bool {
    if let Some(b) = workday_dom::checkbox(s, cell) {
        return b;
    }
    let text = workday_dom::cell_text(s, cell);
    L::YES.matches(&text)
}
