//! Free-text extraction: every parameter in pasted text: e-mails (quoted-printable included),
//! tickets, chat logs, Markdown, HTML, JSON, `key: value` lists; values wrapped across lines, in
//! angle brackets, quotes or code spans.
//!
//! A value's kind comes from its shape first (a token URL is a token endpoint whatever its
//! label; 48 characters of base64 that decode to a UUID are a client ID), from the label near it
//! second (`Client ID:` before a value of no known shape), and when neither decides, the
//! parameter says so ([`Param::ambiguous_with`]: an unlabelled 100-character `[a-z0-9]` value is
//! a client secret or a refresh token). The label a value came with is kept in its source, so
//! `swapped-values` can say "the value labelled Client ID is a secret".
//!
//! The whole pass is linear in the input (a 10 MB paste is fine): every line is scanned once,
//! the label search looks at a bounded window before each value, and nothing indexes into the
//! text without checking character boundaries, so no input can make it panic.

use crate::endpoint::Endpoint;
use crate::param::{Param, ParamKind, Source};
use crate::settings::{names, Setting, SettingValue};
use crate::values;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What extraction found.
#[derive(Debug, Default)]
pub struct Extracted {
    pub params: Vec<Param>,
    /// Settings the text shows: the columns of a pasted RaaS JSON sample (`report_fields`).
    pub settings: Vec<Setting>,
    /// Pasted RaaS JSON samples, for the checks only (they hold people's data, so they never
    /// go into a report).
    pub samples: Vec<ReportSample>,
}

/// A RaaS JSON sample (`{"Report_Entry": [{…}]}`, notes §4): its columns, and the distinct
/// values of its columns that have few of them (the categorical ones a partner restricts:
/// status, locale, yes/no).
#[derive(Debug, Clone, Default)]
pub struct ReportSample {
    pub columns: Vec<String>,
    pub values: BTreeMap<String, BTreeSet<String>>,
}

/// A column with more distinct values than this is not categorical; its values are dropped.
const MAX_DISTINCT: usize = 12;
/// How far back from a value the label search looks (bytes).
const LABEL_WINDOW: usize = 96;
/// The longest delimited value (`"…"`, `` `…` ``) taken as one value.
const MAX_DELIMITED: usize = 400;

/// Every parameter found in `text`, in order of appearance.
pub fn extract(text: &str) -> Vec<Param> {
    extract_all(text).params
}

/// Parameters, settings and report samples found in `text`.
pub fn extract_all(text: &str) -> Extracted {
    let decoded = decode(text);
    let text = decoded.as_ref();
    let mut out = Extracted::default();
    let samples = report_samples(text);
    for s in &samples {
        out.settings.push(Setting::new(
            names::REPORT_FIELDS,
            SettingValue::List(s.columns.clone()),
        ));
    }
    out.samples = samples;
    let reported = crate::reported_errors::find(text);
    if !reported.is_empty() {
        out.settings.push(Setting::new(
            names::REPORTED_ERRORS,
            SettingValue::List(reported.iter().map(|e| e.code()).collect()),
        ));
    }
    let trimmed = text.trim_start();
    let whole_json = (trimmed.starts_with('{') || trimmed.starts_with('['))
        .then(|| serde_json::from_str::<serde_json::Value>(text).ok())
        .flatten();
    let mut sink = Sink::default();
    match whole_json {
        Some(json) => walk_json(&json, None, &mut sink),
        None => Scanner::new(text).run(&mut sink),
    }
    out.params = sink.params;
    out
}

// ---------------------------------------------------------------------------------------------
// Decoding: line endings, quoted-printable, HTML.

/// The text as a person reads it: `\r\n` folded, quoted-printable decoded when the text is
/// quoted-printable, HTML reduced to its text (with link targets kept), entities decoded, link
/// markup reduced to URLs (`link_markup`), OAuth form bodies spread out (`form_body`).
fn decode(text: &str) -> Cow<'_, str> {
    let mut t: Cow<str> = if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    if looks_quoted_printable(&t) {
        let bytes = quoted_printable::decode(t.as_bytes(), quoted_printable::ParseMode::Robust)
            .unwrap_or_else(|_| t.as_bytes().to_vec());
        t = Cow::Owned(String::from_utf8_lossy(&bytes).into_owned());
    }
    if looks_html(&t) {
        t = Cow::Owned(html_to_text(&t));
    }
    if has_entities(&t) {
        t = Cow::Owned(decode_entities(t.as_ref()));
    }
    // Link markup of mail and chat tools, and OAuth form bodies, rewritten within their lines.
    if let Cow::Owned(s) = crate::link_markup::normalise(&t) {
        t = Cow::Owned(s);
    }
    if let Cow::Owned(s) = crate::form_body::spread(&t) {
        t = Cow::Owned(s);
    }
    t
}

/// Named entities decoded in pasted text: the ones HTML mail and ticket systems write around
/// connection parameters (markup escapes, spaces, quotes and dashes, accented letters of the
/// French and German labels). Any other `&name;` stays as written.
///
/// Exception to "use the library" (issue #7, wasm size): `html-escape` carries the whole HTML5
/// table of 2 231 entities, about 60 KB of the wasm module, for these few.
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwsp", '\u{200b}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("shy", '\u{ad}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("ldquo", '\u{201c}'),
    ("rdquo", '\u{201d}'),
    ("laquo", '\u{ab}'),
    ("raquo", '\u{bb}'),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("hellip", '\u{2026}'),
    ("bull", '\u{2022}'),
    ("middot", '\u{b7}'),
    ("copy", '\u{a9}'),
    ("reg", '\u{ae}'),
    ("trade", '\u{2122}'),
    ("euro", '\u{20ac}'),
    ("agrave", '\u{e0}'),
    ("acirc", '\u{e2}'),
    ("auml", '\u{e4}'),
    ("ccedil", '\u{e7}'),
    ("eacute", '\u{e9}'),
    ("egrave", '\u{e8}'),
    ("ecirc", '\u{ea}'),
    ("euml", '\u{eb}'),
    ("icirc", '\u{ee}'),
    ("iuml", '\u{ef}'),
    ("ocirc", '\u{f4}'),
    ("ouml", '\u{f6}'),
    ("ugrave", '\u{f9}'),
    ("ucirc", '\u{fb}'),
    ("uuml", '\u{fc}'),
    ("szlig", '\u{df}'),
    ("Eacute", '\u{c9}'),
    ("Auml", '\u{c4}'),
    ("Ouml", '\u{d6}'),
    ("Uuml", '\u{dc}'),
];

