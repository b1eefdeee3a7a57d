//! The general shapes of Workday's UI, read from a [`Snapshot`]: page and popup titles,
//! label/value fields, tables, tabs. Every recogniser goes through these, so a change in how
//! Workday marks a shape is fixed in one place. Source for each hook: `workday-notes.md` §1.
//! Class names are never used; `data-automation-id` first, ARIA roles and plain HTML second.

use crate::snapshot::{fold_whitespace, NodeId, Snapshot};

/// Automation ids that mark a field's label.
const LABEL_IDS: &[&str] = &["formLabel", "fieldLabel"];
/// Automation ids that hold a field's value.
const VALUE_CONTAINER_IDS: &[&str] = &["decorationWrapper", "fieldSetContent"];
/// Value widgets, most specific first.
const VALUE_WIDGET_IDS: &[&str] = &[
    "promptOption",
    "textView",
    "numericText",
    "singleLineLink",
    "richTextContent",
    "textInput",
    "numericInput",
    "dateWidgetInput",
    "checkboxPanel",
];
const TITLE_IDS: &[&str] = &["pageHeaderTitleText", "pageHeader", "editPopupTitle"];
const POPUP_IDS: &[&str] = &["editPopup", "popUpDialog"];

/// A label and the element holding its value.
#[derive(Debug, Clone)]
pub struct Field {
    pub label: String,
    pub label_node: NodeId,
    pub value_node: Option<NodeId>,
}

/// A page region with its own title: the page itself, or a popup over it.
#[derive(Debug, Clone)]
pub struct Scope {
    pub node: NodeId,
    pub title: String,
    pub is_popup: bool,
}

/// Scopes on the page, popups first (a popup over a page is what the admin is looking at).
pub fn scopes(s: &Snapshot) -> Vec<Scope> {
    let Some(root) = s.root() else {
        return Vec::new();
    };
    let mut out: Vec<Scope> = s
        .by_automation_id(POPUP_IDS)
        .map(|node| Scope {
            node,
            title: s
                .by_automation_id_in(node, TITLE_IDS)
                .map(|t| title_text(s, t))
                .find(|t| !t.is_empty())
                .unwrap_or_default(),
            is_popup: true,
        })
        .collect();
    let page_title = s
        .by_automation_id(&["pageHeaderTitleText"])
        .filter(|&t| !out.iter().any(|p| s.ancestors(t).any(|a| a == p.node)))
        .map(|t| title_text(s, t))
        .find(|t| !t.is_empty())
        .or_else(|| s.by_tag(root, "h1").map(|h| s.text(h)).find(|t| !t.is_empty()))
        .unwrap_or_else(|| document_title(&s.title));
    out.push(Scope {
        node: root,
        title: page_title,
        is_popup: false,
    });
    out
}

fn title_text(s: &Snapshot, node: NodeId) -> String {
    let t = s.text(node);
    if t.is_empty() {
        s.attr(node, "title").map(fold_whitespace).unwrap_or_default()
    } else {
        t
    }
}

/// The task name in a browser tab title such as `View API Clients - Workday`.
pub fn document_title(title: &str) -> String {
    let t = fold_whitespace(title);
    t.strip_suffix("- Workday")
        .or_else(|| t.strip_suffix("| Workday"))
        .map(|x| x.trim().to_string())
        .unwrap_or(t)
}

/// Every visible label/value field inside `scope`, in document order. Ghost copies of a label
/// (`aria-hidden="true"`) are skipped, so each field appears once.
pub fn fields(s: &Snapshot, scope: NodeId) -> Vec<Field> {
    let mut out = Vec::new();
    for label_node in s.by_automation_id_in(scope, LABEL_IDS) {
        if s.is_hidden(label_node) {
            continue;
        }
        let label = clean_label(&s.text(label_node));
        if label.is_empty() {
            continue;
        }
        let value_node = value_for_label(s, label_node);
        out.push(Field {
            label,
            label_node,
            value_node,
        });
    }
    out
}

/// Drops the trailing colon and required-field asterisk a label may carry.
pub fn clean_label(text: &str) -> String {
    fold_whitespace(text)
        .trim_end_matches(['*', ':', ' '])
        .trim_start_matches(['*', ' '])
        .to_string()
}

