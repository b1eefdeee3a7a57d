//! The wasm boundary: a handful of `#[wasm_bindgen]` functions that parse their input, call
//! [`crate::analysis`], and hand back a plain object. Every result is
//! `{ok: true, report}` or `{ok: false, error: {code, message}}`; no function throws for bad
//! input. A panic would abort the module (release builds use `panic = "abort"`), so nothing here
//! unwraps; the extension's glue (`extension/worker/core.js`) also re-instantiates the module should one
//! ever trap, so the extension keeps working.
//!
//! Values cross the boundary as JSON text: a result is serialised with `serde_json` and turned
//! into a JS object by the engine's own `JSON.parse`, and an object argument (options, evidence)
//! goes through `JSON.stringify` before `serde_json` reads it. One string crosses each way, where
//! building the object property by property from wasm (serde-wasm-bindgen, until the
//! hardening work) decoded every key and string value separately: about a third of the 10 000-row
//! Headcount Report's analysis time in Chromium (docs/benchmarks.md).

use crate::analysis;
use crate::evidence::capture::Capture;
use crate::evidence::choice::Prefs;
use crate::evidence::key::RecordKey;
use crate::evidence::origin::TabFacts;
use crate::evidence::record::{Record, RecordChange};
use crate::model::options::Options;
use crate::partner::export::Gathered;
use crate::report::live::{LiveEvidence, LiveView};
use crate::report::outcome::Outcome;
use crate::report::tenant::{ChecklistState, ViewOptions};
use crate::snapshot::Snapshot;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `value` as a plain JS object (maps become objects, `None` becomes `null`), or a string saying
/// why it could not be built (the glue reports a string result as an internal error).
fn to_js<T: Serialize>(value: &T) -> JsValue {
    let text = match serde_json::to_string(value) {
        Ok(text) => text,
        Err(e) => return JsValue::from_str(&format!("wdcap: could not serialise the result: {e}")),
    };
    js_sys::JSON::parse(&text).unwrap_or_else(|_| {
        JsValue::from_str("wdcap: could not serialise the result: JSON.parse refused it")
    })
}

