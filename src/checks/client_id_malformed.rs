//! `client-id-malformed`: a client ID that is not what Workday issues: the base64 encoding of a
//! lowercase UUID, 48 characters that decode to 36 (the notes' "Values", good confidence from several
//! samples). A bare UUID is encoded for the fix.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::param::ParamKind;
use crate::workday::values;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;

pub struct ClientIdMalformed;

impl Check for ClientIdMalformed {
    fn code(&self) -> &'static str {
        "client-id-malformed"
    }

    fn summary(&self) -> &'static str {
        "A client ID is not the base64 encoding of a UUID (48 characters)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.of_kind(ParamKind::ClientId)
            .filter(|(i, _)| !cx.facts(*i).placeholder && !cx.facts(*i).truncated)
            .filter_map(|(i, _)| {
                let clean = &cx.facts(i).clean;
                if values::is_client_id(clean) {
                    return None;
                }
                // A value of another kind's shape is `swapped-values`' to report.
                let shape = crate::model::value_shape::value_shape(clean);
                if !shape.is_empty() && !shape.contains(&ParamKind::ClientId) {
                    return None;
                }
                let n = clean.chars().count();
                let (why, fixed) = if values::is_uuid(clean) {
                    (
                        "is a bare UUID; Workday gives client IDs base64-encoded".to_string(),
                        Some(STANDARD.encode(clean.to_ascii_lowercase())),
                    )
                } else if STANDARD.decode(clean.as_bytes()).is_ok() {
                    (format!("decodes from base64, but not to a UUID ({n} characters)"), None)
                } else {
                    (format!("is not base64 ({n} characters; a client ID has 48)"), None)
                };
                Some(
                    Finding::new(
                        self.code(),
                        Severity::Error,
                        Some(i),
                        format!("The Client ID {why}."),
                        "Copy the Client ID from View API Clients (the Client ID column) or from the page shown after registering the client.",
                    )
                    .fixed(fixed),
                )
            })
            .collect()
    }
}
