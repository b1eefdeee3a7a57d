//! Values captured by hand: the admin selected a value on one of the tenant's pages and said
//! what it is (the context menu), or typed one in (the popup's "Add a value"), for a value wdcap
//! cannot read on any page. Such a value is kept like any capture (same record, same checks, same
//! checklist and export), marked as given by hand, and bound to the page it was selected on: a
//! selection on another tenant's page, or on a page that is no tenant's admin page, is refused.

use super::key::RecordKey;
use super::origin::Origin;
use super::record::{Record, StoredParam, MAX_ADDED_VALUE};
use crate::model::param::ParamKind;
use crate::workday::host_family::TenantPage;

/// The kinds a value may be captured as by hand: every kind but the app's own UI address,
/// which is not a parameter any partner asks for.
pub const HAND_KINDS: &[ParamKind] = &[
    ParamKind::ClientId,
    ParamKind::ClientSecret,
    ParamKind::RefreshToken,
    ParamKind::OrgId,
    ParamKind::RestEndpoint,
    ParamKind::TokenEndpoint,
    ParamKind::AuthorizationEndpoint,
    ParamKind::SoapEndpoint,
    ParamKind::RaasUrl,
    ParamKind::IsuUsername,
];

/// A value the admin gives by hand.
#[derive(Debug, Clone)]
pub struct HandValue<'a> {
    pub kind: ParamKind,
    /// As selected or typed: the white space a selection drags along at its ends is dropped.
    pub value: &'a str,
    /// The address of the page it was selected on (none: typed into wdcap's own page).
    pub page_url: Option<&'a str>,
    /// The API client it belongs to (the card it was added to), if any.
    pub client: Option<&'a str>,
    pub at: u64,
}

/// Why a value given by hand is not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandRefusal {
    Kind(ParamKind),
    Empty,
    TooLong,
    /// The page it was selected on is not one of this tenant's admin pages.
    NotThisTenant,
}

impl std::fmt::Display for HandRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HandRefusal::Kind(k) => write!(f, "a {} is not captured by hand", k.title()),
            HandRefusal::Empty => f.write_str("the value is empty"),
            HandRefusal::TooLong => {
                write!(f, "the value is longer than {MAX_ADDED_VALUE} characters")
            }
            HandRefusal::NotThisTenant => {
                f.write_str("the page is not one of this tenant's admin pages")
            }
        }
    }
}

/// The origin of a selection on `page_url`, when that page is one of `key`'s own admin pages.
fn origin_on(key: Option<&RecordKey>, page_url: &str) -> Result<Origin, HandRefusal> {
    let page = TenantPage::parse(page_url).map_err(|_| HandRefusal::NotThisTenant)?;
    if key != Some(&RecordKey::of_page(&page)) {
        return Err(HandRefusal::NotThisTenant);
    }
    Ok(Origin::of_page(&page))
}

impl Record {
    /// The record with a value given by hand kept in it. The same value already captured stays
    /// one value (seen again now; a page's capture of it stays the page's).
    pub fn capture_by_hand(&self, given: &HandValue) -> Result<Record, HandRefusal> {
        if !HAND_KINDS.contains(&given.kind) {
            return Err(HandRefusal::Kind(given.kind));
        }
        let value = given.value.trim();
        if value.is_empty() {
            return Err(HandRefusal::Empty);
        }
        if value.chars().count() > MAX_ADDED_VALUE {
            return Err(HandRefusal::TooLong);
        }
        let origin = given
            .page_url
            .map(|u| origin_on(self.key.as_ref(), u))
            .transpose()?;
        let client = given
            .client
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        let mut next = self.clone();
        next.updated = given.at;
        if let Some(p) = next.params.iter_mut().find(|p| p.same(given.kind, value)) {
            p.at = given.at;
            p.client = p.client.take().or(client);
            return Ok(next);
        }
        next.params.push(StoredParam {
            kind: given.kind,
            value: value.to_string(),
            name: None,
            client,
            tenant: next.key.as_ref().map(|k| k.tenant.to_string()),
            label: None,
            page: None,
            origin,
            at: given.at,
            renewed: None,
            unrecognised: false,
            hand: true,
            url: None,
        });
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACME_PAGE: &str = "https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld";

    fn acme() -> Record {
        Record::new(RecordKey::parse("wd3.implementation:acme"), 0)
    }

    fn given<'a>(kind: ParamKind, value: &'a str, page_url: Option<&'a str>) -> HandValue<'a> {
        HandValue {
            kind,
            value,
            page_url,
            client: None,
            at: 5,
        }
    }

    #[test]
    fn a_selection_on_the_tenant_s_page_is_kept_with_its_origin_and_marked_by_hand() {
        let r = acme()
            .capture_by_hand(&given(ParamKind::ClientId, "  OGQyMzYy\n", Some(ACME_PAGE)))
            .unwrap();
        let p = &r.params[0];
        assert_eq!(
            (p.kind, p.value.as_str(), p.hand),
            (ParamKind::ClientId, "OGQyMzYy", true)
        );
        assert_eq!(p.origin, Origin::parse("wd3-impl.workday.com/acme"));
        assert_eq!(p.tenant.as_deref(), Some("acme"));
        assert!(r.is_own(p.origin.as_ref()));
        // Typed in wdcap's own page, for an API client's card: no origin, the client kept.
        let typed = HandValue {
            client: Some("Defender"),
            ..given(ParamKind::ClientSecret, "s3cr3t", None)
        };
        let r = r.capture_by_hand(&typed).unwrap();
        assert_eq!(r.params[1].origin, None);
        assert_eq!(r.params[1].client.as_deref(), Some("Defender"));
        // The same value again is one value.
        let again = r
            .capture_by_hand(&given(ParamKind::ClientId, "OGQyMzYy", Some(ACME_PAGE)))
            .unwrap();
        assert_eq!(again.params.len(), 2);
        // Kept as the record's shape says: the marker is written only when true.
        let json = serde_json::to_value(&again).unwrap();
        assert_eq!(json["params"][0]["hand"], true);
        assert!(Record::read(json).unwrap().params[0].hand);
    }

    #[test]
    fn other_tenants_pages_other_kinds_and_empty_values_are_refused() {
        let globex = "https://wd3-impl.workday.com/globex/d/task/2997$2151.htmld";
        let refused = |g: HandValue| acme().capture_by_hand(&g).unwrap_err();
        assert_eq!(
            refused(given(ParamKind::ClientId, "x", Some(globex))),
            HandRefusal::NotThisTenant
        );
        assert_eq!(
            refused(given(
                ParamKind::ClientId,
                "x",
                Some("https://www.workday.com/acme/d/x")
            )),
            HandRefusal::NotThisTenant
        );
        assert_eq!(
            refused(given(
                ParamKind::UiUrl,
                "https://wd3-impl.workday.com/acme",
                None
            )),
            HandRefusal::Kind(ParamKind::UiUrl)
        );
        assert_eq!(
            refused(given(ParamKind::OrgId, " \t\n", None)),
            HandRefusal::Empty
        );
        let long = "a".repeat(MAX_ADDED_VALUE + 1);
        assert_eq!(
            refused(given(ParamKind::OrgId, &long, None)),
            HandRefusal::TooLong
        );
    }
}
