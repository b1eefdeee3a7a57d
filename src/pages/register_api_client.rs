//! Register API Client and Register API Client for Integrations: the form (client name, grant
//! type, access token type, redirection URI, non-expiring refresh tokens or the timeout in
//! days, scopes) and the result page (Client ID, the Client Secret shown once, and on the plain
//! variant the REST API, token and authorization endpoints). Guides: Defender for Cloud Apps
//! "Connect Workday" (the plain task), Kombo "Linking your Workday account", and Viva Learning
//! "Generate connection parameters in the Workday portal" (the integrations task).
//!
//! Values are told by shape first: a base64-of-a-UUID value is the client ID under whatever
//! label, a URL's path decides which endpoint it is. The secret's shape is weak evidence
//! (the notes' "Values"), so the `Client Secret` label decides, with the shape only as a fallback when no
//! field is labelled so.

use super::{ApiClientLabels, api_client_setting, endpoint_param, Capture, Page, PageId, Recogniser};
use crate::model::param::{Param, ParamKind};
use crate::model::settings::{names, Setting};
use crate::pages::workday_dom;
use crate::workday::values;

pub struct RegisterApiClient;

use crate::pages::labels::keys::register_api_client as L;
use crate::pages::labels::{self, Label, YesNo};

const PAGE: PageId = PageId::RegisterApiClient;
const ENDPOINT_LABELS: [Label; 3] = [L::REST_ENDPOINT, L::TOKEN_ENDPOINT, L::AUTHORIZATION_ENDPOINT];
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

impl Recogniser for RegisterApiClient {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/task/2997$2141.htmld",
            "https://wd3-impl.workday.com/acme/d/task/2997$10102.htmld",
            "https://wd5.myworkday.com/acme/d/task/2997$2141.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &[
            "Register API Client",
            "Register API Client for Integrations",
            "Register API Client for Integrations - Workday",
        ]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let scope = page.scope_titled(L::TITLE)?;
        let s = page.snapshot;
        let tenant = page.tenant();
        let integrations = page.active_title_is(L::TITLE_INTEGRATIONS);
        let mut params: Vec<Param> = Vec::new();
        let mut settings: Vec<Setting> = Vec::new();
        // Secret-shaped values seen under labels that are not the secret's, kept in case no
        // field is labelled Client Secret.
        let mut secret_like = Vec::new();

        for field in workday_dom::fields(s, scope.node) {
            let Some(value_node) = field.value_node else {
                continue;
            };
            if workday_dom::is_password(s, value_node) {
                continue;
            }
            if let Some(setting) = api_client_setting(&API_CLIENT_LABELS, s, &field) {
                settings.push(setting);
                continue;
            }
            let key = labels::which(&[L::CLIENT_ID, L::CLIENT_SECRET], &field.label);
            let source = page.source(PAGE, Some(&field.label), Some(value_node));
            for value in workday_dom::values(s, value_node) {
                let kind = if values::is_client_id(value.trim()) {
                    Some(ParamKind::ClientId)
                } else {
                    match key {
                        Some(L::CLIENT_ID) => Some(ParamKind::ClientId),
                        Some(L::CLIENT_SECRET) => Some(ParamKind::ClientSecret),
                        _ => None,
                    }
                };
                if let Some(kind) = kind {
                    params.push(
                        Param::new(kind, value)
                            .with_context_tenant(tenant.clone())
                            .with_source(source.clone()),
                    );
                } else if let Some(p) = endpoint_param(ENDPOINT_LABELS, &field.label, &value) {
                    params.push(p.with_source(source.clone()));
                } else if values::is_secret_like(value.trim()) {
                    secret_like.push((value, source.clone()));
                }
            }
        }
        if !params.iter().any(|p| p.kind == ParamKind::ClientSecret) {
            if let [(value, source)] = secret_like.as_slice() {
                params.push(
                    Param::new(ParamKind::ClientSecret, value.clone())
                        .with_context_tenant(tenant.clone())
                        .with_source(source.clone()),
                );
            }
        }

        let client_name = settings
            .iter()
            .find(|s| s.name == names::CLIENT_NAME)
            .and_then(|s| s.as_text())
            .map(str::to_string);
        if let Some(name) = client_name {
            // The page registers one API client: its ID and secret are that client's.
            for p in params
                .iter_mut()
                .filter(|p| matches!(p.kind, ParamKind::ClientId | ParamKind::ClientSecret))
            {
                p.name = Some(name.clone());
                p.client = Some(name.clone());
            }
        }

        let result = params
            .iter()
            .any(|p| matches!(p.kind, ParamKind::ClientId | ParamKind::ClientSecret));
        let mut head = vec![
            Setting::text(names::STEP, if result { "result" } else { "form" }),
            Setting::text(
                names::API_CLIENT_VARIANT,
                if integrations {
                    "api_client_for_integrations"
                } else {
                    "api_client"
                },
            ),
        ];
        head.append(&mut settings);

        Some(Capture {
            page: PAGE,
            in_popup: scope.is_popup,
            params,
            settings: head,
        })
    }
}
