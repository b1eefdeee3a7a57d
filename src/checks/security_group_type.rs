//! `security-group-type`: the ISU's security group is not of the type the partner's guide
//! chooses: "Integration System Security Group (Unconstrained)" (the Kombo guide "Linking your Workday account", Viva Learning
//! the Viva Learning guide "Create the ISU" step 3, the Ten Thousand Coffees guide "Workday custom reports" step 2). A constrained integration group works but sees only
//! its organisations' data (a warning); any other type is an error.

use super::{partner_name, Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::partner::fold;
use crate::model::settings::names;

pub struct SecurityGroupType;

impl Check for SecurityGroupType {
    fn code(&self) -> &'static str {
        "security-group-type"
    }

    fn summary(&self) -> &'static str {
        "The ISU's security group is not an Integration System Security Group (Unconstrained)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error, Severity::Warning]
    }

    fn reads(&self) -> &'static [&'static str] {
        &[names::SECURITY_GROUP_TYPE]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let Some(expected) = cx.partner.and_then(|p| p.isu.as_ref()?.security_group_type) else {
            return Vec::new();
        };
        let Some(read) = cx.text_setting(names::SECURITY_GROUP_TYPE) else {
            return Vec::new();
        };
        let r = fold(read);
        if r == fold(expected) {
            return Vec::new();
        }
        let (severity, why) = if r.contains("integrationsystem")
            && r.contains("constrained")
            && !r.contains("unconstrained")
        {
            (
                Severity::Warning,
                "a constrained group sees only the data of its organisations",
            )
        } else {
            (
                Severity::Error,
                "the ISU's permissions come from an integration system security group",
            )
        };
        vec![Finding::new(
            self.code(),
            severity,
            None,
            format!("{} is of type `{read}`; {} asks for `{expected}` ({why}).", cx.group_phrase(), partner_name(cx)),
            format!("Create Security Group with Type of Tenanted Security Group `{expected}`, add the ISU, and grant it the permissions."),
        )
        .fixed(Some(expected.to_string()))]
    }
}
