//! Free-text extraction: every parameter in pasted text: e-mails (quoted-printable included),
//! tickets, chat logs, Markdown, HTML, JSON, `key: value` lists; values wrapped across lines, in
//! angle brackets, quotes or code spans.
//!
//! A value's kind comes from its shape first (a token URL is a token endpoint whatever its
//! label; 48 characters of base64 that decode to a UUID are a client ID), from the label near it
//! second (`Client ID:` before a value of no known shape), and when neither decides, the
//! parameter says so ([`Param::ambiguous_with`]: an unlabelled 100-character `[a-z0-9]` value is
//! a client secret or a refresh token). The label a value came with is kept in its source, so
//! `swapped-values` can say "the value labelled Client ID is a secret".
//!
//! The whole pass is linear in the input (a 10 MB paste is fine): every line is scanned once,
//! the label search looks at a bounded window before each value, and nothing indexes into the
//! text without checking character boundaries, so no input can make it panic.

mod classify;
mod clients;
mod decode;
mod entities;
pub mod files;
pub mod form_body;
mod html_text;
mod joiners;
mod json;
pub mod link_markup;
pub mod mime;
mod namespaces;
mod quoted_printable;
mod raas_samples;
mod reported_errors;
mod scanner;
mod sink;
mod words;
mod xml_text;

use crate::model::param::Param;
use crate::model::report_sample::ReportSample;
use crate::model::settings::{names, Setting, SettingValue};
use scanner::Scanner;
use sink::Sink;

/// What extraction found.
#[derive(Debug, Default)]
pub struct Extracted {
    pub params: Vec<Param>,
    /// Settings the text shows: the columns of a pasted RaaS JSON sample (`report_fields`).
    pub settings: Vec<Setting>,
    /// Pasted RaaS JSON samples, for the checks only (they hold people's data, so they never
    /// go into a report).
    pub samples: Vec<ReportSample>,
}

/// Every parameter found in `text`, in order of appearance.
pub fn extract(text: &str) -> Vec<Param> {
    extract_all(text).params
}

/// Parameters, settings and report samples found in `text`.
pub fn extract_all(text: &str) -> Extracted {
    let decoded = decode::decode(text);
    let text = decoded.as_ref();
    let mut out = Extracted::default();
    let samples = raas_samples::report_samples(text);
    for s in &samples {
        out.settings.push(Setting::new(
            names::REPORT_FIELDS,
            SettingValue::List(s.columns.clone()),
        ));
    }
    out.samples = samples;
    let reported = reported_errors::find(text);
    if !reported.is_empty() {
        out.settings.push(Setting::new(
            names::REPORTED_ERRORS,
            SettingValue::List(reported.iter().map(|e| e.code()).collect()),
        ));
    }
    let trimmed = text.trim_start();
    let whole_json = (trimmed.starts_with('{') || trimmed.starts_with('['))
        .then(|| serde_json::from_str::<serde_json::Value>(text).ok())
        .flatten();
    let mut sink = Sink::default();
    let scanned = whole_json.is_none();
    match whole_json {
        Some(json) => json::walk_json(&json, None, &mut sink),
        None => Scanner::new(text).run(&mut sink),
    }
    out.params = sink.params;
    if scanned {
        clients::assign(text, &mut out.params);
    }
    out
}

