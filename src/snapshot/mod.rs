//! The page snapshot: the one input every recogniser reads. In the extension the content script
//! (`extension/content/snapshot.js`) builds it from the live DOM; natively [`crate::snapshot::html`] builds the same
//! thing from an HTML file. Recognisers therefore never see a browser type.
//!
//! Wire format (JSON, version 1), a pre-order list of nodes, each naming its parent:
//!
//! ```json
//! {"v":1,"url":"https://…","title":"View API Clients - Workday","lang":"en-US",
//!  "nodes":[{"t":"body"},
//!           {"p":0,"t":"div","a":{"data-automation-id":"formLabel"}},
//!           {"p":1,"x":"Client ID"}]}
//! ```
//!
//! `t` is the lowercase tag of an element, `x` the text of a text node, `a` the kept attributes,
//! `p` the index of the parent (absent for the root). Parents precede children and siblings keep
//! document order: the list is the tree in pre-order, so a subtree is a contiguous range, and
//! decoding refuses a list where a node follows a later sibling of its parent. A JSON string crosses the wasm boundary rather than a JS object because
//! `JSON.stringify` plus `serde_json` is far cheaper than a property-by-property conversion for
//! pages of 100 000 nodes.

#[cfg(not(target_arch = "wasm32"))]
pub mod html;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Attributes the snapshotter keeps; everything else is dropped at the source.
pub const KEPT_ATTRIBUTES: &[&str] = &[
    "data-automation-id",
    "data-automation-label",
    "data-testid",
    "data-row-id",
    "data-clipboard-text",
    "role",
    "aria-hidden",
    "aria-label",
    "aria-checked",
    "aria-selected",
    "aria-level",
    "title",
    "id",
    "for",
    "href",
    "type",
    "checked",
    "value",
    // Newer builds: an input names its label (`aria-labelledby`), a region still loading says
    // so (`aria-busy`), widgets and popups are named by these two (workday-notes.md, "The admin
    // UI's DOM").
    "aria-labelledby",
    "aria-busy",
    "data-uxi-widget-type",
    "data-automation-widget",
];

/// Upper bound on nodes accepted in one snapshot; larger pages are refused with a clear error
/// rather than exhausting memory.
pub const MAX_NODES: usize = 2_000_000;

/// Deepest nesting kept. A node deeper than this is attached to its ancestor at this depth's
/// parent level (it becomes a later sibling), as Chromium's own HTML parser does at 512 levels;
/// document order and the text are unchanged. Workday's pages nest a few dozen levels; the cap
/// keeps every ancestor walk and subtree scan bounded on a page built to be deep (a 100 000-level
/// chain would otherwise make reading labels quadratic).
pub const MAX_DEPTH: usize = 512;

/// Index of a node in a [`Snapshot`].
pub type NodeId = usize;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct WireNode {
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub parent: Option<usize>,
    #[serde(rename = "t", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub tag: Option<String>,
    #[serde(rename = "a", default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub attrs: BTreeMap<String, String>,
    #[serde(rename = "x", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct WireSnapshot {
    #[serde(default = "one")]
    pub v: u32,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub lang: String,
    pub nodes: Vec<WireNode>,
}

fn one() -> u32 {
    1
}

/// Why a snapshot was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    Json(String),
    UnsupportedVersion(u32),
    TooLarge(usize),
    BadParent {
        node: usize,
    },
    /// A node whose parent is not on the path from the root to the node before it (a child
    /// listed after its parent's later sibling): the list is not in pre-order.
    NotPreOrder {
        node: usize,
    },
    /// An HTML page nesting elements deeper than [`MAX_DEPTH`] (the native HTML loader).
    TooDeep {
        depth: usize,
    },
}

