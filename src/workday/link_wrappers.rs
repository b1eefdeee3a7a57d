//! Links rewritten by a mail system's link protection, and the address inside them.
//!
//! Support tickets and e-mails from companies that run link protection do not show the URL the
//! admin copied: Microsoft Defender for Office 365 Safe Links, Proofpoint URL Defense and Google's
//! redirector replace it with a link to their own host that carries the original inside. A
//! connection set up with such a link fails (and `host-not-workday` would be all wdcap could say).
//! [`unwrap`] recovers the original, so the checks judge the address the admin copied, and the
//! `link-wrapped` check says what happened.
//!
//! Formats (each publicly documented by its vendor, or decoded by their published tools):
//! - **Safe Links**: `https://<region>.safelinks.protection.outlook.com/?url=<percent-encoded
//!   URL>&data=…` (`safelinks.protection.office365.us` for US government clouds).
//! - **Proofpoint URL Defense** v1 `https://urldefense.proofpoint.com/v1/url?u=<percent-encoded>&k=…`,
//!   v2 `…/v2/url?u=<URL with % written as - and / as _>&d=…`, v3
//!   `https://urldefense.com/v3/__<URL>__;<base64url of the characters replaced by *>!!…` (a `*`
//!   stands for the next replaced character, `**X` for a run of them whose length X encodes).
//! - **Google redirector**: `https://www.google.com/url?q=<URL>&…` (also `url=`), what Gmail,
//!   Google Docs and search results put around a link.
//!
//! No crate decodes these (searched crates.io); the URL parsing is the `url` crate's, the
//! percent decoding `percent-encoding`'s (the one `url` uses), the base64 the `base64` crate's.
//! Wrappers that keep the original on their servers (Mimecast's
//! `protect-*.mimecast.com/s/<token>`) cannot be unwrapped: [`sealed`] names them, so
//! `link-wrapped` can say why the value is not a Workday URL (`host-not-workday` reports it too).

use base64::Engine as _;
use url::Url;

/// A link-protection service that rewrites links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkWrapper {
    MicrosoftSafeLinks,
    ProofpointUrlDefense,
    GoogleRedirect,
}

impl LinkWrapper {
    /// The service's name, as a person reads it.
    pub fn name(self) -> &'static str {
        match self {
            LinkWrapper::MicrosoftSafeLinks => "Microsoft Safe Links",
            LinkWrapper::ProofpointUrlDefense => "Proofpoint URL Defense",
            LinkWrapper::GoogleRedirect => "Google's link redirector",
        }
    }
}

/// The address inside a rewritten link, and the outermost service that rewrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unwrapped {
    pub url: String,
    pub wrapper: LinkWrapper,
}

/// How many wrappers deep [`unwrap`] looks (a Safe Links link around a Proofpoint one …).
const MAX_DEPTH: usize = 4;

/// The original URL in `link` when a known link-protection service rewrote it; `None` for any
/// other text (including a wrapper whose original cannot be read).
pub fn unwrap(link: &str) -> Option<Unwrapped> {
    // Most text is no wrapped link: find that out before copying anything.
    let (mut current, wrapper) = unwrap_once(link)?;
    for _ in 1..MAX_DEPTH {
        match unwrap_once(&current) {
            Some((inner, _)) => current = inner,
            None => break,
        }
    }
    Some(Unwrapped {
        url: current,
        wrapper,
    })
}

/// The name of the link-protection service that rewrote `link` when it keeps the original on
/// its own servers, so it cannot be read from the link: Mimecast URL Protect
/// (`https://protect-<region>.mimecast.com/s/<token>?domain=…`). The `domain` it shows is only a
/// host, not the URL.
pub fn sealed(link: &str) -> Option<&'static str> {
    if !is_http(link) || !contains_ignore_case(link, "mimecast.com") {
        return None;
    }
    let url = Url::parse(link).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    let mimecast = is_under(&host, "mimecast.com") && host.starts_with("protect");
    (mimecast && url.path().starts_with("/s/")).then_some("Mimecast URL Protect")
}

