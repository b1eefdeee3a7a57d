//! A page no recogniser claims still shows what is unambiguous: the Workday connection URLs of
//! the shapes the notes document (REST, token, authorization, SOAP and RaaS URLs, "Hosts and URL
//! anatomy"), wherever the page shows them: in its text, behind its links (`href`) and in its
//! copy actions (`data-clipboard-text`, the `copyUrl` / `copyText` hooks of "The admin UI's
//! DOM"). A URL's kind follows from its shape alone, so no label is needed to tell it.
//!
//! Nothing else is read from such a page: an ID or a secret is only told by its label, which
//! only a page's own recogniser knows how to read; the app's own navigation links (UI URLs) are
//! not parameters; a URL on a host that is not a Workday tenant host, or naming no tenant, is
//! not a connection URL.

use crate::model::param::{Param, ParamKind, Source};
use crate::pages::workday_dom;
use crate::snapshot::{NodeId, Snapshot};
use crate::workday::endpoint::{Endpoint, EndpointKind};

/// Most connection URLs taken from one page (a page listing thousands is not a page of one
/// tenant's connection parameters; what is beyond is left).
pub const MAX_URLS: usize = 64;

/// The connection URLs a page shows, once each, in document order, each with the node that
/// shows it.
pub fn connection_urls(s: &Snapshot) -> Vec<Param> {
    let Some(root) = s.root() else {
        return Vec::new();
    };
    let mut out: Vec<Param> = Vec::new();
    let mut take = |candidate: &str, node: NodeId| {
        if out.len() >= MAX_URLS || out.iter().any(|p| p.raw() == candidate) {
            return;
        }
        if let Some(kind) = connection_kind(candidate) {
            let mut p = Param::new(kind, candidate.to_string());
            p.source = Source {
                node: Some(node),
                ..Source::default()
            };
            out.push(p);
        }
    };
    for n in workday_dom::visible_nodes(s, root) {
        if s.is_element(n) {
            for name in ["href", "data-clipboard-text"] {
                if let Some(v) = s.attr(n, name) {
                    take(v.trim(), n);
                }
            }
        } else if let Some(parent) = s.parent(n) {
            let text = s.text(n);
            for candidate in urls_in(&text) {
                take(candidate, parent);
            }
        }
    }
    out
}

/// The kind of a connection URL, when `text` is one: a Workday tenant host, a tenant in the
/// path, and a path of a connection shape (never a UI address).
fn connection_kind(text: &str) -> Option<ParamKind> {
    let e = Endpoint::parse(text).ok()?;
    if !e.is_workday() || e.tenant.is_none() || !matches!(e.url.scheme(), "https" | "http") {
        return None;
    }
    match e.kind? {
        EndpointKind::Ui => None,
        kind => Some(ParamKind::for_endpoint(kind)),
    }
}

/// The `http(s)://` words of a text, without the punctuation a sentence puts after them.
fn urls_in(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '`'))
        .filter_map(|word| {
            let start = word.find("https://").or_else(|| word.find("http://"))?;
            let url = word[start..].trim_end_matches(['.', ',', ';', ':', ')', ']', '}', '!', '?']);
            Some(url)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_a_sentence_lose_their_trailing_punctuation() {
        let found: Vec<&str> = urls_in(
            "The endpoint is https://wd3-impl-services1.workday.com/ccx/api/v1/acme; see (https://x.example/a).",
        )
        .collect();
        assert_eq!(
            found,
            [
                "https://wd3-impl-services1.workday.com/ccx/api/v1/acme",
                "https://x.example/a"
            ]
        );
    }

    #[test]
    fn only_connection_shapes_on_workday_hosts_naming_a_tenant() {
        assert_eq!(
            connection_kind("https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token"),
            Some(ParamKind::TokenEndpoint)
        );
        assert_eq!(
            connection_kind("https://wd3-impl.workday.com/acme/authorize"),
            Some(ParamKind::AuthorizationEndpoint)
        );
        // The app's own navigation, another host, a lookalike: not parameters.
        assert_eq!(
            connection_kind("https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld"),
            None
        );
        assert_eq!(connection_kind("https://example.org/ccx/api/v1/acme"), None);
        assert_eq!(
            connection_kind("https://wd3-impl-services1.workday.com.evil.io/ccx/api/v1/acme"),
            None
        );
        assert_eq!(connection_kind("mailto:dana@example.com"), None);
    }
}
