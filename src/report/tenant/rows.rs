//! The settings read, as a person reads them: "SAML on", "OAuth 2.0 clients enabled ✓",
//! "Session timeout: 0 minutes", with the page and the time they were read. Settings that say
//! how a page was read rather than what the tenant is set to (the step of a task, a table's
//! tab, a report's URLs) are not listed.

use crate::evidence::record::Record;
use crate::model::page_id::PageId;
use crate::model::settings::{names, Setting, SettingValue};
use serde::Serialize;

/// One setting read.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SettingRow {
    /// The setting's name (`saml_sso_enabled`).
    pub name: String,
    /// What it says, as a person reads it.
    pub text: String,
    /// Where it was read (none: given as evidence), the page's title, when (ms).
    pub page: Option<PageId>,
    pub page_title: String,
    pub at: u64,
}

fn yes_no(v: &SettingValue) -> Option<bool> {
    crate::checks::as_bool(v)
}

fn list(v: &SettingValue) -> Option<String> {
    match v {
        SettingValue::List(l) => Some(l.join(", ")),
        SettingValue::Text(t) => Some(t.clone()),
        _ => None,
    }
}

fn text(v: &SettingValue) -> Option<String> {
    match v {
        SettingValue::Text(t) => Some(t.clone()),
        SettingValue::Int(n) => Some(n.to_string()),
        SettingValue::List(l) if l.len() == 1 => Some(l[0].clone()),
        _ => None,
    }
}

/// A setting as a person reads it; `None` for settings not listed.
pub fn said(s: &Setting) -> Option<String> {
    let v = &s.value;
    let flag = |on: &str, off: &str| yes_no(v).map(|b| if b { on } else { off }.to_string());
    match s.name.as_str() {
        names::SAML_SSO_ENABLED => flag("SAML on", "SAML off"),
        names::OAUTH_CLIENTS_ENABLED => flag(
            "OAuth 2.0 clients enabled \u{2713}",
            "OAuth 2.0 clients disabled \u{2717}",
        ),
        names::USER_ACTIVITY_LOGGING => flag(
            "User activity logging on \u{2713}",
            "User activity logging off \u{2717}",
        ),
        names::SESSION_TIMEOUT_MINUTES => text(v).map(|m| format!("Session timeout: {m} minutes")),
        names::DO_NOT_ALLOW_UI_SESSIONS => {
            flag("UI sessions not allowed \u{2713}", "UI sessions allowed")
        }
        names::CLIENT_GRANT_TYPE => text(v).map(|t| format!("Grant type: {t}")),
        names::ACCESS_TOKEN_TYPE => text(v).map(|t| format!("Access token type: {t}")),
        names::REDIRECTION_URI => text(v).map(|t| format!("Redirection URI: {t}")),
        names::NON_EXPIRING_REFRESH_TOKENS => flag(
            "Non-expiring refresh tokens \u{2713}",
            "Refresh tokens expire",
        ),
        names::REFRESH_TOKEN_TIMEOUT_DAYS => {
            text(v).map(|d| format!("Refresh tokens expire after {d} days"))
        }
        names::SCOPES => list(v).map(|l| format!("Scopes: {l}")),
        names::SECURITY_GROUP_TYPE => text(v).map(|t| format!("Type: {t}")),
        names::SECURITY_GROUP_MEMBERS => list(v).map(|l| format!("Members: {l}")),
        names::WORKDAY_ACCOUNT => text(v).map(|t| format!("Workday account: {t}")),
        names::ACTIVATION_COMPLETED => flag(
            "Pending security changes activated \u{2713}",
            "Security changes not activated yet",
        ),
        names::REPORT_SHARED_WITH => list(v).map(|l| format!("Shared with: {l}")),
        names::ENABLE_AS_WEB_SERVICE => flag(
            "Enabled as a web service \u{2713}",
            "Not enabled as a web service",
        ),
        _ => None,
    }
}

/// The settings of `reads` (indices into the record's reads), each name once as its newest
/// read says it; domain permissions are counted ("5 domain permissions read"), not listed.
pub fn of_reads(record: &Record, reads: &[usize]) -> Vec<SettingRow> {
    let mut order: Vec<usize> = reads.to_vec();
    order.sort_by_key(|&i| std::cmp::Reverse(record.reads[i].at));
    let mut out: Vec<SettingRow> = Vec::new();
    for i in order {
        let r = &record.reads[i];
        let row = |name: &str, text: String| SettingRow {
            name: name.to_string(),
            text,
            page: r.page,
            page_title: r.title.clone(),
            at: r.at,
        };
        let permissions = r
            .settings
            .iter()
            .filter(|s| s.name == names::DOMAIN_PERMISSION)
            .count();
        if permissions > 0 && !out.iter().any(|x| x.name == names::DOMAIN_PERMISSION) {
            out.push(row(
                names::DOMAIN_PERMISSION,
                format!("{permissions} domain security policies read"),
            ));
        }
        for s in r.settings.iter().rev() {
            if out.iter().any(|x| x.name == s.name) {
                continue;
            }
            if let Some(text) = said(s) {
                out.push(row(&s.name, text));
            }
        }
    }
    out
}