/// The value element of a label: the `for` target when the page names one, else the nearest
/// value container that follows the label inside the smallest ancestor that has one.
fn value_for_label(s: &Snapshot, label: NodeId) -> Option<NodeId> {
    if let Some(target) = s.attr(label, "for").filter(|t| !t.is_empty()) {
        if let Some(n) = s.ids().find(|&n| s.attr(n, "id") == Some(target)) {
            return Some(n);
        }
    }
    let label_end = s.subtree_end(label);
    for ancestor in s.ancestors(label).take(6) {
        let found = s.descendants(ancestor).filter(|&n| n >= label_end).find(|&n| {
            s.automation_id(n)
                .is_some_and(|a| VALUE_CONTAINER_IDS.contains(&a) || VALUE_WIDGET_IDS.contains(&a))
                && !s.is_hidden(n)
        });
        if let Some(n) = found {
            // Stop at the next label: a value after another field's label is not ours.
            let next_label = s
                .descendants(ancestor)
                .filter(|&m| m >= label_end && m < n)
                .any(|m| s.automation_id(m).is_some_and(|a| LABEL_IDS.contains(&a)) && !s.is_hidden(m));
            if !next_label {
                return Some(n);
            }
            return None;
        }
    }
    None
}

/// The values shown in a value element: one per prompt option or selected item, else the
/// element's text. `promptOption` values come from `data-automation-label` or `title`, which hold
/// the clean text without decoration.
pub fn values(s: &Snapshot, value_node: NodeId) -> Vec<String> {
    let options: Vec<String> = std::iter::once(value_node)
        .chain(s.descendants(value_node))
        .filter(|&n| s.automation_id(n) == Some("promptOption") && !s.is_hidden(n))
        .map(|n| {
            s.attr(n, "data-automation-label")
                .or_else(|| s.attr(n, "title"))
                .map(fold_whitespace)
                .unwrap_or_else(|| s.text(n))
        })
        .filter(|t| !t.is_empty())
        .collect();
    if !options.is_empty() {
        return options;
    }
    let items: Vec<String> = s
        .by_automation_id_prefix(value_node, "selectedItem_")
        .filter(|&n| !s.is_hidden(n))
        .map(|n| s.text(n))
        .filter(|t| !t.is_empty())
        .collect();
    if !items.is_empty() {
        return items;
    }
    if s.tag(value_node) == Some("input") {
        return s.attr(value_node, "value").map(|v| vec![v.to_string()]).unwrap_or_default();
    }
    let text = s.text(value_node);
    if text.is_empty() {
        // An input inside the container (forms) or a link's href-less text.
        s.descendants(value_node)
            .filter(|&n| s.tag(n) == Some("input") && s.attr(n, "type") != Some("checkbox"))
            .filter_map(|n| s.attr(n, "value").map(str::to_string))
            .filter(|v| !v.is_empty())
            .collect()
    } else {
        vec![text]
    }
}

/// The state of a check box inside a value element, when there is one.
pub fn checkbox(s: &Snapshot, value_node: NodeId) -> Option<bool> {
    std::iter::once(value_node)
        .chain(s.descendants(value_node))
        .find(|&n| {
            (s.tag(n) == Some("input") && s.attr(n, "type") == Some("checkbox"))
                || s.attr(n, "role") == Some("checkbox")
                || s.attr(n, "aria-checked").is_some()
        })
        .map(|n| {
            s.attr(n, "aria-checked")
                .map(|v| v == "true")
                .unwrap_or_else(|| s.attr(n, "checked").is_some())
        })
}

/// A table as Workday renders it: header texts and rows of cells.
#[derive(Debug, Clone)]
pub struct Table {
    pub node: NodeId,
    pub caption: Option<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<NodeId>>,
}

impl Table {
    /// Index of the first column whose header matches one of `names` (case-insensitive).
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
    }
}

