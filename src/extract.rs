//! Free-text extraction: every parameter in pasted text (an e-mail, a ticket, a chat log).
//! Each URL is classified by its shape; other values by their shape and the label near them.

use crate::domain::WorkdayHost;
use crate::endpoint::Endpoint;
use crate::param::{Param, ParamKind, Source};

/// Characters that end a URL in running text.
fn ends_url(c: char) -> bool {
    c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '`' | ')' | ']' | '}' | '|')
}

/// Every parameter found in `text`, in order of appearance.
pub fn extract(text: &str) -> Vec<Param> {
    let mut out = Vec::new();
    for (line_no, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(start) = find_scheme(rest) {
            let candidate = &rest[start..];
            let end = url_end(candidate);
            let raw = candidate[..end].trim_end_matches(['.', ',', ';', ':', '!', '?']);
            if let Some(p) = url_param(raw, line_no + 1, label_before(&rest[..start])) {
                out.push(p);
            }
            rest = &candidate[end.max(1)..];
        }
    }
    out
}

/// Where a URL starting at the beginning of `candidate` ends. A `]` closes an IPv6 literal's
/// `[` (`https://[::1]/…`) rather than ending the URL; one with no `[` before it still ends it.
fn url_end(candidate: &str) -> usize {
    let mut open_brackets = 0usize;
    for (i, c) in candidate.char_indices() {
        match c {
            '[' => open_brackets += 1,
            ']' if open_brackets > 0 => open_brackets -= 1,
            c if ends_url(c) => return i,
            _ => {}
        }
    }
    candidate.len()
}

/// Whether a Workday host name appears in a URL anywhere but its host (the user-info, the
/// path, the query, the fragment): `https://evil.io/wd5.myworkday.com/…` shows a Workday name
/// while the browser connects elsewhere.
fn shows_workday_host_elsewhere(url: &url::Url) -> bool {
    let elsewhere = [
        url.username(),
        url.password().unwrap_or(""),
        url.path(),
        url.query().unwrap_or(""),
        url.fragment().unwrap_or(""),
    ];
    elsewhere.iter().any(|part| {
        part.split(['/', '\\', '?', '#', '&', '=', '@', ':'])
            .map(|token| {
                url::form_urlencoded::parse(format!("x={token}").as_bytes())
                    .next()
                    .map(|(_, v)| v.to_ascii_lowercase())
                    .unwrap_or_default()
            })
            .any(|token| {
                let name = token.trim().trim_start_matches('.');
                name.contains("workday") && WorkdayHost::parse(name).is_some()
            })
    })
}

fn find_scheme(s: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase();
    match (lower.find("https://"), lower.find("http://")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The `Label:` text before a value on the same line, if any.
fn label_before(prefix: &str) -> Option<String> {
    let t = prefix.trim().trim_end_matches([':', '=', '-']).trim();
    let t = t.trim_start_matches(['*', '-', '#', '>', ' ']);
    (!t.is_empty() && t.len() <= 60).then(|| t.to_string())
}

fn url_param(raw: &str, line: usize, label: Option<String>) -> Option<Param> {
    let endpoint = Endpoint::parse(raw).ok()?;
    let host_mentions_workday = endpoint
        .url
        .host_str()
        .is_some_and(|h| h.contains("workday") || h.contains("xn--"))
        || shows_workday_host_elsewhere(&endpoint.url);
    let kind = endpoint.kind.map(ParamKind::for_endpoint);
    let kind = match kind {
        Some(k) => k,
        // A URL with no Workday shape is only kept when its host looks like Workday's, or it
        // shows a Workday host name elsewhere: that is the lookalike a person might be fooled by.
        None if host_mentions_workday => ParamKind::UiUrl,
        None => return None,
    };
    Some(Param::new(kind, raw).with_source(Source {
        page: None,
        label,
        line: Some(line),
        node: None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_ipv6_literals_and_workday_names_outside_the_host() {
        let found = extract(
            "a https://[::1]/ccx/api/v1/acme b [https://x.io] \
             c https://evil.io/wd5.myworkday.com/ccx/api/v1/acme \
             d https://evil.io\\wd5.myworkday.com e https://learn.microsoft.com/viva/workday-setup",
        );
        let raws: Vec<&str> = found.iter().map(|p| p.raw()).collect();
        assert_eq!(
            raws,
            vec![
                "https://[::1]/ccx/api/v1/acme",
                "https://evil.io/wd5.myworkday.com/ccx/api/v1/acme",
                "https://evil.io\\wd5.myworkday.com",
            ]
        );
    }

    #[test]
    fn finds_urls_of_every_kind() {
        let text = "Hi,\nREST: https://wd3-impl-services1.workday.com/ccx/api/v1/acme\n\
            token <https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token>, and\n\
            auth (https://wd3-impl.workday.com/acme/authorize).\n\
            soap https://wd3-impl-services1.workday.com/ccx/service/acme/Learning/v39.2\n\
            raas \"https://wd3-impl-services1.workday.com/ccx/service/customreport2/acme/ISU/Users?format=json\"\n\
            ui https://wd3-impl.workday.com/acme/d/home.htmld\n\
            unrelated https://portal.cloudappsecurity.com/api/oauth/connect";
        let kinds: Vec<ParamKind> = extract(text).iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            vec![
                ParamKind::RestEndpoint,
                ParamKind::TokenEndpoint,
                ParamKind::AuthorizationEndpoint,
                ParamKind::SoapEndpoint,
                ParamKind::RaasUrl,
                ParamKind::UiUrl,
            ]
        );
    }
}