/// Decodes `&name;` (see [`NAMED_ENTITIES`]), `&#NNN;` and `&#xHH;`; anything else (an unknown
/// name, a number that is no character, a missing `;`) is kept as written.
fn decode_entities(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        // Entity names and numbers are short; a `;` further away is not this entity's.
        let decoded = after
            .bytes()
            .take(12)
            .position(|b| b == b';')
            .and_then(|semi| {
                let body = &after[..semi];
                let ch = if let Some(num) = body.strip_prefix('#') {
                    let n = match num.strip_prefix(['x', 'X']) {
                        Some(hex) if hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                            u32::from_str_radix(hex, 16).ok()
                        }
                        Some(_) => None,
                        None if num.bytes().all(|b| b.is_ascii_digit()) => num.parse().ok(),
                        None => None,
                    };
                    n.and_then(char::from_u32).filter(|c| *c != '\0')
                } else {
                    NAMED_ENTITIES
                        .iter()
                        .find(|(name, _)| *name == body)
                        .map(|(_, c)| *c)
                };
                ch.map(|c| (c, semi + 1))
            });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Quoted-printable: said by a header, or soft line breaks (`=` at a line's end) together with
/// encoded bytes (`=3D`, `=20`, `=E2`). Without such evidence a `=` at a line's end is text.
fn looks_quoted_printable(t: &str) -> bool {
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

fn looks_html(t: &str) -> bool {
    let head: String = t
        .chars()
        .take(20_000)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<html", "<body", "<div", "<p>", "<p ", "<br", "<table", "<td", "<span", "<a href",
    ]
    .iter()
    .any(|m| head.contains(m))
}

fn has_entities(t: &str) -> bool {
    ["&amp;", "&lt;", "&gt;", "&quot;", "&#", "&nbsp;", "&apos;"]
        .iter()
        .any(|e| contains(t, e))
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "tr",
    "li",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
    "dt",
    "dd",
    "title",
    "section",
    "article",
    "header",
    "footer",
    "html",
    "body",
    "head",
];
const CELL_TAGS: &[&str] = &["td", "th"];
const INLINE_TAGS: &[&str] = &[
    "a", "span", "b", "i", "u", "em", "strong", "code", "font", "small", "big", "sup", "sub",
    "label", "img", "meta", "link", "o:p", "tt", "kbd", "samp", "mark", "abbr", "cite", "wbr",
    "colgroup", "col", "caption", "center", "style", "script", "base",
];

/// HTML to text with a single linear scan: tags become nothing (inline), a line break (block)
/// or ` | ` (table cells, so `<td>Client ID</td><td>…</td>` reads as a labelled value); link
/// targets are kept next to their text; `<script>`/`<style>` bodies and comments are dropped.
/// Anything that is not a known tag (`<tenant>`, `<https://…>`) stays text. Written by hand
/// because the real parser (`scraper`/html5ever) is native-only in this project and only the
/// text is needed here.
fn html_to_text(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let b = t.as_bytes();
    let mut i = 0;
    let mut copied = 0;
    while let Some(off) = t[i..].find('<') {
        let lt = i + off;
        i = lt + 1;
        if t[lt..].starts_with("<!--") {
            out.push_str(&t[copied..lt]);
            let end = t[lt..].find("-->").map(|e| lt + e + 3).unwrap_or(t.len());
            i = end;
            copied = end;
            continue;
        }
        let mut j = lt + 1;
        let closing = b.get(j) == Some(&b'/');
        if closing {
            j += 1;
        }
        let name_start = j;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b':' || b[j] == b'-') {
            j += 1;
        }
        let name = t[name_start..j].to_ascii_lowercase();
        let known = BLOCK_TAGS.contains(&name.as_str())
            || CELL_TAGS.contains(&name.as_str())
            || INLINE_TAGS.contains(&name.as_str());
        if !known || !(j >= b.len() || matches!(b[j], b'>' | b'/' | b' ' | b'\t' | b'\n')) {
            continue;
        }
        // The tag's end, respecting quoted attribute values, bounded.
        let mut k = j;
        let mut quote: Option<u8> = None;
        let limit = (j + 4000).min(b.len());
        while k < limit {
            match (quote, b[k]) {
                (None, b'"' | b'\'') => quote = Some(b[k]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            k += 1;
        }
        if k >= limit {
            continue;
        }
        out.push_str(&t[copied..lt]);
        let attrs = &t[j..k];
        copied = k + 1;
        i = k + 1;
        if !closing && (name == "script" || name == "style") {
            let close = format!("</{name}");
            let end = t[i..]
                .to_ascii_lowercase()
                .find(&close)
                .map(|e| i + e)
                .unwrap_or(t.len());
            i = end;
            copied = end;
            continue;
        }
        if name == "a" && !closing {
            if let Some(href) = attr(attrs, "href") {
                out.push(' ');
                out.push_str(href);
                out.push(' ');
            }
        }
        if BLOCK_TAGS.contains(&name.as_str()) {
            out.push('\n');
        } else if CELL_TAGS.contains(&name.as_str()) && !closing {
            out.push_str(" | ");
        }
    }
    out.push_str(&t[copied..]);
    out
}

/// An attribute's value inside a tag's text.
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let lower = attrs.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = attrs.get(at..)?;
    let (q, body) = match rest.chars().next()? {
        c @ ('"' | '\'') => (Some(c), &rest[1..]),
        _ => (None, rest),
    };
    let end = match q {
        Some(q) => body.find(q)?,
        None => body
            .find(|c: char| c.is_whitespace() || c == '>')
            .unwrap_or(body.len()),
    };
    Some(&body[..end])
}

// ---------------------------------------------------------------------------------------------
// RaaS JSON samples.

/// Every `{"Report_Entry": [...]}` object in the text (bounded to 50), parsed with serde_json's
/// streaming reader from the `{` before the key.
fn report_samples(text: &str) -> Vec<ReportSample> {
    let mut out = Vec::new();
    let mut from = 0;
    while out.len() < 50 {
        let Some(at) = text[from..].find("\"Report_Entry\"").map(|a| from + a) else {
            break;
        };
        from = at + 1;
        let window_start = at.saturating_sub(200);
        let Some(open) = text
            .get(window_start..at)
            .and_then(|w| w.rfind('{'))
            .map(|o| window_start + o)
        else {
            continue;
        };
        let mut stream =
            serde_json::Deserializer::from_str(&text[open..]).into_iter::<serde_json::Value>();
        if let Some(Ok(v)) = stream.next() {
            if let Some(entries) = v.get("Report_Entry").and_then(|e| e.as_array()) {
                out.push(sample_of(entries));
                from = open + stream.byte_offset();
            }
        }
    }
    out
}

fn sample_of(entries: &[serde_json::Value]) -> ReportSample {
    let mut columns: Vec<String> = Vec::new();
    let mut values: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut too_many: BTreeSet<String> = BTreeSet::new();
    for entry in entries {
        let Some(obj) = entry.as_object() else {
            continue;
        };
        for (k, v) in obj {
            if !columns.contains(k) {
                columns.push(k.clone());
            }
            let text = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Bool(b) => b.to_string(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => continue,
            };
            if too_many.contains(k) {
                continue;
            }
            let set = values.entry(k.clone()).or_default();
            set.insert(text);
            if set.len() > MAX_DISTINCT {
                values.remove(k);
                too_many.insert(k.clone());
            }
        }
    }
    // A column whose every row is different (names, e-mails) is not categorical either.
    if entries.len() > 2 {
        values.retain(|_, v| v.len() < entries.len());
    }
    ReportSample { columns, values }
}

// ---------------------------------------------------------------------------------------------
// Labels and shapes.

/// Label phrases (lower-case words) and the kind each names; `None` marks a label that names
/// something else (a password, an access token, a client's name), which stops the search so a
/// farther label does not claim the value.
const LABELS: &[(&str, Option<ParamKind>)] = &[
    ("refresh token", Some(ParamKind::RefreshToken)),
    ("refreshtoken", Some(ParamKind::RefreshToken)),
    ("client secret", Some(ParamKind::ClientSecret)),
    ("clientsecret", Some(ParamKind::ClientSecret)),
    ("api secret", Some(ParamKind::ClientSecret)),
    ("secret", Some(ParamKind::ClientSecret)),
    ("client id", Some(ParamKind::ClientId)),
    ("clientid", Some(ParamKind::ClientId)),
    ("client identifier", Some(ParamKind::ClientId)),
    ("token endpoint", Some(ParamKind::TokenEndpoint)),
    ("tokenendpoint", Some(ParamKind::TokenEndpoint)),
    ("token url", Some(ParamKind::TokenEndpoint)),
    ("token uri", Some(ParamKind::TokenEndpoint)),
    (
        "authorization endpoint",
        Some(ParamKind::AuthorizationEndpoint),
    ),
    ("authorize endpoint", Some(ParamKind::AuthorizationEndpoint)),
    ("authorization url", Some(ParamKind::AuthorizationEndpoint)),
    ("authorization uri", Some(ParamKind::AuthorizationEndpoint)),
    ("authorize url", Some(ParamKind::AuthorizationEndpoint)),
    ("auth endpoint", Some(ParamKind::AuthorizationEndpoint)),
    ("auth url", Some(ParamKind::AuthorizationEndpoint)),
    (
        "authorizationendpoint",
        Some(ParamKind::AuthorizationEndpoint),
    ),
    ("rest api endpoint", Some(ParamKind::RestEndpoint)),
    ("rest endpoint", Some(ParamKind::RestEndpoint)),
    ("rest api url", Some(ParamKind::RestEndpoint)),
    ("rest api", Some(ParamKind::RestEndpoint)),
    ("rest url", Some(ParamKind::RestEndpoint)),
    ("restendpoint", Some(ParamKind::RestEndpoint)),
    ("api endpoint", Some(ParamKind::RestEndpoint)),
    ("service url", Some(ParamKind::RestEndpoint)),
    ("base url", Some(ParamKind::RestEndpoint)),
    ("soap endpoint", Some(ParamKind::SoapEndpoint)),
    ("soap url", Some(ParamKind::SoapEndpoint)),
    ("web service endpoint", Some(ParamKind::SoapEndpoint)),
    ("web services endpoint", Some(ParamKind::SoapEndpoint)),
    ("web service url", Some(ParamKind::SoapEndpoint)),
    ("wsdl", Some(ParamKind::SoapEndpoint)),
    ("soap", Some(ParamKind::SoapEndpoint)),
    ("raas url", Some(ParamKind::RaasUrl)),
    ("raas endpoint", Some(ParamKind::RaasUrl)),
    ("raas", Some(ParamKind::RaasUrl)),
    ("report url", Some(ParamKind::RaasUrl)),
    ("report endpoint", Some(ParamKind::RaasUrl)),
    ("json endpoint", Some(ParamKind::RaasUrl)),
    ("user report", Some(ParamKind::RaasUrl)),
    ("group report", Some(ParamKind::RaasUrl)),
    ("custom report", Some(ParamKind::RaasUrl)),
    ("org id", Some(ParamKind::OrgId)),
    ("org ids", Some(ParamKind::OrgId)),
    ("orgid", Some(ParamKind::OrgId)),
    ("orgids", Some(ParamKind::OrgId)),
    ("organization id", Some(ParamKind::OrgId)),
    ("organization ids", Some(ParamKind::OrgId)),
    ("organisation id", Some(ParamKind::OrgId)),
    ("organisation ids", Some(ParamKind::OrgId)),
    ("workday id", Some(ParamKind::OrgId)),
    ("wid", Some(ParamKind::OrgId)),
    ("root org", Some(ParamKind::OrgId)),
    ("isu", Some(ParamKind::IsuUsername)),
    ("integration system user", Some(ParamKind::IsuUsername)),
    ("integration user", Some(ParamKind::IsuUsername)),
    ("username", Some(ParamKind::IsuUsername)),
    ("user name", Some(ParamKind::IsuUsername)),
    // Labels of other things: they end the search.
    ("password", None),
    ("passwd", None),
    ("access token", None),
    ("bearer", None),
    ("id token", None),
    ("client name", None),
    ("api client name", None),
    ("redirect uri", None),
    ("redirection uri", None),
    ("redirect url", None),
    ("callback url", None),
    ("email", None),
    ("e mail", None),
    ("phone", None),
    ("ticket", None),
];

/// The byte spans of the words of `s` (letters and digits; anything else splits).
fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(16);
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push((st, i));
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// Whether `word`, in lower case, is `label_word` (lower-case ASCII). An ASCII word is compared
/// without a copy; any other goes through `to_lowercase` (the Kelvin sign lower-cases to `k`).
fn word_is(word: &str, label_word: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(label_word)
    } else {
        word.to_lowercase() == label_word
    }
}

