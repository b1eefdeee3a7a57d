//! The `redirect=n` switch on an authorization endpoint (notes §5, seed 003): what state a URL's
//! switch is in, and the URL with it set right.
//!
//! This reads the raw text rather than a parsed [`url::Url`] on purpose: the parser repairs or
//! re-encodes exactly the mistakes this module exists to see (`/authorize&redirect=n`, a second
//! `?`, `redirect%3Dn`). The corrected URL is still built from, and validated by, the `url`
//! crate.

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

/// Reads the switch's state from the URL text.
pub fn state(raw: &str) -> State {
    let (body, _) = split_fragment(raw.trim());
    let lower = body.to_ascii_lowercase();
    let mut mistakes = Vec::new();
    if lower.contains("redirect%3d")
        || lower.contains("%3fredirect")
        || lower.contains("%26redirect")
    {
        mistakes.push(Mistake::Encoded);
    }
    let (path, query) = match body.find('?') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let mut found = Vec::new();
    if let Some(i) = path.to_ascii_lowercase().find("&redirect") {
        mistakes.push(Mistake::AmpersandWithoutQuery);
        found.push(path[i + 1..].to_string());
    }
    if let Some(q) = query {
        if q.contains('?') {
            mistakes.push(Mistake::SecondQuestionMark);
        }
        for pair in q.split(['&', '?']) {
            let key = pair.split('=').next().unwrap_or("");
            if is_redirect_key(key) {
                found.push(pair.to_string());
            }
        }
    }
    if found.len() > 1 {
        mistakes.push(Mistake::Duplicate);
    }
    for pair in &found {
        if pair != "redirect=n" {
            mistakes.push(Mistake::OtherValue(pair.clone()));
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

/// The URL with every form of the switch removed.
pub fn without_redirect(raw: &str) -> String {
    let (body, fragment) = split_fragment(raw.trim());
    let (path, query) = match body.find('?') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let mut pairs: Vec<String> = Vec::new();
    let mut path = path.to_string();
    if let Some(i) = path.to_ascii_lowercase().find("&redirect") {
        path.truncate(i);
    }
    for encoded in ["%3fredirect", "%26redirect"] {
        if let Some(i) = path.to_ascii_lowercase().find(encoded) {
            path.truncate(i);
        }
    }
    if let Some(q) = query {
        for pair in q.split(['&', '?']) {
            let key = pair.split('=').next().unwrap_or("");
            let lower = pair.to_ascii_lowercase();
            if pair.is_empty() || is_redirect_key(key) || lower.starts_with("redirect%3d") {
                continue;
            }
            pairs.push(pair.to_string());
        }
    }
    let mut out = path;
    if !pairs.is_empty() {
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    out.push_str(fragment);
    out
}

/// The URL with exactly one, correctly written `redirect=n`: `?` when it has no query string,
/// `&` when it has (the rule in seed 003).
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
}
