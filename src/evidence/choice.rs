//! Which API client, security group and integration system user are the partner's, and why.
//!
//! - The API client: the one the admin chose; else the one named after the partner (the
//!   profile's client name, case aside; the newest when several are so named); else the only
//!   one.
//! - The integration system user: the one the admin chose; else the account of the chosen
//!   client's refresh token; else the only one.
//! - The security group: the one the admin chose; else the one whose members hold the chosen
//!   ISU; else the only one.
//!
//! When no rule applies (several, none chosen, none named after the partner) nothing is chosen,
//! and the view asks.

use super::objects::{fold_user, Objects};
use super::record::Record;
use crate::model::options::Sso;
use crate::model::partner::{fold, Partner};
use crate::model::settings::names;
use serde::{Deserialize, Serialize};

/// What the admin told wdcap about a tenant (non-secret; the extension keeps it in its local
/// storage).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase")]
pub struct Prefs {
    /// Whether the tenant uses SAML SSO, as the admin said (`unknown`: not said).
    #[cfg_attr(feature = "typescript", ts(as = "Option<Sso>", optional))]
    pub sso: Sso,
    /// The partner being set up.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub integration: Option<String>,
    /// The partner's API client: its client ID or its name.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub api_client: Option<String>,
    /// The partner's security group, by name.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub security_group: Option<String>,
    /// The partner's integration system user, by name.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub isu: Option<String>,
}

/// Why an object was taken as the partner's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Because {
    /// The admin chose it.
    YouChose,
    /// It is named after the partner (the profile's client name).
    NamedAfterPartner,
    /// It is the only one read.
    OnlyOne,
    /// Its members hold the chosen ISU.
    HoldsTheIsu,
    /// It is the account of the chosen client's refresh token.
    TokenAccount,
}

impl Because {
    /// The reason as a person reads it, after "chosen because".
    pub fn phrase(self) -> &'static str {
        match self {
            Because::YouChose => "you chose it",
            Because::NamedAfterPartner => "it is named after the partner",
            Because::OnlyOne => "it is the only one read",
            Because::HoldsTheIsu => "its members hold the partner's integration system user",
            Because::TokenAccount => {
                "it is the account of the partner's API client's refresh token"
            }
        }
    }
}

/// An object taken as the partner's: its index in [`Objects`], and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chosen {
    pub index: usize,
    pub because: Because,
}

/// The partner's objects, where a rule decides.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Choices {
    pub client: Option<Chosen>,
    pub isu: Option<Chosen>,
    pub group: Option<Chosen>,
}

fn only(len: usize) -> Option<Chosen> {
    (len == 1).then_some(Chosen {
        index: 0,
        because: Because::OnlyOne,
    })
}

/// The partner's objects among `objects` (of `record`).
pub fn choose(
    record: &Record,
    objects: &Objects,
    partner: Option<&Partner>,
    prefs: &Prefs,
) -> Choices {
    let chose = |index| Chosen {
        index,
        because: Because::YouChose,
    };
    let clients = &objects.clients;
    let client = prefs
        .api_client
        .as_deref()
        .and_then(|h| clients.iter().position(|c| c.is(record, h)))
        .map(chose)
        .or_else(|| {
            let wanted = fold(partner?.oauth_client.as_ref()?.client_name?);
            clients
                .iter()
                .enumerate()
                .filter(|(_, c)| c.name.as_deref().is_some_and(|n| fold(n) == wanted))
                .max_by_key(|(_, c)| c.seen)
                .map(|(index, _)| Chosen {
                    index,
                    because: Because::NamedAfterPartner,
                })
        })
        .or_else(|| only(clients.len()));

    let isus = &objects.isus;
    let isu = prefs
        .isu
        .as_deref()
        .and_then(|name| {
            isus.iter()
                .position(|u| fold_user(&u.name) == fold_user(name))
        })
        .map(chose)
        .or_else(|| {
            let c = &clients[client?.index];
            // The account its newest refresh token was issued for, else the account a Manage
            // Refresh Tokens page about it named.
            let account = c
                .refresh_tokens
                .iter()
                .find_map(|&i| record.params[i].name.clone())
                .or_else(|| {
                    c.setting(record, names::WORKDAY_ACCOUNT)
                        .and_then(|(s, _)| s.as_text().map(str::to_string))
                })?;
            isus.iter()
                .position(|u| fold_user(&u.name) == fold_user(&account))
                .map(|index| Chosen {
                    index,
                    because: Because::TokenAccount,
                })
        })
        .or_else(|| only(isus.len()));

    let groups = &objects.groups;
    let group = prefs
        .security_group
        .as_deref()
        .and_then(|name| groups.iter().position(|g| fold(&g.name) == fold(name)))
        .map(chose)
        .or_else(|| {
            let user = &isus[isu?.index].name;
            groups
                .iter()
                .position(|g| g.holds(record, user))
                .map(|index| Chosen {
                    index,
                    because: Because::HoldsTheIsu,
                })
        })
        .or_else(|| only(groups.len()));

    Choices { client, isu, group }
}
