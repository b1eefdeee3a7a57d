//! One API client's view page (reached from View API Clients, or the "View API Client for
//! Integrations" action of the Viva Learning guide "Generate connection parameters in Workday"): the client's name and ID, grant type, access token type,
//! redirection URI, refresh-token settings and scopes. The client ID is told by its shape
//! (base64 of a UUID) under any label, by the `Client ID` label otherwise.

use super::{ApiClientLabels, api_client_setting, Capture, Page, PageId, Recogniser};
use crate::model::param::{Param, ParamKind};
use crate::model::settings::{names, Setting};
use crate::pages::workday_dom;
use crate::workday::values;

pub struct ViewApiClient;

use crate::pages::labels::keys::view_api_client as L;
use crate::pages::labels::{self, YesNo};

const PAGE: PageId = PageId::ViewApiClient;
const API_CLIENT_LABELS: ApiClientLabels = ApiClientLabels {
    client_name: L::CLIENT_NAME,
    client_grant_type: L::CLIENT_GRANT_TYPE,
    access_token_type: L::ACCESS_TOKEN_TYPE,
    redirection_uri: L::REDIRECTION_URI,
    non_expiring_refresh_tokens: L::NON_EXPIRING_REFRESH_TOKENS,
    refresh_token_timeout: L::REFRESH_TOKEN_TIMEOUT,
    scopes: L::SCOPES,
    yes_no: YesNo {
        yes: L::YES,
        no: L::NO,
    },
};

impl Recogniser for ViewApiClient {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/inst/15194$1234/rel-task/2997$2157.htmld",
            "https://wd5.myworkday.com/acme/d/inst/15194$987/rel-task/2997$2157.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &["View API Client", "View API Client for Integrations"]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let scope = page.scope_titled(L::TITLE)?;
        let s = page.snapshot;
        let integrations = page.active_title_is(L::TITLE_INTEGRATIONS);
        let mut params: Vec<Param> = Vec::new();
        let mut settings = vec![Setting::text(
            names::API_CLIENT_VARIANT,
            if integrations {
                "api_client_for_integrations"
            } else {
                "api_client"
            },
        )];

        for field in workday_dom::fields(s, scope.node) {
            let Some(value_node) = field.value_node else {
                continue;
            };
            let labelled_id = labels::which(&[L::CLIENT_ID], &field.label).is_some();
            if !labelled_id {
                if let Some(setting) = api_client_setting(&API_CLIENT_LABELS, s, &field) {
                    settings.push(setting);
                    continue;
                }
            }
            for value in workday_dom::values(s, value_node) {
                if values::is_client_id(value.trim()) || labelled_id {
                    params.push(
                        Param::new(ParamKind::ClientId, value)
                            .with_context_tenant(page.tenant())
                            .with_source(page.source(PAGE, Some(&field.label), Some(value_node))),
                    );
                }
            }
        }

        if let Some(name) = settings
            .iter()
            .find(|s| s.name == names::CLIENT_NAME)
            .and_then(|s| s.as_text())
        {
            // The page shows one API client: its ID is that client's.
            for p in &mut params {
                p.name = Some(name.to_string());
                p.client = Some(name.to_string());
            }
        }

        Some(Capture {
            page: PAGE,
            in_popup: scope.is_popup,
            params,
            settings,
        })
    }
}
