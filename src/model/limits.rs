//! Input limits, enforced at the edges (the CLI, the wasm boundary, the native HTML loader) so
//! that every input ends in a result or a clear refusal, never a hang or an out-of-memory
//! (`tests/it/bounds.rs` holds each to it). The core's own functions stay linear within
//! them. Documented for users in `docs/benchmarks.md`.
//!
//! | input | limit | past it |
//! | --- | --- | --- |
//! | pasted text (`wdcap check`, wasm `checkText`) | [`MAX_PASTE_BYTES`] | refused: exit 2 / `too_large` |
//! | saved page (`wdcap scan`, `wdcap snapshot`) | [`MAX_HTML_BYTES`] | refused: exit 2 |
//! | a mail file, attachments included (`.eml`, a message of an mbox) | [`MAX_MAIL_BYTES`] | that ticket refused |
//! | element nesting in a saved page | [`crate::snapshot::MAX_DEPTH`] | refused: exit 2 |
//! | element nesting in a snapshot | [`crate::snapshot::MAX_DEPTH`] | deeper nodes flattened, in order |
//! | nodes in a snapshot | [`crate::snapshot::MAX_NODES`] | refused (`bad_snapshot`); the snapshotters stop there |

/// Largest paste read: 16 MiB. A support ticket, an e-mail thread or a chat log is a few
/// hundred kilobytes; checking 10 MB takes well under a second (docs/benchmarks.md).
pub const MAX_PASTE_BYTES: usize = 16 << 20;

/// Largest saved page read: 64 MiB (a saved 10 000-row report is about 10 MB).
pub const MAX_HTML_BYTES: usize = 64 << 20;

/// Largest mail message read (an `.eml` file, one message of an mbox): 64 MiB, attachments
/// included (base64 makes them a third larger). Its text is then held to [`MAX_PASTE_BYTES`].
pub const MAX_MAIL_BYTES: usize = 64 << 20;

/// A size for people: `16 MiB`, `50.0 MB`-style figures are easy to misread, so bytes too.
pub fn describe(bytes: usize) -> String {
    format!(
        "{:.1} MiB ({bytes} bytes)",
        bytes as f64 / (1u64 << 20) as f64
    )
}

/// Why an input was refused, in one line.
pub fn too_large(what: &str, bytes: usize, limit: usize) -> String {
    format!(
        "{what} is {}, more than the {} wdcap reads",
        describe(bytes),
        describe(limit)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_name_both_sizes() {
        let m = too_large("standard input", 50 << 20, MAX_PASTE_BYTES);
        assert_eq!(
            m,
            "standard input is 50.0 MiB (52428800 bytes), more than the 16.0 MiB (16777216 bytes) wdcap reads"
        );
    }
}
