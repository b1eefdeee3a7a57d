//! The messages of an mbox file, one at a time, each held to [`MAX_MAIL_BYTES`].
//!
//! Written here rather than taken from a crate: mail-parser's own reader
//! (`mailbox::mbox::MessageIterator`) holds each message, and each line, whole, whatever its
//! size, so one 1 GB message (or a file without line breaks) would be held in memory. This
//! splitter reads line by line with a bound ([`super::bounded`]): a message past the bound is
//! read to its end and reported too large, and the next one is read as usual.
//!
//! The format (RFC 4155, "The application/mbox Media Type"): each message starts with a line
//! `From <sender> <date>` at the start of the file or after an empty line; inside a message a
//! line that would read `From ` is written `>From ` (and `>From ` as `>>From `, the "mboxrd"
//! convention), which is undone here.

use super::bounded;
use std::io::{self, BufRead};
use wdcap::model::limits::MAX_MAIL_BYTES;

/// One message: its bytes, or its size when past the bound.
pub struct Message {
    pub content: Result<Vec<u8>, u64>,
}

pub struct Mbox<R> {
    reader: R,
    limit: usize,
    line: Vec<u8>,
    /// The last call stopped at a `From ` line: the next message has started.
    started: bool,
    done: bool,
}

impl<R: BufRead> Mbox<R> {
    pub fn new(reader: R) -> Self {
        Self::with_limit(reader, MAX_MAIL_BYTES)
    }

    pub fn with_limit(reader: R, limit: usize) -> Self {
        Mbox {
            reader,
            limit,
            line: Vec::with_capacity(256),
            started: false,
            done: false,
        }
    }

    /// The next message, `None` after the last.
    fn read_message(&mut self) -> io::Result<Option<Message>> {
        let mut content = Vec::new();
        let mut size = 0u64;
        let mut overflowed = false;
        // The message exists once its `From ` line (or, before the first one, some text) is read.
        let mut exists = self.started;
        // At the start of the file a `From ` line starts a message, as after an empty line.
        let mut previous_empty = !self.started;
        self.started = false;
        loop {
            // Lines are kept up to the message's bound, and always far enough to see a `From `.
            let keep = self.limit.saturating_sub(content.len()).max(8);
            let Some(line) = bounded::read_line(&mut self.reader, &mut self.line, keep)? else {
                self.done = true;
                break;
            };
            let text = &self.line[..];
            let blank = text == b"\n" || text == b"\r\n";
            if previous_empty && text.starts_with(b"From ") {
                if exists {
                    self.started = true;
                    return Ok(Some(finish(content, size, overflowed)));
                }
                exists = true;
                previous_empty = false;
                continue;
            }
            exists |= !blank;
            previous_empty = blank;
            // `>From ` → `From `, `>>From ` → `>From ` (mboxrd).
            let quoted = text.iter().take_while(|&&b| b == b'>').count();
            let unquote = usize::from(quoted > 0 && text[quoted..].starts_with(b"From "));
            size += line.length - unquote as u64;
            let whole = self.line.len() as u64 == line.length;
            if overflowed || !whole || content.len() + text.len() - unquote > self.limit {
                overflowed = true;
                content = Vec::new();
            } else {
                content.extend_from_slice(&text[unquote..]);
            }
        }
        Ok(exists.then(|| finish(content, size, overflowed)))
    }
}

fn finish(content: Vec<u8>, size: u64, overflowed: bool) -> Message {
    Message {
        content: if overflowed { Err(size) } else { Ok(content) },
    }
}

impl<R: BufRead> Iterator for Mbox<R> {
    type Item = io::Result<Message>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.read_message() {
            Ok(Some(m)) => Some(Ok(m)),
            Ok(None) => None,
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(input: &[u8], limit: usize) -> Vec<Result<String, u64>> {
        Mbox::with_limit(io::BufReader::with_capacity(7, input), limit)
            .map(|m| m.unwrap().content.map(|c| String::from_utf8(c).unwrap()))
            .collect()
    }

    #[test]
    fn splits_at_from_lines_and_unquotes() {
        let mbox = b"From a@example.com Mon Jan  1 00:00:00 2024\nSubject: one\n\n>From here on\n>>From x\nmid From line\n\nFrom b@example.com Tue Jan  2 00:00:00 2024\nSubject: two\n\nbody\n";
        assert_eq!(
            messages(mbox, 1000),
            vec![
                Ok("Subject: one\n\nFrom here on\n>From x\nmid From line\n\n".to_string()),
                Ok("Subject: two\n\nbody\n".to_string()),
            ]
        );
        // A `From ` line not after an empty line is text.
        let mbox = b"From a Mon\nSubject: x\nFrom b Tue\n";
        assert_eq!(
            messages(mbox, 1000),
            vec![Ok("Subject: x\nFrom b Tue\n".to_string())]
        );
        assert!(messages(b"", 1000).is_empty());
    }

    #[test]
    fn a_message_past_the_bound_is_measured_and_the_next_is_read() {
        let big = "x".repeat(100);
        let mbox = format!("From a\nSubject: big\n\n{big}\n{big}\n\nFrom b\nSubject: small\n\n");
        let got = messages(mbox.as_bytes(), 50);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], Err(13 + 1 + 101 + 101 + 1));
        assert_eq!(got[1], Ok("Subject: small\n\n".to_string()));
    }
}