/// Reads a JS value (plain data: objects, arrays, strings, numbers, booleans, null) as `T`.
fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, String> {
    // JSON.stringify throws on a cycle or a BigInt and answers `undefined` for a function or a
    // symbol: none of them is data.
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| "not plain data (JSON.stringify cannot write it)".to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

fn ok<T: Serialize>(report: T) -> JsValue {
    to_js(&Outcome::ok(report))
}

fn err(code: &'static str, message: impl Into<String>) -> JsValue {
    to_js(&Outcome::err(code, message))
}

fn options(value: JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let opts: Options = from_js(&value).map_err(|e| err("bad_options", format!("options: {e}")))?;
    // An unknown partner id is an error the page can show, not a silently empty profile.
    opts.partner()
        .map_err(|reason| err("unknown_integration", reason))?;
    Ok(opts)
}

/// Analyses a page snapshot (JSON text, see `src/snapshot/`). Secrets are revealed in the
/// result: the extension needs the values to copy them, and keeps them in session storage only.
#[wasm_bindgen(js_name = analyseSnapshot)]
pub fn analyse_snapshot(snapshot_json: &str, options_value: JsValue) -> JsValue {
    let opts = match options(options_value) {
        Ok(o) => o,
        Err(e) => return e,
    };
    match Snapshot::from_json(snapshot_json) {
        Ok(s) => ok(analysis::analyse_snapshot(&s, &opts).view(true)),
        Err(e @ crate::snapshot::SnapshotError::TooLarge(_)) => err("too_large", e.to_string()),
        Err(e) => err("bad_snapshot", e.to_string()),
    }
}

/// A page's structure for a bug report (`crate::report::structure`): the snapshot with every
/// value shaped, never a captured one, as JSON text.
#[wasm_bindgen(js_name = pageStructure)]
pub fn page_structure(snapshot_json: &str) -> JsValue {
    match Snapshot::from_json(snapshot_json) {
        Ok(s) => match serde_json::to_string(&analysis::page_structure(&s)) {
            Ok(text) => ok(text),
            Err(e) => err("internal", e.to_string()),
        },
        Err(e @ crate::snapshot::SnapshotError::TooLarge(_)) => err("too_large", e.to_string()),
        Err(e) => err("bad_snapshot", e.to_string()),
    }
}

/// Extracts and checks every parameter in pasted text. Past `limits::MAX_PASTE_BYTES` the
/// text is refused with `{ok: false, error: {code: "too_large"}}`.
#[wasm_bindgen(js_name = checkText)]
pub fn check_text(text: &str, options_value: JsValue) -> JsValue {
    if text.len() > crate::model::limits::MAX_PASTE_BYTES {
        return err(
            "too_large",
            crate::model::limits::too_large(
                "the pasted text",
                text.len(),
                crate::model::limits::MAX_PASTE_BYTES,
            ),
        );
    }
    match options(options_value) {
        Ok(o) => ok(analysis::check_text(text, &o).view(true)),
        Err(e) => e,
    }
}

/// Re-checks parameters and settings gathered across pages of one tenant:
/// `{params: [{kind, value, name?, tenant?, source?}], settings: [{name, value}]}`.
#[wasm_bindgen(js_name = checkParams)]
pub fn check_params(evidence: JsValue, options_value: JsValue) -> JsValue {
    let opts = match options(options_value) {
        Ok(o) => o,
        Err(e) => return e,
    };
    match from_js::<Gathered>(&evidence) {
        Ok(ev) => ok(analysis::check_params(ev.params, ev.settings, &opts).view(true)),
        Err(e) => err("bad_evidence", format!("evidence: {e}")),
    }
}

/// The redacted Markdown report of pasted text (the verify page's "copy for the ticket"):
/// `{ok: true, report: "# wdcap verification report…"}`. Secrets appear only as fingerprint and
/// length.
#[wasm_bindgen(js_name = redactText)]
pub fn redact_text(text: &str, options_value: JsValue) -> JsValue {
    match options(options_value) {
        Ok(o) => ok(crate::report::redact::markdown(
            &analysis::check_text(text, &o),
            &o,
        )),
        Err(e) => e,
    }
}

/// The text of a file dropped on or chosen in the Verify page, by the rule `wdcap check` reads a
/// ticket file with (`crate::paste::files`: a mail's parts decoded, other files as UTF-8 text):
/// `{ok: true, report: "…text"}`, or `{ok: false, error: {code}}` with `not_ticket_file` (a name
/// wdcap does not read), `too_large` or `not_text`.
#[wasm_bindgen(js_name = fileText)]
pub fn file_text(name: &str, bytes: &[u8]) -> JsValue {
    use crate::paste::files;
    let Some(kind) = files::kind_of(name) else {
        return err(
            "not_ticket_file",
            "it is not a file wdcap reads (an e-mail or a text file)",
        );
    };
    match files::text_of(kind, bytes) {
        Ok(text) => ok(text),
        Err(reason) => err(reason.code(), reason.to_string()),
    }
}

/// Every partner profile (requirements, permission tables, checklist steps), for the popup's
/// partner picker and the trainer checklist: `{ok: true, report: [Partner…]}`.
#[wasm_bindgen]
pub fn partners() -> JsValue {
    ok(crate::model::partner::PARTNERS)
}

/// A page snapshot taken in a tab, analysed for keeping (`tab`: `{tabUrl, loadUrl?, at}`, what
/// the browser says about the tab): `{report, refused?, parts}`, the report of what the page
/// shows (its values revealed: the extension marks them), why nothing is kept when the tab is
/// not a tenant's own `https` page or its addresses disagree, and the capture split by record.
#[wasm_bindgen(js_name = captureSnapshot)]
pub fn capture_snapshot(snapshot_json: &str, tab: JsValue) -> JsValue {
    let tab: TabFacts = match from_js(&tab) {
        Ok(t) => t,
        Err(e) => return err("bad_message", format!("tab: {e}")),
    };
    let snapshot = match Snapshot::from_json(snapshot_json) {
        Ok(s) => s,
        Err(e @ crate::snapshot::SnapshotError::TooLarge(_)) => {
            return err("too_large", e.to_string())
        }
        Err(e) => return err("bad_snapshot", e.to_string()),
    };
    let captured = analysis::capture_snapshot(&snapshot, &tab, &Options::default());
    ok(captured.view(true))
}

/// A stored record (or null), as the core reads it: one of another shape is none.
fn stored(value: &JsValue) -> Result<Option<serde_json::Value>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    from_js(value)
        .map(Some)
        .map_err(|e| err("bad_record", format!("record: {e}")))
}

