//! Files that hold a ticket, and their text: what the Verify page opens when a file is dropped
//! or chosen, and what `wdcap check` reads from a ticket queue. One rule for both: a mail file
//! (`.eml`) is read as a message ([`super::mime`]), the others as UTF-8 text (HTML and JSON are
//! text the extraction reads as such).

use crate::model::limits;
use std::fmt;

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A mail message: MIME parts decoded.
    Mail,
    /// UTF-8 text: a ticket, an e-mail pasted into a file, Markdown, HTML, JSON.
    Text,
}

/// The name endings of each kind, without the dot, lower case. The Verify page offers these
/// (`extension/shared/generated/lists.js`); a ticket folder given to `wdcap check` is searched
/// for them.
pub const MAIL_EXTENSIONS: &[&str] = &["eml"];
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "json"];

/// The kind of a file by its name, or `None` for a file that holds no ticket (an image, a PDF).
pub fn kind_of(name: &str) -> Option<FileKind> {
    let (_, extension) = name.rsplit_once('.')?;
    let extension = extension.to_ascii_lowercase();
    if MAIL_EXTENSIONS.contains(&extension.as_str()) {
        Some(FileKind::Mail)
    } else if TEXT_EXTENSIONS.contains(&extension.as_str()) {
        Some(FileKind::Text)
    } else {
        None
    }
}

/// Why a ticket could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Larger than wdcap reads: `bytes` (at least; a stream is not read past the limit).
    TooLarge { bytes: u64, limit: usize },
    /// Not UTF-8 text.
    NotText,
    /// The file or stream could not be read (the system's reason).
    Io(String),
}

impl Unreadable {
    /// A stable code: `too_large`, `not_text`, `unreadable` (the wasm boundary's error codes,
    /// the ticket queue's JSON lines).
    pub fn code(&self) -> &'static str {
        match self {
            Unreadable::TooLarge { .. } => "too_large",
            Unreadable::NotText => "not_text",
            Unreadable::Io(_) => "unreadable",
        }
    }
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unreadable::TooLarge { bytes, limit } => f.write_str(&limits::too_large(
                "it",
                usize::try_from(*bytes).unwrap_or(usize::MAX),
                *limit,
            )),
            Unreadable::NotText => f.write_str("it is not UTF-8 text"),
            Unreadable::Io(reason) => write!(f, "it cannot be read: {reason}"),
        }
    }
}

/// The text of a file of kind `kind` holding `bytes`. A mail file without mail headers is read
/// as text. The text is refused past [`limits::MAX_PASTE_BYTES`], a mail file's bytes (its
/// attachments included) past [`limits::MAX_MAIL_BYTES`].
pub fn text_of(kind: FileKind, bytes: &[u8]) -> Result<String, Unreadable> {
    let limit = match kind {
        FileKind::Mail => limits::MAX_MAIL_BYTES,
        FileKind::Text => limits::MAX_PASTE_BYTES,
    };
    if bytes.len() > limit {
        return Err(Unreadable::TooLarge {
            bytes: bytes.len() as u64,
            limit,
        });
    }
    let text = match kind {
        FileKind::Mail => match super::mime::message_text(bytes) {
            Some(text) => text,
            None => plain(bytes)?,
        },
        FileKind::Text => plain(bytes)?,
    };
    if text.len() > limits::MAX_PASTE_BYTES {
        return Err(Unreadable::TooLarge {
            bytes: text.len() as u64,
            limit: limits::MAX_PASTE_BYTES,
        });
    }
    Ok(text)
}

/// UTF-8 text, a byte-order mark dropped.
fn plain(bytes: &[u8]) -> Result<String, Unreadable> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|_| Unreadable::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name() {
        assert_eq!(kind_of("Ticket 4711.EML"), Some(FileKind::Mail));
        assert_eq!(kind_of("notes.md"), Some(FileKind::Text));
        assert_eq!(kind_of("a.b/page.htm"), Some(FileKind::Text));
        assert_eq!(kind_of("screenshot.png"), None);
        assert_eq!(kind_of("README"), None);
    }

    #[test]
    fn text_mail_and_refusals() {
        assert_eq!(text_of(FileKind::Text, b"\xEF\xBB\xBFhi").unwrap(), "hi");
        assert_eq!(text_of(FileKind::Text, b"\xff"), Err(Unreadable::NotText));
        // A "mail" without headers is its text.
        assert_eq!(
            text_of(FileKind::Mail, b"Client ID: abc").unwrap(),
            "Client ID: abc"
        );
        let mail = text_of(FileKind::Mail, b"Subject: hi\n\nClient ID: abc\n").unwrap();
        assert_eq!(mail, "Subject: hi\n\nClient ID: abc\n\n");
        let big = vec![b'a'; limits::MAX_PASTE_BYTES + 1];
        let refused = text_of(FileKind::Text, &big).unwrap_err();
        assert_eq!(refused.code(), "too_large");
        assert!(refused.to_string().contains("16.0 MiB"), "{refused}");
    }
}