/// The phrases of [`LABELS`] that end in `word` (compared in lower case).
fn phrases_ending_in(word: &str) -> Option<&'static [LabelPhrase]> {
    if word.is_ascii() {
        // No label word is longer than this; a longer word needs no lookup (nor a copy).
        let mut buf = [0u8; MAX_LABEL_WORD];
        let lower = buf.get_mut(..word.len())?;
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        index_lookup(std::str::from_utf8(lower).ok()?)
    } else {
        index_lookup(&word.to_lowercase())
    }
}

/// A label phrase: its words and the kind it names.
type LabelPhrase = (Vec<&'static str>, Option<ParamKind>);

/// The longest word of a label phrase (bytes), at most (below 32: see [`LabelIndex`]).
const MAX_LABEL_WORD: usize = 24;

/// Label phrases, grouped by their last word and sorted by it, and for each first letter the
/// lengths of the last words that start with it (bit `n`: length `n`). A word of text whose
/// first letter and length match no last word (most prose) is rejected without a search.
struct LabelIndex {
    by_last_word: Vec<(&'static str, Vec<LabelPhrase>)>,
    lengths_by_first: [u32; 26],
}

/// The label index, built once.
fn label_index() -> &'static LabelIndex {
    static INDEX: std::sync::OnceLock<LabelIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m: BTreeMap<&'static str, Vec<LabelPhrase>> = BTreeMap::new();
        for (phrase, kind) in LABELS {
            let pw: Vec<&'static str> = phrase.split(' ').collect();
            if let Some(last) = pw.last() {
                m.entry(*last).or_default().push((pw.clone(), *kind));
            }
        }
        let mut lengths_by_first = [0u32; 26];
        for last in m.keys() {
            let first = usize::from(last.as_bytes()[0] - b'a');
            lengths_by_first[first] |= 1 << last.len();
        }
        LabelIndex {
            by_last_word: m.into_iter().collect(),
            lengths_by_first,
        }
    })
}

/// The phrases of the index that end in `word` (lower case).
fn index_lookup(word: &str) -> Option<&'static [LabelPhrase]> {
    let index = label_index();
    let first = word.as_bytes().first()?.wrapping_sub(b'a');
    let lengths = *index.lengths_by_first.get(usize::from(first))?;
    if word.len() >= 32 || lengths & (1 << word.len()) == 0 {
        return None;
    }
    let phrases = &index.by_last_word;
    phrases
        .binary_search_by(|(w, _)| (*w).cmp(word))
        .ok()
        .map(|at| phrases[at].1.as_slice())
}

