//! Which partner is this? When the admin has chosen none, the evidence may say: an API client
//! named as a partner's guide names it, a redirection URI a guide gives, a pasted ticket naming
//! the partner. Each suggestion says why; the admin confirms — nothing here chooses a partner.
//!
//! What a profile offers to be recognised by: its API client's name and redirection URIs
//! (`[oauth_client]`, from its guide), and its product name (the profile's `name` before any
//! parenthesis: "Datadog (Workday User Activity Logs)" → "Datadog").

use crate::model::partner::{fold, Partner, PARTNERS};
use serde::Serialize;

/// What wdcap saw that may name a partner.
#[derive(Debug, Default, Clone)]
pub struct Clues<'a> {
    /// Names of API clients seen (Register API Client, View API Clients).
    pub client_names: Vec<&'a str>,
    /// Redirection URIs seen on API clients.
    pub redirect_uris: Vec<&'a str>,
    /// A pasted ticket's text.
    pub text: Option<&'a str>,
}

/// How a partner was recognised, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Clue {
    ClientName,
    RedirectUri,
    Words,
}

/// A partner the evidence points at, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PartnerSuggestion {
    /// The partner's id (`--integration`).
    pub partner: String,
    pub name: String,
    pub clue: Clue,
    /// Why, in words: "API client 'Datadog User Activity Monitor' is named as the Datadog guide
    /// names it".
    pub why: String,
}

/// The product name users and tickets say: the profile's name before any parenthesis.
pub fn product_name(p: &Partner) -> &str {
    p.name.split(" (").next().unwrap_or(p.name).trim()
}

/// The partners the clues point at, strongest clue first (one entry per partner, its strongest
/// clue); empty when nothing names one.
pub fn suggest(clues: &Clues) -> Vec<PartnerSuggestion> {
    let mut out: Vec<PartnerSuggestion> = Vec::new();
    for p in PARTNERS {
        if let Some(s) = by_client_name(p, clues)
            .or_else(|| by_redirect_uri(p, clues))
            .or_else(|| by_words(p, clues))
        {
            out.push(s);
        }
    }
    out.sort_by(|a, b| a.clue.cmp(&b.clue).then_with(|| a.partner.cmp(&b.partner)));
    out
}

fn suggestion(p: &Partner, clue: Clue, why: String) -> PartnerSuggestion {
    PartnerSuggestion {
        partner: p.id.to_string(),
        name: p.name.to_string(),
        clue,
        why,
    }
}

fn by_client_name(p: &Partner, clues: &Clues) -> Option<PartnerSuggestion> {
    let wanted = fold(p.oauth_client.as_ref()?.client_name?);
    let seen = clues
        .client_names
        .iter()
        .find(|n| !wanted.is_empty() && fold(n) == wanted)?;
    Some(suggestion(
        p,
        Clue::ClientName,
        format!(
            "API client '{}' is named as the {} guide names it",
            seen.trim(),
            product_name(p)
        ),
    ))
}

/// Host and path, without a trailing slash or the case of the host: how two redirection URIs
/// are compared.
fn uri_key(s: &str) -> Option<(String, String)> {
    let u = url::Url::parse(s.trim()).ok()?;
    Some((
        u.host_str()?.to_ascii_lowercase(),
        u.path().trim_end_matches('/').to_string(),
    ))
}

fn by_redirect_uri(p: &Partner, clues: &Clues) -> Option<PartnerSuggestion> {
    let client = p.oauth_client.as_ref()?;
    let seen = clues.redirect_uris.iter().find(|seen| {
        let key = uri_key(seen);
        key.is_some() && client.redirect_uris.iter().any(|u| uri_key(u) == key)
    })?;
    Some(suggestion(
        p,
        Clue::RedirectUri,
        format!(
            "redirection URI {} is the one the {} guide gives",
            seen.trim(),
            product_name(p)
        ),
    ))
}

/// The product name as whole words of the text (case and punctuation folded).
fn by_words(p: &Partner, clues: &Clues) -> Option<PartnerSuggestion> {
    let text = clues.text?;
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let name = words(product_name(p));
    if name.is_empty() {
        return None;
    }
    let text = words(text);
    text.windows(name.len())
        .any(|w| w == name.as_slice())
        .then(|| {
            suggestion(
                p,
                Clue::Words,
                format!("the text names {}", product_name(p)),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_client_name_and_redirect_uri_names_its_own_partner_first() {
        for p in PARTNERS {
            let Some(client) = &p.oauth_client else {
                continue;
            };
            if let Some(name) = client.client_name {
                let got = suggest(&Clues {
                    client_names: vec![name],
                    ..Clues::default()
                });
                assert_eq!(got.len(), 1, "{}: {got:?}", p.id);
                assert_eq!(got[0].partner, p.id);
                assert_eq!(got[0].clue, Clue::ClientName);
                assert!(got[0].why.contains(name), "{}", got[0].why);
            }
            for uri in client.redirect_uris {
                let got = suggest(&Clues {
                    redirect_uris: vec![uri],
                    ..Clues::default()
                });
                assert_eq!(got.len(), 1, "{}: {got:?}", p.id);
                assert_eq!(
                    (got[0].partner.as_str(), got[0].clue),
                    (p.id, Clue::RedirectUri)
                );
            }
        }
    }

    #[test]
    fn a_ticket_naming_the_product_suggests_it_with_why() {
        for p in PARTNERS {
            let text = format!(
                "Hi, we are connecting {} to Workday; values below.",
                product_name(p)
            );
            let got = suggest(&Clues {
                text: Some(&text),
                ..Clues::default()
            });
            assert!(
                got.iter()
                    .any(|s| s.partner == p.id && s.clue == Clue::Words),
                "{}: {got:?}",
                p.id
            );
        }
    }

    #[test]
    fn neutral_evidence_suggests_nothing() {
        let got = suggest(&Clues {
            client_names: vec!["Integration Client 1", "HR Sync"],
            redirect_uris: vec!["https://example.com/oauth/callback", "not a url"],
            text: Some(
                "Client ID and secret attached; the REST endpoint is https://wd5-services1.myworkday.com/ccx/api/v1/contoso. Thanks!",
            ),
        });
        assert!(got.is_empty(), "{got:?}");
    }
}
