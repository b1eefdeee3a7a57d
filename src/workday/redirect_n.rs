//! The `redirect=n` switch on an authorization endpoint (the notes' "The `redirect=n` rule", the Defender for Cloud Apps guide "Connect Workday"): what state a URL's
//! switch is in, and the URL with it set right.
//!
//! The URL is split into its parts (scheme and authority, path, query, fragment) on the raw text,
//! by RFC 3986's generic delimiters, rather than through a parsed [`url::Url`], on purpose: the
//! parser normalises text (host case, `..` segments, encodings) that the fixed URL should keep as
//! the admin wrote it, and this module needs to know where each piece sits. The switch is then
//! looked for only where it can really be: a query parameter whose name is `redirect`, a query
//! that was started with `&` straight after the last path segment (`/authorize&redirect=n`), a
//! second `?`, or a percent-encoded form of those. A tenant, report or path segment that merely
//! contains the word (`/redirectco/authorize`, `…/ISU%26Redirect/…`), or a nested URL carried in
//! a parameter (`redirect_uri=https%3A%2F%2F…%3Fredirect%3Dn`), is not the switch. Percent
//! decoding goes through the `url` crate's `form_urlencoded`, the decoder Workday's query
//! parameters follow; tests check every fixed URL with [`url::Url::query_pairs`].

use url::form_urlencoded;

/// A mistake in how `redirect=n` was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mistake {
    /// `&redirect=n` straight after the path, with no `?` before it.
    AmpersandWithoutQuery,
    /// A second `?` (`…?a=b?redirect=n`).
    SecondQuestionMark,
    /// More than one `redirect` parameter.
    Duplicate,
    /// A value or spelling other than `redirect=n` (`redirect=no`, `redirect=N`, `Redirect=n`).
    OtherValue(String),
    /// Percent-encoded (`redirect%3Dn`, `%3Fredirect=n`).
    Encoded,
}

impl Mistake {
    pub fn describe(&self) -> String {
        match self {
            Mistake::AmpersandWithoutQuery => {
                "`&redirect=n` follows the path directly; with no query string it must start with `?`".into()
            }
            Mistake::SecondQuestionMark => {
                "the URL has a second `?`; a query string that already exists continues with `&`".into()
            }
            Mistake::Duplicate => "`redirect` appears more than once".into(),
            Mistake::OtherValue(v) => format!("`{v}` is not the switch; it must be exactly `redirect=n`"),
            Mistake::Encoded => "`redirect=n` is percent-encoded, so Workday does not see it".into(),
        }
    }
}

/// The state of the switch in one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    Absent,
    Correct,
    Malformed(Vec<Mistake>),
}

fn split_fragment(raw: &str) -> (&str, &str) {
    match raw.find('#') {
        Some(i) => (&raw[..i], &raw[i..]),
        None => (raw, ""),
    }
}

fn is_redirect_key(k: &str) -> bool {
    k.eq_ignore_ascii_case("redirect")
}

