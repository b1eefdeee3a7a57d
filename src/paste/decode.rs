//! The text as a person reads it, before the scanner: line endings folded, quoted-printable
//! decoded, HTML reduced to text, entities decoded, XML reduced to its labelled element text,
//! link markup reduced to URLs, OAuth form
//! bodies spread out. Every rewrite stays within its line, so a value's line is the line the
//! agent sees.

use super::{entities, form_body, html_text, link_markup, quoted_printable, xml_text};
use std::borrow::Cow;

/// The text as a person reads it: `\r\n` folded, quoted-printable decoded when the text is
/// quoted-printable, HTML reduced to its text (with link targets kept), entities decoded, XML
/// reduced to its element text (`xml_text`), link
/// markup reduced to URLs (`link_markup`), OAuth form bodies spread out (`form_body`).
pub(super) fn decode(text: &str) -> Cow<'_, str> {
    let mut t: Cow<str> = if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    if quoted_printable::looks_quoted_printable(&t) {
        t = Cow::Owned(quoted_printable::decode(&t));
    }
    if html_text::looks_html(&t) {
        t = Cow::Owned(html_text::html_to_text(&t));
    }
    if entities::has_entities(&t) {
        t = Cow::Owned(entities::decode_entities(t.as_ref()));
    }
    // XML (a SOAP fault, a WS-Security header, an XSLT): element text after its label, no
    // namespace declarations.
    if xml_text::looks_xml(&t) {
        t = Cow::Owned(xml_text::xml_to_text(&t));
    }
    // Link markup of mail and chat tools, and OAuth form bodies, rewritten within their lines.
    if let Cow::Owned(s) = link_markup::normalise(&t) {
        t = Cow::Owned(s);
    }
    if let Cow::Owned(s) = form_body::spread(&t) {
        t = Cow::Owned(s);
    }
    t
}
