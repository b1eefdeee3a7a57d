//! Lookalike hosts: every Workday-shaped URL whose real host is not one of Workday's
//! is flagged `host-not-workday` when pasted into `wdcap check`; every genuine host shape in
//! `workday-notes.md`, "Hosts and URL anatomy" is accepted.
//!
//! "Real host" is what a browser would connect to: the WHATWG URL parser's host (the `url`
//! crate implements the same standard as Chromium), after IDNA mapping. A text that merely
//! *shows* a Workday name (in the user-info, the path, after a backslash) while its host is
//! elsewhere is exactly what must be flagged; a text the browser normalises to a genuine host
//! (upper case, full-width letters, a default port) is genuine.

use std::process::Command;
use wdcap::analysis::check_text;
use wdcap::model::options::Options;
use wdcap::report::view::Report;

const CODE: &str = "host-not-workday";

/// Workday-shaped paths (one per URL kind of the notes' "Hosts and URL anatomy") put after each lookalike host.
const PATHS: &[&str] = &[
    "/ccx/api/v1/acme",
    "/ccx/oauth2/acme/token",
    "/acme/authorize",
    "/ccx/service/acme/Learning/v39.2",
    "/ccx/service/customreport2/acme/ISU_User/Users?format=json",
    "/acme/d/home.htmld",
];

