//! The extension's snapshotter (`extension/content/snapshot.js`) and the native HTML loader
//! (`src/snapshot/html.rs`) must keep the same attributes and skip the same elements, or a page would
//! read differently in the browser and in `wdcap scan`. This reads the lists out of the JS
//! source and compares them with the Rust constants.

use std::collections::BTreeSet;

fn js_set(source: &str, name: &str) -> BTreeSet<String> {
    let start = source
        .find(&format!("export const {name} = new Set(["))
        .unwrap_or_else(|| panic!("snapshot.js no longer defines {name} as a Set literal"));
    let body = &source[start..];
    let open = body.find('[').unwrap() + 1;
    let close = body.find("])").unwrap();
    // Line comments inside the literal (they may hold commas) are not items.
    let items: String = body[open..close]
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    items
        .split(',')
        .map(|item| item.trim().trim_matches(['\'', '"']).to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

fn rust_set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn kept_attributes_and_skipped_tags_agree() {
    let js = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/extension/content/snapshot.js"
    ))
    .unwrap();
    assert_eq!(
        js_set(&js, "KEPT_ATTRIBUTES"),
        rust_set(wdcap::snapshot::KEPT_ATTRIBUTES)
    );
    assert_eq!(
        js_set(&js, "SKIPPED_TAGS"),
        rust_set(wdcap::snapshot::html::SKIPPED_TAGS)
    );
}

#[test]
fn the_extensions_own_marks_are_not_page_content() {
    // As a page saved while the marks show holds them: an empty built-in host (its closed shadow
    // root, with the badge, is not saved).
    let s = wdcap::snapshot::html::snapshot_from_html(
        "<html><body><div data-automation-id=\"textView\">value<span aria-hidden=\"true\" style=\"display: inline-block !important;\"></span></div></body></html>",
        None,
    );
    let text = s.root().map(|r| s.text(r)).unwrap_or_default();
    assert_eq!(text, "value");
}
