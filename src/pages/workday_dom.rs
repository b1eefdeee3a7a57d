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
/// Marks a required field: on the label itself in one build, on the row holding the label and
/// its value in another.
const REQUIRED_ID: &str = "formLabelRequired";
/// What an id carries on a field's label (`formLabel…`), and what `aria-labelledby` names.
const LABEL_ID_MARK: &str = "formLabel";
/// Hooks of a row holding one label and its value (plain `li` rows are rows too).
/// `formLabelRow` is tolerated: no public source shows it.
const ROW_IDS: &[&str] = &[
    "formItem",
    REQUIRED_ID,
    "formLabelRow",
    "summarizedListItem",
];
/// Most nodes (itself included) an element may hold and still be read as a field's label.
const MAX_LABEL_NODES: usize = 64;
/// Hooks that hold a field's value.
const VALUE_CONTAINER_IDS: &[&str] = &["decorationWrapper", "summarizedListItemValue"];
/// Value widgets, most specific first. `singleLineLink`, `richTextContent`, `dateWidgetInput`
/// and `radioGroup` are tolerated: no public source shows them.
const VALUE_WIDGET_IDS: &[&str] = &[
    "promptOption",
    "textView",
    "numericText",
    "singleLineLink",
    "richTextContent",
    "richTextEditor",
    "responsiveMonikerInput",
    "selectedItemList",
    "multiselectInputContainer",
    "selectWidget",
    "selectSelectedOption",
    "textInput",
    "textInputBox",
    "textAreaField",
    "numericInput",
    "dateWidgetInputBox",
    "dateWidgetInput",
    "dateWidgetContainer",
    "dateTimeWidget",
    "timeWidgetContainer",
    "checkboxPanel",
    "checkbox",
    "radioBtn",
    "radioGroup",
];
/// ARIA roles of value widgets (markup without automation ids).
const VALUE_ROLES: &[&str] = &["checkbox", "radiogroup", "textbox", "combobox", "listbox"];
/// Title hooks, the page header's own first: a page (or popup) takes the first title of the
/// highest rank it has. `editPopupTitle` and `popupTitle` are tolerated (no public source shows
/// them) and title popups only.
const TITLE_IDS: &[&str] = &[
    "pageHeaderTitleText",
    "pageHeaderTitle",
    "viewStackHeaderTitle",
    "breadcrumbsHeaderTitle",
    "wizardHeader",
    "editPopupTitle",
    "popupTitle",
];
/// Title hooks that only ever title a popup.
const POPUP_TITLE_IDS: &[&str] = &["editPopupTitle", "popupTitle"];
/// Hooks of a popup. Popups marked only by `role="dialog"` or by the `wd-popup` widget count
/// when they carry a title (a menu or a prompt list does not hide the page).
const POPUP_IDS: &[&str] = &["editPopup", "popUpDialog"];
const POPUP_WIDGET: &str = "wd-popup";
const LEGEND_IDS: &[&str] = &["fieldSetLegendLabel", "fieldSetLegendHeading"];
const FIELD_SET_IDS: &[&str] = &["fieldSetBody", "fieldSet"];
/// Hooks of a loading indicator: while one shows, the page is still filling in.
const BUSY_IDS: &[&str] = &["loadingSpinner", "wd-LoadingPanel"];
/// Hooks read above that no public source shows (workday-notes.md, "The admin UI's DOM"): they
/// are tolerated, but no page may be read through them alone. The newer-build fixtures never
/// use them (a conventions test holds them to it).
pub const UNCONFIRMED_HOOKS: &[&str] = &[
    "formLabelRow",
    "editPopupTitle",
    "popupTitle",
    "singleLineLink",
    "richTextContent",
    "radioGroup",
    "dateWidgetInput",
];

