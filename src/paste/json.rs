//! A pasted JSON document: every string in it, labelled by its key.

use super::classify::{url_kind, value_kind};
use super::scanner::Scanner;
use super::sink::{At, Sink};
use crate::model::kind_phrases::find_label;
use crate::model::value_shape::has_scheme_separator;

/// Every string in a JSON document, labelled by its key (or its array's key).
pub(super) fn walk_json(v: &serde_json::Value, key: Option<&str>, sink: &mut Sink) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                walk_json(v, Some(k), sink);
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                walk_json(v, key, sink);
            }
        }
        serde_json::Value::String(s) => {
            let label = key.and_then(find_label);
            let kind = label.and_then(|(k, _)| k);
            let label_text = label.map(|(_, t)| t).or(key);
            if s.contains(char::is_whitespace) && s.trim().contains(char::is_whitespace) {
                // Prose in a string (a ticket's description): scan it as text.
                let mut inner = Sink {
                    seen: std::mem::take(&mut sink.seen),
                    ..Sink::default()
                };
                Scanner::new(s).run(&mut inner);
                sink.seen = inner.seen;
                sink.params.extend(inner.params);
                return;
            }
            let at = At {
                label: label_text,
                ..At::default()
            };
            if has_scheme_separator(s) {
                if let Some(k) = url_kind(s, kind) {
                    sink.push(k, Vec::new(), s, at);
                }
            } else if let Some((k, amb)) = value_kind(s, kind, kind.is_some()) {
                sink.push(k, amb, s, at);
            }
        }
        _ => {}
    }
}