/// Lookalikes written as a whole URL prefix (scheme + authority, or more), each followed by a
/// Workday-shaped path. Escapes keep invisible and confusable characters reviewable.
const LOOKALIKE_PREFIXES: &[(&str, &str)] = &[
    // A Workday name followed by another registrable domain.
    ("https://workday.com.evil.io", "suffix domain"),
    ("https://myworkday.com.evil.io", "suffix domain"),
    (
        "https://wd3-impl-services1.workday.com.evil.io",
        "suffix domain",
    ),
    ("https://wd5.myworkday.com.attacker.net", "suffix domain"),
    ("https://impl.workday.com.evil.co.uk", "suffix domain"),
    ("https://wd104.myworkdaygov.com.evil.io", "suffix domain"),
    ("https://myworkday.com-evil.io", "hyphenated suffix"),
    ("https://wd5.myworkday.com-evil.io", "hyphenated suffix"),
    ("https://myworkday-com.evil.io", "hyphen for dot"),
    ("https://wd5-myworkday.com", "hyphen for dot"),
    ("https://wd5myworkday.com", "missing dot"),
    ("https://evilworkday.com", "prefix glued to the domain"),
    ("https://notmyworkday.com", "prefix glued to the domain"),
    ("https://workday.com.", "trailing dot on the bare domain"),
    ("https://wd5.myworkday.com.", "trailing dot"),
    (
        "https://wd3-impl-services1.workday.com..",
        "two trailing dots",
    ),
    // Other top-level domains and misspellings.
    ("https://myworkday.co", "wrong TLD"),
    ("https://wd5.myworkday.co", "wrong TLD"),
    ("https://wd5.myworkday.cm", "wrong TLD"),
    ("https://wd5.myworkday.net", "wrong TLD"),
    ("https://impl.workday.co", "wrong TLD"),
    ("https://wd104.myworkdaygov.co", "wrong TLD"),
    ("https://wd3.workdaysuv.net", "wrong TLD"),
    ("https://wd5.myworkdays.com", "extra letter"),
    ("https://wd5.myworkdav.com", "v for y"),
    ("https://wd5.rnyworkday.com", "rn for m"),
    ("https://wd5.myw0rkday.com", "zero for o"),
    ("https://wd5.my-workday.com", "inserted hyphen"),
    ("https://wd5.myworkdday.com", "doubled letter"),
    ("https://wd5.mywokrday.com", "swapped letters"),
    // Mixed case does not save a lookalike (hosts are lowercased first).
    (
        "https://WD5.MyWorkday.COM.Evil.IO",
        "mixed case suffix domain",
    ),
    ("https://Impl.WorkDay.Co", "mixed case wrong TLD"),
    // Homoglyphs: IDNA turns them into punycode, which is not Workday's.
    ("https://wd5.myworkd\u{0430}y.com", "Cyrillic a"),
    ("https://w\u{043e}rkday.com", "Cyrillic o"),
    ("https://wd5.myw\u{043e}rkday.com", "Cyrillic o"),
    ("https://wd5.my\u{0461}orkday.com", "Cyrillic omega"),
    ("https://impl.\u{0461}orkday.com", "Cyrillic omega"),
    (
        "https://wd5.myworkd\u{0430}\u{0443}.com",
        "Cyrillic a and u",
    ),
    ("https://wd5.myw\u{03bf}rkday.com", "Greek omicron"),
    ("https://wd5.myworkd\u{03b1}y.com", "Greek alpha"),
    ("https://wd5.myworkd\u{0251}y.com", "Latin alpha"),
    ("https://wd5.myworkday.\u{0441}om", "Cyrillic es in the TLD"),
    ("https://wd5.my\u{1d21}orkday.com", "small capital w"),
    (
        "https://wd5.myworkday\u{3002}com.evil.io",
        "ideographic full stop",
    ),
    // Punycode written out.
    ("https://xn--wrkday-wqf.com", "punycode of Cyrillic o"),
    ("https://wd5.xn--myworkdy-76g.com", "punycode of Cyrillic a"),
    ("https://wd3-impl.XN--WRKDAY-WQF.com", "upper-case punycode"),
    // A Workday name in the user-info: the host is after the `@`.
    ("https://wd5.myworkday.com@evil.io", "host@evil"),
    (
        "https://wd3-impl-services1.workday.com@evil.io",
        "host@evil",
    ),
    ("https://wd5.myworkday.com:443@evil.io", "host:port@evil"),
    ("https://admin:hunter2@evil.io", "credentials@evil"),
    ("https://user@wd5.myworkday.com.evil.io", "user@lookalike"),
    (
        "https://wd5.myworkday.com%40evil.io@evil.io",
        "encoded @ in the user-info",
    ),
    // A Workday name in the path, query or fragment.
    ("https://evil.io/workday.com", "evil.io/workday.com"),
    ("https://evil.io/wd5.myworkday.com", "evil.io/host"),
    ("https://evil.io\\wd5.myworkday.com", "backslash is a slash"),
    (
        "https://evil.io\\\\wd3-impl-services1.workday.com",
        "two backslashes",
    ),
    (
        "https://evil.io/.myworkday.com",
        "dot-prefixed name in the path",
    ),
    // IP literals.
    ("https://127.0.0.1", "IPv4"),
    ("https://10.20.30.40", "IPv4"),
    ("https://2130706433", "IPv4 as a decimal number"),
    ("https://0x7f000001", "IPv4 as a hex number"),
    ("https://0177.0.0.1", "IPv4 in octal"),
    ("https://127.1", "IPv4 short form"),
    ("https://[::1]", "IPv6"),
    ("https://[2001:db8::1]", "IPv6"),
    ("https://[::ffff:127.0.0.1]", "IPv4-mapped IPv6"),
    // Ports do not make a lookalike genuine.
    (
        "https://wd5.myworkday.com.evil.io:443",
        "suffix domain with a port",
    ),
    ("https://evil.io:8443", "non-Workday host with a port"),
    ("http://127.0.0.1:8080", "plain http, IP and port"),
    // Whitespace and invisible characters that survive as part of the host.
    (
        "https://wd5.my\u{200b}workday.com.evil.io",
        "zero-width space",
    ),
    (
        "https://evil.io/%20wd5.myworkday.com",
        "encoded space before the name",
    ),
];

fn options() -> Options {
    Options::default()
}

fn flagged(report: &Report) -> bool {
    report.findings.iter().any(|f| f.code == CODE)
}

