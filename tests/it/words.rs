//! Words for users: nothing a user reads names a file of the partners' guides
//! (`NNN_<16 hex>.txt`), says "seed", or shows a check's code (codes stay in `--json` and in the
//! docs). Every text a user reads is looked at: the extension's messages (`_locales`), every
//! finding's message and fix (every check's fixtures run), the error catalogue's fixes, the
//! partner profiles' texts as the checklist and the popup show them, and the Markdown and text
//! outputs (the redacted report of every fixture, each partner's export of the simulator tenant).

use std::path::PathBuf;
use wdcap::analysis;
use wdcap::checks::CHECKS;
use wdcap::model::options::{Options, Sso};
use wdcap::model::partner::PARTNERS;
use wdcap::report::redact;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What is wrong with `text` as words for users (none: nothing).
fn offences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    // A guide's file name: three digits, `_`, 16 hex digits, `.txt`.
    for (i, _) in text.match_indices(".txt") {
        if i >= 20
            && b[i - 20..i - 17].iter().all(u8::is_ascii_digit)
            && b[i - 17] == b'_'
            && b[i - 16..i].iter().all(u8::is_ascii_hexdigit)
        {
            out.push(format!("a guide's file name: {}", &text[i - 20..i + 4]));
        }
    }
    let lower = text.to_lowercase();
    let word_at = |at: usize, len: usize, extra: &[u8]| {
        let l = lower.as_bytes();
        let inside = |c: u8| c.is_ascii_alphanumeric() || extra.contains(&c);
        (at == 0 || !inside(l[at - 1])) && (at + len >= l.len() || !inside(l[at + len]))
    };
    for (i, _) in lower.match_indices("seed") {
        // "seed", "seeds" as words.
        let len = if lower[i..].starts_with("seeds") {
            5
        } else {
            4
        };
        if word_at(i, len, &[]) {
            out.push("the word \"seed\"".into());
        }
    }
    for c in CHECKS {
        let code = c.code();
        // A code of one plain word (`placeholder`, `quoted`) is English too: it is a code where
        // it is written as one (in backticks or brackets); a hyphenated code anywhere.
        let plain = !code.contains('-');
        for (i, _) in lower.match_indices(code) {
            let l = lower.as_bytes();
            let marked = i > 0
                && matches!(l[i - 1], b'`' | b'(' | b'[')
                && matches!(l.get(i + code.len()), Some(b'`' | b')' | b']'));
            if word_at(i, code.len(), b"-_") && (!plain || marked) {
                out.push(format!("the check code `{code}`"));
            }
        }
    }
    out
}

fn assert_words(what: &str, text: &str, found: &mut Vec<String>) {
    for o in offences(text) {
        found.push(format!("{what}: {o} in {text:?}"));
    }
}

#[test]
fn the_test_itself_finds_file_names_seeds_and_codes() {
    assert_eq!(offences("Source: 003_7a72bb239b878d06.txt § 2").len(), 1);
    assert_eq!(offences("activate the changes (seed 001)").len(), 1);
    assert_eq!(offences("corrected by wdcap (redirect-n-missing)").len(), 1);
    assert!(offences("the seedling; a wrong-paths-list; seeded").is_empty());
    assert_eq!(offences("found (placeholder)").len(), 1);
    assert!(offences("`yourorg` in the example is a placeholder.").is_empty());
    assert!(offences("Add `redirect=n` to the authorization endpoint.").is_empty());
}

