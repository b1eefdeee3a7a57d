//! Settings read from Workday pages (a check box's state, the scopes chosen, a permission row).
//! Checks judge them; the CLI prints them as `{"name", "value"}`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A setting's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SettingValue {
    Bool(bool),
    Int(i64),
    Text(String),
    List(Vec<String>),
    Record(BTreeMap<String, String>),
}

/// One setting read from a page. Names are snake_case and listed in [`names`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setting {
    pub name: String,
    pub value: SettingValue,
}

impl Setting {
    pub fn new(name: &str, value: SettingValue) -> Self {
        Setting {
            name: name.to_string(),
            value,
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
    pub const DOMAIN_PERMISSION: &str = "domain_permission";
    pub const SESSION_TIMEOUT_MINUTES: &str = "session_timeout_minutes";
    pub const DO_NOT_ALLOW_UI_SESSIONS: &str = "do_not_allow_ui_sessions";
    pub const ISU_USER_NAME: &str = "isu_user_name";
    pub const ACTIVATION_COMMENT: &str = "activation_comment";
    pub const ACTIVATION_CONFIRMED: &str = "activation_confirmed";
    pub const ACTIVATION_COMPLETED: &str = "activation_completed";
    pub const REPORT_NAME: &str = "report_name";
    pub const REPORT_OWNER: &str = "report_owner";
    pub const OBJECT_NAME: &str = "object_name";
    pub const OBJECT_TYPE: &str = "object_type";
    pub const REFERENCE_ID: &str = "reference_id";
    pub const ORGANIZATION: &str = "organization";
}
