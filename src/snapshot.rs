//! The page snapshot: the one input every recogniser reads. In the extension the content script
//! (`extension/snapshot.js`) builds it from the live DOM; natively [`crate::html`] builds the same
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
//! document order. A JSON string crosses the wasm boundary rather than a JS object because
//! `JSON.stringify` plus `serde_json` is far cheaper than a property-by-property conversion for
//! pages of 100 000 nodes.

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
pub struct WireNode {
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    #[serde(rename = "t", default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(rename = "a", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, String>,
    #[serde(rename = "x", default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
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
            SnapshotError::TooDeep { depth } => write!(
                f,
                "the page nests elements {depth} levels deep, more than the {MAX_DEPTH} wdcap reads"
            ),
        }
    }
}

impl std::error::Error for SnapshotError {}

#[derive(Debug, Clone)]
struct Node {
    parent: Option<NodeId>,
    tag: Option<String>,
    attrs: BTreeMap<String, String>,
    text: Option<String>,
    children: Vec<NodeId>,
}

/// A page as the recognisers see it: an element tree with a few attributes and the text.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub url: String,
    pub title: String,
    pub lang: String,
    nodes: Vec<Node>,
}

impl Snapshot {
    pub fn from_json(json: &str) -> Result<Self, SnapshotError> {
        let wire: WireSnapshot =
            serde_json::from_str(json).map_err(|e| SnapshotError::Json(e.to_string()))?;
        Self::from_wire(wire)
    }

    pub fn from_wire(wire: WireSnapshot) -> Result<Self, SnapshotError> {
        if wire.v != 1 {
            return Err(SnapshotError::UnsupportedVersion(wire.v));
        }
        if wire.nodes.len() > MAX_NODES {
            return Err(SnapshotError::TooLarge(wire.nodes.len()));
        }
        let mut nodes: Vec<Node> = Vec::with_capacity(wire.nodes.len());
        let mut depth: Vec<u32> = Vec::with_capacity(wire.nodes.len());
        for (i, n) in wire.nodes.into_iter().enumerate() {
            let mut parent = n.parent;
            if let Some(p) = parent {
                if p >= i {
                    return Err(SnapshotError::BadParent { node: i });
                }
                // Flatten beyond MAX_DEPTH: a node at the cap takes no children; they go to its
                // parent, which keeps the pre-order layout (see MAX_DEPTH).
                let p = match nodes[p].parent {
                    Some(up) if depth[p] as usize >= MAX_DEPTH => up,
                    _ => p,
                };
                nodes[p].children.push(i);
                parent = Some(p);
            }
            depth.push(parent.map_or(0, |p| depth[p] + 1));
            nodes.push(Node {
                parent,
                tag: n.tag.map(|t| t.to_ascii_lowercase()),
                attrs: n.attrs,
                text: n.text,
                children: Vec::new(),
            });
        }
        Ok(Snapshot {
            url: wire.url,
            title: wire.title,
            lang: wire.lang,
            nodes,
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
                .nodes
                .iter()
                .map(|n| WireNode {
                    parent: n.parent,
                    tag: n.tag.clone(),
                    attrs: n.attrs.clone(),
                    text: n.text.clone(),
                })
                .collect(),
        }
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
        self.nodes.get(id)?.tag.as_deref()
    }

    pub fn is_element(&self, id: NodeId) -> bool {
        self.tag(id).is_some()
    }

    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.nodes.get(id)?.attrs.get(name).map(String::as_str)
    }

    pub fn automation_id(&self, id: NodeId) -> Option<&str> {
        self.attr(id, "data-automation-id")
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes.get(id)?.parent
    }

    pub fn children(&self, id: NodeId) -> &[NodeId] {
        self.nodes
            .get(id)
            .map(|n| n.children.as_slice())
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
        let mut last = id;
        while let Some(&c) = self.nodes.get(last).and_then(|n| n.children.last()) {
            last = c;
        }
        last + 1
    }

    /// True when `id` or an ancestor is `aria-hidden="true"` (Workday's "ghost" label copies).
    pub fn is_hidden(&self, id: NodeId) -> bool {
        std::iter::once(id)
            .chain(self.ancestors(id))
            .any(|n| self.attr(n, "aria-hidden") == Some("true"))
    }

    /// The text of a node and its descendants, skipping `aria-hidden` subtrees, with white space
    /// folded to single spaces and trimmed.
    pub fn text(&self, id: NodeId) -> String {
        let mut out = String::new();
        self.push_text(id, &mut out);
        fold_whitespace(&out)
    }

    /// Iterative (pages can be deep): walks the pre-order range, jumping over hidden subtrees.
    fn push_text(&self, id: NodeId, out: &mut String) {
        let end = self.subtree_end(id).min(self.nodes.len());
        let mut n = id;
        while n < end {
            let node = &self.nodes[n];
            if node.attrs.get("aria-hidden").map(String::as_str) == Some("true") {
                n = self.subtree_end(n);
                continue;
            }
            if let Some(t) = &node.text {
                out.push_str(t);
            } else if matches!(
                node.tag.as_deref(),
                Some("br" | "p" | "div" | "li" | "tr" | "td" | "th")
            ) {
                out.push(' ');
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
