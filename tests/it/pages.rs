//! The Workday page recognisers against their fixtures (`tests/fixtures/pages/<page_id>/*.html`):
//!
//! - **two builds of every page** (docs/pages.md): `<name>.html` is a page in the older build of
//!   Workday's UI, `<name>.newer.html` the same page in the newer build's markup; the twins
//!   share one sidecar;
//! - **fixture expectations**: each fixture's analysis (`Report::view(true)`, default options)
//!   equals its sidecar `<name>.expected.json`; a newer twin's equals it too, but for the
//!   snapshot node index of each value (its DOM is another), which must be present where the
//!   older build's is. `WDCAP_BLESS=1` rewrites the sidecars from the older fixtures (review
//!   every diff: the sidecars are the spec). The browser tests compare the same sidecars;
//! - **cross-matrix** (as github-url-detection does): every recogniser accepts each of its own
//!   fixtures and rejects every other page's, popups included (a popup is its own page; the
//!   page beneath it is not claimed while it is open); the analysis names the same page, except
//!   for a page still loading (its sidecar says `busy`), which it does not read at all;
//! - **conventions**: every registered recogniser has a fixture directory with two or more
//!   fixtures in both builds (every fixture has its twin in the other build), Workday-shaped
//!   example URLs and example titles its label data accepts; every file in `src/pages/` is a
//!   registered page; every page fixture has a unique Workday-shaped address (the simulator
//!   serves each fixture at it), its newer twin the same one; a newer-build fixture uses no hook
//!   that no public source shows ([`workday_dom::UNCONFIRMED_HOOKS`]), so no page is read
//!   through them alone; docs/pages.md names every fixture;
//! - the CLI names the page of a fixture, and a 10 000-row Headcount Report is captured whole,
//!   in time linear in its rows.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use wdcap::analysis;
use wdcap::model::options::Options;
use wdcap::model::page_id::PageId;
use wdcap::model::param::ParamKind;
use wdcap::model::settings::names;
use wdcap::pages::labels;
use wdcap::pages::workday_dom;
use wdcap::pages::{Capture, Page, Recogniser, RECOGNISERS};
use wdcap::snapshot::html::snapshot_from_html;
use wdcap::snapshot::Snapshot;
use wdcap::workday::endpoint::{Endpoint, EndpointKind};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures_root() -> PathBuf {
    manifest_dir().join("tests/fixtures/pages")
}

/// What a newer-build fixture's name ends with, before `.html` (docs/pages.md).
const NEWER: &str = ".newer";

/// One page fixture.
struct Fixture {
    /// The directory it is in: the page id it must be recognised as.
    dir: String,
    path: PathBuf,
    html: String,
}

impl Fixture {
    fn name(&self) -> String {
        format!(
            "{}/{}",
            self.dir,
            self.path.file_name().unwrap().to_string_lossy()
        )
    }

    fn snapshot(&self) -> Snapshot {
        snapshot_from_html(&self.html, None)
    }

    /// The file name without `.html`: `<name>` or `<name>.newer`.
    fn stem(&self) -> String {
        let file = self.path.file_name().unwrap().to_string_lossy();
        file.strip_suffix(".html").unwrap_or(&file).to_string()
    }

    /// The fixture stands for the newer build (`<name>.newer.html`).
    fn is_newer(&self) -> bool {
        self.stem().ends_with(NEWER)
    }

    /// `<name>` for both twins.
    fn base(&self) -> String {
        let stem = self.stem();
        stem.strip_suffix(NEWER).unwrap_or(&stem).to_string()
    }

    /// The sidecar both twins share: `<name>.expected.json`.
    fn sidecar(&self) -> PathBuf {
        self.path
            .with_file_name(format!("{}.expected.json", self.base()))
    }
}

