//! Checks: the conventions every check follows (as ruff and zizmor hold their rules to them),
//! every fixture through the real CLI with its exact findings and exit status, one clean e-mail
//! per partner, and snapshots of the text and Markdown renderings.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use wdcap::checks::CHECKS;
use wdcap::model::severity::Severity;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/checks")
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    args: Vec<String>,
    findings: Vec<String>,
}

fn expectations(dir: &Path) -> BTreeMap<String, Expect> {
    let path = dir.join("expect.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (every fixture folder has one)", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn inputs(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| {
            n.starts_with("pass-")
                || n.starts_with("fail-")
                || n == "pass.txt"
                || n == "fail.txt"
                || n == "pass.json"
                || n == "fail.json"
        })
        .collect();
    names.sort();
    names
}

fn kind_of(name: &str) -> &'static str {
    if name.starts_with("pass") {
        "pass"
    } else {
        "fail"
    }
}

#[test]
fn codes_are_kebab_case_unique_and_each_has_one_file() {
    let mut seen = BTreeSet::new();
    for c in CHECKS {
        assert!(is_kebab(c.code()), "`{}` is not kebab-case", c.code());
        assert!(seen.insert(c.code()), "`{}` is registered twice", c.code());
        assert!(!c.summary().is_empty(), "`{}` has no summary", c.code());
        assert!(
            !c.severities().is_empty(),
            "`{}` declares no severity",
            c.code()
        );
        let file = root()
            .join("src/checks")
            .join(format!("{}.rs", c.code().replace('-', "_")));
        assert!(
            file.exists(),
            "`{}` has no file {}",
            c.code(),
            file.display()
        );
    }
    for entry in std::fs::read_dir(root().join("src/checks")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        // The machinery every check shares; every other file is one check.
        if ["mod.rs", "context.rs", "finding.rs", "registry.rs"].contains(&name.as_str()) {
            continue;
        }
        let code = name.trim_end_matches(".rs").replace('_', "-");
        assert!(
            seen.contains(code.as_str()),
            "src/checks/{name} is not registered in CHECKS (code `{code}`)"
        );
    }
}

#[test]
fn every_check_has_a_doc_section_and_every_section_a_check() {
    let docs = std::fs::read_to_string(root().join("docs/checks.md")).unwrap();
    let mut sections: BTreeMap<String, String> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in docs.lines() {
        if let Some(code) = line.strip_prefix("## ") {
            current = Some(code.trim().to_string());
            assert!(
                sections
                    .insert(code.trim().to_string(), String::new())
                    .is_none(),
                "docs/checks.md has two sections `{code}`"
            );
        } else if let Some(c) = &current {
            let body = sections.get_mut(c).unwrap();
            body.push_str(line);
            body.push('\n');
        }
    }
    for c in CHECKS {
        let body = sections
            .get(c.code())
            .unwrap_or_else(|| panic!("docs/checks.md has no `## {}` section", c.code()));
        for part in [
            "**What:**",
            "**Why, and the source:**",
            "**How to fix:**",
            "**Severity:**",
        ] {
            assert!(body.contains(part), "`## {}` lacks {part}", c.code());
        }
        let severity_line = body
            .lines()
            .find(|l| l.starts_with("**Severity:**"))
            .unwrap();
        for s in c.severities() {
            assert!(
                severity_line.contains(s.as_str()),
                "`## {}` does not document severity {}",
                c.code(),
                s.as_str()
            );
        }
    }
    for code in sections.keys() {
        assert!(
            wdcap::checks::check(code).is_some(),
            "docs/checks.md has a section `{code}` for no registered check"
        );
    }
}

#[test]
fn every_check_has_passing_and_failing_fixtures_and_every_folder_a_check() {
    for c in CHECKS {
        let dir = fixtures().join(c.code());
        assert!(
            dir.is_dir(),
            "no fixture folder tests/fixtures/checks/{}",
            c.code()
        );
        let names = inputs(&dir);
        let expect = expectations(&dir);
        for kind in ["pass", "fail"] {
            assert!(
                names.iter().any(|n| kind_of(n) == kind),
                "`{}` has no {kind} fixture",
                c.code()
            );
        }
        for n in &names {
            let e = expect
                .get(n)
                .unwrap_or_else(|| panic!("{}/{n} has no entry in expect.toml", c.code()));
            let has = e
                .findings
                .iter()
                .any(|f| f.ends_with(&format!(" {}", c.code())));
            match kind_of(n) {
                "fail" => assert!(
                    has,
                    "{}/{n} is a failing fixture but expects no `{}`",
                    c.code(),
                    c.code()
                ),
                _ => assert!(
                    !has,
                    "{}/{n} is a passing fixture but expects `{}`",
                    c.code(),
                    c.code()
                ),
            }
        }
        for n in expect.keys() {
            assert!(
                names.contains(n),
                "{}/expect.toml names {n}, which does not exist",
                c.code()
            );
        }
    }
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            let name = entry.file_name().to_string_lossy().to_string();
            assert!(
                wdcap::checks::check(&name).is_some(),
                "tests/fixtures/checks/{name} names no registered check"
            );
        }
    }
}

