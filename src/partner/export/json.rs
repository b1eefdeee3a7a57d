//! The export as a JSON file, what "Download JSON" saves: the partner, the tenant, when, every
//! value with its label and kind, the labels of the required values missing, and, when the
//! export was blocked and made anyway, the error findings it was made despite.
//!
//! ```json
//! {"partner": {"id", "name"}, "tenant", "exported_at",
//!  "values": [{"label", "kind", "value"}], "missing": ["label"],
//!  "exported_despite": [{"code", "message"}]}
//! ```
//!
//! Written as `JSON.stringify(…, null, 2)` writes it (two-space indent, a final line break), so
//! the file is the same whichever side writes it.

use super::PartnerExport;
use crate::model::param::ParamKind;
use serde::Serialize;

#[derive(Serialize)]
struct ExportFile<'a> {
    partner: PartnerName<'a>,
    tenant: &'a str,
    exported_at: &'a str,
    values: Vec<LabelledValue<'a>>,
    missing: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_despite: Option<Vec<Despite<'a>>>,
}

#[derive(Serialize)]
struct PartnerName<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct LabelledValue<'a> {
    label: &'a str,
    kind: ParamKind,
    value: &'a str,
}

#[derive(Serialize)]
struct Despite<'a> {
    code: &'a str,
    message: &'a str,
}

/// The JSON form. `exported_at` is the moment of the export (ISO 8601, UTC, as
/// `Date.prototype.toISOString` writes it). An export that is not ready lists the blockers it
/// was made despite.
pub fn json(export: &PartnerExport, tenant: &str, exported_at: &str) -> String {
    let file = ExportFile {
        partner: PartnerName {
            id: export.partner.id,
            name: export.partner.name,
        },
        tenant,
        exported_at,
        values: export
            .items
            .iter()
            .flat_map(|item| {
                item.values.iter().map(move |v| LabelledValue {
                    label: item.label,
                    kind: item.kind,
                    value: &v.value,
                })
            })
            .collect(),
        missing: export
            .items
            .iter()
            .filter(|item| item.required && item.values.is_empty())
            .map(|item| item.label)
            .collect(),
        exported_despite: (!export.ready).then(|| {
            export
                .blockers
                .iter()
                .map(|f| Despite {
                    code: f.code,
                    message: &f.message,
                })
                .collect()
        }),
    };
    let mut out = serde_json::to_string_pretty(&file).expect("an export file always serialises");
    out.push('\n');
    out
}
