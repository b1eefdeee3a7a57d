//! Credentials written into a URL: a user name and password before the host
//! (`https://ISU_user:password@host/…`), or a query parameter that carries a secret
//! (`client_secret=`, `refresh_token=`, `password=` …). No Workday URL needs either: the ISU's
//! password goes in a partner's password field, a client secret or token in its own field. Every
//! redacted output removes them ([`redact_text`]), and the `credentials-in-url` check finds them.

use std::borrow::Cow;
use url::Url;

/// Query keys whose value is a secret (compared lowercase, `-` read as `_`): OAuth's client
/// secret, tokens, authorization code and assertions (RFC 6749, RFC 7521), and passwords.
const SECRET_KEYS: &[&str] = &[
    "client_secret",
    "refresh_token",
    "access_token",
    "id_token",
    "token",
    "code",
    "assertion",
    "client_assertion",
    "password",
    "passwd",
    "pwd",
    "secret",
    "api_key",
    "apikey",
];

/// What replaces a secret in redacted output.
pub const MASK: &str = "•••";

/// Whether a query key carries a secret: one of [`SECRET_KEYS`], or any key ending in
/// `_secret`, `_token` or `_password`.
pub fn is_secret_key(key: &str) -> bool {
    let key = key.trim().to_ascii_lowercase().replace('-', "_");
    SECRET_KEYS.contains(&key.as_str())
        || key.ends_with("_secret")
        || key.ends_with("_token")
        || key.ends_with("_password")
}

/// The credentials a URL carries (none: both empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credentials {
    /// A user name or password before the host.
    pub user_info: bool,
    /// The query keys that carry a secret, as written.
    pub secret_keys: Vec<String>,
}

impl Credentials {
    pub fn any(&self) -> bool {
        self.user_info || !self.secret_keys.is_empty()
    }
}

/// The credentials `url` carries.
pub fn credentials_in(url: &Url) -> Credentials {
    let mut secret_keys: Vec<String> = url
        .query_pairs()
        .filter(|(k, _)| is_secret_key(k))
        .map(|(k, _)| k.into_owned())
        .collect();
    secret_keys.dedup();
    Credentials {
        user_info: !url.username().is_empty() || url.password().is_some(),
        secret_keys,
    }
}

/// `url` without its user name, password and secret-carrying query parameters (the other
/// parameters kept, in order).
pub fn without_credentials(url: &Url) -> Url {
    let mut u = url.clone();
    let _ = u.set_username("");
    let _ = u.set_password(None);
    if url.query_pairs().any(|(k, _)| is_secret_key(&k)) {
        let kept: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(k, _)| !is_secret_key(k))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            u.set_query(None);
        } else {
            u.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    u
}

/// Characters that end a URL written in text (white space, quotes, Markdown and HTML
/// delimiters).
fn ends_url(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '`' | '|' | '<' | '>' | '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}'
        )
}

/// Characters that end a query value written in text.
fn ends_value(c: char) -> bool {
    ends_url(c) || matches!(c, '&' | '#' | ';')
}

/// `text` with every URL's user name and password removed (`https://user:pw@host` becomes
/// `https://host`) and the value of every secret-carrying query parameter masked
/// (`?client_secret=•••`). A pass over text, not over parsed URLs, so that a URL quoted in a
/// message, a fix or a setting is redacted too. Borrowed when there is nothing to redact.
pub fn redact_text(text: &str) -> Cow<'_, str> {
    let stripped = strip_user_info(text);
    match mask_secret_values(&stripped) {
        Cow::Borrowed(_) => stripped,
        Cow::Owned(s) => Cow::Owned(s),
    }
}

fn strip_user_info(text: &str) -> Cow<'_, str> {
    if !text.contains("://") || !text.contains('@') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let start = at + 3;
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let span_end = tail.find(ends_url).unwrap_or(tail.len());
        let span = &tail[..span_end];
        // The user information ends at the last `@` before the path.
        let path_at = span.find('/').unwrap_or(span.len());
        match span[..path_at].rfind('@') {
            Some(user_end) => rest = &tail[user_end + 1..],
            None => rest = tail,
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn mask_secret_values(text: &str) -> Cow<'_, str> {
    if !text.contains('=') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut last = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A parameter starts after `?` or `&` (also the `&amp;` of HTML text).
        if bytes[i] == b'?' || bytes[i] == b'&' {
            let key_start = if text[i..].starts_with("&amp;") {
                i + 5
            } else {
                i + 1
            };
            let key_len = text[key_start..]
                .find(|c: char| c == '=' || ends_value(c) || c == '?')
                .unwrap_or(text.len() - key_start);
            let key_end = key_start + key_len;
            if text[key_end..].starts_with('=') && is_secret_key(&text[key_start..key_end]) {
                let value_start = key_end + 1;
                let value_len = text[value_start..]
                    .find(ends_value)
                    .unwrap_or(text.len() - value_start);
                if value_len > 0 && &text[value_start..value_start + value_len] != MASK {
                    out.push_str(&text[last..value_start]);
                    out.push_str(MASK);
                    last = value_start + value_len;
                    changed = true;
                }
                i = value_start + value_len;
                continue;
            }
        }
        i += 1;
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_info_and_secret_parameters_are_found() {
        let u = Url::parse("https://ISU_user:Pa55@wd5-services1.myworkday.com/ccx/service/customreport2/acme/o/r?format=json&Client_Secret=x&refresh-token=y").unwrap();
        let c = credentials_in(&u);
        assert!(c.user_info && c.any());
        assert_eq!(c.secret_keys, vec!["Client_Secret", "refresh-token"]);
        assert_eq!(
            without_credentials(&u).as_str(),
            "https://wd5-services1.myworkday.com/ccx/service/customreport2/acme/o/r?format=json"
        );
        let clean = Url::parse("https://wd5-services1.myworkday.com/ccx/service/customreport2/acme/o/r?format=json&Worker!WID=abc").unwrap();
        assert!(!credentials_in(&clean).any());
        assert_eq!(without_credentials(&clean), clean);
        let only = Url::parse("https://h.workday.com/x?password=p").unwrap();
        assert_eq!(
            without_credentials(&only).as_str(),
            "https://h.workday.com/x"
        );
    }

    #[test]
    fn text_is_redacted_wherever_a_url_appears() {
        for (text, redacted) in [
            (
                "`https://ISU_user:Pa55word!@wd5.myworkday.com/acme` and (http://u@h.io)",
                "`https://wd5.myworkday.com/acme` and (http://h.io)",
            ),
            (
                "https://u:p#1@host.io/x?client_secret=abc&format=json",
                "https://host.io/x?client_secret=•••&format=json",
            ),
            (
                "a?code=123&state=s&access_token=t#frag password=plain ?PASSWORD=Hunter2 &amp;refresh_token=r",
                "a?code=•••&state=s&access_token=•••#frag password=plain ?PASSWORD=••• &amp;refresh_token=•••",
            ),
            (
                "mail me: https://host.io/contact?email=a@b.com",
                "mail me: https://host.io/contact?email=a@b.com",
            ),
            ("no urls here, a@b = c", "no urls here, a@b = c"),
            ("?grant_type=refresh_token", "?grant_type=refresh_token"),
        ] {
            assert_eq!(redact_text(text), redacted, "{text}");
        }
        assert!(matches!(redact_text("plain text"), Cow::Borrowed(_)));
        // Idempotent.
        let once = redact_text("https://u:p@h.io/?token=x").into_owned();
        assert_eq!(redact_text(&once), once);
    }
}
