//! Partner profiles: the build-time compiler rejects malformed files with a clear message, and
//! the compiled profiles carry what the seeds say, word for word.

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
                "source = \"001_0202769298cb701a.txt § Find your Workday Service URL\"",
                "source = \"somewhere\"",
            ),
            "does not start with one of this file's seeds",
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
fn profiles_carry_the_seeds_word_for_word() {
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

#[test]
fn every_item_cites_a_seed_and_every_step_is_usable() {
    for p in PARTNERS {
        assert!(!p.seeds.is_empty());
        for s in p.steps {
            assert!(
                p.seeds.iter().any(|seed| s.source.starts_with(seed)),
                "{}/{}",
                p.id,
                s.id
            );
            assert!(
                s.task.is_some() || !s.set.is_empty(),
                "{}/{} tells the admin nothing",
                p.id,
                s.id
            );
        }
        for r in p.parameters {
            assert!(
                p.seeds.iter().any(|seed| r.source.starts_with(seed)),
                "{}/{}",
                p.id,
                r.kind
            );
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
    // The profiles serialise for the extension (wasm `partners()`).
    let json = serde_json::to_value(PARTNERS).unwrap();
    assert_eq!(json.as_array().unwrap().len(), PARTNERS.len());
    assert!(json[0]["steps"][0]["title"].is_string());
}
