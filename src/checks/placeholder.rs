//! `placeholder`: a template part left in a value: `{tenant}`, `<tenant>`, `[tenant]`,
//! `yourorg` (the Viva Learning guide's example tenant), `TENANT`, `xxxx`, a masked `****`.
//! Such a value cannot work anywhere. Words are judged only where a value goes (the host, the
//! tenant, a RaaS owner or report name, a whole non-URL value), so a real path is never one.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::value_faults;

pub struct Placeholder;

impl Check for Placeholder {
    fn code(&self) -> &'static str {
        "placeholder"
    }

    fn summary(&self) -> &'static str {
        "A value still holds a template placeholder (`{tenant}`, `<tenant>`, `yourorg`, `TENANT`, `xxxx`)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let tenant = cx.connection_tenant();
        cx.params
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let clean = &cx.facts(i).clean;
                let what = value_faults::placeholder(clean, p.kind)?;
                // Only the tenant can be filled in from the other values.
                let fixed_value = tenant.as_ref().and_then(|t| {
                    let e = cx.endpoint(i)?;
                    let current = e.tenant.as_ref()?;
                    (current.as_str() == what
                        || clean.contains(&format!("/{what}/"))
                        || clean.ends_with(&format!("/{what}")))
                    .then(|| clean.replacen(&what, t.as_str(), 1))
                });
                let shown = if p.value.is_secret() {
                    "a placeholder".to_string()
                } else {
                    format!("`{what}`")
                };
                Some(
                    Finding::new(
                        self.code(),
                        Severity::Error,
                        Some(i),
                        format!(
                            "{} still holds {shown} where a real value goes.",
                            cx.describe(i)
                        ),
                        match &tenant {
                            Some(t) if fixed_value.is_some() => {
                                format!("Put the tenant's name (`{t}`) in its place.")
                            }
                            _ => format!(
                                "Replace it with the real value, copied from Workday ({}).",
                                p.kind.title()
                            ),
                        },
                    )
                    .fixed(fixed_value),
                )
            })
            .collect()
    }
}
