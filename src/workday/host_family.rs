//! Which family of hosts a tenant lives on, and which addresses are a tenant's own admin pages.
//!
//! A tenant name is unique only within one data center and environment: `acme` on
//! `wd3-impl.workday.com` and `acme` on `wd5.myworkday.com` are two tenants. A [`HostFamily`] is
//! that pair, read from a host name; a UI host and the services host that goes with it
//! (`wd3-impl` and `wd3-impl-services1`) are of the same family. Facts and their sources:
//! `workday-notes.md`, "Hosts and URL anatomy".
//!
//! [`TenantPage`] is an address of a tenant's admin UI: `https`, on a tenant UI host (the shapes
//! the notes list: a data-center label such as `wd3`, an `impl`, `impl-cc` or `dev` label,
//! `www.myworkday.com`, a `{tenant}.wd5` label), with the tenant first in its path
//! (`/{tenant}/d/…`). Workday's own sites (the marketing site `www.workday.com`, community,
//! documentation: `workday::tenant::workday_site`) are not Workday hosts at all, and every other
//! host of the Workday domains (sign-in, forms, web services) serves no tenant's pages.

use crate::workday::endpoint::{Endpoint, EndpointKind};
use crate::workday::tenant::{DataCenter, Environment, HostRole, Tenant, WorkdayHost};
use crate::workday::tenant_host;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use url::Url;

/// A data center and an environment: the hosts a tenant name is unique on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(type = "string"))]
pub struct HostFamily {
    pub data_center: Option<DataCenter>,
    pub environment: Environment,
}

/// Every environment a host can name, in the order [`HostFamily::parse`] tries them.
const ENVIRONMENTS: &[Environment] = &[
    Environment::Production,
    Environment::Implementation,
    Environment::Sandbox,
    Environment::Preview,
    Environment::Development,
];

impl HostFamily {
    /// The family of a Workday host (UI or services).
    pub fn of(host: &WorkdayHost) -> Self {
        HostFamily {
            data_center: host.data_center.clone(),
            environment: host.environment,
        }
    }

    /// The family of a host name, when it is a Workday host.
    pub fn of_host(host: &str) -> Option<Self> {
        WorkdayHost::parse(host).map(|h| HostFamily::of(&h))
    }

    /// The stable string form, used in storage keys: `wd3.implementation`, or the environment
    /// alone for a host without a data-center label (`production` for `www.myworkday.com`).
    pub fn as_key(&self) -> String {
        match &self.data_center {
            Some(dc) => format!("{dc}.{}", self.environment.as_str()),
            None => self.environment.as_str().to_string(),
        }
    }

    /// Reads [`HostFamily::as_key`]'s form back; `None` for anything else.
    pub fn parse(key: &str) -> Option<Self> {
        let (dc, env) = match key.split_once('.') {
            Some((dc, env)) => (Some(DataCenter::from_label(dc)?), env),
            None => (None, key),
        };
        let environment = ENVIRONMENTS.iter().copied().find(|e| e.as_str() == env)?;
        Some(HostFamily {
            data_center: dc,
            environment,
        })
    }
}

impl fmt::Display for HostFamily {
    /// As a person reads it: `wd3 · implementation`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.data_center {
            Some(dc) => write!(f, "{dc} \u{b7} {}", self.environment),
            None => write!(f, "{}", self.environment),
        }
    }
}

impl Serialize for HostFamily {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_key())
    }
}

impl<'de> Deserialize<'de> for HostFamily {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        HostFamily::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a host family: {text:?}")))
    }
}