/// Runs the real binary; returns (JSON output, exit status).
fn wdcap(args: &[&str]) -> (serde_json::Value, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_wdcap"))
        .args(args)
        .output()
        .expect("run wdcap");
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "wdcap {args:?}: not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (json, out.status.code().unwrap_or(-1))
}

fn findings_of(json: &serde_json::Value) -> Vec<(String, String)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["severity"].as_str().unwrap().to_string(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn cli_gives_exactly_the_expected_findings_and_exit_status() {
    let mut ran = 0;
    for c in CHECKS {
        let dir = fixtures().join(c.code());
        for (name, e) in expectations(&dir) {
            let path = dir.join(&name);
            let path = path.to_str().unwrap();
            let mut args = vec!["check", path, "--json"];
            if name.ends_with(".json") {
                args.push("--evidence");
            }
            args.extend(e.args.iter().map(String::as_str));
            let (json, status) = wdcap(&args);
            let found = findings_of(&json);
            let mut got: Vec<String> = found.iter().map(|(s, c)| format!("{s} {c}")).collect();
            got.sort();
            let mut want = e.findings.clone();
            want.sort();
            assert_eq!(got, want, "{}/{name}: findings", c.code());
            let errors = found.iter().any(|(s, _)| s == "error");
            assert_eq!(
                status,
                i32::from(errors),
                "{}/{name}: exit status",
                c.code()
            );
            // A check reports only the severities it declares (and docs/checks.md lists).
            for (s, code) in &found {
                let check = wdcap::checks::check(code).unwrap();
                assert!(
                    check.severities().iter().any(|x| x.as_str() == s),
                    "{}/{name}: `{code}` reported {s}, which it does not declare",
                    c.code()
                );
            }
            ran += 1;
        }
    }
    assert!(ran >= 2 * CHECKS.len(), "only {ran} fixtures ran");
}

#[test]
fn a_clean_set_of_parameters_per_partner_has_no_error() {
    let dir = root().join("tests/fixtures/partners");
    for partner in wdcap::model::partner::PARTNERS {
        let file = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.file_stem().is_some_and(|s| s == partner.id))
            .unwrap_or_else(|| {
                panic!(
                    "no clean e-mail for {} in tests/fixtures/partners",
                    partner.id
                )
            });
        let (json, status) = wdcap(&[
            "check",
            file.to_str().unwrap(),
            "--json",
            "--integration",
            partner.id,
            "--sso",
            "yes",
        ]);
        let found = findings_of(&json);
        assert!(
            found.iter().all(|(s, _)| s != "error"),
            "{}: {found:?}",
            partner.id
        );
        assert_eq!(status, 0, "{}", partner.id);
        // Every value the partner requires was recognised.
        let kinds: Vec<&str> = json["params"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["kind"].as_str().unwrap())
            .collect();
        for r in partner.parameters.iter().filter(|r| r.required) {
            let n = kinds.iter().filter(|k| **k == r.kind.as_str()).count();
            assert!(
                n >= r.count as usize,
                "{}: {} found {n} times",
                partner.id,
                r.kind
            );
        }
    }
}

