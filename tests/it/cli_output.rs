//! What the CLI writes, as a process: the redacted Markdown report holds no credential written
//! into a URL.

use std::io::Write as _;
use std::process::{Command, Stdio};

fn wdcap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_wdcap"))
}

/// Runs `wdcap ARGS` with `stdin`; returns the exit status, standard output and error.
fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = wdcap()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("wdcap runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wdcap ends");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_markdown_report_holds_no_credentials_written_into_urls() {
    let paste = "Hi,\n\
        Report: https://ISU_10KC:Winter2024!@wd5-services1.myworkday.com/ccx/service/customreport2/acme/ISU_10KC/Users?format=json\n\
        Token: https://wd5-services1.myworkday.com/ccx/oauth2/acme/token?client_secret=vace448mrjafbxix9nd4szik4&refresh_token=r3fr3sh0k9nd4szik4\n\
        Thanks";
    let (code, md, stderr) = run(&["check", "--markdown"], paste);
    assert_eq!(code, 1, "an error finding: {stderr}");
    for leak in [
        "Winter2024",
        "ISU_10KC:",
        "vace448mrjafbxix9nd4szik4",
        "r3fr3sh0k9nd4szik4",
    ] {
        assert!(!md.contains(leak), "{leak} is in the report:\n{md}");
    }
    // The finding, in words (its code stays in `--json`).
    assert!(md.contains("### 1. Error"), "{md}");
    assert!(!md.contains("credentials-in-url"), "{md}");
    assert!(
        md.contains("https://wd5-services1.myworkday.com/ccx/service/customreport2/acme/ISU_10KC/Users?format=json"),
        "the URL is shown without its user name and password:\n{md}"
    );
    assert!(md.contains("?client_secret=•••&refresh_token=•••"), "{md}");
}

/// `wdcap check … | head -1`: the reader closes the pipe after one line. wdcap stops writing
/// quietly (no panic, nothing on standard error) and exits with the status of its result.
#[test]
fn a_closed_output_pipe_ends_the_cli_quietly() {
    use std::io::{BufRead, BufReader};
    // Enough distinct URLs that the output is far larger than a pipe's buffer.
    let paste: String = (0..3000)
        .map(|i| format!("https://wd3-impl-services1.workday.com/ccx/api/v1/acme{i}\n"))
        .collect();
    for args in [
        &["check"][..],
        &["check", "--json"][..],
        &["check", "--markdown"][..],
    ] {
        let mut child = wdcap()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("wdcap runs");
        let mut stdin = child.stdin.take().expect("stdin");
        let input = paste.clone();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
        let mut first = String::new();
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        stdout.read_line(&mut first).expect("one line");
        drop(stdout); // as `head -1` does: the pipe closes
        writer.join().expect("stdin written");
        let out = child.wait_with_output().expect("wdcap ends");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!first.is_empty(), "{args:?}: a first line");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}: nothing on standard error");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: the result's status, not a crash: {:?}",
            out.status
        );
    }
}
