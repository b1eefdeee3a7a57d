//! Namespace and schema identifiers in pasted XML and SOAP: a SOAP fault, a WSDL, a WS-Security
//! header or an XSLT carries URIs such as `http://schemas.xmlsoap.org/soap/envelope/` or
//! `http://www.w3.org/2001/XMLSchema` (the notes' "Hosts and URL anatomy", "Pasted text around
//! them"). They name a vocabulary, not a place to connect to: never a parameter, whatever label
//! stands near them.

/// Hosts whose URLs in pasted text are namespace or schema identifiers: the SOAP envelope and
/// WSDL namespaces, the W3C's (XML Schema, XSLT, XML Signature), OASIS's WS-Security profiles.
const NAMESPACE_HOSTS: &[&str] = &[
    "schemas.xmlsoap.org",
    "www.w3.org",
    "w3.org",
    "docs.oasis-open.org",
];

/// Whether a URL on `host` (as the `url` crate gives it) is a namespace or schema identifier.
pub(super) fn is_namespace_host(host: &str) -> bool {
    NAMESPACE_HOSTS.contains(&host)
}

/// Whether the text just before a value ends in a namespace declaration (`xmlns="`,
/// `xmlns:wd="`) or a schema location attribute: the value is a namespace, not a parameter.
pub(super) fn declares_namespace(before: &str) -> bool {
    let t = before.trim_end_matches(['"', '\'']).trim_end();
    let Some(t) = t.strip_suffix('=') else {
        return false;
    };
    let name = t
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == '<')
        .next()
        .unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    lower == "xmlns" || lower.starts_with("xmlns:") || lower.ends_with("schemalocation")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespace_declarations_are_recognised() {
        assert!(declares_namespace(r#"<SOAP-ENV:Envelope xmlns:SOAP-ENV=""#));
        assert!(declares_namespace(r#"<root xmlns=""#));
        assert!(declares_namespace(r#"<a xsi:schemaLocation=""#));
        assert!(!declares_namespace("Token Endpoint: "));
        assert!(!declares_namespace(r#"<a href=""#));
        assert!(is_namespace_host("schemas.xmlsoap.org"));
        assert!(!is_namespace_host("wd5.myworkday.com"));
    }
}
