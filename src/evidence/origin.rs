//! Where a capture came from, and whether it may be kept at all.
//!
//! A page's own address is what the page says, and a page can change it (`history.pushState`)
//! without loading anything. So the tenant a capture belongs to is taken from the browser's
//! record of the tab (its address now, and the address its document was loaded from), and the
//! page's address must agree with both: the same tenant, the same host. Only `https` pages of a
//! tenant UI host are read (`crate::workday::host_family`): a marketing, community or forms host
//! of the Workday domains, or a plain-`http` page anyone on the path can serve, adds nothing to
//! any record.

use super::key::RecordKey;
use crate::workday::host_family::{HostFamily, NotATenantPage, TenantPage};
use crate::workday::tenant::Tenant;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The UI host a capture came from, with the tenant its page was of: a value captured there is
/// that origin's, and only a capture from the same origin may retire or outrank it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(type = "string"))]
pub struct Origin {
    pub host: String,
    pub tenant: Tenant,
}

impl Origin {
    pub fn of_page(page: &TenantPage) -> Self {
        Origin {
            host: page.host.name.clone(),
            tenant: page.tenant.clone(),
        }
    }

    /// The record this origin's own pages are kept in.
    pub fn key(&self) -> Option<RecordKey> {
        RecordKey::new(self.tenant.clone(), HostFamily::of_host(&self.host)?)
    }

    /// Reads the string form (`wd3-impl.workday.com/acme`) back.
    pub fn parse(text: &str) -> Option<Self> {
        let (host, tenant) = text.split_once('/')?;
        let origin = Origin {
            host: host.to_string(),
            tenant: Tenant::new(tenant),
        };
        origin.key().map(|_| origin)
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.host, self.tenant)
    }
}

impl Serialize for Origin {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Origin {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Origin::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not an origin: {text:?}")))
    }
}

/// What the browser says about the tab a snapshot came from.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase")]
pub struct TabFacts {
    /// The tab's address now (the browser's, not the page's word).
    pub tab_url: String,
    /// The address the tab's document was loaded from (`history.pushState` does not change it),
    /// when known.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub load_url: Option<String>,
    /// When the snapshot was taken (ms since the epoch).
    pub at: u64,
}

/// Why a snapshot was not kept (for diagnostics and tests; never shown as an alarm).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case", tag = "refused", content = "because")]
pub enum Refusal {
    /// The tab is not on a tenant's admin page.
    Tab(NotATenantPage),
    /// The page's own address is not a tenant's admin page.
    Page(NotATenantPage),
    /// The page's address names another tenant or host than the tab's.
    PageDiffers,
    /// The tab's document was loaded from another tenant's address or another host (the page
    /// changed its address since).
    LoadDiffers,
}

/// The tenant page a snapshot may be kept for: the tab's, when the page's own address
/// (`page_url`) and the address the document was loaded from agree with it.
pub fn accept(tab: &TabFacts, page_url: &str) -> Result<TenantPage, Refusal> {
    let at_tab = TenantPage::parse(&tab.tab_url).map_err(Refusal::Tab)?;
    let same = |other: &TenantPage| other.tenant == at_tab.tenant && other.host == at_tab.host;
    let page = TenantPage::parse(page_url).map_err(Refusal::Page)?;
    if !same(&page) {
        return Err(Refusal::PageDiffers);
    }
    if let Some(load) = tab.load_url.as_deref().filter(|u| !u.is_empty()) {
        if !TenantPage::parse(load).is_ok_and(|l| same(&l)) {
            return Err(Refusal::LoadDiffers);
        }
    }
    Ok(at_tab)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACME: &str = "https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld";

    fn tab(tab_url: &str, load_url: Option<&str>) -> TabFacts {
        TabFacts {
            tab_url: tab_url.into(),
            load_url: load_url.map(str::to_string),
            at: 1,
        }
    }

    #[test]
    fn a_tenant_page_whose_addresses_agree_is_kept_for_the_tab_s_tenant() {
        let page = accept(
            &tab(ACME, Some("https://wd3-impl.workday.com/acme/d/home.htmld")),
            ACME,
        )
        .unwrap();
        assert_eq!(
            RecordKey::of_page(&page).to_string(),
            "wd3.implementation:acme"
        );
        let origin = Origin::of_page(&page);
        assert_eq!(origin.to_string(), "wd3-impl.workday.com/acme");
        assert_eq!(
            Origin::parse("wd3-impl.workday.com/acme"),
            Some(origin.clone())
        );
        assert_eq!(origin.key(), Some(RecordKey::of_page(&page)));
        // No load address known: the tab's and the page's decide.
        assert!(accept(&tab(ACME, None), ACME).is_ok());
    }

    #[test]
    fn forged_pages_are_refused_with_the_reason() {
        use NotATenantPage::*;
        let marketing = "https://www.workday.com/acme/d/task/2997$2151.htmld";
        assert_eq!(
            accept(&tab(marketing, None), marketing),
            Err(Refusal::Tab(NotWorkday))
        );
        let forms = "https://forms.workday.com/acme/d/task/2997$2151.htmld";
        assert_eq!(
            accept(&tab(forms, None), forms),
            Err(Refusal::Tab(NotATenantHost))
        );
        let plain = "http://wd3-impl.workday.com/acme/d/task/2997$2151.htmld";
        assert_eq!(
            accept(&tab(plain, None), plain),
            Err(Refusal::Tab(NotHttps))
        );
        // The page moved itself (pushState) to another tenant: the tab's address may follow,
        // the document's load address does not.
        let globex = "https://wd3-impl.workday.com/globex/d/task/2997$2151.htmld";
        assert_eq!(
            accept(&tab(globex, Some(ACME)), globex),
            Err(Refusal::LoadDiffers)
        );
        assert_eq!(
            accept(&tab(ACME, Some(ACME)), globex),
            Err(Refusal::PageDiffers)
        );
        let other_host = "https://wd5.myworkday.com/acme/d/task/2997$2151.htmld";
        assert_eq!(
            accept(&tab(ACME, None), other_host),
            Err(Refusal::PageDiffers)
        );
        assert_eq!(
            accept(&tab(ACME, None), "about:blank"),
            Err(Refusal::Page(NotHttps))
        );
        assert_eq!(
            accept(&tab(ACME, None), "not a url"),
            Err(Refusal::Page(NotAUrl))
        );
        assert_eq!(
            serde_json::to_value(Refusal::Tab(NotHttps)).unwrap(),
            serde_json::json!({"refused": "tab", "because": "not_https"})
        );
    }
}