/// Elements whose text names something rather than shows a value: titles, headings, field
/// labels (every build's, as [`fields`] reads them), field-set legends, column headers, tab
/// labels, grid captions. A page's structure copy keeps their text and shapes every other
/// (`crate::report::structure`).
pub fn naming_elements(s: &Snapshot) -> Vec<NodeId> {
    const NAMING_IDS: &[&str] = &["tabLabel", "gridTitleLabel"];
    let mut out: Vec<NodeId> = s
        .ids()
        .filter(|&n| s.is_element(n))
        .filter(|&n| {
            let h = hook(s, n);
            let role = s.attr(n, "role");
            h.is_some_and(|h| {
                TITLE_IDS.contains(&h)
                    || LABEL_IDS.contains(&h)
                    || LEGEND_IDS.contains(&h)
                    || NAMING_IDS.contains(&h)
                    || h.starts_with("columnHeader")
                    || (h == REQUIRED_ID && s.tag(n) == Some("label"))
            }) || s.attr(n, "data-uxi-widget-type") == Some("columnHeader")
                || matches!(role, Some("columnheader" | "heading" | "tab"))
                || matches!(
                    s.tag(n),
                    Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "label" | "legend" | "dt")
                )
                || (s.tag(n) == Some("th")
                    && role != Some("rowheader")
                    && s.ancestors(n).any(|a| s.tag(a) == Some("thead")))
        })
        .collect();
    for scope in scopes(s) {
        out.extend(fields(s, scope.node).into_iter().map(|f| f.label_node));
    }
    out.sort_unstable();
    out.dedup();
    out
}

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
        } else if matches!(s.attr(n, "role"), Some("dialog" | "alertdialog"))
            || s.attr(n, "data-automation-widget") == Some(POPUP_WIDGET)
        {
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
    let contains = |outer: NodeId, inner: NodeId| outer <= inner && inner < s.subtree_end(outer);
    // A dialog or popup widget without the hook counts when it carries a title of its own and
    // is neither the wrapper (or the content) of a hooked popup nor inside another such dialog.
    let hooked = popups.clone();
    let mut kept_dialogs: Vec<NodeId> = Vec::new();
    for d in dialogs {
        let related = hooked.iter().any(|&p| contains(p, d) || contains(d, p));
        let nested = kept_dialogs.iter().any(|&k| contains(k, d));
        if !related && !nested && !titles_in(d).is_empty() {
            kept_dialogs.push(d);
        }
    }
    popups.extend(kept_dialogs);
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
            title: best_title(s, titles_in(node), false).unwrap_or_default(),
            is_popup: true,
        })
        .collect();
    let page_titles: Vec<NodeId> = titles.iter().copied().filter(|&t| !in_popup(t)).collect();
    let page_title = best_title(s, &page_titles, true)
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

/// The text of the first title among `titles` (document order) whose hook comes first in
/// [`TITLE_IDS`]; for the page (`page`), popup-only title hooks are not read.
fn best_title(s: &Snapshot, titles: &[NodeId], page: bool) -> Option<String> {
    let ranks = TITLE_IDS
        .iter()
        .filter(|r| !page || !POPUP_TITLE_IDS.contains(r));
    ranks.into_iter().find_map(|rank| {
        titles
            .iter()
            .filter(|&&t| hook(s, t) == Some(rank))
            .map(|&t| title_text(s, t))
            .find(|t| !t.is_empty())
    })
}

/// Whether the page is still filling in: a loading indicator shows (`loadingSpinner` not yet
/// `aria-hidden`, `wd-LoadingPanel`) or a region says `aria-busy="true"`. Such a page is read
/// again when it settles, never judged half-filled.
pub fn is_busy(s: &Snapshot) -> bool {
    let Some(root) = s.root() else {
        return false;
    };
    visible_nodes(s, root).any(|n| {
        s.is_element(n) && (has_hook(s, n, BUSY_IDS) || s.attr(n, "aria-busy") == Some("true"))
    })
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
    scan_fields(s, scope).sections
}

/// What one pass over a region finds for its fields.
struct FieldScan<'s> {
    sections: Sections,
    /// The visible label elements, in document order; a label element that holds another one
    /// is left out (the inner one is the label).
    labels: Vec<NodeId>,
    /// The elements that name a label in their `aria-labelledby`, by the label's id.
    labelled_by: HashMap<&'s str, Vec<NodeId>>,
}

/// Most nodes a row marked `formLabelRequired` may hold and still be searched for a plain
/// `<label>` of its own.
const MAX_ROW_NODES: usize = 512;

