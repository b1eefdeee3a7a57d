//! `wdcap check` on a ticket queue: several files, folders, mbox files, CSV / JSON Lines exports.
//!
//! The inputs are read on a thread of their own (sources.rs, bounded readers for mbox and
//! exports) and handed over in chunks of at most [`CHUNK_TICKETS`] tickets or [`CHUNK_BYTES`]
//! bytes through a channel that holds one chunk: at most three chunks are in memory at once
//! (one being read, one waiting, one being checked), whatever the size of the queue. Each chunk
//! is checked (and its JSON line made) in parallel on a rayon pool (`--jobs`, default every core),
//! results collected in input order; each ticket's JSON line is written, then it goes into the
//! summary
//! (`wdcap::report::summary`), which is printed at the end. The analysis and the summary are the
//! core's; this module only reads, schedules and writes.

mod bounded;
mod export;
mod mbox;
mod sources;

use super::Common;
use clap::{Args, ValueEnum};
use export::Columns;
use rayon::prelude::*;
use sources::Ticket;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use wdcap::analysis;
use wdcap::paste::files::Unreadable;
use wdcap::report::summary::Summary;
use wdcap::report::view::Report;

/// The exit status, for `wdcap check --help` and the man page (README, "Exit status").
pub const EXIT_STATUS: &str = "Exit status: 0 no error finding, 1 an error finding, 2 unusable \
input. For a ticket queue: 0 every ticket was read and none has an error finding, 1 a ticket has \
an error finding or could not be read (listed in the summary; the run goes on), 2 nothing to \
check (no ticket found, an unknown option or partner).";

/// A chunk of the queue: this many tickets at most …
const CHUNK_TICKETS: usize = 256;
/// … or this many bytes of them (a chunk holds at least one ticket, whatever its size).
const CHUNK_BYTES: usize = 16 << 20;

/// How the queue is written.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The summary (text, or Markdown with `--markdown`) on standard output.
    Summary,
    /// One JSON object per ticket on standard output (`{"ticket", …the --json contract}`), the
    /// summary on standard error.
    Ndjson,
}

/// The options of a ticket queue.
#[derive(Args)]
pub struct QueueArgs {
    /// Several tickets: `summary` (the default) prints how many tickets have each problem;
    /// `ndjson` prints one JSON object per ticket, in input order, and the summary on stderr.
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,
    /// Read CSV (`.csv`, `.tsv`) and JSON Lines (`.jsonl`, `.ndjson`) files as ticket exports,
    /// one ticket a record, its text from this column (a key, or a dotted path, in JSON Lines).
    /// Repeat it to join several columns.
    #[arg(long, value_name = "COLUMN")]
    text_column: Vec<String>,
    /// The column that names each ticket of an export (default: `FILE#N`, the Nth record).
    #[arg(long, value_name = "COLUMN", requires = "text_column")]
    id_column: Option<String>,
    /// Check this many tickets at once (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
}

/// Whether the inputs make a queue (rather than the one paste `wdcap check` always read): more
/// than one input, a folder, an mbox file, an export, or `--format`.
pub fn wanted(files: &[PathBuf], args: &QueueArgs) -> bool {
    files.len() > 1
        || args.format.is_some()
        || !args.text_column.is_empty()
        || files.iter().any(|f| f.is_dir() || sources::is_mbox(f))
}