/// The label nearest the end of `window`: its kind (or `None` for a label of something else)
/// and its text as written. Scans the words from the end, looking up the phrases that end in
/// each word, so the cost is one lookup per word.
fn find_label(window: &str) -> Option<(Option<ParamKind>, &str)> {
    let ws = words(window);
    for end in (0..ws.len()).rev() {
        let Some(phrases) = phrases_ending_in(&window[ws[end].0..ws[end].1]) else {
            continue;
        };
        let best = phrases
            .iter()
            .filter(|(pw, _)| {
                pw.len() <= end + 1
                    && ws[end + 1 - pw.len()..=end]
                        .iter()
                        .zip(pw)
                        .all(|(w, p)| word_is(&window[w.0..w.1], p))
            })
            .max_by_key(|(pw, _)| pw.len());
        if let Some((pw, kind)) = best {
            let start = end + 1 - pw.len();
            return Some((*kind, &window[ws[start].0..ws[end].1]));
        }
    }
    None
}

/// The kind a label names (`Client ID`, `Token Endpoint`, `client_id`), for a whole label text.
pub fn label_kind(label: &str) -> Option<ParamKind> {
    find_label(label).and_then(|(k, _)| k)
}

/// The kinds a value's shape says it may be (empty: no known shape). Only shapes of good
/// confidence decide alone; the secret shape (weak) gives both secret kinds.
pub fn value_shape(value: &str) -> Vec<ParamKind> {
    let v = value.trim();
    if has_scheme_separator(v) {
        return match Endpoint::parse(v).ok().and_then(|e| e.kind) {
            Some(k) => vec![ParamKind::for_endpoint(k)],
            None => Vec::new(),
        };
    }
    if values::is_client_id(v) {
        return vec![ParamKind::ClientId];
    }
    if values::is_wid(v) {
        return vec![ParamKind::OrgId];
    }
    // Most words hold neither `=` nor `@`: one byte search each instead of splitting.
    let b = v.as_bytes();
    if let Some((ty, _)) = b.contains(&b'=').then(|| values::reference_id(v)).flatten() {
        if values::is_org_reference_type(ty) {
            return vec![ParamKind::OrgId];
        }
    }
    if b.contains(&b'@') && values::is_isu_at_tenant(v) {
        return vec![ParamKind::IsuUsername];
    }
    if values::is_secret_like(v) {
        return vec![ParamKind::ClientSecret, ParamKind::RefreshToken];
    }
    Vec::new()
}

/// Whether `s` holds `://` (a word: a byte search for `:` costs less than a substring
/// searcher's set-up).
fn has_scheme_separator(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b':', b).any(|i| b[i + 1..].starts_with(b"//"))
}

/// Whether `haystack` holds `needle`: the whole-paste tests below run on up to 16 MiB, where
/// memchr's vectorised search is several times faster than `str::contains`.
fn contains(haystack: &str, needle: &str) -> bool {
    memchr::memmem::find(haystack.as_bytes(), needle.as_bytes()).is_some()
}

/// The kind a Workday URL of no recognised shape was probably meant as, from the start of its
/// path (`/ccx/oauth2/acme` → a token endpoint missing `/token`).
fn intended_url_kind(e: &Endpoint) -> Option<ParamKind> {
    let path = e.url.path().to_ascii_lowercase();
    Some(if path.starts_with("/ccx/oauth") {
        ParamKind::TokenEndpoint
    } else if path.starts_with("/ccx/api") {
        ParamKind::RestEndpoint
    } else if path.starts_with("/ccx/service/customreport") {
        ParamKind::RaasUrl
    } else if path.starts_with("/ccx/service") {
        ParamKind::SoapEndpoint
    } else if path.contains("authorize") {
        ParamKind::AuthorizationEndpoint
    } else {
        return None;
    })
}

// ---------------------------------------------------------------------------------------------
// Collecting parameters.

#[derive(Default)]
struct Sink {
    params: Vec<Param>,
    /// (kind, value) → the block it was first seen in, and how often. A value repeated in
    /// another block (a quoted reply) is dropped; an org ID repeated within one list is kept
    /// once more (`org-id-duplicate`); anything else is kept once.
    seen: [HashMap<String, (usize, usize)>; ParamKind::ALL.len()],
}

impl Sink {
    fn push(
        &mut self,
        kind: ParamKind,
        ambiguous: Vec<ParamKind>,
        value: &str,
        label: Option<&str>,
        line: Option<usize>,
        block: usize,
    ) {
        if value.is_empty() {
            return;
        }
        // A link and the same link wrapped by a mail system's link protection are one value.
        let key = crate::link_wrappers::unwrapped(value);
        let seen = &mut self.seen[kind as usize];
        let (first_block, count) = match seen.get_mut(key.as_ref()) {
            Some(entry) => {
                entry.1 += 1;
                *entry
            }
            None => {
                seen.insert(key.into_owned(), (block, 1));
                (block, 1)
            }
        };
        let repeat_in_list = kind == ParamKind::OrgId && first_block == block && count == 2;
        if count > 1 && !repeat_in_list {
            return;
        }
        let mut p = Param::new(kind, value).with_source(Source {
            page: None,
            label: label.map(str::to_string),
            line,
            node: None,
        });
        p.ambiguous_with = ambiguous;
        self.params.push(p);
    }
}

/// The kind of a URL found in text, or `None` when it is not a connection URL.
fn url_kind(url: &str, label: Option<ParamKind>) -> Option<ParamKind> {
    url_kind_of(UrlShape::parse(&values::clean_cow(url))?, label)
}

/// [`url_kind`] of a URL's shape.
fn url_kind_of(shape: UrlShape, label: Option<ParamKind>) -> Option<ParamKind> {
    let label_url = label.filter(|k| k.is_url());
    match shape.kind.map(ParamKind::for_endpoint) {
        // A UI-shaped path elsewhere than Workday is just a web page.
        Some(ParamKind::UiUrl) if !shape.workdayish => label_url,
        Some(k) => Some(k),
        None if shape.workdayish => label_url.or(shape.intended).or(Some(ParamKind::UiUrl)),
        None => label_url,
    }
}

/// What extraction needs to know of a URL, from its parse ([`Endpoint`]).
#[derive(Debug, Clone, Copy)]
struct UrlShape {
    kind: Option<crate::endpoint::EndpointKind>,
    /// It has its kind's full shape: a kind, and no path problem.
    complete: bool,
    /// A Workday host, or a host that names Workday or is punycode.
    workdayish: bool,
    /// For a URL of no recognised shape, the kind it was probably meant as.
    intended: Option<ParamKind>,
}

impl UrlShape {
    /// The shape of `text`, or `None` when it does not parse as a URL.
    fn parse(text: &str) -> Option<UrlShape> {
        let e = Endpoint::parse(text).ok()?;
        let host = e.url.host_str().unwrap_or_default();
        Some(UrlShape {
            kind: e.kind,
            complete: e.kind.is_some() && e.path_problem.is_none(),
            workdayish: e.is_workday()
                || crate::link_wrappers::contains_ignore_case(host, "workday")
                || crate::link_wrappers::contains_ignore_case(host, "xn--"),
            intended: e.kind.is_none().then(|| intended_url_kind(&e)).flatten(),
        })
    }
}

