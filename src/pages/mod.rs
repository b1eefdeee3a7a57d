//! Workday page recognisers: one file per page, named by its page id, each registered once in
//! [`RECOGNISERS`].
//!
//! A recogniser looks at a [`Page`] (the snapshot plus what its URL says) and, when the page is
//! its own, returns a [`Capture`]: the page id, the parameters shown and the settings read.
//! It recognises by structure and value shape first (a token URL is a token endpoint whatever
//! its label), by label text second, and takes every label text from [`crate::pages::labels`]
//! (`labels/<lang>.toml`, one table per page id).
//!
//! Only the region the admin is looking at is read: the topmost titled popup, else the page
//! ([`Page::active_scope`]). A popup over a page is therefore claimed by the popup's recogniser
//! and by no other.

use crate::model::page_id::PageId;
use crate::model::param::{Param, ParamKind, Source};
use crate::model::settings::Setting;
use crate::pages::workday_dom::{Field, Scope};
use crate::snapshot::{NodeId, Snapshot};
use crate::workday::endpoint::{Endpoint, EndpointKind};
use crate::workday::tenant::Tenant;

pub mod labels;
pub mod unclaimed;

use labels::{Label, YesNo};
pub mod workday_dom;

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

    /// The region the admin is looking at: the topmost popup that has a title, else the page.
    /// A titled popup is modal in Workday, so the page beneath it is not what is on screen: no
    /// recogniser claims the page beneath while such a popup is open (the popup's recogniser
    /// does, or none). Untitled popups (menus, spinners) do not hide the page.
    pub fn active_scope(&self) -> Option<&Scope> {
        self.scopes
            .iter()
            .rfind(|s| s.is_popup && !s.title.is_empty())
            .or_else(|| self.scopes.iter().find(|s| !s.is_popup))
    }

    /// The active scope when its title is the label `key` of `page` in any language; for the
    /// page itself the browser tab title is tried too (it is there before the page header, on
    /// a page still filling in).
    pub fn scope_titled(&self, title: Label) -> Option<&Scope> {
        self.active_scope().filter(|s| {
            title.matches(&s.title)
                || (!s.is_popup
                    && title.matches(&workday_dom::document_title(&self.snapshot.title)))
        })
    }

    /// Whether the active scope's title (or, for the page, the tab title) is the label `title`.
    pub fn active_title_is(&self, title: Label) -> bool {
        self.scope_titled(title).is_some()
    }

    /// Where a value on this page came from.
    pub fn source(&self, page: PageId, label: Option<&str>, node: Option<NodeId>) -> Source {
        Source {
            page: Some(page),
            label: label.map(str::to_string),
            line: None,
            node,
            ..Source::default()
        }
    }
}

/// A field's first value, if it shows one.
pub(crate) fn first_value(s: &Snapshot, field: &Field) -> Option<String> {
    field
        .value_node
        .and_then(|v| workday_dom::values(s, v).into_iter().next())
        .filter(|v| !v.is_empty())
}

/// A field's values (a prompt's selected items, a list).
pub(crate) fn all_values(s: &Snapshot, field: &Field) -> Vec<String> {
    field
        .value_node
        .map(|v| workday_dom::values(s, v))
        .unwrap_or_default()
}

/// A yes/no field: a check box's state first (shape); on view pages, which show the state as
/// text, the page's yes / no label texts (`None` on a page that shows it only as a check box).
pub(crate) fn read_bool(s: &Snapshot, field: &Field, as_text: Option<YesNo>) -> Option<bool> {
    let v = field.value_node?;
    if let Some(b) = workday_dom::checkbox(s, v) {
        return Some(b);
    }
    let text = workday_dom::values(s, v).into_iter().next()?;
    as_text?.read(&text)
}

/// A whole number as Workday shows it (`0`, `1,000`, `1 000`, `180 days`): the digits of its
/// first run of digits and group separators.
pub(crate) fn read_int(text: &str) -> Option<i64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let negative = text[..start].trim_end().ends_with('-');
    let digits: String = text[start..]
        .chars()
        .take_while(|c| {
            c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\'')
        })
        .filter(char::is_ascii_digit)
        .collect();
    let n: i64 = digits.parse().ok()?;
    Some(if negative { -n } else { n })
}

