//! The wasm boundary: a handful of `#[wasm_bindgen]` functions that parse their input, call
//! [`crate::analysis`], and hand back a plain object. Every result is
//! `{ok: true, report}` or `{ok: false, error: {code, message}}`; no function throws for bad
//! input. A panic would abort the module (release builds use `panic = "abort"`), so nothing here
//! unwraps; the extension's glue (`extension/core.js`) also re-instantiates the module should one
//! ever trap, so the extension keeps working.

use crate::analysis;
use crate::checks::Options;
use crate::param::ParamInput;
use crate::settings::Setting;
use crate::snapshot::Snapshot;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct ErrorValue {
    code: &'static str,
    message: String,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Outcome<T: Serialize> {
    Ok { ok: bool, report: T },
    Err { ok: bool, error: ErrorValue },
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    // Maps (not JS `Map`s) so the glue can use plain property access.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).unwrap_or_else(|e| {
        JsValue::from_str(&format!("wdcap: could not serialise the result: {e}"))
    })
}

fn ok<T: Serialize>(report: T) -> JsValue {
    to_js(&Outcome::Ok { ok: true, report })
}

fn err(code: &'static str, message: impl Into<String>) -> JsValue {
    to_js(&Outcome::<()>::Err {
        ok: false,
        error: ErrorValue {
            code,
            message: message.into(),
        },
    })
}

fn options(value: JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| err("bad_options", format!("options: {e}")))
}

/// Analyses a page snapshot (JSON text, see `src/snapshot.rs`). Secrets are revealed in the
/// result: the extension needs the values to copy them, and keeps them in session storage only.
#[wasm_bindgen(js_name = analyseSnapshot)]
pub fn analyse_snapshot(snapshot_json: &str, options_value: JsValue) -> JsValue {
    let opts = match options(options_value) {
        Ok(o) => o,
        Err(e) => return e,
    };
    match Snapshot::from_json(snapshot_json) {
        Ok(s) => ok(analysis::analyse_snapshot(&s, &opts).view(true)),
        Err(e) => err("bad_snapshot", e.to_string()),
    }
}

/// Extracts and checks every parameter in pasted text.
#[wasm_bindgen(js_name = checkText)]
pub fn check_text(text: &str, options_value: JsValue) -> JsValue {
    match options(options_value) {
        Ok(o) => ok(analysis::check_text(text, &o).view(true)),
        Err(e) => e,
    }
}

#[derive(Deserialize)]
struct Evidence {
    #[serde(default)]
    params: Vec<ParamInput>,
    #[serde(default)]
    settings: Vec<Setting>,
}

/// Re-checks parameters and settings gathered across pages of one tenant:
/// `{params: [{kind, value, name?, tenant?, source?}], settings: [{name, value}]}`.
#[wasm_bindgen(js_name = checkParams)]
pub fn check_params(evidence: JsValue, options_value: JsValue) -> JsValue {
    let opts = match options(options_value) {
        Ok(o) => o,
        Err(e) => return e,
    };
    match serde_wasm_bindgen::from_value::<Evidence>(evidence) {
        Ok(ev) => ok(analysis::check_params(ev.params, ev.settings, &opts).view(true)),
        Err(e) => err("bad_evidence", format!("evidence: {e}")),
    }
}

/// The fingerprint shown for a secret (same function as the CLI's).
#[wasm_bindgen]
pub fn fingerprint(value: &str) -> String {
    crate::secret::fingerprint(value)
}

#[wasm_bindgen]
pub fn version() -> String {
    crate::BUILD.to_string()
}
