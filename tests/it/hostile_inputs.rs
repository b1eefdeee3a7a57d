//! Hostile inputs: a saved page and a pasted ticket whose labels and values carry
//! XSS and injection payloads (`tests/fixtures/hostile/payloads.txt`, 24 of them: script tags,
//! event handlers, `javascript:` and `data:` URLs, RTL overrides, zero-width characters, a
//! 100 000-character value, fake `data-automation-id` nesting, template and formula
//! injection…). The core must pass them through as inert data: no crash, each value intact as
//! text, never reinterpreted as another kind (a `javascript:` URL never becomes a Workday
//! endpoint; a fake nested field naming a foreign host is flagged), scripts, templates,
//! event handlers and password values never read, and no secret shown unmasked in text, JSON
//! or Markdown output unless `--reveal` is given.
//!
//! The fixtures live under `tests/fixtures/hostile/` so the browser-side hostile-page e2e can
//! load the same page into the extension.

use std::path::PathBuf;
use std::process::Command;
use wdcap::analysis;
use wdcap::model::options::Options;
use wdcap::model::param::ParamKind;
use wdcap::model::severity::Severity;
use wdcap::report::view::Report;
use wdcap::snapshot::fold_whitespace;
use wdcap::snapshot::html::snapshot_from_html;

const PAGE: &str = "register_api_client_payloads.html";
const TICKET: &str = "ticket_payloads.txt";
const SECRET: &str = "q7w8e9r0t1y2u3i4o5p6a7s8d9f0g1h2j3k4l5z6x7c8v9b0n1m2q3w4e5r6t7y8u9i0o1p2a3s4d5f6g7h8j9k0l1z2x3c4v5b6";
const REFRESH: &str = "z9x8c7v6b5n4m3a2s1d0f9g8h7j6k5l4q3w2e1r0t9y8u7i6o5p4a3s2d1f0g9h8j7k6l5z4x3c2v1b0n9m8q7w6e5r4t3y2u1";
const CLIENT_ID: &str = "YmRkNjQwZmItMDY2Ny00YWQxLTljODAtMzE3ZmEzYjE3OTlk";

/// Markers that sit only in scripts, templates, `<noscript>`, event handlers and a password
/// field of the hostile page: none may reach the snapshot or any output.
const NEVER_READ: &[&str] = &[
    "head-script",
    "body-script",
    "template-secret-should-not-be-read",
    "hunter2-password-never-read",
    "label-handler",
    "name-handler",
    "value-handler",
    "body-handler",
    "img-handler",
];

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).expect("hostile fixture")
}