impl std::fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SnapshotError::Json(e) => write!(f, "the snapshot is not valid JSON: {e}"),
            SnapshotError::UnsupportedVersion(v) => {
                write!(f, "snapshot version {v} is not supported (expected 1)")
            }
            SnapshotError::TooLarge(n) => write!(
                f,
                "the page has {n} nodes, more than the {MAX_NODES} wdcap reads"
            ),
            SnapshotError::BadParent { node } => write!(
                f,
                "snapshot node {node} names a parent that does not precede it"
            ),
            SnapshotError::NotPreOrder { node } => write!(
                f,
                "snapshot node {node} is out of place: its parent is not among the previous node's ancestors, so the node list is not in pre-order"
            ),
            SnapshotError::TooDeep { depth } => write!(
                f,
                "the page nests elements {depth} levels deep, more than the {MAX_DEPTH} wdcap reads"
            ),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// Index of `data-automation-id` in [`KEPT_ATTRIBUTES`]; stored in its own field.
const AUTOMATION_ID: u8 = 0;

/// Position of a kept attribute name in [`KEPT_ATTRIBUTES`]. A `match` rather than a search
/// of the list: every attribute query goes through here, and the compiler dispatches on the
/// length first (a test keeps the two in step).
fn attr_index(name: &str) -> Option<u8> {
    Some(match name {
        "data-automation-id" => 0,
        "data-automation-label" => 1,
        "data-testid" => 2,
        "data-row-id" => 3,
        "data-clipboard-text" => 4,
        "role" => 5,
        "aria-hidden" => 6,
        "aria-label" => 7,
        "aria-checked" => 8,
        "aria-selected" => 9,
        "aria-level" => 10,
        "title" => 11,
        "id" => 12,
        "for" => 13,
        "href" => 14,
        "type" => 15,
        "checked" => 16,
        "value" => 17,
        "aria-labelledby" => 18,
        "aria-busy" => 19,
        "data-uxi-widget-type" => 20,
        "data-automation-widget" => 21,
        _ => return None,
    })
}

/// "No tag": the node is a text node.
const NO_TAG: u16 = u16::MAX;

/// A string of the store ([`Store::strings`]): its byte range.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    len: usize,
}

/// Where the node strings live: every text and attribute value of a snapshot in one
/// buffer, and every node's kept attributes in one list (a node's are contiguous). A page of
/// 100 000 nodes is then a handful of allocations instead of several per node, which made the
/// decode and the drop of a large page cost as much as its analysis.
#[derive(Debug, Clone, Default)]
struct Store {
    strings: String,
    /// `(index in KEPT_ATTRIBUTES, value)`; `data-automation-id` is in the node itself.
    attrs: Vec<(u8, Span)>,
}

impl Store {
    fn push(&mut self, text: &str) -> Span {
        let start = self.strings.len();
        self.strings.push_str(text);
        Span {
            start,
            len: text.len(),
        }
    }

    fn get(&self, span: Span) -> &str {
        &self.strings[span.start..span.start + span.len]
    }

    /// Sets a kept attribute of `node`, the node being built last (a later duplicate replaces an
    /// earlier one, as in a JSON object); names outside [`KEPT_ATTRIBUTES`] are dropped, as the
    /// snapshotters drop them.
    fn set_attr(&mut self, node: &mut Node, name: &str, value: &str) {
        let Some(i) = attr_index(name) else { return };
        self.set_attr_at(node, i, value);
    }

    fn set_attr_at(&mut self, node: &mut Node, i: u8, value: &str) {
        if i == AUTOMATION_ID {
            node.automation_id = Some(self.push(value));
            return;
        }
        if i == ARIA_HIDDEN {
            node.hidden = value == "true";
        }
        let span = self.push(value);
        let own = &mut self.attrs[node.attr_start..node.attr_start + node.attr_count as usize];
        match own.iter_mut().find(|(k, _)| *k == i) {
            Some(slot) => slot.1 = span,
            None => {
                self.attrs.push((i, span));
                node.attr_count += 1;
            }
        }
    }
}

/// Index of `aria-hidden` in [`KEPT_ATTRIBUTES`] (also kept as [`Node::hidden`]).
const ARIA_HIDDEN: u8 = 6;

