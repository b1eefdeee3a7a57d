//! The general shapes of Workday's UI, read from a [`Snapshot`]: page and popup titles,
//! label/value fields, field-set sections, links, tables, tabs. Every recogniser goes through
//! these, so a change in how Workday marks a shape is fixed in one place. Source for each hook:
//! `workday-notes.md` §1. Class names are never used; `data-automation-id` first (with
//! `data-testid` as the alternative newer builds carry), ARIA roles and plain HTML second.
//!
//! Everything here is linear in the size of the region it reads (a Headcount Report of 10 000
//! rows is one pass): scans walk the pre-order node range once and jump over hidden subtrees
//! instead of asking each node for its ancestors.

use crate::snapshot::{fold_whitespace, NodeId, Snapshot};
use std::collections::{HashMap, HashSet};

/// Hooks that mark a field's label.
const LABEL_IDS: &[&str] = &["formLabel", "fieldLabel"];
/// Hooks that hold a field's value.
const VALUE_CONTAINER_IDS: &[&str] = &["decorationWrapper", "fieldSetContent"];
/// Value widgets, most specific first.
const VALUE_WIDGET_IDS: &[&str] = &[
    "promptOption",
    "textView",
    "numericText",
    "singleLineLink",
    "richTextContent",
    "selectedItemList",
    "textInput",
    "textInputBox",
    "textAreaField",
    "numericInput",
    "dateWidgetInput",
    "checkboxPanel",
    "radioGroup",
];
/// ARIA roles of value widgets (markup without automation ids).
const VALUE_ROLES: &[&str] = &["checkbox", "radiogroup", "textbox", "combobox", "listbox"];
const TITLE_IDS: &[&str] = &["pageHeaderTitleText", "editPopupTitle", "popupTitle"];
const POPUP_IDS: &[&str] = &["editPopup", "popUpDialog"];
const LEGEND_IDS: &[&str] = &["fieldSetLegendLabel", "fieldSetLegendHeading"];
const FIELD_SET_IDS: &[&str] = &["fieldSetBody", "fieldSet"];

/// The hook of an element: its `data-automation-id`, else its `data-testid`.
pub fn hook(s: &Snapshot, n: NodeId) -> Option<&str> {
    s.automation_id(n).or_else(|| s.attr(n, "data-testid"))
}

fn has_hook(s: &Snapshot, n: NodeId, ids: &[&str]) -> bool {
    hook(s, n).is_some_and(|h| ids.contains(&h))
}

/// `root` and its descendants in document order, skipping `aria-hidden="true"` subtrees. One
/// pass: a hidden node's whole subtree is jumped over.
pub fn visible_nodes(s: &Snapshot, root: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    let end = s.subtree_end(root).min(s.len());
    let mut n = root;
    std::iter::from_fn(move || {
        while n < end {
            let here = n;
            if s.attr(here, "aria-hidden") == Some("true") {
                n = s.subtree_end(here);
                continue;
            }
            n += 1;
            return Some(here);
        }
        None
    })
}

/// A label and the element holding its value.
#[derive(Debug, Clone)]
pub struct Field {
    pub label: String,
    pub label_node: NodeId,
    pub value_node: Option<NodeId>,
    /// The legend of the field set the field is in, when it has one.
    pub section: Option<String>,
}

/// A page region with its own title: the page itself, or a popup over it.
#[derive(Debug, Clone)]
pub struct Scope {
    pub node: NodeId,
    pub title: String,
    pub is_popup: bool,
}