#[test]
fn the_extension_s_messages_are_words_for_users() {
    let mut found = Vec::new();
    for lang in std::fs::read_dir(root().join("extension/_locales"))
        .unwrap()
        .flatten()
    {
        let path = lang.path().join("messages.json");
        let messages: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for (key, m) in messages {
            let text = m["message"].as_str().unwrap_or_default();
            assert_words(&format!("{}: {key}", path.display()), text, &mut found);
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The options a check fixture runs with (its `expect.toml` args).
fn options_of(args: &[String]) -> Options {
    let mut o = Options::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--integration" => o.integration = it.next().cloned(),
            "--sso" => {
                o.sso = match it.next().map(String::as_str) {
                    Some("yes") => Sso::Yes,
                    Some("no") => Sso::No,
                    _ => Sso::Unknown,
                }
            }
            _ => {}
        }
    }
    o
}

#[derive(serde::Deserialize)]
struct Expect {
    args: Vec<String>,
}

#[test]
fn every_finding_s_message_and_fix_and_every_redacted_report_are_words_for_users() {
    let mut found = Vec::new();
    let mut reports = 0;
    for c in CHECKS {
        let dir = root().join("tests/fixtures/checks").join(c.code());
        let expect: std::collections::BTreeMap<String, Expect> =
            toml::from_str(&std::fs::read_to_string(dir.join("expect.toml")).unwrap()).unwrap();
        for (name, e) in expect {
            let text = std::fs::read_to_string(dir.join(&name)).unwrap();
            let options = options_of(&e.args);
            let report = if name.ends_with(".json") {
                #[derive(serde::Deserialize)]
                struct Evidence {
                    #[serde(default)]
                    params: Vec<wdcap::model::param::ParamInput>,
                    #[serde(default)]
                    settings: Vec<wdcap::model::settings::Setting>,
                }
                let ev: Evidence = serde_json::from_str(&text).unwrap();
                analysis::check_params(ev.params, ev.settings, &options)
            } else {
                analysis::check_text(&text, &options)
            };
            for f in &report.findings {
                let at = format!("{}/{name}", c.code());
                assert_words(&format!("{at} message"), &f.message, &mut found);
                assert_words(&format!("{at} fix"), &f.fix, &mut found);
            }
            let md = redact::markdown(&report, &options);
            assert_words(
                &format!("{}/{name} redacted report", c.code()),
                &md,
                &mut found,
            );
            reports += 1;
        }
    }
    assert!(reports >= 2 * CHECKS.len(), "{reports} fixtures");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_error_catalogue_s_fixes_are_words_for_users() {
    use wdcap::workday::errors::*;
    let mut found = Vec::new();
    for (name, fix) in [
        ("invalid_client", INVALID_CLIENT_FIX.to_string()),
        ("invalid_grant", INVALID_GRANT_FIX.to_string()),
        ("invalid_request", INVALID_REQUEST_FIX.to_string()),
        ("not found", NOT_FOUND_FIX.to_string()),
        ("server error", SERVER_ERROR_FIX.to_string()),
        ("unauthorized", UNAUTHORIZED_FIX.to_string()),
        ("forbidden", forbidden_fix(&[])),
        (
            "forbidden, likely",
            forbidden_fix(&["Get access to Staffing".into()]),
        ),
    ] {
        assert_words(name, &fix, &mut found);
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn partner_steps_and_requirements_are_words_for_users() {
    let mut found = Vec::new();
    for p in PARTNERS {
        assert_words(&format!("{} summary", p.id), p.summary, &mut found);
        for s in p.steps {
            let at = format!("{} step {}", p.id, s.id);
            assert_words(&at, s.title, &mut found);
            assert_words(&at, s.task.unwrap_or_default(), &mut found);
            for x in s.set.iter().chain(s.pitfalls) {
                assert_words(&at, x, &mut found);
            }
        }
        for r in p.parameters {
            let at = format!("{} parameter {}", p.id, r.label);
            assert_words(&at, r.label, &mut found);
            assert_words(&at, r.r#where, &mut found);
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The citations the checklist shows under each step and requirement ("Source: …"): a guide by
/// its title and public address, never its file name. The partner profiles are being converted
/// (their `source` fields); this test says when that is done.
#[test]
fn partner_texts_cite_guides_by_title() {
    let mut found = Vec::new();
    for p in PARTNERS {
        for s in p.steps {
            assert_words(
                &format!("{} step {} source", p.id, s.id),
                s.source,
                &mut found,
            );
        }
        for r in p.parameters {
            assert_words(
                &format!("{} parameter {} source", p.id, r.label),
                r.source,
                &mut found,
            );
        }
    }
    assert!(
        found.is_empty(),
        "{} citations:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn each_partner_s_export_text_is_words_for_users() {
    let mut found = Vec::new();
    let evidence = r#"{"params": [
        {"kind": "token_endpoint", "value": "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token"},
        {"kind": "authorization_endpoint", "value": "https://wd3-impl.workday.com/acme/authorize"},
        {"kind": "rest_endpoint", "value": "https://wd3-impl-services1.workday.com/ccx/api/v1/acme "},
        {"kind": "client_id", "value": "OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm"}
    ], "settings": [{"name": "saml_sso_enabled", "value": true}]}"#;
    #[derive(serde::Deserialize)]
    struct Evidence {
        params: Vec<wdcap::model::param::ParamInput>,
        settings: Vec<wdcap::model::settings::Setting>,
    }
    let ev: Evidence = serde_json::from_str(evidence).unwrap();
    let record = analysis::record_of_evidence(ev.params, ev.settings);
    for p in PARTNERS {
        let prefs = wdcap::evidence::choice::Prefs {
            integration: Some(p.id.to_string()),
            ..Default::default()
        };
        let view = analysis::tenant_view(
            &record,
            &prefs,
            &Default::default(),
            &wdcap::report::tenant::ViewOptions {
                exported_at: Some("2026-01-01T00:00:00Z".into()),
                ..Default::default()
            },
        )
        .unwrap();
        let x = view.export.unwrap();
        assert_words(
            &format!("{} export text", p.id),
            x.text.as_deref().unwrap_or_default(),
            &mut found,
        );
        for item in &x.items {
            assert_words(
                &format!("{} export note", p.id),
                item.note.as_deref().unwrap_or_default(),
                &mut found,
            );
        }
        for g in &view.findings {
            assert_words(&format!("{} finding group", p.id), &g.title, &mut found);
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