/// One node of the store. Compact on purpose: pages reach 100 000 nodes and every
/// recogniser reads attributes, so an attribute is an index into [`KEPT_ATTRIBUTES`] plus its
/// value in the [`Store`], `data-automation-id` (read by nearly every query) has its own field,
/// `aria-hidden` is a flag, tags are interned in [`Snapshot::tags`], children are a range of
/// [`Snapshot::child_list`] and the subtree's end is kept, so `descendants` costs nothing.
#[derive(Debug, Clone)]
struct Node {
    parent: Option<NodeId>,
    tag: u16,
    /// `aria-hidden="true"` (also kept in the attributes, for [`Snapshot::attr`] and the wire).
    hidden: bool,
    /// This node's attributes are `Store::attrs[attr_start..attr_start + attr_count]`.
    attr_count: u8,
    attr_start: usize,
    automation_id: Option<Span>,
    text: Option<Span>,
    /// Children are `Snapshot::child_list[first_child..first_child + child_count]`.
    first_child: usize,
    child_count: usize,
    /// One past the last node of this node's subtree.
    end: NodeId,
}

impl Node {
    /// A node whose attributes will be the next ones pushed to `store`.
    fn new(parent: Option<NodeId>, store: &Store) -> Self {
        Node {
            parent,
            tag: NO_TAG,
            hidden: false,
            attr_count: 0,
            attr_start: store.attrs.len(),
            automation_id: None,
            text: None,
            first_child: 0,
            child_count: 0,
            end: 0,
        }
    }
}

/// Fills in every node's children range and subtree end from the (final) parent links, and
/// returns the children list. Parents precede children, so children come out in document order
/// and a reverse pass sees every child's end before its parent's.
fn index_children(nodes: &mut [Node]) -> Vec<NodeId> {
    for i in 0..nodes.len() {
        if let Some(p) = nodes[i].parent {
            nodes[p].child_count += 1;
        }
    }
    let mut next = 0;
    for n in nodes.iter_mut() {
        n.first_child = next;
        next += n.child_count;
    }
    let mut list = vec![0; next];
    let mut filled = vec![0usize; nodes.len()];
    for i in 0..nodes.len() {
        if let Some(p) = nodes[i].parent {
            list[nodes[p].first_child + filled[p]] = i;
            filled[p] += 1;
        }
    }
    for i in (0..nodes.len()).rev() {
        let n = &nodes[i];
        nodes[i].end = if n.child_count == 0 {
            i + 1
        } else {
            nodes[list[n.first_child + n.child_count - 1]].end
        };
    }
    list
}

/// The tag table: lowercase tag names, each stored once.
#[derive(Debug, Clone, Default)]
struct Tags(Vec<Box<str>>);

impl Tags {
    fn intern(&mut self, tag: &str) -> u16 {
        if let Some(i) = self.0.iter().position(|t| t.eq_ignore_ascii_case(tag)) {
            return i as u16;
        }
        // A page with more than 65 534 distinct tag names is built to attack; its further names
        // share the last slot rather than growing the table.
        if self.0.len() >= (NO_TAG - 1) as usize {
            return NO_TAG - 1;
        }
        self.0.push(tag.to_ascii_lowercase().into_boxed_str());
        (self.0.len() - 1) as u16
    }
}

/// A page as the recognisers see it: an element tree with a few attributes and the text.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub url: String,
    pub title: String,
    pub lang: String,
    nodes: Vec<Node>,
    tags: Tags,
    store: Store,
    child_list: Vec<NodeId>,
}

impl Snapshot {
    /// Decodes the wire JSON straight into the node store (no intermediate [`WireSnapshot`]:
    /// its per-node maps and strings cost more than the analysis of a large page).
    pub fn from_json(json: &str) -> Result<Self, SnapshotError> {
        let mut de = serde_json::Deserializer::from_str(json);
        let decoded = serde::Deserializer::deserialize_map(&mut de, wire_decode::SnapshotVisitor)
            .and_then(|d| de.end().map(|()| d))
            .map_err(|e| SnapshotError::Json(e.to_string()))?;
        if decoded.v != 1 {
            return Err(SnapshotError::UnsupportedVersion(decoded.v));
        }
        if decoded.count > MAX_NODES {
            return Err(SnapshotError::TooLarge(decoded.count));
        }
        Self::link(
            decoded.url,
            decoded.title,
            decoded.lang,
            decoded.nodes,
            decoded.tags,
            decoded.store,
        )
    }

