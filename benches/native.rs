//! Native benchmarks (`make bench-native`, figures in docs/benchmarks.md):
//!
//! - `check/<size>`: `wdcap check`'s work (`analysis::check_text`) on pasted tickets of 1 KB,
//!   100 KB, 1 MB and 10 MB. Goal: linear, 1 MB ≤ 20 ms.
//! - `analyse/<page>`: `analysis::analyse_snapshot` on the snapshot of a page (what the
//!   extension's worker runs per page), and `scan/<page>`: the same from the saved HTML
//!   (html5ever parse + snapshot + analysis, `wdcap scan`), for the View API Clients fixture, a
//!   500-row Maintain Permissions grid and a 10 000-row Headcount Report.
//!
//! - `queue/<case>`: `wdcap check` run as a process on a generated 10 000-ticket CSV export (in a
//!   ticket system's shape, each ticket one of the check fixtures or prose), with `--jobs 1` and
//!   with every core: tickets per second. Then, once, the peak memory (the child's resident set
//!   high-water mark, `VmHWM`) of `wdcap check` on a 32 MB and a 256 MB CSV export and a 256 MB
//!   mbox, generated under the target folder and kept there between runs (never committed):
//!   bounded memory means the same peak whatever the size. Figures in
//!   `<target>/tmp/wdcap-queue-bench/memory.json` for benches/table.mjs.
//!
//! The large pages are generated exactly as the browser benchmark generates them
//! (`bench/pages.mjs`: same shapes, same pseudo-random sequence), so native and browser figures
//! describe the same pages. Each case is checked to be recognised before it is timed.

