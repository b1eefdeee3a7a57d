//! "Export for partner": the values one partner needs, in the order its form asks for
//! them (the profile's `[[parameter]]` list), picked from what was gathered on a tenant, with
//! the correction of every error the checks can correct applied (`redirect=n` added for an SSO
//! tenant, a stray space removed; a warning's fix is not applied, it depends on something
//! unknown), then checked again as the set the partner will receive. An error
//! finding on that set blocks the export (the popup says why and lets the user override).
//!
//! Its two formats, the text to paste into the partner's form or a mail and the JSON file, are
//! in `text.rs` and `json.rs`: the CLI (`wdcap export`) and the extension write the same.
//!
//! Picking, when more values of a kind were gathered than the partner needs: for client IDs
//! and secrets, those whose API client name is the partner's client name (Defender's
//! "Microsoft Defender for Cloud Apps") when any is; then the most recently captured.

mod json;
mod text;

pub use json::json;
pub use text::text;

use super::PartnerRef;
use crate::checks::{self, Context, Finding, FindingView};
use crate::model::options::Options;
use crate::model::param::{Param, ParamInput, ParamKind};
use crate::model::partner::fold;
use crate::model::secret::{fingerprint, Secret};
use crate::model::settings::Setting;
use crate::model::severity::Severity;
use serde::{Deserialize, Serialize};

/// What was gathered on one tenant: parameters oldest first, settings oldest first.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct Gathered {
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<ParamInput>>", optional))]
    pub params: Vec<ParamInput>,
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<Setting>>", optional))]
    pub settings: Vec<Setting>,
}

