//! The redacted report: a verification as Markdown that a support agent can paste into a ticket.
//! Every value of a secret (client secret, refresh token) is replaced by its fingerprint and
//! length, so an admin and an agent can confirm they hold the same value without either showing
//! it (same [`crate::model::secret::fingerprint`] as the CLI and the extension). Nothing secret is in
//! it: corrected values of secrets are fingerprinted too, and a last pass replaces any secret
//! that might still appear verbatim. Credentials written into a URL are removed wherever a URL
//! appears (a value, a message, a fix, a setting): the user name and password before the host,
//! and the value of every query parameter that carries a secret
//! ([`crate::workday::url_credentials::redact_text`]).
//!
//! Text that came from the input (hosts, tenant names, messages quoting them) is escaped so a
//! ticket system's Markdown renderer shows it as text: no raw HTML, no broken tables.

use crate::model::options::Options;
use crate::model::param::{Param, ParamValue};
use crate::model::secret::Secret;
use crate::model::severity::Severity;
use crate::report::view::Report;
use std::fmt::Write as _;

/// The report as Markdown, secrets fingerprinted.
pub fn markdown(report: &Report, options: &Options) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# wdcap verification report\n");
    let partner = options.partner().ok().flatten();
    let _ = writeln!(
        o,
        "- Partner: {}",
        match partner {
            Some(p) => text(p.name),
            None => "not chosen".into(),
        }
    );
    let _ = writeln!(o, "- SAML SSO: {}", options.sso.as_str());
    if let Some(page) = report.page {
        let _ = writeln!(o, "- Page: {}", text(page_title(page)));
    }
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    let (e, w, i) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let result = if report.findings.is_empty() {
        "no problem found".to_string()
    } else {
        let mut parts = Vec::new();
        for (n, one, many) in [
            (e, "error", "errors"),
            (w, "warning", "warnings"),
            (i, "note", "notes"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {}", if n == 1 { one } else { many }));
            }
        }
        parts.join(", ")
    };
    let _ = writeln!(o, "- Result: **{result}**");
    let _ = writeln!(o, "- Checked by: wdcap {}\n", text(crate::BUILD));
    let _ = writeln!(
        o,
        "Secrets are shown only as `sha256:` fingerprint and length. To confirm you hold the same \
         value, compare the fingerprint that wdcap shows for your copy.\n"
    );

    let _ = writeln!(o, "## Parameters\n");
    if report.params.is_empty() {
        let _ = writeln!(o, "None found.\n");
    } else {
        let _ = writeln!(
            o,
            "| # | Parameter | Value | Tenant | Environment | Data center |\n| --- | --- | --- | --- | --- | --- |"
        );
        for (n, p) in report.params.iter().enumerate() {
            let e = p.endpoint.as_ref();
            let mut kind = p.kind.title().to_string();
            if !p.ambiguous_with.is_empty() {
                let others: Vec<&str> = p.ambiguous_with.iter().map(|k| k.title()).collect();
                kind.push_str(&format!(" (or {})", others.join(", ")));
            }
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} |",
                n + 1,
                cell(&kind),
                value_cell(p),
                cell(&p.tenant().map(|t| t.to_string()).unwrap_or_default()),
                e.and_then(|e| e.environment())
                    .map(|x| x.as_str())
                    .unwrap_or(""),
                cell(
                    &e.and_then(|e| e.data_center())
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                ),
            );
        }
        o.push('\n');
    }

    let _ = writeln!(o, "## Findings\n");
    if report.findings.is_empty() {
        let _ = writeln!(o, "No problem found.\n");
    }
    for (n, f) in report.findings.iter().enumerate() {
        let about = f
            .param
            .and_then(|i| {
                report
                    .params
                    .get(i)
                    .map(|p| format!(" · parameter {} ({})", i + 1, p.kind.title()))
            })
            .unwrap_or_default();
        let _ = writeln!(o, "### {}. {}{about}\n", n + 1, severity_word(f.severity),);
        let _ = writeln!(o, "{}\n", text(&f.message));
        let _ = writeln!(o, "**Fix:** {}\n", text(&f.fix));
        // The value with its white space drawn (a secret's masked), so it and the corrected
        // value do not look the same.
        if let Some(v) = &f.shown_value {
            let _ = writeln!(o, "**Value as given:** {}\n", drawn_code(v));
        }
        if let Some(v) = &f.fixed_value {
            let secret = f
                .param
                .and_then(|i| report.params.get(i))
                .is_some_and(|p| p.value.is_secret());
            let shown = if secret {
                fingerprinted(&Secret::new(v.clone()))
            } else {
                code(v)
            };
            let shown = match (&f.shown_fixed_value, secret) {
                (Some(drawn), true) => format!("{shown} ({})", drawn_code(drawn)),
                _ => shown,
            };
            let _ = writeln!(o, "**Corrected value:** {shown}\n");
        }
    }

    let said = report.settings_said();
    if !said.is_empty() {
        let _ = writeln!(o, "## Settings read\n");
        for s in said {
            let _ = writeln!(o, "- {}", text(&s));
        }
        o.push('\n');
    }
    crate::workday::url_credentials::redact_text(&scrub(o, &report.params)).into_owned()
}