    pub fn from_wire(wire: WireSnapshot) -> Result<Self, SnapshotError> {
        if wire.v != 1 {
            return Err(SnapshotError::UnsupportedVersion(wire.v));
        }
        if wire.nodes.len() > MAX_NODES {
            return Err(SnapshotError::TooLarge(wire.nodes.len()));
        }
        let mut tags = Tags::default();
        let mut store = Store::default();
        let nodes = wire
            .nodes
            .into_iter()
            .map(|n| {
                let mut node = Node::new(n.parent, &store);
                if let Some(t) = n.tag {
                    node.tag = tags.intern(&t);
                }
                for (k, v) in &n.attrs {
                    store.set_attr(&mut node, k, v);
                }
                node.text = n.text.as_deref().map(|t| store.push(t));
                node
            })
            .collect();
        Self::link(wire.url, wire.title, wire.lang, nodes, tags, store)
    }

    /// Checks that the list is in pre-order (every parent precedes its child and is on the path
    /// from the root to the node before it; a later node without a parent starts a further
    /// tree, whose range is as contiguous as the first's), flattens nesting beyond
    /// [`MAX_DEPTH`] and fills in the children lists
    /// and subtree ends ([`index_children`]).
    fn link(
        url: String,
        title: String,
        lang: String,
        mut nodes: Vec<Node>,
        tags: Tags,
        store: Store,
    ) -> Result<Self, SnapshotError> {
        let mut depth: Vec<u32> = Vec::with_capacity(nodes.len());
        // The wire's own ancestors of the previous node (before flattening): in pre-order a
        // node's parent is one of them, and a subtree is then a contiguous range, which
        // `descendants` relies on. Amortised one push and one pop per node.
        let mut open: Vec<u32> = Vec::new();
        for i in 0..nodes.len() {
            let mut parent = nodes[i].parent;
            match parent {
                Some(p) if p >= i => return Err(SnapshotError::BadParent { node: i }),
                Some(p) => loop {
                    match open.last() {
                        Some(&top) if top as usize == p => break,
                        Some(_) => {
                            open.pop();
                        }
                        None => return Err(SnapshotError::NotPreOrder { node: i }),
                    }
                },
                None => open.clear(),
            }
            // MAX_NODES (2 000 000) fits in a u32; `from_json` and `from_wire` refuse more.
            open.push(i as u32);
            if let Some(p) = parent {
                // Flatten beyond MAX_DEPTH: a node at the cap takes no children; they go to its
                // parent, which keeps the pre-order layout (see MAX_DEPTH).
                let p = match nodes[p].parent {
                    Some(up) if depth[p] as usize >= MAX_DEPTH => up,
                    _ => p,
                };
                parent = Some(p);
            }
            nodes[i].parent = parent;
            depth.push(parent.map_or(0, |p| depth[p] + 1));
        }
        let child_list = index_children(&mut nodes);
        Ok(Snapshot {
            url,
            title,
            lang,
            nodes,
            tags,
            store,
            child_list,
        })
    }

    /// Back to the wire form (used by the native HTML loader's tests and the CLI's `--snapshot`).
    pub fn to_wire(&self) -> WireSnapshot {
        WireSnapshot {
            v: 1,
            url: self.url.clone(),
            title: self.title.clone(),
            lang: self.lang.clone(),
            nodes: self
                .ids()
                .map(|id| {
                    let n = &self.nodes[id];
                    let mut attrs: BTreeMap<String, String> = self
                        .node_attrs(n)
                        .iter()
                        .map(|(k, v)| {
                            (
                                KEPT_ATTRIBUTES[*k as usize].to_string(),
                                self.store.get(*v).to_string(),
                            )
                        })
                        .collect();
                    if let Some(a) = n.automation_id {
                        attrs.insert(
                            KEPT_ATTRIBUTES[AUTOMATION_ID as usize].into(),
                            self.store.get(a).to_string(),
                        );
                    }
                    WireNode {
                        parent: n.parent,
                        tag: self.tag(id).map(str::to_string),
                        attrs,
                        text: n.text.map(|t| self.store.get(t).to_string()),
                    }
                })
                .collect(),
        }
    }

