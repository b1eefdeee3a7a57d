//! A page no recogniser claims: on a tenant's own page, the Workday connection URLs it shows in
//! its text, behind its links and in its copy actions are captured, the page said not to be
//! recognised (`"recognised": false`, an added field); nothing a label alone would tell (an ID, a
//! secret, a password) and none of the app's own navigation is taken. Both builds of Workday's
//! UI (`tests/fixtures/unclaimed/`), several shapes, the capture kept in the tenant's record.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;
use wdcap::analysis;
use wdcap::evidence::origin::TabFacts;
use wdcap::evidence::record::Record;
use wdcap::model::options::Options;
use wdcap::model::param::ParamKind;
use wdcap::snapshot::html::snapshot_from_html;

const BUILDS: &[&str] = &["details.html", "details.newer.html"];
const PAGE: &str = "https://wd3-impl.workday.com/acme/d/inst/7731$42/rel-task/2997$1.htmld";

/// Values planted on the page that only a label could tell (or that sit in attributes): never
/// captured from a page no recogniser claims.
pub const PLANTED: &[&str] = &[
    "PLANTEDsecretQ7v9Zx2LmN4pR8tW1yB6cD3fG5hJ0kS",
    "Hunter2!PlantedPass#2026",
    "PLANTEDurlQueryValue88",
    "PLANTEDrefreshTitle0rT9sX2vB7nM4kQ8wE1zA6yH3",
    "PLANTEDclipRefresh5Ty8Ui2Op4As6Df9Gh1Jk3Lz7Xc0Vb",
];

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/unclaimed/view_integration_system")
        .join(name)
}

fn kinds(report: &wdcap::report::view::Report) -> Vec<ParamKind> {
    report.params.iter().map(|p| p.kind).collect()
}

#[test]
fn both_builds_yield_the_connection_urls_in_text_links_and_copy_actions_and_nothing_else() {
    for name in BUILDS {
        let html = std::fs::read_to_string(fixture(name)).unwrap();
        let snapshot = snapshot_from_html(&html, None);
        let report = analysis::analyse_snapshot(&snapshot, &Options::default());
        assert_eq!(report.page, None, "{name}");
        assert_eq!(report.recognised, Some(false), "{name}");
        assert_eq!(
            kinds(&report),
            [
                ParamKind::SoapEndpoint,
                ParamKind::TokenEndpoint,
                ParamKind::AuthorizationEndpoint,
                ParamKind::RaasUrl
            ],
            "{name}: the SOAP URL in a field's text, the token URL in a sentence, the authorize URL behind a link, the RaaS URL in a copy action"
        );
        assert!(report.settings.is_empty(), "{name}");
        // Every value points at the node that shows it (the content script marks it there).
        assert!(report.params.iter().all(|p| p.source.node.is_some()));
        let json = report.to_json(true);
        for planted in PLANTED {
            assert!(!json.contains(planted), "{name}: {planted} was captured");
        }
        // The app's own navigation link is no parameter.
        assert!(!json.contains("2997$2151"), "{name}");
    }
}

#[test]
fn a_sentence_quoting_an_endpoint_on_a_home_page_is_read_and_a_page_off_a_tenant_host_is_not() {
    let html = "<html><head><title>Home - Workday</title></head><body>\
        <h1>Home</h1><p>The REST endpoint for this tenant is \
        https://wd3-impl-services1.workday.com/ccx/api/v1/acme; contact dana@example.com.</p>\
        <p>Elsewhere: https://example.org/ccx/api/v1/acme and \
        https://wd3-impl-services1.workday.com.evil.io/ccx/oauth2/acme/token</p>\
        <a href=\"https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld\">View API Clients</a></body></html>";
    let on_tenant =
        snapshot_from_html(html, Some("https://wd3-impl.workday.com/acme/d/home.htmld"));
    let report = analysis::analyse_snapshot(&on_tenant, &Options::default());
    assert_eq!(report.recognised, Some(false));
    assert_eq!(
        report.params.iter().map(|p| p.raw()).collect::<Vec<_>>(),
        ["https://wd3-impl-services1.workday.com/ccx/api/v1/acme"]
    );
    // The same page on no tenant's host (a saved file without its address, a lookalike): nothing.
    for url in [
        None,
        Some("https://wd3-impl.workday.com.evil.io/acme/d/home.htmld"),
    ] {
        let report =
            analysis::analyse_snapshot(&snapshot_from_html(html, url), &Options::default());
        assert!(
            report.params.is_empty() && report.recognised.is_none(),
            "{url:?}"
        );
    }
}

#[test]
fn recognised_pages_and_pasted_text_keep_the_contract_as_it_was() {
    let html = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/pages/view_api_client/plain_client.newer.html"),
    )
    .unwrap();
    let report = analysis::analyse_snapshot(&snapshot_from_html(&html, None), &Options::default());
    assert!(report.page.is_some());
    let json: Value = serde_json::from_str(&report.to_json(false)).unwrap();
    assert!(json.get("recognised").is_none(), "{json}");
    let text = analysis::check_text(
        "token: https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token",
        &Options::default(),
    );
    let json: Value = serde_json::from_str(&text.to_json(false)).unwrap();
    assert!(json.get("recognised").is_none(), "{json}");
}

#[test]
fn the_capture_is_kept_as_not_recognised_and_never_undoes_what_a_known_page_said() {
    for name in BUILDS {
        let html = std::fs::read_to_string(fixture(name)).unwrap();
        let snapshot = snapshot_from_html(&html, Some(PAGE));
        let tab = TabFacts {
            tab_url: PAGE.into(),
            load_url: Some(PAGE.into()),
            at: 5000,
        };
        let captured = analysis::capture_snapshot(&snapshot, &tab, &Options::default());
        assert!(captured.refused.is_none());
        assert_eq!(captured.parts.len(), 1, "{name}: one record, acme's");
        let part = &captured.parts[0];
        assert!(part.unrecognised && part.page.is_none() && part.settings.is_empty());
        let wire = serde_json::to_value(part).unwrap();
        assert_eq!(wire["unrecognised"], Value::Bool(true));

        // A known page showed the token endpoint first: it stays that page's.
        let token = "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token";
        let mut known = Record::new(part.key.clone(), 1000);
        let mut first = part.clone();
        first.unrecognised = false;
        first.page = Some(wdcap::model::page_id::PageId::ViewApiClients);
        first.params.retain(|p| p.value == token);
        first.at = 1000;
        known = known.merge(&first);
        let merged = known.merge(part);
        let stored = |kind: ParamKind| merged.params.iter().find(|p| p.kind == kind).unwrap();
        assert_eq!(
            stored(ParamKind::TokenEndpoint).page,
            Some(wdcap::model::page_id::PageId::ViewApiClients)
        );
        assert!(!stored(ParamKind::TokenEndpoint).unrecognised);
        assert_eq!(stored(ParamKind::TokenEndpoint).at, 5000, "seen again");
        assert!(stored(ParamKind::SoapEndpoint).unrecognised);
        assert_eq!(stored(ParamKind::SoapEndpoint).page, None);
        // No page read is noted for it: it read no page.
        assert_eq!(merged.reads.len(), 1, "{name}");
    }
}

#[test]
fn wdcap_scan_says_not_recognised_and_prints_the_urls() {
    let out = Command::new(env!("CARGO_BIN_EXE_wdcap"))
        .args(["scan", "--json", "--url", PAGE])
        .arg(fixture("details.newer.html"))
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["page"], Value::Null);
    assert_eq!(report["recognised"], Value::Bool(false));
    assert_eq!(report["params"].as_array().unwrap().len(), 4);
}