/// Whether `haystack` holds `needle`: the whole-paste tests below run on up to 16 MiB, where
/// memchr's vectorised search is several times faster than `str::contains`.
pub(crate) fn contains(haystack: &str, needle: &str) -> bool {
    memchr::memmem::find(haystack.as_bytes(), needle.as_bytes()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::param::ParamKind;

    fn kinds(text: &str) -> Vec<ParamKind> {
        extract(text).iter().map(|p| p.kind).collect()
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
        assert_eq!(
            kinds(text),
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

    #[test]
    fn labels_decide_what_shape_does_not() {
        let ps = extract("Client ID: abc123def\nPassword: hunter22");
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].kind, ParamKind::ClientId);
        assert_eq!(ps[0].raw(), "abc123def");
    }

    #[test]
    fn unlabelled_secret_is_ambiguous() {
        let secret = "a1b2c3d4e5".repeat(10);
        let ps = extract(&format!("here you go: {secret}"));
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].kind, ParamKind::ClientSecret);
        assert_eq!(ps[0].ambiguous_with, vec![ParamKind::RefreshToken]);
        let ps = extract(&format!("Refresh token: {secret}"));
        assert_eq!(ps[0].kind, ParamKind::RefreshToken);
        assert!(ps[0].ambiguous_with.is_empty());
    }

    #[test]
    fn wrapped_values_are_joined() {
        let secret = "a1b2c3d4e5".repeat(10);
        let text = format!(
            "Client secret: {}\n{}\nthanks",
            &secret[..70],
            &secret[70..]
        );
        let ps = extract(&text);
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].raw(), secret);
        // A complete endpoint at the end of a long line keeps the next line's word out.
        let rest = "https://wd3-impl-services1.workday.com/ccx/api/v1/acme";
        let ps = extract(&format!(
            "Our REST endpoint, as shown on View API Clients: {rest}\nthanks, Jordan\n"
        ));
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].raw(), rest);
        let url = "https://wd3-impl-services1.workday.com/ccx/service/customreport2/acme/ISU_10KC/";
        let ps = extract(&format!("User report: {url}\nUser_Report?format=json\n"));
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].raw(), format!("{url}User_Report?format=json"));
    }

    #[test]
    fn a_no_break_space_trailing_a_value_stays_in_it() {
        let token = "https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token";
        let id = "OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm";
        // At the end of the line: carried along by the copy.
        let ps = extract(&format!(
            "Token Endpoint: {token}\u{a0}\nClient ID: {id}\u{202f}\n"
        ));
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].raw(), format!("{token}\u{a0}"));
        assert_eq!(ps[1].raw(), format!("{id}\u{202f}"));
        assert_eq!(ps[1].kind, ParamKind::ClientId);
        // After a sentence mark it follows the sentence, not the value.
        let ps = extract(&format!(
            "The token endpoint is {token}.\u{a0}\nThe ID is {id}.\u{a0}\n"
        ));
        assert_eq!(ps.len(), 2, "{ps:?}");
        assert_eq!(ps[0].raw(), token);
        assert_eq!(ps[1].raw(), id);
        // Between a label and its value, or between words: a separator.
        let ps = extract(&format!(
            "Client\u{a0}ID:\u{a0}{id}\u{a0}(from View API Clients)\n"
        ));
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].raw(), id);
    }

    #[test]
    fn values_wrapped_over_many_quoted_lines_are_joined() {
        let url = "https://wd2-impl-services1.workday.com/ccx/service/customreport2/bilby/bilby_isu/Investors?format=json&Worker_Type!WID=2f1e98a2fb45b99a30a74f97ed4eced7&Prompt_Two!WID=9a8b7c6d5e4f30211203f4e5d6c7b8a9&Base_Pay=0";
        // Hard-wrapped at 62 columns inside the `> ` quote: four lines.
        let lines: Vec<&str> = url
            .as_bytes()
            .chunks(60)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        assert_eq!(lines.len(), 4);
        let quoted: Vec<String> = lines.iter().map(|l| format!("> {l}")).collect();
        let text = format!(
            "Dana wrote:\n> Here it is:\n>\n{}\n>\n> Priya\n",
            quoted.join("\n")
        );
        let ps = extract(&text);
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(ps[0].raw(), url);
        // A line of another quote depth is not the rest of the value.
        let text = format!("> {}\n>> {}\n", lines[0], lines[1]);
        assert_ne!(
            extract(&text).first().map(|p| p.raw().to_string()),
            Some(url[..148].to_string())
        );
        // A secret of full length followed by a word of prose is complete.
        let secret = "k3j4h5g6f7".repeat(10);
        let ps = extract(&format!("Client Secret: {secret}\nthanks\n"));
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].raw(), secret);
        // A long token wrapped over three lines.
        let token = "z1x2c3v4b5n6m7a8s9d0".repeat(8);
        let ps = extract(&format!(
            "> Refresh token: {}\n> {}\n> {}\n> ok\n",
            &token[..45],
            &token[45..110],
            &token[110..]
        ));
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].raw(), token);
    }

    #[test]
    fn quoted_printable_html_and_json() {
        let qp = "Content-Transfer-Encoding: quoted-printable\n\nToken: https://wd3-impl-services1.workday.com/ccx/oau=\nth2/acme/token?x=3D1\n";
        let ps = extract(qp);
        assert_eq!(
            ps[0].raw(),
            "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token?x=1"
        );
        let html = "<html><body><p>Token endpoint: <a href=\"https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token?a=1&amp;b=2\">link</a></p></body></html>";
        let ps = extract(html);
        assert_eq!(
            ps[0].raw(),
            "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token?a=1&b=2"
        );
        let json = r#"{"client_id": "abc123def456", "token_url": "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token"}"#;
        let ps = extract(json);
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].kind, ParamKind::ClientId);
    }

    #[test]
    fn raas_samples_give_columns() {
        let t = r#"Sample: {"Report_Entry":[{"First_Name":"Jane","Status":"active"},{"First_Name":"Joe","Status":"on leave"}]}"#;
        let ex = extract_all(t);
        assert_eq!(ex.samples.len(), 1);
        assert_eq!(ex.samples[0].columns, vec!["First_Name", "Status"]);
        assert!(ex.samples[0].values["Status"].contains("on leave"));
        assert_eq!(ex.settings[0].name, names::REPORT_FIELDS);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "",
            "<",
            "<a href=",
            "&#",
            "=\n",
            "\"",
            "“",
            "https://",
            "http://[",
            "Client ID: \u{200B}",
            "é\u{0301}: ü…",
            "<<<<>>>>",
            "{\"Report_Entry\":",
            "> > >",
            "\u{FEFF}",
            "a\u{00A0}b",
        ] {
            let _ = extract_all(t);
        }
        let mut s = String::new();
        for i in 0..2000u32 {
            s.push(char::from_u32(i * 37 % 0x2FFF).unwrap_or('x'));
        }
        let _ = extract_all(&s);
    }
}