/// One pass over `scope`: the legends of its field sets, its visible labels and which elements
/// name which label. A label is an element with a label hook; a `formLabelRequired` element
/// holding no label or value of its own (the mark on the label itself); a `<label>` whose id
/// carries `formLabel`; an element an `aria-labelledby` names by such an id; the term (`dt`) of
/// a `summarizedListItem`; and, in a `formLabelRequired` row with no such label, its first plain
/// `<label>` outside the value.
fn scan_fields(s: &Snapshot, scope: NodeId) -> FieldScan<'_> {
    let mut legends = HashMap::new();
    let mut labels = Vec::new();
    let mut labelled_by: HashMap<&str, Vec<NodeId>> = HashMap::new();
    // Elements whose id carries the label mark, read as labels when something names them.
    let mut marked_ids: Vec<(&str, NodeId)> = Vec::new();
    let mut required_rows: Vec<NodeId> = Vec::new();
    for n in visible_nodes(s, scope) {
        if !s.is_element(n) {
            continue;
        }
        if let Some(names) = s.attr(n, "aria-labelledby") {
            for id in names
                .split_ascii_whitespace()
                .filter(|id| id.contains(LABEL_ID_MARK))
            {
                labelled_by.entry(id).or_default().push(n);
            }
        }
        let h = hook(s, n);
        let marked_id = s.attr(n, "id").filter(|id| id.contains(LABEL_ID_MARK));
        if h.is_some_and(|h| LABEL_IDS.contains(&h)) {
            labels.push(n);
        } else if h == Some(REQUIRED_ID) {
            if holds_label_or_value(s, n) {
                required_rows.push(n);
            } else {
                labels.push(n);
            }
        } else if (s.tag(n) == Some("label") && marked_id.is_some())
            || (s.tag(n) == Some("dt")
                && s.ancestors(n)
                    .take(2)
                    .any(|a| hook(s, a) == Some("summarizedListItem")))
        {
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
        } else if let Some(id) = marked_id {
            marked_ids.push((id, n));
        }
    }
    labels.extend(
        marked_ids
            .into_iter()
            .filter(|(id, _)| labelled_by.contains_key(id))
            .map(|(_, n)| n),
    );
    labels.sort_unstable();
    for row in required_rows {
        let end = s.subtree_end(row);
        let from = labels.partition_point(|&l| l < row);
        if labels.get(from).is_some_and(|&l| l < end) || end - row > MAX_ROW_NODES {
            continue;
        }
        if let Some(plain) = (row + 1..end).find(|&n| {
            s.tag(n) == Some("label")
                && !s.is_hidden(n)
                && !s
                    .ancestors(n)
                    .take_while(|&a| a != row)
                    .any(|a| is_value_node(s, a))
        }) {
            labels.insert(from, plain);
        }
    }
    // A label element holding another label is a wrapper: the inner one is the label (in
    // document order, a label holding others is followed at once by the first of them).
    let mut kept = Vec::with_capacity(labels.len());
    for (i, &l) in labels.iter().enumerate() {
        if labels
            .get(i + 1)
            .is_some_and(|&next| next < s.subtree_end(l))
        {
            continue;
        }
        kept.push(l);
    }
    FieldScan {
        sections: Sections { legends },
        labels: kept,
        labelled_by,
    }
}

