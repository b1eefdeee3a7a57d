// The Workday pages wdcap recognises: the one list of page ids. Each line names a page id (its
// snake_case form is part of the CLI's JSON contract), its `PageId` variant, and so its
// recogniser: `src/pages/<page id>.rs`, defining the unit struct named like the variant.
//
// Included, not compiled on its own (it defines the macro `page_ids!`, which hands the list to
// the macro named in its call), by `src/model/page_id.rs` (the `PageId` enum),
// `src/pages/mod.rs` (the recogniser registry, in this order: a page matched by two recognisers
// goes to the first) and `build.rs` (checks `labels/*.toml` and `partners/*.toml` name only
// these). Adding a page is one line here, its file, its labels and its fixtures.
macro_rules! page_ids {
    ($then:ident) => {
        $then! {
            view_api_clients => ViewApiClients,
            register_api_client => RegisterApiClient,
            view_api_client => ViewApiClient,
            manage_refresh_tokens => ManageRefreshTokens,
            view_urls => ViewUrls,
            view_ids => ViewIds,
            headcount_report => HeadcountReport,
            maintain_permissions => MaintainPermissions,
            domain_policies_for_area => DomainPoliciesForArea,
            edit_tenant_setup_security => EditTenantSetupSecurity,
            edit_tenant_setup_system => EditTenantSetupSystem,
            create_isu => CreateIsu,
            create_security_group => CreateSecurityGroup,
            activate_security_changes => ActivateSecurityChanges,
            report_sharing => ReportSharing,
            custom_report => CustomReport,
        }
    };
}