/// `link` without its wrappers, or `link` itself.
pub fn unwrapped(link: &str) -> std::borrow::Cow<'_, str> {
    match unwrap(link) {
        Some(u) => std::borrow::Cow::Owned(u.url),
        None => std::borrow::Cow::Borrowed(link),
    }
}

/// Whether `text` could be a wrapped link at all: a cheap test before any parsing, since every
/// value wdcap cleans passes here.
fn may_be_wrapped(text: &str) -> bool {
    is_http(text)
        && ["safelinks.protection.", "urldefense", "google."]
            .iter()
            .any(|needle| contains_ignore_case(text, needle))
}

/// Whether `text` starts with `http://` or `https://`, in any case (no allocation: every value
/// wdcap cleans passes here).
pub(crate) fn is_http(text: &str) -> bool {
    let b = text.as_bytes();
    let starts = |p: &str| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    starts("https://") || starts("http://")
}

/// Whether `haystack` holds `needle` (lower-case ASCII) in any case: only the places that start
/// with the needle's first letter are compared.
pub(crate) fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    h.len() >= n.len()
        && memchr::memchr2_iter(first, first.to_ascii_uppercase(), &h[..=h.len() - n.len()])
            .any(|i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn unwrap_once(link: &str) -> Option<(String, LinkWrapper)> {
    if !may_be_wrapped(link) {
        return None;
    }
    let url = Url::parse(link).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    let (inner, wrapper) = if is_under(&host, "safelinks.protection.outlook.com")
        || is_under(&host, "safelinks.protection.office365.us")
    {
        (
            query_value(&url, &["url"])?,
            LinkWrapper::MicrosoftSafeLinks,
        )
    } else if host == "urldefense.proofpoint.com" || host == "urldefense.com" {
        (proofpoint(&url, link)?, LinkWrapper::ProofpointUrlDefense)
    } else if is_google(&host) && url.path() == "/url" {
        (
            query_value(&url, &["q", "url"])?,
            LinkWrapper::GoogleRedirect,
        )
    } else {
        return None;
    };
    let inner = inner.trim().to_string();
    (is_http(&inner) && Url::parse(&inner).is_ok()).then_some((inner, wrapper))
}

fn is_under(host: &str, domain: &str) -> bool {
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|rest| rest.ends_with('.'))
}

/// `google.com` and its country domains (`google.co.uk`, `google.de` …), with or without `www.`.
fn is_google(host: &str) -> bool {
    let host = host.strip_prefix("www.").unwrap_or(host);
    let Some(rest) = host.strip_prefix("google.") else {
        return false;
    };
    matches!(rest.split('.').collect::<Vec<_>>().as_slice(),
        [tld] | ["co" | "com", tld] if tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// The first of `names` in the query, percent-decoded (the `url` crate's form decoding).
fn query_value(url: &Url, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        url.query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    })
}

fn proofpoint(url: &Url, link: &str) -> Option<String> {
    let path = url.path();
    if path.starts_with("/v1/") {
        query_value(url, &["u"])
    } else if path.starts_with("/v2/") {
        // `u` is the URL with `%` written as `-` and `/` as `_`, then percent-encoded as usual.
        let u: String = query_value(url, &["u"])?
            .chars()
            .map(|c| match c {
                '-' => '%',
                '_' => '/',
                c => c,
            })
            .collect();
        Some(percent_decode(&u))
    } else if path.starts_with("/v3/") {
        proofpoint_v3(link)
    } else {
        None
    }
}

