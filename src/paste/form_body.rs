//! OAuth parameters written as a form body (`application/x-www-form-urlencoded`) in pasted text,
//! spread out so the scanner (`extract`) reads them as labelled values.
//!
//! Support tickets quote the request that failed: a `curl -d "grant_type=refresh_token&
//! refresh_token=…&client_id=…&client_secret=…"`, a Postman body, a log line. Written that way,
//! the values are one word to the scanner. A word made only of `key=value` pairs joined by `&`,
//! with at least one key an OAuth client's (`client_id`, `client_secret`, `refresh_token`), is
//! rewritten in place as its credentials, `key: value` separated by spaces, each value
//! form-decoded (the `url` crate's decoder); the other pairs (`grant_type` …) and the shell
//! quotes around the body go. A URL is never touched (its query belongs to the URL), nor any other
//! word. Only that word of its line changes: line numbers stay right.

use std::borrow::Cow;

/// Keys whose values the scanner knows by label. A body must hold one to be spread.
const CREDENTIAL_KEYS: &[&str] = &["client_id", "client_secret", "refresh_token"];
/// Other keys an OAuth token request carries, spread along with them.
const OTHER_KEYS: &[&str] = &[
    "grant_type",
    "redirect_uri",
    "code",
    "scope",
    "response_type",
    "state",
    "username",
    "password",
];

/// `text` with OAuth form bodies spread out as `key: value` pairs.
pub fn spread(text: &str) -> Cow<'_, str> {
    // memchr's vectorised search: this runs on the whole paste.
    if !CREDENTIAL_KEYS
        .iter()
        .any(|k| memchr::memmem::find(text.as_bytes(), format!("{k}=").as_bytes()).is_some())
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut changed = false;
    let mut word_start = None;
    // The quote that closes a spread body (`-d "…"`) is dropped with the one that opened it:
    // it was the shell's, and left next to the last value it would read as part of it.
    let mut drop_quote = None;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            let opened = out.chars().last().filter(|q| matches!(q, '"' | '\''));
            match spread_word(&text[start..i]) {
                Some(spread) => {
                    changed = true;
                    if opened == Some(c) {
                        out.pop();
                        drop_quote = Some(i);
                    }
                    out.push_str(&spread);
                }
                None => out.push_str(&text[start..i]),
            }
        }
        if drop_quote != Some(i) {
            out.push(c);
        }
    }
    if let Some(start) = word_start {
        match spread_word(&text[start..]) {
            Some(spread) => {
                changed = true;
                out.push_str(&spread);
            }
            None => out.push_str(&text[start..]),
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Characters a form body word holds (quotes and white space end it).
fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '"' | '\'' | '`' | '<' | '>' | '(' | ')' | '[' | ']')
}

/// `word` spread out, when it is an OAuth form body: its credentials as `key: value` (labelled
/// values to the scanner). The other pairs go: their values are words like `refresh_token`
/// (a grant type) that the scanner would read as the next label's value.
fn spread_word(word: &str) -> Option<String> {
    let spread: Vec<String> = pairs(word)?
        .into_iter()
        .filter(|(k, _)| CREDENTIAL_KEYS.contains(&k.to_ascii_lowercase().as_str()))
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    Some(spread.join("  "))
}

/// The decoded pairs of `word` when it is an OAuth form body.
fn pairs(word: &str) -> Option<Vec<(String, String)>> {
    let lower = word.to_ascii_lowercase();
    if lower.contains("://") && lower.find("://") < lower.find('=') {
        return None; // a URL
    }
    let mut found_credential = false;
    let mut out = Vec::new();
    for part in word.split('&').filter(|p| !p.is_empty()) {
        let (key, _) = part.split_once('=')?;
        let key = key.to_ascii_lowercase();
        if CREDENTIAL_KEYS.contains(&key.as_str()) {
            found_credential = true;
        } else if !OTHER_KEYS.contains(&key.as_str()) {
            return None;
        }
    }
    if !found_credential {
        return None;
    }
    for (k, v) in url::form_urlencoded::parse(word.as_bytes()) {
        out.push((k.into_owned(), v.into_owned()));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::spread;

    #[test]
    fn curl_body_is_spread_in_place() {
        let text = "curl -X POST https://x.myworkday.com/ccx/oauth2/acme/token \\\n  -d \"grant_type=refresh_token&refresh_token=abc%2Bdef&client_id=Q0lE&client_secret=c2Vj\"\nnext";
        assert_eq!(
            spread(text),
            "curl -X POST https://x.myworkday.com/ccx/oauth2/acme/token \\\n  -d refresh_token: abc+def  client_id: Q0lE  client_secret: c2Vj\nnext"
        );
        // One pair per -d.
        assert_eq!(
            spread("-d client_id=Q0lE -d client_secret=c2Vj"),
            "-d client_id: Q0lE -d client_secret: c2Vj"
        );
    }

    #[test]
    fn urls_and_other_words_are_left_alone() {
        for text in [
            "https://x.myworkday.com/acme/authorize?client_id=Q0lE&redirect_uri=https%3A%2F%2Fp.test",
            "a=b&c=d",
            "grant_type=refresh_token",
            "client_id",
            "x=1&client_id=2",
            "client_id = abc",
            "",
        ] {
            assert_eq!(spread(text), text);
        }
    }
}