fn describe(report: &Report) -> String {
    let params: Vec<String> = report
        .params
        .iter()
        .map(|p| {
            format!(
                "{} {:?} host={:?}",
                p.kind,
                p.raw(),
                p.endpoint.as_ref().and_then(|e| e.url.host_str())
            )
        })
        .collect();
    let findings: Vec<&str> = report.findings.iter().map(|f| f.code).collect();
    format!("params {params:?}, findings {findings:?}")
}

#[test]
fn there_are_at_least_fifty_lookalikes() {
    assert!(
        LOOKALIKE_PREFIXES.len() >= 50,
        "{}",
        LOOKALIKE_PREFIXES.len()
    );
    let mut seen = std::collections::HashSet::new();
    for (prefix, _) in LOOKALIKE_PREFIXES {
        assert!(seen.insert(prefix), "duplicate case {prefix}");
    }
}

#[test]
fn every_lookalike_is_flagged_with_every_workday_path() {
    let mut missed = Vec::new();
    for (prefix, why) in LOOKALIKE_PREFIXES {
        for path in PATHS {
            let url = format!("{prefix}{path}");
            // As it arrives in a ticket: a label, the URL, more text after it.
            let text = format!("Hi team,\nToken Endpoint: {url}\nthanks");
            let report = check_text(&text, &options());
            if !flagged(&report) {
                missed.push(format!("{url:?} ({why}): {}", describe(&report)));
            }
        }
    }
    assert!(
        missed.is_empty(),
        "{} lookalike URL(s) not flagged `{CODE}`:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

#[test]
fn a_lookalike_is_flagged_among_genuine_urls() {
    // The odd one out in an otherwise consistent set is the one flagged, by index.
    let text = "REST https://wd3-impl-services1.workday.com/ccx/api/v1/acme\n\
        Token https://wd3-impl-services1.workday.com.evil.io/ccx/oauth2/acme/token\n\
        Auth https://wd3-impl.workday.com/acme/authorize";
    let report = check_text(text, &options());
    let hits: Vec<Option<usize>> = report
        .findings
        .iter()
        .filter(|f| f.code == CODE)
        .map(|f| f.param)
        .collect();
    assert_eq!(hits, vec![Some(1)], "{}", describe(&report));
    assert!(report.has_errors());
}

/// Every genuine host shape of the notes' "Hosts and URL anatomy": the listed examples, and each data center as a prefix
/// and as a label, on each Workday domain where the notes show that shape.
fn genuine_hosts() -> Vec<String> {
    let mut hosts: Vec<String> = [
        "wd3.myworkday.com",
        "wd5.myworkday.com",
        "www.myworkday.com",
        "impl.workday.com",
        "wd3-impl.workday.com",
        "impl.wd12.myworkday.com",
        "wd104.myworkdaygov.com",
        "wd3-impl-services1.workday.com",
        "wd5-services1.myworkday.com",
        "services1.myworkday.com",
        "impl-services1.wd12.myworkday.com",
        "wd2.workdaygov.com",
        "wd2-services1.workdaygov.com",
        "dev.workdaysuv.com",
        "i-0abc123.workdaysuv.com",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let centers = [
        "wd1", "wd2", "wd3", "wd4", "wd5", "wd10", "wd12", "wd101", "wd102", "wd103", "wd104",
        "wd105", "wd501", "wd503",
    ];
    for dc in centers {
        hosts.push(format!("{dc}.myworkday.com"));
        hosts.push(format!("{dc}-services1.myworkday.com"));
        hosts.push(format!("{dc}-impl.workday.com"));
        hosts.push(format!("{dc}-impl-services1.workday.com"));
        hosts.push(format!("impl.{dc}.myworkday.com"));
        hosts.push(format!("impl-services1.{dc}.myworkday.com"));
        hosts.push(format!("{dc}.myworkdaygov.com"));
        hosts.push(format!("{dc}-services1.myworkdaygov.com"));
    }
    hosts
}

#[test]
fn every_genuine_workday_host_is_accepted() {
    let mut wrong = Vec::new();
    for host in genuine_hosts() {
        for path in PATHS {
            let url = format!("https://{host}{path}");
            let report = check_text(&format!("Endpoint: {url}"), &options());
            let host_seen = report.params.iter().any(|p| {
                p.endpoint
                    .as_ref()
                    .and_then(|e| e.url.host_str())
                    .is_some_and(|h| h == host)
            });
            if flagged(&report) || !host_seen {
                wrong.push(format!("{url}: {}", describe(&report)));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} genuine URL(s) flagged or lost:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn text_a_browser_normalises_to_a_genuine_host_is_genuine() {
    // Upper case, full-width letters, a soft hyphen and the default port all reach Workday's
    // own host; flagging them would be a false alarm.
    for (url, host) in [
        ("https://WD5.MyWorkday.COM/ccx/api/v1/acme", "wd5.myworkday.com"),
        (
            "https://wd5.\u{ff4d}\u{ff59}\u{ff57}\u{ff4f}\u{ff52}\u{ff4b}\u{ff44}\u{ff41}\u{ff59}.com/ccx/api/v1/acme",
            "wd5.myworkday.com",
        ),
        (
            "https://wd5.my\u{00ad}workday.com/ccx/api/v1/acme",
            "wd5.myworkday.com",
        ),
        (
            "https://wd3-impl-services1.workday.com:443/ccx/oauth2/acme/token",
            "wd3-impl-services1.workday.com",
        ),
    ] {
        let report = check_text(&format!("Endpoint: {url}"), &options());
        assert!(!flagged(&report), "{url}: {}", describe(&report));
        assert!(
            report.params.iter().any(|p| p
                .endpoint
                .as_ref()
                .and_then(|e| e.url.host_str())
                == Some(host)),
            "{url}: {}",
            describe(&report)
        );
    }
}

#[test]
fn documentation_links_that_merely_mention_workday_are_not_flagged() {
    // A ticket quoting a partner's setup guide is not a lookalike: no Workday host name appears
    // anywhere in these URLs.
    let text = "See https://learn.microsoft.com/en-us/viva/learning/workday-integration and \
        https://docs.kombo.dev/hris/integrations/workday and https://github.com/workday/x";
    let report = check_text(text, &options());
    assert!(!flagged(&report), "{}", describe(&report));
}

/// The CLI binary, as a support agent runs it.
fn cli_check(text: &str, json: bool) -> (i32, String, String) {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wdcap"));
    cmd.arg("check");
    if json {
        cmd.arg("--json");
    }
    let mut child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run wdcap");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wdcap finishes");
    (
        out.status.code().expect("an exit code"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_cli_flags_lookalikes_and_exits_1() {
    for url in [
        "https://wd3-impl-services1.workday.com.evil.io/ccx/oauth2/acme/token",
        "https://wd5.myworkday.com@evil.io/ccx/api/v1/acme",
        "https://wd5.myworkd\u{0430}y.com/ccx/api/v1/acme",
        "https://evil.io/workday.com/ccx/api/v1/acme",
        "https://[::1]/acme/authorize",
    ] {
        let (code, stdout, stderr) = cli_check(&format!("Token Endpoint: {url}\n"), true);
        assert_eq!(code, 1, "{url}: stdout {stdout} stderr {stderr}");
        let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON on stdout");
        let codes: Vec<&str> = json["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter_map(|f| f["code"].as_str())
            .collect();
        assert!(codes.contains(&CODE), "{url}: {stdout}");
    }
}

#[test]
fn the_cli_accepts_genuine_hosts_and_exits_0() {
    let text = "REST https://wd3-impl-services1.workday.com/ccx/api/v1/acme\n\
        Token https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token\n";
    let (code, stdout, stderr) = cli_check(text, false);
    assert_eq!(code, 0, "stdout {stdout} stderr {stderr}");
    assert!(!stdout.contains(CODE), "{stdout}");
}
