//! English (and other languages') label texts the recognisers rely on, one place per page.
//! The data lives in `labels/<lang>.toml` and is compiled into static tables by `build.rs`, so
//! supporting another display language is one file. A recogniser names a label by its typed
//! key, `keys::<page id>::<KEY>`, generated from the English file: a key that does not exist
//! does not compile, and another language's file may only translate keys English declares.

use crate::model::page_id::PageId;
use crate::snapshot::fold_whitespace;

include!(concat!(env!("OUT_DIR"), "/labels.rs"));

/// One label of one page (a key of `labels/en.toml`). Only the generated constants in
/// [`keys`] make one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    page: PageId,
    key: &'static str,
}

impl Label {
    const fn new(page: PageId, key: &'static str) -> Self {
        Label { page, key }
    }

    /// The page the label belongs to.
    pub fn page(self) -> PageId {
        self.page
    }

    /// The key in `labels/<lang>.toml`.
    pub fn key(self) -> &'static str {
        self.key
    }

    /// Every text of this label, in every language.
    pub fn texts(self) -> impl Iterator<Item = &'static str> {
        let page = self.page.as_str();
        LABELS
            .iter()
            .filter(move |l| l.page == page && l.key == self.key)
            .flat_map(|l| l.texts.iter().copied())
    }

    /// Whether `text` is this label in any language (case and white space ignored).
    pub fn matches(self, text: &str) -> bool {
        let text = fold_whitespace(text);
        let lower = text.to_lowercase();
        self.texts()
            .any(|t| t.eq_ignore_ascii_case(&text) || t.to_lowercase() == lower)
    }
}

/// The first of `labels` whose text, in any language, is `text`.
pub fn which(labels: &[Label], text: &str) -> Option<Label> {
    labels.iter().copied().find(|l| l.matches(text))
}

/// A page's yes and no texts, for a yes/no field shown as text.
#[derive(Debug, Clone, Copy)]
pub struct YesNo {
    pub yes: Label,
    pub no: Label,
}

impl YesNo {
    /// `Some(true)` for the yes text, `Some(false)` for the no text.
    pub fn read(self, text: &str) -> Option<bool> {
        if self.yes.matches(text) {
            Some(true)
        } else if self.no.matches(text) {
            Some(false)
        } else {
            None
        }
    }
}

/// Languages present in the label data.
pub fn languages() -> Vec<&'static str> {
    let mut langs: Vec<&str> = LABELS.iter().map(|l| l.lang).collect();
    langs.sort_unstable();
    langs.dedup();
    langs
}

/// Every label of every page, in every language (for the docs and the conventions tests).
pub fn entries() -> &'static [LabelEntry] {
    LABELS
}

/// One compiled entry of the label data.
#[derive(Debug)]
pub struct LabelEntry {
    pub lang: &'static str,
    pub page: &'static str,
    pub key: &'static str,
    pub texts: &'static [&'static str],
}