/// Checks the queue; the exit status (README, "Exit status"): 0 when every ticket was read and
/// none has an error finding, 1 when one has or one could not be read, 2 when there is no
/// ticket at all or the options cannot be used.
pub fn run(files: &[PathBuf], args: &QueueArgs, common: &Common) -> Result<i32, String> {
    if common.json {
        return Err(
            "several tickets print one JSON object each with --format ndjson, not --json".into(),
        );
    }
    let options = common.options();
    let format = args.format.unwrap_or(Format::Summary);
    let files = if files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        files.to_vec()
    };
    let plan = sources::plan(&files, !args.text_column.is_empty());
    let columns = Columns {
        text: args.text_column.clone(),
        id: args.id_column.clone(),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.map(usize::from).unwrap_or(0))
        .build()
        .map_err(|e| format!("cannot start the worker threads: {e}"))?;

    let progress = progress_bar(plan.bytes);
    let counter = Arc::new(AtomicU64::new(0));
    let (send, receive) = mpsc::sync_channel::<Vec<Ticket>>(1);
    let reader = {
        let counter = counter.clone();
        let sources = plan.sources;
        std::thread::spawn(move || {
            let mut chunk = Vec::new();
            let mut weight = 0;
            for ticket in sources::tickets(sources, columns, counter) {
                weight += ticket.weight();
                chunk.push(ticket);
                if chunk.len() >= CHUNK_TICKETS || weight >= CHUNK_BYTES {
                    weight = 0;
                    if send.send(std::mem::take(&mut chunk)).is_err() {
                        return;
                    }
                }
            }
            if !chunk.is_empty() {
                let _ = send.send(chunk);
            }
        })
    };

    let mut summary = Summary::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut closed = false;
    for chunk in &receive {
        // Each ticket is checked, and its JSON line written, on the pool; the summary is
        // counted here, in input order.
        let ndjson = format == Format::Ndjson;
        let results: Vec<(String, Result<Report, Unreadable>, Option<String>)> =
            pool.install(|| {
                chunk
                    .into_par_iter()
                    .map(|ticket| {
                        let result = ticket.body.and_then(|(kind, bytes)| {
                            analysis::check_ticket(kind, &bytes, &options)
                        });
                        let line = ndjson.then(|| {
                            wdcap::report::ticket::json_line(&ticket.name, &result, common.reveal)
                        });
                        (ticket.name, result, line)
                    })
                    .collect()
            });
        for (name, result, line) in &results {
            if let Some(line) = line {
                closed = writeln!(out, "{line}").is_err();
                if closed {
                    break;
                }
            }
            summary.add(name, result);
        }
        if closed {
            // The reader of the output went away (`| head`): stop reading, print nothing more.
            break;
        }
        progress.set_position(counter.load(Ordering::Relaxed));
        progress.set_message(format!("{} tickets", summary.tickets()));
    }
    drop(receive);
    let _ = reader.join();
    progress.finish_and_clear();
    closed |= out.flush().is_err();
    drop(out);
    if closed {
        return Ok(i32::from(
            summary.with_errors() > 0 || summary.unreadable() > 0,
        ));
    }

    if plan.skipped > 0 {
        eprintln!(
            "wdcap: {} files in the folders given hold no ticket (not {}), skipped",
            plan.skipped,
            ticket_names()
        );
    }
    if summary.tickets() == 0 {
        return Err(format!("no ticket found in {}", list(&files)));
    }
    let rendered = if common.markdown {
        summary.markdown(&options)
    } else {
        summary.text()
    };
    match format {
        Format::Summary => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout
                .write_all(rendered.as_bytes())
                .and_then(|_| stdout.flush());
        }
        Format::Ndjson => eprint!("{rendered}"),
    }
    Ok(i32::from(
        summary.with_errors() > 0 || summary.unreadable() > 0,
    ))
}

/// The file names a folder is searched for.
fn ticket_names() -> String {
    use wdcap::paste::files::{MAIL_EXTENSIONS, TEXT_EXTENSIONS};
    MAIL_EXTENSIONS
        .iter()
        .chain(TEXT_EXTENSIONS)
        .chain(&["mbox", "mbx"])
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn list(files: &[PathBuf]) -> String {
    files
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A progress bar on standard error when it is a terminal (hidden otherwise), measured in bytes
/// read of the inputs.
fn progress_bar(total: u64) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(total),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:30} {bytes}/{total_bytes} · {msg} · {elapsed}",
    ) {
        bar.set_style(style);
    }
    bar
}
