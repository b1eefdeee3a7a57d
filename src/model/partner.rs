//! Partner profiles: what each integration partner needs from Workday, as its public setup
//! guide says, item by item with the citation (the guide's title, public address and section,
//! see [`citation`](crate::model::citation)). The data lives in
//! `partners/<id>.toml` (one file per partner; adding a partner is adding a file) and is
//! compiled into [`PARTNERS`] by `build.rs`, which rejects a malformed file with a clear message.
//!
//! Checks read a profile to judge captured values and settings (`missing-parameter`,
//! `scope-missing`, `permission-access` …); the extension's checklist renders its
//! [`Step`]s.

use crate::model::page_id::PageId;
use crate::model::param::ParamKind;
use serde::Serialize;

/// A text and the guide section it comes from.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Cited {
    pub text: &'static str,
    /// `<guide id> § <section>`, as the profile writes it.
    pub source: &'static str,
    /// The source as users read it: the guide's title, public address and section.
    pub citation: &'static str,
}

/// A public setup guide a profile cites.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Guide {
    /// The id a `source` names (`connect-workday § Prerequisites`).
    pub id: &'static str,
    /// The guide's title, as users read it.
    pub title: &'static str,
    /// Its public `https` address.
    pub address: &'static str,
}

/// One partner.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Partner {
    /// Kebab-case id, the `--integration` value (`viva-learning`).
    pub id: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    /// The public guides the profile is built from.
    pub guides: &'static [Guide],
    /// The partner's guide tells SAML SSO tenants to add `redirect=n` to the authorization
    /// endpoint.
    pub redirect_n_rule: bool,
    /// What the partner says about sandbox refreshes, if anything.
    pub sandbox_refresh: Option<Cited>,
    /// A remark on permissions that are not a fixed list (Kombo's come from its connection flow).
    pub permissions_note: Option<Cited>,
    /// RaaS URLs must be the JSON ones (`format=json`).
    pub raas_json: bool,
    pub raas_json_source: Option<&'static str>,
    pub raas_json_citation: Option<&'static str>,
    /// The values the partner's form asks for, in its order.
    pub parameters: &'static [Requirement],
    pub soap: Option<SoapService>,
    pub tenant_settings: Option<TenantSettings>,
    pub oauth_client: Option<OauthClient>,
    pub isu: Option<IsuProfile>,
    /// The domain security policies the ISU's security group needs, with the access each needs.
    pub domain_policies: &'static [DomainPolicy],
    pub activation: Option<Activation>,
    /// Custom reports the partner reads (10KC's User and Group reports).
    pub reports: &'static [ReportSpec],
    /// The checklist.
    pub steps: &'static [Step],
}

/// A parameter the partner asks for.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Requirement {
    pub kind: ParamKind,
    /// False for values only some setups need (Kombo's API client).
    pub required: bool,
    /// How many distinct values (10KC: two RaaS URLs, the User and the Group report).
    pub count: u32,
    /// What the partner's form or guide calls it.
    pub label: &'static str,
    /// Where in Workday it is found.
    pub r#where: &'static str,
    pub source: &'static str,
    /// The source as users read it: the guide's title, public address and section.
    pub citation: &'static str,
}

/// The SOAP web service and version the partner calls.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SoapService {
    pub service: &'static str,
    pub version: &'static str,
    pub source: &'static str,
    /// The source as users read it: the guide's title, public address and section.
    pub citation: &'static str,
}

/// Tenant-wide settings the partner needs (`None`: the guide says nothing).
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TenantSettings {
    pub oauth_clients_enabled: Option<bool>,
    pub user_activity_logging: Option<bool>,
    pub source: &'static str,
    /// The source as users read it: the guide's title, public address and section.
    pub citation: &'static str,
}

/// The API client the partner needs registered.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct OauthClient {
    /// False when only some setups need it.
    pub required: bool,
    /// The Workday task that registers it.
    pub task: &'static str,
    pub client_name: Option<&'static str>,
    pub grant_type: Option<&'static str>,
    pub access_token_type: Option<&'static str>,
    /// Accepted redirection URIs (any one of them).
    pub redirect_uris: &'static [&'static str],
    pub redirect_uris_note: Option<&'static str>,
    pub non_expiring_refresh_tokens: Option<bool>,
    /// Scope (Functional Areas), word for word from the guide.
    pub scopes: &'static [&'static str],
    pub note: Option<&'static str>,
    pub source: &'static str,
    /// The source as users read it: the guide's title, public address and section.
    pub citation: &'static str,
}

/// What the guide says about the integration system user and its security group.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct IsuProfile {
    pub recommended: bool,
    pub session_timeout_minutes: Option<i64>,
    pub security_group_type: Option<&'static str>,
    pub note: Option<&'static str>,
    pub source: &'static str,
    /// The source as users read it: the guide's title, public address and section.
    pub citation: &'static str,
}

/// A permission word of a domain security policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Access {
    View,
    Modify,
    Get,
    Put,
}

impl Partner {
    /// What to name when a call is forbidden: the partner's domain policies with the
    /// integration access each needs, and its API client's scopes.
    pub fn likely_permissions(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .domain_policies
            .iter()
            .filter(|d| !d.integration.is_empty())
            .map(|d| {
                let access: Vec<&str> = d.integration.iter().map(|a| a.as_str()).collect();
                format!("{} ({})", d.target(), access.join(", "))
            })
            .collect();
        if let Some(client) = &self.oauth_client {
            if !client.scopes.is_empty() {
                out.push(format!("API client scopes: {}", client.scopes.join(", ")));
            }
        }
        out
    }
}

