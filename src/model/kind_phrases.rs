//! What people call each kind of value in text: label phrases (`Client ID`, `Token Endpoint`,
//! `client_id`) and the kind each names, with an index that finds the phrase nearest the end of
//! a piece of text with one lookup per word. The paste scanner labels values with it; the checks
//! read which kind a value was labelled as.

use crate::model::param::ParamKind;
use std::collections::BTreeMap;

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
    // A connector's "base URL" (`WORKDAY_BASE_URL`, a hostname field) is the services host
    // alone; the REST endpoint, when that is what it holds, is known by its shape.
    ("base url", None),
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
pub(crate) fn words(s: &str) -> Vec<(usize, usize)> {
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
pub(crate) fn find_label(window: &str) -> Option<(Option<ParamKind>, &str)> {
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

/// Whether `word` is the first word of a label phrase (`Authorization` of `Authorization
/// Endpoint`): in a list of labels ("the Client ID, Client Secret, Authorization Endpoint and …")
/// such a word starts the next label, never a value.
pub(crate) fn starts_label(word: &str) -> bool {
    static FIRST_WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let first = FIRST_WORDS.get_or_init(|| {
        let mut w: Vec<&'static str> = LABELS
            .iter()
            .filter_map(|(phrase, _)| phrase.split(' ').next())
            .filter(|w| w.len() > 2)
            .collect();
        w.sort_unstable();
        w.dedup();
        w
    });
    first.iter().any(|f| word_is(word, f))
}

/// The kind a label names (`Client ID`, `Token Endpoint`, `client_id`), for a whole label text.
pub fn label_kind(label: &str) -> Option<ParamKind> {
    find_label(label).and_then(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn labels_name_kinds() {
        assert_eq!(label_kind("Client ID"), Some(ParamKind::ClientId));
        assert_eq!(label_kind("client_id"), Some(ParamKind::ClientId));
        assert_eq!(
            label_kind("Workday REST API Endpoint"),
            Some(ParamKind::RestEndpoint)
        );
        assert_eq!(label_kind("Refresh Token"), Some(ParamKind::RefreshToken));
        assert_eq!(label_kind("Token Endpoint"), Some(ParamKind::TokenEndpoint));
        assert_eq!(label_kind("ISU password"), None);
    }

    #[test]
    fn first_words_of_labels_are_known() {
        for w in ["Authorization", "client", "TOKEN", "Refresh", "password"] {
            assert!(starts_label(w), "{w}");
        }
        for w in ["k3j4h5g6f7", "abc123def", "Endpoint", "id"] {
            assert!(!starts_label(w), "{w}");
        }
    }
}