/// Scopes on the page: popups first, in document order (the last one is the topmost), then the
/// page itself.
pub fn scopes(s: &Snapshot) -> Vec<Scope> {
    let Some(root) = s.root() else {
        return Vec::new();
    };
    let mut popups: Vec<NodeId> = s.ids().filter(|&n| has_hook(s, n, POPUP_IDS)).collect();
    // A dialog without the hook counts when it carries a title of its own and is not the
    // wrapper (or the content) of a hooked popup.
    let dialogs: Vec<NodeId> = s
        .ids()
        .filter(|&n| matches!(s.attr(n, "role"), Some("dialog" | "alertdialog")))
        .filter(|&d| {
            !popups.iter().any(|&p| {
                p == d || s.ancestors(p).any(|a| a == d) || s.ancestors(d).any(|a| a == p)
            })
        })
        .collect();
    for d in dialogs {
        if visible_nodes(s, d).any(|t| has_hook(s, t, TITLE_IDS)) {
            popups.push(d);
        }
    }
    popups.sort_unstable();
    let popup_set: HashSet<NodeId> = popups.iter().copied().collect();
    let in_popup = |n: NodeId| {
        std::iter::once(n)
            .chain(s.ancestors(n))
            .any(|a| popup_set.contains(&a))
    };
    let mut out: Vec<Scope> = popups
        .iter()
        .map(|&node| Scope {
            node,
            title: visible_nodes(s, node)
                .filter(|&t| has_hook(s, t, TITLE_IDS))
                .map(|t| title_text(s, t))
                .find(|t| !t.is_empty())
                .unwrap_or_default(),
            is_popup: true,
        })
        .collect();
    let page_title = visible_nodes(s, root)
        .filter(|&t| hook(s, t) == Some("pageHeaderTitleText") && !in_popup(t))
        .map(|t| title_text(s, t))
        .find(|t| !t.is_empty())
        .or_else(|| {
            visible_nodes(s, root)
                .filter(|&h| s.tag(h) == Some("h1") && !in_popup(h))
                .map(|h| s.text(h))
                .find(|t| !t.is_empty())
        })
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
        s.attr(node, "title")
            .map(fold_whitespace)
            .unwrap_or_default()
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

/// Field-set legends in a region, so that any node can be told which section it is in.
pub struct Sections {
    legends: HashMap<NodeId, String>,
}

/// Reads the legends of every field set in `scope` (`fieldSetBody` with a
/// `fieldSetLegendLabel`, a plain `<fieldset>` with its `<legend>`, or an ARIA `role=group`
/// named by its `aria-label`).
pub fn sections(s: &Snapshot, scope: NodeId) -> Sections {
    let mut legends = HashMap::new();
    for n in visible_nodes(s, scope) {
        if s.attr(n, "role") == Some("group") {
            if let Some(name) = s
                .attr(n, "aria-label")
                .map(fold_whitespace)
                .filter(|t| !t.is_empty())
            {
                legends.entry(n).or_insert(name);
            }
            continue;
        }
        if !(has_hook(s, n, LEGEND_IDS) || s.tag(n) == Some("legend")) {
            continue;
        }
        let text = title_text(s, n);
        if text.is_empty() {
            continue;
        }
        if let Some(set) = s.ancestors(n).find(|&a| is_field_set(s, a)) {
            legends.entry(set).or_insert(text);
        }
    }
    Sections { legends }
}

fn is_field_set(s: &Snapshot, n: NodeId) -> bool {
    has_hook(s, n, FIELD_SET_IDS) || s.tag(n) == Some("fieldset")
}

impl Sections {
    /// The legend of the innermost titled field set around `node`.
    pub fn of(&self, s: &Snapshot, node: NodeId) -> Option<&str> {
        if self.legends.is_empty() {
            return None;
        }
        std::iter::once(node)
            .chain(s.ancestors(node))
            .find_map(|a| self.legends.get(&a))
            .map(String::as_str)
    }
}

/// Every visible label/value field inside `scope`, in document order. Ghost copies of a label
/// (`aria-hidden="true"`) are skipped, so each field appears once.
pub fn fields(s: &Snapshot, scope: NodeId) -> Vec<Field> {
    let sections = sections(s, scope);
    let scope_end = s.subtree_end(scope);
    let mut by_id: Option<HashMap<&str, NodeId>> = None;
    let mut out = Vec::new();
    for label_node in visible_nodes(s, scope) {
        if !has_hook(s, label_node, LABEL_IDS) {
            continue;
        }
        let label = clean_label(&s.text(label_node));
        if label.is_empty() {
            continue;
        }
        let value_node = value_for_label(s, label_node, scope_end, &mut by_id);
        out.push(Field {
            label,
            label_node,
            value_node,
            section: sections.of(s, label_node).map(str::to_string),
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

fn is_value_node(s: &Snapshot, n: NodeId) -> bool {
    has_hook(s, n, VALUE_CONTAINER_IDS)
        || has_hook(s, n, VALUE_WIDGET_IDS)
        || s.attr(n, "role").is_some_and(|r| VALUE_ROLES.contains(&r))
        || (matches!(s.tag(n), Some("input" | "textarea" | "select"))
            && s.attr(n, "type") != Some("hidden"))
}

/// The value element of a label: the `for` target when the page names one, else the first
/// value element after the label inside its nearest ancestors (up to six levels, never past
/// the next visible label or the end of the scope). One forward scan per label, which stops at
/// the next label, so reading every field of a region is linear.
fn value_for_label<'s>(
    s: &'s Snapshot,
    label: NodeId,
    scope_end: NodeId,
    by_id: &mut Option<HashMap<&'s str, NodeId>>,
) -> Option<NodeId> {
    if let Some(target) = s.attr(label, "for").filter(|t| !t.is_empty()) {
        let index = by_id.get_or_insert_with(|| {
            let mut m = HashMap::new();
            for n in s.ids() {
                if let Some(id) = s.attr(n, "id") {
                    m.entry(id).or_insert(n);
                }
            }
            m
        });
        if let Some(&n) = index.get(target) {
            if n != label && !s.is_hidden(n) {
                return Some(n);
            }
        }
    }
    let limit = s
        .ancestors(label)
        .take(6)
        .last()
        .map(|a| s.subtree_end(a))
        .unwrap_or(label + 1)
        .min(scope_end);
    let mut n = s.subtree_end(label);
    while n < limit {
        if s.attr(n, "aria-hidden") == Some("true") {
            n = s.subtree_end(n);
            continue;
        }
        if has_hook(s, n, LABEL_IDS) {
            return None;
        }
        if is_value_node(s, n) {
            return Some(n);
        }
        n += 1;
    }
    None
}

/// Whether `node` is, or holds, a password input. Recognisers never read such a field (the
/// snapshotter already drops the value; this is the second lock).
pub fn is_password(s: &Snapshot, node: NodeId) -> bool {
    std::iter::once(node).chain(s.descendants(node)).any(|n| {
        s.tag(n) == Some("input")
            && s.attr(n, "type")
                .is_some_and(|t| t.eq_ignore_ascii_case("password"))
    })
}

fn input_type(s: &Snapshot, n: NodeId) -> Option<String> {
    (s.tag(n) == Some("input")).then(|| s.attr(n, "type").unwrap_or("text").to_ascii_lowercase())
}

/// A radio button: `input type=radio` or `role=radio`.
fn is_radio(s: &Snapshot, n: NodeId) -> bool {
    input_type(s, n).as_deref() == Some("radio") || s.attr(n, "role") == Some("radio")
}

fn is_checked(s: &Snapshot, n: NodeId) -> bool {
    s.attr(n, "aria-checked")
        .map(|v| v == "true")
        .unwrap_or_else(|| s.attr(n, "checked").is_some())
}

/// The text that names a radio button: its `aria-label`, a `<label for>` pointing at it within
/// `within`, else its parent's text.
fn radio_label(s: &Snapshot, radio: NodeId, within: NodeId) -> String {
    if let Some(l) = s
        .attr(radio, "aria-label")
        .map(fold_whitespace)
        .filter(|l| !l.is_empty())
    {
        return l;
    }
    if let Some(id) = s.attr(radio, "id") {
        if let Some(l) = s
            .descendants(within)
            .find(|&n| s.tag(n) == Some("label") && s.attr(n, "for") == Some(id))
        {
            return s.text(l);
        }
    }
    let own = s.text(radio);
    if !own.is_empty() {
        return own;
    }
    s.parent(radio).map(|p| s.text(p)).unwrap_or_default()
}

/// The values shown in a value element: the checked radio button's label; else one per prompt
/// option or selected item; else an input's value; else the element's text. `promptOption`
/// values come from `data-automation-label` or `title`, which hold the clean text without
/// decoration. A password field has no value here, whatever the markup says.
pub fn values(s: &Snapshot, value_node: NodeId) -> Vec<String> {
    if is_password(s, value_node) {
        return Vec::new();
    }
    let radios: Vec<NodeId> = visible_nodes(s, value_node)
        .filter(|&n| is_radio(s, n))
        .collect();
    if !radios.is_empty() {
        return radios
            .into_iter()
            .filter(|&r| is_checked(s, r))
            .map(|r| radio_label(s, r, value_node))
            .filter(|t| !t.is_empty())
            .collect();
    }
    let options: Vec<String> = visible_nodes(s, value_node)
        .filter(|&n| hook(s, n) == Some("promptOption"))
        .map(|n| {
            s.attr(n, "data-automation-label")
                .or_else(|| s.attr(n, "title"))
                .map(fold_whitespace)
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| s.text(n))
        })
        .filter(|t| !t.is_empty())
        .collect();
    if !options.is_empty() {
        return options;
    }
    let items: Vec<String> = visible_nodes(s, value_node)
        .filter(|&n| {
            hook(s, n).is_some_and(|h| h == "selectedItem" || h.starts_with("selectedItem_"))
        })
        .map(|n| s.text(n))
        .filter(|t| !t.is_empty())
        .collect();
    if !items.is_empty() {
        return items;
    }
    if let Some(ty) = input_type(s, value_node) {
        if matches!(ty.as_str(), "checkbox" | "radio" | "hidden") {
            return Vec::new();
        }
        return s
            .attr(value_node, "value")
            .map(fold_whitespace)
            .filter(|v| !v.is_empty())
            .map(|v| vec![v])
            .unwrap_or_default();
    }
    let text = s.text(value_node);
    if text.is_empty() {
        // An input inside the container (forms).
        visible_nodes(s, value_node)
            .filter(|&n| {
                input_type(s, n)
                    .is_some_and(|t| !matches!(t.as_str(), "checkbox" | "radio" | "hidden"))
            })
            .filter_map(|n| s.attr(n, "value").map(fold_whitespace))
            .filter(|v| !v.is_empty())
            .collect()
    } else {
        vec![text]
    }
}

/// The state of a check box inside a value element, when there is one: an
/// `input type=checkbox` (state in `checked`) or an element with `role=checkbox` /
/// `aria-checked`.
pub fn checkbox(s: &Snapshot, value_node: NodeId) -> Option<bool> {
    visible_nodes(s, value_node)
        .find(|&n| {
            input_type(s, n).as_deref() == Some("checkbox")
                || s.attr(n, "role") == Some("checkbox")
                || (s.attr(n, "aria-checked").is_some() && !is_radio(s, n))
        })
        .map(|n| is_checked(s, n))
}

/// A link or a copy action: the text shown and the address behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub node: NodeId,
    pub text: String,
    pub url: String,
}

/// Every visible link in `root`: elements with an `href`, and copy actions carrying
/// `data-clipboard-text` (`copyUrl` / `copyText`), in document order.
pub fn links(s: &Snapshot, root: NodeId) -> Vec<Link> {
    visible_nodes(s, root)
        .filter_map(|n| {
            let url = s
                .attr(n, "href")
                .or_else(|| s.attr(n, "data-clipboard-text"))
                .map(str::trim)
                .filter(|u| {
                    !u.is_empty() && !u.starts_with('#') && !u.starts_with("javascript:")
                })?;
            Some(Link {
                node: n,
                text: title_text(s, n),
                url: url.to_string(),
            })
        })
        .collect()
}

/// The first visible text node in `root` whose folded text satisfies `pred`.
pub fn find_text(s: &Snapshot, root: NodeId, pred: impl Fn(&str) -> bool) -> Option<NodeId> {
    visible_nodes(s, root).find(|&n| {
        !s.is_element(n) && {
            let t = s.text(n);
            !t.is_empty() && pred(&t)
        }
    })
}

/// A table as Workday renders it: header texts and rows of cells.
#[derive(Debug, Clone)]
pub struct Table {
    pub node: NodeId,
    pub caption: Option<String>,
    pub headers: Vec<String>,
    /// Cells of each body row, in order.
    pub rows: Vec<Vec<NodeId>>,
    /// The element of each body row (same order as `rows`), for row attributes such as
    /// `aria-level` in a tree grid.
    pub row_nodes: Vec<NodeId>,
}

impl Table {
    /// Index of the first column whose header matches one of `names` (case-insensitive).
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
    }

    /// Index of the first column whose header satisfies `pred`.
    pub fn column_where(&self, pred: impl Fn(&str) -> bool) -> Option<usize> {
        self.headers.iter().position(|h| pred(h))
    }
}

/// Every table in `scope`: `table[data-automation-id=table]` (or `data-testid=table`),
/// `role=grid`/`table`/`treegrid`, or a plain `<table>`, outermost first. Nested tables are
/// reported on their own.
pub fn tables(s: &Snapshot, scope: NodeId) -> Vec<Table> {
    let candidates: Vec<NodeId> = visible_nodes(s, scope)
        .filter(|&n| {
            hook(s, n) == Some("table")
                || matches!(s.attr(n, "role"), Some("grid" | "table" | "treegrid"))
                || (s.tag(n) == Some("table") && hook(s, n).is_none())
        })
        .collect();
    // A role=grid wrapper around a data-automation-id=table is the same table: drop the
    // wrapper, keep the inner one. A table nested inside a row of another stays separate.
    // Each candidate walks up to its nearest candidate ancestor once: linear in the number of
    // candidates times the depth.
    let set: HashSet<NodeId> = candidates.iter().copied().collect();
    let mut wrappers: HashSet<NodeId> = HashSet::new();
    for &inner in &candidates {
        for a in s.ancestors(inner) {
            if is_row(s, a) {
                break;
            }
            if set.contains(&a) {
                wrappers.insert(a);
                break;
            }
        }
    }
    candidates
        .into_iter()
        .filter(|n| !wrappers.contains(n))
        .map(|n| read_table(s, n))
        .collect()
}

fn is_row(s: &Snapshot, n: NodeId) -> bool {
    hook(s, n) == Some("row") || s.attr(n, "role") == Some("row") || s.tag(n) == Some("tr")
}

fn is_header_cell(s: &Snapshot, n: NodeId) -> bool {
    s.attr(n, "role") == Some("columnheader")
        || hook(s, n).is_some_and(|a| a.starts_with("columnHeader"))
        || (s.tag(n) == Some("th")
            && s.attr(n, "role").is_none()
            && hook(s, n).is_none()
            && s.ancestors(n).any(|a| s.tag(a) == Some("thead")))
}

fn is_cell(s: &Snapshot, n: NodeId) -> bool {
    hook(s, n) == Some("cell")
        || matches!(s.attr(n, "role"), Some("gridcell" | "cell" | "rowheader"))
        || (matches!(s.tag(n), Some("td" | "th"))
            && s.attr(n, "role").is_none()
            && hook(s, n).is_none())
}

fn read_table(s: &Snapshot, table: NodeId) -> Table {
    let end = s.subtree_end(table);
    let mut headers = Vec::new();
    let mut rows = Vec::new();
    let mut row_nodes = Vec::new();
    let mut n = table + 1;
    while n < end {
        if s.attr(n, "aria-hidden") == Some("true") {
            n = s.subtree_end(n);
            continue;
        }
        if is_header_cell(s, n) {
            let t = s.text(n);
            headers.push(if t.is_empty() {
                s.attr(n, "title").map(fold_whitespace).unwrap_or_default()
            } else {
                t
            });
            n = s.subtree_end(n);
            continue;
        }
        if is_row(s, n) {
            let row_end = s.subtree_end(n);
            if (n + 1..row_end).any(|d| is_header_cell(s, d)) {
                // A header row: read its header cells on the way down.
                n += 1;
                continue;
            }
            let cells = row_cells(s, n);
            if !cells.is_empty() {
                rows.push(cells);
                row_nodes.push(n);
            }
            n = row_end;
            continue;
        }
        n += 1;
    }
    Table {
        node: table,
        caption: caption_for(s, table),
        headers,
        rows,
        row_nodes,
    }
}

/// The outermost cells of a row (a cell's nested cells are its content, not more columns).
fn row_cells(s: &Snapshot, row: NodeId) -> Vec<NodeId> {
    let end = s.subtree_end(row);
    let mut cells = Vec::new();
    let mut n = row + 1;
    while n < end {
        if s.attr(n, "aria-hidden") == Some("true") {
            n = s.subtree_end(n);
            continue;
        }
        if is_cell(s, n) {
            cells.push(n);
            n = s.subtree_end(n);
            continue;
        }
        n += 1;
    }
    cells
}

/// The grid title shown above a table: a `gridTitleLabel` in the table's surroundings.
fn caption_for(s: &Snapshot, table: NodeId) -> Option<String> {
    // The nearest one: the last title before the table's end within a close ancestor.
    let table_end = s.subtree_end(table);
    for ancestor in s.ancestors(table).take(3) {
        let label = visible_nodes(s, ancestor)
            .take_while(|&l| l < table_end)
            .filter(|&l| hook(s, l) == Some("gridTitleLabel"))
            .last();
        if let Some(l) = label {
            let t = s
                .attr(l, "title")
                .map(fold_whitespace)
                .unwrap_or_else(|| s.text(l));
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
    let Some(root) = s.root() else {
        return Vec::new();
    };
    visible_nodes(s, root)
        .filter(|&n| hook(s, n) == Some("tabLabel"))
        .map(|n| {
            let selected = std::iter::once(n)
                .chain(s.ancestors(n).take(3))
                .any(|a| s.attr(a, "aria-selected") == Some("true"));
            (s.text(n), selected)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{WireNode, WireSnapshot};
    use std::collections::BTreeMap;

    /// One node: (parent, tag or `#text`, attributes).
    type Spec<'a> = (Option<usize>, &'a str, &'a [(&'a str, &'a str)]);

    /// Builds a snapshot from node specs in pre-order.
    fn snap(nodes: &[Spec]) -> Snapshot {
        let nodes = nodes
            .iter()
            .map(|(p, t, a)| {
                let is_text = t.starts_with('#');
                WireNode {
                    parent: *p,
                    tag: (!is_text).then(|| t.to_string()),
                    attrs: a
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect::<BTreeMap<_, _>>(),
                    text: is_text.then(|| t[1..].to_string()),
                }
            })
            .collect();
        Snapshot::from_wire(WireSnapshot {
            v: 1,
            nodes,
            ..Default::default()
        })
        .unwrap()
    }

    #[test]
    fn a_field_never_takes_the_next_fields_value() {
        let s = snap(&[
            (None, "body", &[]),
            (Some(0), "label", &[("data-automation-id", "formLabel")]),
            (Some(1), "#Empty", &[]),
            (Some(0), "label", &[("data-automation-id", "formLabel")]),
            (Some(3), "#Filled", &[]),
            (Some(0), "div", &[("data-automation-id", "textView")]),
            (Some(5), "#value", &[]),
        ]);
        let f = fields(&s, 0);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].value_node, None);
        assert_eq!(f[1].value_node, Some(5));
    }

    #[test]
    fn ghost_labels_and_hidden_values_are_skipped() {
        let s = snap(&[
            (None, "body", &[]),
            (Some(0), "label", &[("data-automation-id", "formLabel")]),
            (Some(1), "#Name", &[]),
            (Some(0), "div", &[("aria-hidden", "true")]),
            (Some(3), "label", &[("data-automation-id", "formLabel")]),
            (Some(4), "#Name", &[]),
            (Some(3), "div", &[("data-automation-id", "textView")]),
            (Some(6), "#ghost value", &[]),
            (Some(0), "div", &[("data-testid", "textView")]),
            (Some(8), "#real value", &[]),
        ]);
        let f = fields(&s, 0);
        assert_eq!(f.len(), 1);
        assert_eq!(values(&s, f[0].value_node.unwrap()), vec!["real value"]);
    }

    #[test]
    fn checked_radio_gives_its_label_and_passwords_give_nothing() {
        let s = snap(&[
            (None, "div", &[("role", "radiogroup")]),
            (Some(0), "input", &[("type", "radio"), ("id", "a")]),
            (Some(0), "label", &[("for", "a")]),
            (Some(2), "#Implicit Grant", &[]),
            (
                Some(0),
                "input",
                &[("type", "radio"), ("id", "b"), ("checked", "")],
            ),
            (Some(0), "label", &[("for", "b")]),
            (Some(5), "#Authorization Code Grant", &[]),
            (None, "input", &[("type", "password"), ("value", "leaked")]),
        ]);
        assert_eq!(values(&s, 0), vec!["Authorization Code Grant"]);
        let s2 = snap(&[(None, "input", &[("type", "password"), ("value", "leaked")])]);
        assert!(values(&s2, 0).is_empty());
    }

    #[test]
    fn wrapper_grid_is_one_table_and_rows_keep_their_elements() {
        let s = snap(&[
            (None, "div", &[("role", "grid")]),
            (Some(0), "table", &[("data-automation-id", "table")]),
            (Some(1), "tr", &[]),
            (Some(2), "th", &[("role", "columnheader")]),
            (Some(3), "#Organization", &[]),
            (Some(1), "tr", &[("aria-level", "2")]),
            (Some(5), "td", &[]),
            (Some(6), "#Finance", &[]),
        ]);
        let t = tables(&s, 0);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].node, 1);
        assert_eq!(t[0].headers, vec!["Organization"]);
        assert_eq!(t[0].row_nodes, vec![5]);
        assert_eq!(cell_text(&s, t[0].rows[0][0]), "Finance");
    }

    #[test]
    fn sections_name_the_field_set_of_a_field() {
        let s = snap(&[
            (None, "div", &[("data-automation-id", "fieldSetBody")]),
            (
                Some(0),
                "div",
                &[("data-automation-id", "fieldSetLegendLabel")],
            ),
            (Some(1), "#OAuth 2.0 Settings", &[]),
            (Some(0), "label", &[("data-automation-id", "formLabel")]),
            (Some(3), "#OAuth 2.0 Clients Enabled", &[]),
            (Some(0), "input", &[("type", "checkbox"), ("checked", "")]),
        ]);
        let f = fields(&s, 0);
        assert_eq!(f[0].section.as_deref(), Some("OAuth 2.0 Settings"));
        assert_eq!(checkbox(&s, f[0].value_node.unwrap()), Some(true));
    }
}