    fn node_attrs(&self, n: &Node) -> &[(u8, Span)] {
        &self.store.attrs[n.attr_start..n.attr_start + n.attr_count as usize]
    }

    /// The value of attribute `i` (an index into [`KEPT_ATTRIBUTES`]) of `id`.
    fn attr_at(&self, id: NodeId, i: u8) -> Option<&str> {
        let n = self.nodes.get(id)?;
        let span = if i == AUTOMATION_ID {
            n.automation_id?
        } else {
            self.node_attrs(n).iter().find(|(k, _)| *k == i)?.1
        };
        Some(self.store.get(span))
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// All node ids in document order.
    pub fn ids(&self) -> std::ops::Range<NodeId> {
        0..self.nodes.len()
    }

    pub fn tag(&self, id: NodeId) -> Option<&str> {
        let t = self.nodes.get(id)?.tag;
        (t != NO_TAG).then(|| &*self.tags.0[t as usize])
    }

    pub fn is_element(&self, id: NodeId) -> bool {
        self.nodes.get(id).is_some_and(|n| n.tag != NO_TAG)
    }

    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.attr_at(id, attr_index(name)?)
    }

    pub fn automation_id(&self, id: NodeId) -> Option<&str> {
        Some(self.store.get(self.nodes.get(id)?.automation_id?))
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes.get(id)?.parent
    }

    pub fn children(&self, id: NodeId) -> &[NodeId] {
        self.nodes
            .get(id)
            .map(|n| &self.child_list[n.first_child..n.first_child + n.child_count])
            .unwrap_or(&[])
    }

    pub fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id)
            .iter()
            .copied()
            .filter(|c| self.is_element(*c))
    }

    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |p| self.parent(*p))
    }

    /// Descendants in document order, not including `id` itself. Pre-order storage makes this a
    /// contiguous range: it ends at the first node whose ancestry leaves `id`.
    pub fn descendants(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let end = self.subtree_end(id);
        (id + 1)..end
    }

    /// One past the last node of `id`'s subtree.
    pub fn subtree_end(&self, id: NodeId) -> NodeId {
        self.nodes.get(id).map_or(id + 1, |n| n.end)
    }

    /// True when `id` itself is `aria-hidden="true"` (a flag read without an attribute lookup).
    pub fn is_aria_hidden(&self, id: NodeId) -> bool {
        self.nodes.get(id).is_some_and(|n| n.hidden)
    }

    /// True when `id` or an ancestor is `aria-hidden="true"` (Workday's "ghost" label copies).
    pub fn is_hidden(&self, id: NodeId) -> bool {
        std::iter::once(id)
            .chain(self.ancestors(id))
            .any(|n| self.is_aria_hidden(n))
    }

    /// The text of a node and its descendants, skipping `aria-hidden` subtrees, with white space
    /// folded to single spaces and trimmed (as [`fold_whitespace`] of the concatenation, folded
    /// as it is gathered).
    pub fn text(&self, id: NodeId) -> String {
        let mut out = Folded::default();
        self.push_text(id, &mut out);
        out.text
    }

    /// Iterative (pages can be deep): walks the pre-order range, jumping over hidden subtrees.
    fn push_text(&self, id: NodeId, out: &mut Folded) {
        let end = self.subtree_end(id).min(self.nodes.len());
        let mut n = id;
        while n < end {
            let node = &self.nodes[n];
            if node.hidden {
                n = self.subtree_end(n);
                continue;
            }
            if let Some(t) = node.text {
                out.push(self.store.get(t));
            } else if matches!(
                self.tag(n),
                Some("br" | "p" | "div" | "li" | "tr" | "td" | "th")
            ) {
                out.push(" ");
            }
            n += 1;
        }
    }

    /// Elements whose `data-automation-id` equals one of `ids`, in document order.
    pub fn by_automation_id<'a>(&'a self, ids: &'a [&'a str]) -> impl Iterator<Item = NodeId> + 'a {
        self.ids()
            .filter(move |&n| self.automation_id(n).is_some_and(|a| ids.contains(&a)))
    }

    /// Like [`Snapshot::by_automation_id`] but within `root`'s subtree.
    pub fn by_automation_id_in<'a>(
        &'a self,
        root: NodeId,
        ids: &'a [&'a str],
    ) -> impl Iterator<Item = NodeId> + 'a {
        self.descendants(root)
            .filter(move |&n| self.automation_id(n).is_some_and(|a| ids.contains(&a)))
    }

    /// Elements whose `data-automation-id` starts with `prefix`.
    pub fn by_automation_id_prefix<'a>(
        &'a self,
        root: NodeId,
        prefix: &'a str,
    ) -> impl Iterator<Item = NodeId> + 'a {
        self.descendants(root)
            .filter(move |&n| self.automation_id(n).is_some_and(|a| a.starts_with(prefix)))
    }

    pub fn by_role<'a>(&'a self, root: NodeId, role: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        self.descendants(root)
            .filter(move |&n| self.attr(n, "role") == Some(role))
    }

    pub fn by_tag<'a>(&'a self, root: NodeId, tag: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        self.descendants(root)
            .filter(move |&n| self.tag(n) == Some(tag))
    }

    /// The root node (0), if there is one.
    pub fn root(&self) -> Option<NodeId> {
        if self.nodes.is_empty() {
            None
        } else {
            Some(0)
        }
    }
}

