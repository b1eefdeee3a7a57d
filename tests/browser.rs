//! Browser tests (wasm32 only; `make test-wasm`, run by wasm-bindgen-test-runner in headless
//! Chromium, then in headless Firefox ESR through geckodriver). They prove that the extension's
//! path gives the same result as the CLI's:
//!
//! - every page fixture, in both builds of Workday's UI (`<name>.html` and its newer twin
//!   `<name>.newer.html`, docs/pages.md), is parsed by the browser's own HTML parser
//!   (`DOMParser`), put into the live document, snapshotted by the real snapshotter
//!   (`extension/content/snapshot.js`), analysed by the core compiled to wasm, and the report compared
//!   with the sidecar `<name>.expected.json` both twins share (what the native analysis gives:
//!   `Report::view(true)`, default options);
//! - the `#[wasm_bindgen]` boundary (`wdcap::wasm`) answers bad input with `{ok: false, error}`
//!   instead of throwing or aborting.
//!
//! Adding a page fixture: put `tests/fixtures/pages/<page_id>/<name>.html`, its newer twin
//! `<name>.newer.html` and their `<name>.expected.json` in place (the pages test writes the
//! sidecar), then add one line `"<page_id>/<name>",` to `browser_fixtures!` below (it takes
//! both twins). `tests/it/browser_fixture_list.rs` (native) fails while a fixture is missing from
//! the list.
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use std::collections::BTreeSet;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use wdcap::analysis;
use wdcap::model::options::Options;
use wdcap::snapshot::Snapshot;
use web_sys::{Document, DomParser, Element, SupportedType};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/extension/content/snapshot.js")]
extern "C" {
    /// `snapshot(root, {url, title, lang}) -> {snapshot, elements, truncated}`.
    #[wasm_bindgen(js_name = snapshot)]
    fn js_snapshot(root: &web_sys::Node, options: &JsValue) -> JsValue;
}

struct Fixture {
    /// `<page_id>/<name>`, relative to `tests/fixtures/pages/`, without extension.
    name: &'static str,
    html: &'static str,
    expected: &'static str,
}

/// The page fixtures (`include_str!` needs literal paths, hence the list). One line per page
/// fixture, which stands for both its builds (the older `<name>.html` and the newer
/// `<name>.newer.html`, sharing `<name>.expected.json`); keep it sorted.
macro_rules! browser_fixtures {
    ($($name:literal),* $(,)?) => {
        const FIXTURES: &[Fixture] = &[$(
            Fixture {
                name: $name,
                html: include_str!(concat!("fixtures/pages/", $name, ".html")),
                expected: include_str!(concat!("fixtures/pages/", $name, ".expected.json")),
            },
            Fixture {
                name: concat!($name, ".newer"),
                html: include_str!(concat!("fixtures/pages/", $name, ".newer.html")),
                expected: include_str!(concat!("fixtures/pages/", $name, ".expected.json")),
            },
        )*];
    };
}

browser_fixtures! {
    "activate_security_changes/comment",
    "activate_security_changes/confirm",
    "activate_security_changes/done",
    "create_isu/create_form",
    "create_isu/view_isu",
    "create_security_group/create_form",
    "create_security_group/edit_members",
    "custom_report/create_user_report",
    "custom_report/edit_group_report",
    "domain_policies_for_area/staffing_checkboxes",
    "domain_policies_for_area/system_area",
    "edit_tenant_setup_security/fr_security",
    "edit_tenant_setup_security/oauth_disabled_view",
    "edit_tenant_setup_security/oauth_enabled_saml_on",
    "edit_tenant_setup_system/logging_disabled_view",
    "edit_tenant_setup_system/logging_enabled",
    "headcount_report/partial",
    "headcount_report/root_with_wids",
    "headcount_report/treegrid_levels",
    "maintain_permissions/kombo_get_only",
    "maintain_permissions/select_group",
    "maintain_permissions/two_grids",
    "maintain_permissions/viva_learning",
    "manage_refresh_tokens/choose_account_popup",
    "manage_refresh_tokens/generate_confirm",
    "manage_refresh_tokens/result",
    "manage_refresh_tokens/result_viva",
    "register_api_client/form_defender",
    "register_api_client/form_integrations_empty",
    "register_api_client/form_integrations_viva",
    "register_api_client/result_integrations",
    "register_api_client/result_defender",
    "register_api_client/result_plain",
    "report_sharing/group_report_share",
    "report_sharing/user_report_share",
    "view_api_client/integration_client",
    "view_api_client/plain_client",
    "view_api_clients/api_clients_tab",
    "view_api_clients/integrations_tab",
    "view_ids/popup_over_headcount",
    "view_ids/supervisory_org",
    "view_ids/worker",
    "view_urls/fr_user_report",
    "view_urls/group_report_text",
    "view_urls/json_group_report",
    "view_urls/json_user_report",
    "view_urls/loading",
    "view_urls/popup_titled_by_report",
}

fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("the tests run in a page")
}

/// The address in the `<!-- saved from url=(0061)https://… -->` comment browsers write into
/// saved pages: what the CLI takes as the page's URL when none is given (`src/snapshot/html.rs`, native
/// only, hence this copy; `saved_from_url_reads_the_browsers_comment` holds it to the same
/// cases). It ends at white space or at the comment's `-->`, not at a `-` (`wd3-impl` hosts).
fn saved_from_url(html: &str) -> Option<&str> {
    let rest = &html[html.find("saved from url=")? + "saved from url=".len()..];
    let rest = match rest.strip_prefix('(') {
        Some(r) => &r[r.find(')')? + 1..],
        None => rest,
    };
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    Some(rest[..end].trim_end_matches("-->").trim()).filter(|u| !u.is_empty())
}

/// A fixture's body, put into the live document: the browser parses the HTML (`DOMParser`
/// runs no scripts), its `<body>` children are adopted into a container appended to the live
/// body (never replace `document.body`: the test runner's output lives there). The container
/// takes the body's attributes so it stands in for it. Removed again on drop.
struct Mounted {
    container: Element,
    title: String,
    lang: String,
}

impl Mounted {
    fn new(html: &str) -> Mounted {
        let parsed = DomParser::new()
            .and_then(|p| p.parse_from_string(html, SupportedType::TextHtml))
            .expect("DOMParser parses any text");
        let live = document();
        let container = live.create_element("div").expect("create a div");
        let body = parsed.body().expect("an HTML document always has a body");
        for name in body.get_attribute_names().iter() {
            let name = name.as_string().unwrap_or_default();
            if let Some(value) = body.get_attribute(&name) {
                container
                    .set_attribute(&name, &value)
                    .expect("copy a body attribute");
            }
        }
        while let Some(child) = body.first_child() {
            let adopted = live.adopt_node(&child).expect("adopt a fixture node");
            container
                .append_child(&adopted)
                .expect("append a fixture node");
        }
        live.body()
            .expect("the runner's page has a body")
            .append_child(&container)
            .expect("mount the fixture");
        let lang = parsed
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_default();
        Mounted {
            container,
            title: parsed.title(),
            lang,
        }
    }

    /// Runs the real snapshotter on the container; returns the snapshot's JSON text.
    fn snapshot_json(&self, url: &str) -> String {
        let options = js_sys::Object::new();
        for (key, value) in [("url", url), ("title", &self.title), ("lang", &self.lang)] {
            js_sys::Reflect::set(&options, &key.into(), &value.into()).expect("set an option");
        }
        let result = js_snapshot(&self.container, &options);
        let truncated = js_sys::Reflect::get(&result, &"truncated".into()).expect("truncated");
        assert_eq!(
            truncated.as_bool(),
            Some(false),
            "the snapshot was truncated"
        );
        let snapshot = js_sys::Reflect::get(&result, &"snapshot".into()).expect("snapshot");
        js_sys::JSON::stringify(&snapshot)
            .expect("a snapshot is plain data")
            .into()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.container.remove();
    }
}

