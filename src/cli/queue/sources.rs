//! What `wdcap check` was given, as a stream of tickets: files, folders (searched recursively
//! for ticket files, in name order), mbox files (one ticket a message), and with
//! `--text-column` CSV and JSON Lines exports (one ticket a record). Each input is read as it
//! is needed, so the queue is never held whole.

use super::export::{Columns, CsvRecords, JsonLine, JsonLines};
use super::mbox::Mbox;
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use wdcap::model::limits::{MAX_MAIL_BYTES, MAX_PASTE_BYTES};
use wdcap::paste::files::{self, FileKind, Unreadable};

/// One ticket: its name (a file, `file#N` for the Nth record of an mbox or export without an id
/// column, else the id) and its bytes, or why it cannot be read.
pub struct Ticket {
    pub name: String,
    pub body: Result<(FileKind, Vec<u8>), Unreadable>,
}

impl Ticket {
    /// The bytes it holds (what a chunk of the queue is measured by).
    pub fn weight(&self) -> usize {
        self.body.as_ref().map(|(_, b)| b.len()).unwrap_or(0)
    }
}

/// An input of the queue.
#[derive(Debug)]
pub enum Source {
    Stdin,
    File(PathBuf, FileKind),
    Mbox(PathBuf),
    Csv(PathBuf, u8),
    JsonLines(PathBuf),
    /// A folder that could not be listed, a name that does not exist.
    Broken(PathBuf, String),
}

/// The inputs, the files of the folders that hold no ticket (skipped), and the bytes to read
/// (for the progress bar).
pub struct Plan {
    pub sources: Vec<Source>,
    pub skipped: u64,
    pub bytes: u64,
}

/// Whether `path` is an mbox file by its name.
pub fn is_mbox(path: &Path) -> bool {
    extension(path).is_some_and(|e| e == "mbox" || e == "mbx")
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// How a file is read: `None` for a file found in a folder that holds no ticket. A file named
/// on the command line is read as text whatever its name.
fn classify(path: &Path, named: bool, exports: bool) -> Option<Source> {
    let ext = extension(path).unwrap_or_default();
    if is_mbox(path) {
        return Some(Source::Mbox(path.to_path_buf()));
    }
    if exports {
        match ext.as_str() {
            "csv" => return Some(Source::Csv(path.to_path_buf(), b',')),
            "tsv" | "tab" => return Some(Source::Csv(path.to_path_buf(), b'\t')),
            "jsonl" | "ndjson" => return Some(Source::JsonLines(path.to_path_buf())),
            _ => {}
        }
    }
    let name = path.file_name()?.to_string_lossy();
    match files::kind_of(&name) {
        Some(kind) => Some(Source::File(path.to_path_buf(), kind)),
        None if named => Some(Source::File(path.to_path_buf(), FileKind::Text)),
        None => None,
    }
}

/// The inputs named on the command line, folders expanded. `exports`: `--text-column` was given.
pub fn plan(paths: &[PathBuf], exports: bool) -> Plan {
    let mut plan = Plan {
        sources: Vec::new(),
        skipped: 0,
        bytes: 0,
    };
    for path in paths {
        if path.as_os_str() == "-" {
            plan.sources.push(Source::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, exports, &mut plan),
            Ok(m) => {
                plan.bytes += m.len();
                plan.sources.extend(classify(path, true, exports));
            }
            Err(e) => plan
                .sources
                .push(Source::Broken(path.clone(), e.to_string())),
        }
    }
    plan
}

/// A folder's ticket files, recursively, in name order. Links to folders are not followed (a
/// link can loop); links to files are read.
fn walk(dir: &Path, exports: bool, plan: &mut Plan) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            plan.sources
                .push(Source::Broken(dir.to_path_buf(), e.to_string()));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, exports, plan);
            continue;
        }
        let size = std::fs::metadata(&path).map(|m| m.len());
        if kind.is_symlink() && size.is_err() {
            continue;
        }
        match classify(&path, false, exports) {
            Some(source) => {
                plan.bytes += size.unwrap_or(0);
                plan.sources.push(source);
            }
            None => plan.skipped += 1,
        }
    }
}

/// A reader that counts the bytes read (the progress bar's position).
struct Counted<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

fn open(path: &Path, counter: &Arc<AtomicU64>) -> io::Result<BufReader<Counted<File>>> {
    Ok(BufReader::with_capacity(
        256 * 1024,
        Counted {
            inner: File::open(path)?,
            counter: counter.clone(),
        },
    ))
}

/// Reads a whole ticket file, at most `limit` bytes (a larger one is measured, not read).
fn read_file(path: &Path, limit: usize, counter: &Arc<AtomicU64>) -> Result<Vec<u8>, Unreadable> {
    let io = |e: io::Error| Unreadable::Io(e.to_string());
    let mut bytes = Vec::new();
    open(path, counter)
        .map_err(io)?
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > limit {
        let size = std::fs::metadata(path)
            .map(|m| m.len())
            .unwrap_or(bytes.len() as u64);
        return Err(Unreadable::TooLarge { bytes: size, limit });
    }
    Ok(bytes)
}