impl Access {
    pub fn as_str(self) -> &'static str {
        match self {
            Access::View => "View",
            Access::Modify => "Modify",
            Access::Get => "Get",
            Access::Put => "Put",
        }
    }
}

/// One row of a partner's permission table, word for word.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct DomainPolicy {
    pub functional_area: Option<&'static str>,
    pub policy: &'static str,
    pub subdomain: Option<&'static str>,
    /// Report/Task permissions (View, Modify).
    pub report_task: &'static [Access],
    /// Integration permissions (Get, Put).
    pub integration: &'static [Access],
    pub description: Option<&'static str>,
    pub source: &'static str,
    /// The source as users read it: the guide's title, public address and section.
    pub citation: &'static str,
}

impl DomainPolicy {
    /// The policy the permission is granted on: the subdomain when the table names one.
    pub fn target(&self) -> &'static str {
        self.subdomain.unwrap_or(self.policy)
    }

    /// Every access word the row needs.
    pub fn needs(&self) -> impl Iterator<Item = Access> + '_ {
        self.report_task.iter().chain(self.integration).copied()
    }
}

/// Whether pending security policy changes must be activated.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Activation {
    pub required: bool,
    pub source: &'static str,
    /// The source as users read it: the guide's title, public address and section.
    pub citation: &'static str,
}

/// A custom report the partner reads.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ReportSpec {
    pub id: &'static str,
    pub name: &'static str,
    pub note: Option<&'static str>,
    pub source: &'static str,
    pub citation: &'static str,
    pub fields: &'static [ReportField],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FieldLevel {
    Required,
    Recommended,
    Optional,
}

/// A field of a custom report.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ReportField {
    pub name: &'static str,
    pub level: FieldLevel,
    pub example: Option<&'static str>,
    pub notes: Option<&'static str>,
    /// When not empty, the only values the partner accepts.
    pub allowed_values: &'static [&'static str],
    /// Column aliases that mean this field (ours, not the guide's).
    pub aliases: &'static [&'static str],
}

impl ReportField {
    /// Whether a report column (its alias or heading) is this field: compared with case,
    /// spaces and punctuation folded away.
    pub fn matches(&self, column: &str) -> bool {
        let c = fold(column);
        !c.is_empty() && (fold(self.name) == c || self.aliases.iter().any(|a| fold(a) == c))
    }

    /// Whether `value` is allowed (always, when the field lists no allowed values). Compared
    /// without regard to case: the guide writes “yes” and shows `Yes` as its example.
    pub fn allows(&self, value: &str) -> bool {
        self.allowed_values.is_empty()
            || self
                .allowed_values
                .iter()
                .any(|a| a.eq_ignore_ascii_case(value.trim()))
    }
}

/// One step of the partner's checklist.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Step {
    pub id: &'static str,
    pub title: &'static str,
    /// The Workday task to search for.
    pub task: Option<&'static str>,
    /// Only some setups need this step.
    pub optional: bool,
    /// What to set, in the task's own words.
    pub set: &'static [&'static str],
    /// The parameters this step yields.
    pub capture: &'static [ParamKind],
    pub pitfalls: &'static [&'static str],
    /// The page whose visit evidences the step.
    pub evidence_page: Option<PageId>,
    /// Settings that show the step was done right.
    pub evidence_settings: &'static [&'static str],
    /// The partner's reports (`[[report]]` ids) the evidence settings are read on: each one's
    /// pages (definition, Share tab) must show them right.
    pub evidence_reports: &'static [&'static str],
    /// Evidenced by the partner export being used (the step happens outside Workday).
    pub evidence_export: bool,
    pub source: &'static str,
    /// The source as users read it: the guide's title, public address and section.
    pub citation: &'static str,
}

/// Lower-case letters and digits only: `Tenant Non-Configurable` and `Tenant nonconfigurable`
/// fold alike, as do `first_name` and `First name`.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

include!(concat!(env!("OUT_DIR"), "/partners.rs"));

/// The partner with this id.
pub fn partner(id: &str) -> Option<&'static Partner> {
    PARTNERS.iter().find(|p| p.id == id)
}

/// Every partner id, for messages and `--help`.
pub fn ids() -> Vec<&'static str> {
    PARTNERS.iter().map(|p| p.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_partners() {
        assert_eq!(
            ids(),
            [
                "datadog-workday",
                "defender-for-cloud-apps",
                "entra-workday-to-ad",
                "entra-workday-to-entra",
                "expensify-workday",
                "kombo",
                "microsoft-sentinel-workday",
                "nango-workday-refresh-token",
                "servicenow-workday-hr-soap-oauth",
                "sumo-logic-workday-script",
                "ten-thousand-coffees",
                "viva-learning"
            ]
        );
        let viva = partner("viva-learning").unwrap();
        let soap = viva.soap.as_ref().unwrap();
        assert_eq!((soap.service, soap.version), ("Learning", "v39.2"));
        assert!(partner("ten-thousand-coffees").unwrap().raas_json);
        assert!(partner("nobody").is_none());
    }

    #[test]
    fn folding_and_field_matching() {
        assert_eq!(
            fold("Tenant Non-Configurable"),
            fold("Tenant nonconfigurable")
        );
        let tkc = partner("ten-thousand-coffees").unwrap();
        let user = &tkc.reports[0];
        let first = user.fields.iter().find(|f| f.name == "First name").unwrap();
        assert!(
            first.matches("first_name")
                && first.matches("First Name")
                && !first.matches("Last name")
        );
        let pms = user
            .fields
            .iter()
            .find(|f| f.name == "People manager status")
            .unwrap();
        assert!(pms.allows("Yes") && pms.allows("no") && !pms.allows("maybe"));
    }
}