/// A URL value: its kind from the URL's shape (a URL with `/ccx/oauth2/{tenant}/token` is a
/// token endpoint whatever its label); the page's label decides only when the shape does not.
/// UI addresses are not captured. `endpoint_labels` are the page's REST, token and
/// authorization endpoint labels, in that order.
pub(crate) fn endpoint_param(
    endpoint_labels: [Label; 3],
    label: &str,
    value: &str,
) -> Option<Param> {
    let trimmed = value.trim();
    let parsed = Endpoint::parse(trimmed).ok();
    let by_shape = parsed
        .as_ref()
        .and_then(|e| e.kind)
        .filter(|k| *k != EndpointKind::Ui)
        .map(ParamKind::for_endpoint);
    let by_label = endpoint_labels
        .into_iter()
        .zip([
            ParamKind::RestEndpoint,
            ParamKind::TokenEndpoint,
            ParamKind::AuthorizationEndpoint,
        ])
        .find(|(l, _)| l.matches(label))
        .map(|(_, kind)| kind)
        .filter(|_| parsed.is_some());
    let kind = by_shape.or(by_label)?;
    Some(Param::new(kind, value.to_string()))
}

/// The labels of an API client's settings on a page that shows them (Register API Client's
/// form, an API client's view page).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ApiClientLabels {
    pub client_name: Label,
    pub client_grant_type: Label,
    pub access_token_type: Label,
    pub redirection_uri: Label,
    pub non_expiring_refresh_tokens: Label,
    pub refresh_token_timeout: Label,
    pub scopes: Label,
    pub yes_no: YesNo,
}

/// The settings of an API client: the one a field stands for, when its label is one of the
/// page's API-client labels.
pub(crate) fn api_client_setting(
    l: &ApiClientLabels,
    s: &Snapshot,
    field: &Field,
) -> Option<Setting> {
    use crate::model::settings::names;
    let label = labels::which(
        &[
            l.client_name,
            l.client_grant_type,
            l.access_token_type,
            l.redirection_uri,
            l.non_expiring_refresh_tokens,
            l.refresh_token_timeout,
            l.scopes,
        ],
        &field.label,
    )?;
    let text = |name| first_value(s, field).map(|v| Setting::text(name, v));
    let setting = if label == l.client_name {
        text(names::CLIENT_NAME)
    } else if label == l.client_grant_type {
        text(names::CLIENT_GRANT_TYPE)
    } else if label == l.access_token_type {
        text(names::ACCESS_TOKEN_TYPE)
    } else if label == l.redirection_uri {
        text(names::REDIRECTION_URI)
    } else if label == l.non_expiring_refresh_tokens {
        read_bool(s, field, Some(l.yes_no))
            .map(|b| Setting::bool(names::NON_EXPIRING_REFRESH_TOKENS, b))
    } else if label == l.refresh_token_timeout {
        first_value(s, field)
            .and_then(|v| read_int(&v))
            .map(|d| Setting::int(names::REFRESH_TOKEN_TIMEOUT_DAYS, d))
    } else {
        let scopes = all_values(s, field);
        (!scopes.is_empty()).then(|| Setting::list(names::SCOPES, scopes))
    };
    setting.map(|x| x.shown_at(field.value_node))
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

/// Declares each page's recogniser module and lists it in [`RECOGNISERS`], from the one list
/// of page ids (`src/model/lists/page_ids.rs`): page `x_y` is recognised by `x_y::XY`.
macro_rules! recognisers {
    ($($id:ident => $variant:ident,)*) => {
        $(mod $id;)*
        /// Every recogniser, once, in the order of the page list.
        pub static RECOGNISERS: &[&dyn Recogniser] = &[$(&$id::$variant),*];
    };
}

include!("../model/lists/page_ids.rs");
page_ids!(recognisers);

/// Runs every recogniser; a popup match wins over a page match, otherwise registry order.
pub fn recognise(page: &Page) -> Option<Capture> {
    let mut found: Vec<Capture> = RECOGNISERS
        .iter()
        .filter_map(|r| r.recognise(page))
        .collect();
    let popup = found.iter().position(|c| c.in_popup);
    match popup {
        Some(i) => Some(found.swap_remove(i)),
        None => found.into_iter().next(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_workday_shows_them() {
        assert_eq!(read_int("0"), Some(0));
        assert_eq!(read_int("1,000"), Some(1000));
        assert_eq!(read_int("1\u{a0}000 jours"), Some(1000));
        assert_eq!(read_int("180 days"), Some(180));
        assert_eq!(read_int("none"), None);
    }
}
