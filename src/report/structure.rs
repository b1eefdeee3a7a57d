//! A page's structure for a bug report: the snapshot with every text and attribute value
//! replaced by its shape (`‹text 14›`, `‹token URL›`, `‹hex 32›`, `‹base64 48›`, `‹uuid›`,
//! `‹number 3›` …); only what names things is kept: titles, headings, field labels, legends,
//! column headers and tab labels (`crate::pages::workday_dom::naming_elements`), the hooks
//! (`data-automation-id`, `data-testid`, the widget names) and the roles. Ids keep the links
//! between a label and its input (`for`, `aria-labelledby`) as numbers in place of their text.
//!
//! It never holds a captured value or a secret: what wdcap captures on the page (its values and
//! the names of the objects it reads) is shaped wherever it appears, kept text included, and so
//! is any word of kept text that looks like a value (a URL, a long token, an e-mail address).
//! The copy reads again as a snapshot (`wdcap scan` takes it): a recogniser still finds its page
//! by its title and labels.

use crate::model::settings::{names, SettingValue};
use crate::pages::{self, unclaimed, workday_dom, Page};
use crate::snapshot::{Snapshot, WireSnapshot};
use crate::workday::endpoint::{Endpoint, EndpointKind};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Attributes that are hooks or roles: kept, but for a word of them that looks like a value.
const HOOKS: &[&str] = &[
    "data-automation-id",
    "data-testid",
    "data-uxi-widget-type",
    "data-automation-widget",
    "role",
];
/// Attributes whose values are a state from a short list (`true`, `checkbox`, `2`).
const STATES: &[&str] = &[
    "type",
    "aria-hidden",
    "aria-busy",
    "aria-checked",
    "aria-selected",
    "checked",
    "aria-level",
];
/// Attributes that name the element the way its text does: kept where its text is.
const NAMING_ATTRIBUTES: &[&str] = &["title", "aria-label", "data-automation-label"];
/// Attributes holding ids (several in `aria-labelledby`).
const ID_ATTRIBUTES: &[&str] = &["id", "for", "aria-labelledby"];
/// The settings that name an object the page is about: captured values too.
const NAMING_SETTINGS: &[&str] = &[
    names::CLIENT_NAME,
    names::API_CLIENT,
    names::SECURITY_GROUP,
    names::SECURITY_GROUP_MEMBERS,
    names::ISU_USER_NAME,
    names::WORKDAY_ACCOUNT,
    names::REPORT_NAME,
    names::REPORT_OWNER,
    names::REPORT_SHARED_WITH,
    names::REDIRECTION_URI,
    names::OBJECT_NAME,
    names::WORKDAY_ID,
    names::ORGANIZATION_ROOT,
];

/// The structure of `snapshot`, safe to paste into a bug report.
pub fn page_structure(snapshot: &Snapshot) -> WireSnapshot {
    let captured = captured_values(snapshot);
    let mut kept: HashSet<usize> = HashSet::new();
    for n in workday_dom::naming_elements(snapshot) {
        kept.extend(n..snapshot.subtree_end(n));
    }
    let mut ids = Ids::default();
    let mut wire = snapshot.to_wire();
    for (i, node) in wire.nodes.iter_mut().enumerate() {
        let keep = kept.contains(&i);
        if let Some(text) = node.text.as_mut() {
            *text = if keep {
                scrub(text, &captured)
            } else {
                shaped_text(text)
            };
        }
        let attrs = std::mem::take(&mut node.attrs);
        node.attrs = attrs
            .into_iter()
            .map(|(name, value)| {
                let shaped = match name.as_str() {
                    n if HOOKS.contains(&n) => hook(&value, &captured),
                    n if STATES.contains(&n) => state(&value),
                    n if NAMING_ATTRIBUTES.contains(&n) && keep => scrub(&value, &captured),
                    n if ID_ATTRIBUTES.contains(&n) => ids.of_list(&value),
                    _ => shape(&value),
                };
                (name, shaped)
            })
            .collect::<BTreeMap<_, _>>();
    }
    wire.url = page_address(&wire.url);
    wire.title = scrub(&wire.title, &captured);
    wire
}