/// Percent-decodes one piece of a URL (with `+` as a space, as a query is read).
fn decode(piece: &str) -> String {
    // As the value of a made-up parameter, a raw `=` in the piece stays in what is decoded.
    form_urlencoded::parse(format!("x={piece}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// Whether decoded text that starts a query parameter (`redirect=n`, `redirect`) is the switch.
fn starts_with_switch(decoded: &str) -> bool {
    decoded
        .split(['&', '?', '='])
        .next()
        .is_some_and(is_redirect_key)
}

/// Where, in raw text, a percent-encoded separator (`%3F` or `%26`) starts an encoded switch
/// (`%3Fredirect%3Dn`, `%26redirect=n`): the byte offset of the `%`.
fn encoded_switch_at(raw: &str) -> Option<usize> {
    raw.match_indices('%').map(|(i, _)| i).find(|&i| {
        raw.get(i..i + 3).is_some_and(|sep| {
            (sep.eq_ignore_ascii_case("%3f") || sep.eq_ignore_ascii_case("%26"))
                && starts_with_switch(&decode(&raw[i + 3..]))
        })
    })
}

/// One parameter of the query, or of a query started with `&` after the path.
struct Pair<'a> {
    raw: &'a str,
    /// The switch, written literally (`redirect=n`, `Redirect=no`, `redirect`).
    switch: bool,
    /// The switch hidden by percent-encoding: the whole pair (`redirect%3Dn`), or the end of its
    /// value from this byte offset (`x=1%26redirect%3Dn`).
    encoded: Option<usize>,
}

impl<'a> Pair<'a> {
    fn read(raw: &'a str) -> Self {
        let (key, value) = match raw.find('=') {
            Some(i) => (&raw[..i], Some(&raw[i + 1..])),
            None => (raw, None),
        };
        let switch = is_redirect_key(key);
        let encoded = if switch {
            None
        } else if starts_with_switch(&decode(key)) {
            Some(0)
        } else {
            // A value that is a URL of its own (`redirect_uri=https%3A%2F%2F…`) carries its own
            // parameters; only a plain value can have had the switch glued onto it.
            value
                .filter(|v| !decode(v).contains("://"))
                .and_then(|v| encoded_switch_at(v).map(|at| key.len() + 1 + at))
        };
        Pair {
            raw,
            switch,
            encoded,
        }
    }

    /// The pair with any switch removed (`None` when nothing of it is left).
    fn without_switch(&self) -> Option<&'a str> {
        match self.encoded {
            _ if self.switch => None,
            Some(0) => None,
            Some(at) => Some(&self.raw[..at]),
            None => Some(self.raw),
        }
    }
}

/// A URL's text taken apart where the switch can be.
struct Parts<'a> {
    /// Scheme, authority and the path up to its last segment.
    before_last: &'a str,
    /// The last path segment, up to a `&` that starts a misplaced query holding the switch, and
    /// up to an encoded switch (`authorize%3Fredirect%3Dn`).
    last: &'a str,
    encoded_in_path: bool,
    /// A query started with `&` straight after the path (`/authorize&x=1&redirect=n`): kept only
    /// when it holds the switch, since then it was plainly meant as the query.
    path_pairs: Vec<Pair<'a>>,
    query: Option<&'a str>,
    query_pairs: Vec<Pair<'a>>,
    fragment: &'a str,
}

impl<'a> Parts<'a> {
    fn read(raw: &'a str) -> Self {
        let (body, fragment) = split_fragment(raw.trim());
        let (path_end, query) = match body.find('?') {
            Some(i) => (i, Some(&body[i + 1..])),
            None => (body.len(), None),
        };
        let before_query = &body[..path_end];
        // The path starts after `scheme://authority`; without a scheme, the text is all path.
        let path_start = match before_query.find("://") {
            Some(i) => before_query[i + 3..]
                .find('/')
                .map_or(before_query.len(), |j| i + 3 + j),
            None => 0,
        };
        let last_start = before_query[path_start..]
            .rfind('/')
            .map_or(path_start, |j| path_start + j + 1);
        let mut last = &before_query[last_start..];
        let mut path_pairs = Vec::new();
        if let Some(amp) = last.find('&') {
            let pairs: Vec<Pair> = last[amp + 1..]
                .split('&')
                .filter(|p| !p.is_empty())
                .map(Pair::read)
                .collect();
            if pairs.iter().any(|p| p.switch || p.encoded.is_some()) {
                path_pairs = pairs;
                last = &last[..amp];
            }
        }
        let encoded_in_path = match encoded_switch_at(last) {
            Some(at) => {
                last = &last[..at];
                true
            }
            None => false,
        };
        let query_pairs = query
            .map(|q| {
                q.split(['&', '?'])
                    .filter(|p| !p.is_empty())
                    .map(Pair::read)
                    .collect()
            })
            .unwrap_or_default();
        Parts {
            before_last: &before_query[..last_start],
            last,
            encoded_in_path,
            path_pairs,
            query,
            query_pairs,
            fragment,
        }
    }

    fn pairs(&self) -> impl Iterator<Item = &Pair<'a>> {
        self.path_pairs.iter().chain(&self.query_pairs)
    }
}