/// The most URL shapes [`UrlShapes`] keeps, and the most bytes of URL text it holds; past either
/// it starts again (a bound on memory, for a paste of nothing but different or huge URLs).
const MAX_URL_SHAPES: usize = 4096;
const MAX_URL_SHAPE_BYTES: usize = 1 << 20;

/// URL shapes by the exact text parsed, for one scan: a ticket repeats its URLs (quoted replies,
/// signatures, the same endpoint named twice), and parsing is the costliest step per URL.
#[derive(Default)]
struct UrlShapes {
    shapes: HashMap<String, Option<UrlShape>>,
    /// Bytes of the texts in `shapes`.
    bytes: usize,
}

impl UrlShapes {
    fn of(&mut self, text: &str) -> Option<UrlShape> {
        if let Some(shape) = self.shapes.get(text) {
            return *shape;
        }
        let shape = UrlShape::parse(text);
        if self.shapes.len() >= MAX_URL_SHAPES || self.bytes + text.len() > MAX_URL_SHAPE_BYTES {
            self.shapes.clear();
            self.bytes = 0;
        }
        if text.len() <= MAX_URL_SHAPE_BYTES {
            self.bytes += text.len();
            self.shapes.insert(text.to_string(), shape);
        }
        shape
    }
}

/// The kind of a non-URL value, given the label before it (`labelled`: the label is followed by
/// a separator, so the value is meant for it).
fn value_kind(
    value: &str,
    label: Option<ParamKind>,
    labelled: bool,
) -> Option<(ParamKind, Vec<ParamKind>)> {
    let clean = values::clean_cow(value);
    value_kind_of(value, &clean, value_shape(&clean), label, labelled)
}

/// [`value_kind`], given `value` cleaned and the shape of that.
fn value_kind_of(
    value: &str,
    clean: &str,
    shape: Vec<ParamKind>,
    label: Option<ParamKind>,
    labelled: bool,
) -> Option<(ParamKind, Vec<ParamKind>)> {
    let secret_pair = [ParamKind::ClientSecret, ParamKind::RefreshToken];
    match shape.as_slice() {
        [k] => Some((*k, Vec::new())),
        [ParamKind::ClientSecret, ParamKind::RefreshToken] => match label {
            Some(k) if secret_pair.contains(&k) => Some((k, Vec::new())),
            Some(_) => Some((ParamKind::ClientSecret, vec![ParamKind::RefreshToken])),
            None if values::is_unlabelled_secret(clean) => {
                Some((ParamKind::ClientSecret, vec![ParamKind::RefreshToken]))
            }
            None => None,
        },
        _ => {
            let k = label.filter(|k| !k.is_url())?;
            (labelled && looks_like_value(value, k)).then_some((k, Vec::new()))
        }
    }
}

/// Words that follow a label in prose, not values.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "is", "are", "was", "for", "to", "of", "in", "on", "and", "or", "with",
    "from", "see", "below", "above", "attached", "here", "there", "please", "same", "we", "you",
    "it", "this", "that", "will", "has", "have", "not", "yes", "no", "ok", "okay", "thanks",
    "field", "value", "as", "at", "by", "be",
];

/// Whether a token after `Label:` is a value rather than the next word of a sentence: a
/// placeholder, or characters a value of `kind` has, with a digit or enough length.
fn looks_like_value(value: &str, kind: ParamKind) -> bool {
    let v = value.trim_matches(|c: char| values::is_quote(c) || c.is_whitespace());
    if v.is_empty() || STOP_WORDS.contains(&v.to_ascii_lowercase().as_str()) {
        return false;
    }
    if values::has_placeholder(v, kind) || v.contains('…') || v.contains("...") {
        return true;
    }
    let value_chars = v.chars().all(|c| {
        c.is_alphanumeric()
            || matches!(
                c,
                '+' | '/' | '=' | '_' | '-' | '.' | '~' | '@' | '$' | '!' | '%'
            )
            || values::invisible_name(c).is_some()
            || values::is_quote(c)
    });
    let n = v.chars().count();
    value_chars
        && match kind {
            ParamKind::IsuUsername => n >= 3,
            ParamKind::OrgId => {
                n >= 3 && (v.chars().any(|c| c.is_ascii_digit()) || v.contains('='))
            }
            _ => n >= 8 || (n >= 3 && v.chars().any(|c| c.is_ascii_digit())),
        }
}

// ---------------------------------------------------------------------------------------------
// JSON.

/// Every string in a JSON document, labelled by its key (or its array's key).
fn walk_json(v: &serde_json::Value, key: Option<&str>, sink: &mut Sink) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                walk_json(v, Some(k), sink);
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                walk_json(v, key, sink);
            }
        }
        serde_json::Value::String(s) => {
            let label = key.and_then(find_label);
            let kind = label.and_then(|(k, _)| k);
            let label_text = label.map(|(_, t)| t).or(key);
            if s.contains(char::is_whitespace) && s.trim().contains(char::is_whitespace) {
                // Prose in a string (a ticket's description): scan it as text.
                let mut inner = Sink {
                    seen: std::mem::take(&mut sink.seen),
                    ..Sink::default()
                };
                Scanner::new(s).run(&mut inner);
                sink.seen = inner.seen;
                sink.params.extend(inner.params);
                return;
            }
            if has_scheme_separator(s) {
                if let Some(k) = url_kind(s, kind) {
                    sink.push(k, Vec::new(), s, label_text, None, 0);
                }
            } else if let Some((k, amb)) = value_kind(s, kind, kind.is_some()) {
                sink.push(k, amb, s, label_text, None, 0);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// Text.

/// One value candidate on a line.
struct Item<'l> {
    /// Byte span on the line.
    start: usize,
    end: usize,
    /// The value as it goes into the parameter (delimiters removed, inner white space kept).
    value: &'l str,
    /// It was written between delimiters (quotes, a code span, brackets).
    delimited: bool,
}

struct Scanner<'t> {
    lines: Vec<&'t str>,
}

