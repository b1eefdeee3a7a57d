//! The real-world corpus (`tests/fixtures/real/`): Workday URLs and pasted texts found in public
//! sources (connector docs, vendor KBs, forum answers, public code), each run through the real CLI
//! as a support agent would (`wdcap check --json`, the paste on stdin). Every row says what a
//! correct wdcap reads (kind, tenant, parameters) and which findings must and must not appear;
//! `tests/fixtures/real/README.md` says how rows are written and where they come from.
//!
//! One test per corpus file. Each runs every row and collects every mismatch, printing each with
//! the row's source, before failing: a run shows the whole picture, not the first miss.
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The parameter kinds that are URLs (README, JSON contract).
const URL_KINDS: &[&str] = &[
    "rest_endpoint",
    "token_endpoint",
    "authorization_endpoint",
    "soap_endpoint",
    "raas_url",
    "ui_url",
];

/// Every parameter kind of the JSON contract, to catch a typo in a row.
const ALL_KINDS: &[&str] = &[
    "rest_endpoint",
    "token_endpoint",
    "authorization_endpoint",
    "soap_endpoint",
    "raas_url",
    "ui_url",
    "client_id",
    "client_secret",
    "refresh_token",
    "org_id",
    "isu_username",
];

/// The corpus may grow, never shrink below what it was built with.
const MIN_URLS: usize = 60;
const MIN_TEXTS: usize = 10;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UrlFile {
    url: Vec<UrlRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read by reviewers; the test checks that they are there
struct UrlRow {
    url: String,
    source: String,
    address: String,
    repo: Option<String>,
    path: Option<String>,
    kind: String,
    tenant: Option<String>,
    #[serde(default)]
    tenant_any: bool,
    #[serde(default)]
    must: Vec<String>,
    #[serde(default)]
    must_not: Vec<String>,
    note: String,
    variant: Option<String>,
    proposed_code: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct TextRow {
    source: String,
    address: String,
    repo: Option<String>,
    path: Option<String>,
    note: String,
    variant: Option<String>,
    proposed_code: Option<String>,
    #[serde(default)]
    must: Vec<String>,
    #[serde(default)]
    must_not: Vec<String>,
    /// No parameter of these kinds may be read from the text.
    #[serde(default)]
    no_params_of_kind: Vec<String>,
    /// No parameter's value may contain any of these (namespace URLs, a partner's redirect URI …).
    #[serde(default)]
    forbid_values: Vec<String>,
    /// Parameters that must be read: a parameter of this kind (and tenant, and value, when given).
    #[serde(default, rename = "param")]
    params: Vec<ExpectedParam>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedParam {
    kind: String,
    tenant: Option<String>,
    /// Compared exactly. Secrets print masked, so a secret is matched by its length instead.
    value: Option<String>,
    /// The `length` the JSON contract gives a secret (a wrapped secret read whole keeps it).
    length: Option<u64>,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

/// What the CLI said about one paste.
struct Answer {
    params: Vec<Value>,
    codes: BTreeSet<String>,
    raw_findings: Vec<(String, String)>,
}

/// Runs `wdcap check --json -` with `input` on stdin, as a support agent pastes a ticket.
fn check(input: &str) -> Result<Answer, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wdcap"))
        .args(["check", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start wdcap: {e}"))?;
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .map_err(|e| format!("could not write the paste: {e}"))?;
    let out = child
        .wait_with_output()
        .map_err(|e| format!("wdcap did not finish: {e}"))?;
    // 0: no error finding, 1: at least one; 2 is unusable input, which a paste never is.
    if !matches!(out.status.code(), Some(0 | 1)) {
        return Err(format!(
            "wdcap check exited with {:?}: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let json: Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("wdcap check --json printed no JSON ({e})"))?;
    let params = json["params"].as_array().cloned().unwrap_or_default();
    let findings = json["findings"].as_array().cloned().unwrap_or_default();
    let raw_findings: Vec<(String, String)> = findings
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("?").to_string(),
                f["severity"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect();
    let codes = raw_findings.iter().map(|(c, _)| c.clone()).collect();
    Ok(Answer {
        params,
        codes,
        raw_findings,
    })
}

fn kind_of(p: &Value) -> &str {
    p["kind"].as_str().unwrap_or("?")
}

fn tenant_of(p: &Value) -> Option<&str> {
    p["tenant"].as_str()
}

fn value_of(p: &Value) -> &str {
    p["value"].as_str().unwrap_or("")
}

/// Today's answer in one line: every parameter (kind, tenant, value) and every finding.
fn describe(a: &Answer) -> String {
    let params: Vec<String> = a
        .params
        .iter()
        .map(|p| {
            format!(
                "{} tenant={} value={:?}",
                kind_of(p),
                tenant_of(p).map_or("null".to_string(), |t| format!("{t:?}")),
                value_of(p)
            )
        })
        .collect();
    let findings: Vec<String> = a
        .raw_findings
        .iter()
        .map(|(c, s)| format!("{c} ({s})"))
        .collect();
    format!(
        "params: [{}]; findings: [{}]",
        params.join(", "),
        findings.join(", ")
    )
}

fn check_codes(must: &[String], must_not: &[String], a: &Answer, problems: &mut Vec<String>) {
    for code in must {
        if !a.codes.contains(code) {
            problems.push(format!("missing finding `{code}`"));
        }
    }
    for code in must_not {
        if a.codes.contains(code) {
            problems.push(format!("false alarm `{code}`"));
        }
    }
}

/// The source policy every row keeps: a title, a public address, repo and path together.
fn check_citation(
    what: &str,
    source: &str,
    address: &str,
    repo: &Option<String>,
    path: &Option<String>,
    note: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    if source.trim().is_empty() {
        out.push(format!("{what}: no source title"));
    }
    if !(address.starts_with("https://") || address.starts_with("http://")) {
        out.push(format!(
            "{what}: the address {address:?} is not a public URL"
        ));
    }
    if repo.is_some() != path.is_some() {
        out.push(format!("{what}: repo and path go together"));
    }
    if note.trim().is_empty() {
        out.push(format!("{what}: no note saying why the row is here"));
    }
    out
}

fn check_kind_names(what: &str, kinds: &[&str], codes: &[&String]) -> Vec<String> {
    let mut out = Vec::new();
    for k in kinds {
        if !ALL_KINDS.contains(k) {
            out.push(format!("{what}: unknown kind {k:?}"));
        }
    }
    for c in codes {
        if c.is_empty() || c.contains(char::is_uppercase) || c.contains(' ') {
            out.push(format!("{what}: {c:?} is not a finding code"));
        }
    }
    out
}

fn report(title: &str, rows: usize, mismatches: &[String]) {
    if mismatches.is_empty() {
        return;
    }
    let mut text = format!(
        "\n{title}: {} of {rows} rows do not get what a correct wdcap says\n",
        mismatches.len()
    );
    for m in mismatches {
        text.push('\n');
        text.push_str(m);
        text.push('\n');
    }
    eprintln!("{text}");
    panic!(
        "{title}: {} mismatching rows (listed above)",
        mismatches.len()
    );
}

#[test]
fn urls_toml() {
    let file = corpus_dir().join("urls.toml");
    let text = std::fs::read_to_string(&file).expect("tests/fixtures/real/urls.toml");
    let corpus: UrlFile = toml::from_str(&text).expect("urls.toml parses");
    assert!(
        corpus.url.len() >= MIN_URLS,
        "the corpus holds {} URLs; it was built with at least {MIN_URLS}",
        corpus.url.len()
    );

    let mut mismatches = Vec::new();
    for (i, row) in corpus.url.iter().enumerate() {
        let n = i + 1;
        let what = format!("urls.toml row {n}");
        let mut problems = check_citation(
            &what,
            &row.source,
            &row.address,
            &row.repo,
            &row.path,
            &row.note,
        );
        if row.kind != "none" {
            problems.extend(check_kind_names(
                &what,
                &[row.kind.as_str()],
                &row.must.iter().chain(&row.must_not).collect::<Vec<_>>(),
            ));
        }
        if row.tenant.is_some() && row.tenant_any {
            problems.push(format!("{what}: tenant and tenant_any together"));
        }
        if !problems.is_empty() {
            mismatches.push(problems.join("\n"));
            continue;
        }

        let answer = match check(&row.url) {
            Ok(a) => a,
            Err(e) => {
                mismatches.push(format!("[{what}] {:?}\n  {e}", row.url));
                continue;
            }
        };
        let url_params: Vec<&Value> = answer
            .params
            .iter()
            .filter(|p| URL_KINDS.contains(&kind_of(p)))
            .collect();
        if row.kind == "none" {
            if !url_params.is_empty() {
                problems.push(format!(
                    "kind: expected no parameter, got {}",
                    url_params
                        .iter()
                        .map(|p| kind_of(p))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        } else {
            match url_params.as_slice() {
                [] => problems.push(format!("kind: expected {}, got no parameter", row.kind)),
                [p] => {
                    if kind_of(p) != row.kind {
                        problems.push(format!("kind: expected {}, got {}", row.kind, kind_of(p)));
                    }
                    if !row.tenant_any && tenant_of(p) != row.tenant.as_deref() {
                        problems.push(format!(
                            "tenant: expected {}, got {}",
                            row.tenant
                                .as_deref()
                                .map_or("null".into(), |t| format!("{t:?}")),
                            tenant_of(p).map_or("null".into(), |t| format!("{t:?}"))
                        ));
                    }
                }
                many => problems.push(format!(
                    "kind: expected one {}, the URL was read as {} values",
                    row.kind,
                    many.len()
                )),
            }
        }
        check_codes(&row.must, &row.must_not, &answer, &mut problems);
        if !problems.is_empty() {
            mismatches.push(format!(
                "[{what}] {:?}\n  source: {} <{}>{}\n  expected: kind {}{}{}{}\n  today: {}\n  - {}",
                row.url,
                row.source,
                row.address,
                row.repo
                    .as_ref()
                    .map(|r| format!(" ({r}/{})", row.path.as_deref().unwrap_or("")))
                    .unwrap_or_default(),
                row.kind,
                if row.tenant_any {
                    String::new()
                } else {
                    format!(
                        ", tenant {}",
                        row.tenant.as_deref().map_or("null".into(), |t| format!("{t:?}"))
                    )
                },
                if row.must.is_empty() {
                    String::new()
                } else {
                    format!(", must {:?}", row.must)
                },
                if row.must_not.is_empty() {
                    String::new()
                } else {
                    format!(", must not {:?}", row.must_not)
                },
                describe(&answer),
                problems.join("\n  - ")
            ));
        }
    }
    report("urls.toml", corpus.url.len(), &mismatches);
}

#[test]
fn texts() {
    let dir = corpus_dir().join("texts");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/real/texts")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_string))
        .collect();
    names.sort();
    assert!(
        names.len() >= MIN_TEXTS,
        "the corpus holds {} texts; it was built with at least {MIN_TEXTS}",
        names.len()
    );
    for entry in std::fs::read_dir(&dir).expect("texts dir").flatten() {
        let n = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = n.strip_suffix(".toml") {
            assert!(
                names.iter().any(|t| t == stem),
                "texts/{n} has no {stem}.txt beside it"
            );
        }
    }

    let mut mismatches = Vec::new();
    for name in &names {
        let what = format!("texts/{name}");
        let paste = std::fs::read_to_string(dir.join(format!("{name}.txt")))
            .unwrap_or_else(|e| panic!("{what}.txt: {e}"));
        let spec = std::fs::read_to_string(dir.join(format!("{name}.toml")))
            .unwrap_or_else(|e| panic!("{what}.txt has no {name}.toml beside it: {e}"));
        let row: TextRow = toml::from_str(&spec).unwrap_or_else(|e| panic!("{what}.toml: {e}"));

        let mut problems = check_citation(
            &what,
            &row.source,
            &row.address,
            &row.repo,
            &row.path,
            &row.note,
        );
        let kinds: Vec<&str> = row
            .params
            .iter()
            .map(|p| p.kind.as_str())
            .chain(row.no_params_of_kind.iter().map(String::as_str))
            .collect();
        problems.extend(check_kind_names(
            &what,
            &kinds,
            &row.must.iter().chain(&row.must_not).collect::<Vec<_>>(),
        ));
        if !problems.is_empty() {
            mismatches.push(problems.join("\n"));
            continue;
        }

        let answer = match check(&paste) {
            Ok(a) => a,
            Err(e) => {
                mismatches.push(format!("[{what}]\n  {e}"));
                continue;
            }
        };
        for want in &row.params {
            let found = answer.params.iter().any(|p| {
                kind_of(p) == want.kind
                    && want
                        .tenant
                        .as_deref()
                        .is_none_or(|t| tenant_of(p) == Some(t))
                    && want.value.as_deref().is_none_or(|v| value_of(p) == v)
                    && want.length.is_none_or(|n| p["length"].as_u64() == Some(n))
            });
            if !found {
                let same_kind: Vec<String> = answer
                    .params
                    .iter()
                    .filter(|p| kind_of(p) == want.kind)
                    .map(|p| {
                        format!(
                            "tenant={} value={:?}{}",
                            tenant_of(p).map_or("null".into(), |t| format!("{t:?}")),
                            value_of(p),
                            p["length"]
                                .as_u64()
                                .map(|n| format!(" length={n}"))
                                .unwrap_or_default()
                        )
                    })
                    .collect();
                problems.push(format!(
                    "expected a {}{}{}{}; today {}",
                    want.kind,
                    want.tenant
                        .as_deref()
                        .map(|t| format!(" of tenant {t:?}"))
                        .unwrap_or_default(),
                    want.value
                        .as_deref()
                        .map(|v| format!(" with value {v:?}"))
                        .unwrap_or_default(),
                    want.length
                        .map(|n| format!(" of length {n}"))
                        .unwrap_or_default(),
                    if same_kind.is_empty() {
                        "none of that kind".to_string()
                    } else {
                        format!("only {}", same_kind.join("; "))
                    }
                ));
            }
        }
        for kind in &row.no_params_of_kind {
            let extra: Vec<&str> = answer
                .params
                .iter()
                .filter(|p| kind_of(p) == kind.as_str())
                .map(value_of)
                .filter(|v| {
                    // An expected parameter of that kind is not extra.
                    !row.params
                        .iter()
                        .any(|w| &w.kind == kind && w.value.as_deref() == Some(*v))
                })
                .collect();
            if !extra.is_empty() {
                problems.push(format!("no {kind} expected, got {extra:?}"));
            }
        }
        for needle in &row.forbid_values {
            for p in &answer.params {
                if value_of(p).contains(needle.as_str()) {
                    problems.push(format!(
                        "{:?} ({}) must not be a parameter",
                        value_of(p),
                        kind_of(p)
                    ));
                }
            }
        }
        check_codes(&row.must, &row.must_not, &answer, &mut problems);
        if !problems.is_empty() {
            mismatches.push(format!(
                "[{what}]\n  source: {} <{}>{}\n  today: {}\n  - {}",
                row.source,
                row.address,
                row.repo
                    .as_ref()
                    .map(|r| format!(" ({r}/{})", row.path.as_deref().unwrap_or("")))
                    .unwrap_or_default(),
                describe(&answer),
                problems.join("\n  - ")
            ));
        }
    }
    report("texts", names.len(), &mismatches);
}