/// Every value the page yields (its recogniser's, else the connection URLs of a page none
/// claims) and the names of the objects it reads, longest first.
fn captured_values(snapshot: &Snapshot) -> Vec<String> {
    let page = Page::new(snapshot);
    let mut out: Vec<String> = match pages::recognise(&page) {
        Some(c) => {
            let mut v: Vec<String> = c.params.iter().map(|p| p.raw().to_string()).collect();
            for s in c
                .settings
                .iter()
                .filter(|s| NAMING_SETTINGS.contains(&s.name.as_str()))
            {
                match &s.value {
                    SettingValue::Text(t) => v.push(t.clone()),
                    SettingValue::List(l) => v.extend(l.iter().cloned()),
                    _ => {}
                }
            }
            v
        }
        None => unclaimed::connection_urls(snapshot)
            .iter()
            .map(|p| p.raw().to_string())
            .collect(),
    };
    out.retain(|v| v.trim().chars().count() >= 3);
    out.sort_by_key(|v| std::cmp::Reverse(v.len()));
    out.dedup();
    out
}

/// A hook or a role: kept, unless a captured value is in it or the whole of it is a value's shape
/// (a token, a URL) rather than a name.
fn hook(value: &str, captured: &[String]) -> String {
    if captured.iter().any(|v| value.contains(v.trim())) {
        return shape(value);
    }
    let shaped = shape(value);
    if shaped.starts_with("‹text") || shaped.starts_with("‹number") {
        value.to_string()
    } else {
        shaped
    }
}

/// Kept text: each captured value in it, and each word that looks like a value, shaped.
fn scrub(text: &str, captured: &[String]) -> String {
    let mut out = text.to_string();
    for v in captured {
        let v = v.trim();
        if out.contains(v) {
            out = out.replace(v, &shape(v));
        }
    }
    out.split_inclusive(char::is_whitespace)
        .map(|word| {
            let bare = word.trim_end();
            if looks_like_value(bare) {
                format!("{}{}", shape(bare), &word[bare.len()..])
            } else {
                word.to_string()
            }
        })
        .collect()
}

/// A word of kept text that is a value rather than a word of a name: a URL, an e-mail address, a
/// long token mixing letters and digits, a long run of digits.
fn looks_like_value(word: &str) -> bool {
    let n = word.chars().count();
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    word.contains("://")
        || (word.contains('@') && word.contains('.'))
        || (n >= 12 && digits > 0 && letters > 0 && !word.starts_with('‹'))
        || digits >= 6
}

/// A text node's shape; white space alone stays as it is.
fn shaped_text(text: &str) -> String {
    if text.trim().is_empty() {
        text.to_string()
    } else {
        shape(text)
    }
}

/// An attribute that is a state: kept when it is a short word, else shaped.
fn state(value: &str) -> String {
    if value.len() <= 16 && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        value.to_string()
    } else {
        shape(value)
    }
}