/// A severity as a heading says it.
pub(crate) fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Note",
    }
}

/// A page's name as Workday's search finds it (its recogniser's first English title).
pub(crate) fn page_title(page: crate::model::page_id::PageId) -> &'static str {
    crate::pages::RECOGNISERS
        .iter()
        .find(|r| r.page() == page)
        .and_then(|r| r.example_titles().first().copied())
        .unwrap_or_else(|| page.as_str())
}

/// A secret as its fingerprint and length.
fn fingerprinted(s: &Secret) -> String {
    format!("secret · `sha256:{}` · {} chars", s.fingerprint(), s.len())
}

fn value_cell(p: &Param) -> String {
    match &p.value {
        ParamValue::Secret(s) => fingerprinted(s),
        ParamValue::Plain(v) => code(v).replace('|', "\\|"),
    }
}

/// A code span that holds `v` verbatim, whatever backticks it contains. White space at either
/// end and invisible characters are drawn (`crate::workday::clean::drawn`), so the reader sees
/// them; a space between words stays a space.
fn code(v: &str) -> String {
    let inner = v.trim_matches(|c: char| c == ' ');
    let lead = v.len() - v.trim_start_matches(' ').len();
    let trail = v.len() - v.trim_end_matches(' ').len();
    let mut shown = "␠".repeat(lead);
    for c in inner.chars() {
        match crate::workday::clean::white_space_mark(c).filter(|_| c != ' ') {
            Some(mark) => shown.push_str(&mark),
            None => shown.push(c),
        }
    }
    shown.push_str(&"␠".repeat(trail.min(v.len() - lead)));
    drawn_code(&shown)
}

