//! Partner profiles: the build-time compiler rejects malformed files with a clear message, and
//! the compiled profiles carry what their guides say, word for word, and cite each guide by
//! title, public address and section.

#[path = "../../build/partners.rs"]
#[allow(dead_code)]
mod compiler;

use wdcap::model::partner::{partner, Access, PARTNERS};

fn dir_with(files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "wdcap-partners-{}-{}",
        std::process::id(),
        files.iter().map(|(n, _)| *n).collect::<Vec<_>>().join("-")
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

#[test]
fn the_real_profiles_compile() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/partners");
    let table = compiler::table(dir).unwrap_or_else(|p| panic!("{p:#?}"));
    assert!(table.contains("pub static PARTNERS"));
}

#[test]
fn a_malformed_profile_fails_with_file_item_and_reason() {
    let base = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/partners/kombo.toml"))
        .unwrap();
    let cases = [
        (
            "kombo.toml",
            base.replace("kind = \"rest_endpoint\"", "kind = \"rest_url\""),
            "`rest_url` is not a parameter kind",
        ),
        (
            "kombo.toml",
            base.replace(
                "evidence_page = \"create_isu\"",
                "evidence_page = \"create_user\"",
            ),
            "evidence_page `create_user` is not a page id",
        ),
        (
            "other.toml",
            base.clone(),
            "must equal the file name `other`",
        ),
        (
            "kombo.toml",
            base.replace(
                "[[parameter]]\nkind = \"rest_endpoint\"",
                "[[parameter]]\ncolour = \"red\"\nkind = \"rest_endpoint\"",
            ),
            "unknown field `colour`",
        ),
        (
            "kombo.toml",
            base.replace(
                "source = \"linking § Find your Workday Service URL\"",
                "source = \"somewhere\"",
            ),
            "source `somewhere` is not `<guide id> § <section>`",
        ),
        (
            "kombo.toml",
            base.replace(
                "source = \"linking § Find your Workday Service URL\"",
                "source = \"001_0202769298cb701a.txt § Find your Workday Service URL\"",
            ),
            "names guide `001_0202769298cb701a.txt`, which this profile does not list (guides: linking)",
        ),
        (
            "kombo.toml",
            base.replace(
                "address = \"https://help.kombo.dev/hc/en-us/articles/14350938170897\"",
                "address = \"help.kombo.dev\"",
            ),
            "guides[0]: address `help.kombo.dev` is not a public https address",
        ),
    ];
    for (name, text, why) in cases {
        let dir = dir_with(&[(name, &text)]);
        let problems = compiler::table(dir.to_str().unwrap()).expect_err(why);
        assert!(
            problems.iter().any(|p| p.contains(name) && p.contains(why)),
            "expected `{why}` naming {name}, got {problems:#?}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn profiles_carry_their_guides_word_for_word() {
    let defender = partner("defender-for-cloud-apps").unwrap();
    let client = defender.oauth_client.as_ref().unwrap();
    assert_eq!(client.grant_type, Some("Authorization Code Grant"));
    assert_eq!(client.access_token_type, Some("Bearer"));
    assert_eq!(client.scopes, ["Staffing", "System"]);
    assert!(client
        .redirect_uris
        .contains(&"https://portal.cloudappsecurity.com/api/oauth/connect"));
    let row = defender
        .domain_policies
        .iter()
        .find(|d| d.subdomain == Some("Set Up: Tenant Setup –  Security"))
        .unwrap();
    assert_eq!(row.report_task, [Access::View, Access::Modify]);
    assert_eq!(row.integration, [Access::Get, Access::Put]);

    let viva = partner("viva-learning").unwrap();
    assert_eq!(
        viva.oauth_client.as_ref().unwrap().scopes,
        [
            "Organizations and Roles",
            "Learning core",
            "Staffing",
            "System",
            "Tenant nonconfigurable"
        ]
    );
    assert_eq!(viva.domain_policies.len(), 5);
    assert!(viva
        .domain_policies
        .iter()
        .all(|d| d.integration == [Access::Get]));

    let tkc = partner("ten-thousand-coffees").unwrap();
    assert_eq!(tkc.domain_policies.len(), 8);
    assert_eq!(
        tkc.reports.iter().map(|r| r.id).collect::<Vec<_>>(),
        ["user", "group"]
    );
    assert_eq!(tkc.reports[1].fields[0].name, "group_name");
    let kombo = partner("kombo").unwrap();
    assert_eq!(
        kombo.oauth_client.as_ref().unwrap().scopes,
        [
            "Tenant Non-Configurable",
            "Staffing",
            "Time Off and Leave",
            "System"
        ]
    );
}

/// What a user reads for a source: the guide's title, its public address and the section;
/// never a file name, never the word "seed".
fn assert_reads_as_a_guide(p: &wdcap::model::partner::Partner, what: &str, citation: &str) {
    assert!(
        p.guides.iter().any(|g| citation.starts_with(g.title)
            && citation.contains(g.address.trim_start_matches("https://"))),
        "{}/{what}: `{citation}` does not name a guide by title and address",
        p.id
    );
    assert!(
        citation.contains(", section ") || citation.contains(", sections "),
        "{}/{what}: {citation}",
        p.id
    );
    let lower = citation.to_lowercase();
    assert!(
        !lower.contains("seed") && !lower.contains(".txt") && !lower.contains(".md"),
        "{}/{what}: `{citation}` names a file",
        p.id
    );
}

#[test]
fn every_item_cites_a_guide_and_every_step_is_usable() {
    for p in PARTNERS {
        assert!(!p.guides.is_empty());
        for g in p.guides {
            assert!(g.address.starts_with("https://"), "{}: {}", p.id, g.address);
        }
        for s in p.steps {
            assert_reads_as_a_guide(p, s.id, s.citation);
            assert!(
                s.task.is_some() || !s.set.is_empty(),
                "{}/{} tells the admin nothing",
                p.id,
                s.id
            );
        }
        for r in p.parameters {
            assert_reads_as_a_guide(p, r.kind.as_str(), r.citation);
        }
        for d in p.domain_policies {
            assert_reads_as_a_guide(p, d.policy, d.citation);
        }
        for c in [p.sandbox_refresh, p.permissions_note]
            .into_iter()
            .flatten()
        {
            assert_reads_as_a_guide(p, c.text, c.citation);
        }
        // The checklist covers every required value.
        for r in p.parameters.iter().filter(|r| r.required) {
            assert!(
                p.steps.iter().any(|s| s.capture.contains(&r.kind)),
                "{}: {}",
                p.id,
                r.kind
            );
        }
    }
    // The profiles serialise for the extension (wasm `partners()`), citations included.
    let json = serde_json::to_value(PARTNERS).unwrap();
    assert_eq!(json.as_array().unwrap().len(), PARTNERS.len());
    assert!(json[0]["steps"][0]["title"].is_string());
    assert!(json[0]["steps"][0]["citation"].is_string());
    assert!(json[0]["guides"][0]["address"].is_string());
}

#[test]
fn a_citation_reads_as_the_guide_title_address_and_section() {
    let defender = partner("defender-for-cloud-apps").unwrap();
    let step = defender
        .steps
        .iter()
        .find(|s| s.id == "permissions")
        .unwrap();
    assert_eq!(
        step.citation,
        "Microsoft Defender for Cloud Apps — Connect Workday to Microsoft Defender for Cloud Apps \
         (learn.microsoft.com/en-us/defender-cloud-apps/connect-workday), sections Quick start (note) and \
         Prerequisites"
    );
}

/// The fixes users read after a failed call name Workday tasks, never a guide file or a "seed".
#[test]
fn error_fixes_name_no_file_or_seed() {
    use wdcap::workday::errors as e;
    let likely: Vec<String> = PARTNERS
        .iter()
        .flat_map(|p| p.likely_permissions())
        .collect();
    for fix in [
        e::INVALID_CLIENT_FIX.to_string(),
        e::INVALID_GRANT_FIX.to_string(),
        e::INVALID_REQUEST_FIX.to_string(),
        e::NOT_FOUND_FIX.to_string(),
        e::SERVER_ERROR_FIX.to_string(),
        e::UNAUTHORIZED_FIX.to_string(),
        e::forbidden_fix(&[]),
        e::forbidden_fix(&likely),
    ] {
        let lower = fix.to_lowercase();
        assert!(
            !lower.contains("seed") && !lower.contains(".txt") && !lower.contains(".md"),
            "{fix}"
        );
    }
}

/// `wdcap check` with no partner chosen: a ticket naming a partner, or a page showing an API
/// client named as a partner's guide names it, suggests that partner with why; neutral text
/// suggests none. Nothing is chosen: the checks run as for no partner.
#[test]
fn check_suggests_a_partner_only_from_evidence_and_never_chooses_it() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let run = |text: &str| -> serde_json::Value {
        let mut child = Command::new(env!("CARGO_BIN_EXE_wdcap"))
            .args(["check", "-", "--json"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let named = run(
        "Hi, we are setting up Datadog for Workday user activity logs.\n\
         Token Endpoint: https://wd5-services1.myworkday.com/ccx/oauth2/contoso/token\n",
    );
    let s = &named["suggested_partners"];
    assert_eq!(s.as_array().map(Vec::len), Some(1), "{named:#}");
    assert_eq!(s[0]["partner"], "datadog-workday");
    assert_eq!(s[0]["clue"], "words");
    assert_eq!(s[0]["why"], "the text names Datadog");
    // No partner was chosen: nothing asks for Datadog's values.
    let codes: Vec<&str> = named["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(!codes.contains(&"missing-parameter"), "{codes:?}");

    let neutral =
        run("Token Endpoint: https://wd5-services1.myworkday.com/ccx/oauth2/contoso/token\n");
    assert!(neutral.get("suggested_partners").is_none(), "{neutral:#}");
}