/// A report view with each snapshot node index replaced by `true`: twins of two builds differ
/// in their DOM, not in what is read from it (a value found in one build has a node in the
/// other).
fn node_presence(mut value: Value) -> Value {
    fn walk(value: &mut Value) {
        match value {
            Value::Object(map) => {
                if let Some(Value::Object(source)) = map.get_mut("source") {
                    if let Some(node) = source.get_mut("node") {
                        if node.is_number() {
                            *node = Value::Bool(true);
                        }
                    }
                }
                map.values_mut().for_each(walk);
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut value);
    value
}

/// Every `.html` fixture under `root`, sorted by directory and name.
fn fixtures_in(root: &Path) -> Vec<Fixture> {
    let mut out = Vec::new();
    let Ok(dirs) = fs::read_dir(root) else {
        return out;
    };
    for dir in dirs.flatten().filter(|d| d.path().is_dir()) {
        let dir_name = dir.file_name().to_string_lossy().to_string();
        for file in fs::read_dir(dir.path()).unwrap().flatten() {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "html") {
                let html = fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
                out.push(Fixture {
                    dir: dir_name.clone(),
                    path,
                    html,
                });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn fixtures() -> Vec<Fixture> {
    fixtures_in(&fixtures_root())
}

/// The sidecar text for a fixture: exactly what the browser test compares against.
fn analysis_json(snapshot: &Snapshot) -> String {
    let report = analysis::analyse_snapshot(snapshot, &Options::default());
    serde_json::to_string_pretty(&report.view(true)).expect("a report view serialises") + "\n"
}

/// The first line where two texts differ, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!(
                "line {}: expected `{}`, got `{}`",
                i + 1,
                e.trim(),
                a.trim()
            );
        }
    }
    format!(
        "lengths differ: expected {} lines, got {}",
        expected.lines().count(),
        actual.lines().count()
    )
}

#[test]
fn every_fixture_matches_its_sidecar() {
    let bless = std::env::var("WDCAP_BLESS").is_ok_and(|v| v == "1");
    let mut failures = Vec::new();
    let all = fixtures();
    assert!(
        all.len() >= 2 * RECOGNISERS.len(),
        "fixtures are missing: {} for {} pages",
        all.len(),
        RECOGNISERS.len()
    );
    for f in &all {
        let actual = analysis_json(&f.snapshot());
        let sidecar = f.sidecar();
        let expected = fs::read_to_string(&sidecar).ok();
        if f.is_newer() {
            // The newer twin is held to its older twin's sidecar, never blessed.
            let Some(expected) = expected else {
                failures.push(format!("{}: no sidecar {}", f.name(), sidecar.display()));
                continue;
            };
            let e = node_presence(serde_json::from_str(&expected).unwrap());
            let a = node_presence(serde_json::from_str(&actual).unwrap());
            if e != a {
                let e = serde_json::to_string_pretty(&e).unwrap();
                let a = serde_json::to_string_pretty(&a).unwrap();
                failures.push(format!(
                    "{} (the newer build) differs from its older twin's sidecar: {}",
                    f.name(),
                    first_difference(&e, &a)
                ));
            }
            continue;
        }
        if bless {
            if expected.as_deref() != Some(actual.as_str()) {
                fs::write(&sidecar, &actual)
                    .unwrap_or_else(|e| panic!("write {}: {e}", sidecar.display()));
                eprintln!("blessed {}", sidecar.display());
            }
            continue;
        }
        match expected {
            None => failures.push(format!(
                "{}: no sidecar (run with WDCAP_BLESS=1, then review it)",
                f.name()
            )),
            Some(expected) => {
                let e: Value = serde_json::from_str(&expected)
                    .unwrap_or_else(|err| panic!("{}: {err}", sidecar.display()));
                let a: Value = serde_json::from_str(&actual).unwrap();
                if e != a {
                    failures.push(format!(
                        "{}: {}",
                        f.name(),
                        first_difference(&expected, &actual)
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "fixture analyses differ from their sidecars (WDCAP_BLESS=1 rewrites them):\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_sidecar_has_its_fixture() {
    let mut orphans = Vec::new();
    for dir in fs::read_dir(fixtures_root()).unwrap().flatten() {
        for file in fs::read_dir(dir.path()).unwrap().flatten() {
            let name = file.file_name().to_string_lossy().to_string();
            if let Some(stem) = name.strip_suffix(".expected.json") {
                if !dir.path().join(format!("{stem}.html")).exists() {
                    orphans.push(file.path().display().to_string());
                }
            }
        }
    }
    assert!(
        orphans.is_empty(),
        "sidecars without a fixture: {orphans:?}"
    );
}

#[test]
fn cross_matrix_each_recogniser_accepts_its_own_fixtures_and_rejects_all_others() {
    let all = fixtures();
    let snapshots: Vec<Snapshot> = all.iter().map(Fixture::snapshot).collect();
    let mut failures = Vec::new();
    for r in RECOGNISERS {
        for (f, snap) in all.iter().zip(&snapshots) {
            let page = Page::new(snap);
            let got = r.recognise(&page).map(|c: Capture| c.page);
            let own = f.dir == r.page().as_str();
            match (own, got) {
                (true, Some(p)) if p == r.page() => {}
                (true, other) => failures.push(format!(
                    "{} does not accept its own fixture {} (gave {other:?})",
                    r.page(),
                    f.name()
                )),
                (false, None) => {}
                (false, Some(p)) => failures.push(format!(
                    "{} claims {} as {p}, a fixture of another page",
                    r.page(),
                    f.name()
                )),
            }
        }
    }
    // The whole pipeline agrees with the directories too, except on a page still loading:
    // that one is not read at all (its sidecar says `busy`).
    for (f, snap) in all.iter().zip(&snapshots) {
        let report = analysis::analyse_snapshot(snap, &Options::default());
        let loading = fs::read_to_string(f.sidecar())
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .is_some_and(|v| v["busy"] == Value::Bool(true));
        if loading {
            if !report.busy || report.page.is_some() {
                failures.push(format!(
                    "{} is still loading, but is analysed as {:?} (busy: {})",
                    f.name(),
                    report.page,
                    report.busy
                ));
            }
        } else if report.page.map(PageId::as_str) != Some(f.dir.as_str()) {
            failures.push(format!("{} is analysed as {:?}", f.name(), report.page));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Everything the conventions require, as a list of violations (empty when they hold).
/// `fixtures_doc` is the page that says which build each fixture stands for.
fn convention_violations(
    recognisers: &[&dyn Recogniser],
    fixtures_root: &Path,
    pages_src: &Path,
    fixtures_doc: &Path,
) -> Vec<String> {
    let mut v = Vec::new();
    let mut seen = BTreeSet::new();
    for r in recognisers {
        let id = r.page().as_str();
        if !seen.insert(id) {
            v.push(format!("{id} is registered twice"));
        }
        let dir = fixtures_root.join(id);
        let names: Vec<String> = fs::read_dir(&dir)
            .map(|d| {
                d.flatten()
                    .filter_map(|e| {
                        let name = e.file_name().to_string_lossy().to_string();
                        name.strip_suffix(".html").map(str::to_string)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let count = names.len();
        if count < 2 {
            v.push(format!(
                "{id} has {count} fixture(s) in {}; at least 2 are required",
                dir.display()
            ));
        }
        let newer = names.iter().filter(|n| n.ends_with(NEWER)).count();
        let builds = usize::from(newer > 0) + usize::from(newer < count);
        if builds < 2 {
            v.push(format!(
                "{id} has fixtures of {builds} build(s) of Workday's UI; every page needs both: \
                 `<name>.html` (older) and `<name>.newer.html` (newer), see docs/pages.md"
            ));
        }
        if r.example_urls().is_empty() {
            v.push(format!("{id} has no example URLs"));
        }
        for url in r.example_urls() {
            match Endpoint::parse(url) {
                Ok(e)
                    if e.is_workday() && e.kind == Some(EndpointKind::Ui) && e.tenant.is_some() => {
                }
                _ => v.push(format!(
                    "{id}: example URL {url} is not a Workday UI address with a tenant"
                )),
            }
        }
        if r.example_titles().is_empty() {
            v.push(format!("{id} has no example titles"));
        }
        for title in r.example_titles() {
            let task = workday_dom::document_title(title);
            if !labels::title_of(r.page()).is_some_and(|t| t.matches(&task)) {
                v.push(format!(
                    "{id}: example title `{title}` is not among its `title` labels"
                ));
            }
        }
    }
    if let Ok(files) = fs::read_dir(pages_src) {
        for file in files.flatten() {
            let name = file.file_name().to_string_lossy().to_string();
            let Some(stem) = name.strip_suffix(".rs") else {
                continue;
            };
            // The registry, the DOM reader, the label lookup and the reading of a page no
            // recogniser claims; every other file is one page.
            let shared = ["mod", "workday_dom", "labels", "unclaimed"].contains(&stem);
            if !shared && !seen.contains(stem) {
                v.push(format!(
                    "src/pages/{name} is not a registered recogniser (one file per page, named by its page id)"
                ));
            }
        }
    }
    if let Ok(dirs) = fs::read_dir(fixtures_root) {
        for dir in dirs.flatten().filter(|d| d.path().is_dir()) {
            let name = dir.file_name().to_string_lossy().to_string();
            if !seen.contains(name.as_str()) {
                v.push(format!(
                    "fixture directory {name} is not a registered page id"
                ));
            }
        }
    }
    let all = fixtures_in(fixtures_root);
    let mut addresses: BTreeMap<String, String> = BTreeMap::new();
    let mut older_urls: BTreeMap<(String, String), String> = BTreeMap::new();
    let doc = fs::read_to_string(fixtures_doc).unwrap_or_default();
    for f in all.iter().filter(|f| !f.is_newer()) {
        let url = f.snapshot().url;
        match Endpoint::parse(&url) {
            Ok(e) if e.is_workday() && e.tenant.is_some() => {}
            _ => v.push(format!(
                "{}: its `<!-- saved from url=… -->` address `{url}` is not a Workday address with a tenant",
                f.name()
            )),
        }
        if let Some(other) = addresses.insert(url.clone(), f.name()) {
            v.push(format!(
                "{} and {other} are both saved from {url}: the simulator serves each fixture at its own address",
                f.name()
            ));
        }
        older_urls.insert((f.dir.clone(), f.base()), url);
    }
    for f in &all {
        let twin = if f.is_newer() {
            format!("{}.html", f.base())
        } else {
            format!("{}{NEWER}.html", f.base())
        };
        if !f.path.with_file_name(&twin).exists() {
            v.push(format!(
                "{} has no twin {}/{twin} in the other build of Workday's UI (docs/pages.md)",
                f.name(),
                f.dir
            ));
        }
        let listed = format!("{}/{}", f.dir, f.base());
        if !doc.contains(&format!("`{listed}`")) {
            v.push(format!(
                "{}: {} does not name `{listed}` (which build each fixture stands for)",
                f.name(),
                fixtures_doc.display()
            ));
        }
        if !f.is_newer() {
            continue;
        }
        let snap = f.snapshot();
        if let Some(url) = older_urls.get(&(f.dir.clone(), f.base())) {
            if &snap.url != url {
                v.push(format!(
                    "{}: saved from {} but its older twin from {url}: the simulator serves both builds of a page at one address",
                    f.name(),
                    snap.url
                ));
            }
        }
        let unconfirmed: BTreeSet<&str> = snap
            .ids()
            .flat_map(|n| [snap.automation_id(n), snap.attr(n, "data-testid")])
            .flatten()
            .filter(|h| workday_dom::UNCONFIRMED_HOOKS.contains(h))
            .collect();
        if !unconfirmed.is_empty() {
            v.push(format!(
                "{} stands for the newer build but uses hooks no public source shows: {unconfirmed:?}",
                f.name()
            ));
        }
    }
    v
}

#[test]
fn conventions_hold_for_every_registered_recogniser() {
    let violations = convention_violations(
        RECOGNISERS,
        &fixtures_root(),
        &manifest_dir().join("src/pages"),
        &manifest_dir().join("docs/pages.md"),
    );
    assert!(violations.is_empty(), "{}", violations.join("\n"));
    assert_eq!(
        RECOGNISERS.len(),
        PageId::ALL.len(),
        "every page id has its recogniser"
    );
}

/// A recogniser that breaks every convention, to prove the conventions test catches it.
struct Careless;

impl Recogniser for Careless {
    fn page(&self) -> PageId {
        PageId::ActivateSecurityChanges
    }
    fn example_urls(&self) -> &'static [&'static str] {
        &["https://example.com/acme/d/task/1$1.htmld"]
    }
    fn example_titles(&self) -> &'static [&'static str] {
        &[]
    }
    fn recognise(&self, _page: &Page) -> Option<Capture> {
        None
    }
}

/// Registered, with fixtures, but no example URLs.
struct NoUrls;

impl Recogniser for NoUrls {
    fn page(&self) -> PageId {
        PageId::ViewUrls
    }
    fn example_urls(&self) -> &'static [&'static str] {
        &[]
    }
    fn example_titles(&self) -> &'static [&'static str] {
        &["View URLs"]
    }
    fn recognise(&self, _page: &Page) -> Option<Capture> {
        None
    }
}

#[test]
fn conventions_test_fails_on_missing_fixtures_urls_titles_and_stray_files() {
    let scratch =
        std::env::temp_dir().join(format!("wdcap-pages-conventions-{}", std::process::id()));
    let fixtures = scratch.join("fixtures");
    let src = scratch.join("pages");
    fs::create_dir_all(fixtures.join("activate_security_changes")).unwrap();
    fs::create_dir_all(&src).unwrap();
    fs::write(
        fixtures.join("activate_security_changes/only_one.html"),
        "<!-- saved from url=(0056)https://wd3-impl.workday.com/acme/d/task/1422$1120.htmld --><title>x</title>",
    )
    .unwrap();
    fs::write(
        fixtures.join("activate_security_changes/reads_a_ghost_hook.newer.html"),
        "<!-- saved from url=(0056)https://wd3-impl.workday.com/acme/d/task/1422$1121.htmld -->\
         <title>x</title><li data-automation-id=\"formLabelRow\"><span data-testid=\"editPopupTitle\">x</span></li>",
    )
    .unwrap();
    fs::write(src.join("mod.rs"), "").unwrap();
    fs::write(src.join("stray_page.rs"), "").unwrap();
    let doc = scratch.join("pages.md");
    fs::write(&doc, "`activate_security_changes/only_one`").unwrap();

    let careless: &dyn Recogniser = &Careless;
    let violations = convention_violations(&[careless], &fixtures, &src, &doc);
    let joined = violations.join("\n");
    assert!(
        !joined.contains("2 fixture(s)"),
        "two fixtures in all: {joined}"
    );
    assert!(
        joined.contains("only_one.html has no twin activate_security_changes/only_one.newer.html"),
        "{joined}"
    );
    assert!(
        joined.contains("reads_a_ghost_hook.newer.html has no twin"),
        "{joined}"
    );
    assert!(
        joined
            .contains("uses hooks no public source shows: {\"editPopupTitle\", \"formLabelRow\"}"),
        "{joined}"
    );
    assert!(
        joined.contains("does not name `activate_security_changes/reads_a_ghost_hook`"),
        "{joined}"
    );
    fs::remove_file(fixtures.join("activate_security_changes/reads_a_ghost_hook.newer.html"))
        .unwrap();
    let violations = convention_violations(&[careless], &fixtures, &src, &doc);
    let joined = violations.join("\n");
    assert!(joined.contains("1 fixture(s)"), "{joined}");
    assert!(joined.contains("fixtures of 1 build(s)"), "{joined}");
    assert!(joined.contains("not a Workday UI address"), "{joined}");
    assert!(joined.contains("no example titles"), "{joined}");
    assert!(
        joined.contains("stray_page.rs is not a registered recogniser"),
        "{joined}"
    );

    let no_urls: &dyn Recogniser = &NoUrls;
    // The real fixtures root: `NoUrls` stands for a page that does have fixtures.
    let violations = convention_violations(&[no_urls], &fixtures_root(), &src, &doc);
    assert!(
        violations
            .iter()
            .any(|v| v == "view_urls has no example URLs"),
        "{violations:?}"
    );
    fs::remove_dir_all(&scratch).ok();
}

fn fixture(dir: &str, name: &str) -> Fixture {
    let path = fixtures_root().join(dir).join(name);
    Fixture {
        dir: dir.into(),
        html: fs::read_to_string(&path).unwrap(),
        path,
    }
}

#[test]
fn passwords_are_never_read_and_secrets_print_masked() {
    for name in ["create_form.html", "create_form.newer.html"] {
        let isu = fixture("create_isu", name);
        assert!(
            isu.html.contains("Fake-Passw0rd-not-real-1"),
            "{name} carries a password"
        );
        let json = analysis_json(&isu.snapshot());
        assert!(
            !json.contains("Fake-Passw0rd"),
            "{name}: a password reached the report"
        );
    }

    for (dir, name) in [
        ("register_api_client", "result_plain.html"),
        ("manage_refresh_tokens", "result.html"),
        ("register_api_client", "result_plain.newer.html"),
        ("manage_refresh_tokens", "result.newer.html"),
    ] {
        let f = fixture(dir, name);
        let report = analysis::analyse_snapshot(&f.snapshot(), &Options::default());
        let secrets: Vec<&str> = report
            .params
            .iter()
            .filter(|p| p.kind.is_secret())
            .map(|p| p.raw())
            .collect();
        assert!(!secrets.is_empty(), "{dir}/{name} shows a secret");
        let masked = report.to_json(false);
        for s in secrets {
            assert!(
                !masked.contains(s),
                "{dir}/{name}: a secret printed unmasked"
            );
        }
    }
}

#[test]
fn the_e2e_flow_fixtures_share_one_tenant_and_client() {
    // register client → copy ID/secret → manage refresh token → view URLs → view IDs.
    let flow = [
        ("register_api_client", "result_plain.html"),
        ("manage_refresh_tokens", "result.html"),
        ("view_urls", "json_user_report.html"),
        ("view_ids", "supervisory_org.html"),
    ];
    let mut kinds = BTreeSet::new();
    for (dir, name) in flow {
        let report =
            analysis::analyse_snapshot(&fixture(dir, name).snapshot(), &Options::default());
        assert_eq!(report.page.map(PageId::as_str), Some(dir));
        for p in &report.params {
            assert_eq!(
                p.tenant().map(|t| t.as_str()),
                Some("acme"),
                "{dir}/{name}: {:?} is not on tenant acme",
                p.kind
            );
            kinds.insert(p.kind);
        }
    }
    for kind in [
        ParamKind::ClientId,
        ParamKind::ClientSecret,
        ParamKind::RestEndpoint,
        ParamKind::TokenEndpoint,
        ParamKind::AuthorizationEndpoint,
        ParamKind::RefreshToken,
        ParamKind::RaasUrl,
        ParamKind::OrgId,
        ParamKind::IsuUsername,
    ] {
        assert!(kinds.contains(&kind), "the flow never shows a {kind}");
    }
}

/// Runs `wdcap scan <fixture> --json` and returns (exit code, report JSON).
fn scan(path: &Path, extra: &[&str]) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_wdcap"))
        .arg("scan")
        .arg(path)
        .arg("--json")
        .args(extra)
        .output()
        .expect("run wdcap");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{}: not JSON ({e}): {stdout}", path.display()));
    (out.status.code().unwrap_or(-1), value, stdout)
}

#[test]
fn cli_scan_names_the_page_of_fixtures() {
    for (dir, name) in [
        ("register_api_client", "result_plain.html"),
        ("view_urls", "fr_user_report.html"),
        ("headcount_report", "treegrid_levels.html"),
        ("view_ids", "popup_over_headcount.html"),
        ("register_api_client", "result_plain.newer.html"),
        ("view_ids", "supervisory_org.newer.html"),
    ] {
        let path = fixtures_root().join(dir).join(name);
        let (code, report, stdout) = scan(&path, &[]);
        assert_eq!(report["page"], dir, "{dir}/{name}");
        let errors = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["severity"] == "error");
        assert_eq!(code, i32::from(errors), "{dir}/{name}: exit code {code}");
        if dir == "register_api_client" {
            assert!(
                !stdout.contains("1cbfno6b9m80o2rak1vrjnvgfygwwqc38hyf9"),
                "the client secret printed without --reveal"
            );
        }
    }
}

#[test]
fn cli_scan_of_a_page_no_recogniser_claims_gives_null() {
    let path = std::env::temp_dir().join(format!("wdcap-pages-home-{}.html", std::process::id()));
    fs::write(
        &path,
        "<!-- saved from url=(0045)https://wd3-impl.workday.com/acme/d/home.htmld -->\
         <html><head><title>Home - Workday</title></head><body><h1>Home</h1></body></html>",
    )
    .unwrap();
    let (code, report, _) = scan(&path, &[]);
    fs::remove_file(&path).ok();
    assert_eq!(code, 0);
    assert_eq!(report["page"], Value::Null);
    assert_eq!(report["params"], serde_json::json!([]));
}

#[test]
fn cli_scan_of_a_page_still_loading_says_busy_and_reads_nothing() {
    for (dir, name) in [
        ("view_urls", "loading.html"),
        ("view_urls", "loading.newer.html"),
        ("headcount_report", "partial.html"),
        ("headcount_report", "partial.newer.html"),
    ] {
        let (code, report, _) = scan(&fixtures_root().join(dir).join(name), &[]);
        assert_eq!(code, 0, "{dir}/{name}");
        assert_eq!(report["busy"], Value::Bool(true), "{dir}/{name}");
        assert_eq!(report["page"], Value::Null, "{dir}/{name}");
        assert_eq!(report["params"], serde_json::json!([]), "{dir}/{name}");
        assert_eq!(report["settings"], serde_json::json!([]), "{dir}/{name}");
    }
    // A settled page says nothing of it (the field is only ever written when true).
    let (_, report, _) = scan(
        &fixtures_root()
            .join("view_urls")
            .join("json_user_report.newer.html"),
        &[],
    );
    assert!(report.get("busy").is_none(), "{report}");
}

/// A Headcount Report of `rows` organisations (a root, then children under it, each with its
/// Workday ID), in Workday's table markup.
fn headcount_html(rows: usize) -> String {
    let mut html = String::with_capacity(rows * 700);
    html.push_str(
        "<!DOCTYPE html><html lang=\"en-US\"><head><title>Headcount Report - Workday</title></head><body>\
         <div data-automation-id=\"pageContent\"><div data-automation-id=\"pageHeader\"><h1>\
         <span data-automation-id=\"pageHeaderTitleText\">Headcount Report</span></h1></div>\
         <div data-automation-id=\"formLabelRow\"><label data-automation-id=\"formLabel\">Organization</label>\
         <div data-automation-id=\"decorationWrapper\"><div data-automation-id=\"promptOption\" data-automation-label=\"Org 0\">Org 0</div></div></div>\
         <table data-automation-id=\"table\"><thead><tr data-automation-id=\"tableHeaderRow\">\
         <th data-automation-id=\"columnHeader0\" role=\"columnheader\">Organization</th>\
         <th data-automation-id=\"columnHeader1\" role=\"columnheader\">Superior Organization</th>\
         <th data-automation-id=\"columnHeader2\" role=\"columnheader\">Workday ID</th>\
         <th data-automation-id=\"columnHeader3\" role=\"columnheader\">Headcount</th></tr></thead><tbody>",
    );
    for i in 0..rows {
        let parent = if i == 0 {
            String::new()
        } else {
            format!("Org {}", (i - 1) / 10)
        };
        let wid = format!(
            "{:032x}",
            (i as u128 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835)
        );
        html.push_str(&format!(
            "<tr data-automation-id=\"row\" data-row-id=\"{i}\" role=\"row\">\
             <th data-automation-id=\"cell\" role=\"rowheader\"><div data-automation-id=\"cellContainer\"><div data-automation-id=\"promptOption\" data-automation-label=\"Org {i}\">Org {i}</div></div></th>\
             <td data-automation-id=\"cell\" role=\"gridcell\"><div data-automation-id=\"cellContainer\"><div data-automation-id=\"promptOption\" data-automation-label=\"{parent}\">{parent}</div></div></td>\
             <td data-automation-id=\"cell\" role=\"gridcell\"><div data-automation-id=\"cellContainer\"><div data-automation-id=\"textView\">{wid}</div></div></td>\
             <td data-automation-id=\"cell\" role=\"gridcell\"><div data-automation-id=\"cellContainer\"><div data-automation-id=\"numericText\">{}</div></div></td></tr>",
            i % 97 + 1
        ));
    }
    html.push_str("</tbody></table></div></body></html>");
    html
}

const HEADCOUNT_URL: &str = "https://wd3-impl.workday.com/acme/d/task/1422$3127.htmld";

/// The least CPU time of `runs` analyses of `snapshot` (see `crate::cost`).
fn fastest_analysis(snapshot: &Snapshot, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let mut page = None;
            let elapsed = crate::cost::cost(|| {
                page = analysis::analyse_snapshot(snapshot, &Options::default()).page;
            });
            assert_eq!(page, Some(PageId::HeadcountReport));
            elapsed
        })
        .min()
        .unwrap()
}

#[test]
fn headcount_report_of_10000_rows_is_captured_whole_in_linear_time() {
    let html = headcount_html(10_000);
    let t = Instant::now();
    let snapshot = snapshot_from_html(&html, Some(HEADCOUNT_URL));
    let parse = t.elapsed();
    let t = Instant::now();
    let report = analysis::analyse_snapshot(&snapshot, &Options::default());
    let analyse = t.elapsed();
    let t = Instant::now();
    let json = report.to_json(false);
    let serialise = t.elapsed();

    assert_eq!(report.page, Some(PageId::HeadcountReport));
    let orgs: Vec<_> = report
        .settings
        .iter()
        .filter(|s| s.name == names::ORGANIZATION)
        .filter_map(|s| s.as_record())
        .collect();
    assert_eq!(orgs.len(), 10_000, "every row is captured");
    let org_ids = report
        .params
        .iter()
        .filter(|p| p.kind == ParamKind::OrgId)
        .count();
    assert_eq!(org_ids, 10_000, "every row's Workday ID is captured");
    assert_eq!(orgs[0].get("role").map(String::as_str), Some("root"));
    assert_eq!(
        orgs[9_999].get("name").map(String::as_str),
        Some("Org 9999")
    );
    assert_eq!(
        orgs[9_999].get("parent").map(String::as_str),
        Some("Org 999")
    );
    assert_eq!(orgs[9_999].get("role").map(String::as_str), Some("child"));

    // Linear, not quadratic: four times the rows must cost well under sixteen times the time.
    let small = snapshot_from_html(&headcount_html(2_500), Some(HEADCOUNT_URL));
    let t_small = fastest_analysis(&small, 3);
    let t_large = fastest_analysis(&snapshot, 3);
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-9);
    eprintln!(
        "headcount 10 000 rows ({} snapshot nodes, {} KB of HTML): parse {parse:?}, analyse {analyse:?} \
         (fastest of 3: {t_large:?}; 2 500 rows: {t_small:?}; ratio {ratio:.1}), report JSON {serialise:?} ({} KB)",
        snapshot.len(),
        html.len() / 1024,
        json.len() / 1024
    );
    assert!(
        ratio < 10.0,
        "analysis time grows faster than the rows: 4x rows took {ratio:.1}x the time"
    );
}

#[test]
fn french_fixtures_are_recognised_through_the_french_label_file() {
    let french: Vec<Fixture> = fixtures()
        .into_iter()
        .filter(|f| {
            f.path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("fr_"))
        })
        .collect();
    assert!(!french.is_empty(), "at least one non-English fixture");
    for f in french {
        let snap = f.snapshot();
        assert!(
            snap.lang.starts_with("fr"),
            "{}: lang {}",
            f.name(),
            snap.lang
        );
        let page = Page::new(&snap);
        let title = page.active_scope().expect("a page scope").title.clone();
        let langs: BTreeSet<&str> = labels::entries()
            .iter()
            .filter(|l| l.page == f.dir && l.key == "title")
            .filter(|l| l.texts.iter().any(|t| t.eq_ignore_ascii_case(&title)))
            .map(|l| l.lang)
            .collect();
        assert_eq!(
            langs,
            BTreeSet::from(["fr"]),
            "{}: its title `{title}` comes from labels/fr.toml alone",
            f.name()
        );
        let report = analysis::analyse_snapshot(&snap, &Options::default());
        assert_eq!(report.page.map(PageId::as_str), Some(f.dir.as_str()));
        assert!(
            !report.settings.is_empty(),
            "{}: the French page's values are read",
            f.name()
        );
    }
}