/// The streaming decoder behind [`Snapshot::from_json`]: serde visitors that read the wire JSON
/// (module docs) node by node into [`Node`]s. Keys and tags are matched on the borrowed text, and
/// kept values and texts are copied into the [`Store`]'s one buffer: no allocation per node.
mod wire_decode {
    use super::{attr_index, Node, Span, Store, Tags, MAX_NODES};
    use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
    use std::fmt;

    pub(super) struct Decoded {
        pub v: u32,
        pub url: String,
        pub title: String,
        pub lang: String,
        pub nodes: Vec<Node>,
        pub tags: Tags,
        pub store: Store,
        /// Nodes on the wire; past [`MAX_NODES`] they are counted, not kept.
        pub count: usize,
    }

    pub(super) struct SnapshotVisitor;

    impl<'de> Visitor<'de> for SnapshotVisitor {
        type Value = Decoded;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a snapshot object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Decoded, A::Error> {
            let mut d = Decoded {
                v: 1,
                url: String::new(),
                title: String::new(),
                lang: String::new(),
                nodes: Vec::new(),
                tags: Tags::default(),
                store: Store::default(),
                count: 0,
            };
            let mut seen_nodes = false;
            while let Some(key) = map.next_key::<Key>()? {
                match key.0 {
                    Some("v") => d.v = map.next_value()?,
                    Some("url") => d.url = map.next_value()?,
                    Some("title") => d.title = map.next_value()?,
                    Some("lang") => d.lang = map.next_value()?,
                    Some("nodes") => {
                        seen_nodes = true;
                        map.next_value_seed(NodesSeed(&mut d))?;
                    }
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
            if !seen_nodes {
                return Err(de::Error::missing_field("nodes"));
            }
            Ok(d)
        }
    }

    /// An object key, matched against the few the wire uses without allocating.
    struct Key(Option<&'static str>);

    impl<'de> de::Deserialize<'de> for Key {
        fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl Visitor<'_> for V {
                type Value = Key;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a key")
                }
                fn visit_str<E: de::Error>(self, s: &str) -> Result<Key, E> {
                    Ok(Key(match s {
                        "v" => Some("v"),
                        "url" => Some("url"),
                        "title" => Some("title"),
                        "lang" => Some("lang"),
                        "nodes" => Some("nodes"),
                        "p" => Some("p"),
                        "t" => Some("t"),
                        "a" => Some("a"),
                        "x" => Some("x"),
                        _ => None,
                    }))
                }
            }
            d.deserialize_str(V)
        }
    }

