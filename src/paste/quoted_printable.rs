//! Quoted-printable mail bodies (`=3D`, soft line breaks), decoded by the `quoted_printable` crate
//! when the text shows it is one.

use super::contains;

/// Quoted-printable: said by a header, or soft line breaks (`=` at a line's end) together with
/// encoded bytes (`=3D`, `=20`, `=E2`). Without such evidence a `=` at a line's end is text.
pub(super) fn looks_quoted_printable(t: &str) -> bool {
    let lower_head: String = t
        .chars()
        .take(4000)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower_head.contains("content-transfer-encoding: quoted-printable") {
        return true;
    }
    let soft = contains(t, "=\n");
    soft && ["=3D", "=20", "=E2", "=C2", "=C3", "=09"]
        .iter()
        .any(|e| contains(t, e))
}

/// The text decoded (lossily: a byte sequence that is no UTF-8 becomes U+FFFD).
pub(super) fn decode(t: &str) -> String {
    let bytes = quoted_printable::decode(t.as_bytes(), quoted_printable::ParseMode::Robust)
        .unwrap_or_else(|_| t.as_bytes().to_vec());
    String::from_utf8_lossy(&bytes).into_owned()
}
