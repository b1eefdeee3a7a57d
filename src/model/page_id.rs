//! The Workday pages wdcap recognises, by id: one recogniser each in `src/pages/`.

use serde::{Deserialize, Serialize};

/// Page ids (snake_case names are part of the CLI's JSON contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageId {
    ViewApiClients,
    RegisterApiClient,
    ViewApiClient,
    ManageRefreshTokens,
    ViewUrls,
    ViewIds,
    HeadcountReport,
    MaintainPermissions,
    DomainPoliciesForArea,
    EditTenantSetupSecurity,
    EditTenantSetupSystem,
    CreateIsu,
    CreateSecurityGroup,
    ActivateSecurityChanges,
    CustomReport,
    ReportSharing,
}

impl PageId {
    pub const ALL: &'static [PageId] = &[
        PageId::ViewApiClients,
        PageId::RegisterApiClient,
        PageId::ViewApiClient,
        PageId::ManageRefreshTokens,
        PageId::ViewUrls,
        PageId::ViewIds,
        PageId::HeadcountReport,
        PageId::MaintainPermissions,
        PageId::DomainPoliciesForArea,
        PageId::EditTenantSetupSecurity,
        PageId::EditTenantSetupSystem,
        PageId::CreateIsu,
        PageId::CreateSecurityGroup,
        PageId::ActivateSecurityChanges,
        PageId::CustomReport,
        PageId::ReportSharing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PageId::ViewApiClients => "view_api_clients",
            PageId::RegisterApiClient => "register_api_client",
            PageId::ViewApiClient => "view_api_client",
            PageId::ManageRefreshTokens => "manage_refresh_tokens",
            PageId::ViewUrls => "view_urls",
            PageId::ViewIds => "view_ids",
            PageId::HeadcountReport => "headcount_report",
            PageId::MaintainPermissions => "maintain_permissions",
            PageId::DomainPoliciesForArea => "domain_policies_for_area",
            PageId::EditTenantSetupSecurity => "edit_tenant_setup_security",
            PageId::EditTenantSetupSystem => "edit_tenant_setup_system",
            PageId::CreateIsu => "create_isu",
            PageId::CreateSecurityGroup => "create_security_group",
            PageId::ActivateSecurityChanges => "activate_security_changes",
            PageId::CustomReport => "custom_report",
            PageId::ReportSharing => "report_sharing",
        }
    }

    /// The page id named `s` (its snake_case form).
    pub fn parse(s: &str) -> Option<PageId> {
        PageId::ALL.iter().copied().find(|p| p.as_str() == s)
    }
}

impl std::fmt::Display for PageId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_ids_round_trip() {
        for p in PageId::ALL {
            assert_eq!(PageId::parse(p.as_str()), Some(*p));
        }
    }
}
