//! `report-value-not-allowed`: a pasted RaaS JSON sample holds a value the partner's guide does
//! not allow for that field (10KC: People manager status "Use only “yes” or “no”", Locale "Use
//! only: en-US, fr-CA, es-ES, ko, ja", Status "Use only: active, inactive"; the Ten Thousand Coffees guide "Workday custom reports" step 4).
//! What the partner does with another value is not documented, so this is a warning. Only
//! fields with a fixed list of values are judged, and only their values are shown.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;

pub struct ReportValueNotAllowed;

impl Check for ReportValueNotAllowed {
    fn code(&self) -> &'static str {
        "report-value-not-allowed"
    }

    fn summary(&self) -> &'static str {
        "A report sample holds a value its partner does not allow for that field."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Warning]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let Some(partner) = cx.partner.filter(|p| !p.reports.is_empty()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for sample in cx.samples {
            let Some(report) = super::report_field_missing::classify(partner, &sample.columns)
            else {
                continue;
            };
            for field in report
                .fields
                .iter()
                .filter(|f| !f.allowed_values.is_empty())
            {
                for (column, values) in sample.values.iter().filter(|(c, _)| field.matches(c)) {
                    let bad: Vec<&str> = values
                        .iter()
                        .map(String::as_str)
                        .filter(|v| !v.trim().is_empty() && !field.allows(v))
                        .take(5)
                        .collect();
                    if bad.is_empty() {
                        continue;
                    }
                    out.push(Finding::new(
                        self.code(),
                        Severity::Warning,
                        None,
                        format!(
                            "Column `{column}` ({}) holds {}; {} allows only {}.",
                            field.name,
                            bad.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", "),
                            partner.name,
                            field.allowed_values.join(", ")
                        ),
                        format!(
                            "Map the values to {} in the report (a calculated field), or leave the column out.",
                            field.allowed_values.join(" / ")
                        ),
                    ));
                }
            }
        }
        out
    }
}
