//! The evidence store and the tenant view on the real page fixtures: pages of the simulator's
//! tenant `acme` on wd3-impl.workday.com captured as the extension captures them (the tab's
//! address, the page's own), merged into one record, viewed for each partner. A tenant with
//! four API clients, two security groups and two ISUs: the export never pairs two clients'
//! values, `mixed-credentials` never fires on pages that list many clients, the same tenant name
//! on another host family is another record; and `wdcap view` / `wdcap export` through the CLI.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use wdcap::analysis;
use wdcap::evidence::choice::Prefs;
use wdcap::evidence::origin::TabFacts;
use wdcap::evidence::record::Record;
use wdcap::model::options::Options;
use wdcap::model::param::ParamKind;
use wdcap::report::tenant::{ChecklistState, TenantView, ViewOptions};
use wdcap::snapshot::html::snapshot_from_html;

const ACME: &str = "wd3.implementation:acme";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages")
}

/// The fixture `<page_id>/<name>` as the extension would see it on the tenant's own host
/// (wd3-impl.workday.com), whichever host it was saved from.
fn snapshot_on_acme(reference: &str) -> (wdcap::snapshot::Snapshot, String) {
    let html = std::fs::read_to_string(root().join(format!("{reference}.html"))).unwrap();
    let saved = html
        .split("saved from url=(")
        .nth(1)
        .and_then(|r| r.split_once(')'))
        .map(|(_, rest)| rest.split_whitespace().next().unwrap().to_string())
        .unwrap();
    let mut url = url::Url::parse(&saved).unwrap();
    url.set_host(Some("wd3-impl.workday.com")).unwrap();
    (
        snapshot_from_html(&html, Some(url.as_str())),
        url.to_string(),
    )
}

/// Captures `pages` in order into the record of `acme` (the parts for other records ignored).
fn record_of(pages: &[&str]) -> Record {
    let mut record: Option<serde_json::Value> = None;
    for (at, reference) in pages.iter().enumerate() {
        let (snapshot, url) = snapshot_on_acme(reference);
        let tab = TabFacts {
            tab_url: url.clone(),
            load_url: Some(url),
            at: 1000 * (at as u64 + 1),
        };
        let captured = analysis::capture_snapshot(&snapshot, &tab, &Options::default());
        assert!(
            captured.refused.is_none(),
            "{reference}: {:?}",
            captured.refused
        );
        assert!(
            !captured
                .report
                .findings
                .iter()
                .any(|f| f.code == "mixed-credentials"),
            "{reference}: a page showing its own values pairs nothing"
        );
        for part in captured.parts {
            if part.key.as_ref().map(ToString::to_string).as_deref() == Some(ACME) {
                record = Some(
                    serde_json::to_value(analysis::merge_capture(record.take(), &part).record)
                        .unwrap(),
                );
            }
        }
    }
    Record::read(record.expect("a record")).expect("a record of this version")
}

/// The simulator's tenant: View API Clients (Defender's client and Reporting Portal's), Acme
/// Learning Sync registered with its secret and its refresh token, VivaLearning's refresh token,
/// two ISUs, two security groups.
const TENANT: &[&str] = &[
    "view_api_clients/api_clients_tab",
    "register_api_client/result_plain",
    "manage_refresh_tokens/result",
    "manage_refresh_tokens/result_viva",
    "create_isu/create_form",
    "create_isu/view_isu",
    "create_security_group/create_form",
    "maintain_permissions/kombo_get_only",
];

fn view(record: &Record, prefs: &Prefs) -> TenantView {
    analysis::tenant_view(
        record,
        prefs,
        &ChecklistState::default(),
        &ViewOptions {
            reveal: true,
            ..ViewOptions::default()
        },
    )
    .unwrap()
}

fn prefs(partner: &str, client: Option<&str>) -> Prefs {
    Prefs {
        integration: Some(partner.into()),
        api_client: client.map(str::to_string),
        ..Prefs::default()
    }
}

#[test]
fn the_tenant_s_pages_make_one_record_with_four_api_clients_two_groups_two_isus() {
    let r = record_of(TENANT);
    let v = view(&r, &Prefs::default());
    let mut clients: Vec<&str> = v.clients.iter().filter_map(|c| c.name.as_deref()).collect();
    clients.sort_unstable();
    assert_eq!(
        clients,
        [
            "Acme Learning Sync",
            "Microsoft Defender for Cloud Apps",
            "Reporting Portal",
            "VivaLearning"
        ]
    );
    let names = |cards: &[wdcap::report::tenant::ObjectCard]| {
        let mut n: Vec<String> = cards.iter().map(|c| c.name.clone()).collect();
        n.sort();
        n
    };
    assert_eq!(names(&v.groups), ["ISU_Acme_Learning", "test_isu"]);
    assert_eq!(names(&v.isus), ["ISU_Acme_Learning", "ISU_Wintro"]);
    // Nothing chosen: mixed-credentials stays quiet on the collection of many clients' values.
    assert!(v
        .findings
        .iter()
        .flat_map(|g| &g.findings)
        .all(|f| f.code != "mixed-credentials"));
    let all = v
        .values
        .iter()
        .chain(v.clients.iter().flat_map(|c| &c.values));
    assert!(all
        .flat_map(|x| &x.findings)
        .all(|f| f.code != "mixed-credentials"));
}