#[test]
fn unknown_integration_is_unusable_input_with_a_one_line_reason() {
    let out = Command::new(env!("CARGO_BIN_EXE_wdcap"))
        .args(["check", "-", "--integration", "workday-for-cats"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("workday-for-cats") && err.contains("viva-learning"),
        "{err}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_wdcap"))
        .args([
            "check",
            "--evidence",
            fixtures().join("README.md").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "evidence that is not JSON is unusable"
    );
}

const PROBLEM_EMAIL: &str = "Hi support,

here is what we entered for Defender (our tenant uses SSO):

Client ID: OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm
Client Secret: \"k3j4h5g6f7d8s9a0m1n2b3v4c5x6z7l8k9j0h1g2f3d4s5a6p7o8i9u0y1t2r3e4w5q6a7s8d9f0g1h2j3k4l5z6x7c8v9b0n1m2 \"
REST API Endpoint: https://wd3-impl-services1.workday.com/ccx/api/v1/Acme
Token endpoint: https://wd3-impl-services1.workday.com/ccx/oauth/acme/token?redirect=n
Authorization endpoint: https://wd3-impl.workday.com/acme/authorize&redirect=n

Thanks,
Jane
";

fn run_stdin(args: &[&str], input: &str) -> (String, i32) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_wdcap"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// The build line carries the git revision; snapshots must not.
fn without_build(s: &str) -> String {
    s.replace(wdcap::BUILD, "<build>")
}

#[test]
fn text_rendering_of_a_problem_email() {
    let (text, status) = run_stdin(
        &[
            "check",
            "-",
            "--integration",
            "defender-for-cloud-apps",
            "--sso",
            "yes",
        ],
        PROBLEM_EMAIL,
    );
    assert_eq!(status, 1);
    assert!(
        !text.contains("k3j4h5g6f7d8s9a0m1n2"),
        "a secret was printed"
    );
    // Words for people: no check code, value-kind id or page id; values and findings numbered
    // from 1 alike.
    for c in wdcap::checks::CHECKS
        .iter()
        .filter(|c| c.code().contains('-'))
    {
        assert!(
            !text.contains(c.code()),
            "the check code {} is shown",
            c.code()
        );
    }
    assert!(!text.contains("client_secret") && !text.contains("[0]"));
    assert!(text.contains("   1. Client ID") && text.contains("Error (value 2):"));
    insta::assert_snapshot!(without_build(&text));
}

#[test]
fn redacted_markdown_of_a_problem_email() {
    let (md, status) = run_stdin(
        &[
            "check",
            "-",
            "--markdown",
            "--integration",
            "defender-for-cloud-apps",
            "--sso",
            "yes",
        ],
        PROBLEM_EMAIL,
    );
    assert_eq!(status, 1);
    assert!(
        !md.contains("k3j4h5g6f7d8s9a0m1n2"),
        "a secret is in the redacted report"
    );
    assert!(md.contains(&format!(
        "sha256:{}",
        wdcap::model::secret::fingerprint(
            "k3j4h5g6f7d8s9a0m1n2b3v4c5x6z7l8k9j0h1g2f3d4s5a6p7o8i9u0y1t2r3e4w5q6a7s8d9f0g1h2j3k4l5z6x7c8v9b0n1m2 "
        )
    )));
    insta::assert_snapshot!(without_build(&md));
}

#[test]
fn scan_also_renders_markdown_and_reports_nothing_missing_for_one_page() {
    let page = root().join("tests/fixtures/pages/view_api_clients/api_clients_tab.html");
    let (json, _) = wdcap(&[
        "scan",
        page.to_str().unwrap(),
        "--json",
        "--integration",
        "defender-for-cloud-apps",
    ]);
    assert!(
        findings_of(&json)
            .iter()
            .all(|(_, c)| c != "missing-parameter"),
        "one page shows only some values"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_wdcap"))
        .args(["scan", page.to_str().unwrap(), "--markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# wdcap verification report"), "{md}");
    // The page by the name Workday's search finds, not its id.
    assert!(md.contains("- Page: View API Clients\n"), "{md}");
}

#[test]
fn declared_severities_follow_the_policy() {
    // Errors only where the policy says "certainly breaks or leaks"; the checks that
    // judge something the notes leave unconfirmed never declare an error.
    for code in [
        "ui-host-for-api",
        "api-host-for-authorize",
        "soap-version-mismatch",
        "raas-owner-mismatch",
        "report-field-missing",
        "report-value-not-allowed",
        "conflicting-values",
        "org-id-duplicate",
        "isu-session-timeout",
        "sandbox-refresh",
    ] {
        let c = wdcap::checks::check(code).unwrap();
        assert!(
            !c.severities().contains(&Severity::Error),
            "`{code}` judges something unconfirmed or unknown and must not be an error"
        );
    }
    assert_eq!(
        wdcap::checks::check("sandbox-refresh")
            .unwrap()
            .severities(),
        &[Severity::Info]
    );
}
