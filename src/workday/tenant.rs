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
}

/// A host name that belongs to one of [`WORKDAY_DOMAINS`], with what its labels say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkdayHost {
    pub name: String,
    pub domain: &'static str,
    pub role: HostRole,
    pub data_center: Option<DataCenter>,
    pub environment: Environment,
}

impl WorkdayHost {
    /// Parses a host name as the `url` crate gives it (lowercase, IDNA to punycode). `None` for
    /// anything that is not exactly a Workday domain or a subdomain of one: lookalikes, a
    /// trailing dot, IP literals.
    pub fn parse(host: &str) -> Option<Self> {
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
        let role = if tokens.iter().any(|t| t.starts_with("services")) {
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
