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
    assert!(md.contains("`credentials-in-url`"), "{md}");
    assert!(
        md.contains("https://wd5-services1.myworkday.com/ccx/service/customreport2/acme/ISU_10KC/Users?format=json"),
        "the URL is shown without its user name and password:\n{md}"
    );
    assert!(md.contains("?client_secret=•••&refresh_token=•••"), "{md}");
}