fn is_separator_end(window: &str) -> bool {
    let t = window.trim_end_matches([' ', '*', '_']);
    if window.ends_with('\t') || window.ends_with("  ") && !t.is_empty() {
        return true;
    }
    let ends_with_word = |w: &str| {
        t.len() >= w.len() && t.as_bytes()[t.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
    };
    t.ends_with([':', '=', '|', '-', '–', '—', '→', '>', ','])
        || ends_with_word(" is")
        || ends_with_word(" was")
        || ends_with_word(" are")
}

/// Quote pairs: opening → closing.
fn closing_quote(c: char) -> Option<char> {
    Some(match c {
        '"' => '"',
        '\'' => '\'',
        '`' => '`',
        '“' => '”',
        '„' => '“',
        '‘' => '’',
        '«' => '»',
        '‹' => '›',
        _ => return None,
    })
}

/// Strips wrapping punctuation from a bare word: brackets, emphasis, trailing sentence marks.
fn strip_word(w: &str) -> &str {
    let w = w.trim_start_matches(['(', '[', '{', '<', '*', '_', '|']);
    let w = w.trim_start_matches(|c: char| values::is_quote(c));
    let mut w = w.trim_end_matches([')', ']', '}', '>', '*', '|', '.', ',', ';', ':', '!', '?']);
    w = w.trim_end_matches(|c: char| values::is_quote(c));
    w.trim_end_matches([')', ']', '}', '>', '*', '|', '.', ',', ';', ':', '!', '?'])
}

/// The URL that starts at the scheme in `word`: trailing punctuation and unbalanced closing
/// brackets removed, placeholder groups (`{tenant}`, `<tenant>`) kept.
fn url_in(word: &str) -> Option<(usize, &str)> {
    // The first `http://` or `https://`, in any case (an `h` is always a character boundary).
    let at = word
        .bytes()
        .enumerate()
        .filter(|(_, b)| b.eq_ignore_ascii_case(&b'h'))
        .map(|(i, _)| i)
        .find(|&i| crate::link_wrappers::is_http(&word[i..]))?;
    let mut u = &word[at..];
    loop {
        let before = u.len();
        u = u.trim_end_matches(['.', ',', ';', ':', '!', '?', '*']);
        u = u.trim_end_matches(|c: char| values::is_quote(c));
        for (open, close) in [('(', ')'), ('[', ']'), ('{', '}'), ('<', '>')] {
            if u.ends_with(close) && u.matches(open).count() < u.matches(close).count() {
                u = &u[..u.len() - 1];
            }
        }
        // `…/token">text` and `](…)` leftovers.
        if let Some(cut) = u.find(['"', '\'', '`']) {
            u = &u[..cut];
        }
        if u.len() == before {
            break;
        }
    }
    (u.len() > "https://".len()).then_some((at, u))
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str) -> Self {
        Scanner {
            lines: text.split('\n').collect(),
        }
    }

    /// A line without its e-mail quoting (`> > `), and the number of bytes removed.
    fn unquote(line: &str) -> (usize, &str) {
        let mut i = 0;
        let b = line.as_bytes();
        while i < b.len() && (b[i] == b'>' || (b[i] == b' ' && i > 0 && b[i - 1] == b'>')) {
            i += 1;
        }
        if i > 0 && i < b.len() && b[i] == b' ' {
            i += 1;
        }
        (i, &line[i..])
    }

    /// The value candidates of a line, left to right.
    fn items(line: &str) -> Vec<Item<'_>> {
        let mut out = Vec::new();
        let mut i = 0;
        let len = line.len();
        while i < len {
            let Some(c) = line[i..].chars().next() else {
                break;
            };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            // A delimited value: quotes, a code span, or brackets around a placeholder.
            if let Some(close) = closing_quote(c) {
                let body_start = i + c.len_utf8();
                let limit = (body_start + MAX_DELIMITED).min(len);
                let limit = (limit..=len)
                    .find(|l| line.is_char_boundary(*l))
                    .unwrap_or(len);
                if let Some(off) = line[body_start..limit].find(close) {
                    let body = &line[body_start..body_start + off];
                    let single =
                        !body.trim().contains(char::is_whitespace) && !body.trim().is_empty();
                    if single {
                        let end = body_start + off + close.len_utf8();
                        out.push(Item {
                            start: i,
                            end,
                            value: body,
                            delimited: true,
                        });
                        i = end;
                        continue;
                    }
                }
            }
            // A bare word.
            let end = line[i..]
                .char_indices()
                .find(|(_, c)| c.is_whitespace())
                .map(|(o, _)| i + o)
                .unwrap_or(len);
            out.push(Item {
                start: i,
                end,
                value: &line[i..end],
                delimited: false,
            });
            i = end;
        }
        out
    }

    fn run(&self, sink: &mut Sink) {
        let mut shapes = UrlShapes::default();
        let mut block = 0;
        // A label on a line of its own (`Client secret:`), for the values on the next lines.
        let mut carry: Option<(Option<ParamKind>, &str)> = None;
        // Bytes of the next line already joined to a value wrapped at the end of this one.
        let mut consumed_next = 0usize;
        for (li, raw_line) in self.lines.iter().enumerate() {
            let (_, line) = Self::unquote(raw_line);
            let skip = std::mem::take(&mut consumed_next);
            if line.trim().is_empty() {
                block += 1;
                carry = None;
                continue;
            }
            let items = Self::items(line);
            let mut last_end = 0;
            let mut found_on_line = 0;
            let sole_item = items.len() == 1;
            for (n, item) in items.iter().enumerate() {
                if item.end <= skip {
                    last_end = item.end;
                    continue;
                }
                let wstart = item.start.saturating_sub(LABEL_WINDOW).max(last_end);
                let wstart = (wstart..=item.start)
                    .find(|s| line.is_char_boundary(*s))
                    .unwrap_or(item.start);
                let window = &line[wstart..item.start];
                let is_last = n + 1 == items.len();
                let next_line = self.lines.get(li + 1).map(|l| Self::unquote(l).1);
                if let Some((at, url)) = (!item.delimited).then(|| url_in(item.value)).flatten() {
                    let window = &line[wstart..(item.start + at).max(wstart)];
                    let (label_kind, label_text) = self.label_for(window, carry, sole_item);
                    let mut url = Cow::Borrowed(url);
                    if is_last && item.start + at + url.len() >= item.end {
                        if let Some((joined, used)) =
                            join_url(&url, line.len(), next_line, &mut shapes)
                        {
                            url = Cow::Owned(joined);
                            consumed_next = used;
                        }
                    }
                    let shape = shapes.of(&values::clean_cow(&url));
                    if let Some(kind) = shape.and_then(|s| url_kind_of(s, label_kind)) {
                        sink.push(kind, Vec::new(), &url, label_text, Some(li + 1), block);
                        found_on_line += 1;
                    }
                    last_end = item.end;
                    continue;
                }
                let mut value = Cow::Borrowed(if item.delimited {
                    item.value
                } else {
                    Self::bare_value(item.value)
                });
                if value.is_empty() {
                    continue;
                }
                if !item.delimited && is_last {
                    if let Some((joined, used)) = join_value(&value, line.len(), next_line) {
                        value = Cow::Owned(joined);
                        consumed_next = used;
                    }
                }
                // `client_id=abc`, `secret:abc` in one word.
                let InlineSplit {
                    value,
                    label: inline_label,
                    shape: value_shape_seen,
                } = split_inline_label(&value, item.delimited);
                let separated = is_separator_end(window) || inline_label.is_some();
                // A carried label applies to a list line's values as if separated.
                let labelled = separated
                    || (carry.is_some() && found_on_line == 0 && window.trim().len() <= 3);
                let clean = values::clean_cow(value);
                let shape = match value_shape_seen {
                    Some(shape) if clean.as_ref() == value => shape,
                    _ => value_shape(&clean),
                };
                // A word of no known shape after no label is prose: skip the label search.
                if !labelled && shape.is_empty() {
                    continue;
                }
                let (label_kind, label_text) = match inline_label {
                    Some((k, t)) => (Some(k), Some(t)),
                    None => self.label_for(window, carry, sole_item),
                };
                if let Some((kind, amb)) = value_kind_of(value, &clean, shape, label_kind, labelled)
                {
                    sink.push(kind, amb, value, label_text, Some(li + 1), block);
                    found_on_line += 1;
                    last_end = item.end;
                }
            }
            // A label with nothing after it carries to the next lines.
            let mut tail_start = last_end
                .min(line.len())
                .max(line.len().saturating_sub(LABEL_WINDOW));
            while !line.is_char_boundary(tail_start) {
                tail_start += 1;
            }
            let tail = &line[tail_start..];
            if found_on_line == 0 || !tail.trim().is_empty() {
                if let Some((kind, text)) = find_label(tail) {
                    if is_separator_end(tail) || tail.trim_end().ends_with(text) {
                        carry = Some((kind, text));
                        continue;
                    }
                }
            }
            if found_on_line == 0 && carry.is_some() && !sole_item {
                // Prose under a label ends the list it introduced.
                carry = None;
            }
        }
    }

    /// The label for a value: the nearest in its window, else the carried one.
    fn label_for<'w>(
        &self,
        window: &'w str,
        carry: Option<(Option<ParamKind>, &'w str)>,
        _sole: bool,
    ) -> (Option<ParamKind>, Option<&'w str>) {
        match find_label(window) {
            Some((k, t)) => (k, Some(t)),
            None => match carry {
                Some((k, t)) => (k, Some(t)),
                None => (None, None),
            },
        }
    }

    fn bare_value(word: &str) -> &str {
        let stripped = strip_word(word);
        // `<value>` with its brackets is a placeholder; keep them when the inside is no value.
        if word.starts_with('<') && word.ends_with('>') && value_shape(stripped).is_empty() {
            return word;
        }
        if word.starts_with('{') && word.ends_with('}') {
            return word.trim_end_matches([',', ';']);
        }
        // A stray quote at one end of a value (`abc"`) is part of what was pasted.
        let quote_end = word
            .trim_end_matches([',', ';', '.'])
            .ends_with(|c: char| values::is_quote(c));
        let quote_start = word.starts_with(|c: char| values::is_quote(c));
        if quote_end != quote_start {
            return word.trim_end_matches([',', ';', '.', ')']);
        }
        stripped
    }
}

