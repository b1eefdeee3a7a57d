//! The envelope of every result the wasm module hands back: `{ok: true, report}` or
//! `{ok: false, error: {code, message}}`. No function of the module throws for bad input.

use serde::Serialize;

/// Why a call could not give its result.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ErrorValue {
    /// `bad_options`, `unknown_integration`, `bad_snapshot`, `bad_evidence`, `too_large`; for a
    /// file or a ticket: `not_ticket_file`, `not_text`, `unreadable`.
    pub code: &'static str,
    pub message: String,
}

/// A result, or the reason there is none.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Outcome<T> {
    Ok {
        #[cfg_attr(feature = "typescript", ts(type = "true"))]
        ok: bool,
        report: T,
    },
    Err {
        #[cfg_attr(feature = "typescript", ts(type = "false"))]
        ok: bool,
        error: ErrorValue,
    },
}

impl<T: Serialize> Outcome<T> {
    pub fn ok(report: T) -> Self {
        Outcome::Ok { ok: true, report }
    }
}

impl Outcome<()> {
    pub fn err(code: &'static str, message: impl Into<String>) -> Self {
        Outcome::Err {
            ok: false,
            error: ErrorValue {
                code,
                message: message.into(),
            },
        }
    }
}
