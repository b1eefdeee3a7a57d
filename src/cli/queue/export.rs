//! Ticket exports: CSV (or tab-separated) files with a header row, and JSON Lines, one ticket a
//! record, read record by record with a bound on each value kept, so an export of any size
//! (or with a field of any size) is read in bounded memory.
//!
//! The ticket's text is the value of the text column, or of every text column named (in their
//! order, a blank line between): `--text-column summary --text-column description`, and every
//! column of that name when an export repeats one (a CSV with one `Comment` column per
//! comment). Its name is the id column's value. Column names match exactly, else ignoring case
//! and surrounding spaces. In JSON Lines a column is a key, or a dotted path into nested objects
//! and arrays (`comments.body`).
//!
//! CSV is parsed by csv-core, the csv crate's own parser without the record buffers that grow
//! with the largest field: each field is read into a fixed buffer and kept only as far as wdcap
//! reads.

use super::bounded;
use csv_core::{ReadFieldResult, Reader, ReaderBuilder};
use std::io::{self, BufRead};
use wdcap::model::limits::{MAX_MAIL_BYTES, MAX_PASTE_BYTES};

/// An id is kept up to this many bytes.
const MAX_ID_BYTES: usize = 1024;

/// The columns to read.
#[derive(Debug, Clone)]
pub struct Columns {
    pub text: Vec<String>,
    pub id: Option<String>,
}

/// One record: its name (the id column's value, when there is one and it is not empty) and its
/// text, or the text's size when past [`MAX_PASTE_BYTES`].
#[derive(Debug)]
pub struct Record {
    pub id: Option<String>,
    pub text: Result<Vec<u8>, u64>,
}

fn matches(header: &str, wanted: &str) -> bool {
    header == wanted || header.trim().eq_ignore_ascii_case(wanted.trim())
}

#[derive(Clone, Copy, PartialEq)]
enum Keep {
    Skip,
    Text,
    Id,
}

/// The records of a CSV export.
pub struct CsvRecords<R> {
    reader: R,
    parser: Reader,
    /// What to keep of each column, by position.
    keep: Vec<Keep>,
    buf: Box<[u8]>,
    done: bool,
}

/// A field being read: its bytes as far as kept, its whole length.
struct Field {
    bytes: Vec<u8>,
    length: u64,
}

impl<R: BufRead> CsvRecords<R> {
    /// Reads the header row and finds the columns; the reason, naming the columns there are,
    /// when a text column is missing.
    pub fn new(reader: R, delimiter: u8, columns: &Columns) -> Result<Self, String> {
        let mut records = CsvRecords {
            reader,
            parser: ReaderBuilder::new().delimiter(delimiter).build(),
            keep: Vec::new(),
            buf: vec![0; 64 * 1024].into_boxed_slice(),
            done: false,
        };
        let header = records
            .read_record(|_| 4096)
            .map_err(|e| format!("cannot read its header row: {e}"))?
            .ok_or("it is empty")?;
        let names: Vec<String> = header
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let bytes = if i == 0 {
                    f.bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&f.bytes)
                } else {
                    &f.bytes
                };
                String::from_utf8_lossy(bytes).into_owned()
            })
            .collect();
        let mut keep = vec![Keep::Skip; names.len()];
        for wanted in &columns.text {
            let exact: Vec<usize> = (0..names.len()).filter(|&i| names[i] == *wanted).collect();
            let found: Vec<usize> = if exact.is_empty() {
                (0..names.len())
                    .filter(|&i| matches(&names[i], wanted))
                    .collect()
            } else {
                exact
            };
            if found.is_empty() {
                return Err(missing(wanted, &names));
            }
            for i in found {
                keep[i] = Keep::Text;
            }
        }
        if let Some(id) = &columns.id {
            let i = names
                .iter()
                .position(|n| n == id)
                .or_else(|| names.iter().position(|n| matches(n, id)))
                .ok_or_else(|| missing(id, &names))?;
            keep[i] = Keep::Id;
        }
        records.keep = keep;
        Ok(records)
    }

    /// The next record's fields, each kept up to `keep(column)` bytes; `None` at the end.
    fn read_record(&mut self, keep: impl Fn(usize) -> usize) -> io::Result<Option<Vec<Field>>> {
        let mut fields: Vec<Field> = Vec::new();
        let mut current = Field {
            bytes: Vec::new(),
            length: 0,
        };
        loop {
            let input = self.reader.fill_buf()?;
            let (result, read, written) = self.parser.read_field(input, &mut self.buf);
            let at_end = input.is_empty();
            self.reader.consume(read);
            let room = keep(fields.len()).saturating_sub(current.bytes.len());
            current
                .bytes
                .extend_from_slice(&self.buf[..written.min(room)]);
            current.length += written as u64;
            match result {
                // csv-core answers the end of the input with a field or `End`; guard anyway.
                ReadFieldResult::InputEmpty if at_end => {
                    self.done = true;
                    return Ok((!fields.is_empty()).then_some(fields));
                }
                ReadFieldResult::InputEmpty | ReadFieldResult::OutputFull => {}
                ReadFieldResult::Field { record_end } => {
                    fields.push(std::mem::replace(
                        &mut current,
                        Field {
                            bytes: Vec::new(),
                            length: 0,
                        },
                    ));
                    if record_end {
                        return Ok(Some(fields));
                    }
                }
                ReadFieldResult::End => {
                    self.done = true;
                    return Ok((!fields.is_empty()).then_some(fields));
                }
            }
        }
    }
}