/// Reads the switch's state from the URL text.
pub fn state(raw: &str) -> State {
    let parts = Parts::read(raw);
    let mut mistakes = Vec::new();
    if parts.encoded_in_path || parts.pairs().any(|p| p.encoded.is_some()) {
        mistakes.push(Mistake::Encoded);
    }
    if parts.path_pairs.iter().any(|p| p.switch) {
        mistakes.push(Mistake::AmpersandWithoutQuery);
    }
    if parts.query.is_some_and(|q| q.contains('?')) {
        mistakes.push(Mistake::SecondQuestionMark);
    }
    let found: Vec<&str> = parts.pairs().filter(|p| p.switch).map(|p| p.raw).collect();
    if found.len() > 1 {
        mistakes.push(Mistake::Duplicate);
    }
    for pair in &found {
        if *pair != "redirect=n" {
            mistakes.push(Mistake::OtherValue(pair.to_string()));
        }
    }
    if !mistakes.is_empty() {
        State::Malformed(mistakes)
    } else if found.is_empty() {
        State::Absent
    } else {
        State::Correct
    }
}

/// The URL with every form of the switch removed; other parameters written after the path with
/// `&` move into the query, and a second `?` becomes `&`.
pub fn without_redirect(raw: &str) -> String {
    let parts = Parts::read(raw);
    let pairs: Vec<&str> = parts.pairs().filter_map(Pair::without_switch).collect();
    let mut out = format!("{}{}", parts.before_last, parts.last);
    if !pairs.is_empty() {
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    out.push_str(parts.fragment);
    out
}

/// The URL with exactly one, correctly written `redirect=n`: `?` when it has no query string,
/// `&` when it has (the rule in the Defender for Cloud Apps guide "Connect Workday").
pub fn with_redirect_n(raw: &str) -> String {
    let clean = without_redirect(raw);
    let (body, fragment) = split_fragment(&clean);
    let sep = if body.contains('?') { '&' } else { '?' };
    format!("{body}{sep}redirect=n{fragment}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "https://impl.workday.com/acme/authorize";

    #[test]
    fn states() {
        assert_eq!(state(A), State::Absent);
        assert_eq!(state(&format!("{A}?redirect=n")), State::Correct);
        assert_eq!(state(&format!("{A}?x=1&redirect=n")), State::Correct);
        assert!(
            matches!(state(&format!("{A}&redirect=n")), State::Malformed(m) if m == vec![Mistake::AmpersandWithoutQuery])
        );
        assert!(
            matches!(state(&format!("{A}?x=1?redirect=n")), State::Malformed(m) if m.contains(&Mistake::SecondQuestionMark))
        );
        assert!(
            matches!(state(&format!("{A}?redirect=n&redirect=n")), State::Malformed(m) if m.contains(&Mistake::Duplicate))
        );
        assert!(
            matches!(state(&format!("{A}?redirect=no")), State::Malformed(m) if m.contains(&Mistake::OtherValue("redirect=no".into())))
        );
        assert!(matches!(
            state(&format!("{A}?redirect=N")),
            State::Malformed(_)
        ));
        assert!(
            matches!(state(&format!("{A}%3Fredirect%3Dn")), State::Malformed(m) if m.contains(&Mistake::Encoded))
        );
    }

    #[test]
    fn fixes() {
        let fixed = format!("{A}?redirect=n");
        assert_eq!(with_redirect_n(A), fixed);
        assert_eq!(with_redirect_n(&format!("{A}&redirect=n")), fixed);
        assert_eq!(with_redirect_n(&format!("{A}?redirect=no")), fixed);
        assert_eq!(with_redirect_n(&format!("{A}%3Fredirect%3Dn")), fixed);
        assert_eq!(
            with_redirect_n(&format!("{A}?x=1?redirect=n")),
            format!("{A}?x=1&redirect=n")
        );
        assert_eq!(
            with_redirect_n(&format!("{A}?x=1")),
            format!("{A}?x=1&redirect=n")
        );
        for case in [
            A,
            "https://impl.workday.com/acme/authorize?a=b?redirect=N&redirect=n",
        ] {
            assert_eq!(state(&with_redirect_n(case)), State::Correct);
        }
    }

    /// What Workday's query decoder reads from a URL: every `redirect` parameter's value, and
    /// the path (through the `url` crate, as a browser would send it).
    fn as_parsed(raw: &str) -> (String, Vec<String>) {
        let url = url::Url::parse(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
        let values = url
            .query_pairs()
            .filter(|(k, _)| k == "redirect")
            .map(|(_, v)| v.into_owned())
            .collect();
        (url.path().to_string(), values)
    }

    #[test]
    fn the_word_elsewhere_in_the_url_is_not_the_switch() {
        // A tenant, a path segment or a report owner that contains the word, and a nested URL
        // (redirect_uri) whose own query holds an encoded `redirect=`.
        for url in [
            "https://impl.workday.com/redirectco/authorize",
            "https://impl.workday.com/acme/redirect-setup/authorize",
            "https://impl.workday.com/acme&redirectco/authorize",
            "https://wd5-services1.myworkday.com/ccx/service/customreport2/acme/ISU%26Redirect/Workers?format=json",
            "https://wd5-services1.myworkday.com/ccx/service/customreport2/acme/ISU/Redirect%3DReport?format=json",
            "https://impl.workday.com/acme/authorize?redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Fredirect%3Dnext",
            "https://impl.workday.com/acme/authorize&redirect_uri=https://app.example.com/cb",
            "https://impl.workday.com/acme/authorize?state=redirect%3Dn",
        ] {
            assert_eq!(state(url), State::Absent, "{url}");
            assert_eq!(without_redirect(url), url, "{url}");
            let fixed = with_redirect_n(url);
            assert_eq!(state(&fixed), State::Correct, "{url} -> {fixed}");
        }
        let url = "https://impl.workday.com/redirectco/redirect-setup/authorize&redirect=n";
        assert_eq!(
            state(url),
            State::Malformed(vec![Mistake::AmpersandWithoutQuery])
        );
        assert_eq!(
            with_redirect_n(url),
            "https://impl.workday.com/redirectco/redirect-setup/authorize?redirect=n"
        );
        let url = "https://impl.workday.com/redirectco/authorize?redirect_uri=https%3A%2F%2Fapp%2Fcb%3Fredirect%3Dn&redirect=n";
        assert_eq!(state(url), State::Correct);
    }

    #[test]
    fn a_query_started_with_an_ampersand_keeps_its_other_parameters() {
        let url = format!("{A}&client_id=abc&redirect=n");
        assert_eq!(
            state(&url),
            State::Malformed(vec![Mistake::AmpersandWithoutQuery])
        );
        assert_eq!(
            with_redirect_n(&url),
            format!("{A}?client_id=abc&redirect=n")
        );
        assert_eq!(without_redirect(&url), format!("{A}?client_id=abc"));
    }

    #[test]
    fn an_encoded_switch_is_cut_where_it_starts() {
        for (url, fixed) in [
            (format!("{A}%3Fredirect%3Dn"), format!("{A}?redirect=n")),
            (
                format!("{A}?x=1%26redirect%3Dn"),
                format!("{A}?x=1&redirect=n"),
            ),
            (format!("{A}?redirect%3Dn"), format!("{A}?redirect=n")),
            (
                format!("{A}?x=1&Redirect%3dN"),
                format!("{A}?x=1&redirect=n"),
            ),
        ] {
            assert!(
                matches!(state(&url), State::Malformed(ref m) if m.contains(&Mistake::Encoded)),
                "{url}: {:?}",
                state(&url)
            );
            assert_eq!(with_redirect_n(&url), fixed, "{url}");
        }
    }

    #[test]
    fn every_fix_reads_as_exactly_one_switch_and_keeps_the_path() {
        let ui = "https://impl.workday.com/redirectco/authorize";
        for url in [
            ui.to_string(),
            format!("{ui}&redirect=n"),
            format!("{ui}&x=1&redirect=N&y=2"),
            format!("{ui}?x=1?redirect=n&redirect=no"),
            format!("{ui}%3Fredirect%3Dn"),
            format!("{ui}?x=1%26redirect%3Dn#frag"),
            format!("{ui}?redirect_uri=https%3A%2F%2Fa.example%2Fcb%3Fredirect%3Dn"),
        ] {
            let fixed = with_redirect_n(&url);
            let (path, values) = as_parsed(&fixed);
            assert_eq!(path, "/redirectco/authorize", "{url} -> {fixed}");
            assert_eq!(values, vec!["n"], "{url} -> {fixed}");
            assert_eq!(state(&fixed), State::Correct, "{url} -> {fixed}");
            let (path, values) = as_parsed(&without_redirect(&url));
            assert_eq!(path, "/redirectco/authorize", "{url}");
            assert!(values.is_empty(), "{url}");
        }
    }
}
