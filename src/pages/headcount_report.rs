//! The Headcount Report run on a root organisation (the Viva Learning guide "Generate connection parameters in Workday": "It gives you a list of all
//! departments under root org"; large tenants configure the root's children instead of the
//! root). Every organisation row is kept: its name, its Workday ID where the report shows one,
//! and its place under the root.
//!
//! The WID is found by shape (a 32-lowercase-hex cell) before the column's label. The parent
//! comes from a Superior Organization column when the report has one, else from the rows'
//! `aria-level` in a tree grid, else from the organisation the report was run on (its prompt).
//! Reading is one pass over the rows, so a 10 000-row report costs ten times a 1 000-row one.

use super::{first_value, Capture, Page, PageId, Recogniser};
use crate::model::param::{Param, ParamKind};
use crate::model::settings::{names, record, Setting};
use crate::pages::workday_dom::{self, Table};
use crate::workday::values;

pub struct HeadcountReport;

use crate::pages::labels::keys::headcount_report as L;
use crate::pages::labels::{self, Label};

const PAGE: PageId = PageId::HeadcountReport;

impl Recogniser for HeadcountReport {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/task/1422$3127.htmld",
            "https://wd5.myworkday.com/acme/d/task/1422$3127.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &["Headcount Report", "Headcount Report - Workday"]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let scope = page.scope_titled(L::TITLE)?;
        let s = page.snapshot;
        let tenant = page.tenant();
        let root = workday_dom::fields(s, scope.node)
            .into_iter()
            .find(|f| labels::which(&[L::ORGANIZATION_PROMPT], &f.label).is_some())
            .and_then(|f| first_value(s, &f));

        let tables = workday_dom::tables(s, scope.node);
        let org_tables: Vec<&Table> = tables
            .iter()
            .filter(|t| {
                t.column_where(|h| L::COL_ORGANIZATION.matches(h))
                    .is_some()
            })
            .collect();
        let chosen: Vec<&Table> = if org_tables.is_empty() {
            tables
                .iter()
                .max_by_key(|t| t.rows.len())
                .filter(|t| !t.rows.is_empty())
                .into_iter()
                .collect()
        } else {
            org_tables
        };

        let mut params = Vec::new();
        let mut settings = Vec::new();
        if let Some(root) = &root {
            settings.push(Setting::text(names::ORGANIZATION_ROOT, root.clone()));
        }
        for table in chosen {
            let col = |label: Label| table.column_where(|h| label.matches(h));
            let org_col = col(L::COL_ORGANIZATION).unwrap_or(0);
            let wid_col = col(L::COL_WID);
            let superior_col = col(L::COL_SUPERIOR);
            let ref_col = col(L::COL_REFERENCE_ID);
            let hierarchy = superior_col.is_some()
                || table
                    .row_nodes
                    .iter()
                    .any(|&r| s.attr(r, "aria-level").is_some());
            // Open ancestors by level, for tree grids.
            let mut stack: Vec<(i64, String)> = Vec::new();

            for (row, cells) in table.rows.iter().enumerate() {
                let texts: Vec<String> = cells
                    .iter()
                    .map(|&c| workday_dom::cell_text(s, c))
                    .collect();
                let Some(name) = texts.get(org_col).filter(|n| !n.is_empty()).cloned() else {
                    continue;
                };
                let wid_at = texts
                    .iter()
                    .position(|t| values::is_wid(t.trim()))
                    .or(wid_col.filter(|&i| texts.get(i).is_some_and(|t| !t.is_empty())));
                let wid = wid_at.map(|i| texts[i].trim().to_string());
                let level = s
                    .attr(table.row_nodes[row], "aria-level")
                    .and_then(|l| l.trim().parse::<i64>().ok());
                let mut parent = superior_col
                    .and_then(|i| texts.get(i))
                    .filter(|p| !p.is_empty())
                    .cloned();
                if let Some(level) = level {
                    while stack.last().is_some_and(|(l, _)| *l >= level) {
                        stack.pop();
                    }
                    if parent.is_none() {
                        parent = stack.last().map(|(_, n)| n.clone());
                    }
                    stack.push((level, name.clone()));
                }
                let is_root = root.as_deref() == Some(name.as_str());
                if is_root {
                    parent = None;
                } else if parent.is_none() {
                    parent = root.clone();
                }
                let role = if is_root || (hierarchy && parent.is_none()) {
                    "root"
                } else if parent.is_some() {
                    "child"
                } else {
                    ""
                };
                let level_text = level.map(|l| l.to_string()).unwrap_or_default();
                settings.push(Setting::record(
                    names::ORGANIZATION,
                    record([
                        ("name", name.as_str()),
                        ("wid", wid.as_deref().unwrap_or_default()),
                        ("parent", parent.as_deref().unwrap_or_default()),
                        ("role", role),
                        ("level", level_text.as_str()),
                        (
                            "reference_id",
                            ref_col
                                .and_then(|i| texts.get(i))
                                .map(String::as_str)
                                .unwrap_or_default(),
                        ),
                    ]),
                ));
                if let (Some(w), Some(i)) = (wid.filter(|w| values::is_wid(w)), wid_at) {
                    params.push(
                        Param::new(ParamKind::OrgId, w)
                            .with_name(name)
                            .with_context_tenant(tenant.clone())
                            .with_source(page.source(
                                PAGE,
                                table.headers.get(i).map(String::as_str),
                                cells.get(i).copied(),
                            )),
                    );
                }
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
