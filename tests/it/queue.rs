//! `wdcap check` on a ticket queue, run as a process: a generated export of 10 000 tickets (CSV,
//! in the shape ticket systems export) and a generated mbox, each ticket carrying known planted
//! problems, and the summary's counts held to them.
//!
//! The planted problems come from the check fixtures (tests/fixtures/checks/*/expect.toml): each
//! ticket's text is one fixture run without options, whose exact findings the fixture declares;
//! prose tickets carry nothing to recognise; one ticket is larger than wdcap reads and one is not
//! UTF-8. A seeded generator picks them, so every run checks the same queue.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A ticket text and the codes of the findings it must give.
#[derive(Clone)]
struct Planted {
    text: String,
    codes: BTreeSet<String>,
}

#[derive(serde::Deserialize)]
struct Expect {
    args: Vec<String>,
    findings: Vec<String>,
}

/// Every pasted-text fixture checked without options, with the codes it must give.
fn fixtures() -> Vec<Planted> {
    let mut out = Vec::new();
    let dir = root().join("tests/fixtures/checks");
    let mut folders: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("expect.toml").exists())
        .collect();
    folders.sort();
    for folder in folders {
        let expect: BTreeMap<String, Expect> =
            toml::from_str(&std::fs::read_to_string(folder.join("expect.toml")).unwrap()).unwrap();
        for (file, e) in expect {
            if !file.ends_with(".txt") || !e.args.is_empty() {
                continue;
            }
            out.push(Planted {
                text: std::fs::read_to_string(folder.join(&file)).unwrap(),
                codes: e
                    .findings
                    .iter()
                    .map(|f| f.split_once(' ').unwrap().1.to_string())
                    .collect(),
            });
        }
    }
    assert!(
        out.len() >= 40,
        "only {} fixtures without options",
        out.len()
    );
    out
}

/// Prose without any value, error code or link: nothing to recognise.
const PROSE: &[&str] = &[
    "Hi team,\n\nthe connector stopped syncing yesterday afternoon. Could you have a look?\n\nThanks, Sam",
    "Hello,\nwe would like to know when the next release is planned.\nBest regards",
    "Good morning, our admin is on leave until Monday; we will send the values then.",
];

/// xorshift64: the same queue on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// What a generated queue must summarise to.
#[derive(Default, Debug, PartialEq)]
struct Truth {
    tickets: u64,
    per_code: BTreeMap<String, u64>,
    nothing_recognised: u64,
    unreadable: u64,
    with_errors: u64,
}

fn wdcap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wdcap"))
        .args(args)
        .output()
        .expect("wdcap runs")
}

/// The summary's figures, read from its text form.
fn read_summary(text: &str) -> Truth {
    let mut t = Truth::default();
    let mut in_problems = false;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("tickets: ") {
            let words: Vec<&str> = rest.split_whitespace().collect();
            t.tickets = words[0].parse().unwrap();
        } else if let Some(rest) = line.strip_prefix("with an error finding: ") {
            t.with_errors = rest.split_whitespace().next().unwrap().parse().unwrap();
            let nothing = rest.split("nothing recognised: ").nth(1).unwrap();
            t.nothing_recognised = nothing.split_whitespace().next().unwrap().parse().unwrap();
        } else if line.starts_with("problems, worst first") {
            in_problems = true;
        } else if line.is_empty() {
            in_problems = false;
        } else if in_problems {
            let words: Vec<&str> = line.split_whitespace().collect();
            t.per_code
                .insert(words[1].to_string(), words[2].parse().unwrap());
        } else if let Some(rest) = line.strip_prefix("could not be read: ") {
            t.unreadable = rest.split_whitespace().next().unwrap().parse().unwrap();
        }
    }
    t
}

/// The codes in the summary's order.
fn summary_order(text: &str) -> Vec<(String, String, u64)> {
    let start = text.find("problems, worst first").unwrap();
    text[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (w[0].to_string(), w[1].to_string(), w[2].parse().unwrap())
        })
        .collect()
}

fn severity_rank(s: &str) -> u8 {
    match s {
        "error" => 0,
        "warning" => 1,
        _ => 2,
    }
}