/// Why an address is not a tenant's admin page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum NotATenantPage {
    /// Not a URL at all.
    NotAUrl,
    /// Not `https` (a plain-`http` page can be served by anyone on the path).
    NotHttps,
    /// A port other than the default: Workday serves its pages on 443.
    NotDefaultPort,
    /// Not a Workday host: another domain, or one of Workday's own sites (marketing, community,
    /// documentation), which serve no tenant.
    NotWorkday,
    /// A host of the Workday domains that serves no tenant's pages (sign-in, forms) or a
    /// web-services host.
    NotATenantHost,
    /// The path names no tenant (`/{tenant}/d/…`).
    NoTenant,
    /// A tenant name of a shape Workday does not use, or too long to keep.
    OddTenantName,
}

/// The longest tenant name kept (tenant names seen are well under it).
pub const MAX_TENANT_NAME: usize = 64;

/// Whether `name` has the shape of a tenant name: ASCII letters, digits, `_` and `-`, at most
/// [`MAX_TENANT_NAME`] characters.
pub fn is_tenant_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_TENANT_NAME
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// An address of a tenant's admin UI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantPage {
    pub tenant: Tenant,
    pub host: WorkdayHost,
    pub family: HostFamily,
}

impl TenantPage {
    /// The tenant page `address` is, or why it is none.
    pub fn parse(address: &str) -> Result<Self, NotATenantPage> {
        let url = Url::parse(address.trim()).map_err(|_| NotATenantPage::NotAUrl)?;
        Self::of_url(url)
    }

    pub fn of_url(url: Url) -> Result<Self, NotATenantPage> {
        if url.scheme() != "https" {
            return Err(NotATenantPage::NotHttps);
        }
        if url.port().is_some() {
            return Err(NotATenantPage::NotDefaultPort);
        }
        let endpoint = Endpoint::from_url(url);
        let host = endpoint.host.clone().ok_or(NotATenantPage::NotWorkday)?;
        let tenant = match (endpoint.kind, endpoint.tenant) {
            (Some(EndpointKind::Ui), Some(t)) => t,
            _ => return Err(NotATenantPage::NoTenant),
        };
        if !is_tenant_name(tenant.as_str()) {
            return Err(NotATenantPage::OddTenantName);
        }
        if !is_tenant_ui_host(&host, &tenant) {
            return Err(NotATenantPage::NotATenantHost);
        }
        Ok(TenantPage {
            family: HostFamily::of(&host),
            tenant,
            host,
        })
    }
}

