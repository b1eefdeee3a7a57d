//! English (and other languages') label texts the recognisers rely on, one place per page.
//! The data lives in `labels/<lang>.toml` and is compiled into static tables by `build.rs`, so
//! supporting another display language is one file.

use crate::model::page_id::PageId;
use crate::snapshot::fold_whitespace;

include!(concat!(env!("OUT_DIR"), "/labels.rs"));

/// Every text, in every language, for `key` on `page`.
pub fn texts<'k>(page: PageId, key: &'k str) -> impl Iterator<Item = &'static str> + 'k {
    let page = page.as_str();
    LABELS
        .iter()
        .filter(move |l| l.page == page && l.key == key)
        .flat_map(|l| l.texts.iter().copied())
}

/// Whether `text` is the label `key` of `page` in any language (case and white space ignored).
pub fn matches(page: PageId, key: &str, text: &str) -> bool {
    let text = fold_whitespace(text);
    texts(page, key)
        .any(|t| t.eq_ignore_ascii_case(&text) || t.to_lowercase() == text.to_lowercase())
}

/// Languages present in the label data.
pub fn languages() -> Vec<&'static str> {
    let mut langs: Vec<&str> = LABELS.iter().map(|l| l.lang).collect();
    langs.sort_unstable();
    langs.dedup();
    langs
}

/// One compiled entry of the label data.
#[derive(Debug)]
pub struct LabelEntry {
    pub lang: &'static str,
    pub page: &'static str,
    pub key: &'static str,
    pub texts: &'static [&'static str],
}
