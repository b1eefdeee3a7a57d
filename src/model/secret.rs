//! Secrets (client secrets, refresh tokens) live in [`Secret`], whose `Debug` and `Display`
//! never print the value. The only ways to the value are [`Secret::expose`] (for the code that
//! must use it: copying, a live test) and serialisation through [`crate::report::view`], which masks
//! unless the caller asked to reveal.

use sha2::{Digest, Sha256};
use std::fmt;

/// A secret value. Cloning is allowed (the popup needs a copy to put on the clipboard), printing
/// is not.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The value itself. Call sites are few and deliberate: grep for `expose(`.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Number of characters, safe to show.
    pub fn len(&self) -> usize {
        self.0.chars().count()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A short fingerprint (first 8 hex digits of SHA-256) that lets two people confirm they
    /// hold the same value without showing it. Eight hex digits is 32 bits: enough to tell two
    /// honest copies apart, far too little to recover a 100-character secret.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.0)
    }

    /// The masked form shown by default: a few bullets, the length and the fingerprint.
    pub fn masked(&self) -> String {
        format!("•••• ({} chars, sha256:{})", self.len(), self.fingerprint())
    }
}

/// Fingerprint of any string: the first 8 hex digits of its SHA-256.
pub fn fingerprint(value: &str) -> String {
    let digest = Sha256::digest(value.as_bytes());
    digest[..4].iter().map(|b| format!("{b:02x}")).collect()
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.masked())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_value() {
        let s = Secret::new("supersecretvalue1234567890");
        assert!(!format!("{s:?}").contains("supersecret"));
        assert!(!format!("{s}").contains("supersecret"));
        assert!(format!("{s}").contains("26 chars"));
    }

    #[test]
    fn fingerprint_is_stable_and_short() {
        assert_eq!(fingerprint("abc"), "ba7816bf");
        assert_eq!(Secret::new("abc").fingerprint(), "ba7816bf");
    }
}
