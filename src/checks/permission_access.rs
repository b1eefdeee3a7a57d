//! `permission-access`: the ISU's security group holds a policy the partner needs, but with too
//! little access: Get where Get and Put is needed, View without Get, Modify missing (the access
//! columns of the partner's table: the Viva Learning guide "Create the ISU" step 7 "Get Only", the Defender for Cloud Apps guide "Connect Workday"
//! § Prerequisites, the Ten Thousand Coffees guide "Workday custom reports" step 3 "Get"; Kombo: "Get Only" for "Get:" permissions,
//! "Get and Put" otherwise). The missing access is refused by Workday.

use crate::model::settings::names;
use super::permission_missing::grants;
use super::{partner_name, Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::partner::Access;

pub struct PermissionAccess;

impl Check for PermissionAccess {
    fn code(&self) -> &'static str {
        "permission-access"
    }

    fn summary(&self) -> &'static str {
        "A domain security policy is granted with less access than the partner needs (e.g. Get without Put)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn reads(&self) -> &'static [&'static str] {
        &[names::DOMAIN_PERMISSION, names::DOMAIN_POLICY_ACCESS]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let Some(partner) = cx.partner.filter(|p| !p.domain_policies.is_empty()) else {
            return Vec::new();
        };
        let g = grants(cx);
        partner
            .domain_policies
            .iter()
            .filter_map(|row| {
                let (shown, has) = g.lookup(row).filter(|(_, a)| !a.is_empty())?;
                let missing: Vec<Access> = row.needs().filter(|a| !has.contains(a)).collect();
                if missing.is_empty() {
                    return None;
                }
                let list = |v: &mut dyn Iterator<Item = Access>| v.map(Access::as_str).collect::<Vec<_>>().join(", ");
                Some(Finding::new(
                    self.code(),
                    Severity::Error,
                    None,
                    format!(
                        "{}: `{shown}` is granted {}; {} needs {} (missing: {}).",
                        cx.group_phrase(),
                        list(&mut has.iter().copied()),
                        partner_name(cx),
                        list(&mut row.needs()),
                        list(&mut missing.iter().copied())
                    ),
                    format!(
                        "Maintain Permissions for Security Group: give `{}` {} access, then Activate Pending Security Policy Changes.",
                        row.target(),
                        list(&mut row.needs())
                    ),
                ))
            })
            .collect()
    }
}
