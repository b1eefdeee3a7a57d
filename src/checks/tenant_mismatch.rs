//! `tenant-mismatch`: the URLs (and values captured on a tenant's pages) do not all name the
//! same tenant. Tenant names are case sensitive (notes §2), so `Acme` and `acme` differ.

use super::{majority, Check, Context, Finding, Severity};
use crate::domain::Tenant;

pub struct TenantMismatch;

impl Check for TenantMismatch {
    fn code(&self) -> &'static str {
        "tenant-mismatch"
    }

    fn summary(&self) -> &'static str {
        "Not every parameter names the same Workday tenant."
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let tenants: Vec<(usize, Tenant)> = cx
            .workday_urls()
            .filter_map(|(i, p)| p.tenant().map(|t| (i, t.clone())))
            .collect();
        let names: Vec<Tenant> = tenants.iter().map(|(_, t)| t.clone()).collect();
        let Some(expected) = majority(&names) else {
            return Vec::new();
        };
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
                let fixed = p.endpoint.as_ref().map(|e| replace_tenant(e.url.as_str(), &t, &expected));
                Finding {
                    code: self.code(),
                    severity: Severity::Error,
                    param: Some(i),
                    message: format!(
                        "{} names tenant `{t}`, the others `{expected}`{case_only}.",
                        p.kind.title()
                    ),
                    fix: format!("Use tenant `{expected}` in every URL, or copy all values from the same tenant."),
                    fixed_value: fixed,
                }
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
            s.map(|seg| if seg == from.as_str() { to.as_str().to_string() } else { seg.to_string() })
                .collect()
        })
        .unwrap_or_default();
    if let Ok(mut path) = u.path_segments_mut() {
        path.clear().extend(segments.iter().map(String::as_str));
    }
    u.to_string()
}
