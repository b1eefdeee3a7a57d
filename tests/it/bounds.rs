//! Bounds: a 50 MB paste, a 1 M-node snapshot, a 100 000-level page and pathological
//! pastes each end in a result or a clear refusal, in bounded time and memory, never a hang, a
//! stack overflow or an out-of-memory. The limits themselves are in `src/model/limits.rs`.
//!
//! The heavy cases run in a child process (this test binary again, selecting one test), under
//! `ulimit -v` (an address-space cap: exceeding it is an allocation failure, i.e. a crash, not
//! a slow swap) and a wall-clock deadline after which the child is killed. They run in the
//! debug build `make test` uses, so the deadlines are generous; `docs/benchmarks.md` has the
//! release figures.

use crate::cost::{assert_linear, least_cost};
use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use wdcap::analysis;
use wdcap::model::limits::MAX_PASTE_BYTES;
use wdcap::model::options::Options;
use wdcap::snapshot::html::{snapshot_from_html, try_snapshot_from_html};
use wdcap::snapshot::{Snapshot, SnapshotError, WireNode, WireSnapshot, MAX_DEPTH, MAX_NODES};

const CHILD_ENV: &str = "WDCAP_BOUNDS_CHILD";
const CLIENT_ID: &str = "OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm";
const PAGE_URL: &str = "https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld";

fn in_child() -> bool {
    std::env::var_os(CHILD_ENV).is_some()
}

/// Runs the test `name` of this binary in a child process limited to `mem_mb` MiB of address
/// space, killed after `deadline`. Returns its standard output; panics if it failed, crashed
/// or overran.
fn run_in_child(name: &str, mem_mb: u64, deadline: Duration) -> String {
    let exe = std::env::current_exe().expect("the test binary's path");
    // The test's full name in this binary: its module path without the crate's name.
    let module = module_path!().split_once("::").map_or("", |(_, m)| m);
    let full_name = format!("{module}::{name}");
    let mut child = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -v {} && exec \"$0\" --exact \"$1\" --nocapture --test-threads=1",
            mem_mb * 1024
        ))
        .arg(exe)
        .arg(&full_name)
        .env(CHILD_ENV, "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the child");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("poll the child").is_some() {
            break;
        }
        if started.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{name}: still running after {deadline:?} (a hang or a quadratic path)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("the child's output");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{name} failed in its child process ({} MiB cap): {}\n{stdout}\n{stderr}",
        mem_mb,
        out.status
    );
    assert!(
        stdout.contains(&format!("test {full_name} ..."))
            && stdout.contains("test result: ok. 1 passed"),
        "{name} did not run in the child:\n{stdout}\n{stderr}"
    );
    stdout
}

