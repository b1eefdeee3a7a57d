//! `credentials-in-url`: a URL that carries credentials: a user name and password before the
//! host (`https://ISU_user:password@…/ccx/service/customreport2/…`, a habit from tools that
//! take one URL for a report), or a query parameter holding a secret (`client_secret=`,
//! `refresh_token=`, `password=` …). No Workday URL in the notes ("Hosts and URL anatomy") or in
//! a partner's guide has either: the ISU's user name and password go in the partner's own
//! fields, and a URL is copied, logged and pasted into tickets where a password must never be.
//! The message names what is there, never its value.

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::url_credentials::{credentials_in, without_credentials};

pub struct CredentialsInUrl;

impl Check for CredentialsInUrl {
    fn code(&self) -> &'static str {
        "credentials-in-url"
    }

    fn summary(&self) -> &'static str {
        "A URL carries a user name and password, or a secret in its query string."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.urls()
            .filter_map(|(i, p, e)| {
                let found = credentials_in(&e.url);
                if !found.any() {
                    return None;
                }
                let mut what = Vec::new();
                if found.user_info {
                    what.push("a user name and password before the host".to_string());
                }
                if !found.secret_keys.is_empty() {
                    let keys: Vec<String> = found
                        .secret_keys
                        .iter()
                        .map(|k| format!("`{k}=`"))
                        .collect();
                    what.push(format!("{} in its query string", keys.join(", ")));
                }
                Some(
                    Finding::new(
                        self.code(),
                        Severity::Error,
                        Some(i),
                        format!(
                            "{} carries credentials in the URL: {}. Anyone who sees the URL (a ticket, a log, the partner's support) sees them.",
                            p.kind.title(),
                            what.join(" and ")
                        ),
                        "Remove them from the URL (the corrected value). The ISU's password belongs in the partner's password field, with the ISU's user name in its user-name field, never in the URL; a client secret or a token goes in its own field. If the URL was shared, change the password or generate a new secret.",
                    )
                    .fixed(Some(without_credentials(&e.url).to_string())),
                )
            })
            .collect()
    }
}