/// Every table in `scope`: `table[data-automation-id=table]`, `role=grid`/`table`, or a plain
/// `<table>`, outermost first. Nested tables are reported on their own.
pub fn tables(s: &Snapshot, scope: NodeId) -> Vec<Table> {
    let candidates: Vec<NodeId> = std::iter::once(scope)
        .chain(s.descendants(scope))
        .filter(|&n| {
            s.automation_id(n) == Some("table")
                || matches!(s.attr(n, "role"), Some("grid" | "table" | "treegrid"))
                || (s.tag(n) == Some("table") && s.automation_id(n).is_none())
        })
        .collect();
    // A role=grid wrapper around a data-automation-id=table is the same table: drop the
    // wrapper, keep the inner one. A table nested inside a row of another stays separate.
    let wraps = |outer: NodeId, inner: NodeId| {
        s.ancestors(inner).any(|a| a == outer)
            && !s.ancestors(inner).take_while(|&a| a != outer).any(|a| is_row(s, a))
    };
    let candidates: Vec<NodeId> = candidates
        .iter()
        .copied()
        .filter(|&n| !candidates.iter().any(|&m| m != n && wraps(n, m)))
        .collect();
    candidates.into_iter().map(|n| read_table(s, n)).collect()
}

fn is_row(s: &Snapshot, n: NodeId) -> bool {
    s.automation_id(n) == Some("row") || s.attr(n, "role") == Some("row") || s.tag(n) == Some("tr")
}

fn is_header_cell(s: &Snapshot, n: NodeId) -> bool {
    s.attr(n, "role") == Some("columnheader")
        || s.automation_id(n).is_some_and(|a| a.starts_with("columnHeader"))
        || (s.tag(n) == Some("th") && s.attr(n, "role").is_none() && s.automation_id(n).is_none()
            && s.ancestors(n).any(|a| s.tag(a) == Some("thead")))
}

fn is_cell(s: &Snapshot, n: NodeId) -> bool {
    s.automation_id(n) == Some("cell")
        || matches!(s.attr(n, "role"), Some("gridcell" | "cell" | "rowheader"))
        || (matches!(s.tag(n), Some("td" | "th")) && s.attr(n, "role").is_none() && s.automation_id(n).is_none())
}

fn read_table(s: &Snapshot, table: NodeId) -> Table {
    let headers: Vec<String> = s
        .descendants(table)
        .filter(|&n| is_header_cell(s, n))
        .map(|n| {
            let t = s.text(n);
            if t.is_empty() {
                s.attr(n, "title").map(fold_whitespace).unwrap_or_default()
            } else {
                t
            }
        })
        .collect();
    let mut rows = Vec::new();
    let mut n = table + 1;
    let end = s.subtree_end(table);
    while n < end {
        if is_row(s, n) && !s.descendants(n).any(|d| is_header_cell(s, d)) {
            let cells: Vec<NodeId> = s
                .descendants(n)
                .filter(|&c| is_cell(s, c))
                .filter(|&c| !s.ancestors(c).take_while(|&a| a != n).any(|a| is_cell(s, a)))
                .collect();
            if !cells.is_empty() {
                rows.push(cells);
            }
            n = s.subtree_end(n);
            continue;
        }
        n += 1;
    }
    let caption = caption_for(s, table);
    Table {
        node: table,
        caption,
        headers,
        rows,
    }
}

/// The grid title shown above a table: a `gridTitleLabel` in the table's surroundings.
fn caption_for(s: &Snapshot, table: NodeId) -> Option<String> {
    for ancestor in s.ancestors(table).take(5) {
        let label = s
            .by_automation_id_in(ancestor, &["gridTitleLabel"])
            .find(|&l| l < table || s.ancestors(l).any(|a| a == table));
        if let Some(l) = label {
            let t = s.attr(l, "title").map(fold_whitespace).unwrap_or_else(|| s.text(l));
            if !t.is_empty() {
                return Some(t);
            }
        }
    }
    None
}

/// Text of a table cell, preferring a prompt option's clean label.
pub fn cell_text(s: &Snapshot, cell: NodeId) -> String {
    values(s, cell).join(", ")
}

/// Tab labels and which one is selected.
pub fn tabs(s: &Snapshot) -> Vec<(String, bool)> {
    s.by_automation_id(&["tabLabel"])
        .filter(|&n| !s.is_hidden(n))
        .map(|n| {
            let selected = std::iter::once(n)
                .chain(s.ancestors(n).take(3))
                .any(|a| s.attr(a, "aria-selected") == Some("true"));
            (s.text(n), selected)
        })
        .collect()
}
