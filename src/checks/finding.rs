//! What a check reports.

use crate::model::severity::Severity;

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
        }
    }

    pub fn fixed(mut self, value: Option<String>) -> Self {
        self.fixed_value = value;
        self
    }
}
