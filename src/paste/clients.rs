//! Which API client a pasted value belongs to, where the text's labels tell: a line that names
//! an API client (`API client: Reporting Portal`, `Client Name = VivaLearning`) starts that
//! client's values, and every client ID, secret and refresh token below it, up to the next such
//! line, is that client's. A ticket that quotes two clients, each under its name, keeps them
//! apart; values before any such line belong to no client the text names.

use crate::model::param::Param;
use crate::model::value_shape::has_scheme_separator;
use crate::workday::values;

/// The labels that introduce an API client's name (lowercase, as written before `:` or `=`).
const CLIENT_LABELS: &[&str] = &[
    "api client",
    "api client name",
    "client name",
    "name of the api client",
    "oauth client",
    "oauth client name",
];

/// The longest client name taken (Workday's names are short; a longer text is prose).
const MAX_NAME: usize = 100;

/// The API client a line names, if it is a `label: name` line of one.
fn client_named(line: &str) -> Option<&str> {
    let line = line
        .trim_start_matches(['>', ' ', '\t'])
        .trim_start_matches(['-', '*', '\u{2022}', ' ', '\t']);
    let at = line.find([':', '='])?;
    let label = line[..at].trim().trim_matches(['*', '_']).trim();
    if !CLIENT_LABELS.iter().any(|l| label.eq_ignore_ascii_case(l)) {
        return None;
    }
    let name = line[at + 1..]
        .trim()
        .trim_matches(['*', '_', '`', '"', '\'', '\u{201c}', '\u{201d}'])
        .trim();
    let is_value = values::is_client_id(name) || values::is_secret_like(name);
    if name.is_empty() || name.chars().count() > MAX_NAME || is_value || has_scheme_separator(name)
    {
        return None;
    }
    Some(name)
}

/// Sets the client of every client-scoped value found in `text` (by its `source.line`) that
/// follows a line naming an API client.
pub(super) fn assign(text: &str, params: &mut [Param]) {
    let named: Vec<(usize, &str)> = text
        .split('\n')
        .enumerate()
        .filter_map(|(i, line)| client_named(line).map(|name| (i + 1, name)))
        .collect();
    if named.is_empty() {
        return;
    }
    for p in params.iter_mut().filter(|p| p.kind.is_client_scoped()) {
        let Some(line) = p.source.line else { continue };
        if let Some((_, name)) = named.iter().rev().find(|(at, _)| *at <= line) {
            p.client = Some((*name).to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::param::ParamKind;
    use crate::paste::extract;

    const ID_A: &str = "MTE2Mjk0ODYtNDk5YS00MTBmLWFiNjgtYjk0YWUwMGVjODZi";
    const ID_B: &str = "OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm";

    fn clients(text: &str) -> Vec<(ParamKind, Option<String>)> {
        extract(text)
            .into_iter()
            .filter(|p| p.kind.is_client_scoped())
            .map(|p| (p.kind, p.client))
            .collect()
    }

    #[test]
    fn a_named_client_owns_the_values_below_it_until_the_next() {
        let secret = "s".repeat(20) + &"1".repeat(80);
        let text = format!(
            "Client ID: {ID_A}\n\nAPI client: Reporting Portal\nClient ID: {ID_A}x\n\
             > Client Name = \"Microsoft Defender for Cloud Apps\"\n> Client ID: {ID_B}\n> Client secret: {secret}\n"
        );
        assert_eq!(
            clients(&text),
            [
                (ParamKind::ClientId, None),
                (ParamKind::ClientId, Some("Reporting Portal".into())),
                (
                    ParamKind::ClientId,
                    Some("Microsoft Defender for Cloud Apps".into())
                ),
                (
                    ParamKind::ClientSecret,
                    Some("Microsoft Defender for Cloud Apps".into())
                ),
            ]
        );
    }

    #[test]
    fn a_line_is_a_client_name_only_when_its_label_says_so_and_its_text_is_a_name() {
        assert_eq!(client_named("API client: Acme Sync"), Some("Acme Sync"));
        assert_eq!(
            client_named("- **Client name**: VivaLearning"),
            Some("VivaLearning")
        );
        assert_eq!(client_named("Client ID: abc"), None);
        assert_eq!(client_named(&format!("API client: {ID_A}")), None);
        assert_eq!(client_named("API client: https://example.com/x"), None);
        assert_eq!(client_named("API client:   "), None);
        assert_eq!(
            client_named("We registered the API client: see below"),
            None
        );
    }
}
