//! `org-id-environment`: a Workday ID captured in another tenant than the connection's. WIDs
//! differ between production, sandbox and implementation tenants (the notes' "Values"): an org ID copied
//! from a sandbox is wrong in production. Reference IDs are the same across tenants and are
//! never flagged.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::param::ParamKind;
use crate::workday::values;

pub struct OrgIdEnvironment;

impl Check for OrgIdEnvironment {
    fn code(&self) -> &'static str {
        "org-id-environment"
    }

    fn summary(&self) -> &'static str {
        "An org's Workday ID was captured in another tenant than the connection's."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let Some(tenant) = cx.connection_tenant() else {
            return Vec::new();
        };
        cx.of_kind(ParamKind::OrgId)
            .filter(|(i, _)| values::is_wid(&cx.facts(*i).clean.to_ascii_lowercase()))
            .filter_map(|(i, p)| {
                let from = p.context_tenant.as_ref()?;
                if *from == tenant {
                    return None;
                }
                let name = p.name.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
                Some(Finding::new(
                    self.code(),
                    Severity::Error,
                    Some(i),
                    format!(
                        "The org ID{name} was captured in tenant `{from}`, but the connection is to `{tenant}`; Workday IDs differ between tenants."
                    ),
                    format!(
                        "Copy the Workday ID from View IDs in tenant `{tenant}`, or use the organisation's reference ID, which is the same in every tenant."
                    ),
                ))
            })
            .collect()
    }
}
