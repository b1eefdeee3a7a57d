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
use crate::model::options::Options;
use crate::partner::export::Gathered;
use crate::report::live::{LiveEvidence, LiveView};
use crate::report::outcome::Outcome;
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

/// The trainer checklist of partner `partner`: each step with its state judged from
/// the evidence `{pages: [page id], params: [ParamInput], settings: [Setting] (oldest first),
/// manual: [step id]}` (see `src/partner/checklist/`), and the progress.
#[wasm_bindgen]
pub fn checklist(partner: &str, evidence: JsValue, options_value: JsValue) -> JsValue {
    let opts = match options(options_value) {
        Ok(o) => o,
        Err(e) => return e,
    };
    let ev: crate::partner::checklist::Evidence = if evidence.is_undefined() || evidence.is_null() {
        Default::default()
    } else {
        match from_js(&evidence) {
            Ok(ev) => ev,
            Err(e) => return err("bad_evidence", format!("evidence: {e}")),
        }
    };
    match crate::partner::checklist::checklist(partner, ev, &opts) {
        Ok(c) => ok(c),
        Err(reason) => err("unknown_integration", reason),
    }
}

/// "Export for partner": the values partner `partner` needs, in its form's order, corrected
/// where a check can, with the error findings that block the export (see `src/partner/export/`).
/// `gathered` is `{params: [ParamInput], settings: [Setting]}`, oldest first. Secret values are
/// in clear (the extension copies them).
#[wasm_bindgen(js_name = exportFor)]
pub fn export_for(partner: &str, gathered: JsValue, options_value: JsValue) -> JsValue {
    let opts = match options(options_value) {
        Ok(o) => o,
        Err(e) => return e,
    };
    let g: Gathered = match from_js(&gathered) {
        Ok(g) => g,
        Err(e) => return err("bad_evidence", format!("evidence: {e}")),
    };
    match crate::partner::export::export(partner, g, &opts) {
        Ok(x) => ok(x),
        Err(reason) => err("unknown_integration", reason),
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
        Ok(input) => ok(crate::probe::plan(&input)),
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
    let transport = FetchTransport {
        signal: signal.as_ref(),
    };
    let report = crate::probe::run(&input, &transport).await;
    ok(LiveView::of(report))
}
