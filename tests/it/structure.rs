//! A page's structure for a bug report (`wdcap::report::structure`): every text and attribute
//! value shaped, titles, labels, hooks and roles kept. It never holds a captured value or a
//! secret planted on the page (in text, in a `title`, in an input's value, in a link's query, in
//! a copy action), and it is still a page the recognisers read: `wdcap scan` takes it and finds
//! the same page, so a bug report's structure works as a fixture.

use std::path::{Path, PathBuf};
use std::process::Command;
use wdcap::analysis;
use wdcap::model::options::Options;
use wdcap::pages::labels;
use wdcap::pages::{self, Page};
use wdcap::snapshot::html::snapshot_from_html;
use wdcap::snapshot::Snapshot;

use super::unclaimed::{fixture, PLANTED};

fn pages_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages")
}

/// Every page fixture, both builds.
fn page_fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(pages_root()).unwrap().flatten() {
        for f in std::fs::read_dir(dir.path()).unwrap().flatten() {
            if f.path().extension().is_some_and(|e| e == "html") {
                out.push(f.path());
            }
        }
    }
    out.sort();
    out
}

fn structure_of(path: &Path) -> (Snapshot, String) {
    let snapshot = snapshot_from_html(&std::fs::read_to_string(path).unwrap(), None);
    let json = serde_json::to_string(&analysis::page_structure(&snapshot)).unwrap();
    (snapshot, json)
}

#[test]
fn planted_secrets_of_every_kind_and_the_captured_urls_are_nowhere_in_the_structure() {
    for name in ["details.html", "details.newer.html"] {
        let (snapshot, json) = structure_of(&fixture(name));
        for planted in PLANTED {
            assert!(!json.contains(planted), "{name}: {planted} in {json}");
        }
        for p in analysis::analyse_snapshot(&snapshot, &Options::default()).params {
            assert!(
                !json.contains(p.raw()),
                "{name}: captured {} in the structure",
                p.raw()
            );
        }
        // What names things stays; values become their shapes.
        for kept in [
            "View Integration System",
            "Client Secret",
            "formLabel",
            "textView",
            "copyUrl",
        ] {
            assert!(json.contains(kept), "{name}: {kept} missing");
        }
        for shape in ["‹SOAP URL›", "‹RaaS URL›", "‹base64 44›", "‹text 18›"] {
            assert!(json.contains(shape), "{name}: no {shape} in {json}");
        }
    }
}

#[test]
fn every_page_fixture_s_structure_holds_none_of_its_values_and_is_still_its_page() {
    let fixtures = page_fixtures();
    assert!(fixtures.len() >= 32, "{} fixtures", fixtures.len());
    let mut recognised = 0;
    let mut pages_with_values = 0;
    for path in &fixtures {
        let (snapshot, json) = structure_of(path);
        let report = analysis::analyse_snapshot(&snapshot, &Options::default());
        if !report.params.is_empty() {
            pages_with_values += 1;
        }
        for p in &report.params {
            let v = p.raw().trim();
            if v.chars().count() >= 6 {
                assert!(
                    !json.contains(v),
                    "{}: {} ({}) in the structure",
                    path.display(),
                    p.kind,
                    v
                );
            }
        }
        let wire: wdcap::snapshot::WireSnapshot = serde_json::from_str(&json).unwrap();
        let again = Snapshot::from_wire(wire).unwrap();
        let before = pages::recognise(&Page::new(&snapshot)).map(|c| c.page);
        let after = pages::recognise(&Page::new(&again)).map(|c| c.page);
        // A page known by its title is still known; one known only by the shapes of the values
        // it shows (a report's URLs under the report's own name) is not: those are shaped.
        let by_title = before
            .and_then(labels::title_of)
            .is_some_and(|title| Page::new(&snapshot).active_title_is(title));
        if by_title {
            assert_eq!(
                after,
                before,
                "{}: the structure is not read as the same page",
                path.display()
            );
            recognised += 1;
        }
    }
    assert!(
        recognised >= 30 && pages_with_values >= 20,
        "{recognised} recognised, {pages_with_values} with values"
    );
}

#[test]
fn wdcap_snapshot_structure_writes_a_file_wdcap_scan_reads_as_the_same_page() {
    let page = pages_root().join("register_api_client/result_plain.newer.html");
    let out = Command::new(env!("CARGO_BIN_EXE_wdcap"))
        .args(["snapshot", "--structure"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains("1cbfno6b9m80o2rak1vrjnvgfygwwqc38hyf9"),
        "the client secret"
    );
    let file = std::env::temp_dir().join(format!("wdcap-structure-{}.json", std::process::id()));
    std::fs::write(&file, &text).unwrap();
    let scan = Command::new(env!("CARGO_BIN_EXE_wdcap"))
        .args(["scan", "--json"])
        .arg(&file)
        .output()
        .unwrap();
    std::fs::remove_file(&file).ok();
    let report: serde_json::Value = serde_json::from_slice(&scan.stdout).unwrap();
    assert_eq!(report["page"], "register_api_client", "{report}");
}
