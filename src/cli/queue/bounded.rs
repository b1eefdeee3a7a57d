//! Reading lines without holding more than a bound of any one of them: an mbox or a JSON Lines
//! export of any size, with lines of any length, is read in bounded memory.

use std::io::{self, BufRead};

/// One line read: its bytes up to the bound (the line break included when kept), and its whole
/// length.
pub struct Line {
    pub length: u64,
}

/// Reads the next line (through `\n`) from `reader` into `line` (cleared first), keeping at most
/// `keep` bytes of it; the rest is read and dropped. `None` at the end of the input.
pub fn read_line(
    reader: &mut impl BufRead,
    line: &mut Vec<u8>,
    keep: usize,
) -> io::Result<Option<Line>> {
    line.clear();
    let mut length = 0u64;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok((length > 0).then_some(Line { length }));
        }
        let (take, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        let room = keep.saturating_sub(line.len());
        line.extend_from_slice(&buf[..take.min(room)]);
        length += take as u64;
        reader.consume(take);
        if done {
            return Ok(Some(Line { length }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cut_at_the_bound_and_measured_whole() {
        let mut input = io::BufReader::with_capacity(4, &b"short\na very long line\n\nlast"[..]);
        let mut line = Vec::new();
        let l = read_line(&mut input, &mut line, 8).unwrap().unwrap();
        assert_eq!((l.length, &line[..]), (6, &b"short\n"[..]));
        let l = read_line(&mut input, &mut line, 8).unwrap().unwrap();
        assert_eq!((l.length, &line[..]), (17, &b"a very l"[..]));
        let l = read_line(&mut input, &mut line, 8).unwrap().unwrap();
        assert_eq!((l.length, &line[..]), (1, &b"\n"[..]));
        let l = read_line(&mut input, &mut line, 8).unwrap().unwrap();
        assert_eq!((l.length, &line[..]), (4, &b"last"[..]));
        assert!(read_line(&mut input, &mut line, 8).unwrap().is_none());
    }
}