/// A code span around text already drawn, whatever backticks it holds.
fn drawn_code(shown: &str) -> String {
    let longest = shown.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if shown.starts_with('`')
        || shown.ends_with('`')
        || shown.starts_with(' ')
        || shown.ends_with(' ')
    {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{shown}{pad}{fence}")
}

/// Text for a table cell.
pub(crate) fn cell(s: &str) -> String {
    text(s).replace('|', "\\|")
}

/// Text from the input, safe for Markdown and readable as written: outside code spans, only
/// what a renderer would take for HTML is escaped, with a backslash (never an entity a reader
/// would see as `&gt;`): `<` before a letter, `/`, `!` or `?`, and `&` that would start an
/// entity; code spans kept as they are.
pub(crate) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_code = false;
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            '`' => {
                in_code = !in_code;
                out.push(c);
            }
            '<' if !in_code && next.is_some_and(|n| n.is_alphabetic() || "/!?".contains(n)) => {
                out.push_str("\\<")
            }
            '&' if !in_code && starts_entity(&chars[i + 1..]) => out.push_str("\\&"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Whether the characters after a `&` would make it an entity (`#…;` or a name and `;`).
fn starts_entity(rest: &[char]) -> bool {
    let name: Vec<&char> = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .collect();
    !name.is_empty() && rest.get(name.len()) == Some(&';')
}

/// The last line of defence: any secret value still present verbatim is replaced by its
/// fingerprint (values shorter than 8 characters are too common to replace safely, and no
/// check puts a secret into text in the first place).
fn scrub(mut md: String, params: &[Param]) -> String {
    for p in params {
        if let ParamValue::Secret(s) = &p.value {
            for v in [
                s.expose().to_string(),
                crate::workday::clean::clean(s.expose()),
            ] {
                if v.chars().count() >= 8 && md.contains(&v) {
                    md = md.replace(&v, &format!("[secret sha256:{}]", s.fingerprint()));
                }
            }
        }
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{self, Context};
    use crate::model::param::ParamKind;

    #[test]
    fn secrets_never_appear() {
        let secret = "k3j4h5g6f7d8s9a0".repeat(6);
        let token = "z9y8x7w6v5u4t3s2".repeat(6);
        let params = vec![
            Param::new(ParamKind::ClientSecret, format!("{secret} ")),
            Param::new(ParamKind::RefreshToken, token.clone()),
            Param::new(
                ParamKind::TokenEndpoint,
                "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token",
            ),
        ];
        let options = Options::default();
        let findings = checks::run_all(&Context::new(&params, &[], &options));
        assert!(
            !findings.is_empty(),
            "the secret's trailing space is a finding"
        );
        let report = Report {
            params,
            findings,
            ..Report::default()
        };
        let md = markdown(&report, &Options::default());
        assert!(!md.contains(&secret) && !md.contains(&token), "{md}");
        assert!(md.contains(&format!(
            "sha256:{}",
            crate::model::secret::fingerprint(&secret)
        )));
        assert!(md.contains("| Token Endpoint |"));
    }

    #[test]
    fn credentials_in_urls_never_appear() {
        let params = vec![
            Param::new(
                ParamKind::RaasUrl,
                "https://ISU_10KC:Winter2024!@wd5-services1.myworkday.com/ccx/service/customreport2/acme/ISU_10KC/Users?format=json",
            ),
            Param::new(
                ParamKind::TokenEndpoint,
                "https://wd5-services1.myworkday.com/ccx/oauth2/acme/token?client_secret=vace448mrjafbxix9nd4s&refresh_token=r3fr3sh0k9nd4s",
            ),
            Param::new(
                ParamKind::AuthorizationEndpoint,
                "https://wd5.myworkday.com/acme/authorize?code=abc123xyz&redirect=n",
            ),
        ];
        let options = Options::default();
        let findings = checks::run_all(&Context::new(&params, &[], &options));
        let report = Report {
            params,
            findings,
            ..Report::default()
        };
        let md = markdown(&report, &options);
        for leak in [
            "ISU_10KC:",
            "Winter2024",
            "vace448mrjafbxix9nd4s",
            "r3fr3sh0k9nd4s",
            "abc123xyz",
        ] {
            assert!(!md.contains(leak), "{leak} in\n{md}");
        }
        assert!(md.contains("`https://wd5-services1.myworkday.com/ccx/service/customreport2/acme/ISU_10KC/Users?format=json`"), "{md}");
        assert!(md.contains("client_secret=•••&refresh_token=•••"), "{md}");
        // The finding is there, in words: its code is not (codes stay in `--json`).
        assert!(md.contains("### 1. Error"), "{md}");
        assert!(!md.contains("credentials-in-url"), "{md}");
    }

    #[test]
    fn input_text_cannot_inject_html_or_break_tables() {
        // Escaped with a backslash where a renderer would read HTML, and only there.
        assert_eq!(text("a <b> & `<c>`"), "a \\<b> & `<c>`");
        assert_eq!(text("x &amp; y -> z < 3"), "x \\&amp; y -> z < 3");
        assert_eq!(cell("x|y"), "x\\|y");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("a\u{200B}"), "`a⟨ZWSP⟩`");
        assert_eq!(code(" a b\u{a0}\t"), "`␠a b⍽⇥`");
        assert_eq!(code("   "), "`␠␠␠`");
    }
}
