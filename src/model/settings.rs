//! Settings read from Workday pages (a check box's state, the scopes chosen, a permission row).
//! Checks judge them; the CLI prints them as `{"name", "value"}`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A setting's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum SettingValue {
    Bool(bool),
    Int(i64),
    Text(String),
    List(Vec<String>),
    Record(BTreeMap<String, String>),
    /// A list of records (the URLs of a report with their formats).
    Records(Vec<BTreeMap<String, String>>),
}

/// A record from `(key, value)` pairs; pairs with an empty value are left out, so a record
/// holds only what the page showed.
pub fn record<K: Into<String>, V: Into<String>>(
    pairs: impl IntoIterator<Item = (K, V)>,
) -> BTreeMap<String, String> {
    pairs
        .into_iter()
        .map(|(k, v)| (k.into(), v.into()))
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

/// One setting read from a page. Names are snake_case and listed in [`names`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Setting {
    pub name: String,
    pub value: SettingValue,
    /// The snapshot node that shows it, on the page it was just read on (where the page's mark
    /// goes). Never written nor read: it means nothing once the page is gone, and two reads of a
    /// setting are the same whatever node showed it.
    #[serde(skip)]
    #[cfg_attr(feature = "typescript", ts(skip))]
    pub node: Option<usize>,
}

impl PartialEq for Setting {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.value == other.value
    }
}

impl Eq for Setting {}

impl Setting {
    pub fn new(name: &str, value: SettingValue) -> Self {
        Setting {
            name: name.to_string(),
            value,
            node: None,
        }
    }

    /// The setting as shown by `node` (a field's value), for its mark on the page.
    pub fn shown_at(self, node: Option<usize>) -> Self {
        Setting { node, ..self }
    }

    pub fn text(name: &str, value: impl Into<String>) -> Self {
        Setting::new(name, SettingValue::Text(value.into()))
    }

    pub fn bool(name: &str, value: bool) -> Self {
        Setting::new(name, SettingValue::Bool(value))
    }

    pub fn int(name: &str, value: i64) -> Self {
        Setting::new(name, SettingValue::Int(value))
    }

    pub fn list(name: &str, value: Vec<String>) -> Self {
        Setting::new(name, SettingValue::List(value))
    }

    pub fn record(name: &str, value: BTreeMap<String, String>) -> Self {
        Setting::new(name, SettingValue::Record(value))
    }

