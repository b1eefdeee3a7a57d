//! What kind a value found in text is: a URL by its shape (and, for a Workday URL of no known
//! shape, what it was probably meant as), any other value by its shape, else by its label.

use crate::model::kind_phrases;
use crate::model::param::ParamKind;
use crate::model::value_faults;
use crate::model::value_shape::value_shape;
use crate::workday::clean;
use crate::workday::endpoint::Endpoint;
use crate::workday::values;
use std::collections::HashMap;

/// The kind of a URL found in text, or `None` when it is not a connection URL.
pub(super) fn url_kind(url: &str, label: Option<ParamKind>) -> Option<ParamKind> {
    url_kind_of(UrlShape::parse(&clean::clean_cow(url))?, label)
}

/// [`url_kind`] of a URL's shape.
pub(super) fn url_kind_of(shape: UrlShape, label: Option<ParamKind>) -> Option<ParamKind> {
    let label_url = label.filter(|k| k.is_url());
    match shape.kind.map(ParamKind::for_endpoint) {
        // A UI-shaped path elsewhere than Workday is just a web page.
        Some(ParamKind::UiUrl) if !shape.workdayish => label_url,
        Some(k) => Some(k),
        // A services host with no shape is a host name, not a UI page.
        None if shape.workdayish => label_url
            .or(shape.intended)
            .or(shape.ui_host.then_some(ParamKind::UiUrl)),
        None => label_url,
    }
}

/// What extraction needs to know of a URL, from its parse ([`Endpoint`]).
#[derive(Debug, Clone, Copy)]
pub(super) struct UrlShape {
    pub(super) kind: Option<crate::workday::endpoint::EndpointKind>,
    /// It has its kind's full shape: a kind, and no path problem.
    pub(super) complete: bool,
    /// A Workday host, or a host that names Workday or is punycode.
    pub(super) workdayish: bool,
    /// For a URL of no recognised shape, the kind it was probably meant as.
    pub(super) intended: Option<ParamKind>,
    /// Its host may serve the UI: not a Workday services host.
    pub(super) ui_host: bool,
}

impl UrlShape {
    /// The shape of `text`, or `None` when it does not parse as a URL or is no connection URL
    /// whatever its label: one of Workday's own sites that serve no tenant (Workday Community,
    /// the documentation, a job site), or an XML namespace or schema identifier.
    pub(super) fn parse(text: &str) -> Option<UrlShape> {
        let e = Endpoint::parse(text).ok()?;
        let host = e.url.host_str().unwrap_or_default();
        if e.site.is_some() || super::namespaces::is_namespace_host(host) {
            return None;
        }
        Some(UrlShape {
            kind: e.kind,
            complete: e.kind.is_some() && e.path_problems.is_empty(),
            workdayish: e.is_workday()
                || e.host_in_path.is_some()
                || crate::workday::link_wrappers::contains_ignore_case(host, "workday")
                || crate::workday::link_wrappers::contains_ignore_case(host, "xn--"),
            intended: e.kind.is_none().then(|| intended_url_kind(&e)).flatten(),
            ui_host: e
                .host
                .as_ref()
                .is_none_or(|h| h.role != crate::workday::tenant::HostRole::Services),
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
pub(super) struct UrlShapes {
    shapes: HashMap<String, Option<UrlShape>>,
    /// Bytes of the texts in `shapes`.
    bytes: usize,
}

impl UrlShapes {
    pub(super) fn of(&mut self, text: &str) -> Option<UrlShape> {
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
pub(super) fn value_kind(
    value: &str,
    label: Option<ParamKind>,
    labelled: bool,
) -> Option<(ParamKind, Vec<ParamKind>)> {
    let clean = clean::clean_cow(value);
    value_kind_of(value, &clean, value_shape(&clean), label, labelled)
}

/// [`value_kind`], given `value` cleaned and the shape of that.
pub(super) fn value_kind_of(
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
    let v = value.trim_matches(|c: char| clean::is_quote(c) || c.is_whitespace());
    if v.is_empty() || STOP_WORDS.contains(&v.to_ascii_lowercase().as_str()) {
        return false;
    }
    // "Save the Client ID, Client Secret, Authorization Endpoint …": the word after a label in
    // a list of labels starts the next label.
    if kind_phrases::starts_label(v) {
        return false;
    }
    if value_faults::has_placeholder(v, kind) || v.contains('…') || v.contains("...") {
        return true;
    }
    let value_chars = v.chars().all(|c| {
        c.is_alphanumeric()
            || matches!(
                c,
                '+' | '/' | '=' | '_' | '-' | '.' | '~' | '@' | '$' | '!' | '%'
            )
            || clean::invisible_name(c).is_some()
            || clean::is_quote(c)
    });
    let n = v.chars().count();
    value_chars
        && match kind {
            ParamKind::IsuUsername => n >= 3,
            ParamKind::OrgId => {
                n >= 3 && (v.chars().any(|c| c.is_ascii_digit()) || v.contains('='))
            }
            // A secret or token of letters alone is a word of prose unless it is long; real
            // ones are about 100 characters of letters and digits (the notes' "Values").
            ParamKind::ClientSecret | ParamKind::RefreshToken => {
                n >= 20 || (n >= 3 && v.chars().any(|c| c.is_ascii_digit()))
            }
            _ => n >= 8 || (n >= 3 && v.chars().any(|c| c.is_ascii_digit())),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_shapes_are_remembered_within_a_bound() {
        let mut shapes = UrlShapes::default();
        let token = "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token";
        for _ in 0..2 {
            let s = shapes.of(token).unwrap();
            assert_eq!(s.kind, Some(crate::workday::endpoint::EndpointKind::Token));
            assert!(s.complete && s.workdayish && s.intended.is_none());
        }
        assert!(shapes.of("not a url").is_none());
        // A token endpoint without `/token` is a token endpoint with a mistake.
        let s = shapes
            .of("https://wd3-impl.workday.com/ccx/oauth2/acme")
            .unwrap();
        assert_eq!(
            (s.kind, s.complete, s.intended),
            (
                Some(crate::workday::endpoint::EndpointKind::Token),
                false,
                None
            )
        );
        let s = shapes
            .of("https://wd3-impl.workday.com/ccx/oauth2/acme/extra")
            .unwrap();
        assert_eq!((s.kind, s.intended), (None, Some(ParamKind::TokenEndpoint)));
        // Workday's own sites and namespace URIs are no connection URL at all.
        assert!(shapes.of("https://community.workday.com/sites/x").is_none());
        assert!(shapes
            .of("http://schemas.xmlsoap.org/soap/envelope/")
            .is_none());
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
}
