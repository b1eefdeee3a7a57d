//! Argument parsing (clap) and output for the `wdcap` binary. A ticket queue (`wdcap check` on
//! several inputs): `queue/`; completions and the man page: `install.rs`.

mod install;
mod queue;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::Read;
use std::path::PathBuf;
use wdcap::analysis;
use wdcap::evidence::choice::Prefs;
use wdcap::evidence::record::Record;
use wdcap::model::options::{Options, Sso};
use wdcap::partner::export;
use wdcap::report::tenant::{ChecklistState, ViewOptions};
use wdcap::report::view::Report;

#[derive(Parser)]
#[command(name = "wdcap", version = wdcap::BUILD, about = "Capture and check Workday connection parameters")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Recognise a saved Workday page and check what it shows.
    Scan {
        /// The saved page (HTML), or a page structure copied for a bug report (JSON, as the
        /// extension's "Copy page structure" and `wdcap snapshot --structure` write it).
        file: PathBuf,
        /// The address the page was saved from (evidence for the tenant and the page).
        #[arg(long)]
        url: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Find every parameter in pasted text (an e-mail, a ticket) and check them; given several
    /// tickets (files, folders, mbox files, exports), check them all and summarise the queue.
    #[command(after_long_help = queue::EXIT_STATUS)]
    Check {
        /// A text file, or `-` (the default) for standard input. Several files, a folder
        /// (searched recursively for .eml, .txt, .md, .html, .htm, .json and mbox files), an mbox
        /// file (.mbox) or an export (with --text-column) make a queue.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The input is evidence JSON `{"params": [{kind, value, name?, tenant?}], "settings":
        /// [{name, value}]}` (what the extension gathers across pages), not pasted text.
        #[arg(long)]
        evidence: bool,
        #[command(flatten)]
        queue: queue::QueueArgs,
        #[command(flatten)]
        common: Common,
    },
    /// Write the values a partner needs, as the extension's "Export for partner" does: one API
    /// client's values (never two clients'), corrected where a check can, in the partner's
    /// order. Exit 1 while a finding blocks the export (the values are written all the same).
    Export {
        /// Evidence JSON, as `wdcap check --evidence` reads it, or a record the extension keeps;
        /// a file, or `-` (the default) for standard input.
        file: Option<PathBuf>,
        /// The integration partner's id (viva-learning, datadog-workday, entra-workday-to-ad …); an unknown id lists the known ones.
        #[arg(long, value_name = "ID")]
        integration: String,
        /// Whether the tenant uses SAML SSO (decides the `redirect=n` correction).
        #[arg(long, value_enum, default_value_t = SsoArg::Unknown)]
        sso: SsoArg,
        /// The tenant named in the export (default: the tenant most of the values name).
        #[arg(long)]
        tenant: Option<String>,
        /// Write the JSON file instead of the text.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        choice: Choice,
    },
    /// Print one tenant's view as the extension's popup shows it (JSON): its API clients, security
    /// groups and ISUs with the partner's among them and why, the values with their findings,
    /// the findings about no single value grouped by step, the settings read, and for a partner
    /// its checklist, export and live-test inputs. The checks run once.
    View {
        /// Evidence JSON (as `wdcap check --evidence` reads it) or a record the extension keeps;
        /// a file, or `-` (the default) for standard input.
        file: Option<PathBuf>,
        /// The integration partner.
        #[arg(long, value_name = "ID")]
        integration: Option<String>,
        /// Whether the tenant uses SAML SSO (`unknown`: as read from Edit Tenant Setup – Security).
        #[arg(long, value_enum, default_value_t = SsoArg::Unknown)]
        sso: SsoArg,
        #[command(flatten)]
        choice: Choice,
        /// Show secret values instead of masking them.
        #[arg(long)]
        reveal: bool,
    },
    /// Print the snapshot the extension would build from a saved page (JSON).
    Snapshot {
        file: PathBuf,
        #[arg(long)]
        url: Option<String>,
        /// Print the page's structure for a bug report instead: every text and attribute value
        /// replaced by its shape, only titles, labels, hooks and roles kept.
        #[arg(long)]
        structure: bool,
    },
    /// Print a shell's completion script for wdcap (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write wdcap's man pages (roff) into a folder (`make package` writes dist/cli/man/).
    #[command(hide = true)]
    Man { dir: PathBuf },
}

