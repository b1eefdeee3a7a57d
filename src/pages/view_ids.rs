//! An object's Integration IDs > View IDs page (the Viva Learning guide "Generate connection parameters in Workday": "Select the Workday ID … Save this
//! ID for later as this will be used as a configuration parameter"), usually a popup over the
//! object's page or over a report that lists it. Shows the object, its Workday ID (WID) and its
//! reference IDs with their types.
//!
//! Shape first: a 32-lowercase-hex value is a WID (the notes' "Values", good confidence), and a
//! `Type=Value` text or a row pairing an ID type (`Organization_Reference_ID`, `Cost_Center_…`)
//! with a value is a reference ID. Whether the object is an organisation is decided by its
//! reference ID types first (they are Workday's API names, the same in every display language),
//! by the object type shown second. An organisation's WID becomes an `org_id` parameter named
//! after the object.

use super::{first_value, Capture, Page, PageId, Recogniser};
use crate::model::param::{Param, ParamKind};
use crate::model::settings::{names, record, Setting};
use crate::pages::workday_dom;
use crate::snapshot::NodeId;
use crate::workday::values;

pub struct ViewIds;

use crate::pages::labels::keys::view_ids as L;
use crate::pages::labels;

const PAGE: PageId = PageId::ViewIds;

/// Reference ID types that belong to organisations (Workday's web-service names, the notes' "Values").
const ORGANIZATION_ID_TYPES: &[&str] = &[
    "Organization_Reference_ID",
    "Company_Reference_ID",
    "Cost_Center_Reference_ID",
    "Custom_Organization_Reference_ID",
    "Region_Reference_ID",
    "Matrix_Organization_Reference_ID",
    "Supervisory_Organization_Reference_ID",
];

/// ID types that name the WID itself rather than a reference ID, as the web services name it
/// (a page may also show the display text, the `workday_id` label).
const WID_TYPES: &[&str] = &["WID", "Workday_ID"];

impl Recogniser for ViewIds {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/inst/1$15/rel-task/2997$1127.htmld",
            "https://wd5.myworkday.com/acme/d/inst/15194$4471/rel-task/2997$1127.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &["View IDs", "Integration IDs"]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let scope = page.scope_titled(L::TITLE)?;
        let s = page.snapshot;
        let mut object_name: Option<String> = None;
        let mut object_type: Option<String> = None;
        let mut wid: Option<(String, String, NodeId)> = None; // value, label, node
        let mut refs: Vec<(String, String)> = Vec::new();

        for field in workday_dom::fields(s, scope.node) {
            let Some(value_node) = field.value_node else {
                continue;
            };
            let Some(value) = first_value(s, &field) else {
                continue;
            };
            let key = labels::which(&[L::WORKDAY_ID, L::OBJECT_NAME, L::OBJECT_TYPE, L::REFERENCE_ID], &field.label,
            );
            if values::is_wid(value.trim()) || key == Some(L::WORKDAY_ID) {
                // Kept as shown even when malformed; only a well-formed WID becomes an org ID.
                if wid.is_none() {
                    wid = Some((value.trim().to_string(), field.label.clone(), value_node));
                }
                continue;
            }
            if let Some((ty, v)) = values::reference_id(value.trim()) {
                refs.push((ty.to_string(), v.to_string()));
                continue;
            }
            match key {
                Some(L::OBJECT_NAME) => object_name = object_name.or(Some(value)),
                Some(L::OBJECT_TYPE) => object_type = object_type.or(Some(value)),
                _ if L::ORGANIZATION_TYPES.matches(&field.label) => {
                    // The field is named by the object's type: "Organization  Finance".
                    object_type = object_type.or_else(|| Some(field.label.clone()));
                    object_name = object_name.or(Some(value));
                }
                _ => {}
            }
        }

        for table in workday_dom::tables(s, scope.node) {
            let type_col = table.column_where(|h| L::REFERENCE_ID_TYPE.matches(h));
            let value_col = table.column_where(|h| L::REFERENCE_ID.matches(h));
            for (row, cells) in table.rows.iter().enumerate() {
                let texts: Vec<String> = cells
                    .iter()
                    .map(|&c| workday_dom::cell_text(s, c))
                    .collect();
                let pair = texts
                    .iter()
                    .find_map(|t| {
                        values::reference_id(t.trim()).map(|(a, b)| (a.to_string(), b.to_string()))
                    })
                    .or_else(|| {
                        let (t, v) = match (type_col, value_col) {
                            (Some(t), Some(v)) => (texts.get(t)?, texts.get(v)?),
                            _ => {
                                // Shape: an API-style type name followed by its value.
                                let i = texts.iter().position(|t| is_id_type_name(t))?;
                                (texts.get(i)?, texts.get(i + 1)?)
                            }
                        };
                        (!t.is_empty() && !v.is_empty())
                            .then(|| (t.trim().to_string(), v.trim().to_string()))
                    });
                let Some((ty, value)) = pair else { continue };
                if WID_TYPES.iter().any(|w| w.eq_ignore_ascii_case(&ty))
                    || L::WORKDAY_ID.matches(&ty)
                    || values::is_wid(&value)
                {
                    if wid.is_none() && values::is_wid(&value) {
                        let node = cells
                            .get(value_col.unwrap_or(cells.len() - 1))
                            .copied()
                            .unwrap_or(table.row_nodes[row]);
                        wid = Some((value, ty, node));
                    }
                    continue;
                }
                refs.push((ty, value));
            }
        }

        let is_organization = refs.iter().any(|(ty, _)| {
            ORGANIZATION_ID_TYPES
                .iter()
                .any(|o| o.eq_ignore_ascii_case(ty))
        }) || object_type
            .as_deref()
            .is_some_and(|t| L::ORGANIZATION_TYPES.matches(t));

        let mut settings = Vec::new();
        if let Some(name) = &object_name {
            settings.push(Setting::text(names::OBJECT_NAME, name.clone()));
        }
        if let Some(ty) = &object_type {
            settings.push(Setting::text(names::OBJECT_TYPE, ty.clone()));
        }
        if let Some((w, _, _)) = &wid {
            settings.push(Setting::text(names::WORKDAY_ID, w.clone()));
        }
        for (ty, value) in &refs {
            settings.push(Setting::record(
                names::REFERENCE_ID,
                record([("type", ty.as_str()), ("value", value.as_str())]),
            ));
        }
        let mut params = Vec::new();
        if let (true, Some((w, label, node))) =
            (is_organization, wid.filter(|(w, _, _)| values::is_wid(w)))
        {
            let mut p = Param::new(ParamKind::OrgId, w)
                .with_context_tenant(page.tenant())
                .with_source(page.source(PAGE, Some(&label), Some(node)));
            p.name = object_name.clone();
            params.push(p);
        }
        Some(Capture {
            page: PAGE,
            in_popup: scope.is_popup,
            params,
            settings,
        })
    }
}

/// A reference ID type as Workday's web services name it: `Organization_Reference_ID`,
/// `Employee_ID`, `Location_ID`, `WID` (letters, digits and underscores, ending in `ID`).
fn is_id_type_name(t: &str) -> bool {
    let t = t.trim();
    t.len() >= 3
        && t.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
        && t.to_ascii_uppercase().ends_with("ID")
}
