//! A mail message (RFC 5322 with MIME: an `.eml` file, one message of an mbox) as the text a
//! person reads in a mail client, for [`super::extract_all`]: the subject, then the body parts
//! decoded (quoted-printable, base64, the part's charset) by the `mail-parser` crate, HTML parts
//! reduced to their text with link targets kept ([`super::html_text`]), then text attachments
//! and forwarded messages.
//!
//! Of a `multipart/alternative` only the plain-text twin is read when there is one (the HTML twin
//! says the same; reading both would find every value twice). Binary attachments are skipped,
//! except JSON (a RaaS sample sent along).

use mail_parser::{Message, MessageParser, MimeHeaders, PartType};
use std::fmt::Write as _;

/// The text of the mail message `raw`, or `None` when `raw` has no mail headers (it is not a
/// message: a plain text file named `.eml`).
pub fn message_text(raw: &[u8]) -> Option<String> {
    let message = MessageParser::default().parse(raw)?;
    // mail-parser reads any `Key: value` line as a header (`Token: https://…`): a message has
    // at least one header of the mail standards (From, Subject, Date, Content-Type …).
    if message.headers().iter().all(|h| h.name.is_other()) {
        return None;
    }
    let mut out = String::with_capacity(raw.len());
    write_message(&message, &mut out);
    Some(out)
}

/// The subject, the body parts and the attachments that are text, each block separated by a
/// blank line. Nested messages (forwarded as attachments) follow in turn; mail-parser bounds
/// their nesting.
fn write_message(message: &Message<'_>, out: &mut String) {
    if let Some(subject) = message.subject() {
        let _ = writeln!(out, "Subject: {subject}\n");
    }
    for id in &message.text_body {
        if let Some(part) = message.part(*id) {
            match &part.body {
                PartType::Text(text) => push_block(out, text),
                PartType::Html(html) => push_block(out, &html_as_text(html)),
                _ => {}
            }
        }
    }
    for id in &message.attachments {
        let Some(part) = message.part(*id) else {
            continue;
        };
        match &part.body {
            PartType::Text(text) => push_block(out, text),
            // The HTML twin of a text body is no attachment; this is an HTML file sent along.
            PartType::Html(html) => push_block(out, &html_as_text(html)),
            PartType::Message(nested) => write_message(nested, out),
            PartType::Binary(bytes) | PartType::InlineBinary(bytes) if is_json(part) => {
                if let Ok(text) = std::str::from_utf8(bytes) {
                    push_block(out, text);
                }
            }
            _ => {}
        }
    }
}

/// Whether a part is declared JSON (`application/json`, `…+json`).
fn is_json(part: &mail_parser::MessagePart<'_>) -> bool {
    part.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("application")
            && ct.subtype().is_some_and(|s| {
                s.eq_ignore_ascii_case("json") || s.to_ascii_lowercase().ends_with("+json")
            })
    })
}

/// An HTML part as the reader sees it: tags reduced, entities decoded.
fn html_as_text(html: &str) -> String {
    let text = super::html_text::html_to_text(html);
    super::entities::decode_entities(&text)
}

fn push_block(out: &mut String, text: &str) {
    let text = text.trim_matches(|c| c == '\n' || c == '\r');
    if text.is_empty() {
        return;
    }
    out.push_str(text);
    out.push_str("\n\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token";

    #[test]
    fn quoted_printable_html_body() {
        let eml = "From: Jordan <jordan@example.com>\r\nTo: support@example.com\r\n\
            Subject: Connector fails\r\nMIME-Version: 1.0\r\n\
            Content-Type: text/html; charset=\"utf-8\"\r\n\
            Content-Transfer-Encoding: quoted-printable\r\n\r\n\
            <html><body><p>Token endpoint: <a href=3D\"https://wd3-impl-services1.workday.c=\r\n\
            om/ccx/oauth2/acme/token\">here</a></p><p>Client ID:&nbsp;abc123def456</p></body></html>\r\n";
        let text = message_text(eml.as_bytes()).unwrap();
        assert!(text.starts_with("Subject: Connector fails\n"), "{text}");
        assert!(text.contains(TOKEN), "{text}");
        assert!(text.contains("Client ID:\u{a0}abc123def456"), "{text}");
        assert!(!text.contains("<p>") && !text.contains("=3D"), "{text}");
    }

    #[test]
    fn base64_body_and_charset() {
        use base64::Engine as _;
        let body = base64::engine::general_purpose::STANDARD
            .encode(format!("Token: {TOKEN}\nMerci, Zoé\n").as_bytes());
        let eml = format!(
            "From: a@example.com\nSubject: =?utf-8?q?R=C3=A9ponse?=\n\
             Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{body}\n"
        );
        let text = message_text(eml.as_bytes()).unwrap();
        assert!(text.contains("Subject: Réponse"), "{text}");
        assert!(text.contains(&format!("Token: {TOKEN}")), "{text}");
        assert!(text.contains("Zoé"), "{text}");
        // ISO-8859-1 is decoded to the same characters.
        let latin =
            b"From: a@example.com\nContent-Type: text/plain; charset=iso-8859-1\n\nZo\xe9\n";
        assert!(message_text(latin).unwrap().contains("Zoé"));
    }

    #[test]
    fn alternative_reads_the_plain_twin_once_and_attachments_and_forwards() {
        let eml = format!(
            "From: a@example.com\nSubject: values\nMIME-Version: 1.0\n\
             Content-Type: multipart/mixed; boundary=\"outer\"\n\n\
             --outer\nContent-Type: multipart/alternative; boundary=\"alt\"\n\n\
             --alt\nContent-Type: text/plain\n\nToken: {TOKEN}\n\
             --alt\nContent-Type: text/html\n\n<p>Token: {TOKEN}</p>\n--alt--\n\
             --outer\nContent-Type: application/json; name=\"sample.json\"\n\
             Content-Disposition: attachment; filename=\"sample.json\"\n\n\
             {{\"Report_Entry\": []}}\n\
             --outer\nContent-Type: image/png; name=\"shot.png\"\nContent-Transfer-Encoding: base64\n\n\
             iVBORw0KGgo=\n\
             --outer\nContent-Type: message/rfc822\n\n\
             From: b@example.com\nSubject: the first mail\n\nClient ID: abc123def456\n\
             --outer--\n"
        );
        let text = message_text(eml.as_bytes()).unwrap();
        assert_eq!(text.matches(TOKEN).count(), 1, "{text}");
        assert!(text.contains("Report_Entry"), "{text}");
        assert!(text.contains("Subject: the first mail"), "{text}");
        assert!(text.contains("Client ID: abc123def456"), "{text}");
        assert!(!text.contains("iVBOR"), "{text}");
    }

    #[test]
    fn text_without_headers_is_not_a_message() {
        assert!(message_text(b"").is_none());
        assert!(message_text(format!("Token: {TOKEN}\n").as_bytes()).is_none());
        assert!(message_text(b"\n\nno headers at all").is_none());
        assert!(message_text(b"X-Ticket: 4711\nToken: x\n\nbody").is_none());
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            &b"From: a\nContent-Type: multipart/mixed; boundary=x\n\n--x\n"[..],
            b"Content-Type: text/html\n\n<a href=",
            b"Content-Transfer-Encoding: base64\n\n!!!!",
            b"Content-Transfer-Encoding: quoted-printable\n\n=\n=Z",
            b"Content-Type: message/rfc822\n\nContent-Type: message/rfc822\n\n",
            b"\xff\xfe: \xff\n\n\xff",
        ] {
            let _ = message_text(t);
        }
    }
}
