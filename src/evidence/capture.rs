//! One page read, split by the record each part belongs to.
//!
//! A value that names its own tenant (a URL) belongs to that tenant on the host family its URL
//! names; any other value (a client ID, a secret) to the page's tenant. The settings belong to
//! the page's tenant, or, when the page's address names none (evidence given without a page),
//! to the record most of the values name (ties: the first seen). The page's own record always
//! gets its part, possibly empty, so the visit to a recognised page is recorded even when it
//! shows no values.

use super::key::RecordKey;
use super::origin::Origin;
use crate::model::page_id::PageId;
use crate::model::param::{Param, ParamInput};
use crate::model::settings::Setting;
use crate::workday::host_family::HostFamily;
use serde::{Deserialize, Serialize};

/// One page's capture for one record: what [`super::record::Record::merge`] takes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Capture {
    pub key: Option<RecordKey>,
    /// The page read (none: evidence given without a page).
    pub page: Option<PageId>,
    /// The tab's title.
    pub title: String,
    /// The page's address.
    pub url: String,
    pub origin: Option<Origin>,
    /// When (ms since the epoch).
    pub at: u64,
    pub params: Vec<ParamInput>,
    pub settings: Vec<Setting>,
    /// The page is a tenant's page no recogniser claims: `params` are the connection URLs it
    /// showed, `page` is none, and no page read is noted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<bool>", optional))]
    pub unrecognised: bool,
}

/// What a page showed, before it is split.
pub struct PageShown<'a> {
    pub page: Option<PageId>,
    pub title: &'a str,
    pub url: &'a str,
    pub origin: Option<Origin>,
    pub at: u64,
    pub params: &'a [Param],
    pub settings: &'a [Setting],
}

/// At most this many records one page read adds to (its own and those its URLs name): a page
/// listing thousands of tenants' addresses cannot create thousands of records.
pub const MAX_RECORDS_PER_PAGE: usize = 8;

/// The record a value belongs to: its own tenant on its URL's host family, else the page's.
fn key_of(p: &Param, page_key: Option<&RecordKey>) -> Option<RecordKey> {
    let Some(tenant) = p.tenant() else {
        return page_key.cloned();
    };
    let family = p
        .endpoint
        .as_ref()
        .and_then(|e| e.host.as_ref())
        .map(HostFamily::of)
        .or_else(|| page_key.map(|k| k.family.clone()));
    family
        .and_then(|f| RecordKey::new(tenant.clone(), f))
        .or_else(|| page_key.cloned())
}

/// The value as the record takes it.
fn input(p: &Param) -> ParamInput {
    ParamInput {
        kind: p.kind,
        value: p.raw().to_string(),
        name: p.name.clone(),
        tenant: p.tenant().map(|t| t.as_str().to_string()),
        source: p.source.clone(),
        client: p.client.clone(),
    }
}

