//! Manage Refresh Tokens for Integrations (the Viva Learning guide "Generate connection parameters in Workday" and the Kombo guide "Linking your Workday account"), reached from an API client's
//! related actions ("API Client > Manage Refresh Tokens for Integrations"), often as a popup
//! over the client's page. Three steps:
//! 1. `form`: choose the Workday account (the ISU);
//! 2. `confirm`: tick "Generate New Refresh Token" and OK;
//! 3. `result`: the new refresh token, shown to copy.
//!
//! Captures the account (as the `workday_account` setting and an `isu_username` parameter),
//! the generate box's state and the refresh token (a secret), which belongs to the API client
//! the page names (its `client`). The token is taken from the field
//! labelled Refresh Token; its shape (~100 characters of `[a-z0-9]`, weak evidence in the
//! notes) is the fallback when no field is labelled so.

use super::{first_value, read_bool, Capture, Page, PageId, Recogniser};
use crate::model::param::{Param, ParamKind};
use crate::model::settings::{names, Setting};
use crate::pages::workday_dom;
use crate::workday::values;

pub struct ManageRefreshTokens;

use crate::pages::labels::keys::manage_refresh_tokens as L;
use crate::pages::labels::{self, Label, YesNo};

const PAGE: PageId = PageId::ManageRefreshTokens;
const YES_NO: Option<YesNo> = Some(YesNo {
    yes: L::YES,
    no: L::NO,
});

const KEYS: &[Label] = &[
    L::WORKDAY_ACCOUNT,
    L::API_CLIENT,
    L::GENERATE_NEW_REFRESH_TOKEN,
    L::REFRESH_TOKEN,
];

impl Recogniser for ManageRefreshTokens {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/inst/15194$1234/rel-task/2997$4801.htmld",
            "https://wd5.myworkday.com/acme/d/task/2997$4801.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &[
            "Manage Refresh Tokens for Integrations",
            "Manage Refresh Token for Integration",
        ]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let scope = page.scope_titled(L::TITLE)?;
        let s = page.snapshot;
        let tenant = page.tenant();
        let mut params: Vec<Param> = Vec::new();
        let mut settings: Vec<Setting> = Vec::new();
        let mut account: Option<String> = None;
        let mut client: Option<String> = None;
        let mut generate_box = false;
        let mut token_like = Vec::new();

        for field in workday_dom::fields(s, scope.node) {
            let Some(value_node) = field.value_node else {
                continue;
            };
            if workday_dom::is_password(s, value_node) {
                continue;
            }
            let source = page.source(PAGE, Some(&field.label), Some(value_node));
            match labels::which(KEYS, &field.label) {
                Some(L::WORKDAY_ACCOUNT) => {
                    if let Some(v) = first_value(s, &field) {
                        settings.push(Setting::text(names::WORKDAY_ACCOUNT, v.clone()));
                        params.push(
                            Param::new(ParamKind::IsuUsername, v.clone())
                                .with_context_tenant(tenant.clone())
                                .with_source(source),
                        );
                        account = Some(v);
                    }
                }
                Some(L::API_CLIENT) => {
                    if let Some(v) = first_value(s, &field) {
                        settings.push(Setting::text(names::API_CLIENT, v.clone()));
                        client = Some(v);
                    }
                }
                Some(L::GENERATE_NEW_REFRESH_TOKEN) => {
                    if let Some(b) = read_bool(s, &field, YES_NO) {
                        generate_box = true;
                        settings.push(Setting::bool(names::GENERATE_NEW_REFRESH_TOKEN, b));
                    }
                }
                Some(L::REFRESH_TOKEN) => {
                    if let Some(v) = first_value(s, &field) {
                        params.push(
                            Param::new(ParamKind::RefreshToken, v)
                                .with_context_tenant(tenant.clone())
                                .with_source(source),
                        );
                    }
                }
                _ => {
                    for v in workday_dom::values(s, value_node) {
                        if values::is_client_id(v.trim()) {
                            params.push(
                                Param::new(ParamKind::ClientId, v)
                                    .with_context_tenant(tenant.clone())
                                    .with_source(source.clone()),
                            );
                        } else if values::is_secret_like(v.trim()) {
                            token_like.push((v, source.clone()));
                        }
                    }
                }
            }
        }
        if !params.iter().any(|p| p.kind == ParamKind::RefreshToken) {
            if let [(value, source)] = token_like.as_slice() {
                params.push(
                    Param::new(ParamKind::RefreshToken, value.clone())
                        .with_context_tenant(tenant.clone())
                        .with_source(source.clone()),
                );
            }
        }
        if let Some(account) = account {
            for p in params
                .iter_mut()
                .filter(|p| p.kind == ParamKind::RefreshToken)
            {
                p.name = Some(account.clone());
            }
        }
        // The task manages one API client's tokens (the Viva Learning guide "Generate
        // connection parameters in Workday": "API Client > Manage Refresh Tokens for
        // Integrations"): the token and a client ID shown are that client's.
        if let Some(client) = client {
            for p in params.iter_mut().filter(|p| p.kind.is_client_scoped()) {
                p.client = Some(client.clone());
            }
        }

        let step = if params.iter().any(|p| p.kind == ParamKind::RefreshToken) {
            "result"
        } else if generate_box {
            "confirm"
        } else {
            "form"
        };
        settings.insert(0, Setting::text(names::STEP, step));
        Some(Capture {
            page: PAGE,
            in_popup: scope.is_popup,
            params,
            settings,
        })
    }
}