/// The record (or none) as a record for `key`: a stored one of another shape or key is none.
fn record_for(value: &JsValue, key: Option<&RecordKey>) -> Result<Record, JsValue> {
    Ok(stored(value)?
        .and_then(Record::read)
        .filter(|r| key.is_none_or(|k| r.key.as_ref() == Some(k)))
        .unwrap_or_else(|| Record::new(key.cloned(), 0)))
}

/// Merges one part of a capture into a stored record (or null): `{record, changed}`; `changed`
/// is false when nothing but times changed in a recent record (no write needed).
#[wasm_bindgen(js_name = mergeCapture)]
pub fn merge_capture(record: JsValue, capture: JsValue) -> JsValue {
    let capture: Capture = match from_js(&capture) {
        Ok(c) => c,
        Err(e) => return err("bad_capture", format!("capture: {e}")),
    };
    match stored(&record) {
        Ok(s) => ok(analysis::merge_capture(s, &capture)),
        Err(e) => e,
    }
}

/// One tenant's view (`crate::report::tenant`): what a popup render needs, from one run of the
/// checks. `record` is the stored record (or null), `prefs` the tenant's preferences, `state`
/// the checklist's `{manual, since}`, `options` `{reveal?, integration?}`.
#[wasm_bindgen(js_name = tenantView)]
pub fn tenant_view(
    key: &str,
    record: JsValue,
    prefs: JsValue,
    state: JsValue,
    options_value: JsValue,
) -> JsValue {
    let key = if key.is_empty() {
        None
    } else {
        match RecordKey::parse(key) {
            Some(k) => Some(k),
            None => return err("bad_key", format!("not a record key: {key:?}")),
        }
    };
    let record = match record_for(&record, key.as_ref()) {
        Ok(r) => r,
        Err(e) => return e,
    };
    let or_default = |v: &JsValue| v.is_undefined() || v.is_null();
    let prefs: Prefs = if or_default(&prefs) {
        Prefs::default()
    } else {
        match from_js(&prefs) {
            Ok(p) => p,
            Err(e) => return err("bad_prefs", format!("prefs: {e}")),
        }
    };
    let state: ChecklistState = if or_default(&state) {
        ChecklistState::default()
    } else {
        match from_js(&state) {
            Ok(s) => s,
            Err(e) => return err("bad_state", format!("state: {e}")),
        }
    };
    let opts: ViewOptions = if or_default(&options_value) {
        ViewOptions::default()
    } else {
        match from_js(&options_value) {
            Ok(o) => o,
            Err(e) => return err("bad_options", format!("options: {e}")),
        }
    };
    match analysis::tenant_view(&record, &prefs, &state, &opts) {
        Ok(v) => ok(v),
        Err(reason) => err("unknown_integration", reason),
    }
}

/// The values the live test of a tenant uses (its partner's API client's, and the tenant-wide
/// ones), with the ISU password typed for this test only.
#[wasm_bindgen(js_name = liveInputs)]
pub fn live_inputs(record: JsValue, prefs: JsValue, isu_password: Option<String>) -> JsValue {
    let record = match record_for(&record, None) {
        Ok(r) => r,
        Err(e) => return e,
    };
    let prefs: Prefs = if prefs.is_undefined() || prefs.is_null() {
        Prefs::default()
    } else {
        match from_js(&prefs) {
            Ok(p) => p,
            Err(e) => return err("bad_prefs", format!("prefs: {e}")),
        }
    };
    match analysis::live_inputs(&record, &prefs, isu_password) {
        Ok(ev) => ok(ev),
        Err(reason) => err("unknown_integration", reason),
    }
}

