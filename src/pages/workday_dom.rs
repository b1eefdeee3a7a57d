//! The general shapes of Workday's UI, read from a [`Snapshot`]: page and popup titles,
//! label/value fields, field-set sections, links, tables, tabs. Every recogniser goes through
//! these, so a change in how Workday marks a shape is fixed in one place. Source for each hook:
//! `workday-notes.md`, "The admin UI's DOM". Class names are never used; `data-automation-id` first (with
//! `data-testid` as the alternative newer builds carry), ARIA roles and plain HTML second.
//!
//! Everything here is linear in the size of the region it reads (a Headcount Report of 10 000
//! rows is one pass): scans walk the pre-order node range once and jump over hidden subtrees
//! instead of asking each node for its ancestors.

use crate::snapshot::{fold_whitespace, NodeId, Snapshot};
use std::collections::{HashMap, HashSet};

/// Hooks that mark a field's label.
const LABEL_IDS: &[&str] = &["formLabel", "fieldLabel"];
/// Most nodes (itself included) an element may hold and still be read as a field's label.
const MAX_LABEL_NODES: usize = 64;
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
            if s.is_aria_hidden(here) {
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
    // One pass over the visible page collects popups, dialogs, titles and headings.
    let mut popups: Vec<NodeId> = Vec::new();
    let mut dialogs: Vec<NodeId> = Vec::new();
    let mut titles: Vec<NodeId> = Vec::new();
    let mut headings: Vec<NodeId> = Vec::new();
    for n in visible_nodes(s, root) {
        if !s.is_element(n) {
            continue;
        }
        let h = hook(s, n);
        if h.is_some_and(|h| POPUP_IDS.contains(&h)) {
            popups.push(n);
        } else if matches!(s.attr(n, "role"), Some("dialog" | "alertdialog")) {
            dialogs.push(n);
        }
        if h.is_some_and(|h| TITLE_IDS.contains(&h)) {
            titles.push(n);
        } else if s.tag(n) == Some("h1") {
            headings.push(n);
        }
    }
    // The title elements within `node`'s subtree (`titles` is in document order).
    let titles_in = |node: NodeId| {
        let end = s.subtree_end(node);
        let from = titles.partition_point(|&t| t < node);
        let to = titles.partition_point(|&t| t < end);
        &titles[from..to]
    };
    // A dialog without the hook counts when it carries a title of its own and is not the
    // wrapper (or the content) of a hooked popup.
    let hooked = popups.clone();
    for d in dialogs {
        let related = hooked.iter().any(|&p| {
            let (outer, inner) = if p < d { (p, d) } else { (d, p) };
            inner < s.subtree_end(outer)
        });
        if !related && !titles_in(d).is_empty() {
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
            title: titles_in(node)
                .iter()
                .map(|&t| title_text(s, t))
                .find(|t| !t.is_empty())
                .unwrap_or_default(),
            is_popup: true,
        })
        .collect();
    let page_title = titles
        .iter()
        .filter(|&&t| hook(s, t) == Some("pageHeaderTitleText") && !in_popup(t))
        .map(|&t| title_text(s, t))
        .find(|t| !t.is_empty())
        .or_else(|| {
            headings
                .iter()
                .filter(|&&h| !in_popup(h))
                .map(|&h| s.text(h))
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
    scan_fields(s, scope).0
}

/// One pass over `scope`: the legends of its field sets, and its visible label elements.
fn scan_fields(s: &Snapshot, scope: NodeId) -> (Sections, Vec<NodeId>) {
    let mut legends = HashMap::new();
    let mut labels = Vec::new();
    for n in visible_nodes(s, scope) {
        if !s.is_element(n) {
            continue;
        }
        let h = hook(s, n);
        if h.is_some_and(|h| LABEL_IDS.contains(&h)) {
            labels.push(n);
        } else if h.is_some_and(|h| LEGEND_IDS.contains(&h)) || s.tag(n) == Some("legend") {
            let text = title_text(s, n);
            if text.is_empty() {
                continue;
            }
            if let Some(set) = s.ancestors(n).find(|&a| is_field_set(s, a)) {
                legends.entry(set).or_insert(text);
            }
        } else if s.attr(n, "role") == Some("group") {
            if let Some(name) = s
                .attr(n, "aria-label")
                .map(fold_whitespace)
                .filter(|t| !t.is_empty())
            {
                legends.entry(n).or_insert(name);
            }
        }
    }
    (Sections { legends }, labels)
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
    let (sections, labels) = scan_fields(s, scope);
    let scope_end = s.subtree_end(scope);
    let mut by_id: Option<HashMap<&str, NodeId>> = None;
    let mut out = Vec::new();
    for label_node in labels {
        // A label holds its text and perhaps a required-field marker; an element marked as a
        // label that wraps a whole region (labels nested in labels, on a page built that way)
        // is not read as one, which keeps reading a region's labels linear.
        if s.subtree_end(label_node) - label_node > MAX_LABEL_NODES {
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
        if s.is_aria_hidden(n) {
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
    // One pass sorts the widgets inside (cells of a 10 000-row report come through here).
    let mut radios = Vec::new();
    let mut options = Vec::new();
    let mut items = Vec::new();
    let mut inputs = Vec::new();
    for n in visible_nodes(s, value_node) {
        if !s.is_element(n) {
            continue;
        }
        if let Some(ty) = input_type(s, n) {
            match ty.as_str() {
                "password" => return Vec::new(),
                "radio" => radios.push(n),
                "checkbox" | "hidden" => {}
                _ => inputs.push(n),
            }
            continue;
        }
        match hook(s, n) {
            Some("promptOption") => options.push(n),
            Some(h) if h == "selectedItem" || h.starts_with("selectedItem_") => items.push(n),
            _ if s.attr(n, "role") == Some("radio") => radios.push(n),
            _ => {}
        }
    }
    if is_password(s, value_node) {
        return Vec::new();
    }
    if !radios.is_empty() {
        return radios
            .into_iter()
            .filter(|&r| is_checked(s, r))
            .map(|r| radio_label(s, r, value_node))
            .filter(|t| !t.is_empty())
            .collect();
    }
    let options: Vec<String> = options
        .into_iter()
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
    let items: Vec<String> = items
        .into_iter()
        .map(|n| s.text(n))
        .filter(|t| !t.is_empty())
        .collect();
    if !items.is_empty() {
        return items;
    }
    let input_values = |nodes: &[NodeId]| -> Vec<String> {
        nodes
            .iter()
            .filter_map(|&n| s.attr(n, "value").map(fold_whitespace))
            .filter(|v| !v.is_empty())
            .collect()
    };
    if s.tag(value_node) == Some("input") {
        return input_values(&inputs);
    }
    let text = s.text(value_node);
    if text.is_empty() {
        // An input inside the container (forms).
        input_values(&inputs)
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
    // One pass collects the table candidates and the grid titles (captions).
    let mut candidates: Vec<NodeId> = Vec::new();
    let mut captions: Vec<(NodeId, String)> = Vec::new();
    for n in visible_nodes(s, scope) {
        if hook(s, n) == Some("table")
            || matches!(s.attr(n, "role"), Some("grid" | "table" | "treegrid"))
            || (s.tag(n) == Some("table") && hook(s, n).is_none())
        {
            candidates.push(n);
        } else if hook(s, n) == Some("gridTitleLabel") {
            let t = s
                .attr(n, "title")
                .map(fold_whitespace)
                .unwrap_or_else(|| s.text(n));
            if !t.is_empty() {
                captions.push((n, t));
            }
        }
    }
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
        .map(|n| {
            let mut t = read_table(s, n);
            t.caption = caption_for(s, n, &captions);
            t
        })
        .collect()
}

fn is_row(s: &Snapshot, n: NodeId) -> bool {
    hook(s, n) == Some("row") || s.attr(n, "role") == Some("row") || s.tag(n) == Some("tr")
}

/// What an element is to a table, from one look at its hook, role and tag.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    HeaderCell,
    Row,
    Cell,
    Head,
    Other,
}

fn part(s: &Snapshot, n: NodeId, in_head: bool) -> Part {
    let tag = s.tag(n);
    let h = hook(s, n);
    let role = s.attr(n, "role");
    if role == Some("columnheader") || h.is_some_and(|a| a.starts_with("columnHeader")) {
        return Part::HeaderCell;
    }
    if h == Some("row") || role == Some("row") || tag == Some("tr") {
        return Part::Row;
    }
    if h == Some("cell") || matches!(role, Some("gridcell" | "cell" | "rowheader")) {
        return Part::Cell;
    }
    if role.is_none() && h.is_none() {
        match tag {
            Some("th") if in_head => return Part::HeaderCell,
            Some("td" | "th") => return Part::Cell,
            Some("thead") => return Part::Head,
            _ => {}
        }
    }
    Part::Other
}

/// Reads a table in one pass: header cells (wherever they are) give the headers, a row with a
/// header cell is a header row, the outermost cells of every other row are its cells (a cell's
/// content, nested tables included, is not looked into).
fn read_table(s: &Snapshot, table: NodeId) -> Table {
    struct OpenRow {
        node: NodeId,
        end: NodeId,
        cells: Vec<NodeId>,
        header: bool,
    }
    let end = s.subtree_end(table);
    let mut headers = Vec::new();
    let mut rows = Vec::new();
    let mut row_nodes = Vec::new();
    let mut head_end = 0;
    let mut open: Option<OpenRow> = None;
    fn close(row: OpenRow, rows: &mut Vec<Vec<NodeId>>, row_nodes: &mut Vec<NodeId>) {
        if !row.header && !row.cells.is_empty() {
            rows.push(row.cells);
            row_nodes.push(row.node);
        }
    }
    let mut n = table + 1;
    while n < end {
        if open.as_ref().is_some_and(|r| n >= r.end) {
            close(open.take().expect("checked"), &mut rows, &mut row_nodes);
        }
        if !s.is_element(n) {
            n += 1;
            continue;
        }
        if s.is_aria_hidden(n) {
            n = s.subtree_end(n);
            continue;
        }
        match part(s, n, n < head_end) {
            Part::HeaderCell => {
                let t = s.text(n);
                headers.push(if t.is_empty() {
                    s.attr(n, "title").map(fold_whitespace).unwrap_or_default()
                } else {
                    t
                });
                if let Some(r) = open.as_mut() {
                    r.header = true;
                }
                n = s.subtree_end(n);
                continue;
            }
            Part::Row if open.is_none() => {
                open = Some(OpenRow {
                    node: n,
                    end: s.subtree_end(n),
                    cells: Vec::new(),
                    header: false,
                });
            }
            Part::Cell => {
                if let Some(r) = open.as_mut() {
                    r.cells.push(n);
                }
                n = s.subtree_end(n);
                continue;
            }
            Part::Head => head_end = s.subtree_end(n),
            _ => {}
        }
        n += 1;
    }
    if let Some(r) = open.take() {
        close(r, &mut rows, &mut row_nodes);
    }
    Table {
        node: table,
        caption: None,
        headers,
        rows,
        row_nodes,
    }
}

/// The grid title shown with a table: the last `gridTitleLabel` before the table's end (so
/// one above it or inside it) that lies within the table's third ancestor. `captions` is in
/// document order, so this is a binary search, not a scan.
fn caption_for(s: &Snapshot, table: NodeId, captions: &[(NodeId, String)]) -> Option<String> {
    let table_end = s.subtree_end(table);
    let before_end = captions.partition_point(|(n, _)| *n < table_end);
    let (node, text) = captions[..before_end].last()?;
    let near = s.ancestors(table).take(3).last().unwrap_or(table);
    (*node >= near).then(|| text.clone())
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
    fn each_table_takes_the_grid_title_next_to_it() {
        let s = snap(&[
            (None, "body", &[]),
            (Some(0), "section", &[]),
            (Some(1), "div", &[]),
            (
                Some(2),
                "span",
                &[
                    ("data-automation-id", "gridTitleLabel"),
                    ("title", "Reference IDs"),
                ],
            ),
            (Some(2), "table", &[("data-automation-id", "table")]),
            (Some(0), "section", &[]),
            (Some(5), "div", &[]),
            (Some(6), "div", &[]),
            (Some(7), "div", &[("role", "grid")]),
        ]);
        let t = tables(&s, 0);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].caption.as_deref(), Some("Reference IDs"));
        // The second grid has no title of its own; the first one's is not within its reach.
        assert_eq!(t[1].caption, None);
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