/// A word split by [`split_inline_label`].
struct InlineSplit<'v> {
    /// The value (the whole word, or what follows its label).
    value: &'v str,
    /// The label in the word, its kind and text.
    label: Option<(ParamKind, &'v str)>,
    /// The shape of `value`, when the split needed it.
    shape: Option<Vec<ParamKind>>,
}

/// `key=value` or `key:value` in one word, when the key is a label.
fn split_inline_label(value: &str, delimited: bool) -> InlineSplit<'_> {
    let whole = |shape| InlineSplit {
        value,
        label: None,
        shape,
    };
    if delimited {
        return whole(None);
    }
    let shape = value_shape(value);
    if !shape.is_empty() {
        return whole(Some(shape));
    }
    if let Some(at) = value.find(['=', ':']) {
        let (key, rest) = (&value[..at], &value[at + 1..]);
        if let Some((Some(k), text)) = find_label(key) {
            if !rest.is_empty() && words(key).len() <= 4 && key.len() <= 40 {
                return InlineSplit {
                    value: strip_word(rest),
                    label: Some((k, text)),
                    shape: None,
                };
            }
        }
    }
    whole(Some(shape))
}

/// Characters a URL may hold, for deciding that a line's first word continues a wrapped URL.
fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '-' | '.'
                | '_'
                | '~'
                | ':'
                | '/'
                | '?'
                | '#'
                | '['
                | ']'
                | '@'
                | '!'
                | '$'
                | '&'
                | '\''
                | '('
                | ')'
                | '*'
                | '+'
                | ','
                | ';'
                | '='
                | '%'
                | '{'
                | '}'
                | '<'
                | '>'
        )
}

/// A URL cut at the end of a line, continued at the start of the next: joined when the URL is
/// plainly unfinished (it ends in `/`, `?`, `&`, `=`, `-`, `_` or `.`), when only the joined URL
/// has a Workday shape, or when the line is as long as mail clients wrap at and the next line
/// starts with URL characters and no prose.
fn join_url(
    url: &str,
    line_len: usize,
    next: Option<&str>,
    shapes: &mut UrlShapes,
) -> Option<(String, usize)> {
    let next = next?;
    if next.starts_with(char::is_whitespace) {
        return None;
    }
    let first_end = next.find(char::is_whitespace).unwrap_or(next.len());
    let first = &next[..first_end];
    if first.is_empty() || !first.chars().all(is_url_char) || has_scheme_separator(first) {
        return None;
    }
    let cont = first.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '>', ']']);
    // Built only when needed: most URLs at a line's end are complete.
    let joined = || [url, cont].concat();
    let unfinished = url.ends_with(['/', '?', '&', '=', '-', '_', '.']);
    let join = unfinished || {
        let own = shapes.of(url);
        let kind = |s: Option<UrlShape>| s.and_then(|s| s.kind);
        let shape_only_joined = kind(own).is_none() && kind(shapes.of(&joined())).is_some();
        let plain_word = cont
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        // A URL that already has its endpoint's full shape, followed by a plain word, ends
        // there: the word is the next line's prose ("thanks"), not the rest of a tenant name.
        // (A tenant cut mid-word would still show up, as a tenant mismatch.)
        let complete = own.is_some_and(|s| s.complete);
        let wrapped_long = line_len >= 60
            && url.len() >= 30
            && (cont.contains(['/', '?', '=', '&', '_', '%']) || (plain_word && !complete));
        shape_only_joined || wrapped_long
    };
    join.then(|| (joined(), first_end))
}