fn read_stdin() -> Result<Vec<u8>, Unreadable> {
    let mut bytes = Vec::new();
    io::stdin()
        .take(MAX_PASTE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Unreadable::Io(e.to_string()))?;
    if bytes.len() > MAX_PASTE_BYTES {
        return Err(Unreadable::TooLarge {
            bytes: bytes.len() as u64,
            limit: MAX_PASTE_BYTES,
        });
    }
    Ok(bytes)
}

fn name_of(path: &Path) -> String {
    path.display().to_string()
}

fn numbered(path: &Path, n: u64) -> String {
    format!("{}#{n}", path.display())
}

fn broken(path: &Path, reason: impl Into<String>) -> Box<dyn Iterator<Item = Ticket> + Send> {
    Box::new(std::iter::once(Ticket {
        name: name_of(path),
        body: Err(Unreadable::Io(reason.into())),
    }))
}

/// The tickets of one input, read as they are asked for; an input that fails part way ends
/// with one ticket saying why.
fn tickets_of(
    source: Source,
    columns: &Columns,
    counter: &Arc<AtomicU64>,
) -> Box<dyn Iterator<Item = Ticket> + Send> {
    let io = |e: io::Error| e.to_string();
    match source {
        Source::Stdin => Box::new(std::iter::once(Ticket {
            name: "standard input".into(),
            body: read_stdin().map(|b| (FileKind::Text, b)),
        })),
        Source::File(path, kind) => {
            let limit = match kind {
                FileKind::Mail => MAX_MAIL_BYTES,
                FileKind::Text => MAX_PASTE_BYTES,
            };
            Box::new(std::iter::once(Ticket {
                name: name_of(&path),
                body: read_file(&path, limit, counter).map(|b| (kind, b)),
            }))
        }
        Source::Broken(path, reason) => broken(&path, reason),
        Source::Mbox(path) => match open(&path, counter) {
            Err(e) => broken(&path, io(e)),
            Ok(reader) => {
                let mut n = 0;
                Box::new(Mbox::new(reader).map(move |message| {
                    n += 1;
                    let body = match message {
                        Ok(m) => m.content.map(|b| (FileKind::Mail, b)).map_err(|size| {
                            Unreadable::TooLarge {
                                bytes: size,
                                limit: MAX_MAIL_BYTES,
                            }
                        }),
                        Err(e) => Err(Unreadable::Io(e.to_string())),
                    };
                    Ticket {
                        name: numbered(&path, n),
                        body,
                    }
                }))
            }
        },
        Source::Csv(path, delimiter) => match open(&path, counter) {
            Err(e) => broken(&path, io(e)),
            Ok(reader) => match CsvRecords::new(reader, delimiter, columns) {
                Err(reason) => broken(&path, reason),
                Ok(records) => {
                    let mut n = 0;
                    Box::new(records.map(move |record| {
                        n += 1;
                        match record {
                            Ok(r) => Ticket {
                                name: r.id.unwrap_or_else(|| numbered(&path, n)),
                                body: text_body(r.text),
                            },
                            Err(e) => Ticket {
                                name: numbered(&path, n),
                                body: Err(Unreadable::Io(e.to_string())),
                            },
                        }
                    }))
                }
            },
        },
        Source::JsonLines(path) => match open(&path, counter) {
            Err(e) => broken(&path, io(e)),
            Ok(reader) => {
                let mut n = 0;
                Box::new(JsonLines::new(reader, columns).map(move |line| {
                    n += 1;
                    let (name, body) = match line {
                        Ok(JsonLine::Record(r)) => (r.id, text_body(r.text)),
                        Ok(JsonLine::TooLong(size)) => (
                            None,
                            Err(Unreadable::TooLarge {
                                bytes: size,
                                limit: MAX_MAIL_BYTES,
                            }),
                        ),
                        Ok(JsonLine::NotJson(e)) => (
                            None,
                            Err(Unreadable::Io(format!("the line is not JSON: {e}"))),
                        ),
                        Err(e) => (None, Err(Unreadable::Io(e.to_string()))),
                    };
                    Ticket {
                        name: name.unwrap_or_else(|| numbered(&path, n)),
                        body,
                    }
                }))
            }
        },
    }
}

fn text_body(text: Result<Vec<u8>, u64>) -> Result<(FileKind, Vec<u8>), Unreadable> {
    text.map(|b| (FileKind::Text, b))
        .map_err(|size| Unreadable::TooLarge {
            bytes: size,
            limit: MAX_PASTE_BYTES,
        })
}

/// Every ticket of every input, in order.
pub fn tickets(
    sources: Vec<Source>,
    columns: Columns,
    counter: Arc<AtomicU64>,
) -> impl Iterator<Item = Ticket> + Send {
    sources
        .into_iter()
        .flat_map(move |source| tickets_of(source, &columns, &counter))
}