fn missing(wanted: &str, names: &[String]) -> String {
    format!(
        "it has no column {wanted:?} (its columns: {})",
        names
            .iter()
            .map(|n| format!("{n:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Joins the text parts of a record, a blank line between; past [`MAX_PASTE_BYTES`] their
/// total size.
fn join(parts: Vec<(Vec<u8>, u64)>) -> Result<Vec<u8>, u64> {
    let total: u64 =
        parts.iter().map(|(_, len)| len).sum::<u64>() + 2 * parts.len().saturating_sub(1) as u64;
    if total > MAX_PASTE_BYTES as u64 {
        return Err(total);
    }
    let mut out = Vec::with_capacity(total as usize);
    for (i, (bytes, _)) in parts.into_iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\n\n");
        }
        out.extend_from_slice(&bytes);
    }
    Ok(out)
}

impl<R: BufRead> Iterator for CsvRecords<R> {
    type Item = io::Result<Record>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let keep = self.keep.clone();
            let kept = |i: usize| match keep.get(i) {
                Some(Keep::Text) => MAX_PASTE_BYTES + 1,
                Some(Keep::Id) => MAX_ID_BYTES,
                _ => 0,
            };
            let fields = match self.read_record(kept) {
                Ok(Some(fields)) => fields,
                Ok(None) => return None,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            };
            // An empty line between records.
            if fields.len() == 1 && fields[0].length == 0 {
                continue;
            }
            let mut id = None;
            let mut parts = Vec::new();
            for (i, field) in fields.into_iter().enumerate() {
                match self.keep.get(i) {
                    Some(Keep::Text) => parts.push((field.bytes, field.length)),
                    Some(Keep::Id) => {
                        let text = String::from_utf8_lossy(&field.bytes).trim().to_string();
                        id = (!text.is_empty()).then_some(text);
                    }
                    _ => {}
                }
            }
            return Some(Ok(Record {
                id,
                text: join(parts),
            }));
        }
    }
}

/// The records of a JSON Lines export.
pub struct JsonLines<R> {
    reader: R,
    columns: Columns,
    line: Vec<u8>,
}

impl<R: BufRead> JsonLines<R> {
    pub fn new(reader: R, columns: &Columns) -> Self {
        JsonLines {
            reader,
            columns: columns.clone(),
            line: Vec::new(),
        }
    }
}

/// What a JSON Lines line gives: a record, or why it is none (not JSON, too long).
pub enum JsonLine {
    Record(Record),
    TooLong(u64),
    NotJson(String),
}

