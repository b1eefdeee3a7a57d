//! Guard (native): every page fixture is in the browser tests' list. `tests/browser.rs` runs only
//! under wasm32 and must name each fixture literally (`include_str!`), so a fixture left out of
//! `browser_fixtures! { … }` would silently go untested in the browser; this test fails instead.
//!
//! Adding a fixture `tests/fixtures/pages/<page_id>/<name>.html`: give it its newer-build twin
//! `<name>.newer.html` (docs/pages.md) and its `<name>.expected.json` sidecar, and add the line
//! `"<page_id>/<name>",` to `browser_fixtures!` in `tests/browser.rs` (one line takes both
//! twins).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `<page_id>/<name>` of every `.html` under `dir` (recursively), `/`-separated.
fn html_fixtures(dir: &Path, prefix: &str, out: &mut BTreeSet<String>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_else(|| panic!("{}: file names are UTF-8", path.display()));
        if path.is_dir() {
            html_fixtures(&path, &format!("{prefix}{name}/"), out);
        } else if let Some(stem) = name.strip_suffix(".html") {
            out.insert(format!("{prefix}{stem}"));
        }
    }
}

/// The string literals inside the `browser_fixtures! { … }` invocation of `tests/browser.rs`
/// (comments skipped).
fn listed_fixtures(source: &str) -> Vec<String> {
    let start = source
        .find("\nbrowser_fixtures! {")
        .expect("tests/browser.rs invokes `browser_fixtures! { … }` at the start of a line");
    let body = &source[start..];
    let body = &body[body.find('{').expect("an opening brace") + 1..];
    let body = &body[..body.find('}').expect("a closing brace")];
    let mut names = Vec::new();
    for line in body.lines() {
        let line = line.split("//").next().unwrap_or_default();
        let mut rest = line;
        while let Some(open) = rest.find('"') {
            let after = &rest[open + 1..];
            let close = after
                .find('"')
                .expect("string literals close on their line");
            names.push(after[..close].to_string());
            rest = &after[close + 1..];
        }
    }
    names
}

#[test]
fn every_page_fixture_is_in_the_browser_test_list() {
    let root = manifest_dir();
    let mut on_disk = BTreeSet::new();
    html_fixtures(&root.join("tests/fixtures/pages"), "", &mut on_disk);
    assert!(!on_disk.is_empty(), "no page fixtures found");

    // A newer-build twin is taken with its older fixture's line.
    let newer: BTreeSet<String> = on_disk
        .iter()
        .filter_map(|n| n.strip_suffix(".newer").map(str::to_string))
        .collect();
    on_disk.retain(|n| !n.ends_with(".newer"));
    let untwinned: Vec<_> = on_disk.symmetric_difference(&newer).collect();
    assert!(
        untwinned.is_empty(),
        "page fixtures without their twin in the other build (`<name>.html` and \
         `<name>.newer.html`, docs/pages.md): {untwinned:?}"
    );

    let source = fs::read_to_string(root.join("tests/browser.rs")).expect("read tests/browser.rs");
    let listed = listed_fixtures(&source);
    let listed_set: BTreeSet<String> = listed.iter().cloned().collect();
    assert_eq!(
        listed.len(),
        listed_set.len(),
        "a fixture is listed twice: {listed:?}"
    );

    let missing: Vec<_> = on_disk.difference(&listed_set).collect();
    assert!(
        missing.is_empty(),
        "page fixtures missing from `browser_fixtures!` in tests/browser.rs (add one line \
         \"<page_id>/<name>\", each): {missing:?}"
    );
    let stale: Vec<_> = listed_set.difference(&on_disk).collect();
    assert!(
        stale.is_empty(),
        "listed in tests/browser.rs but not on disk: {stale:?}"
    );

    let pages = root.join("tests/fixtures/pages");
    let no_sidecar: Vec<_> = on_disk
        .iter()
        .filter(|name| !pages.join(format!("{name}.expected.json")).is_file())
        .collect();
    assert!(
        no_sidecar.is_empty(),
        "page fixtures without their <name>.expected.json sidecar (the native pages test \
         writes it): {no_sidecar:?}"
    );
}

#[test]
fn the_list_parser_reads_literals_and_skips_comments() {
    let source = "x\nbrowser_fixtures! {\n    \"a/b\",\n    // \"c/d\",\n    \"e/f\", // note\n}\n";
    assert_eq!(listed_fixtures(source), ["a/b", "e/f"]);
}