/// Runs the queue with `--format ndjson`: the JSON lines on stdout, the summary on stderr.
fn run_queue(args: &[&str]) -> (Vec<serde_json::Value>, String, i32) {
    let out = wdcap(args);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    (
        lines,
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

fn codes_of(line: &serde_json::Value) -> BTreeSet<String> {
    line["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

/// Asserts the summary against the truth and that it lists the worst first.
fn assert_summary(summary: &str, truth: &Truth) {
    assert_eq!(&read_summary(summary), truth, "{summary}");
    let order = summary_order(summary);
    for pair in order.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            (severity_rank(&a.0), std::cmp::Reverse(a.2), &a.1)
                <= (severity_rank(&b.0), std::cmp::Reverse(b.2), &b.1),
            "not worst first: {a:?} before {b:?}"
        );
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wdcap-queue-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const STATUSES: &[&str] = &["Open", "Pending", "Solved", "Closed"];

#[test]
fn a_10000_ticket_csv_export_is_summarised_to_its_planted_problems() {
    let pool = fixtures();
    let dir = temp_dir("csv");
    let path = dir.join("export.csv");
    let mut rng = Rng(0x5eed_0016);
    let mut truth = Truth::default();
    let mut expected: Vec<(String, Option<BTreeSet<String>>)> = Vec::new();
    let mut writer = csv::Writer::from_path(&path).unwrap();
    // The columns of a ticket system's export: an id, a subject, a status, the text.
    writer
        .write_record(["Issue key", "Summary", "Status", "Description", "Created"])
        .unwrap();
    const TICKETS: usize = 10_000;
    let oversized_at = 4_321;
    let not_utf8_at = 777;
    for n in 0..TICKETS {
        let key = format!("SUP-{}", 10_000 + n);
        let status = STATUSES[rng.below(STATUSES.len())];
        let created = format!("2026-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
        let description: Vec<u8> = if n == oversized_at {
            vec![b'z'; (16 << 20) + 1]
        } else if n == not_utf8_at {
            b"Client ID: \xff\xfe".to_vec()
        } else if rng.below(10) == 0 {
            PROSE[rng.below(PROSE.len())].as_bytes().to_vec()
        } else {
            pool[rng.below(pool.len())].text.as_bytes().to_vec()
        };
        writer
            .write_record([
                key.as_bytes(),
                b"Connector problem",
                status.as_bytes(),
                &description,
                created.as_bytes(),
            ])
            .unwrap();
        truth.tickets += 1;
        if n == oversized_at || n == not_utf8_at {
            truth.unreadable += 1;
            expected.push((key, None));
            continue;
        }
        let text = String::from_utf8(description).unwrap();
        let codes = match pool.iter().find(|p| p.text == text) {
            Some(p) => p.codes.clone(),
            None => {
                truth.nothing_recognised += 1;
                BTreeSet::new()
            }
        };
        for c in &codes {
            *truth.per_code.entry(c.clone()).or_default() += 1;
        }
        expected.push((key, Some(codes)));
    }
    writer.flush().unwrap();
    drop(writer);

    let (lines, summary, status) = run_queue(&[
        "check",
        path.to_str().unwrap(),
        "--text-column",
        "Description",
        "--id-column",
        "Issue key",
        "--format",
        "ndjson",
    ]);
    // One line per ticket, in input order, each with exactly its planted problems.
    assert_eq!(lines.len(), TICKETS);
    let mut with_errors = 0;
    for (line, (key, codes)) in lines.iter().zip(&expected) {
        assert_eq!(line["ticket"], key.as_str());
        match codes {
            None => assert!(line["error"]["code"].is_string(), "{line}"),
            Some(codes) => {
                assert_eq!(&codes_of(line), codes, "{key}: {line}");
                if line["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| f["severity"] == "error")
                {
                    with_errors += 1;
                }
            }
        }
    }
    truth.with_errors = with_errors;
    assert_eq!(lines[oversized_at]["error"]["code"], "too_large");
    assert_eq!(lines[not_utf8_at]["error"]["code"], "not_text");
    assert_summary(&summary, &truth);
    assert!(summary.contains(&format!("SUP-{}: it is", 10_000 + oversized_at)));
    assert_eq!(status, 1, "error findings and unreadable tickets: exit 1");

    // The summary alone, as Markdown, says the same counts.
    let out = wdcap(&[
        "check",
        path.to_str().unwrap(),
        "--text-column",
        "Description",
        "--id-column",
        "Issue key",
        "--markdown",
    ]);
    let markdown = String::from_utf8(out.stdout).unwrap();
    for (code, n) in &truth.per_code {
        assert!(
            markdown.contains(&format!("| `{code}` | {n} |")),
            "{code} {n} in {markdown}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A fixture as a mail message, its body encoded one of four ways.
fn message(n: usize, text: &str, way: usize) -> String {
    use base64::Engine as _;
    let head = format!(
        "From: admin{n}@example.com\nTo: support@example.com\nSubject: Ticket {n}\n\
         Date: Mon, 1 Jun 2026 10:00:00 +0000\nMessage-ID: <{n}@example.com>\nMIME-Version: 1.0\n"
    );
    match way {
        0 => format!("{head}Content-Type: text/plain; charset=utf-8\n\n{text}\n"),
        1 => {
            let qp = quoted_printable::encode_to_str(text.as_bytes());
            format!("{head}Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n{qp}\n")
        }
        2 => {
            let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
            let wrapped: Vec<&str> = b64
                .as_bytes()
                .chunks(76)
                .map(|c| std::str::from_utf8(c).unwrap())
                .collect();
            format!(
                "{head}Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{}\n",
                wrapped.join("\n")
            )
        }
        _ => {
            // The plain text with its HTML twin: the twin is not read again.
            let html = text
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            let qp = quoted_printable::encode_to_str(text.as_bytes());
            format!(
                "{head}Content-Type: multipart/alternative; boundary=\"b{n}\"\n\n\
                 --b{n}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n{qp}\n\
                 --b{n}\nContent-Type: text/html; charset=utf-8\n\n<html><body><pre>{html}</pre></body></html>\n\
                 --b{n}--\n"
            )
        }
    }
}

/// mboxrd: a body line that starts with `From ` (after any `>`) gets one more `>`.
fn quote_from(message: &str) -> String {
    message
        .lines()
        .map(|l| {
            if l.trim_start_matches('>').starts_with("From ") && !l.starts_with("From: ") {
                format!(">{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn an_mbox_is_summarised_to_its_planted_problems() {
    let pool = fixtures();
    let dir = temp_dir("mbox");
    let path = dir.join("support.mbox");
    let mut rng = Rng(0x0b0c_5eed);
    let mut truth = Truth::default();
    let mut expected = Vec::new();
    let mut mbox = String::new();
    const MESSAGES: usize = 400;
    for n in 1..=MESSAGES {
        let (text, codes) = if rng.below(8) == 0 {
            // A body line that reads "From " in the message (quoted in the mbox).
            (
                format!("From what we see, nothing arrives.\n\n{}", PROSE[0]),
                None,
            )
        } else {
            let p = &pool[rng.below(pool.len())];
            (p.text.clone(), Some(p.codes.clone()))
        };
        let m = quote_from(&message(n, &text, rng.below(4)));
        mbox.push_str(&format!(
            "From admin{n}@example.com Mon Jun  1 10:00:00 2026\n{m}\n\n"
        ));
        truth.tickets += 1;
        match &codes {
            Some(codes) => {
                for c in codes {
                    *truth.per_code.entry(c.clone()).or_default() += 1;
                }
            }
            None => truth.nothing_recognised += 1,
        }
        expected.push(codes);
    }
    // A message larger than wdcap reads (64 MiB), then one more ordinary message.
    mbox.push_str("From big@example.com Mon Jun  1 10:00:00 2026\nSubject: logs\n\n");
    let line = format!("{}\n", "log ".repeat(1000));
    while mbox.len() < (65 << 20) {
        mbox.push_str(&line);
    }
    mbox.push_str("\nFrom last@example.com Mon Jun  1 10:00:00 2026\n");
    mbox.push_str(&message(MESSAGES + 2, &pool[0].text, 0));
    for c in &pool[0].codes {
        *truth.per_code.entry(c.clone()).or_default() += 1;
    }
    truth.tickets += 2;
    truth.unreadable += 1;
    std::fs::write(&path, &mbox).unwrap();
    drop(mbox);

    let (lines, summary, status) =
        run_queue(&["check", path.to_str().unwrap(), "--format", "ndjson"]);
    assert_eq!(lines.len(), MESSAGES + 2);
    let mut with_errors = 0;
    for (i, codes) in expected.iter().enumerate() {
        let line = &lines[i];
        assert_eq!(line["ticket"], format!("{}#{}", path.display(), i + 1));
        assert_eq!(
            codes_of(line),
            codes.clone().unwrap_or_default(),
            "message {}: {line}",
            i + 1
        );
        if codes.is_none() {
            assert!(line["params"].as_array().unwrap().is_empty(), "{line}");
        }
        with_errors += usize::from(
            line["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["severity"] == "error"),
        );
    }
    assert_eq!(lines[MESSAGES]["error"]["code"], "too_large");
    assert_eq!(codes_of(&lines[MESSAGES + 1]), pool[0].codes);
    with_errors += usize::from(
        lines[MESSAGES + 1]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["severity"] == "error"),
    );
    truth.with_errors = with_errors as u64;
    assert_summary(&summary, &truth);
    assert_eq!(status, 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_of_tickets_and_the_single_file_contract() {
    let dir = temp_dir("folder");
    let checks = root().join("tests/fixtures/checks");
    let wrong = checks.join("not-https/fail.txt");
    let clean = checks.join("not-https/pass.txt");
    std::fs::create_dir_all(dir.join("2026/june")).unwrap();
    std::fs::copy(&wrong, dir.join("2026/june/a.txt")).unwrap();
    std::fs::copy(&clean, dir.join("2026/b.md")).unwrap();
    std::fs::write(dir.join("screenshot.png"), b"\x89PNG").unwrap();
    let (lines, summary, status) =
        run_queue(&["check", dir.to_str().unwrap(), "--format", "ndjson"]);
    let names: Vec<&str> = lines
        .iter()
        .map(|l| l["ticket"].as_str().unwrap())
        .collect();
    let base = dir.display().to_string();
    assert_eq!(
        names,
        vec![
            format!("{base}/2026/b.md"),
            format!("{base}/2026/june/a.txt")
        ]
    );
    assert!(
        summary.contains("1 files in the folders given hold no ticket"),
        "{summary}"
    );
    assert_eq!(status, 1);
    // Each line is the ticket's name, then exactly what `--json` prints for the file alone.
    let single = wdcap(&["check", wrong.to_str().unwrap(), "--json"]);
    let contract: serde_json::Value = serde_json::from_slice(&single.stdout).unwrap();
    let mut line = lines[1].as_object().unwrap().clone();
    line.remove("ticket");
    assert_eq!(serde_json::Value::Object(line), contract);
    // No ticket at all: unusable input.
    let empty = temp_dir("empty");
    let out = wdcap(&["check", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("wdcap: no ticket found in "));
    // A missing column names the columns there are.
    let csv = dir.join("export.csv");
    std::fs::write(&csv, "id,body\n1,hello\n").unwrap();
    let out = wdcap(&[
        "check",
        csv.to_str().unwrap(),
        "--text-column",
        "Description",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "it cannot be read: it has no column \"Description\" (its columns: \"id\", \"body\")"
        ),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&empty);
}

#[test]
fn completions_and_man_pages_come_from_the_argument_definitions() {
    let out = wdcap(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0));
    let script = String::from_utf8(out.stdout).unwrap();
    for word in [
        "--text-column",
        "--id-column",
        "--format",
        "--integration",
        "export",
    ] {
        assert!(script.contains(word), "{word} not completed");
    }
    let dir = temp_dir("man");
    let out = wdcap(&["man", dir.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let check = std::fs::read_to_string(dir.join("wdcap-check.1")).unwrap();
    assert!(check.contains(".TH wdcap-check"), "{check}");
    assert!(check.contains("text\\-column"), "{check}");
    assert!(Path::new(&dir.join("wdcap.1")).exists());
    let _ = std::fs::remove_dir_all(&dir);
}
