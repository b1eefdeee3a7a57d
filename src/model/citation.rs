//! How a partner profile cites its guides, and how a citation reads for users. A profile lists
//! its guides once (`guides = [{id, title, address}]`); every `source` is one or more
//! `<guide id> § <section>` parts separated by `; `. Users read the guide's title and public
//! address with the section — never a file name.
//!
//! Self-contained on purpose (no `crate::` paths): `build/partners.rs` includes this file, so
//! the build's check of a shipped profile and the crate's rendering are one rule.

/// What separates a guide id from its section in a `source`.
pub const SECTION_MARK: &str = " § ";

/// What separates several citations in one `source`.
pub const PART_SEPARATOR: &str = "; ";

/// Why a guide entry is unusable (`None`: fine). `address` must be a public `https` page.
pub fn guide_problem(id: &str, title: &str, address: &str) -> Option<String> {
    let kebab = !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !kebab {
        return Some(format!("id `{id}` is not kebab-case"));
    }
    if title.trim().is_empty() {
        return Some("title is empty".into());
    }
    match url::Url::parse(address) {
        Ok(u) if u.scheme() == "https" && u.host_str().is_some_and(|h| h.contains('.')) => None,
        _ => Some(format!("address `{address}` is not a public https address")),
    }
}

/// The address as users read it: without the scheme (`learn.microsoft.com/en-us/…`).
pub fn shown_address(address: &str) -> &str {
    address.strip_prefix("https://").unwrap_or(address)
}

/// The citation a user reads for `source`, given the profile's guides as `(id, title, address)`:
/// "Title (address), section …", several joined by "; ". An error names what is wrong: an empty
/// source, a part without `<guide id> § <section>`, a guide id the profile does not list.
pub fn cite<'a>(
    guides: impl Iterator<Item = (&'a str, &'a str, &'a str)> + Clone,
    source: &str,
) -> Result<String, String> {
    if source.trim().is_empty() {
        return Err("has no source (cite a guide: `<guide id> § <section>`)".into());
    }
    let mut out = Vec::new();
    for part in source.split(PART_SEPARATOR) {
        let Some((id, section)) = part.split_once(SECTION_MARK) else {
            return Err(format!(
                "source `{part}` is not `<guide id>{SECTION_MARK}<section>`"
            ));
        };
        let id = id.trim();
        let section = section.trim();
        if section.is_empty() {
            return Err(format!("source `{part}` names no section"));
        }
        let Some((_, title, address)) = guides.clone().find(|(g, _, _)| *g == id) else {
            let known: Vec<&str> = guides.clone().map(|(g, _, _)| g).collect();
            return Err(format!(
                "source `{part}` names guide `{id}`, which this profile does not list (guides: {})",
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            ));
        };
        // "§ A and § B" reads "sections A and B".
        let (word, section) = if section.contains('§') {
            ("sections", section.replace("§ ", ""))
        } else {
            ("section", section.to_string())
        };
        out.push(format!(
            "{title} ({}), {word} {section}",
            shown_address(address)
        ));
    }
    Ok(out.join(PART_SEPARATOR))
}
