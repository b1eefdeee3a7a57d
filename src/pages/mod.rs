//! Workday page recognisers: one file per page, each registered once in [`RECOGNISERS`].
//!
//! A recogniser looks at a [`Page`] (the snapshot plus what its URL says) and, when the page is
//! its own, returns a [`Capture`]: the page id, the parameters shown and the settings read.
//! It recognises by structure and value shape first (a token URL is a token endpoint whatever
//! its label), by label text second, and takes every label text from [`crate::labels`].

use crate::domain::Tenant;
use crate::endpoint::Endpoint;
use crate::param::Param;
use crate::settings::Setting;
use crate::snapshot::Snapshot;
use crate::workday_dom::{self, Scope};
use serde::{Deserialize, Serialize};

mod view_api_clients;

/// Page ids (snake_case names are part of the CLI's JSON contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageId {
    ViewApiClients,
    RegisterApiClient,
    ViewApiClient,
    ManageRefreshTokens,
    ViewUrls,
    ViewIds,
    HeadcountReport,
    MaintainPermissions,
    DomainPoliciesForArea,
    EditTenantSetupSecurity,
    EditTenantSetupSystem,
    CreateIsu,
    CreateSecurityGroup,
    ActivateSecurityChanges,
}

impl PageId {
    pub fn as_str(self) -> &'static str {
        match self {
            PageId::ViewApiClients => "view_api_clients",
            PageId::RegisterApiClient => "register_api_client",
            PageId::ViewApiClient => "view_api_client",
            PageId::ManageRefreshTokens => "manage_refresh_tokens",
            PageId::ViewUrls => "view_urls",
            PageId::ViewIds => "view_ids",
            PageId::HeadcountReport => "headcount_report",
            PageId::MaintainPermissions => "maintain_permissions",
            PageId::DomainPoliciesForArea => "domain_policies_for_area",
            PageId::EditTenantSetupSecurity => "edit_tenant_setup_security",
            PageId::EditTenantSetupSystem => "edit_tenant_setup_system",
            PageId::CreateIsu => "create_isu",
            PageId::CreateSecurityGroup => "create_security_group",
            PageId::ActivateSecurityChanges => "activate_security_changes",
        }
    }
}

impl std::fmt::Display for PageId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a recogniser looks at.
pub struct Page<'a> {
    pub snapshot: &'a Snapshot,
    /// The page's own address, when known.
    pub url: Option<Endpoint>,
    /// Titled regions, popups first.
    pub scopes: Vec<Scope>,
}

impl<'a> Page<'a> {
    pub fn new(snapshot: &'a Snapshot) -> Self {
        let url = Endpoint::parse(&snapshot.url).ok();
        Page {
            snapshot,
            url,
            scopes: workday_dom::scopes(snapshot),
        }
    }

    /// The tenant the page belongs to, from its URL.
    pub fn tenant(&self) -> Option<Tenant> {
        self.url.as_ref().and_then(|u| u.tenant.clone())
    }

    /// The first scope whose title is the label `key` of `page` in any language, also trying
    /// the browser tab title for the page itself.
    pub fn scope_titled(&self, page: PageId, key: &str) -> Option<&Scope> {
        self.scopes.iter().find(|s| {
            crate::labels::matches(page, key, &s.title)
                || (!s.is_popup
                    && crate::labels::matches(page, key, &workday_dom::document_title(&self.snapshot.title)))
        })
    }
}

/// What a recogniser found on its page.
#[derive(Debug, Clone)]
pub struct Capture {
    pub page: PageId,
    /// True when the page was found in a popup over another page: a popup is what the admin
    /// is looking at, so it wins over the page beneath.
    pub in_popup: bool,
    pub params: Vec<Param>,
    pub settings: Vec<Setting>,
}

/// One Workday page recogniser.
pub trait Recogniser: Sync {
    fn page(&self) -> PageId;
    /// Addresses at which the page is reached (Workday-shaped, fake tenant), for docs, the
    /// simulator and the conventions test.
    fn example_urls(&self) -> &'static [&'static str];
    /// Titles it accepts, in English (other languages come from the label data).
    fn example_titles(&self) -> &'static [&'static str];
    fn recognise(&self, page: &Page) -> Option<Capture>;
}

/// Every recogniser, once.
pub static RECOGNISERS: &[&dyn Recogniser] = &[&view_api_clients::ViewApiClients];

/// Runs every recogniser; a popup match wins over a page match, otherwise registry order.
pub fn recognise(page: &Page) -> Option<Capture> {
    let mut found: Vec<Capture> = RECOGNISERS.iter().filter_map(|r| r.recognise(page)).collect();
    let popup = found.iter().position(|c| c.in_popup);
    match popup {
        Some(i) => Some(found.swap_remove(i)),
        None => found.into_iter().next(),
    }
}
