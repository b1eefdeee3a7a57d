//! The export as text, what "Copy as text" puts on the clipboard: a heading line (the partner
//! and the tenant), then one `Label: value` line per value in the partner's order (`Label 1:`,
//! `Label 2:` when the partner needs several), and `Label: (missing)` for a required value not
//! gathered yet.

use super::PartnerExport;

/// The text form. `missing` is the word shown for a required value not gathered (the
/// extension passes its translation; the CLI `(missing)`).
pub fn text(export: &PartnerExport, tenant: &str, missing: &str) -> String {
    let mut lines = vec![format!("{} \u{2014} {tenant}", export.partner.name)];
    for item in &export.items {
        if item.values.is_empty() {
            if item.required {
                lines.push(format!("{}: {missing}", item.label));
            }
            continue;
        }
        let numbered = item.values.len() > 1;
        for (i, value) in item.values.iter().enumerate() {
            let number = if numbered {
                format!(" {}", i + 1)
            } else {
                String::new()
            };
            lines.push(format!("{}{number}: {}", item.label, value.value));
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