    struct NodesSeed<'a>(&'a mut Decoded);

    impl<'de> DeserializeSeed<'de> for NodesSeed<'_> {
        type Value = ();
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_seq(self)
        }
    }

    impl<'de> Visitor<'de> for NodesSeed<'_> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of nodes")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let d = self.0;
            d.nodes = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_NODES));
            loop {
                if d.count < MAX_NODES {
                    match seq.next_element_seed(NodeSeed(&mut d.tags, &mut d.store))? {
                        Some(node) => d.nodes.push(node),
                        None => break,
                    }
                } else if seq.next_element::<IgnoredAny>()?.is_none() {
                    break;
                }
                d.count += 1;
            }
            Ok(())
        }
    }

    struct NodeSeed<'a>(&'a mut Tags, &'a mut Store);

    impl<'de> DeserializeSeed<'de> for NodeSeed<'_> {
        type Value = Node;
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
            d.deserialize_map(self)
        }
    }

    impl<'de> Visitor<'de> for NodeSeed<'_> {
        type Value = Node;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a node object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
            let mut node = Node::new(None, self.1);
            while let Some(key) = map.next_key::<Key>()? {
                match key.0 {
                    Some("p") => node.parent = map.next_value()?,
                    Some("t") => {
                        node.tag = map
                            .next_value_seed(TagSeed(self.0))?
                            .unwrap_or(super::NO_TAG)
                    }
                    Some("a") => map.next_value_seed(AttrsSeed(&mut node, self.1))?,
                    Some("x") => node.text = map.next_value_seed(TextSeed(self.1))?,
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
            Ok(node)
        }
    }

    /// A tag name (or null), interned.
    struct TagSeed<'a>(&'a mut Tags);

    impl<'de> DeserializeSeed<'de> for TagSeed<'_> {
        type Value = Option<u16>;
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Option<u16>, D::Error> {
            d.deserialize_option(self)
        }
    }

    impl<'de> Visitor<'de> for TagSeed<'_> {
        type Value = Option<u16>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a tag name")
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<u16>, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<u16>, E> {
            Ok(None)
        }
        fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Option<u16>, D::Error> {
            d.deserialize_str(self)
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<Option<u16>, E> {
            Ok(Some(self.0.intern(s)))
        }
    }

    /// A text (or null), copied into the store.
    struct TextSeed<'a>(&'a mut Store);

    impl<'de> DeserializeSeed<'de> for TextSeed<'_> {
        type Value = Option<Span>;
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Option<Span>, D::Error> {
            d.deserialize_option(self)
        }
    }

    impl<'de> Visitor<'de> for TextSeed<'_> {
        type Value = Option<Span>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<Span>, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<Span>, E> {
            Ok(None)
        }
        fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Option<Span>, D::Error> {
            d.deserialize_str(self)
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<Option<Span>, E> {
            Ok(Some(self.0.push(s)))
        }
    }

    /// An attribute value (a string, never null), handed over borrowed.
    struct ValueSeed<'a, 'n>(&'a mut Store, &'n mut Node, u8);

    impl<'de> DeserializeSeed<'de> for ValueSeed<'_, '_> {
        type Value = ();
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_str(self)
        }
    }

    impl<'de> Visitor<'de> for ValueSeed<'_, '_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
            self.0.set_attr_at(self.1, self.2, s);
            Ok(())
        }
    }

    /// The `a` object: kept names become indexes, other names are skipped unread.
    struct AttrsSeed<'a>(&'a mut Node, &'a mut Store);

    impl<'de> DeserializeSeed<'de> for AttrsSeed<'_> {
        type Value = ();
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_map(self)
        }
    }

    impl<'de> Visitor<'de> for AttrsSeed<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an attribute object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(AttrName(i)) = map.next_key()? {
                match i {
                    Some(i) => map.next_value_seed(ValueSeed(&mut *self.1, &mut *self.0, i))?,
                    None => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
            Ok(())
        }
    }

    struct AttrName(Option<u8>);

    impl<'de> de::Deserialize<'de> for AttrName {
        fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl Visitor<'_> for V {
                type Value = AttrName;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("an attribute name")
                }
                fn visit_str<E: de::Error>(self, s: &str) -> Result<AttrName, E> {
                    Ok(AttrName(attr_index(s)))
                }
            }
            d.deserialize_str(V)
        }
    }
}