/// Percent-decodes `s` (invalid escapes kept as they are), as UTF-8 with replacement.
fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Proofpoint v3: `…/v3/__<URL>__;<base64url of the replaced characters>!…`. The URL is taken
/// from the raw text, not the parsed one: its `*` markers and characters must stay as written.
fn proofpoint_v3(link: &str) -> Option<String> {
    let start = link.find("/v3/__")? + "/v3/__".len();
    let rest = &link[start..];
    let end = rest.find("__;")?;
    let embedded = &rest[..end];
    let after = &rest[end + "__;".len()..];
    let encoded = &after[..after.find('!').unwrap_or(after.len())];
    if !embedded.contains('*') {
        return Some(embedded.to_string());
    }
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(encoded.trim_end_matches('='))
        .ok()?;
    let replaced: Vec<char> = String::from_utf8(bytes).ok()?.chars().collect();
    // A run's length: `**A` is 2 characters, `**B` 3 … `**_` 65.
    const RUN_LENGTHS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(embedded.len());
    let mut next = 0usize;
    let mut chars = embedded.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '*' {
            out.push(c);
            continue;
        }
        let count = if chars.peek() == Some(&'*') {
            chars.next();
            let code = chars.next()?;
            RUN_LENGTHS.find(code)? + 2
        } else {
            1
        };
        let run = replaced.get(next..next + count)?;
        out.extend(run);
        next += count;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "https://wd5-services1.myworkday.com/ccx/oauth2/globex/token";

    fn inner(link: &str) -> Option<(String, LinkWrapper)> {
        unwrap(link).map(|u| (u.url, u.wrapper))
    }

    #[test]
    fn safe_links() {
        let link = "https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwd5-services1.myworkday.com%2Fccx%2Foauth2%2Fglobex%2Ftoken&data=05%7C02%7Cjo%40globex.com%7C&sdata=abc%3D&reserved=0";
        assert_eq!(
            inner(link),
            Some((TOKEN.to_string(), LinkWrapper::MicrosoftSafeLinks))
        );
        // Government clouds, and the query of the original kept.
        let gov = "https://gcc02.safelinks.protection.office365.us/?url=https%3A%2F%2Fwd5.myworkday.com%2Fglobex%2Fauthorize%3Fredirect%3Dn&data=x";
        assert_eq!(
            inner(gov).unwrap().0,
            "https://wd5.myworkday.com/globex/authorize?redirect=n"
        );
        // A lookalike host is not Safe Links.
        assert_eq!(
            inner("https://safelinks.protection.outlook.com.evil.test/?url=https%3A%2F%2Fx.test"),
            None
        );
    }

    #[test]
    fn proofpoint_v1_v2_v3() {
        let v1 = "https://urldefense.proofpoint.com/v1/url?u=https%3A%2F%2Fwd5-services1.myworkday.com%2Fccx%2Foauth2%2Fglobex%2Ftoken&k=abc";
        assert_eq!(inner(v1).unwrap().0, TOKEN);
        let v2 = "https://urldefense.proofpoint.com/v2/url?u=https-3A__wd5-2Dservices1.myworkday.com_ccx_oauth2_globex_token&d=DwMFaQ&c=abc&r=def";
        assert_eq!(
            inner(v2),
            Some((TOKEN.to_string(), LinkWrapper::ProofpointUrlDefense))
        );
        let v3 = format!("https://urldefense.com/v3/__{TOKEN}__;!!ABC123!xyz$");
        assert_eq!(inner(&v3).unwrap().0, TOKEN);
        // `*` stands for the next replaced character: base64url("?") = "Pw".
        let v3_star = "https://urldefense.com/v3/__https://wd5.myworkday.com/globex/authorize*redirect=n__;Pw!!ABC!def$";
        assert_eq!(
            inner(v3_star).unwrap().0,
            "https://wd5.myworkday.com/globex/authorize?redirect=n"
        );
        // `**A` is a run of two: base64url("?&") = "PyY".
        let v3_run = "https://urldefense.com/v3/__https://x.myworkday.com/a**Ab=1__;PyY!!k$";
        assert_eq!(inner(v3_run).unwrap().0, "https://x.myworkday.com/a?&b=1");
        // Markers without the characters they stand for: not readable.
        assert_eq!(
            inner("https://urldefense.com/v3/__https://x.myworkday.com/a*b__;!!k$"),
            None
        );
    }

    #[test]
    fn google_redirector() {
        let g = "https://www.google.com/url?q=https://wd5-services1.myworkday.com/ccx/oauth2/globex/token&sa=D&source=docs";
        assert_eq!(
            inner(g),
            Some((TOKEN.to_string(), LinkWrapper::GoogleRedirect))
        );
        assert!(
            inner("https://www.google.co.uk/url?url=https%3A%2F%2Fx.myworkday.com%2F").is_some()
        );
        assert_eq!(
            inner("https://www.google.com/search?q=https://x.myworkday.com/"),
            None
        );
        assert_eq!(
            inner("https://google.evil.test/url?q=https://x.myworkday.com/"),
            None
        );
    }

    #[test]
    fn nested_wrappers_keep_the_outermost_name() {
        let v3 = format!("https://urldefense.com/v3/__{TOKEN}__;!!ABC!x$");
        let encoded: String = url::form_urlencoded::byte_serialize(v3.as_bytes()).collect();
        let outer = format!("https://eur01.safelinks.protection.outlook.com/?url={encoded}&data=1");
        assert_eq!(
            inner(&outer),
            Some((TOKEN.to_string(), LinkWrapper::MicrosoftSafeLinks))
        );
    }

    #[test]
    fn broken_wrappers_give_nothing_and_never_panic() {
        for text in [
            "https://urldefense.com/v3/__",
            "https://urldefense.com/v3/____;",
            "https://urldefense.com/v3/__https://x.myworkday.com/*__;",
            "https://urldefense.com/v3/__https://x.myworkday.com/**é__;QUJD!",
            "https://urldefense.com/v3/__https://x.myworkday.com/**_b__;QUJD!",
            "https://urldefense.com/v3/__https://x.myworkday.com/*__;w4k!",
            "https://urldefense.com/v3/__https://x.myworkday.com/*__;%%%!",
            "https://urldefense.proofpoint.com/v2/url?u=-ZZ-",
            "https://urldefense.proofpoint.com/v9/url?u=https-3A__x.myworkday.com",
            "https://nam02.safelinks.protection.outlook.com/?url=%F0%9F",
            "HTTPS://WWW.GOOGLE.COM/url?q=ftp://x.myworkday.com/",
            "https://é.safelinks.protection.outlook.com/?url=https://x.myworkday.com/",
        ] {
            let got = unwrap(text);
            assert!(
                got.as_ref().is_none_or(|u| Url::parse(&u.url).is_ok()),
                "{text} -> {got:?}"
            );
        }
        // A replaced character that is not ASCII is read as one character.
        assert_eq!(
            inner("https://urldefense.com/v3/__https://x.myworkday.com/caf*__;w6k!!k$")
                .unwrap()
                .0,
            "https://x.myworkday.com/café"
        );
    }

    #[test]
    fn sealed_wrappers_are_named_not_read() {
        let m = "https://protect-us.mimecast.com/s/AbCdEfGhIjK?domain=wd5-services1.myworkday.com";
        assert_eq!(sealed(m), Some("Mimecast URL Protect"));
        assert_eq!(inner(m), None);
        for other in [
            TOKEN,
            "https://www.mimecast.com/s/not-a-link",
            "https://protect-us.mimecast.com/products",
            "https://protect-us.mimecast.com.evil.test/s/x",
        ] {
            assert_eq!(sealed(other), None, "{other}");
        }
    }

    #[test]
    fn everything_else_is_left_alone() {
        for text in [
            TOKEN,
            "https://wd5.myworkday.com/globex/d/task/2997$2151.htmld",
            "https://protect-us.mimecast.com/s/AbCdEfGh?domain=wd5-services1.myworkday.com",
            "https://nam02.safelinks.protection.outlook.com/?data=no-url",
            "https://nam02.safelinks.protection.outlook.com/?url=javascript%3Aalert(1)",
            "not a url",
            "",
        ] {
            assert_eq!(inner(text), None, "{text}");
            assert_eq!(unwrapped(text), text);
        }
    }
}