/// A value cut at the end of a line: a client ID, WID or secret whose rest starts the next line.
fn join_value(value: &str, line_len: usize, next: Option<&str>) -> Option<(String, usize)> {
    let next = next?;
    if next.starts_with(char::is_whitespace) {
        return None;
    }
    let first_end = next.find(char::is_whitespace).unwrap_or(next.len());
    let raw_first = &next[..first_end];
    let first = strip_word(raw_first);
    if first.is_empty()
        || !first
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '/' || c == '=')
    {
        return None;
    }
    let v = strip_word(value);
    let joined = [v, first].concat();
    let strong = |s: &str| values::is_client_id(s) || values::is_wid(s);
    if !strong(v) && strong(&joined) {
        return Some((joined, first_end));
    }
    let secretish = |s: &str| {
        s.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    };
    let alone_on_next = first_end == next.trim_end().len();
    if line_len >= 60
        && v.len() >= 40
        && secretish(v)
        && secretish(first)
        && first.len() < 60
        && alone_on_next
        && (80..=200).contains(&joined.len())
    {
        return Some((joined, first_end));
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn entities_named_numeric_and_unknown() {
        use super::decode_entities;
        assert_eq!(
            decode_entities("a=1&amp;b=2 &lt;x&gt; &#39;q&#x27; caf&eacute;&nbsp;!"),
            "a=1&b=2 <x> 'q' caf\u{e9}\u{a0}!"
        );
        // Unknown names, bad numbers, a missing `;` and a lone `&` stay as written.
        assert_eq!(
            decode_entities("&bogus; &#xZZ; &#+5; &#0; &amp &"),
            "&bogus; &#xZZ; &#+5; &#0; &amp &"
        );
        assert_eq!(decode_entities("&#x1F600;&#8212;"), "\u{1F600}\u{2014}");
    }

    use super::*;

    fn kinds(text: &str) -> Vec<ParamKind> {
        extract(text).iter().map(|p| p.kind).collect()
    }

    #[test]
    fn finds_urls_of_every_kind() {
        let text = "Hi,\nREST: https://wd3-impl-services1.workday.com/ccx/api/v1/acme\n\
            token <https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token>, and\n\
            auth (https://wd3-impl.workday.com/acme/authorize).\n\
            soap https://wd3-impl-services1.workday.com/ccx/service/acme/Learning/v39.2\n\
            raas \"https://wd3-impl-services1.workday.com/ccx/service/customreport2/acme/ISU/Users?format=json\"\n\
            ui https://wd3-impl.workday.com/acme/d/home.htmld\n\
            unrelated https://portal.cloudappsecurity.com/api/oauth/connect";
        assert_eq!(
            kinds(text),
            vec![
                ParamKind::RestEndpoint,
                ParamKind::TokenEndpoint,
                ParamKind::AuthorizationEndpoint,
                ParamKind::SoapEndpoint,
                ParamKind::RaasUrl,
                ParamKind::UiUrl,
            ]
        );
    }

    #[test]
    fn url_shapes_are_remembered_within_a_bound() {
        let mut shapes = UrlShapes::default();
        let token = "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token";
        for _ in 0..2 {
            let s = shapes.of(token).unwrap();
            assert_eq!(s.kind, Some(crate::endpoint::EndpointKind::Token));
            assert!(s.complete && s.workdayish && s.intended.is_none());
        }
        assert!(shapes.of("not a url").is_none());
        let s = shapes
            .of("https://wd3-impl.workday.com/ccx/oauth2/acme")
            .unwrap();
        assert_eq!((s.kind, s.intended), (None, Some(ParamKind::TokenEndpoint)));
        for i in 0..MAX_URL_SHAPES + 10 {
            shapes.of(&format!("https://x{i}.example.com/"));
            assert!(shapes.shapes.len() <= MAX_URL_SHAPES);
        }
        let huge = format!("https://x.example.com/{}", "a".repeat(MAX_URL_SHAPE_BYTES));
        assert!(shapes.of(&huge).is_some());
        assert!(shapes.bytes <= MAX_URL_SHAPE_BYTES);
        assert_eq!(
            shapes.bytes,
            shapes.shapes.keys().map(String::len).sum::<usize>()
        );
    }

    #[test]
    fn label_words_fit_the_lookup_buffer() {
        for (phrase, _) in LABELS {
            for w in phrase.split(' ') {
                assert!(w.len() <= MAX_LABEL_WORD, "{w}");
                assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
            }
        }
        // A word in another case, or spelt with a character that lower-cases to ASCII.
        assert_eq!(label_kind("CLIENT ID"), Some(ParamKind::ClientId));
        assert_eq!(
            label_kind("Refresh To\u{212A}en"),
            Some(ParamKind::RefreshToken)
        );
    }

    #[test]
    fn labels_decide_what_shape_does_not() {
        assert_eq!(label_kind("Client ID"), Some(ParamKind::ClientId));
        assert_eq!(label_kind("client_id"), Some(ParamKind::ClientId));
        assert_eq!(
            label_kind("Workday REST API Endpoint"),
            Some(ParamKind::RestEndpoint)
        );
        assert_eq!(label_kind("Refresh Token"), Some(ParamKind::RefreshToken));
        assert_eq!(label_kind("Token Endpoint"), Some(ParamKind::TokenEndpoint));
        assert_eq!(label_kind("ISU password"), None);
        let ps = extract("Client ID: abc123def\nPassword: hunter22");
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].kind, ParamKind::ClientId);
        assert_eq!(ps[0].raw(), "abc123def");
    }

    #[test]
    fn unlabelled_secret_is_ambiguous() {
        let secret = "a1b2c3d4e5".repeat(10);
        let ps = extract(&format!("here you go: {secret}"));
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].kind, ParamKind::ClientSecret);
        assert_eq!(ps[0].ambiguous_with, vec![ParamKind::RefreshToken]);
        let ps = extract(&format!("Refresh token: {secret}"));
        assert_eq!(ps[0].kind, ParamKind::RefreshToken);
        assert!(ps[0].ambiguous_with.is_empty());
    }

    #[test]
    fn wrapped_values_are_joined() {
        let secret = "a1b2c3d4e5".repeat(10);
        let text = format!(
            "Client secret: {}\n{}\nthanks",
            &secret[..70],
            &secret[70..]
        );
        let ps = extract(&text);
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].raw(), secret);
        // A complete endpoint at the end of a long line keeps the next line's word out.
        let rest = "https://wd3-impl-services1.workday.com/ccx/api/v1/acme";
        let ps = extract(&format!(
            "Our REST endpoint, as shown on View API Clients: {rest}\nthanks, Jordan\n"
        ));
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].raw(), rest);
        let url = "https://wd3-impl-services1.workday.com/ccx/service/customreport2/acme/ISU_10KC/";
        let ps = extract(&format!("User report: {url}\nUser_Report?format=json\n"));
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].raw(), format!("{url}User_Report?format=json"));
    }

    #[test]
    fn quoted_printable_html_and_json() {
        let qp = "Content-Transfer-Encoding: quoted-printable\n\nToken: https://wd3-impl-services1.workday.com/ccx/oau=\nth2/acme/token?x=3D1\n";
        let ps = extract(qp);
        assert_eq!(
            ps[0].raw(),
            "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token?x=1"
        );
        let html = "<html><body><p>Token endpoint: <a href=\"https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token?a=1&amp;b=2\">link</a></p></body></html>";
        let ps = extract(html);
        assert_eq!(
            ps[0].raw(),
            "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token?a=1&b=2"
        );
        let json = r#"{"client_id": "abc123def456", "token_url": "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token"}"#;
        let ps = extract(json);
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].kind, ParamKind::ClientId);
    }

    #[test]
    fn raas_samples_give_columns() {
        let t = r#"Sample: {"Report_Entry":[{"First_Name":"Jane","Status":"active"},{"First_Name":"Joe","Status":"on leave"}]}"#;
        let ex = extract_all(t);
        assert_eq!(ex.samples.len(), 1);
        assert_eq!(ex.samples[0].columns, vec!["First_Name", "Status"]);
        assert!(ex.samples[0].values["Status"].contains("on leave"));
        assert_eq!(ex.settings[0].name, names::REPORT_FIELDS);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "",
            "<",
            "<a href=",
            "&#",
            "=\n",
            "\"",
            "“",
            "https://",
            "http://[",
            "Client ID: \u{200B}",
            "é\u{0301}: ü…",
            "<<<<>>>>",
            "{\"Report_Entry\":",
            "> > >",
            "\u{FEFF}",
            "a\u{00A0}b",
        ] {
            let _ = extract_all(t);
        }
        let mut s = String::new();
        for i in 0..2000u32 {
            s.push(char::from_u32(i * 37 % 0x2FFF).unwrap_or('x'));
        }
        let _ = extract_all(&s);
    }
}
