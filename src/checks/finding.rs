//! What a check reports, and its serialisable view (part of the CLI's JSON contract, and of the
//! checklist's and the export's).

use crate::model::secret::Secret;
use crate::model::severity::Severity;
use serde::Serialize;

/// One problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    /// Index into the parameters the checks ran on, when the finding is about one.
    pub param: Option<usize>,
    pub message: String,
    pub fix: String,
    /// The corrected value, where one can be computed.
    pub fixed_value: Option<String>,
    /// The value the finding is about with its white space and invisible characters drawn
    /// (`abc␠`), when it holds any; a secret's drawn masked (`••••␠`), so this never holds one.
    /// Set, when the checks have run (`run_all`), for every finding that offers a corrected
    /// value, or by the check itself when it shows more than the value (the white space after
    /// it on its line).
    pub shown_value: Option<String>,
    /// The corrected value drawn the same way, when it holds white space or an invisible
    /// character; a secret's drawn masked.
    pub shown_fixed_value: Option<String>,
}

impl Finding {
    pub fn new(
        code: &'static str,
        severity: Severity,
        param: Option<usize>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Finding {
            code,
            severity,
            param,
            message: message.into(),
            fix: fix.into(),
            fixed_value: None,
            shown_value: None,
            shown_fixed_value: None,
        }
    }

    pub fn fixed(mut self, value: Option<String>) -> Self {
        self.fixed_value = value;
        self
    }

    /// The value as the finding shows it, drawn (see [`Finding::shown_value`]).
    pub fn shown(mut self, value: impl Into<String>) -> Self {
        self.shown_value = Some(value.into());
        self
    }

    /// The serialisable view. `mask_fix`: the finding is about a secret the caller must not
    /// see, so its corrected value is shown masked (fingerprint and length).
    pub fn view(&self, mask_fix: bool) -> FindingView {
        FindingView {
            code: self.code,
            severity: self.severity,
            param: self.param,
            message: self.message.clone(),
            fix: self.fix.clone(),
            fixed_value: self.fixed_value.as_ref().map(|v| {
                if mask_fix {
                    Secret::new(v.as_str()).masked()
                } else {
                    v.clone()
                }
            }),
            shown_value: self.shown_value.clone(),
            shown_fixed_value: self.shown_fixed_value.clone(),
        }
    }
}

/// A finding as the JSON output shows it: `{"code", "severity", "param", "message", "fix",
/// "fixed_value"}`, and, added to the contract, `"shown_value"` and `"shown_fixed_value"` when the
/// value or the corrected value holds white space or an invisible character: the same value
/// with each drawn (␠ space, ⍽ no-break space, ⇥ tab, ⟨ZWSP⟩ …; a secret as `••••␠`), for
/// display only (`fixed_value` stays what to paste).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FindingView {
    pub code: &'static str,
    pub severity: Severity,
    pub param: Option<usize>,
    pub message: String,
    pub fix: String,
    pub fixed_value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub shown_value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub shown_fixed_value: Option<String>,
}
