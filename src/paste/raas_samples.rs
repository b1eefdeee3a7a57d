//! RaaS JSON samples quoted in a ticket (`{"Report_Entry": [{…}]}`): their columns and the few
//! values of their categorical columns.

use crate::model::report_sample::ReportSample;
use std::collections::{BTreeMap, BTreeSet};

/// A column with more distinct values than this is not categorical; its values are dropped.
const MAX_DISTINCT: usize = 12;

/// Every `{"Report_Entry": [...]}` object in the text (bounded to 50), parsed with serde_json's
/// streaming reader from the `{` before the key.
pub(super) fn report_samples(text: &str) -> Vec<ReportSample> {
    let mut out = Vec::new();
    let mut from = 0;
    while out.len() < 50 {
        let Some(at) = text[from..].find("\"Report_Entry\"").map(|a| from + a) else {
            break;
        };
        from = at + 1;
        let window_start = at.saturating_sub(200);
        let Some(open) = text
            .get(window_start..at)
            .and_then(|w| w.rfind('{'))
            .map(|o| window_start + o)
        else {
            continue;
        };
        let mut stream =
            serde_json::Deserializer::from_str(&text[open..]).into_iter::<serde_json::Value>();
        if let Some(Ok(v)) = stream.next() {
            if let Some(entries) = v.get("Report_Entry").and_then(|e| e.as_array()) {
                out.push(sample_of(entries));
                from = open + stream.byte_offset();
            }
        }
    }
    out
}

fn sample_of(entries: &[serde_json::Value]) -> ReportSample {
    let mut columns: Vec<String> = Vec::new();
    let mut values: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut too_many: BTreeSet<String> = BTreeSet::new();
    for entry in entries {
        let Some(obj) = entry.as_object() else {
            continue;
        };
        for (k, v) in obj {
            if !columns.contains(k) {
                columns.push(k.clone());
            }
            let text = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Bool(b) => b.to_string(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => continue,
            };
            if too_many.contains(k) {
                continue;
            }
            let set = values.entry(k.clone()).or_default();
            set.insert(text);
            if set.len() > MAX_DISTINCT {
                values.remove(k);
                too_many.insert(k.clone());
            }
        }
    }
    // A column whose every row is different (names, e-mails) is not categorical either.
    if entries.len() > 2 {
        values.retain(|_, v| v.len() < entries.len());
    }
    ReportSample { columns, values }
}