// The crate builds for wasm32 too (`make lint` runs clippy there with --all-targets); the
// benchmarks are native only.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
    use std::hint::black_box;
    use std::time::Duration;
    use wdcap::analysis;
    use wdcap::model::options::Options;
    use wdcap::snapshot::html::snapshot_from_html;

    // ---------------------------------------------------------------------------------------------
    // Pastes.

    /// A support ticket of `bytes` bytes: prose, quoted replies, every URL kind, IDs and secrets,
    /// repeated (with the tenant varying, so values do not all collapse into one).
    fn ticket(bytes: usize) -> String {
        let mut out = String::with_capacity(bytes + 2048);
        let mut i = 0usize;
        while out.len() < bytes {
            let t = format!("acme{}", i % 13);
            out.push_str(&format!(
            "From: Jordan Admin <jordan@example.com>\n\
             Subject: Re: Workday connector fails with invalid_client ({i})\n\n\
             Hi support, we followed the guide and entered the values below.\n\
             Workday REST API Endpoint: https://wd3-impl-services1.workday.com/ccx/api/v1/{t}\n\
             Token Endpoint: https://wd3-impl-services1.workday.com/ccx/oauth2/{t}/token\n\
             Authorization Endpoint: https://wd3-impl.workday.com/{t}/authorize&redirect=n\n\
             Client ID: OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm\n\
             Client Secret: vace448mrjafbxix9nd4szik4vhuosw25w95ifm1ooidzaat9tko9n7whcqp0t3e2tu9xee3gt1sfhuy75mee3bysqd2c2ydjr1j\n\
             > On Monday the report https://wd5-services1.myworkday.com/ccx/service/customreport2/{t}/ISU_User/Users returned XML.\n\
             > Org: Organization_Reference_ID=SUP_ORG_{i}\n\
             Thanks, Jordan\n\n"
        ));
            i += 1;
        }
        out.truncate(bytes);
        while !out.is_char_boundary(out.len()) {
            out.pop();
        }
        out
    }

    fn bench_check(c: &mut Criterion) {
        let mut group = c.benchmark_group("check");
        let options = Options::default();
        for (name, bytes) in [
            ("1KB", 1_000usize),
            ("100KB", 100_000),
            ("1MB", 1_000_000),
            ("10MB", 10_000_000),
        ] {
            let text = ticket(bytes);
            assert!(
                !analysis::check_text(&text, &options).params.is_empty(),
                "the {name} ticket yields parameters"
            );
            group.throughput(Throughput::Bytes(text.len() as u64));
            if bytes >= 1_000_000 {
                group.sample_size(10);
                group.measurement_time(Duration::from_secs(if bytes >= 10_000_000 {
                    20
                } else {
                    5
                }));
            } else {
                group.sample_size(50);
                group.measurement_time(Duration::from_secs(3));
            }
            group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
                b.iter(|| analysis::check_text(black_box(text), &options))
            });
        }
        group.finish();
    }

    // ---------------------------------------------------------------------------------------------
    // Pages, as bench/pages.mjs writes them.

    fn esc(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }

    fn page(url: &str, title: &str, body: &str) -> String {
        format!(
        "<!-- saved from url=({:04}){url} -->\n<!DOCTYPE html>\n<html lang=\"en-US\">\n\
         <head><meta charset=\"utf-8\"><title>{}</title></head>\n<body>\n{body}\n</body>\n</html>\n",
        url.len(),
        esc(title)
    )
    }

    /// bench/pages.mjs's xorshift32 sequence, as a float in [0, 1).
    struct Rng(u32);

    impl Rng {
        fn next(&mut self) -> f64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            self.0 = x;
            f64::from(x) / 4_294_967_296.0
        }

        fn index(&mut self, len: usize) -> usize {
            (self.next() * len as f64).floor() as usize
        }
    }

    const FIRST: &[&str] = &[
        "Logan", "Teresa", "Oliver", "Maria", "Ravi", "Jun", "Ana", "Chen", "Amara", "Lars",
        "Fatima", "Diego",
    ];
    const LAST: &[&str] = &[
        "McNeil", "Serrano", "Reynolds", "Cardoza", "Shah", "Park", "Silva", "Wei", "Okafor",
        "Berg", "Haddad", "Ruiz",
    ];
    const UNITS: &[&str] = &[
        "Finance",
        "Payroll",
        "Engineering",
        "Platform",
        "Learning",
        "Sales",
        "Support",
        "Legal",
        "Facilities",
        "Research",
    ];

    /// A Headcount Report treegrid of `rows` organisations (levels 1–4).
    fn headcount_report(rows: usize) -> String {
        let mut r = Rng(10_000 + rows as u32);
        let mut out = Vec::with_capacity(rows);
        let mut level: i64 = 1;
        for i in 0..rows {
            level = if i == 0 {
                1
            } else {
                (level + (r.next() * 3.0).floor() as i64 - 1).clamp(2, 4)
            };
            let name = format!("{} {i}", UNITS[r.index(UNITS.len())]);
            let manager = format!(
                "{} {}",
                FIRST[r.index(FIRST.len())],
                LAST[r.index(LAST.len())]
            );
            let count = 1 + (r.next() * 400.0).floor() as i64;
            out.push(format!(
            "    <div role=\"row\" aria-level=\"{level}\"><div role=\"rowheader\">{}</div><div role=\"gridcell\">{}</div><div role=\"gridcell\">{count}</div></div>",
            esc(&name),
            esc(&manager)
        ));
        }
        page(
        "https://wd5.myworkday.com/acme/d/task/1422$3127.htmld",
        "Headcount Report - Workday",
        &format!(
            "<div role=\"main\">\n  <h1>Headcount Report</h1>\n  <div role=\"treegrid\" aria-label=\"Headcount\">\n    <div role=\"row\">\n      <div role=\"columnheader\">Supervisory Organization</div>\n      <div role=\"columnheader\">Manager</div>\n      <div role=\"columnheader\">Headcount</div>\n    </div>\n{}\n  </div>\n</div>",
            out.join("\n")
        ),
    )
    }

    const ACCESS: &[&str] = &["Get Only", "Get and Put", "View Only", "View and Modify"];
    const POLICIES: &[&str] = &[
        "Reports: Learning Record",
        "Manage: Learning Content",
        "Worker Data: Active and Terminated Workers",
        "Worker Data: Current Staffing Information",
        "Workday Accounts",
        "Person Data: Work Email",
        "Worker Data: Organization Information",
        "Set Up: Learning",
    ];
    const AREAS: &[&str] = &[
        "Learning",
        "Staffing",
        "System",
        "Core Navigation",
        "Organizations and Roles",
    ];

    fn option(label: &str) -> String {
        let l = esc(label);
        format!("<div data-automation-id=\"promptOption\" data-automation-label=\"{l}\" title=\"{l}\">{l}</div>")
    }

    /// Maintain Domain Permissions for Security Group with one Integration Permissions grid.
    fn maintain_permissions(rows: usize) -> String {
        let mut r = Rng(500 + rows as u32);
        let mut out = Vec::with_capacity(rows);
        for i in 0..rows {
            let access = ACCESS[r.index(2)];
            let policy = format!(
                "{}{}",
                POLICIES[r.index(POLICIES.len())],
                if i >= POLICIES.len() {
                    format!(" {i}")
                } else {
                    String::new()
                }
            );
            let area = AREAS[r.index(AREAS.len())];
            out.push(format!(
            "      <div role=\"row\" data-testid=\"row\"><div role=\"gridcell\" data-testid=\"cell\">{}</div><div role=\"gridcell\" data-testid=\"cell\">{}</div><div role=\"gridcell\" data-testid=\"cell\">{}</div></div>",
            option(access),
            option(&policy),
            option(area)
        ));
        }
        page(
        "https://wd5.myworkday.com/acme/d/inst/15194$6650/rel-task/1422$1011.htmld",
        "Maintain Domain Permissions for Security Group - Workday",
        &format!(
            "<div role=\"main\">\n  <div data-testid=\"pageHeader\"><h1><span data-testid=\"pageHeaderTitleText\">Maintain Domain Permissions for Security Group</span></h1></div>\n  <div><label data-testid=\"formLabel\">Security Group</label><div data-testid=\"decorationWrapper\"><span data-testid=\"promptOption\" data-automation-label=\"ISU_Microsoft_Viva_Learning\">ISU_Microsoft_Viva_Learning</span></div></div>\n  <section>\n    <h2 data-testid=\"gridTitleLabel\" title=\"Integration Permissions\">Integration Permissions</h2>\n    <div role=\"grid\" data-testid=\"table\" aria-label=\"Integration Permissions\">\n      <div role=\"row\"><div role=\"columnheader\">Get/Put Access</div><div role=\"columnheader\">Domain Security Policy</div><div role=\"columnheader\">Functional Areas</div></div>\n{}\n    </div>\n  </section>\n</div>",
            out.join("\n")
        ),
    )
    }

    fn pages() -> Vec<(&'static str, &'static str, String)> {
        let fixture = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/pages/view_api_clients/api_clients_tab.html"
        ))
        .expect("the View API Clients fixture");
        vec![
            ("view_api_clients", "view_api_clients", fixture),
            (
                "maintain_permissions_500",
                "maintain_permissions",
                maintain_permissions(500),
            ),
            (
                "headcount_10000",
                "headcount_report",
                headcount_report(10_000),
            ),
        ]
    }

    fn bench_pages(c: &mut Criterion) {
        let options = Options::default();
        let cases: Vec<_> = pages()
            .into_iter()
            .map(|(name, page_id, html)| {
                let snapshot = snapshot_from_html(&html, None);
                let report = analysis::analyse_snapshot(&snapshot, &options);
                assert_eq!(
                    report.page.map(|p| p.as_str()),
                    Some(page_id),
                    "{name} is recognised"
                );
                assert!(
                    !report.params.is_empty() || !report.settings.is_empty(),
                    "{name}: something is captured"
                );
                eprintln!(
                    "{name}: {} bytes of HTML, {} snapshot nodes, {} params, {} settings",
                    html.len(),
                    snapshot.len(),
                    report.params.len(),
                    report.settings.len()
                );
                (name, html, snapshot)
            })
            .collect();

        let mut group = c.benchmark_group("analyse");
        group.sample_size(20);
        group.measurement_time(Duration::from_secs(4));
        for (name, _, snapshot) in &cases {
            group.bench_with_input(BenchmarkId::from_parameter(name), snapshot, |b, s| {
                b.iter(|| analysis::analyse_snapshot(black_box(s), &options))
            });
        }
        group.finish();

        // What the extension's worker runs per snapshot (src/wasm.rs `analyseSnapshot`): the
        // wire JSON decoded, analysed, and the report view written as JSON text. Natively, so a
        // profiler can name the functions; the browser figures are `make bench`'s.
        let wires: Vec<_> = cases
            .iter()
            .map(|(name, _, s)| {
                let json = serde_json::to_string(&s.to_wire()).expect("a snapshot serialises");
                (name, json)
            })
            .collect();
        let mut group = c.benchmark_group("worker_path");
        group.sample_size(20);
        group.measurement_time(Duration::from_secs(4));
        for (name, json) in &wires {
            group.bench_with_input(BenchmarkId::from_parameter(name), json, |b, json| {
                b.iter(|| {
                    let s = wdcap::snapshot::Snapshot::from_json(black_box(json))
                        .expect("the wire form decodes");
                    let view = analysis::analyse_snapshot(&s, &options).view(true);
                    serde_json::to_string(&view).expect("a report serialises")
                })
            });
        }
        group.finish();

        let mut group = c.benchmark_group("scan");
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(6));
        for (name, html, _) in &cases {
            group.bench_with_input(BenchmarkId::from_parameter(name), html, |b, html| {
                b.iter(|| {
                    let s = snapshot_from_html(black_box(html), None);
                    analysis::analyse_snapshot(&s, &options)
                })
            });
        }
        group.finish();
    }

    // ---------------------------------------------------------------------------------------------
    // Ticket queues (`wdcap check` on an export), as a process.

    /// Every pasted-text fixture of the checks, and some prose: the tickets of the queue.
    fn ticket_texts() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/checks");
        let mut out = Vec::new();
        let mut folders: Vec<_> = std::fs::read_dir(dir)
            .expect("the check fixtures")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        folders.sort();
        for folder in folders {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
            files.sort();
            for f in files
                .into_iter()
                .filter(|f| f.extension().is_some_and(|e| e == "txt"))
            {
                out.push(std::fs::read_to_string(f).expect("a fixture"));
            }
        }
        out.push("Hi team,\n\nthe connector stopped syncing yesterday. Could you have a look?\n\nThanks, Sam".into());
        out
    }

    /// A CSV export of at least `bytes` bytes (or `tickets` tickets), written once under the
    /// target folder and reused while its size is right.
    fn csv_export(name: &str, tickets: usize, bytes: u64) -> std::path::PathBuf {
        use std::io::Write as _;
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("wdcap-queue-bench");
        std::fs::create_dir_all(&dir).expect("the bench folder");
        let path = dir.join(name);
        if std::fs::metadata(&path).is_ok_and(|m| m.len() >= bytes) {
            return path;
        }
        let texts = ticket_texts();
        let mut rng = Rng(0x5eed);
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("the export"));
        writeln!(out, "Issue key,Summary,Status,Description,Created").unwrap();
        let mut written = 0u64;
        let mut n = 0usize;
        while n < tickets || written < bytes {
            let text = &texts[r_index(&mut rng, texts.len())];
            let row = format!(
                "SUP-{n},Connector problem,Open,\"{}\",2026-06-01\n",
                text.replace('"', "\"\"")
            );
            written += row.len() as u64;
            out.write_all(row.as_bytes()).unwrap();
            n += 1;
        }
        out.flush().unwrap();
        path
    }

    /// An mbox of at least `bytes` bytes, the same tickets as mail (half of them quoted-printable).
    fn mbox(name: &str, bytes: u64) -> std::path::PathBuf {
        use std::io::Write as _;
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("wdcap-queue-bench");
        std::fs::create_dir_all(&dir).expect("the bench folder");
        let path = dir.join(name);
        if std::fs::metadata(&path).is_ok_and(|m| m.len() >= bytes) {
            return path;
        }
        let texts = ticket_texts();
        let mut rng = Rng(0xb0c5);
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("the mbox"));
        let mut written = 0u64;
        let mut n = 0usize;
        while written < bytes {
            let text = &texts[r_index(&mut rng, texts.len())];
            let (encoding, body) = if n % 2 == 0 {
                ("7bit", text.clone())
            } else {
                (
                    "quoted-printable",
                    quoted_printable::encode_to_str(text.as_bytes()),
                )
            };
            let body = body
                .lines()
                .map(|l| {
                    if l.starts_with("From ") {
                        format!(">{l}")
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            let message = format!(
                "From admin{n}@example.com Mon Jun  1 10:00:00 2026\nFrom: admin{n}@example.com\n\
                 Subject: Ticket {n}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\
                 Content-Transfer-Encoding: {encoding}\n\n{body}\n\n"
            );
            written += message.len() as u64;
            out.write_all(message.as_bytes()).unwrap();
            n += 1;
        }
        out.flush().unwrap();
        path
    }

    fn r_index(rng: &mut Rng, len: usize) -> usize {
        rng.index(len).min(len - 1)
    }

    fn wdcap_check(input: &std::path::Path, extra: &[&str]) -> std::process::Command {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_wdcap"));
        command.arg("check").arg(input).args(extra);
        if input.extension().is_some_and(|e| e == "csv") {
            command.args(["--text-column", "Description", "--id-column", "Issue key"]);
        }
        command
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        command
    }

    /// Runs `command` to its end; its exit code and peak resident memory in bytes: the largest
    /// `VmHWM` (the kernel's high-water mark of the process's resident set, in
    /// /proc/<pid>/status) read every 10 ms while it runs. Not `wait4`'s `ru_maxrss`: a child
    /// forked from this benchmark starts with the benchmark's own resident set counted.
    fn run_measured(mut command: std::process::Command) -> (i32, u64) {
        let mut child = command.spawn().expect("wdcap starts");
        let status_file = format!("/proc/{}/status", child.id());
        let mut peak = 0u64;
        loop {
            if let Ok(status) = std::fs::read_to_string(&status_file) {
                let hwm = status
                    .lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
                if let Some(kb) = hwm {
                    peak = peak.max(kb * 1024);
                }
            }
            if let Some(status) = child.try_wait().expect("wdcap is waited for") {
                return (status.code().unwrap_or(-1), peak);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn bench_queue(c: &mut Criterion) {
        let export = csv_export("export-10000.csv", 10_000, 0);
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let (code, _) = run_measured(wdcap_check(&export, &[]));
        assert_eq!(code, 1, "the export has error findings: exit 1");
        let mut group = c.benchmark_group("queue");
        group.throughput(Throughput::Elements(10_000));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(30));
        for (name, jobs) in [("csv_10000_jobs_1", 1), ("csv_10000_all_cores", cores)] {
            let jobs = jobs.to_string();
            group.bench_function(name, |b| {
                b.iter(|| {
                    let status = wdcap_check(&export, &["--jobs", &jobs])
                        .status()
                        .expect("wdcap runs");
                    assert_eq!(status.code(), Some(1));
                })
            });
        }
        group.finish();

        // Peak memory: the same for 32 MB as for 256 MB, for an export and an mbox.
        let mut figures = Vec::new();
        for (name, path) in [
            ("csv_32MB", csv_export("export-32MB.csv", 0, 32 << 20)),
            ("csv_256MB", csv_export("export-256MB.csv", 0, 256 << 20)),
            ("mbox_256MB", mbox("support-256MB.mbox", 256 << 20)),
        ] {
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            let start = std::time::Instant::now();
            let (code, peak) = run_measured(wdcap_check(&path, &["--format", "ndjson"]));
            let seconds = start.elapsed().as_secs_f64();
            assert!(code == 0 || code == 1, "{name}: exit {code}");
            eprintln!(
                "{name}: {} MB in {seconds:.1} s, peak resident memory {} MB",
                size >> 20,
                peak >> 20
            );
            figures.push(format!(
                "{{\"case\": \"{name}\", \"bytes\": {size}, \"seconds\": {seconds:.2}, \"peak_rss\": {peak}}}"
            ));
        }
        let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("wdcap-queue-bench")
            .join("memory.json");
        std::fs::write(&out, format!("[{}]\n", figures.join(", "))).expect("memory.json");
    }

    criterion_group!(benches, bench_check, bench_pages, bench_queue);
}