    pub fn as_record(&self) -> Option<&BTreeMap<String, String>> {
        match &self.value {
            SettingValue::Record(r) => Some(r),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match &self.value {
            SettingValue::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match &self.value {
            SettingValue::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[String]> {
        match &self.value {
            SettingValue::List(l) => Some(l),
            _ => None,
        }
    }
}

/// Every setting name a recogniser may emit, in one place so checks and recognisers agree.
pub mod names {
    /// The tab shown on View API Clients (`API Clients` or `API Clients for Integrations`).
    pub const API_CLIENTS_TAB: &str = "api_clients_tab";
    /// Whether the tenant uses SAML single sign-on (feeds the `redirect=n` checks).
    pub const SAML_SSO_ENABLED: &str = "saml_sso_enabled";
    pub const OAUTH_CLIENTS_ENABLED: &str = "oauth_clients_enabled";
    pub const USER_ACTIVITY_LOGGING: &str = "user_activity_logging";
    pub const CLIENT_NAME: &str = "client_name";
    pub const CLIENT_GRANT_TYPE: &str = "client_grant_type";
    pub const ACCESS_TOKEN_TYPE: &str = "access_token_type";
    pub const REDIRECTION_URI: &str = "redirection_uri";
    pub const NON_EXPIRING_REFRESH_TOKENS: &str = "non_expiring_refresh_tokens";
    pub const REFRESH_TOKEN_TIMEOUT_DAYS: &str = "refresh_token_timeout_days";
    pub const SCOPES: &str = "scopes";
    pub const WORKDAY_ACCOUNT: &str = "workday_account";
    pub const GENERATE_NEW_REFRESH_TOKEN: &str = "generate_new_refresh_token";
    pub const SECURITY_GROUP: &str = "security_group";
    pub const SECURITY_GROUP_TYPE: &str = "security_group_type";
    pub const SECURITY_GROUP_MEMBERS: &str = "security_group_members";
    /// Records `{policy, view_modify?, get_put?, view, modify, get, put, functional_areas?}`,
    /// one per domain security policy row of Maintain Permissions for Security Group: the
    /// access texts as shown, and what they grant ("true"/"false").
    pub const DOMAIN_PERMISSION: &str = "domain_permission";
    pub const SESSION_TIMEOUT_MINUTES: &str = "session_timeout_minutes";
    pub const DO_NOT_ALLOW_UI_SESSIONS: &str = "do_not_allow_ui_sessions";
    pub const ISU_USER_NAME: &str = "isu_user_name";
    pub const ACTIVATION_COMMENT: &str = "activation_comment";
    pub const ACTIVATION_CONFIRMED: &str = "activation_confirmed";
    pub const ACTIVATION_COMPLETED: &str = "activation_completed";
    pub const REPORT_NAME: &str = "report_name";
    pub const REPORT_OWNER: &str = "report_owner";
    /// A custom report's Report Type (`Advanced`, `Simple`, …) as shown.
    pub const REPORT_TYPE: &str = "report_type";
    /// A custom report's "Enable As Web Service" check box (RaaS needs it).
    pub const ENABLE_AS_WEB_SERVICE: &str = "enable_as_web_service";
    /// The users a custom report is shared with (its Share tab's Authorized Users).
    pub const REPORT_SHARED_WITH: &str = "report_shared_with";
    /// The columns of one custom report (their aliases or headings), a list per report: from a
    /// report definition page, or from a RaaS JSON sample pasted into `wdcap check`.
    pub const REPORT_FIELDS: &str = "report_fields";
    /// Errors pasted text quotes (`invalid_grant`, `http_401`, `soap_authentication`; see
    /// `crate::workday::errors`), a list in the order first seen.
    pub const REPORTED_ERRORS: &str = "reported_errors";
    pub const OBJECT_NAME: &str = "object_name";
    pub const OBJECT_TYPE: &str = "object_type";
    /// Records `{type, value}`, one per reference ID on View IDs.
    pub const REFERENCE_ID: &str = "reference_id";
    /// Records `{name, wid?, parent?, role: root|child, level?}`, one per organisation row.
    pub const ORGANIZATION: &str = "organization";
    /// The organisation a Headcount Report was run on (its prompt).
    pub const ORGANIZATION_ROOT: &str = "organization_root";
    /// Which step of a multi-step task the page shows (`form`, `result`, `confirm`, `done`…),
    /// so captured values can be grouped by the step they came from.
    pub const STEP: &str = "step";
    /// `api_client` or `api_client_for_integrations` (Register / View API Client pages).
    pub const API_CLIENT_VARIANT: &str = "api_client_variant";
    /// Every URL on a report's View URLs page: records `{format, url}`.
    pub const REPORT_URLS: &str = "report_urls";
    /// The Workday ID (WID) of the object shown on View IDs.
    pub const WORKDAY_ID: &str = "workday_id";
    /// The functional area a Domain Security Policies report was run for.
    pub const FUNCTIONAL_AREA: &str = "functional_area";
    /// The domain security policies listed for a functional area.
    pub const DOMAIN_POLICIES: &str = "domain_policies";
    /// Records `{policy, group, view, modify, get, put}` ("true"/"false"), one per policy and
    /// security group, from Domain Security Policies for Functional Area.
    pub const DOMAIN_POLICY_ACCESS: &str = "domain_policy_access";
    /// `Maintain` or `Copy` on the first step of Maintain Permissions for Security Group.
    pub const PERMISSIONS_OPERATION: &str = "permissions_operation";
    /// The API client whose refresh tokens Manage Refresh Tokens for Integrations manages.
    pub const API_CLIENT: &str = "api_client";
}