/// Whether `host` is a tenant UI host for a page of `tenant`: a UI host of the shapes that
/// serve tenants (`tenant_host::is_tenant_host`, the one place those shapes are listed) and,
/// on a host that carries a tenant's own label (`{tenant}.wd5.myworkday.com`), that tenant's.
pub fn is_tenant_ui_host(host: &WorkdayHost, tenant: &Tenant) -> bool {
    host.role == HostRole::Ui
        && tenant_host::is_tenant_host(host)
        && tenant_host::tenant_label(host)
            .is_none_or(|own| own.eq_ignore_ascii_case(tenant.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family(host: &str) -> String {
        HostFamily::of_host(host).unwrap().as_key()
    }

    #[test]
    fn a_ui_host_and_its_services_host_are_one_family() {
        assert_eq!(family("wd3-impl.workday.com"), "wd3.implementation");
        assert_eq!(
            family("wd3-impl-services1.workday.com"),
            "wd3.implementation"
        );
        assert_eq!(family("impl.wd12.myworkday.com"), "wd12.implementation");
        assert_eq!(
            family("impl-services1.wd12.myworkday.com"),
            "wd12.implementation"
        );
        assert_eq!(family("wd5.myworkday.com"), "wd5.production");
        assert_eq!(family("wd5-services1.myworkday.com"), "wd5.production");
        assert_eq!(family("www.myworkday.com"), "production");
        assert_eq!(family("services1.myworkday.com"), "production");
        assert_eq!(family("impl.workday.com"), "implementation");
        assert_ne!(family("wd3-impl.workday.com"), family("wd5.myworkday.com"));
    }

    #[test]
    fn the_key_form_reads_back_and_nothing_else_does() {
        for key in [
            "wd3.implementation",
            "production",
            "wd104.sandbox",
            "development",
        ] {
            assert_eq!(HostFamily::parse(key).unwrap().as_key(), key);
        }
        for bad in [
            "",
            "wd3",
            "wd3.",
            "x.production",
            "wd3.prod",
            "wd3.implementation.x",
            ":",
        ] {
            assert!(HostFamily::parse(bad).is_none(), "{bad:?}");
        }
        let f = HostFamily::parse("wd3.implementation").unwrap();
        assert_eq!(f.to_string(), "wd3 \u{b7} implementation");
        assert_eq!(serde_json::to_value(&f).unwrap(), "wd3.implementation");
    }

    #[test]
    fn tenant_pages_are_https_on_tenant_ui_hosts() {
        for (url, tenant, fam) in [
            (
                "https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld",
                "acme",
                "wd3.implementation",
            ),
            (
                "https://wd5.myworkday.com/acme/d/home.htmld",
                "acme",
                "wd5.production",
            ),
            (
                "https://www.myworkday.com/acme/d/home.htmld",
                "acme",
                "production",
            ),
            (
                "https://impl.workday.com/acme_Preview/d/home.htmld",
                "acme_Preview",
                "implementation",
            ),
            (
                "https://impl.wd12.myworkday.com/acme/d/home.htmld",
                "acme",
                "wd12.implementation",
            ),
            (
                "https://acme.wd5.myworkday.com/acme/d/home.htmld",
                "acme",
                "wd5.production",
            ),
            (
                "https://wd3-impl-cc.workday.com/acme/d/home.htmld",
                "acme",
                "wd3.implementation",
            ),
            (
                "https://wd104.myworkdaygov.com/acme/d/home.htmld",
                "acme",
                "wd104.production",
            ),
        ] {
            let page = TenantPage::parse(url).unwrap_or_else(|e| panic!("{url}: {e:?}"));
            assert_eq!(page.tenant.as_str(), tenant, "{url}");
            assert_eq!(page.family.as_key(), fam, "{url}");
        }
    }

    #[test]
    fn other_addresses_are_not_tenant_pages_and_say_why() {
        use NotATenantPage::*;
        for (url, why) in [
            ("not a url", NotAUrl),
            ("http://wd3-impl.workday.com/acme/d/home.htmld", NotHttps),
            (
                "https://wd3-impl.workday.com:8443/acme/d/home.htmld",
                NotDefaultPort,
            ),
            (
                "https://wd3-impl.workday.com.evil.io/acme/d/home.htmld",
                NotWorkday,
            ),
            // Workday's own sites are not Workday (tenant) hosts at all.
            ("https://www.workday.com/acme/d/home.htmld", NotWorkday),
            (
                "https://community.workday.com/acme/d/home.htmld",
                NotWorkday,
            ),
            ("https://doc.workday.com/acme/d/home.htmld", NotWorkday),
            (
                "https://forms.workday.com/acme/d/home.htmld",
                NotATenantHost,
            ),
            (
                "https://evil.wd5.myworkday.com/acme/d/home.htmld",
                NotATenantHost,
            ),
            (
                "https://wd3-impl-services1.workday.com/acme/d/home.htmld",
                NotATenantHost,
            ),
            ("https://wd3-impl.workday.com/ccx/api/v1/acme", NoTenant),
            ("https://wd3-impl.workday.com/acme/authorize", NoTenant),
            ("https://wd3-impl.workday.com/", NoTenant),
            (
                "https://wd3-impl.workday.com/ac%20me/d/home.htmld",
                OddTenantName,
            ),
        ] {
            assert_eq!(TenantPage::parse(url), Err(why), "{url}");
        }
        let long = format!(
            "https://wd3-impl.workday.com/{}/d/home.htmld",
            "a".repeat(65)
        );
        assert_eq!(TenantPage::parse(&long), Err(OddTenantName));
    }
}
