//! `conflicting-values`: two different client secrets (or refresh tokens) in one set of values.
//! Generating a new secret invalidates the old one (`invalid_client`), and a new refresh token
//! the old one (`invalid_grant`) (the notes' "Values"): only the newest works, and which one that is the
//! values cannot tell. A warning, on every value after the first.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::param::ParamKind;

pub struct ConflictingValues;

impl Check for ConflictingValues {
    fn code(&self) -> &'static str {
        "conflicting-values"
    }

    fn summary(&self) -> &'static str {
        "Two different client secrets (or refresh tokens) were given; only the newest works."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Warning]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let mut out = Vec::new();
        for kind in [ParamKind::ClientSecret, ParamKind::RefreshToken] {
            let Some(error) = kind.mismatch_error() else {
                continue;
            };
            let mut first: Option<usize> = None;
            let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
            for (i, p) in cx.of_kind(kind) {
                let facts = cx.facts(i);
                // A kind guessed from shape alone (an unlabelled secret or token) proves no
                // conflict.
                if facts.placeholder || facts.clean.is_empty() || !p.ambiguous_with.is_empty() {
                    continue;
                }
                if !seen.insert(facts.clean.as_str()) {
                    continue;
                }
                if let Some(first) = first {
                    out.push(Finding::new(
                        self.code(),
                        Severity::Warning,
                        Some(i),
                        format!(
                            "{} differs from {} given earlier; generating a new one invalidates the old ({error}).",
                            cx.describe(i),
                            cx.describe(first)
                        ),
                        format!("Keep only the newest {}; compare fingerprints with the admin who generated it.", kind.title()),
                    ));
                }
                first.get_or_insert(i);
            }
        }
        out
    }
}