fn cli(args: &[&str], stdin: &[u8], mem_mb: u64) -> (i32, String, String, Duration) {
    let started = Instant::now();
    let mut child = Command::new("bash")
        .arg("-c")
        .arg(format!("ulimit -v {} && exec \"$@\"", mem_mb * 1024))
        .arg("wdcap")
        .arg(env!("CARGO_BIN_EXE_wdcap"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run wdcap");
    let mut input = child.stdin.take().expect("stdin");
    // The CLI stops reading at its limit and exits; the rest of the write then fails with a
    // broken pipe, which is expected.
    let _ = input.write_all(stdin);
    drop(input);
    let out = child.wait_with_output().expect("wdcap finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        started.elapsed(),
    )
}

// ---------------------------------------------------------------------------------------------
// Pastes.

fn ticket_text(bytes: usize) -> String {
    let block = format!(
        "From: admin@example.com\nToken Endpoint: https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token\n\
         REST https://wd3-impl-services1.workday.com/ccx/api/v1/acme and the client {CLIENT_ID}.\n\
         > quoted: Authorization Endpoint https://wd3-impl.workday.com/acme/authorize\n\n"
    );
    let mut s = block.repeat(bytes / block.len() + 1);
    s.truncate(bytes);
    s
}

#[test]
fn the_cli_refuses_a_50_mb_paste_quickly_in_bounded_memory() {
    let paste = ticket_text(50 << 20);
    // 256 MiB of address space: far less than what checking 50 MB would need, more than
    // enough to refuse it.
    let (code, stdout, stderr, took) = cli(&["check", "--json"], paste.as_bytes(), 256);
    assert_eq!(code, 2, "stdout {stdout} stderr {stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.starts_with("wdcap: standard input is larger than the 16.0 MiB"),
        "{stderr}"
    );
    assert!(took < Duration::from_secs(30), "{took:?}");

    // From a file the size is known and said.
    let path = std::env::temp_dir().join(format!("wdcap-bounds-{}.txt", std::process::id()));
    std::fs::write(&path, &paste).expect("write the paste");
    let (code, _, stderr, _) = cli(&["check", path.to_str().expect("UTF-8 path")], b"", 256);
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("is 50.0 MiB (52428800 bytes), more than the 16.0 MiB"),
        "{stderr}"
    );
}

#[test]
fn the_cli_checks_a_paste_under_the_limit() {
    let paste = ticket_text(1 << 20);
    assert!(paste.len() < MAX_PASTE_BYTES);
    let (code, stdout, stderr, _) = cli(&["check", "--json"], paste.as_bytes(), 1024);
    assert!(code == 0 || code == 1, "exit {code}: {stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("the JSON contract");
    assert!(!json["params"].as_array().expect("params").is_empty());
}

#[test]
fn the_cli_refuses_a_page_nested_too_deep() {
    let depth = 100_000;
    let html = format!("{}x{}", "<div>".repeat(depth), "</div>".repeat(depth));
    let path = std::env::temp_dir().join(format!("wdcap-deep-{}.html", std::process::id()));
    std::fs::write(&path, html).expect("write the page");
    let (code, _, stderr, took) = cli(&["scan", path.to_str().expect("UTF-8 path")], b"", 1024);
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("nests elements 100000 levels deep, more than the 512"),
        "{stderr}"
    );
    assert!(took < Duration::from_secs(30), "{took:?}");
}

#[test]
fn a_ten_megabyte_line_without_spaces_is_linear() {
    let opts = Options::default();
    for unit in ["x", "https://", "a=%41"] {
        let line = |bytes: usize| unit.repeat(bytes / unit.len());
        let (small, large) = (line(1_000_000), line(4_000_000));
        let t1 = least_cost(2, || {
            analysis::check_text(&small, &opts);
        });
        let t4 = least_cost(2, || {
            analysis::check_text(&large, &opts);
        });
        assert_linear(&format!("a line of {unit:?}"), t1, t4);
    }
    let ten = "https://".repeat(10_000_000 / 8);
    let started = Instant::now();
    analysis::check_text(&ten, &opts);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
}

/// `n` short Workday URLs (about 30 bytes each), of a few tenants and data centers.
fn urls(n: usize, sep: &str) -> String {
    let mut s = String::with_capacity(n * 32);
    for i in 0..n {
        use std::fmt::Write as _;
        let _ = write!(
            s,
            "https://wd{}.myworkday.com/t{}/d{sep}",
            1 + i % 5,
            i % 100
        );
    }
    s
}

#[test]
fn many_urls_cost_linear_time() {
    let opts = Options::default();
    for sep in [" ", "\n"] {
        let (small, large) = (urls(10_000, sep), urls(40_000, sep));
        let t1 = least_cost(2, || {
            analysis::check_text(&small, &opts);
        });
        let t4 = least_cost(2, || {
            analysis::check_text(&large, &opts);
        });
        assert_linear(&format!("URLs separated by {sep:?}"), t1, t4);
    }
}

#[test]
fn a_million_urls_end_in_a_result() {
    if !in_child() {
        let out = run_in_child(
            "a_million_urls_end_in_a_result",
            3072,
            Duration::from_secs(300),
        );
        assert!(out.contains("million urls: params"), "{out}");
        return;
    }
    let text = urls(1_000_000, "\n");
    let report = analysis::check_text(&text, &Options::default());
    assert!(!report.params.is_empty());
    report.to_json(false);
    println!(
        "million urls: params {} findings {}",
        report.params.len(),
        report.findings.len()
    );
}

// ---------------------------------------------------------------------------------------------
// Snapshots.

fn element(parent: Option<usize>, tag: &str, attrs: &[(&str, &str)]) -> WireNode {
    WireNode {
        parent,
        tag: Some(tag.into()),
        attrs: attrs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<BTreeMap<_, _>>(),
        text: None,
    }
}

fn text(parent: usize, t: impl Into<String>) -> WireNode {
    WireNode {
        parent: Some(parent),
        tag: None,
        attrs: BTreeMap::new(),
        text: Some(t.into()),
    }
}

fn wire(nodes: Vec<WireNode>) -> WireSnapshot {
    WireSnapshot {
        v: 1,
        url: PAGE_URL.into(),
        title: "View API Clients - Workday".into(),
        lang: "en-US".into(),
        nodes,
    }
}

/// A View API Clients page whose clients table has `rows` rows (12 nodes a row).
fn big_api_clients_page(rows: usize) -> WireSnapshot {
    let mut n = vec![element(None, "body", &[])];
    n.push(element(Some(0), "h1", &[]));
    n.push(element(
        Some(1),
        "span",
        &[("data-automation-id", "pageHeaderTitleText")],
    ));
    n.push(text(2, "View API Clients"));
    let table = n.len();
    n.push(element(
        Some(0),
        "table",
        &[("data-automation-id", "table"), ("role", "table")],
    ));
    let head = n.len();
    n.push(element(Some(table), "tr", &[]));
    for (i, h) in ["API Client", "Client ID"].iter().enumerate() {
        let th = n.len();
        let id = format!("columnHeader{i}");
        n.push(element(
            Some(head),
            "th",
            &[("data-automation-id", &id), ("role", "columnheader")],
        ));
        n.push(text(th, *h));
    }
    let tbody = n.len();
    n.push(element(Some(table), "tbody", &[]));
    for r in 0..rows {
        let row = n.len();
        let rid = r.to_string();
        n.push(element(
            Some(tbody),
            "tr",
            &[("data-automation-id", "row"), ("data-row-id", &rid)],
        ));
        for value in [format!("Client {r}"), CLIENT_ID.to_string()] {
            let cell = n.len();
            n.push(element(
                Some(row),
                "td",
                &[("data-automation-id", "cell"), ("role", "gridcell")],
            ));
            let container = n.len();
            n.push(element(
                Some(cell),
                "div",
                &[("data-automation-id", "cellContainer")],
            ));
            let view = n.len();
            n.push(element(
                Some(container),
                "div",
                &[("data-automation-id", "textView")],
            ));
            n.push(text(view, value));
            n.push(text(container, " "));
        }
        n.push(text(row, " "));
    }
    wire(n)
}

#[test]
fn a_million_node_snapshot_is_analysed_in_bounded_time_and_memory() {
    if !in_child() {
        let out = run_in_child(
            "a_million_node_snapshot_is_analysed_in_bounded_time_and_memory",
            3072,
            Duration::from_secs(300),
        );
        assert!(out.contains("nodes 1000"), "{out}");
        return;
    }
    let rows = 1_000_000 / 12;
    let json = serde_json::to_string(&big_api_clients_page(rows)).expect("serialise");
    let s = Snapshot::from_json(&json).expect("a 1 M-node snapshot is under MAX_NODES");
    drop(json);
    assert!(s.len() >= 1_000_000);
    let report = analysis::analyse_snapshot(&s, &Options::default());
    assert_eq!(
        report.page.map(|p| p.as_str()),
        Some("view_api_clients"),
        "the page is recognised"
    );
    assert!(!report.params.is_empty());
    println!(
        "nodes {} params {} findings {}",
        s.len(),
        report.params.len(),
        report.findings.len()
    );
}

#[test]
fn a_snapshot_over_max_nodes_is_refused_clearly() {
    let nodes: Vec<WireNode> = std::iter::once(element(None, "body", &[]))
        .chain((0..MAX_NODES).map(|_| text(0, "x")))
        .collect();
    let err = Snapshot::from_wire(wire(nodes)).unwrap_err();
    assert_eq!(err, SnapshotError::TooLarge(MAX_NODES + 1));
    assert!(err.to_string().contains("more than the 2000000"), "{err}");
}

#[test]
fn a_saved_page_over_max_nodes_is_read_up_to_the_limit() {
    // Regression: the native loader used to panic past MAX_NODES (its snapshot was refused as
    // too large); it now stops there, as the extension's snapshotter does.
    if !in_child() {
        let out = run_in_child(
            "a_saved_page_over_max_nodes_is_read_up_to_the_limit",
            3072,
            Duration::from_secs(300),
        );
        assert!(out.contains(&format!("nodes {MAX_NODES}")), "{out}");
        return;
    }
    let html = "<i>x</i>".repeat(MAX_NODES / 2 + 1);
    let s = try_snapshot_from_html(&html, Some(PAGE_URL)).expect("read up to the limit");
    assert_eq!(s.len(), MAX_NODES);
    analysis::analyse_snapshot(&s, &Options::default());
    println!("nodes {}", s.len());
}

/// A chain `depth` levels deep of `tag` elements with `attrs`, with a text at the bottom.
fn chain(depth: usize, tag: &str, attrs: &[(&str, &str)], bottom: &str) -> WireSnapshot {
    let mut n: Vec<WireNode> = (0..depth)
        .map(|i| element(i.checked_sub(1), tag, attrs))
        .collect();
    n.push(text(depth - 1, bottom));
    wire(n)
}

#[test]
fn a_100_000_level_snapshot_neither_overflows_nor_hangs() {
    let opts = Options::default();
    let depth = 100_000;
    let shapes: &[(&str, &[(&str, &str)])] = &[
        ("div", &[]),
        ("label", &[("data-automation-id", "formLabel")]),
        ("div", &[("data-automation-id", "editPopup")]),
        ("div", &[("role", "dialog")]),
        ("table", &[("data-automation-id", "table")]),
        ("tr", &[("data-automation-id", "row")]),
        ("div", &[("data-automation-id", "fieldSetBody")]),
        ("span", &[("data-automation-id", "pageHeaderTitleText")]),
        ("div", &[("aria-hidden", "false")]),
    ];
    for (tag, attrs) in shapes {
        let started = Instant::now();
        let s = Snapshot::from_wire(chain(depth, tag, attrs, "Client ID")).expect("valid");
        // Queries: none recurses, none walks more than MAX_DEPTH ancestors.
        let deepest = s.len() - 1;
        assert_eq!(s.text(0), "Client ID");
        assert!(s.ancestors(deepest).count() <= MAX_DEPTH);
        assert_eq!(s.descendants(0).count(), depth);
        assert!(!s.is_hidden(deepest));
        let json = serde_json::to_string(&s.to_wire()).expect("serialise");
        let again = Snapshot::from_json(&json).expect("its own wire form decodes");
        assert_eq!(again.len(), s.len());
        let report = analysis::analyse_snapshot(&s, &opts);
        report.to_json(false);
        let took = started.elapsed();
        assert!(
            took < Duration::from_secs(60),
            "{tag} {attrs:?}: {took:?} for a {depth}-level chain"
        );
    }
}

#[test]
fn deeply_nested_json_is_a_json_error_not_a_stack_overflow() {
    for json in [
        "[".repeat(100_000),
        format!("{{\"nodes\":{}", "[".repeat(100_000)),
        format!("{}{}", "{\"a\":".repeat(100_000), "1"),
    ] {
        assert!(matches!(
            Snapshot::from_json(&json),
            Err(SnapshotError::Json(_))
        ));
    }
}

#[test]
fn a_100_000_level_html_page_is_refused_without_overflow() {
    let depth = 100_000;
    for (open, close) in [
        ("<div>", "</div>"),
        ("<span>", ""),
        ("<b>", "</b>"),
        ("<table><tr><td>", ""),
        ("<div aria-hidden=\"true\">", "</div>"),
        ("<label data-automation-id=\"formLabel\">", ""),
    ] {
        let html = format!("{}x{}", open.repeat(depth), close.repeat(depth));
        let started = Instant::now();
        let err = try_snapshot_from_html(&html, None).unwrap_err();
        assert!(
            matches!(err, SnapshotError::TooDeep { depth: d } if d > MAX_DEPTH),
            "{open}: {err:?}"
        );
        assert!(snapshot_from_html(&html, Some(PAGE_URL)).is_empty());
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{open}: {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn html_nested_within_the_limit_and_wide_pages_parse_linearly() {
    let nested = |reps: usize| {
        format!(
            "{}{}",
            "<div><span>a</span>".repeat(MAX_DEPTH - 12),
            "</div>".repeat(MAX_DEPTH - 12)
        )
        .repeat(reps)
    };
    let wide = |n: usize| format!("<ul>{}</ul>", "<li><p>item<br></li>".repeat(n));
    for (what, page) in [
        ("nested", &nested as &dyn Fn(usize) -> String),
        ("wide", &|n| wide(n * 500)),
    ] {
        let (small, large) = (page(4), page(16));
        let t1 = least_cost(2, || {
            try_snapshot_from_html(&small, None).expect("within the limit");
        });
        let t4 = least_cost(2, || {
            try_snapshot_from_html(&large, None).expect("within the limit");
        });
        assert_linear(what, t1, t4);
    }
}

#[test]
fn a_ten_megabyte_value_is_read_once() {
    let mut n = big_api_clients_page(1).nodes;
    let huge = "y".repeat(10 << 20);
    let last_view = n
        .iter()
        .rposition(|w| w.text.is_some() && w.text.as_deref() != Some(" "))
        .expect("a value");
    n[last_view].text = Some(huge);
    let started = Instant::now();
    let s = Snapshot::from_wire(wire(n)).expect("valid");
    let report = analysis::analyse_snapshot(&s, &Options::default());
    report.to_json(false);
    assert!(started.elapsed() < Duration::from_secs(30));
}
