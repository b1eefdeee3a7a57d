//! Domain types for what a Workday URL says about the tenant it belongs to: its [`Tenant`]
//! name, the [`DataCenter`] and [`Environment`] its host reveals, and whether the host serves
//! the UI or the web services ([`HostRole`]). Facts and their sources: `workday-notes.md`, "Hosts and URL anatomy".

use serde::Serialize;
use std::fmt;

/// The registrable domains Workday serves tenants from (the notes' "Hosts and URL anatomy", "Domains seen").
pub const WORKDAY_DOMAINS: &[&str] = &[
    "workday.com",
    "myworkday.com",
    "myworkdaygov.com",
    "workdaygov.com",
    "workdaysuv.com",
];

/// A tenant name as it appears in a URL path. Tenant names are case sensitive (the notes' "Hosts and URL anatomy"), so
/// equality is exact; [`Tenant::same_ignoring_case`] exists to explain a mismatch.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Tenant(String);

impl Tenant {
    pub fn new(name: impl Into<String>) -> Self {
        Tenant(name.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn same_ignoring_case(&self, other: &Tenant) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }

    /// What the tenant's name says about its environment: `_Preview` tenants are preview
    /// tenants (the notes' "Hosts and URL anatomy").
    pub fn environment_hint(&self) -> Option<Environment> {
        let lower = self.0.to_ascii_lowercase();
        if lower.ends_with("_preview") {
            Some(Environment::Preview)
        } else {
            None
        }
    }
}

impl fmt::Display for Tenant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A data-center label such as `wd3` or `wd12`, as it appears in a host name. Hosts without a
/// label (`www.myworkday.com`, `services1.myworkday.com`, `impl.workday.com`) have none: which
/// data center they are in is not something the host tells, so nothing is compared for them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct DataCenter(String);

impl DataCenter {
    /// `wd` followed by digits, lowercase.
    pub fn from_label(label: &str) -> Option<Self> {
        let digits = label.strip_prefix("wd")?;
        if !digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Some(DataCenter(label.to_string()))
        } else {
            None
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DataCenter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which kind of tenant a URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Environment {
    /// `myworkday.com` / `myworkdaygov.com` hosts without an `impl` or `dev` label.
    Production,
    /// Hosts with an `impl` label: implementation and sandbox tenants, which Workday hosts alike.
    Implementation,
    /// The government sandbox domain `workdaygov.com`.
    Sandbox,
    /// A tenant whose name ends in `_Preview`.
    Preview,
    /// `workdaysuv.com` (Workday's internal development machines) or a `dev` label.
    Development,
}

impl Environment {
    pub fn as_str(self) -> &'static str {
        match self {
            Environment::Production => "production",
            Environment::Implementation => "implementation",
            Environment::Sandbox => "sandbox",
            Environment::Preview => "preview",
            Environment::Development => "development",
        }
    }

    pub fn is_production(self) -> bool {
        self == Environment::Production
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a host serves the admin UI (and the OAuth authorize page) or the web services
/// (SOAP, REST, token, RaaS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HostRole {
    Ui,
    Services,
    /// Both from one host: a development machine under `workdaysuv.com` (the notes' "Hosts and
    /// URL anatomy", "Domains seen"). Public code shows one such machine answering the UI, SOAP,
    /// RaaS and `/authorize` alike, and none with a `-services1` twin, so neither
    /// `ui-host-for-api` nor `api-host-for-authorize` has a better host to offer there.
    Any,
}

/// A host name that belongs to one of [`WORKDAY_DOMAINS`], with what its labels say. A name in
/// the host (`galahdev-services1.wd101.myworkday.com`, `dunnart.myworkday.com`) is not read as
/// the tenant: public configs pair such hosts with tenants of other names (`wday_galahdev11`),
/// so the tenant comes from the path only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkdayHost {
    pub name: String,
    pub domain: &'static str,
    pub role: HostRole,
    pub data_center: Option<DataCenter>,
    pub environment: Environment,
}

/// Workday's own sites that serve no tenant, by host name, with what each is. Links to them
/// (a reference page on Workday Community, the documentation reader, the marketing site that a
/// SAML set-up names as its entity ID) fill the tickets and guides wdcap reads; they are never a
/// tenant's connection parameter, and never a lookalike either.
const SITES: &[(&str, &str)] = &[
    ("www.workday.com", "Workday's public website"),
    ("community.workday.com", "Workday Community"),
    ("doc.workday.com", "Workday's documentation"),
    ("docs.workday.com", "Workday's documentation"),
    ("credentials.workday.com", "Workday's credentials site"),
    ("resourcecenter.workday.com", "Workday's resource center"),
    ("developer.workday.com", "Workday's developer site"),
    ("blog.workday.com", "Workday's blog"),
    ("newsroom.workday.com", "Workday's newsroom"),
];

/// Domains of Workday products other than a tenant's admin UI and APIs: candidate-facing job
/// sites (`{tenant}.wd5.myworkdayjobs.com`), a different product with its own URLs (the notes'
/// "The admin UI's DOM"), also served as `myworkdaysite.com`.
const SITE_DOMAINS: &[(&str, &str)] = &[
    ("myworkdayjobs.com", "a Workday job site for candidates"),
    ("myworkdaysite.com", "a Workday job site for candidates"),
];

/// What a host of Workday's that serves no tenant is ("Workday Community"), for a host name as
/// the `url` crate gives it; `None` for every other host.
pub fn workday_site(host: &str) -> Option<&'static str> {
    if let Some((_, what)) = SITES.iter().find(|(h, _)| *h == host) {
        return Some(what);
    }
    SITE_DOMAINS
        .iter()
        .find(|(d, _)| {
            host == *d
                || host
                    .strip_suffix(d)
                    .is_some_and(|prefix| prefix.ends_with('.') && prefix.len() > 1)
        })
        .map(|(_, what)| *what)
}

impl WorkdayHost {
    /// Parses a host name as the `url` crate gives it (lowercase, IDNA to punycode). `None` for
    /// anything that is not exactly a Workday domain or a subdomain of one: lookalikes, a
    /// trailing dot, IP literals; and for Workday's own sites that serve no tenant
    /// ([`workday_site`]).
    pub fn parse(host: &str) -> Option<Self> {
        if workday_site(host).is_some() {
            return None;
        }
        let domain = WORKDAY_DOMAINS.iter().copied().find(|d| {
            host == *d
                || host
                    .strip_suffix(d)
                    .is_some_and(|prefix| prefix.ends_with('.') && prefix.len() > 1)
        })?;
        let prefix = host
            .strip_suffix(domain)
            .unwrap_or("")
            .trim_end_matches('.');
        if prefix.split('.').any(str::is_empty) && !prefix.is_empty() {
            return None;
        }
        let tokens: Vec<&str> = prefix.split(['.', '-']).filter(|t| !t.is_empty()).collect();
        let data_center = tokens.iter().find_map(|t| DataCenter::from_label(t));
        let role = if domain == "workdaysuv.com" {
            HostRole::Any
        } else if tokens.iter().any(|t| t.starts_with("services")) {
            HostRole::Services
        } else {
            HostRole::Ui
        };
        let environment = if domain == "workdaysuv.com" || tokens.contains(&"dev") {
            Environment::Development
        } else if tokens.contains(&"impl") {
            Environment::Implementation
        } else if domain == "workdaygov.com" {
            Environment::Sandbox
        } else {
            Environment::Production
        };
        Some(WorkdayHost {
            name: host.to_string(),
            domain,
            role,
            data_center,
            environment,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(s: &str) -> WorkdayHost {
        WorkdayHost::parse(s).unwrap_or_else(|| panic!("{s} should parse"))
    }

    #[test]
    fn every_host_shape_in_the_notes_parses() {
        let h = host("wd3-impl-services1.workday.com");
        assert_eq!(h.role, HostRole::Services);
        assert_eq!(h.data_center.as_ref().map(DataCenter::as_str), Some("wd3"));
        assert_eq!(h.environment, Environment::Implementation);

        let h = host("impl-services1.wd12.myworkday.com");
        assert_eq!(h.data_center.as_ref().map(DataCenter::as_str), Some("wd12"));
        assert_eq!(h.environment, Environment::Implementation);

        let h = host("wd5.myworkday.com");
        assert_eq!(h.role, HostRole::Ui);
        assert_eq!(h.environment, Environment::Production);

        let h = host("services1.myworkday.com");
        assert_eq!(h.role, HostRole::Services);
        assert_eq!(h.data_center, None);

        assert_eq!(
            host("impl.workday.com").environment,
            Environment::Implementation
        );
        assert_eq!(
            host("wd104.myworkdaygov.com").environment,
            Environment::Production
        );
        assert_eq!(host("wd2.workdaygov.com").environment, Environment::Sandbox);
        assert_eq!(
            host("foo.workdaysuv.com").environment,
            Environment::Development
        );
        assert_eq!(host("i-3be7a911.workdaysuv.com").role, HostRole::Any);
        assert_eq!(host("ibis.workday.com").role, HostRole::Ui);
        assert_eq!(
            host("galahdev-services1.wd101.myworkday.com").role,
            HostRole::Services
        );
    }

    #[test]
    fn workday_s_own_sites_are_no_tenant_host() {
        for h in [
            "www.workday.com",
            "community.workday.com",
            "doc.workday.com",
            "credentials.workday.com",
            "dingo.wd5.myworkdayjobs.com",
            "wd3.myworkdaysite.com",
        ] {
            assert!(workday_site(h).is_some(), "{h}");
            assert!(WorkdayHost::parse(h).is_none(), "{h}");
        }
        for h in [
            "workday.com",
            "www.myworkday.com",
            "impl.workday.com",
            "myworkdayjobs.com.evil.io",
            "evilmyworkdayjobs.com",
        ] {
            assert!(workday_site(h).is_none(), "{h}");
        }
    }

    #[test]
    fn lookalikes_are_not_workday() {
        for h in [
            "workday.com.evil.io",
            "myworkday.co",
            "evilworkday.com",
            "wd3.myworkday.com.",
            "127.0.0.1",
            "xn--wrkday-3ve.com",
            ".workday.com",
        ] {
            assert!(WorkdayHost::parse(h).is_none(), "{h} must not parse");
        }
    }

    #[test]
    fn preview_tenants_are_recognised_by_name() {
        assert_eq!(
            Tenant::new("acme_Preview").environment_hint(),
            Some(Environment::Preview)
        );
        assert_eq!(Tenant::new("acme").environment_hint(), None);
    }
}