/// Whether `n` holds a label element or a value (a row, then, not a label). Looks at most
/// [`MAX_LABEL_NODES`] nodes: an element holding more is a row.
fn holds_label_or_value(s: &Snapshot, n: NodeId) -> bool {
    let end = s.subtree_end(n);
    end - n > MAX_LABEL_NODES
        || (n + 1..end)
            .any(|d| s.tag(d) == Some("label") || has_hook(s, d, LABEL_IDS) || is_value_node(s, d))
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
    let scan = scan_fields(s, scope);
    let scope_end = s.subtree_end(scope);
    let mut by_id: Option<HashMap<&str, NodeId>> = None;
    let mut out = Vec::new();
    for &label_node in &scan.labels {
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
        let value_node = value_for_label(s, label_node, &scan, scope_end, &mut by_id);
        out.push(Field {
            label,
            label_node,
            value_node,
            section: scan.sections.of(s, label_node).map(str::to_string),
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

/// The value element of a label: the `for` target when the page names one; else the element
/// whose `aria-labelledby` names the label (when it does not also hold the label); else the
/// first value element after the label inside its row or its nearest ancestors (up to six
/// levels), never past the next visible label or the end of the scope. One forward scan per
/// label, which stops at the next label, so reading every field of a region is linear.
fn value_for_label<'s>(
    s: &'s Snapshot,
    label: NodeId,
    scan: &FieldScan,
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
    let holds = |outer: NodeId, inner: NodeId| outer <= inner && inner < s.subtree_end(outer);
    if let Some(named) = s
        .attr(label, "id")
        .and_then(|id| scan.labelled_by.get(id))
        .and_then(|by| by.iter().copied().find(|&n| !holds(n, label)))
    {
        return Some(named);
    }
    let six = s
        .ancestors(label)
        .take(6)
        .last()
        .map(|a| s.subtree_end(a))
        .unwrap_or(label + 1);
    let row = s
        .ancestors(label)
        .take(12)
        .find(|&a| is_field_row(s, a))
        .map_or(0, |a| s.subtree_end(a));
    let limit = six.max(row).min(scope_end);
    let is_label = |n: NodeId| scan.labels.binary_search(&n).is_ok();
    let mut n = s.subtree_end(label);
    while n < limit {
        if s.is_aria_hidden(n) {
            n = s.subtree_end(n);
            continue;
        }
        if is_label(n) || has_hook(s, n, LABEL_IDS) {
            return None;
        }
        if is_value_node(s, n) {
            return Some(whole_choice(s, n, label, scan, limit));
        }
        n += 1;
    }
    None
}

/// A row holding a label and its value: a row hook, a list item, a table row or an ARIA group.
fn is_field_row(s: &Snapshot, n: NodeId) -> bool {
    has_hook(s, n, ROW_IDS)
        || matches!(s.tag(n), Some("li" | "tr"))
        || s.attr(n, "role") == Some("group")
}

/// The first value element found for a label may be one option of a choice (a radio button
/// alone, newer builds having no group hook around them): the value is then the outermost
/// element around it that holds neither the label nor the next one, within the row.
fn whole_choice(
    s: &Snapshot,
    found: NodeId,
    label: NodeId,
    scan: &FieldScan,
    limit: NodeId,
) -> NodeId {
    if !(is_radio(s, found) || hook(s, found) == Some("radioBtn")) {
        return found;
    }
    let next_label = scan
        .labels
        .get(scan.labels.partition_point(|&l| l <= label))
        .copied()
        .unwrap_or(NodeId::MAX);
    let mut value = found;
    while let Some(p) = s.parent(value) {
        if p <= label || s.subtree_end(p) > limit || next_label < s.subtree_end(p) {
            break;
        }
        value = p;
        if has_hook(s, p, VALUE_CONTAINER_IDS) {
            break;
        }
    }
    value
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

/// The values shown in a value element: the checked radio button's label; else a select
/// widget's chosen option; else one per prompt option or selected item; else the text of a
/// rich-text box; else an input's value; else the element's text. `promptOption` values come
/// from `data-automation-label` or `title`, which hold the clean text without decoration. A
/// password field has no value here, whatever the markup says.
pub fn values(s: &Snapshot, value_node: NodeId) -> Vec<String> {
    // One pass sorts the widgets inside (cells of a 10 000-row report come through here).
    let mut radios = Vec::new();
    let mut chosen = Vec::new();
    let mut options = Vec::new();
    let mut items = Vec::new();
    let mut boxes = Vec::new();
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
            Some("selectSelectedOption") => chosen.push(n),
            Some(h) if h == "selectedItem" || h.starts_with("selectedItem_") => items.push(n),
            _ if s.attr(n, "role") == Some("radio") => radios.push(n),
            _ if matches!(
                s.attr(n, "data-uxi-widget-type"),
                Some("selectinputlistitem" | "multiselectlistitem")
            ) =>
            {
                items.push(n)
            }
            _ if s.attr(n, "role") == Some("textbox") && s.tag(n) != Some("textarea") => {
                boxes.push(n)
            }
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
    let option_text = |n: NodeId| {
        s.attr(n, "data-automation-label")
            .or_else(|| s.attr(n, "title"))
            .map(fold_whitespace)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| s.text(n))
    };
    // A select widget shows its chosen option apart from the list it offers.
    let chosen: Vec<String> = chosen
        .into_iter()
        .map(|c| {
            options
                .iter()
                .find(|&&o| c < o && o < s.subtree_end(c))
                .map_or_else(|| s.text(c), |&o| option_text(o))
        })
        .filter(|t| !t.is_empty())
        .collect();
    if !chosen.is_empty() {
        return chosen;
    }
    let options: Vec<String> = options
        .into_iter()
        .map(option_text)
        .filter(|t| !t.is_empty())
        .collect();
    if !options.is_empty() {
        return options;
    }
    // A selected item holding a prompt option was read above; one without says its text.
    let items: Vec<String> = items
        .into_iter()
        .map(|n| s.text(n))
        .filter(|t| !t.is_empty())
        .collect();
    if !items.is_empty() {
        return items;
    }
    // A rich-text editor: the text of its editable box, not of its toolbar.
    let boxes: Vec<String> = boxes
        .into_iter()
        .map(|n| s.text(n))
        .filter(|t| !t.is_empty())
        .collect();
    if !boxes.is_empty() && s.tag(value_node) != Some("input") {
        return vec![boxes.join("\n")];
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
/// `role=grid`/`table`/`treegrid`, a plain `<table>`, or an older grid (an element whose id
/// holds `wd-Grid`, with its header and body tables inside), outermost first. Nested tables are
/// reported on their own.
pub fn tables(s: &Snapshot, scope: NodeId) -> Vec<Table> {
    // One pass collects the table candidates and the grid titles (captions).
    let mut candidates: Vec<NodeId> = Vec::new();
    let mut captions: Vec<(NodeId, String)> = Vec::new();
    for n in visible_nodes(s, scope) {
        if hook(s, n) == Some("table")
            || matches!(s.attr(n, "role"), Some("grid" | "table" | "treegrid"))
            || is_plain_table(s, n)
            || is_older_grid(s, n)
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
    // wrapper, keep the inner one. An older grid is the other way round: the plain tables (and
    // grid parts) inside it are its pieces, so the grid is kept. A table nested inside a row of
    // another stays separate. Each candidate walks up to its nearest candidate ancestor once:
    // linear in the number of candidates times the depth.
    let set: HashSet<NodeId> = candidates.iter().copied().collect();
    let mut dropped: HashSet<NodeId> = HashSet::new();
    for &inner in &candidates {
        for a in s.ancestors(inner) {
            if is_row(s, a) {
                break;
            }
            if set.contains(&a) {
                if is_older_grid(s, a) && (is_plain_table(s, inner) || is_older_grid(s, inner)) {
                    dropped.insert(inner);
                } else {
                    dropped.insert(a);
                }
                break;
            }
        }
    }
    let kept: Vec<NodeId> = candidates
        .into_iter()
        .filter(|n| !dropped.contains(n))
        .collect();
    kept.iter()
        .map(|&n| {
            let mut t = read_table(s, n);
            t.caption = caption_for(s, n, &captions, &kept);
            t
        })
        .collect()
}

/// A `<table>` with neither hook nor ARIA role of a grid.
fn is_plain_table(s: &Snapshot, n: NodeId) -> bool {
    s.tag(n) == Some("table") && hook(s, n).is_none()
}

/// An older grid's container: its id holds `wd-Grid`.
fn is_older_grid(s: &Snapshot, n: NodeId) -> bool {
    s.is_element(n) && s.attr(n, "id").is_some_and(|id| id.contains("wd-Grid"))
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
    if role == Some("columnheader")
        || h.is_some_and(|a| a.starts_with("columnHeader"))
        || s.attr(n, "data-uxi-widget-type") == Some("columnHeader")
    {
        return Part::HeaderCell;
    }
    if h == Some("row") || role == Some("row") || tag == Some("tr") {
        return Part::Row;
    }
    if matches!(h, Some("cell" | "gridCell"))
        || matches!(role, Some("gridcell" | "cell" | "rowheader"))
    {
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
                headers.push(header_text(s, n));
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

/// Most nodes a column header may hold and still be looked into for its label.
const MAX_HEADER_NODES: usize = 256;

/// A column header's text: its label, without what follows the label for assistive technology
/// only (newer tables put a hidden "Sort and filter column" after it, in an element of its
/// own). Wrappers with one child that shows text are looked through; an element whose text
/// is all in two or more child elements is labelled by the first of them. A header without
/// text says its title (`title` on it or on an element inside).
fn header_text(s: &Snapshot, header: NodeId) -> String {
    let end = s.subtree_end(header);
    if end - header <= MAX_HEADER_NODES {
        let mut at = header;
        loop {
            let mut own_text = false;
            let mut shown = Vec::new();
            for &c in s.children(at) {
                if s.is_aria_hidden(c) {
                    continue;
                }
                let t = s.text(c);
                if t.is_empty() {
                    continue;
                }
                if s.is_element(c) {
                    shown.push(t);
                } else {
                    own_text = true;
                }
            }
            if own_text || shown.is_empty() {
                break;
            }
            if shown.len() >= 2 {
                return shown.swap_remove(0);
            }
            let Some(&only) = s
                .children(at)
                .iter()
                .find(|&&c| s.is_element(c) && !s.is_aria_hidden(c) && !s.text(c).is_empty())
            else {
                break;
            };
            at = only;
        }
    }
    let t = s.text(header);
    if !t.is_empty() {
        return t;
    }
    (header..end)
        .find_map(|n| {
            s.attr(n, "title")
                .map(fold_whitespace)
                .filter(|t| !t.is_empty())
        })
        .unwrap_or_default()
}

/// The grid title shown with a table: the last `gridTitleLabel` before the table's end (so one
/// above it or inside it), when the nearest ancestor of the table that holds it holds no other
/// table (newer builds wrap a table in several generated layers; a title beside another table
/// is that table's). `captions` and `tables` are in document order, so each look is a binary
/// search, not a scan.
fn caption_for(
    s: &Snapshot,
    table: NodeId,
    captions: &[(NodeId, String)],
    tables: &[NodeId],
) -> Option<String> {
    let table_end = s.subtree_end(table);
    let before_end = captions.partition_point(|(n, _)| *n < table_end);
    let (node, text) = captions[..before_end].last()?;
    let count_in = |from: NodeId, to: NodeId| {
        tables.partition_point(|&t| t < to) - tables.partition_point(|&t| t < from)
    };
    let own = count_in(table, table_end);
    for a in std::iter::once(table).chain(s.ancestors(table)).take(12) {
        if count_in(a, s.subtree_end(a)) > own {
            return None;
        }
        if *node >= a {
            return Some(text.clone());
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
    fn every_unconfirmed_hook_is_still_read() {
        for h in UNCONFIRMED_HOOKS {
            assert!(
                [ROW_IDS, VALUE_WIDGET_IDS, POPUP_TITLE_IDS]
                    .iter()
                    .any(|list| list.contains(h)),
                "{h} is not read any more: drop it from UNCONFIRMED_HOOKS"
            );
        }
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

    /// The shapes newer builds show (workday-notes.md, "The admin UI's DOM"), read from HTML.
    #[cfg(not(target_arch = "wasm32"))]
    mod newer_builds {
        use super::super::*;
        use crate::snapshot::html::snapshot_from_html;

        fn read(html: &str) -> (Snapshot, Vec<(String, Vec<String>)>) {
            let s = snapshot_from_html(html, None);
            let root = s.root().unwrap();
            let f = fields(&s, root)
                .into_iter()
                .map(|f| {
                    let v = f.value_node.map(|v| values(&s, v)).unwrap_or_default();
                    (f.label, v)
                })
                .collect();
            (s, f)
        }

        fn pairs(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
            list.iter()
                .map(|(l, v)| (l.to_string(), v.iter().map(|x| x.to_string()).collect()))
                .collect()
        }

        #[test]
        fn required_mark_on_the_label_and_on_the_row() {
            let (_, f) = read(
                r#"<ul>
                <li class="WLSF"><div class="css-1a"><label data-automation-id="formLabelRequired">Client Name<abbr>*</abbr></label></div>
                  <div data-automation-id="decorationWrapper"><input type="text" value="Acme Sync"></div></li>
                <li data-automation-id="formLabelRequired" class="WLSF"><div><label>Redirection URI</label></div>
                  <div data-automation-id="decorationWrapper"><div class="css-2b"><input type="text" value="https://example.com/cb"></div></div></li>
                <li data-automation-id="formLabelRequired"><div><label data-automation-id="formLabel">Scope</label></div>
                  <div data-automation-id="decorationWrapper"><div data-automation-id="checkbox"><input type="checkbox" id="c1" checked><label for="c1">Staffing</label></div></div></li>
                </ul>"#,
            );
            assert_eq!(
                f,
                pairs(&[
                    ("Client Name", &["Acme Sync"]),
                    ("Redirection URI", &["https://example.com/cb"]),
                    ("Scope", &["Staffing"]),
                ])
            );
        }

        #[test]
        fn inputs_name_their_label_by_id() {
            let (_, f) = read(
                r#"<div role="group" aria-labelledby="formLabel-56$12"><div><label id="formLabel-56$12">Refresh Token Timeout (in days)</label></div>
                  <div class="css-9z"><div><input data-automation-id="numericInput" aria-labelledby="formLabel-56$12" value="180"></div></div></div>
                <div><span id="formLabel-56$13">Client ID</span></div>
                <div class="css-1b"><div class="css-1c"><div data-automation-id="textView">ignored, not named</div></div></div>
                <p data-automation-id="textView" aria-labelledby="formLabel-56$13">YmRkNjQwZmI=</p>"#,
            );
            assert_eq!(
                f,
                pairs(&[
                    ("Refresh Token Timeout (in days)", &["180"]),
                    ("Client ID", &["YmRkNjQwZmI="]),
                ])
            );
        }

        #[test]
        fn radio_buttons_without_a_group_hook_give_the_checked_one() {
            let (_, f) = read(
                r#"<ul><li><div><label data-automation-id="formLabel">Client Grant Type</label></div>
                <div class="css-3c"><div class="css-4d">
                  <span data-automation-id="radioBtn"><input type="radio" id="g0"><label for="g0">Implicit Grant</label></span>
                  <span data-automation-id="radioBtn"><input type="radio" id="g1" checked><label for="g1">Authorization Code Grant</label></span>
                </div></div></li>
                <li><div><label data-automation-id="formLabel">Access Token Type</label></div>
                <div data-automation-id="decorationWrapper"><div data-automation-id="selectWidget"><div data-automation-id="selectSelectedOption">Bearer</div>
                  <ul role="listbox"><li>Bearer</li><li>Mac</li></ul></div></div></li></ul>"#,
            );
            assert_eq!(
                f,
                pairs(&[
                    ("Client Grant Type", &["Authorization Code Grant"]),
                    ("Access Token Type", &["Bearer"]),
                ])
            );
        }

        #[test]
        fn read_only_widgets_of_newer_builds() {
            let (_, f) = read(
                r#"<ul>
                <li><label data-automation-id="formLabel">Scope</label><div data-automation-id="decorationWrapper">
                  <div data-automation-id="responsiveMonikerInput"><ul data-automation-id="selectedItemList">
                    <li data-automation-id="selectedItem_15194$7"><p data-automation-id="promptOption" data-automation-label="Staffing" title="Staffing">Staffing <span>(3)</span></p></li>
                    <li data-automation-id="selectedItem_15194$3"><p data-automation-id="promptOption" data-automation-label="" title="System">System</p></li>
                  </ul></div></div></li>
                <li><label data-automation-id="formLabel">Comment</label><div data-automation-id="decorationWrapper">
                  <div data-automation-id="richTextEditor"><div role="toolbar"><button>B</button></div><div role="textbox"><p>Grant the ISU access</p></div></div></div></li>
                <li><label data-automation-id="formLabel">Data Source</label><div data-automation-id="decorationWrapper">
                  <input data-uxi-widget-type="selectinput" value=""><div data-uxi-widget-type="selectinputlistitem">All Workers</div></div></li>
                </ul>
                <div data-automation-id="summarizedListItem"><dt>Security Timestamp</dt><dd data-automation-id="summarizedListItemValue">03/14/2025 09:26 AM</dd></div>"#,
            );
            assert_eq!(
                f,
                pairs(&[
                    ("Scope", &["Staffing", "System"]),
                    ("Comment", &["Grant the ISU access"]),
                    ("Data Source", &["All Workers"]),
                    ("Security Timestamp", &["03/14/2025 09:26 AM"]),
                ])
            );
        }

        #[test]
        fn titles_of_every_build_and_popups_marked_only_by_role_or_widget() {
            for (html, page) in [
                (
                    r#"<div id="mainContent"><div data-automation-id="pageHeader" role="region"><h2><span data-automation-id="pageHeaderTitleText" title="View URLs"><span class="css-1">View URLs</span></span></h2></div></div>"#,
                    "View URLs",
                ),
                (
                    r#"<div data-automation-id="viewStackHeaderTitle"><span>View API Clients</span></div>"#,
                    "View API Clients",
                ),
                (
                    r#"<header data-automation-id="breadcrumbsHeaderTitle">Create Custom Report</header>"#,
                    "Create Custom Report",
                ),
                (
                    r#"<div data-automation-id="pageHeaderTitle"><h2>Edit Tenant Setup - System</h2></div>"#,
                    "Edit Tenant Setup - System",
                ),
                (
                    r#"<title>View IDs - Workday</title><div class="css-1">no header yet</div>"#,
                    "View IDs",
                ),
            ] {
                let s = snapshot_from_html(html, None);
                assert_eq!(scopes(&s).last().unwrap().title, page, "{html}");
            }
            let s = snapshot_from_html(
                r#"<div><span data-automation-id="pageHeaderTitleText">Headcount Report</span></div>
                <div data-automation-widget="wd-popup"><ul><li data-automation-id="copyUrl">Copy URL</li></ul></div>
                <div data-automation-widget="wd-popup" class="wd-popup"><div role="dialog" class="wd-popup-content">
                  <span data-automation-id="pageHeaderTitleText">View IDs</span></div></div>"#,
                None,
            );
            let found = scopes(&s);
            let titles: Vec<(&str, bool)> = found
                .iter()
                .map(|s| (s.title.as_str(), s.is_popup))
                .collect();
            // The menu (untitled) is no scope; the titled popup is one scope, not two.
            assert_eq!(titles, [("View IDs", true), ("Headcount Report", false)]);
        }

        #[test]
        fn busy_until_the_spinner_hides_and_aria_busy_clears() {
            let busy = |html: &str| is_busy(&snapshot_from_html(html, None));
            assert!(busy(r#"<div data-automation-id="loadingSpinner"></div>"#));
            assert!(busy(r#"<div data-automation-id="wd-LoadingPanel"></div>"#));
            assert!(busy(r#"<main aria-busy="true"><p>x</p></main>"#));
            assert!(!busy(
                r#"<div data-automation-id="loadingSpinner" aria-hidden="true"></div>"#
            ));
            assert!(!busy(
                r#"<div aria-hidden="true"><div data-automation-id="wd-LoadingPanel"></div></div>"#
            ));
            assert!(!busy(r#"<main aria-busy="false"><p>x</p></main>"#));
        }

        #[test]
        fn new_table_headers_leave_out_the_hidden_sort_and_filter_text() {
            // The shape of the Playwright capture of a real page.
            let s = snapshot_from_html(
                r#"<div data-automation-id="gridTitleLabel" title="Reference IDs">Reference IDs 1 item</div>
                <div class="css-a1"><div class="css-b2"><div data-automation-id="tableWrapper">
                <table data-automation-id="table" data-testid="table" class="css-82nb8k">
                <thead data-automation-id="tableHead"><tr data-automation-id="tableHeaderRow" role="row">
                  <th data-automation-id="columnHeader61.1" role="columnheader" scope="col"><span>ID Type</span><span>Sort and filter column</span></th>
                  <th data-automation-id="columnHeader61.2" role="columnheader" scope="col"><div><button><span>ID</span></button></div><span>Sort and filter column</span></th>
                </tr></thead>
                <tbody><tr data-testid="row" data-automation-id="row" role="row" data-row-id="340">
                  <th data-automation-id="cell" role="rowheader" scope="row"><div data-testid="cellContainer" data-automation-id="cellContainer"><div data-testid="fallbackContainer"><div><div class="wd-Text" data-automation-id="textView">Organization_Reference_ID</div></div></div></div></th>
                  <td data-automation-id="cell" data-testid="cell"><div data-testid="cellContainer" data-automation-id="cellContainer"><div data-testid="fallbackContainer"><div data-automation-id="responsiveMonikerInput"><ul data-automation-id="selectedItemList"><li><div data-automation-id="promptOption" data-automation-label="SUP_ORG_1">SUP_ORG_1</div></li></ul></div></div></div></td>
                </tr></tbody></table></div></div></div>"#,
                None,
            );
            let t = tables(&s, 0);
            assert_eq!(t.len(), 1);
            assert_eq!(t[0].headers, ["ID Type", "ID"]);
            assert_eq!(t[0].caption.as_deref(), Some("Reference IDs"));
            let cells: Vec<String> = t[0].rows[0].iter().map(|&c| cell_text(&s, c)).collect();
            assert_eq!(cells, ["Organization_Reference_ID", "SUP_ORG_1"]);
        }

        #[test]
        fn older_grids_with_separate_header_and_body_tables() {
            let s = snapshot_from_html(
                r#"<div id="wd-Grid-56$1001" class="wd-SuperGrid">
                <div data-automation-id="gridToolbar"><span data-automation-id="gridTitleLabel" title="Domain Security Policies">Domain Security Policies 1 item</span></div>
                <table><tr><td data-uxi-widget-type="columnHeader"><div title="Domain Security Policy" class="wd-headerWrapper"><span>Domain Security Policy</span></div></td>
                  <td data-uxi-widget-type="columnHeader"><div title="View" class="wd-headerWrapper"></div></td></tr></table>
                <table><tr><td data-automation-id="gridCell">Set Up: Tenant Setup - Security</td><td data-automation-id="gridCell">MDCA_Integration</td></tr></table>
                </div>"#,
                None,
            );
            let t = tables(&s, 0);
            assert_eq!(t.len(), 1, "{t:?}");
            assert_eq!(t[0].headers, ["Domain Security Policy", "View"]);
            assert_eq!(t[0].caption.as_deref(), Some("Domain Security Policies"));
            let cells: Vec<String> = t[0].rows[0].iter().map(|&c| cell_text(&s, c)).collect();
            assert_eq!(
                cells,
                ["Set Up: Tenant Setup - Security", "MDCA_Integration"]
            );
        }
    }
}
