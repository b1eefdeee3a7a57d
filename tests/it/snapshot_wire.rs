//! The snapshot wire format's shape (src/snapshot/ module docs): a pre-order list of nodes,
//! the root first, each other node naming a parent that precedes it. The recognisers read a subtree as a
//! contiguous range of that list, so a list that is not in pre-order would give them wrong
//! descendants (a later sibling read as a child). Both decoders (`from_json`, the extension's
//! path through wasm, and `from_wire`, the native one) must refuse such a list with a clear
//! error, never a panic, and keep accepting every list a snapshotter writes.

use wdcap::snapshot::{Snapshot, SnapshotError, WireSnapshot};

/// A wire snapshot from `(parent, tag or text)` pairs: `Some(tag)` an element, `None` a text.
fn json(nodes: &[(Option<usize>, &str)]) -> String {
    let nodes: Vec<String> = nodes
        .iter()
        .map(|(p, t)| {
            let p = p.map(|p| format!("\"p\":{p},")).unwrap_or_default();
            if let Some(text) = t.strip_prefix('#') {
                format!("{{{p}\"x\":\"{text}\"}}")
            } else {
                format!("{{{p}\"t\":\"{t}\"}}")
            }
        })
        .collect();
    format!(
        "{{\"v\":1,\"url\":\"https://wd5.myworkday.com/acme/d/task/1.htmld\",\"nodes\":[{}]}}",
        nodes.join(",")
    )
}

/// Decodes through both paths; they must agree.
fn decode(nodes: &[(Option<usize>, &str)]) -> Result<Snapshot, SnapshotError> {
    let text = json(nodes);
    let wire: WireSnapshot = serde_json::from_str(&text).expect("well-formed JSON");
    let a = Snapshot::from_json(&text);
    let b = Snapshot::from_wire(wire);
    match (&a, &b) {
        (Ok(x), Ok(y)) => assert_eq!(x.to_wire(), y.to_wire(), "{text}"),
        (Err(x), Err(y)) => assert_eq!(x, y, "{text}"),
        _ => panic!("the decoders disagree on {text}: {a:?} / {b:?}"),
    }
    a
}

/// Every node's descendant range holds exactly the nodes whose parent chain reaches it.
fn ranges_match_parents(s: &Snapshot) {
    for id in s.ids() {
        let by_range: Vec<usize> = s.descendants(id).collect();
        let by_parents: Vec<usize> = s
            .ids()
            .filter(|&j| s.ancestors(j).any(|a| a == id))
            .collect();
        assert_eq!(by_range, by_parents, "descendants of node {id}");
    }
}

#[test]
fn lists_in_pre_order_are_read() {
    let s = decode(&[
        (None, "body"),
        (Some(0), "div"),
        (Some(1), "span"),
        (Some(2), "#Client ID"),
        (Some(1), "span"),
        (Some(0), "div"),
        (Some(5), "#x"),
    ])
    .expect("pre-order");
    ranges_match_parents(&s);
    assert_eq!(s.descendants(1).collect::<Vec<_>>(), vec![2, 3, 4]);
    let empty = decode(&[]).expect("an empty page is valid");
    assert!(empty.is_empty());
}

#[test]
fn a_child_after_a_later_sibling_is_refused() {
    // Node 3 names node 1 as its parent, but node 2 (node 1's later sibling) came between:
    // read as ranges, node 2 would be node 1's descendant.
    let err = decode(&[
        (None, "body"),
        (Some(0), "div"),
        (Some(0), "div"),
        (Some(1), "#Client ID"),
    ])
    .unwrap_err();
    assert_eq!(err, SnapshotError::NotPreOrder { node: 3 });
    assert!(err.to_string().contains("pre-order"), "{err}");
    // The same deeper down: back to a grandparent's earlier child.
    let err = decode(&[
        (None, "body"),
        (Some(0), "div"),
        (Some(1), "span"),
        (Some(1), "span"),
        (Some(0), "div"),
        (Some(3), "b"),
    ])
    .unwrap_err();
    assert_eq!(err, SnapshotError::NotPreOrder { node: 5 });
}

#[test]
fn a_later_root_starts_a_tree_of_its_own() {
    // A forest in pre-order keeps every subtree contiguous; the first tree is the page.
    let s = decode(&[
        (None, "body"),
        (Some(0), "div"),
        (None, "div"),
        (Some(2), "#x"),
    ])
    .expect("a pre-order forest");
    ranges_match_parents(&s);
    assert_eq!(s.descendants(0).collect::<Vec<_>>(), vec![1]);
    // A node cannot go back into the first tree after the second has started.
    let err = decode(&[
        (None, "body"),
        (Some(0), "div"),
        (None, "div"),
        (Some(1), "#x"),
    ])
    .unwrap_err();
    assert_eq!(err, SnapshotError::NotPreOrder { node: 3 });
}

#[test]
fn a_parent_that_does_not_precede_is_still_refused() {
    for nodes in [
        vec![(Some(0), "body")],
        vec![(None, "body"), (Some(1), "div")],
        vec![(None, "body"), (Some(2), "div"), (Some(0), "div")],
        vec![(None, "body"), (Some(usize::MAX >> 12), "div")],
    ] {
        let err = decode(&nodes).unwrap_err();
        assert!(
            matches!(err, SnapshotError::BadParent { .. }),
            "{nodes:?}: {err:?}"
        );
    }
}

#[test]
fn deep_pages_stay_flattened_and_in_pre_order() {
    // Deeper than MAX_DEPTH: the flattening keeps the layout pre-order, so nothing is refused.
    let mut nodes: Vec<(Option<usize>, &str)> = vec![(None, "body")];
    for i in 0..600 {
        nodes.push((Some(i), "div"));
    }
    nodes.push((Some(300), "#back up"));
    let s = decode(&nodes).expect("a deep chain is valid");
    ranges_match_parents(&s);
}
