//! `tenant-mismatch`: the URLs (and an ISU user name written `user@tenant`, the notes' "Values") do not all
//! name the same tenant. Tenant names are case sensitive (the notes' "Hosts and URL anatomy"), so `Acme` and `acme` differ.

use super::{majority, Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::tenant::Tenant;
use crate::model::param::ParamKind;

pub struct TenantMismatch;

impl Check for TenantMismatch {
    fn code(&self) -> &'static str {
        "tenant-mismatch"
    }

    fn summary(&self) -> &'static str {
        "Not every parameter names the same Workday tenant (names are case sensitive)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let mut tenants: Vec<(usize, Tenant)> = cx
            .workday_urls()
            .filter_map(|(i, _, e)| e.tenant.clone().map(|t| (i, t)))
            .collect();
        let names: Vec<Tenant> = tenants.iter().map(|(_, t)| t.clone()).collect();
        let Some(expected) = majority(&names) else {
            return Vec::new();
        };
        // User names join in once the URLs have decided the tenant.
        for (i, _) in cx.of_kind(ParamKind::IsuUsername) {
            let clean = &cx.facts(i).clean;
            if crate::workday::values::is_isu_at_tenant(clean) && !cx.facts(i).placeholder {
                if let Some((_, t)) = clean.split_once('@') {
                    tenants.push((i, Tenant::new(t)));
                }
            }
        }
        tenants
            .into_iter()
            .filter(|(_, t)| *t != expected)
            .map(|(i, t)| {
                let p = &cx.params[i];
                let case_only = if t.same_ignoring_case(&expected) {
                    " (they differ only in letter case, and tenant names are case sensitive)"
                } else {
                    ""
                };
                let fixed = match cx.endpoint(i) {
                    Some(e) => Some(replace_tenant(e.url.as_str(), &t, &expected)),
                    None => cx.facts(i).clean.split_once('@').map(|(u, _)| format!("{u}@{expected}")),
                };
                Finding::new(
                    self.code(),
                    Severity::Error,
                    Some(i),
                    format!("{} names tenant `{t}`, the others `{expected}`{case_only}.", p.kind.title()),
                    format!("Use tenant `{expected}` everywhere, or copy all values from the same tenant."),
                )
                .fixed(fixed)
            })
            .collect()
    }
}

/// The URL with its tenant path segment replaced (only whole segments, never a substring of
/// the host).
fn replace_tenant(url: &str, from: &Tenant, to: &Tenant) -> String {
    let Ok(mut u) = url::Url::parse(url) else {
        return url.to_string();
    };
    let segments: Vec<String> = u
        .path_segments()
        .map(|s| {
            s.map(|seg| {
                let decoded = url::form_urlencoded::parse(format!("x={seg}").as_bytes())
                    .next()
                    .map(|(_, v)| v.into_owned())
                    .unwrap_or_default();
                if decoded == from.as_str() {
                    to.as_str().to_string()
                } else {
                    seg.to_string()
                }
            })
            .collect()
        })
        .unwrap_or_default();
    if let Ok(mut path) = u.path_segments_mut() {
        path.clear().extend(segments.iter().map(String::as_str));
    }
    u.to_string()
}