#[derive(Args)]
struct Common {
    /// The integration partner's id (viva-learning, datadog-workday, entra-workday-to-ad …); an unknown id lists the known ones.
    #[arg(long, value_name = "ID")]
    integration: Option<String>,
    /// Whether the tenant uses SAML SSO (decides the `redirect=n` checks).
    #[arg(long, value_enum, default_value_t = SsoArg::Unknown)]
    sso: SsoArg,
    /// Print one JSON object (the documented contract) instead of text.
    #[arg(long, conflicts_with = "markdown")]
    json: bool,
    /// Print a redacted Markdown report for a ticket (secrets as fingerprint and length).
    #[arg(long)]
    markdown: bool,
    /// Show secret values instead of masking them.
    #[arg(long)]
    reveal: bool,
}

/// The admin's choice of the partner's objects, where the values cannot tell.
#[derive(Args)]
struct Choice {
    /// The partner's API client: its client ID or its name.
    #[arg(long, value_name = "ID_OR_NAME")]
    api_client: Option<String>,
    /// The partner's security group.
    #[arg(long, value_name = "NAME")]
    security_group: Option<String>,
    /// The partner's integration system user.
    #[arg(long, value_name = "NAME")]
    isu: Option<String>,
}

impl Choice {
    fn prefs(&self, integration: Option<String>, sso: Sso) -> Prefs {
        Prefs {
            sso,
            integration,
            api_client: self.api_client.clone(),
            security_group: self.security_group.clone(),
            isu: self.isu.clone(),
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum SsoArg {
    Yes,
    No,
    Unknown,
}

impl SsoArg {
    fn sso(self) -> Sso {
        match self {
            SsoArg::Yes => Sso::Yes,
            SsoArg::No => Sso::No,
            SsoArg::Unknown => Sso::Unknown,
        }
    }
}

impl Common {
    fn options(&self) -> Options {
        Options {
            integration: self.integration.clone(),
            sso: self.sso.sso(),
        }
    }
}

/// Exit status for unusable input.
const UNUSABLE: i32 = 2;

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { UNUSABLE } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(reason) => {
            eprintln!("wdcap: {reason}");
            UNUSABLE
        }
    }
}

/// Reads a file (or standard input for `None` / `-`) as UTF-8 text, refusing more than `limit`
/// bytes (src/model/limits.rs) without reading past it: memory stays bounded whatever is piped in.
fn read_text(path: Option<&PathBuf>, limit: usize) -> Result<String, String> {
    let name = match path {
        Some(p) if p.as_os_str() != "-" => p.display().to_string(),
        _ => "standard input".into(),
    };
    let source: Box<dyn Read> = match path {
        Some(p) if p.as_os_str() != "-" => Box::new(
            std::fs::File::open(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?,
        ),
        _ => Box::new(std::io::stdin()),
    };
    let mut bytes = Vec::new();
    source
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    if bytes.len() > limit {
        // A file's size is known; a pipe is not read past the limit to learn it.
        let file_size = match path {
            Some(p) if p.as_os_str() != "-" => std::fs::metadata(p).ok().map(|m| m.len()),
            _ => None,
        };
        return Err(match file_size {
            Some(total) => wdcap::model::limits::too_large(&name, total as usize, limit),
            None => format!(
                "{name} is larger than the {} wdcap reads",
                wdcap::model::limits::describe(limit)
            ),
        });
    }
    String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8 text"))
}

/// A saved page (HTML) or a page structure (snapshot JSON) as a snapshot, or the one-line
/// reason it cannot be read.
fn read_page(file: &PathBuf, url: Option<&str>) -> Result<wdcap::snapshot::Snapshot, String> {
    let text = read_text(Some(file), wdcap::model::limits::MAX_HTML_BYTES)?;
    if text.trim_start().starts_with('{') {
        let mut snapshot = wdcap::snapshot::Snapshot::from_json(&text)
            .map_err(|e| format!("{}: {e}", file.display()))?;
        if let Some(u) = url {
            snapshot.url = u.to_string();
        }
        return Ok(snapshot);
    }
    wdcap::snapshot::html::try_snapshot_from_html(&text, url)
        .map_err(|e| format!("{}: {e}", file.display()))
}

/// Evidence gathered across pages, as `wdcap check --evidence` reads it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Evidence {
    #[serde(default)]
    params: Vec<wdcap::model::param::ParamInput>,
    #[serde(default)]
    settings: Vec<wdcap::model::settings::Setting>,
}

/// Reads evidence JSON.
fn read_evidence(text: &str) -> Result<Evidence, String> {
    serde_json::from_str(text)
        .map_err(|e| format!("evidence is not {{params, settings}} JSON: {e}"))
}

/// Reads a record the extension keeps (it has a `version`) or evidence JSON, as a record.
fn read_record(text: &str) -> Result<Record, String> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| format!("evidence is not {{params, settings}} JSON: {e}"))?;
    if value.get("version").is_some() {
        return Record::read(value)
            .ok_or_else(|| "the record is of a shape this wdcap does not read".to_string());
    }
    let ev: Evidence = serde_json::from_value(value)
        .map_err(|e| format!("evidence is not {{params, settings}} JSON: {e}"))?;
    Ok(analysis::record_of_evidence(ev.params, ev.settings))
}