/// Drops what legitimately differs between a whole document (native) and a container (browser):
/// the snapshot node index of each value (`source.node`).
fn without_node_indices(mut value: Value) -> Value {
    fn walk(value: &mut Value) {
        match value {
            Value::Object(map) => {
                if let Some(Value::Object(source)) = map.get_mut("source") {
                    source.remove("node");
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

/// Where two JSON values differ, as `path: expected != actual` lines (at most `limit`).
fn differences(expected: &Value, actual: &Value, limit: usize) -> Vec<String> {
    fn show(value: Option<&Value>) -> String {
        value.map_or_else(|| "(absent)".to_string(), Value::to_string)
    }
    fn walk(path: &str, e: &Value, a: &Value, out: &mut Vec<String>, limit: usize) {
        if out.len() >= limit {
            return;
        }
        match (e, a) {
            (Value::Object(e), Value::Object(a)) => {
                let keys: BTreeSet<&String> = e.keys().chain(a.keys()).collect();
                for key in keys {
                    let path = format!("{path}.{key}");
                    match (e.get(key), a.get(key)) {
                        (Some(ev), Some(av)) => walk(&path, ev, av, out, limit),
                        (ev, av) => out.push(format!("{path}: {} != {}", show(ev), show(av))),
                    }
                }
            }
            (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
                for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                    walk(&format!("{path}[{i}]"), ev, av, out, limit);
                }
            }
            _ if e != a => out.push(format!("{path}: {e} != {a}")),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk("$", expected, actual, &mut out, limit);
    out
}

/// The analysis of one fixture in the browser, as `Report::view(true)` JSON.
fn analyse_in_browser(fixture: &Fixture) -> (Value, String) {
    let url = saved_from_url(fixture.html)
        .unwrap_or_else(|| panic!("{}: no `<!-- saved from url=… -->` comment", fixture.name));
    let mounted = Mounted::new(fixture.html);
    let json = mounted.snapshot_json(url);
    let snapshot = Snapshot::from_json(&json).unwrap_or_else(|e| {
        panic!(
            "{}: the snapshotter's output is rejected: {e}",
            fixture.name
        )
    });
    let report = analysis::analyse_snapshot(&snapshot, &Options::default());
    let view = serde_json::to_value(report.view(true)).expect("a report view serialises");
    (view, json)
}

#[wasm_bindgen_test]
fn fixtures_give_the_native_result_through_the_real_snapshotter() {
    assert!(!FIXTURES.is_empty());
    let body = document().body().expect("the runner's page has a body");
    let children_before = body.child_element_count();
    let mut failures = Vec::new();
    for fixture in FIXTURES {
        let expected: Value = serde_json::from_str(fixture.expected)
            .unwrap_or_else(|e| panic!("{}.expected.json is not JSON: {e}", fixture.name));
        let (actual, _) = analyse_in_browser(fixture);
        let (expected, actual) = (without_node_indices(expected), without_node_indices(actual));
        if expected != actual {
            let diff = differences(&expected, &actual, 20);
            failures.push(format!(
                "{} (expected != browser):\n  {}",
                fixture.name,
                diff.join("\n  ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ in the browser:\n{}",
        failures.len(),
        FIXTURES.len(),
        failures.join("\n")
    );
    assert_eq!(
        body.child_element_count(),
        children_before,
        "every fixture removes its container again"
    );
}

/// The boundary the extension calls: the same fixture through `analyseSnapshot` (JSON text in,
/// plain object out) gives the same report as the Rust API, and bad input is an error value.
#[wasm_bindgen_test]
fn analyse_snapshot_boundary_matches_the_rust_api() {
    let fixture = &FIXTURES[0];
    let (direct, json) = analyse_in_browser(fixture);
    let result = wdcap::wasm::analyse_snapshot(&json, JsValue::UNDEFINED);
    let result = js_value_to_json(&result);
    assert_eq!(result["ok"], Value::Bool(true), "{result}");
    assert_eq!(result["report"], direct);
    assert!(result.get("error").is_none());

    // `null` options are the defaults too.
    let with_null = js_value_to_json(&wdcap::wasm::analyse_snapshot(&json, JsValue::NULL));
    assert_eq!(with_null["report"], direct);
}

fn js_value_to_json(value: &JsValue) -> Value {
    let text: String = js_sys::JSON::stringify(value)
        .expect("boundary results are plain data")
        .into();
    serde_json::from_str(&text).expect("JSON.stringify gives JSON")
}

fn assert_error(result: &JsValue, code: &str) {
    assert!(result.is_object(), "an error is a value, not a throw");
    let result = js_value_to_json(result);
    assert_eq!(result["ok"], Value::Bool(false), "{result}");
    assert_eq!(result["error"]["code"], Value::from(code), "{result}");
    let message = result["error"]["message"].as_str().unwrap_or_default();
    assert!(!message.is_empty(), "an error says what is wrong: {result}");
    assert!(result.get("report").is_none(), "{result}");
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_value_not_a_throw() {
    for bad in [
        "",
        "not json",
        "{",
        "[]",
        "{\"v\":1}",
        "{\"v\":1,\"nodes\":[{\"p\":5}]}",
    ] {
        assert_error(
            &wdcap::wasm::analyse_snapshot(bad, JsValue::UNDEFINED),
            "bad_snapshot",
        );
    }
    let valid = r#"{"v":1,"url":"","title":"","lang":"","nodes":[{"t":"body"}]}"#;
    // A page nobody recognises is not an error: an empty report.
    let empty = js_value_to_json(&wdcap::wasm::analyse_snapshot(valid, JsValue::UNDEFINED));
    assert_eq!(empty["ok"], Value::Bool(true), "{empty}");
    assert_eq!(empty["report"]["page"], Value::Null);

    assert_error(
        &wdcap::wasm::analyse_snapshot(valid, JsValue::from_str("sso")),
        "bad_options",
    );
    assert_error(
        &wdcap::wasm::check_text("text", JsValue::from(42)),
        "bad_options",
    );
    assert_error(
        &wdcap::wasm::check_params(JsValue::from_str("params"), JsValue::UNDEFINED),
        "bad_evidence",
    );
}

#[wasm_bindgen_test]
fn check_text_and_check_params_answer_like_the_rust_api() {
    let text = "Our token endpoint: https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token";
    let result = js_value_to_json(&wdcap::wasm::check_text(text, JsValue::UNDEFINED));
    let direct = serde_json::to_value(analysis::check_text(text, &Options::default()).view(true))
        .expect("a report view serialises");
    assert_eq!(result["ok"], Value::Bool(true), "{result}");
    assert_eq!(result["report"], direct);
    assert_eq!(direct["params"][0]["kind"], "token_endpoint", "{direct}");

    let evidence = js_sys::JSON::parse(
        r#"{"params":[{"kind":"rest_endpoint","value":"https://wd3-impl-services1.workday.com/ccx/api/v1/acme"}],"settings":[]}"#,
    )
    .expect("static JSON");
    let result = js_value_to_json(&wdcap::wasm::check_params(evidence, JsValue::UNDEFINED));
    assert_eq!(result["ok"], Value::Bool(true), "{result}");
    assert_eq!(result["report"]["params"][0]["tenant"], "acme", "{result}");
}

#[wasm_bindgen_test]
fn file_text_decodes_mail_in_the_browser_as_natively() {
    // mail-parser in wasm32: a quoted-printable HTML body, decoded as the native core does.
    let eml = "From: a@example.com\r\nSubject: values\r\nContent-Type: text/html; charset=utf-8\r\n\
        Content-Transfer-Encoding: quoted-printable\r\n\r\n\
        <p>Token: <a href=3D\"https://wd3-impl-services1.workday.com/ccx/oa=\r\nuth2/acme/token\">link</a> Zo=C3=A9</p>\r\n";
    let result = js_value_to_json(&wdcap::wasm::file_text("Ticket.EML", eml.as_bytes()));
    assert_eq!(result["ok"], Value::Bool(true), "{result}");
    let native = wdcap::paste::files::text_of(wdcap::paste::files::FileKind::Mail, eml.as_bytes())
        .expect("the native core reads it");
    assert_eq!(result["report"], Value::from(native.clone()));
    assert!(
        native.contains("https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token"),
        "{native}"
    );
    assert!(native.contains("Zoé"), "{native}");
    assert_error(
        &wdcap::wasm::file_text("shot.png", b"\x89PNG"),
        "not_ticket_file",
    );
    assert_error(&wdcap::wasm::file_text("notes.txt", b"\xff"), "not_text");
}

#[wasm_bindgen_test]
fn fingerprint_and_version_are_the_natives() {
    assert_eq!(
        wdcap::wasm::fingerprint("s3cret"),
        wdcap::model::secret::fingerprint("s3cret")
    );
    assert_eq!(wdcap::wasm::version(), wdcap::BUILD);
}

#[wasm_bindgen_test]
fn saved_from_url_reads_the_browsers_comment() {
    assert_eq!(
        saved_from_url("<!-- saved from url=(0031)https://wd5.myworkday.com/a -->"),
        Some("https://wd5.myworkday.com/a")
    );
    assert_eq!(
        saved_from_url("<!--saved from url=(0030)https://wd3-impl.workday.com/a-->"),
        Some("https://wd3-impl.workday.com/a")
    );
    assert_eq!(saved_from_url("<html>"), None);
}

/// The snapshotter reads the live state of inputs, never a password's value, in a real page.
#[wasm_bindgen_test]
fn snapshotter_never_records_a_password() {
    let live = document();
    let container = live.create_element("div").expect("create a div");
    container.set_inner_html(
        r#"<input type="password" value="markup-secret"><input type="text" value="old">"#,
    );
    live.body()
        .expect("body")
        .append_child(&container)
        .expect("mount");
    let inputs = container.query_selector_all("input").expect("query");
    let typed = ["typed-secret", "new"];
    for (i, value) in typed.iter().enumerate() {
        inputs
            .get(i as u32)
            .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
            .expect("an input")
            .set_value(value);
    }
    let options = js_sys::Object::new();
    let result = js_snapshot(&container, &options);
    let json: String = js_sys::JSON::stringify(
        &js_sys::Reflect::get(&result, &"snapshot".into()).expect("snapshot"),
    )
    .expect("plain data")
    .into();
    container.remove();
    assert!(!json.contains("secret"), "{json}");
    assert!(
        json.contains("\"new\""),
        "the live value, not the markup's: {json}"
    );
}
