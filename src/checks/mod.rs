//! Checks: one file per check, each registered once in [`CHECKS`], each with a stable
//! kebab-case code (the file name with `_`), a one-line summary, the severities it may report,
//! a section in `docs/checks.md` and a passing and a failing fixture under
//! `tests/fixtures/checks/<code>/` (the conventions test in `tests/it/checks.rs` enforces all of
//! it, as ruff and zizmor do for their rules).
//!
//! Severity policy: **error** for what will certainly break the connection or leak
//! it; **warning** for what is likely wrong or depends on something unknown; **info** for what
//! is worth knowing. Nothing `workday-notes.md` marks unconfirmed is ever an error.
//!
//! Checks never put a secret's value into a message: they name the parameter and, where it
//! helps, its fingerprint and length.

mod context;
mod finding;
mod registry;

pub use context::{as_bool, text_bool, Context, Coverage, Facts, Subjects};
pub(crate) use context::{as_list, majority, partner_name};
pub use finding::{Finding, FindingView};
pub use registry::{check, run_all, runs, Check};

/// What the evidence says the ISU's group is granted (the trainer checklist asks which of a
/// partner's policies it covers).
pub(crate) use permission_missing::grants;
/// Which of a partner's reports a list of columns is (the checklist reads report pages with it).
pub(crate) use report_field_missing::classify as classify_report;

/// Declares each check's module and lists its type in [`CHECKS`]: registering a check is one
/// line below.
macro_rules! checks {
    ($($(#[$doc:meta])* $module:ident :: $check:ident,)*) => {
        $(mod $module;)*
        /// Every check, once.
        pub static CHECKS: &[&dyn Check] = &[$(&$module::$check),*];
    };
}

checks! {
    // Hosts and URLs.
    host_not_workday::HostNotWorkday,
    link_wrapped::LinkWrapped,
    not_https::NotHttps,
    credentials_in_url::CredentialsInUrl,
    ui_host_for_api::UiHostForApi,
    api_host_for_authorize::ApiHostForAuthorize,
    wrong_path::WrongPath,
    placeholder::Placeholder,
    // Consistency across every URL.
    tenant_mismatch::TenantMismatch,
    data_center_mismatch::DataCenterMismatch,
    environment_mismatch::EnvironmentMismatch,
    sandbox_refresh::SandboxRefresh,
    // SSO.
    redirect_n_missing::RedirectNMissing,
    redirect_n_malformed::RedirectNMalformed,
    redirect_n_misplaced::RedirectNMisplaced,
    // RaaS.
    raas_not_json::RaasNotJson,
    raas_not_report_url::RaasNotReportUrl,
    raas_owner_mismatch::RaasOwnerMismatch,
    raas_owner_missing::RaasOwnerMissing,
    report_field_missing::ReportFieldMissing,
    report_value_not_allowed::ReportValueNotAllowed,
    // SOAP.
    soap_service_mismatch::SoapServiceMismatch,
    soap_version_mismatch::SoapVersionMismatch,
    // Values.
    whitespace::Whitespace,
    invisible_char::InvisibleChar,
    line_end_whitespace::LineEndWhitespace,
    quoted::Quoted,
    truncated::Truncated,
    client_id_malformed::ClientIdMalformed,
    swapped_values::SwappedValues,
    conflicting_values::ConflictingValues,
    mixed_credentials::MixedCredentials,
    org_id_malformed::OrgIdMalformed,
    org_id_duplicate::OrgIdDuplicate,
    org_id_environment::OrgIdEnvironment,
    // Settings read from Workday pages.
    oauth_clients_disabled::OauthClientsDisabled,
    user_activity_logging_off::UserActivityLoggingOff,
    scope_missing::ScopeMissing,
    grant_type_mismatch::GrantTypeMismatch,
    token_type_mismatch::TokenTypeMismatch,
    redirect_uri_mismatch::RedirectUriMismatch,
    refresh_token_expiring::RefreshTokenExpiring,
    permission_missing::PermissionMissing,
    permission_access::PermissionAccess,
    isu_session_timeout::IsuSessionTimeout,
    security_group_type::SecurityGroupType,
    changes_not_activated::ChangesNotActivated,
    // The partner's requirements.
    missing_parameter::MissingParameter,
    // What the text says happened.
    reported_error::ReportedErrorCheck,
}
