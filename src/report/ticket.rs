//! One ticket of a queue as a line of JSON (`wdcap check --format ndjson`): the ticket's name (a
//! file, `file#N` for the Nth message of an mbox, the id column's value of an export) followed by
//! the JSON contract's fields unchanged ([`super::view`]), or, for a ticket that could not be
//! read, its name and `error: {code, message}` (the codes of
//! [`crate::paste::files::Unreadable::code`]).

use crate::paste::files::Unreadable;
use crate::report::outcome::ErrorValue;
use crate::report::view::{Report, ReportView};
use serde::Serialize;

#[derive(Serialize)]
struct Checked<'a> {
    ticket: &'a str,
    #[serde(flatten)]
    report: ReportView,
}

#[derive(Serialize)]
struct Failed<'a> {
    ticket: &'a str,
    error: ErrorValue,
}

/// The ticket's line, without its line break; `reveal` shows secret values (as `--json` does).
pub fn json_line(ticket: &str, result: &Result<Report, Unreadable>, reveal: bool) -> String {
    let line = match result {
        Ok(report) => serde_json::to_string(&Checked {
            ticket,
            report: report.view(reveal),
        }),
        Err(reason) => serde_json::to_string(&Failed {
            ticket,
            error: ErrorValue {
                code: reason.code(),
                message: format!("{ticket}: {reason}"),
            },
        }),
    };
    line.expect("ticket lines always serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Finding;
    use crate::model::param::{Param, ParamKind};
    use crate::model::severity::Severity;

    #[test]
    fn the_contract_fields_follow_the_ticket() {
        let secret = "k3j4h5g6f7d8s9a0".repeat(6);
        let report = Report {
            params: vec![Param::new(ParamKind::ClientSecret, format!("{secret} "))],
            findings: vec![Finding::new(
                "whitespace",
                Severity::Error,
                Some(0),
                "m",
                "f",
            )],
            ..Report::default()
        };
        let line = json_line("T-7", &Ok(report.clone()), false);
        assert!(!line.contains('\n') && !line.contains(&secret), "{line}");
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        let contract: serde_json::Value = serde_json::from_str(&report.to_json(false)).unwrap();
        let mut fields = value.as_object().unwrap().clone();
        assert_eq!(fields.remove("ticket"), Some("T-7".into()));
        assert_eq!(serde_json::Value::Object(fields), contract);
        assert!(
            line.starts_with(r#"{"ticket":"T-7","page":null,"params":[{"#),
            "{line}"
        );

        let failed = json_line("big.txt", &Err(Unreadable::NotText), false);
        assert_eq!(
            failed,
            r#"{"ticket":"big.txt","error":{"code":"not_text","message":"big.txt: it is not UTF-8 text"}}"#
        );
    }
}
