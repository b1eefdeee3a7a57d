//! HTTP requests and responses as plain data. The core plans requests and reads responses; the
//! edge (`src/wasm.rs`, with gloo-net) sends them. Requests carry secrets (client secret,
//! refresh token, access token) in [`Secret`]s, so `Debug` never prints them.

use crate::model::secret::Secret;
use std::fmt;
use url::Url;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// A header value that may be secret (an `Authorization` header always is).
#[derive(Clone, PartialEq, Eq)]
pub enum HeaderValue {
    Plain(String),
    Secret(Secret),
}

impl HeaderValue {
    pub fn expose(&self) -> &str {
        match self {
            HeaderValue::Plain(v) => v,
            HeaderValue::Secret(s) => s.expose(),
        }
    }
}

impl fmt::Debug for HeaderValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderValue::Plain(v) => write!(f, "{v:?}"),
            HeaderValue::Secret(s) => write!(f, "{s:?}"),
        }
    }
}

/// One request to send. The body, when there is one, is secret (it holds credentials).
#[derive(Clone)]
pub struct HttpRequest {
    pub method: Method,
    pub url: Url,
    pub headers: Vec<(&'static str, HeaderValue)>,
    pub body: Option<Secret>,
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &redacted_url(&self.url))
            .field("headers", &self.headers)
            .field("body", &self.body)
            .finish()
    }
}

/// The URL without its query string (a query may carry prompts or, by mistake, credentials).
pub fn redacted_url(url: &Url) -> String {
    let mut u = url.clone();
    u.set_query(None);
    u.set_fragment(None);
    let _ = u.set_username("");
    let _ = u.set_password(None);
    u.to_string()
}

/// What came back.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    pub content_type: Option<String>,
    /// The body as text, cut to a bounded length by the edge.
    pub body: String,
}

impl HttpResponse {
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_str(self.body.trim_start_matches('\u{feff}')).ok()
    }

    /// The RFC 6749 error code of an error answer. Workday's exact error shape is unconfirmed
    /// (the notes' "OAuth and API behaviour"): the `error` field of a JSON body, else, for a body that is not JSON (an HTML
    /// error page, plain text), the first RFC 6749 the notes' "The `redirect=n` rule".2 code the text names as a whole word.
    pub fn oauth_error(&self) -> Option<String> {
        if let Some(json) = self.json() {
            return json.get("error")?.as_str().map(str::to_string);
        }
        OAUTH_ERRORS
            .iter()
            .filter_map(|code| word_at(&self.body, code).map(|at| (at, *code)))
            .min()
            .map(|(_, code)| code.to_string())
    }
}

/// RFC 6749 the notes' "The `redirect=n` rule".2's error codes.
const OAUTH_ERRORS: &[&str] = &[
    "invalid_request",
    "invalid_client",
    "invalid_grant",
    "unauthorized_client",
    "unsupported_grant_type",
    "invalid_scope",
];

/// Where `word` first occurs in `text` with no identifier character on either side.
fn word_at(text: &str, word: &str) -> Option<usize> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(word)
        .find(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(ident) && !after.is_some_and(ident)
        })
        .map(|(at, _)| at)
}

/// Why a request got no response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    /// DNS failure, connection refused, TLS error, CORS refusal: the browser does not say which.
    Network(String),
    Timeout,
    Cancelled,
    /// The answer is larger than the edge reads (this many bytes): declared so, or found so
    /// while reading it. What was read is dropped.
    TooLarge(usize),
}

/// How a request without a response is shown in the list of requests made.
impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransportError::Network(detail) => write!(f, "no response ({detail})"),
            TransportError::Timeout => f.write_str("no answer in time"),
            TransportError::Cancelled => f.write_str("cancelled"),
            TransportError::TooLarge(limit) => write!(
                f,
                "answer larger than {}, not read",
                crate::model::limits::describe(*limit)
            ),
        }
    }
}

/// Sends requests. The wasm edge implements it with gloo-net; tests with an in-process fake.
#[allow(async_fn_in_trait)]
pub trait Transport {
    async fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError>;
}