/// Every text under `path` (`a.b.c`): strings as they are, arrays element by element, other
/// values as JSON.
fn texts_at(value: &serde_json::Value, path: &[&str], out: &mut Vec<String>) {
    match (value, path.split_first()) {
        (serde_json::Value::Array(items), _) => {
            for item in items {
                texts_at(item, path, out);
            }
        }
        (serde_json::Value::Object(map), Some((key, rest))) => {
            let found = map
                .get(*key)
                .or_else(|| map.iter().find(|(k, _)| matches(k, key)).map(|(_, v)| v));
            if let Some(v) = found {
                texts_at(v, rest, out);
            }
        }
        (_, Some(_)) | (serde_json::Value::Null, None) => {}
        (serde_json::Value::String(s), None) => out.push(s.clone()),
        (other, None) => out.push(other.to_string()),
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = io::Result<JsonLine>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let line = match bounded::read_line(&mut self.reader, &mut self.line, MAX_MAIL_BYTES) {
                Ok(Some(line)) => line,
                Ok(None) => return None,
                Err(e) => return Some(Err(e)),
            };
            if line.length > self.line.len() as u64 {
                return Some(Ok(JsonLine::TooLong(line.length)));
            }
            if self.line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let value: serde_json::Value = match serde_json::from_slice(&self.line) {
                Ok(v) => v,
                Err(e) => return Some(Ok(JsonLine::NotJson(e.to_string()))),
            };
            let mut parts = Vec::new();
            for column in &self.columns.text {
                let path: Vec<&str> = column.split('.').collect();
                let mut texts = Vec::new();
                texts_at(&value, &path, &mut texts);
                parts.extend(texts.into_iter().map(|t| {
                    let len = t.len() as u64;
                    (t.into_bytes(), len)
                }));
            }
            let id = self.columns.id.as_ref().and_then(|column| {
                let path: Vec<&str> = column.split('.').collect();
                let mut texts = Vec::new();
                texts_at(&value, &path, &mut texts);
                texts
                    .into_iter()
                    .next()
                    .map(|t| t.chars().take(MAX_ID_BYTES).collect::<String>())
                    .filter(|t| !t.trim().is_empty())
            });
            return Some(Ok(JsonLine::Record(Record {
                id,
                text: join(parts),
            })));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(text: &[&str], id: Option<&str>) -> Columns {
        Columns {
            text: text.iter().map(|s| s.to_string()).collect(),
            id: id.map(str::to_string),
        }
    }

    fn csv(input: &str, cols: &Columns) -> Vec<(Option<String>, Result<String, u64>)> {
        CsvRecords::new(
            io::BufReader::with_capacity(5, input.as_bytes()),
            b',',
            cols,
        )
        .unwrap()
        .map(|r| {
            let r = r.unwrap();
            (r.id, r.text.map(|t| String::from_utf8(t).unwrap()))
        })
        .collect()
    }

    #[test]
    fn csv_text_and_id_columns_quoted_multiline_repeated() {
        let input = "\u{FEFF}Issue key,Summary,Comment,Status,Comment\r\n\
            T-1,\"Token, wrong\",\"line one\r\nline \"\"two\"\"\",Open,second\r\n\
            \r\n\
            ,x,,Closed,\r\n";
        let got = csv(input, &columns(&["summary", "Comment"], Some("issue key")));
        assert_eq!(
            got,
            vec![
                (
                    Some("T-1".into()),
                    Ok("Token, wrong\n\nline one\r\nline \"two\"\n\nsecond".into())
                ),
                (None, Ok("x\n\n\n\n".into())),
            ]
        );
        let err = CsvRecords::new(
            io::BufReader::new("a,b\n1,2\n".as_bytes()),
            b',',
            &columns(&["body"], None),
        )
        .err()
        .unwrap();
        assert_eq!(err, "it has no column \"body\" (its columns: \"a\", \"b\")");
    }

    #[test]
    fn csv_oversized_field_is_measured_not_held() {
        let big = "y".repeat(MAX_PASTE_BYTES + 10);
        let input = format!("id,body,other\n1,\"{big}\",{big}\n2,small,z\n");
        let got = csv(&input, &columns(&["body"], Some("id")));
        assert_eq!(got[0], (Some("1".into()), Err(MAX_PASTE_BYTES as u64 + 10)));
        assert_eq!(got[1], (Some("2".into()), Ok("small".into())));
    }

    #[test]
    fn json_lines_paths_arrays_and_bad_lines() {
        let input = r#"{"id": 7, "subject": "Token", "comments": [{"body": "a"}, {"body": "b"}]}

not json
{"id": "x", "Subject": null}
"#;
        let cols = columns(&["subject", "comments.body"], Some("id"));
        let got: Vec<String> = JsonLines::new(io::BufReader::new(input.as_bytes()), &cols)
            .map(|l| match l.unwrap() {
                JsonLine::Record(r) => format!(
                    "{:?} {:?}",
                    r.id,
                    String::from_utf8(r.text.unwrap()).unwrap()
                ),
                JsonLine::TooLong(n) => format!("too long {n}"),
                JsonLine::NotJson(_) => "not json".into(),
            })
            .collect();
        assert_eq!(
            got,
            vec![
                r#"Some("7") "Token\n\na\n\nb""#,
                "not json",
                r#"Some("x") """#
            ]
        );
    }
}
