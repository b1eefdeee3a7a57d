//! Free-text extraction: every parameter in pasted text (an e-mail, a ticket, a chat log).
//! Each URL is classified by its shape; other values by their shape and the label near them.

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
            let end = candidate.find(ends_url).unwrap_or(candidate.len());
            let raw = candidate[..end].trim_end_matches(['.', ',', ';', ':', '!', '?']);
            if let Some(p) = url_param(raw, line_no + 1, label_before(&rest[..start])) {
                out.push(p);
            }
            rest = &candidate[end.max(1)..];
        }
    }
    out
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
        .is_some_and(|h| h.contains("workday") || h.contains("xn--"));
    let kind = endpoint.kind.map(ParamKind::for_endpoint);
    let kind = match kind {
        Some(k) => k,
        // A URL with no Workday shape is only kept when its host looks like Workday's: that is
        // the lookalike a person might be fooled by.
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