fn payloads() -> Vec<String> {
    fixture("payloads.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn page_report() -> (wdcap::snapshot::Snapshot, Report) {
    let s = snapshot_from_html(&fixture(PAGE), None);
    let report = analysis::analyse_snapshot(&s, &Options::default());
    (s, report)
}

/// Every URL parameter that is not on a Workday host carries an error `host-not-workday`.
fn foreign_urls_are_flagged(report: &Report) {
    for (i, p) in report.params.iter().enumerate() {
        if !p.kind.is_url() || p.endpoint.as_ref().is_some_and(|e| e.is_workday()) {
            continue;
        }
        assert!(
            report.findings.iter().any(|f| f.param == Some(i)
                && f.severity == Severity::Error
                && matches!(f.code, "host-not-workday" | "placeholder" | "not-https")),
            "param {i} {:?} = {:?} is a URL off Workday's hosts without an error",
            p.kind,
            p.raw()
        );
    }
}

/// Markup next to a Workday URL never becomes part of its host, path or tenant: a URL on a
/// Workday host has markup, if any, only in its query (where it is a report prompt's value,
/// data like any other).
fn workday_urls_are_clean(report: &Report) {
    for p in &report.params {
        let Some(e) = p.endpoint.as_ref().filter(|e| e.is_workday()) else {
            continue;
        };
        let before_query = p.raw().split('?').next().unwrap_or_default();
        assert!(
            !before_query.contains(['<', '>', '"', '\'', '`']),
            "markup taken into a Workday URL: {:?}",
            p.raw()
        );
        if let Some(t) = &e.tenant {
            assert!(
                t.as_str()
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-'),
                "tenant {t:?} from {:?}",
                p.raw()
            );
        }
    }
}

#[test]
fn there_are_at_least_twenty_payloads() {
    assert!(payloads().len() >= 20, "{}", payloads().len());
}

#[test]
fn scripts_handlers_templates_and_passwords_never_reach_the_snapshot() {
    let (s, _) = page_report();
    let wire = serde_json::to_string(&s.to_wire()).expect("serialise");
    for marker in NEVER_READ {
        assert!(!wire.contains(marker), "{marker} reached the snapshot");
    }
    // Only kept attributes survive: no event handler attribute at all.
    for n in s.to_wire().nodes {
        for k in n.attrs.keys() {
            assert!(!k.starts_with("on"), "attribute {k} kept");
        }
    }
}

#[test]
fn every_payload_comes_through_as_the_same_text() {
    let (s, _) = page_report();
    let text = s.text(s.root().expect("a root"));
    for p in payloads() {
        assert!(
            text.contains(&fold_whitespace(&p)),
            "payload {p:?} not intact in the page text"
        );
    }
    // The 100 000-character value is kept whole.
    assert!(text.contains(&"A".repeat(100_000)));
}

#[test]
fn the_hostile_page_is_recognised_and_values_keep_their_kind() {
    let (_, report) = page_report();
    assert_eq!(report.page.map(|p| p.as_str()), Some("register_api_client"));
    let of = |k: ParamKind| report.params.iter().filter(move |p| p.kind == k);
    // The client and its secret are read exactly, with the hostile name as plain text.
    let ids: Vec<_> = of(ParamKind::ClientId).collect();
    assert_eq!(ids.len(), 1, "{:?}", report.params);
    assert_eq!(ids[0].raw(), CLIENT_ID);
    assert_eq!(
        ids[0].name.as_deref(),
        Some("<img src=x onerror=alert('xss-2')>")
    );
    let secrets: Vec<_> = of(ParamKind::ClientSecret).collect();
    assert_eq!(secrets.len(), 1);
    assert_eq!(secrets[0].raw(), SECRET);
    assert!(secrets[0].value.is_secret());
    // Nothing else became a secret or an ID.
    for p in &report.params {
        if p.kind.is_secret() {
            assert_eq!(p.raw(), SECRET);
        }
    }
    // A `javascript:` value is never a Workday endpoint; the fake nested field naming another
    // host is flagged; no Workday URL swallowed markup.
    for p in &report.params {
        if p.raw().to_ascii_lowercase().contains("javascript:") {
            assert!(!p.endpoint.as_ref().is_some_and(|e| e.is_workday()));
        }
    }
    foreign_urls_are_flagged(&report);
    workday_urls_are_clean(&report);
    // The genuine endpoints are still read.
    assert!(of(ParamKind::RestEndpoint)
        .any(|p| p.raw() == "https://wd3-impl-services1.workday.com/ccx/api/v1/acme"));
}

#[test]
fn the_hostile_ticket_is_checked_without_crash_or_reinterpretation() {
    let report = analysis::check_text(&fixture(TICKET), &Options::default());
    assert!(!report.params.is_empty());
    for p in &report.params {
        match p.kind {
            ParamKind::ClientSecret => assert_eq!(p.raw(), SECRET),
            ParamKind::RefreshToken => assert_eq!(p.raw(), REFRESH),
            ParamKind::ClientId => assert_eq!(p.raw(), CLIENT_ID),
            _ => {}
        }
        if p.raw().to_ascii_lowercase().contains("javascript:") {
            assert!(!p.endpoint.as_ref().is_some_and(|e| e.is_workday()));
        }
    }
    assert!(report
        .params
        .iter()
        .any(|p| p.kind == ParamKind::ClientSecret));
    foreign_urls_are_flagged(&report);
    workday_urls_are_clean(&report);
}

#[test]
fn masked_views_never_show_a_secret() {
    let (_, page) = page_report();
    let ticket = analysis::check_text(&fixture(TICKET), &Options::default());
    for report in [&page, &ticket] {
        let masked = report.to_json(false);
        assert!(!masked.contains(SECRET) && !masked.contains(REFRESH));
        for marker in NEVER_READ {
            assert!(!masked.contains(marker));
        }
        let md = wdcap::report::redact::markdown(report, &Options::default());
        assert!(!md.contains(SECRET) && !md.contains(REFRESH), "{md}");
        // Revealing is explicit, and then the value is exact.
        assert!(report.to_json(true).contains(SECRET));
    }
}

fn wdcap(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_wdcap"))
        .args(args)
        .output()
        .expect("run wdcap");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_cli_shows_no_secret_without_reveal() {
    let page = fixture_path(PAGE);
    let ticket = fixture_path(TICKET);
    for (cmd, file) in [("scan", &page), ("check", &ticket)] {
        let file = file.to_str().expect("UTF-8 path");
        for format in [None, Some("--json"), Some("--markdown")] {
            let mut args = vec![cmd, file];
            args.extend(format);
            let (code, stdout, stderr) = wdcap(&args);
            assert!(code == 0 || code == 1, "{args:?}: exit {code}: {stderr}");
            for leak in [SECRET, REFRESH] {
                assert!(!stdout.contains(leak), "{args:?} printed a secret");
                assert!(!stderr.contains(leak), "{args:?} logged a secret");
            }
            for marker in NEVER_READ {
                assert!(!stdout.contains(marker), "{args:?}: {marker}");
            }
        }
        let (_, stdout, _) = wdcap(&[cmd, file, "--json", "--reveal"]);
        let json: serde_json::Value = serde_json::from_str(&stdout).expect("the JSON contract");
        let values: Vec<&str> = json["params"]
            .as_array()
            .expect("params")
            .iter()
            .filter_map(|p| p["value"].as_str())
            .collect();
        assert!(
            values.contains(&SECRET),
            "{cmd}: --reveal shows the exact secret"
        );
    }
    // Through `scan`, the hostile client name arrives as the same text in the JSON contract.
    let (_, stdout, _) = wdcap(&["scan", page.to_str().expect("UTF-8 path"), "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("the JSON contract");
    assert!(json["params"]
        .as_array()
        .expect("params")
        .iter()
        .any(|p| p["name"] == "<img src=x onerror=alert('xss-2')>"));
}
