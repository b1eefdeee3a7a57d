//! View API Clients (both tabs: "API Clients" and "API Clients for Integrations"). Shows the
//! tenant's Workday REST API Endpoint, Token Endpoint and Authorization Endpoint at the top, and
//! a table of registered clients with their Client IDs. Guides: Kombo "Linking your
//! Workday account" (§ Find your Workday Service URL), Viva Learning "Generate connection
//! parameters in the Workday portal" (step 5), Defender for Cloud Apps "Connect Workday".

use super::{Capture, Page, PageId, Recogniser};
use crate::model::param::{Param, ParamKind, Source};
use crate::model::settings::{names, Setting, SettingValue};
use crate::pages::workday_dom;
use crate::workday::values;

pub struct ViewApiClients;

use crate::pages::labels::keys::view_api_clients as L;
use crate::pages::labels::Label;

const PAGE: PageId = PageId::ViewApiClients;
const ENDPOINT_LABELS: [Label; 3] = [L::REST_ENDPOINT, L::TOKEN_ENDPOINT, L::AUTHORIZATION_ENDPOINT];

impl Recogniser for ViewApiClients {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld",
            "https://wd5.myworkday.com/acme/d/task/2997$2151.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &["View API Clients", "View API Clients - Workday"]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let scope = page.scope_titled(L::TITLE)?;
        let s = page.snapshot;
        let tenant = page.tenant();
        let mut params = Vec::new();
        let mut settings = Vec::new();

        for field in workday_dom::fields(s, scope.node) {
            let Some(value_node) = field.value_node else {
                continue;
            };
            for value in workday_dom::values(s, value_node) {
                if let Some(p) = super::endpoint_param(ENDPOINT_LABELS, &field.label, &value) {
                    params.push(p.with_source(Source {
                        page: Some(PAGE),
                        label: Some(field.label.clone()),
                        line: None,
                        node: Some(value_node),
                        ..Source::default()
                    }));
                }
            }
        }

        for table in workday_dom::tables(s, scope.node) {
            let id_col = table
                .headers
                .iter()
                .position(|h| L::CLIENT_ID.matches(h));
            let name_col = table
                .headers
                .iter()
                .position(|h| L::CLIENT_NAME.matches(h));
            for row in &table.rows {
                let texts: Vec<String> =
                    row.iter().map(|&c| workday_dom::cell_text(s, c)).collect();
                // Shape first: a cell holding base64-of-a-UUID is a client ID wherever it is;
                // the labelled column is the fallback for values that are not well formed.
                let id = texts
                    .iter()
                    .position(|t| values::is_client_id(t.trim()))
                    .or(id_col.filter(|&i| texts.get(i).is_some_and(|t| !t.is_empty())));
                let Some(id) = id else { continue };
                let name = name_col
                    .or(Some(0))
                    .filter(|&n| n != id)
                    .and_then(|n| texts.get(n));
                let mut p = Param::new(ParamKind::ClientId, texts[id].clone())
                    .with_context_tenant(tenant.clone())
                    .with_source(Source {
                        page: Some(PAGE),
                        label: table.headers.get(id).cloned(),
                        line: None,
                        node: row.get(id).copied(),
                        ..Source::default()
                    });
                if let Some(name) = name.filter(|n| !n.is_empty()) {
                    // The row is one API client: its name is the value's name and its client.
                    p = p.with_name(name.clone()).with_client(Some(name.clone()));
                }
                params.push(p);
            }
        }

        if let Some((tab, _)) = workday_dom::tabs(s)
            .into_iter()
            .find(|(_, selected)| *selected)
        {
            let which = if L::TAB_API_CLIENTS_FOR_INTEGRATIONS.matches(&tab) {
                Some("api_clients_for_integrations")
            } else if L::TAB_API_CLIENTS.matches(&tab) {
                Some("api_clients")
            } else {
                None
            };
            if let Some(which) = which {
                settings.push(Setting::new(
                    names::API_CLIENTS_TAB,
                    SettingValue::Text(which.into()),
                ));
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