/// What the text export shows for a required value not gathered yet.
const MISSING: &str = "(missing)";

fn run(cli: Cli) -> Result<i32, String> {
    // An unknown partner id is unusable input (exit 2), not an empty profile.
    if let Command::Scan { common, .. } | Command::Check { common, .. } = &cli.command {
        common.options().partner()?;
    }
    match cli.command {
        Command::Scan { file, url, common } => {
            let snapshot = read_page(&file, url.as_deref())?;
            let report = analysis::analyse_snapshot(&snapshot, &common.options());
            Ok(print(&report, &common))
        }
        Command::Check {
            files,
            evidence,
            queue,
            common,
        } => {
            if queue::wanted(&files, &queue) {
                if evidence {
                    return Err("--evidence reads one file of evidence, not a ticket queue".into());
                }
                return queue::run(&files, &queue, &common);
            }
            let file = files.first().cloned();
            let text = read_text(file.as_ref(), wdcap::model::limits::MAX_PASTE_BYTES)?;
            let report = if evidence {
                let ev = read_evidence(&text)?;
                analysis::check_params(ev.params, ev.settings, &common.options())
            } else {
                analysis::check_text(&text, &common.options())
            };
            Ok(print(&report, &common))
        }
        Command::Export {
            file,
            integration,
            sso,
            tenant,
            json,
            choice,
        } => {
            let text = read_text(file.as_ref(), wdcap::model::limits::MAX_PASTE_BYTES)?;
            let record = read_record(&text)?;
            let prefs = choice.prefs(Some(integration), sso.sso());
            let view = analysis::tenant_view(
                &record,
                &prefs,
                &ChecklistState::default(),
                &ViewOptions {
                    reveal: true,
                    ..ViewOptions::default()
                },
            )?;
            let x = view.export.ok_or("no partner chosen")?;
            let tenant = tenant.or(view.tenant).unwrap_or_default();
            if json {
                let now = humantime::format_rfc3339_millis(std::time::SystemTime::now());
                emit(&export::json(&x, &tenant, &now.to_string()));
            } else {
                emit(&export::text(&x, &tenant, MISSING));
            }
            Ok(i32::from(!x.ready))
        }
        Command::View {
            file,
            integration,
            sso,
            choice,
            reveal,
        } => {
            let text = read_text(file.as_ref(), wdcap::model::limits::MAX_PASTE_BYTES)?;
            let record = read_record(&text)?;
            let prefs = choice.prefs(integration, sso.sso());
            let view = analysis::tenant_view(
                &record,
                &prefs,
                &ChecklistState::default(),
                &ViewOptions {
                    reveal,
                    ..ViewOptions::default()
                },
            )?;
            println!(
                "{}",
                serde_json::to_string_pretty(&view).map_err(|e| e.to_string())?
            );
            Ok(i32::from(view.counts.error > 0))
        }
        Command::Completions { shell } => Ok(install::completions(shell)),
        Command::Man { dir } => install::man(&dir),
        Command::Snapshot {
            file,
            url,
            structure,
        } => {
            let snapshot = read_page(&file, url.as_deref())?;
            let wire = if structure {
                wdcap::report::structure::page_structure(&snapshot)
            } else {
                snapshot.to_wire()
            };
            emit(&format!(
                "{}\n",
                serde_json::to_string(&wire).map_err(|e| e.to_string())?
            ));
            Ok(0)
        }
    }
}

/// Writes `text` to standard output. A reader that stops early (`wdcap check … | head -1`) closes
/// the pipe: that is not an error, so the rest is dropped quietly and wdcap exits with the status
/// the result has. Any other failure to write is reported on standard error, exit 2.
fn emit(text: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!("wdcap: cannot write the output: {e}");
            std::process::exit(UNUSABLE);
        }
    }
}

fn print(report: &Report, common: &Common) -> i32 {
    if common.json {
        emit(&format!("{}\n", report.to_json(common.reveal)));
    } else if common.markdown {
        emit(&wdcap::report::redact::markdown(report, &common.options()));
    } else {
        emit(&wdcap::report::text::text(report, common.reveal));
    }
    i32::from(report.has_errors())
}
