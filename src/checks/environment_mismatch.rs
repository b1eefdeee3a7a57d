//! `environment-mismatch`: production and non-production URLs mixed in one connection. WIDs,
//! secrets and tokens differ between a production tenant and its sandbox or implementation
//! tenants (the notes' "Values"), so a mixed set cannot work.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::tenant::Environment;

pub struct EnvironmentMismatch;

impl Check for EnvironmentMismatch {
    fn code(&self) -> &'static str {
        "environment-mismatch"
    }

    fn summary(&self) -> &'static str {
        "Production and non-production (sandbox, implementation, preview) URLs are mixed."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let envs: Vec<(usize, Environment)> = cx
            .workday_urls()
            .filter_map(|(i, _, e)| e.environment().map(|x| (i, x)))
            .collect();
        let prod = envs.iter().filter(|(_, e)| e.is_production()).count();
        let nonprod = envs.len() - prod;
        if prod == 0 || nonprod == 0 {
            return Vec::new();
        }
        // The minority side is the odd one out; on a tie, flag the non-production ones, since
        // a connection is usually meant for production.
        let flag_production = prod < nonprod;
        envs.into_iter()
            .filter(|(_, e)| e.is_production() == flag_production)
            .map(|(i, e)| {
                let p = &cx.params[i];
                let others = if flag_production { "non-production" } else { "production" };
                Finding::new(
                    self.code(),
                    Severity::Error,
                    Some(i),
                    format!("{} points at a {e} tenant, the other URLs at {others} ones.", p.kind.title()),
                    "Take every value from the same tenant: all production, or all from one sandbox or implementation tenant.",
                )
            })
            .collect()
    }
}