#[test]
fn every_partner_s_export_holds_one_client_s_values_whatever_was_captured() {
    let r = record_of(TENANT);
    for partner in [
        "defender-for-cloud-apps",
        "kombo",
        "viva-learning",
        "ten-thousand-coffees",
    ] {
        for client in [
            None,
            Some("Acme Learning Sync"),
            Some("VivaLearning"),
            Some("Reporting Portal"),
        ] {
            let before = wdcap::checks::runs();
            let v = view(&r, &prefs(partner, client));
            assert_eq!(
                wdcap::checks::runs() - before,
                1,
                "{partner} {client:?}: the checks ran once"
            );
            let x = v.export.unwrap();
            let clients: std::collections::BTreeSet<&str> = x
                .items
                .iter()
                .flat_map(|i| &i.values)
                .filter_map(|value| value.client.as_deref())
                .collect();
            assert!(clients.len() <= 1, "{partner} {client:?}: {clients:?}");
            if let Some(c) = client.filter(|_| x.items.iter().any(|i| i.kind.is_client_scoped())) {
                assert!(
                    clients.iter().all(|x| *x == c),
                    "{partner}: {clients:?}, chose {c}"
                );
            }
            assert!(!x.blockers.iter().any(|f| f.code == "mixed-credentials"));
        }
    }
    // Defender's own client (named after it) lacks its secret: missing, not taken from another.
    let x = view(&r, &prefs("defender-for-cloud-apps", None))
        .export
        .unwrap();
    let secret = x
        .items
        .iter()
        .find(|i| i.kind == ParamKind::ClientSecret)
        .unwrap();
    assert!(secret.values.is_empty());
    assert!(!x.ready);
    // Its own registration captured: the secret and its ID, ready.
    let r = record_of(&[TENANT, &["register_api_client/result_defender"]].concat());
    let x = view(&r, &prefs("defender-for-cloud-apps", None))
        .export
        .unwrap();
    let secret = x
        .items
        .iter()
        .find(|i| i.kind == ParamKind::ClientSecret)
        .unwrap();
    assert_eq!(
        secret.values[0].client.as_deref(),
        Some("Microsoft Defender for Cloud Apps")
    );
}

#[test]
fn the_same_tenant_name_on_another_host_family_is_another_record() {
    // View API Clients (integrations tab) saved from wd5.myworkday.com, read on wd3-impl's acme:
    // its endpoints name acme on wd5 (production), another tenant: another record.
    let (snapshot, url) = snapshot_on_acme("view_api_clients/integrations_tab");
    let tab = TabFacts {
        tab_url: url.clone(),
        load_url: None,
        at: 1,
    };
    let captured = analysis::capture_snapshot(&snapshot, &tab, &Options::default());
    let keys: Vec<String> = captured
        .parts
        .iter()
        .map(|c| c.key.as_ref().unwrap().to_string())
        .collect();
    assert_eq!(keys, [ACME, "wd5.production:acme"]);
    assert!(captured.parts[1].params.iter().all(|p| p.kind.is_url()));
}

fn wdcap(args: &[&str], input: &str) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_wdcap"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn wdcap_view_prints_the_view_of_a_record_or_of_evidence_and_export_uses_the_same_choice() {
    let record = serde_json::to_string(&record_of(TENANT)).unwrap();
    let (code, out, err) = wdcap(
        &["view", "--integration", "defender-for-cloud-apps"],
        &record,
    );
    assert!(code == 0 || code == 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["key"], ACME);
    assert_eq!(v["family_label"], "wd3 \u{b7} implementation");
    assert_eq!(v["clients"][0]["name"], "Microsoft Defender for Cloud Apps");
    assert_eq!(v["clients"][0]["because"], "named_after_partner");
    assert!(!out.contains("1cbfno6b9m80o2rak1vrjnvgfygwwqc38hyf9sxmecosfogyr3xkxwnrek8pk3yr9oudocuzrenun5z3jqip98q1zxoi65fdhjk1"), "masked without --reveal");
    assert!(v["checklist"]["steps"]
        .as_array()
        .is_some_and(|s| !s.is_empty()));
    // The export of the same record, with the admin's choice of client: its ID and secret.
    let (code, out, err) = wdcap(
        &[
            "export",
            "--integration",
            "defender-for-cloud-apps",
            "--api-client",
            "Acme Learning Sync",
        ],
        &record,
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("Client ID: YmRkNjQwZmItMDY2Ny00YWQxLTljODAtMzE3ZmEzYjE3OTlk\n"),
        "{out}"
    );
    assert!(out.contains("Client Secret: 1cbfno6b9m80o2rak1vrjnvgfygwwqc38hyf9sxmecosfogyr3xkxwnrek8pk3yr9oudocuzrenun5z3jqip98q1zxoi65fdhjk1\n"), "{out}");
    // Evidence JSON works too; a record of another shape is refused.
    let (code, out, _) = wdcap(
        &["view"],
        r#"{"params": [{"kind": "rest_endpoint", "value": "https://wd12-services1.myworkday.com/ccx/api/v1/northwind"}]}"#,
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("\"key\": \"wd12.production:northwind\""),
        "{out}"
    );
    let (code, _, err) = wdcap(&["view"], r#"{"version": 1, "tenant": "acme"}"#);
    assert_eq!(code, 2);
    assert!(err.contains("shape"), "{err}");
}
