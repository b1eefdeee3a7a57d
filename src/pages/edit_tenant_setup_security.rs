//! Edit Tenant Setup – Security (the Viva Learning guide "Generate connection parameters in Workday" and the Defender for Cloud Apps guide "Connect Workday": "in the OAuth 2.0 Settings section, select
//! OAuth 2.0 Clients Enabled"), and its view twin View Tenant Setup – Security. Reads whether
//! OAuth 2.0 clients are enabled and whether SAML authentication is on: the latter is
//! `saml_sso_enabled`, which decides the `redirect=n` checks (`Context::sso`).
//!
//! A state is read from the field's check box (shape) on the edit page, and from the page's
//! Yes/No texts on the view page.

use super::{read_bool, Capture, Page, PageId, Recogniser};
use crate::model::settings::{names, Setting};
use crate::pages::workday_dom;

pub struct EditTenantSetupSecurity;

use crate::pages::labels::keys::edit_tenant_setup_security as L;
use crate::pages::labels::{self, YesNo};

const PAGE: PageId = PageId::EditTenantSetupSecurity;
const YES_NO: Option<YesNo> = Some(YesNo {
    yes: L::YES,
    no: L::NO,
});

impl Recogniser for EditTenantSetupSecurity {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/task/2997$1542.htmld",
            "https://wd5.myworkday.com/acme/d/task/2997$1542.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &[
            "Edit Tenant Setup - Security",
            "Edit Tenant Setup – Security",
            "View Tenant Setup - Security",
        ]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let scope = page.scope_titled(L::TITLE)?;
        let s = page.snapshot;
        let mut oauth = None;
        let mut saml = None;
        for field in workday_dom::fields(s, scope.node) {
            match labels::which(&[L::OAUTH_CLIENTS_ENABLED, L::SAML_ENABLED], &field.label,
            ) {
                Some(L::OAUTH_CLIENTS_ENABLED) => {
                    oauth = oauth.or_else(|| read_bool(s, &field, YES_NO).map(|b| (b, field.value_node)))
                }
                Some(L::SAML_ENABLED) => {
                    saml = saml.or_else(|| read_bool(s, &field, YES_NO).map(|b| (b, field.value_node)))
                }
                _ => {}
            }
        }
        let mut settings = Vec::new();
        if let Some((b, at)) = oauth {
            settings.push(Setting::bool(names::OAUTH_CLIENTS_ENABLED, b).shown_at(at));
        }
        if let Some((b, at)) = saml {
            settings.push(Setting::bool(names::SAML_SSO_ENABLED, b).shown_at(at));
        }
        Some(Capture {
            page: PAGE,
            in_popup: scope.is_popup,
            params: Vec::new(),
            settings,
        })
    }
}
