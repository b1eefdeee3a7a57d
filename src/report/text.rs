//! A report as a person reads it in a terminal (`wdcap check` and `wdcap scan` without `--json`
//! or `--markdown`): the page by the name Workday's search finds it under, the values numbered
//! from 1 under their titles, the settings as sentences, and each finding by its severity and
//! the value it is about, with its fix and, where white space matters, the value drawn. Check
//! codes, value-kind ids and page ids stay in the JSON.

use super::redact::{page_title, severity_word};
use super::view::Report;
use std::fmt::Write as _;

/// The report as text; secrets masked unless `reveal`.
pub fn text(report: &Report, reveal: bool) -> String {
    let view = report.view(reveal);
    let mut out = String::new();
    let page = match (view.page, report.busy, report.recognised) {
        (Some(page), _, _) => format!("Page: {}", page_title(page)),
        (None, true, _) => "Page: still loading (read again when it settles)".to_string(),
        (None, _, Some(false)) => "Page: a Workday page wdcap does not know".to_string(),
        (None, _, _) => "Read from the text".to_string(),
    };
    let _ = writeln!(out, "{page}");
    let _ = writeln!(out, "Values: {}", view.params.len());
    let width = view
        .params
        .iter()
        .map(|p| p.kind.title().chars().count())
        .max()
        .unwrap_or(0);
    for (i, p) in view.params.iter().enumerate() {
        let mut facts = Vec::new();
        if let Some(t) = &p.tenant {
            facts.push(format!("tenant {t}"));
        }
        if let Some(d) = &p.data_center {
            facts.push(d.clone());
        }
        if let Some(e) = p.environment {
            facts.push(e.to_string());
        }
        if let Some(n) = &p.name {
            facts.push(format!("{n:?}"));
        }
        // Masked values already carry fingerprint and length.
        if let (true, Some(fp), Some(len)) = (reveal, &p.fingerprint, p.length) {
            facts.push(format!("secret, sha256:{fp}, {len} chars"));
        }
        if !p.ambiguous_with.is_empty() {
            let or: Vec<&str> = p.ambiguous_with.iter().map(|k| k.title()).collect();
            facts.push(format!("or {}?", or.join(", ")));
        }
        let facts = if facts.is_empty() {
            String::new()
        } else {
            format!("  ({})", facts.join(", "))
        };
        let _ = writeln!(
            out,
            "  {:>2}. {:<width$}  {}{facts}",
            i + 1,
            p.kind.title(),
            p.value
        );
    }
    let said = report.settings_said();
    if !said.is_empty() {
        let _ = writeln!(out, "Settings read:");
        for s in said {
            let _ = writeln!(out, "  {s}");
        }
    }
    let _ = writeln!(out, "Findings: {}", view.findings.len());
    for f in &view.findings {
        let about = f
            .param
            .map(|i| format!(" (value {})", i + 1))
            .unwrap_or_default();
        let _ = writeln!(out, "  {}{about}: {}", severity_word(f.severity), f.message);
        let _ = writeln!(out, "      Fix: {}", f.fix);
        // White space drawn (␠, ⍽ …), so the value and its correction do not look the same.
        if let Some(v) = &f.shown_value {
            let _ = writeln!(out, "      Value: {v}");
        }
        if let Some(v) = f.shown_fixed_value.as_ref().or(f.fixed_value.as_ref()) {
            let _ = writeln!(out, "      Corrected: {v}");
        }
    }
    out
}