/// What a URL says about its tenant, from the URL alone: `{tenant, key}` (`key`: the record of a
/// tenant's own admin page).
#[wasm_bindgen(js_name = tenantOfUrl)]
pub fn tenant_of_url(url: &str) -> JsValue {
    ok(analysis::tenant_of_url(url))
}

/// Applies a change to the stored record of `key` (or a new one): the record to store.
#[wasm_bindgen(js_name = changeRecord)]
pub fn change_record(key: &str, record: JsValue, change: JsValue) -> JsValue {
    let Some(key) = RecordKey::parse(key) else {
        return err("bad_key", format!("not a record key: {key:?}"));
    };
    let record = match record_for(&record, Some(&key)) {
        Ok(r) => r,
        Err(e) => return e,
    };
    let change: RecordChange = match from_js(&change) {
        Ok(c) => c,
        Err(e) => return err("bad_change", format!("change: {e}")),
    };
    match record.apply(change) {
        Ok(r) => ok(r),
        Err(reason) => err("bad_change", reason),
    }
}

/// The fingerprint shown for a secret (same function as the CLI's).
#[wasm_bindgen]
pub fn fingerprint(value: &str) -> String {
    crate::model::secret::fingerprint(value)
}

#[wasm_bindgen]
pub fn version() -> String {
    crate::BUILD.to_string()
}

/// The live test's transport: `fetch` through gloo-net, from the service worker or an extension
/// page (the extension's host permissions exempt Workday hosts from CORS). Cookies are never
/// sent (the test proves the captured credentials, not the admin's session), redirects are not
/// followed (a redirect could lead off the tenant's hosts), and nothing is cached.
struct FetchTransport<'a> {
    signal: Option<&'a web_sys::AbortSignal>,
}

/// Response bodies are read up to this many bytes: enough for any error or the first report
/// entries, bounded against a huge report.
const MAX_BODY: usize = 1 << 20;

/// Why a promise of the fetch machinery rejected, as the probe reports it.
fn transport_error(e: &JsValue) -> crate::probe::http::TransportError {
    use crate::probe::http::TransportError;
    let name = js_sys::Reflect::get(e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "TimeoutError" => TransportError::Timeout,
        "AbortError" => TransportError::Cancelled,
        _ => TransportError::Network(
            js_sys::Reflect::get(e, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
                .filter(|m| !m.is_empty())
                .unwrap_or(name),
        ),
    }
}

/// The body of `response` as text, never more than `limit` bytes of it: a declared length
/// (`Content-Length`) over the limit is refused before a byte is read, and the body is read
/// chunk by chunk from its stream, which is cancelled as soon as the bytes pass the limit.
async fn read_capped(
    response: &gloo_net::http::Response,
    limit: usize,
) -> Result<String, crate::probe::http::TransportError> {
    use crate::probe::http::TransportError;
    use wasm_bindgen::JsCast;
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok());
    let Some(stream) = response.body() else {
        return Ok(String::new());
    };
    if declared.is_some_and(|n| n > limit as u64) {
        let _ = stream.cancel();
        return Err(TransportError::TooLarge(limit));
    }
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let next = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|e| transport_error(&e))?;
        let next: web_sys::ReadableStreamReadResult = next.unchecked_into();
        if next.get_done().unwrap_or(true) {
            break;
        }
        let chunk = js_sys::Uint8Array::new(&next.get_value());
        let len = chunk.length() as usize;
        if bytes.len() + len > limit {
            let _ = reader.cancel();
            return Err(TransportError::TooLarge(limit));
        }
        let at = bytes.len();
        bytes.resize(at + len, 0);
        chunk.copy_to(&mut bytes[at..]);
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