/// The shape of a value: what kind of thing it is and how long, never what it says.
pub fn shape(value: &str) -> String {
    let v = value.trim();
    let n = v.chars().count();
    if v.is_empty() {
        return String::new();
    }
    if v.contains("://") {
        let what = match Endpoint::parse(v).ok() {
            Some(e) if e.is_workday() => match e.kind {
                Some(EndpointKind::Rest) => "REST URL",
                Some(EndpointKind::Token) => "token URL",
                Some(EndpointKind::Authorize) => "authorization URL",
                Some(EndpointKind::Soap) => "SOAP URL",
                Some(EndpointKind::Raas) => "RaaS URL",
                Some(EndpointKind::Ui) => "Workday page URL",
                None => "Workday URL",
            },
            _ => "URL",
        };
        return format!("‹{what}›");
    }
    if v.starts_with('/') && !v.contains(char::is_whitespace) {
        return "‹path›".into();
    }
    let is_hex = |c: char| c.is_ascii_hexdigit();
    let parts: Vec<&str> = v.split('-').collect();
    if parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
        && parts.iter().all(|p| p.chars().all(is_hex))
    {
        return "‹uuid›".into();
    }
    if v.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}'))
        && v.chars().any(|c| c.is_ascii_digit())
    {
        return format!(
            "‹number {}›",
            v.chars().filter(char::is_ascii_digit).count()
        );
    }
    if n >= 8 && v.chars().all(is_hex) && v.chars().any(|c| c.is_ascii_digit()) {
        return format!("‹hex {n}›");
    }
    if !v.contains(char::is_whitespace) && v.contains('@') {
        return "‹e-mail›".into();
    }
    if n >= 16
        && v.chars().any(|c| c.is_ascii_digit())
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '_' | '-'))
    {
        return format!("‹base64 {n}›");
    }
    format!("‹text {n}›")
}

/// The page's address with its tenant (as the word `tenant`) and query left out: the host and
/// the task's path.
fn page_address(url: &str) -> String {
    let Ok(e) = Endpoint::parse(url) else {
        return if url.is_empty() {
            String::new()
        } else {
            shape(url)
        };
    };
    let mut u = e.url.clone();
    u.set_query(None);
    u.set_fragment(None);
    let _ = u.set_username("");
    let _ = u.set_password(None);
    if let Some(t) = e.tenant.as_ref() {
        let path: Vec<String> = u
            .path_segments()
            .map(|segs| {
                segs.map(|s| {
                    if s == t.as_str() {
                        "tenant".to_string()
                    } else {
                        s.to_string()
                    }
                })
                .collect()
            })
            .unwrap_or_default();
        u.set_path(&path.join("/"));
    }
    u.to_string()
}

/// Ids in place of their text, the same number for the same id everywhere, so `for` and
/// `aria-labelledby` still point at their label; an id naming a label keeps saying so.
#[derive(Default)]
struct Ids(HashMap<String, usize>);

impl Ids {
    fn of(&mut self, id: &str) -> String {
        let next = self.0.len() + 1;
        let n = *self.0.entry(id.to_string()).or_insert(next);
        if id.contains("formLabel") {
            format!("formLabel‹id {n}›")
        } else {
            format!("‹id {n}›")
        }
    }

    fn of_list(&mut self, ids: &str) -> String {
        ids.split_whitespace()
            .map(|id| self.of(id))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_say_what_a_value_is_and_how_long() {
        assert_eq!(shape("Acme Learning Sync"), "‹text 18›");
        assert_eq!(
            shape("https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token"),
            "‹token URL›"
        );
        assert_eq!(shape("https://example.org/x"), "‹URL›");
        assert_eq!(shape("0123456789abcdef0123456789abcdef"), "‹hex 32›");
        assert_eq!(
            shape("OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm"),
            "‹base64 48›"
        );
        assert_eq!(shape("123e4567-e89b-12d3-a456-426614174000"), "‹uuid›");
        assert_eq!(shape("180"), "‹number 3›");
        assert_eq!(shape("dana@example.com"), "‹e-mail›");
        assert_eq!(shape("/acme/d/task/2997$2151.htmld"), "‹path›");
    }

    #[test]
    fn kept_text_loses_its_values_but_not_its_words() {
        let captured = vec!["Acme Sync".to_string()];
        assert_eq!(
            scrub("View API Client: Acme Sync", &captured),
            "View API Client: ‹text 9›"
        );
        assert_eq!(
            scrub("Client ID OGQyMzYyYjYtZDhmZC00YTA4 (Secret)", &[]),
            "Client ID ‹base64 24› (Secret)"
        );
        assert_eq!(
            page_address("https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld?x=secret"),
            "https://wd3-impl.workday.com/tenant/d/task/2997$2151.htmld"
        );
    }
}
