//! `report-field-missing`: a custom report the partner reads lacks a field the partner's guide
//! requires or recommends (10KC: First name, Last name, Email, Management Level; the Group
//! report's `group_name`; the Ten Thousand Coffees guide "Workday custom reports" steps 4 and 5). The columns come from a report definition
//! page (`report_fields`) or a pasted RaaS JSON sample (`{"Report_Entry": [...]}`, the notes' "OAuth and API behaviour").
//! Columns are matched to the guide's field names by their folded text and known aliases,
//! which is a heuristic: a missing required field is a warning, a missing recommended one info.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::partner::{fold, FieldLevel, Partner, ReportSpec};
use crate::model::settings::names;

pub struct ReportFieldMissing;

/// The partner report a list of columns is: the one with the most matching fields; with no
/// match, the one whose id a column names (`Group` → the group report), else the first.
pub(crate) fn classify<'p>(partner: &'p Partner, columns: &[String]) -> Option<&'p ReportSpec> {
    let score = |r: &ReportSpec| {
        r.fields
            .iter()
            .filter(|f| columns.iter().any(|c| f.matches(c)))
            .count()
    };
    let best = partner.reports.iter().max_by_key(|r| score(r))?;
    if score(best) > 0 {
        // `max_by_key` keeps the last of equals; prefer the first with the best score.
        let top = score(best);
        return partner.reports.iter().find(|r| score(r) == top);
    }
    partner
        .reports
        .iter()
        .find(|r| columns.iter().any(|c| fold(c).contains(&fold(r.id))))
        .or(partner.reports.first())
}

impl Check for ReportFieldMissing {
    fn code(&self) -> &'static str {
        "report-field-missing"
    }

    fn summary(&self) -> &'static str {
        "A custom report the partner reads lacks a field its guide requires or recommends."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Warning, Severity::Info]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let Some(partner) = cx.partner.filter(|p| !p.reports.is_empty()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for setting in cx.settings_named(names::REPORT_FIELDS) {
            let Some(columns) = super::as_list(&setting.value) else {
                continue;
            };
            if columns.is_empty() {
                continue;
            }
            let Some(report) = classify(partner, &columns) else {
                continue;
            };
            for (level, severity) in [
                (FieldLevel::Required, Severity::Warning),
                (FieldLevel::Recommended, Severity::Info),
            ] {
                let missing: Vec<&str> = report
                    .fields
                    .iter()
                    .filter(|f| f.level == level && !columns.iter().any(|c| f.matches(c)))
                    .map(|f| f.name)
                    .collect();
                if missing.is_empty() {
                    continue;
                }
                let word = if level == FieldLevel::Required {
                    "required"
                } else {
                    "recommended"
                };
                out.push(Finding::new(
                    self.code(),
                    severity,
                    None,
                    format!(
                        "The {} (columns: {}) lacks {} field(s) {} lists as {word}: {}.",
                        report.name,
                        columns.join(", "),
                        missing.len(),
                        partner.name,
                        missing.join(", ")
                    ),
                    format!(
                        "Add the field(s) to the {} in Workday (Edit Custom Report), and make sure the ISU can see them.",
                        report.name
                    ),
                ));
            }
        }
        out
    }
}