impl crate::probe::http::Transport for FetchTransport<'_> {
    async fn send(
        &self,
        request: &crate::probe::http::HttpRequest,
    ) -> Result<crate::probe::http::HttpResponse, crate::probe::http::TransportError> {
        use crate::probe::http::{HttpResponse, Method, TransportError};
        use gloo_net::http::RequestBuilder;
        let mut builder = RequestBuilder::new(request.url.as_str())
            .method(match request.method {
                Method::Get => gloo_net::http::Method::GET,
                Method::Post => gloo_net::http::Method::POST,
            })
            .credentials(web_sys::RequestCredentials::Omit)
            .redirect(web_sys::RequestRedirect::Manual)
            .cache(web_sys::RequestCache::NoStore)
            .abort_signal(self.signal);
        for (name, value) in &request.headers {
            builder = builder.header(name, value.expose());
        }
        let built = match &request.body {
            Some(body) => builder.body(body.expose().to_string()),
            None => builder.build(),
        };
        let built = built.map_err(|e| TransportError::Network(e.to_string()))?;
        let response = built.send().await.map_err(|e| match e {
            gloo_net::Error::JsError(js) if js.name == "TimeoutError" => TransportError::Timeout,
            gloo_net::Error::JsError(js) if js.name == "AbortError" => TransportError::Cancelled,
            other => TransportError::Network(other.to_string()),
        })?;
        if response.status() == 0 {
            return Err(TransportError::Network(
                "the server answered with a redirect, which the live test does not follow".into(),
            ));
        }
        let content_type = response.headers().get("content-type");
        let body = read_capped(&response, MAX_BODY).await?;
        Ok(HttpResponse {
            status: response.status(),
            content_type,
            body,
        })
    }
}

/// The live test's input from the evidence `{params, isu_password?, tenant?, ui_host?}`.
fn probe_input(
    evidence: &JsValue,
    options_value: JsValue,
) -> Result<crate::probe::ProbeInput, JsValue> {
    let opts = options(options_value)?;
    let ev: LiveEvidence =
        from_js(evidence).map_err(|e| err("bad_evidence", format!("evidence: {e}")))?;
    Ok(crate::probe::ProbeInput::new(
        ev.origin(),
        ev.params
            .into_iter()
            .map(crate::model::param::Param::from)
            .collect(),
        ev.isu_password.map(crate::model::secret::Secret::new),
        &opts,
    ))
}

/// What a live test of `evidence` would do, without doing it: `{ok: true, report: {refused:
/// [LiveFinding], hosts: [host]}}`. The extension asks for host permissions to `hosts` before
/// running the test; a test that would refuse sends nothing.
#[wasm_bindgen(js_name = livePlan)]
pub fn live_plan(evidence: JsValue, options_value: JsValue) -> JsValue {
    match probe_input(&evidence, options_value) {
        Ok(input) => {
            // A set pairing two API clients' values goes nowhere.
            let mixed = analysis::live_refusal(&input.params);
            if mixed.is_empty() {
                ok(crate::probe::plan(&input))
            } else {
                ok(crate::probe::LivePlan {
                    refused: mixed,
                    hosts: Vec::new(),
                })
            }
        }
        Err(e) => e,
    }
}

/// Runs the live connection test on explicit request: `evidence` is
/// `{params: [{kind, value, …}], isu_password?, tenant, ui_host}` (the tenant the values were
/// captured for and the UI host its pages were read on: the secrets go only to the services host
/// that goes with it), `signal` an `AbortSignal` (the caller combines its cancel button with a
/// timeout, e.g. `AbortSignal.any([controller.signal, AbortSignal.timeout(15000)])`).
#[wasm_bindgen(js_name = liveTest)]
pub async fn live_test(
    evidence: JsValue,
    options_value: JsValue,
    signal: Option<web_sys::AbortSignal>,
) -> JsValue {
    let input = match probe_input(&evidence, options_value) {
        Ok(input) => input,
        Err(e) => return e,
    };
    let probes = crate::report::tenant::probes_of(input.partner);
    // A set pairing two API clients' values is not sent anywhere.
    let mixed = analysis::live_refusal(&input.params);
    if !mixed.is_empty() {
        return ok(LiveView::of(
            crate::probe::LiveReport::refused(mixed),
            &probes,
        ));
    }
    let transport = FetchTransport {
        signal: signal.as_ref(),
    };
    let report = crate::probe::run(&input, &transport).await;
    ok(LiveView::of(report, &probes))
}