impl Gathered {
    /// The tenant most of the values name (a URL's own, else the one given with the value;
    /// ties go to the first seen), if any names one.
    pub fn tenant(&self) -> Option<String> {
        let tenants: Vec<String> = self
            .params
            .iter()
            .cloned()
            .map(Param::from)
            .filter_map(|p| p.tenant().map(|t| t.as_str().to_string()))
            .collect();
        checks::majority(&tenants)
    }
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ExportValue {
    /// The value to hand over (corrected where a check could). Secrets in clear: the extension
    /// copies them; it shows them masked.
    pub value: String,
    pub secret: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub fingerprint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub length: Option<usize>,
    /// The API client's or organisation's name that came with it.
    pub name: Option<String>,
    /// Codes of the findings whose fix was applied (empty: the value as captured).
    pub corrected: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ExportItem {
    pub kind: ParamKind,
    /// What the partner's form calls it.
    pub label: &'static str,
    pub r#where: &'static str,
    pub required: bool,
    pub count: u32,
    pub values: Vec<ExportValue>,
    /// How many different values of this kind were gathered (more than `count`: some were
    /// left out).
    pub candidates: usize,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PartnerExport {
    pub partner: PartnerRef,
    pub items: Vec<ExportItem>,
    /// Error findings on the exported set: while any stands, the export is blocked.
    pub blockers: Vec<FindingView>,
    pub ready: bool,
}

/// The export for `partner_id`. `Err` names an unknown partner.
pub fn export(
    partner_id: &str,
    gathered: Gathered,
    options: &Options,
) -> Result<PartnerExport, String> {
    let partner = Options::known_partner(partner_id)?;
    let options = options.for_partner(partner);
    let all: Vec<Param> = gathered.params.iter().cloned().map(Param::from).collect();
    let before = checks::run_all(&Context::new(&all, &gathered.settings, &options));
    let client_name = partner.oauth_client.as_ref().and_then(|c| c.client_name);

    let mut items = Vec::new();
    let mut handed: Vec<ParamInput> = Vec::new();
    for req in partner.parameters {
        // Distinct values of the kind, oldest first (index of their newest occurrence).
        let mut candidates: Vec<usize> = Vec::new();
        for (i, p) in all.iter().enumerate() {
            if p.kind != req.kind {
                continue;
            }
            let v = p.raw().trim();
            candidates.retain(|&j| all[j].raw().trim() != v);
            candidates.push(i);
        }
        let total = candidates.len();
        if let Some(name) = client_name
            .filter(|_| matches!(req.kind, ParamKind::ClientId | ParamKind::ClientSecret))
        {
            let theirs: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&i| {
                    all[i]
                        .name
                        .as_deref()
                        .is_some_and(|n| fold(n) == fold(name))
                })
                .collect();
            if !theirs.is_empty() {
                candidates = theirs;
            }
        }
        let keep = candidates.len().saturating_sub(req.count.max(1) as usize);
        let chosen = &candidates[keep..];
        let mut values = Vec::new();
        for &i in chosen {
            let p = &all[i];
            let mut corrected = Vec::new();
            let mut value = p.raw().to_string();
            // Only the fixes of errors: a warning's fix depends on something unknown (adding
            // `redirect=n` while nobody said the tenant uses SSO).
            for f in before
                .iter()
                .filter(|f| f.param == Some(i) && f.severity == Severity::Error)
            {
                if let Some(fixed) = &f.fixed_value {
                    // run_all offers every fix of a value already combined: take it once.
                    value = fixed.clone();
                    corrected.push(f.code);
                }
            }
            let secret = p.kind.is_secret();
            handed.push(ParamInput {
                kind: p.kind,
                value: value.clone(),
                name: p.name.clone(),
                tenant: gathered.params[i].tenant.clone(),
                source: p.source.clone(),
                client: p.client.clone(),
            });
            values.push(ExportValue {
                fingerprint: secret.then(|| fingerprint(&value)),
                length: secret.then(|| Secret::new(value.as_str()).len()),
                value,
                secret,
                name: p.name.clone(),
                corrected,
            });
        }
        items.push(ExportItem {
            kind: req.kind,
            label: req.label,
            r#where: req.r#where,
            required: req.required,
            count: req.count,
            values,
            candidates: total,
        });
    }

    // The set the partner receives, checked again as such.
    let handed: Vec<Param> = handed.into_iter().map(Param::from).collect();
    let after = checks::run_all(&Context::new(&handed, &gathered.settings, &options));
    let blockers: Vec<FindingView> = after
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| view(f, &handed))
        .collect();
    Ok(PartnerExport {
        partner: PartnerRef::of(partner),
        ready: blockers.is_empty(),
        items,
        blockers,
    })
}

/// A finding as the export shows it: a secret's corrected value masked.
fn view(f: &Finding, params: &[Param]) -> FindingView {
    let secret = f
        .param
        .and_then(|i| params.get(i))
        .is_some_and(|p| p.value.is_secret());
    f.view(secret)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::options::Sso;
    use serde_json::json;

    fn gathered(v: serde_json::Value) -> Gathered {
        serde_json::from_value(v).expect("evidence parses")
    }

    const SECRET: &str = "k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8o9p0l1k2j3h4g5f6d7s8a9z0x1c2v3b4n5m6q7w8e9r0t1y2u3i4o5p6a7s8d9f0g1h";

    fn defender(sso: Sso, auth: &str) -> PartnerExport {
        let g = gathered(json!({"params": [
            {"kind": "rest_endpoint", "value": "https://wd3-impl-services1.workday.com/ccx/api/v1/acme"},
            {"kind": "token_endpoint", "value": "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token"},
            {"kind": "authorization_endpoint", "value": auth},
            {"kind": "client_id", "value": "MTE2Mjk0ODYtNDk5YS00MTBmLWFiNjgtYjk0YWUwMGVjODZi", "name": "Reporting Portal"},
            {"kind": "client_id", "value": "OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm", "name": "Microsoft Defender for Cloud Apps"},
            {"kind": "client_secret", "value": SECRET, "name": "Microsoft Defender for Cloud Apps"},
        ]}));
        export(
            "defender-for-cloud-apps",
            g,
            &Options {
                integration: None,
                sso,
            },
        )
        .unwrap()
    }

    #[test]
    fn in_the_partners_order_with_its_labels_and_its_client() {
        let e = defender(Sso::No, "https://wd3-impl.workday.com/acme/authorize");
        let labels: Vec<&str> = e.items.iter().map(|i| i.label).collect();
        assert_eq!(
            labels,
            [
                "Client ID",
                "Client Secret",
                "Workday REST API Endpoint",
                "Token Endpoint",
                "Authorization Endpoint"
            ]
        );
        let client = &e.items[0];
        assert_eq!(client.candidates, 2);
        assert_eq!(client.values.len(), 1);
        assert_eq!(
            client.values[0].name.as_deref(),
            Some("Microsoft Defender for Cloud Apps")
        );
        let secret = &e.items[1].values[0];
        assert!(secret.secret);
        assert_eq!(secret.length, Some(SECRET.len()));
        assert_eq!(
            secret.fingerprint.as_deref(),
            Some(fingerprint(SECRET).as_str())
        );
        assert!(e.ready, "{:?}", e.blockers);
    }

    #[test]
    fn corrections_are_applied_and_what_they_fix_no_longer_blocks() {
        let e = defender(Sso::Yes, "https://wd3-impl.workday.com/acme/authorize");
        let auth = &e.items[4].values[0];
        assert_eq!(
            auth.value,
            "https://wd3-impl.workday.com/acme/authorize?redirect=n"
        );
        assert_eq!(auth.corrected, ["redirect-n-missing"]);
        assert!(e.ready, "{:?}", e.blockers);
    }

    #[test]
    fn a_warnings_fix_is_not_applied() {
        let e = defender(Sso::Unknown, "https://wd3-impl.workday.com/acme/authorize");
        let auth = &e.items[4].values[0];
        assert_eq!(auth.value, "https://wd3-impl.workday.com/acme/authorize");
        assert!(auth.corrected.is_empty());
    }

    #[test]
    fn an_error_that_no_fix_removes_blocks_the_export() {
        let g = gathered(json!({"params": [
            {"kind": "rest_endpoint", "value": "https://wd3-impl-services1.workday.com/ccx/api/v1/acme"},
        ]}));
        let e = export("defender-for-cloud-apps", g, &Options::default()).unwrap();
        assert!(!e.ready);
        assert!(e.blockers.iter().any(|f| f.code == "missing-parameter"));
        let missing = e
            .items
            .iter()
            .find(|i| i.kind == ParamKind::ClientId)
            .unwrap();
        assert!(missing.values.is_empty() && missing.required);
    }

    #[test]
    fn the_newest_values_when_more_were_gathered_than_needed() {
        let url = |n: &str| {
            format!("https://wd3-impl-services1.workday.com/ccx/service/customreport2/acme/ISU_10KC/{n}?format=json")
        };
        let g = gathered(json!({"params": [
            {"kind": "raas_url", "value": url("Old")},
            {"kind": "raas_url", "value": url("Users")},
            {"kind": "raas_url", "value": url("Groups")},
            {"kind": "isu_username", "value": "ISU_10KC"},
        ]}));
        let e = export("ten-thousand-coffees", g, &Options::default()).unwrap();
        let raas = e
            .items
            .iter()
            .find(|i| i.kind == ParamKind::RaasUrl)
            .unwrap();
        let values: Vec<&str> = raas.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, [url("Users"), url("Groups")]);
        assert_eq!(raas.candidates, 3);
    }

    #[test]
    fn unknown_partner_is_an_error() {
        assert!(export("nobody", Gathered::default(), &Options::default()).is_err());
    }
}
