//! Which record a value is kept in: a [`RecordKey`] is a tenant on one family of hosts. The same
//! tenant name on another data center or environment is another tenant, so another record.

use crate::workday::host_family::{is_tenant_name, HostFamily, TenantPage};
use crate::workday::tenant::Tenant;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A tenant on one family of hosts: the key of its record.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(type = "string"))]
pub struct RecordKey {
    pub tenant: Tenant,
    pub family: HostFamily,
}

impl RecordKey {
    /// The key of `tenant` on `family`; `None` for a name of a shape Workday does not use.
    pub fn new(tenant: Tenant, family: HostFamily) -> Option<Self> {
        is_tenant_name(tenant.as_str()).then_some(RecordKey { tenant, family })
    }

    /// The record of a tenant page's tenant.
    pub fn of_page(page: &TenantPage) -> Self {
        RecordKey {
            tenant: page.tenant.clone(),
            family: page.family.clone(),
        }
    }

    /// Reads the string form back (`wd3.implementation:acme`); `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let (family, tenant) = text.split_once(':')?;
        RecordKey::new(Tenant::new(tenant), HostFamily::parse(family)?)
    }
}

impl fmt::Display for RecordKey {
    /// The stable string form, `<family>:<tenant>` (`wd3.implementation:acme`): the extension's
    /// storage keys are built on it (`tenant:wd3.implementation:acme`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.family.as_key(), self.tenant)
    }
}

impl Serialize for RecordKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RecordKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        RecordKey::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a record key: {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_string_form_is_readable_validated_and_reads_back() {
        let page = TenantPage::parse("https://wd3-impl.workday.com/acme/d/home.htmld").unwrap();
        let key = RecordKey::of_page(&page);
        assert_eq!(key.to_string(), "wd3.implementation:acme");
        assert_eq!(
            RecordKey::parse("wd3.implementation:acme"),
            Some(key.clone())
        );
        assert_eq!(
            serde_json::to_value(&key).unwrap(),
            "wd3.implementation:acme"
        );
        for bad in [
            "",
            "acme",
            "wd3.implementation:",
            "wd3.implementation:ac me",
            "wd3.implementation:a:b",
            "mars:acme",
            &format!("production:{}", "a".repeat(65)),
        ] {
            assert_eq!(RecordKey::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_same_tenant_on_another_family_is_another_key() {
        let a = RecordKey::parse("wd3.implementation:acme").unwrap();
        let b = RecordKey::parse("wd5.production:acme").unwrap();
        assert_ne!(a, b);
        assert_eq!(a.tenant, b.tenant);
    }
}