/// Folds runs of white space (including NBSP, which Workday uses between label words) into one
/// space and trims.
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for ch in s.chars() {
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(ch);
        }
    }
    out
}

/// [`fold_whitespace`] as a stream: pieces pushed one after another fold exactly as their
/// concatenation would, without building the unfolded text first.
#[derive(Default)]
struct Folded {
    text: String,
    pending_space: bool,
}

impl Folded {
    fn push(&mut self, piece: &str) {
        for ch in piece.chars() {
            if ch.is_whitespace() {
                self.pending_space = !self.text.is_empty();
            } else {
                if self.pending_space {
                    self.text.push(' ');
                    self.pending_space = false;
                }
                self.text.push(ch);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Snapshot {
        Snapshot::from_json(
            r#"{"v":1,"url":"https://x","title":"T","nodes":[
                {"t":"body"},
                {"p":0,"t":"div","a":{"data-automation-id":"formLabel"}},
                {"p":1,"x":"Client "},
                {"p":1,"t":"b"},
                {"p":3,"x":"ID"},
                {"p":0,"t":"span","a":{"aria-hidden":"true"}},
                {"p":5,"x":"ghost"}
            ]}"#,
        )
        .unwrap()
    }

    #[test]
    fn text_keeps_order_and_skips_hidden() {
        let s = sample();
        assert_eq!(s.text(1), "Client ID");
        assert_eq!(s.text(0), "Client ID");
        assert!(s.is_hidden(6));
    }

    #[test]
    fn descendants_are_a_contiguous_range() {
        let s = sample();
        assert_eq!(s.descendants(1).collect::<Vec<_>>(), vec![2, 3, 4]);
        assert_eq!(s.descendants(0).count(), 6);
    }

    #[test]
    fn attr_index_follows_kept_attributes() {
        for (i, name) in KEPT_ATTRIBUTES.iter().enumerate() {
            assert_eq!(attr_index(name), Some(i as u8), "{name}");
        }
        assert_eq!(attr_index("class"), None);
        assert_eq!(attr_index("ROLE"), None);
    }

    #[test]
    fn a_parent_after_its_child_is_refused() {
        let e = Snapshot::from_json(r#"{"nodes":[{"t":"a","p":0}]}"#).unwrap_err();
        assert_eq!(e, SnapshotError::BadParent { node: 0 });
    }

    #[test]
    fn nesting_beyond_max_depth_is_flattened_in_order() {
        let depth = MAX_DEPTH + 100;
        let mut nodes: Vec<WireNode> = (0..depth)
            .map(|i| WireNode {
                parent: i.checked_sub(1),
                tag: Some("div".into()),
                attrs: BTreeMap::new(),
                text: None,
            })
            .collect();
        nodes.push(WireNode {
            parent: Some(depth - 1),
            tag: None,
            attrs: BTreeMap::new(),
            text: Some("deep".into()),
        });
        let s = Snapshot::from_wire(WireSnapshot {
            v: 1,
            nodes,
            ..Default::default()
        })
        .unwrap();
        let deepest = s.ids().map(|n| s.ancestors(n).count()).max().unwrap();
        assert_eq!(deepest, MAX_DEPTH);
        assert_eq!(s.text(0), "deep");
        assert_eq!(s.descendants(0).count(), depth);
        // The flattened form is stable: decoding its own wire form changes nothing.
        let again = Snapshot::from_wire(s.to_wire()).unwrap();
        assert_eq!(again.to_wire(), s.to_wire());
    }

    #[test]
    fn bad_json_is_an_error_not_a_panic() {
        assert!(matches!(
            Snapshot::from_json("{"),
            Err(SnapshotError::Json(_))
        ));
        assert!(matches!(
            Snapshot::from_json(r#"{"v":9,"nodes":[]}"#),
            Err(SnapshotError::UnsupportedVersion(9))
        ));
    }
}