/// The page's capture, one part per record, the page's own record first.
pub fn split(page_key: Option<&RecordKey>, shown: &PageShown) -> Vec<Capture> {
    let mut parts: Vec<Capture> = Vec::new();
    let part = |parts: &mut Vec<Capture>, key: Option<RecordKey>| -> usize {
        if let Some(i) = parts.iter().position(|c| c.key == key) {
            return i;
        }
        parts.push(Capture {
            key,
            page: shown.page,
            title: shown.title.to_string(),
            url: shown.url.to_string(),
            origin: shown.origin.clone(),
            at: shown.at,
            params: Vec::new(),
            settings: Vec::new(),
            unrecognised: false,
        });
        parts.len() - 1
    };
    if let Some(k) = page_key {
        part(&mut parts, Some(k.clone()));
    }
    let mut counts: Vec<(Option<RecordKey>, usize)> = Vec::new();
    for p in shown.params {
        let key = key_of(p, page_key);
        if !parts.iter().any(|c| c.key == key) && parts.len() == MAX_RECORDS_PER_PAGE {
            continue;
        }
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key.clone(), 1)),
        }
        let i = part(&mut parts, key);
        parts[i].params.push(input(p));
    }
    if !shown.settings.is_empty() {
        let home = match page_key {
            Some(k) => Some(k.clone()),
            None => {
                let mut best: Option<(Option<RecordKey>, usize)> = None;
                for (k, n) in &counts {
                    if best.as_ref().is_none_or(|(_, b)| n > b) {
                        best = Some((k.clone(), *n));
                    }
                }
                best.and_then(|(k, _)| k)
            }
        };
        let i = part(&mut parts, home);
        parts[i].settings.extend(shown.settings.iter().cloned());
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::param::ParamKind;

    fn key(s: &str) -> RecordKey {
        RecordKey::parse(s).unwrap()
    }

    fn shown<'a>(params: &'a [Param], settings: &'a [Setting]) -> PageShown<'a> {
        PageShown {
            page: Some(PageId::ViewApiClients),
            title: "View API Clients - Workday",
            url: "https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld",
            origin: Origin::parse("wd3-impl.workday.com/acme"),
            at: 1,
            params,
            settings,
        }
    }

    fn keys(parts: &[Capture]) -> Vec<String> {
        parts
            .iter()
            .map(|c| c.key.as_ref().map(ToString::to_string).unwrap_or_default())
            .collect()
    }

    #[test]
    fn values_go_to_their_own_tenant_and_family_else_the_page_s() {
        let acme = key("wd3.implementation:acme");
        let params = [
            Param::new(ParamKind::RestEndpoint, "https://wd3-impl-services1.workday.com/ccx/api/v1/acme"),
            Param::new(ParamKind::ClientId, "OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm"),
            Param::new(ParamKind::TokenEndpoint, "https://wd5-services1.myworkday.com/ccx/oauth2/globex/token"),
            // The same tenant name on another data center is another tenant.
            Param::new(ParamKind::RaasUrl, "https://wd5-services1.myworkday.com/ccx/service/customreport2/acme/ISU/R?format=json"),
        ];
        let tab = [Setting::text("api_clients_tab", "api_clients")];
        let parts = split(Some(&acme), &shown(&params, &tab));
        assert_eq!(
            keys(&parts),
            [
                "wd3.implementation:acme",
                "wd5.production:globex",
                "wd5.production:acme"
            ]
        );
        assert_eq!(parts[0].params.len(), 2);
        assert_eq!(parts[0].settings, tab);
        assert!(parts[1].settings.is_empty() && parts[2].settings.is_empty());
        assert!(parts
            .iter()
            .all(|c| c.origin == Origin::parse("wd3-impl.workday.com/acme")));
    }

    #[test]
    fn without_a_page_tenant_settings_go_where_most_values_are_and_an_empty_page_is_still_a_visit()
    {
        let params = [
            Param::new(
                ParamKind::TokenEndpoint,
                "https://wd5-services1.myworkday.com/ccx/oauth2/globex/token",
            ),
            Param::new(
                ParamKind::RestEndpoint,
                "https://wd3-impl-services1.workday.com/ccx/api/v1/acme",
            ),
            Param::new(
                ParamKind::AuthorizationEndpoint,
                "https://wd3-impl.workday.com/acme/authorize",
            ),
        ];
        let tab = [Setting::text("api_clients_tab", "api_clients")];
        let parts = split(None, &shown(&params, &tab));
        assert_eq!(
            keys(&parts),
            ["wd5.production:globex", "wd3.implementation:acme"]
        );
        assert_eq!(parts[1].settings, tab);
        let acme = key("wd3.implementation:acme");
        let empty = split(Some(&acme), &shown(&[], &[]));
        assert_eq!(keys(&empty), ["wd3.implementation:acme"]);
        assert!(split(None, &shown(&[], &[])).is_empty());
    }
}
