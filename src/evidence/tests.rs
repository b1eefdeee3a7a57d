//! The store's rules, tested: merging, deduplicating, page reads, bounds, refresh-token
//! retirement within one origin, the evidence handed to the checks, and the objects a record is
//! about with the partner's among them.

use super::capture::{split, Capture, PageShown, MAX_RECORDS_PER_PAGE};
use super::choice::{choose, Because, Prefs};
use super::key::RecordKey;
use super::objects::objects;
use super::origin::Origin;
use super::record::{
    page_title, Record, RetiredReason, MAX_NEW_PER_CAPTURE, MAX_PARAMS, MAX_VALUE_BYTES,
};
use super::scope::{scope, ObjectKind};
use crate::model::page_id::PageId;
use crate::model::param::{Param, ParamInput, ParamKind, Source};
use crate::model::partner::partner;
use crate::model::settings::{names, record, Setting};

const ACME: &str = "wd3.implementation:acme";
const HERE: &str = "wd3-impl.workday.com/acme";
const REST: &str = "https://wd3-impl-services1.workday.com/ccx/api/v1/acme";
const ID_DEFENDER: &str = "OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm";
const ID_PORTAL: &str = "MTE2Mjk0ODYtNDk5YS00MTBmLWFiNjgtYjk0YWUwMGVjODZi";
const ID_SYNC: &str = "YmRkNjQwZmItMDY2Ny00YWQxLTljODAtMzE3ZmEzYjE3OTlk";

fn key(s: &str) -> RecordKey {
    RecordKey::parse(s).unwrap()
}

fn input(kind: ParamKind, value: &str) -> ParamInput {
    ParamInput {
        kind,
        value: value.into(),
        name: None,
        tenant: None,
        source: Source::default(),
        client: None,
    }
}

fn named(kind: ParamKind, value: &str, name: &str) -> ParamInput {
    ParamInput {
        name: Some(name.into()),
        ..input(kind, value)
    }
}

/// A client-scoped value of API client `client` (its name as the page shows it).
fn of_client(kind: ParamKind, value: &str, client: &str) -> ParamInput {
    ParamInput {
        name: (kind != ParamKind::RefreshToken).then(|| client.to_string()),
        client: Some(client.into()),
        ..input(kind, value)
    }
}

fn capture(
    page: PageId,
    url: &str,
    at: u64,
    params: Vec<ParamInput>,
    settings: Vec<Setting>,
) -> Capture {
    capture_from(HERE, page, url, at, params, settings)
}

fn capture_from(
    origin: &str,
    page: PageId,
    url: &str,
    at: u64,
    params: Vec<ParamInput>,
    settings: Vec<Setting>,
) -> Capture {
    Capture {
        key: Some(key(ACME)),
        page: Some(page),
        title: format!("{} - Workday", page.as_str()),
        url: url.into(),
        origin: Origin::parse(origin),
        at,
        params,
        settings,
        unrecognised: false,
    }
}

fn merged(captures: Vec<Capture>) -> Record {
    captures
        .iter()
        .fold(Record::new(Some(key(ACME)), 0), |r, c| r.merge(c))
}

fn values(r: &Record, kind: ParamKind) -> Vec<String> {
    r.params
        .iter()
        .filter(|p| p.kind == kind)
        .map(|p| p.value.clone())
        .collect()
}

#[test]
fn merge_keeps_one_entry_per_kind_and_value_with_the_newest_name_and_label() {
    let mut client = named(ParamKind::ClientId, ID_DEFENDER, "Defender");
    client.source.label = Some("Client ID".into());
    client.source.node = Some(115);
    let r = merged(vec![capture(
        PageId::ViewApiClients,
        "u1",
        1,
        vec![input(ParamKind::RestEndpoint, REST), client.clone()],
        vec![Setting::text(names::API_CLIENTS_TAB, "api_clients")],
    )]);
    assert_eq!(r.params.len(), 2);
    let p = &r.params[1];
    assert_eq!(
        (
            p.name.as_deref(),
            p.label.as_deref(),
            p.page,
            p.tenant.as_deref(),
            p.at
        ),
        (
            Some("Defender"),
            Some("Client ID"),
            Some(PageId::ViewApiClients),
            Some("acme"),
            1
        )
    );
    let stored = serde_json::to_string(p).unwrap();
    assert!(
        !stored.contains("node"),
        "page-local node indices are not kept: {stored}"
    );
    assert_eq!(r.reads.len(), 1);
    assert_eq!(r.reads[0].title, "view_api_clients");

    let r = r.merge(&capture(
        PageId::ViewApiClients,
        "u2",
        2,
        vec![
            ParamInput {
                name: None,
                ..client.clone()
            },
            input(ParamKind::ClientId, &format!("{ID_DEFENDER} ")),
        ],
        vec![Setting::text(
            names::API_CLIENTS_TAB,
            "api_clients_for_integrations",
        )],
    ));
    assert_eq!(
        r.params.len(),
        3,
        "a value differing by a trailing space is another value"
    );
    assert_eq!(
        r.params[1].name.as_deref(),
        Some("Defender"),
        "a later capture without a name keeps the name"
    );
    assert_eq!(r.params[1].at, 2);
    // The same page at another address is another read: its settings join, they do not replace.
    let (_, settings) = r.evidence(0);
    assert_eq!(
        settings
            .iter()
            .map(|s| s.as_text().unwrap())
            .collect::<Vec<_>>(),
        ["api_clients", "api_clients_for_integrations"]
    );
    // Read again at the same address: replaced.
    let r = r.merge(&capture(
        PageId::ViewApiClients,
        "u2",
        3,
        vec![],
        vec![Setting::text(names::API_CLIENTS_TAB, "api_clients")],
    ));
    assert_eq!(
        r.reads
            .iter()
            .map(|x| (x.url.as_str(), x.at))
            .collect::<Vec<_>>(),
        [("u2", 3), ("u1", 1)]
    );
    assert_eq!(
        r.reads[0].settings,
        [Setting::text(names::API_CLIENTS_TAB, "api_clients")]
    );
    assert_eq!(r.updated, 3);
    assert_eq!(r.pages_seen(0), [PageId::ViewApiClients]);
    assert_eq!(r.reads[0].page, Some(PageId::ViewApiClients));
    assert_eq!(r.pages_seen(4), []);
}

#[test]
fn a_record_keeps_at_most_max_params_values_dropping_the_least_recently_seen() {
    let mut r = Record::new(Some(key(ACME)), 0);
    for i in 0..=MAX_PARAMS as u64 {
        r = r.merge(&capture(
            PageId::ViewApiClients,
            "u",
            i,
            vec![input(ParamKind::ClientId, &format!("v{i}"))],
            vec![],
        ));
    }
    assert_eq!(r.params.len(), MAX_PARAMS);
    assert!(!r.params.iter().any(|p| p.value == "v0"));
    assert!(r.params.iter().any(|p| p.value == format!("v{MAX_PARAMS}")));
}

#[test]
fn a_capture_that_adds_nothing_but_newer_times_is_unchanged_for_a_minute() {
    let c = |at, params: Vec<ParamInput>, settings: Vec<Setting>| {
        capture(PageId::ViewApiClients, "u", at, params, settings)
    };
    let both = || {
        vec![
            input(ParamKind::RestEndpoint, REST),
            input(ParamKind::ClientId, ID_DEFENDER),
        ]
    };
    let tab = || vec![Setting::text(names::API_CLIENTS_TAB, "api_clients")];
    let first = Record::new(Some(key(ACME)), 0).merge(&c(1000, both(), tab()));
    assert!(first.unchanged(&first.merge(&c(2000, both(), tab()))));
    assert!(
        !first.unchanged(&first.merge(&c(61_000, both(), tab()))),
        "refreshed after a minute"
    );
    assert!(!first.unchanged(&first.merge(&c(2000, vec![input(ParamKind::OrgId, "x")], tab()))));
    assert!(
        first.unchanged(&first.merge(&c(2000, both(), vec![]))),
        "settings are kept, not removed"
    );
}

#[test]
fn the_evidence_is_what_the_checks_take_settings_oldest_first() {
    let r = merged(vec![
        capture(
            PageId::EditTenantSetupSecurity,
            "a",
            1,
            vec![],
            vec![Setting::bool(names::OAUTH_CLIENTS_ENABLED, false)],
        ),
        capture(
            PageId::EditTenantSetupSecurity,
            "b",
            2,
            vec![input(ParamKind::RestEndpoint, REST)],
            vec![Setting::bool(names::OAUTH_CLIENTS_ENABLED, true)],
        ),
    ]);
    let (params, settings) = r.evidence(0);
    assert_eq!(params.len(), 1);
    assert_eq!(params[0].tenant.as_deref(), Some("acme"));
    assert_eq!(params[0].source.page, Some(PageId::EditTenantSetupSecurity));
    assert_eq!(
        settings
            .iter()
            .map(|s| s.as_bool().unwrap())
            .collect::<Vec<_>>(),
        [false, true]
    );
    let (params, settings) = r.evidence(2);
    assert_eq!(
        (params.len(), settings.len()),
        (1, 1),
        "since: only what was seen from then on"
    );
}

#[test]
fn page_titles_lose_workday_s_suffix() {
    assert_eq!(page_title("View API Clients - Workday"), "View API Clients");
    assert_eq!(
        page_title("Afficher les clients API \u{2013} Workday"),
        "Afficher les clients API"
    );
    assert_eq!(page_title("Workday"), "Workday");
    assert_eq!(page_title(""), "");
}

#[test]
fn a_partner_export_used_is_kept_through_later_captures_and_counts_from_the_reset_on() {
    let r = merged(vec![capture(
        PageId::ViewUrls,
        "u",
        1000,
        vec![input(ParamKind::RestEndpoint, REST)],
        vec![],
    )]);
    assert!(r.exported_since(0).is_empty());
    let r = r.mark_exported("ten-thousand-coffees", 2000);
    assert_eq!(r.params.len(), 1, "the values stay");
    let r = r
        .merge(&capture(PageId::ViewIds, "v", 3000, vec![], vec![]))
        .add_param(
            ParamKind::SoapEndpoint,
            "https://wd3-impl-services1.workday.com/ccx/service/acme/Learning/v39.2",
            None,
            3500,
        );
    assert_eq!(r.exported_since(0), ["ten-thousand-coffees"]);
    assert_eq!(r.exported_since(2000), ["ten-thousand-coffees"]);
    assert!(r.exported_since(2500).is_empty());
    let soap = r
        .params
        .iter()
        .find(|p| p.kind == ParamKind::SoapEndpoint)
        .unwrap();
    assert_eq!(
        (soap.page, soap.origin.as_ref(), soap.tenant.as_deref()),
        (None, None, Some("acme"))
    );
}

// Refresh tokens (workday-notes.md, "Values": generating a new refresh token invalidates the old
// one). Manage Refresh Tokens shows a token once, when it is generated; the same page seen
// again (the back button) shows a token that may be dead by now.
const T1: &str = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
const T2: &str = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";
const T3: &str = "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3";

fn token(value: &str, account: Option<&str>) -> ParamInput {
    ParamInput {
        name: account.map(str::to_string),
        client: Some("Acme Learning Sync".into()),
        ..input(ParamKind::RefreshToken, value)
    }
}

fn visit(r: &Record, at: u64, tokens: Vec<ParamInput>) -> Record {
    r.merge(&capture(
        PageId::ManageRefreshTokens,
        &format!("u{at}"),
        at,
        tokens,
        vec![],
    ))
}

#[test]
fn a_newer_refresh_token_for_the_same_account_retires_the_older_and_revisiting_does_not_bring_it_back(
) {
    let r = visit(
        &Record::new(Some(key(ACME)), 0),
        1000,
        vec![token(T1, Some("ISU_A"))],
    );
    let r = visit(&r, 2000, vec![token(T2, Some("ISU_A"))]);
    assert_eq!(values(&r, ParamKind::RefreshToken), [T2]);
    assert_eq!(r.retired[0].reason, RetiredReason::Superseded);
    let revisited = visit(&r, 3000, vec![token(T1, Some("ISU_A"))]);
    assert_eq!(
        values(&revisited, ParamKind::RefreshToken),
        [T2],
        "a replaced token is not captured again"
    );
    assert_eq!(
        revisited.params.iter().find(|p| p.value == T2).unwrap().at,
        2000
    );
    assert_eq!(revisited.reads[0].at, 3000, "the visit itself is recorded");
    // Seeing the current token again is an ordinary re-capture.
    assert_eq!(
        values(
            &visit(&revisited, 4000, vec![token(T2, Some("ISU_A"))]),
            ParamKind::RefreshToken
        ),
        [T2]
    );
}

#[test]
fn a_token_the_live_test_renewed_stays_replaced_when_its_page_is_revisited() {
    let r = visit(
        &Record::new(Some(key(ACME)), 0),
        1000,
        vec![token(T1, Some("ISU_A"))],
    );
    let r = r.renew_refresh_token(Some(T1), T3, None, 2000);
    assert_eq!(values(&r, ParamKind::RefreshToken), [T3]);
    let p = &r.params[0];
    assert_eq!(
        (p.renewed, p.name.as_deref(), p.client.as_deref()),
        (Some(2000), Some("ISU_A"), Some("Acme Learning Sync"))
    );
    assert_eq!(r.retired[0].reason, RetiredReason::Renewed);
    let revisited = visit(&r, 3000, vec![token(T1, Some("ISU_A"))]);
    assert_eq!(values(&revisited, ParamKind::RefreshToken), [T3]);
    let later = revisited
        .add_param(ParamKind::ClientId, ID_SYNC, None, 3500)
        .mark_exported("kombo", 3600);
    assert_eq!(
        values(
            &visit(&later, 4000, vec![token(T1, Some("ISU_A"))]),
            ParamKind::RefreshToken
        ),
        [T3]
    );
    // A token issued with nothing to replace is added for the client tested.
    let added =
        Record::new(Some(key(ACME)), 0).renew_refresh_token(None, T2, Some("VivaLearning"), 5);
    assert_eq!(added.params[0].client.as_deref(), Some("VivaLearning"));
    assert_eq!(added.params[0].renewed, Some(5));
}

#[test]
fn refresh_tokens_of_other_accounts_or_of_an_account_not_shown_replace_nothing() {
    let r = visit(
        &Record::new(Some(key(ACME)), 0),
        1000,
        vec![token(T1, Some("ISU_A"))],
    );
    let r = visit(&r, 2000, vec![token(T2, Some("ISU_B"))]);
    let r = visit(&r, 3000, vec![token(T3, None)]);
    assert_eq!(values(&r, ParamKind::RefreshToken), [T1, T2, T3]);
}

#[test]
fn retirement_never_crosses_origins_and_a_foreign_capture_never_outranks_the_record_s_own() {
    let own = visit(
        &Record::new(Some(key(ACME)), 0),
        1000,
        vec![token(T1, Some("ISU_A"))],
    );
    // A page of another tenant (globex, on the same host) shows a token for the same account.
    let foreign = own.merge(&capture_from(
        "wd3-impl.workday.com/globex",
        PageId::ManageRefreshTokens,
        "g",
        2000,
        vec![token(T2, Some("ISU_A"))],
        vec![],
    ));
    assert_eq!(
        values(&foreign, ParamKind::RefreshToken),
        [T1, T2],
        "the record's own token stays"
    );
    assert!(foreign.retired.is_empty());
    // The foreign page shows the record's own token again: it stays the record's own, as it was.
    let again = foreign.merge(&capture_from(
        "wd3-impl.workday.com/globex",
        PageId::ManageRefreshTokens,
        "g",
        3000,
        vec![token(T1, Some("ISU_B"))],
        vec![],
    ));
    let t1 = again.params.iter().find(|p| p.value == T1).unwrap();
    assert_eq!((t1.at, t1.name.as_deref()), (1000, Some("ISU_A")));
    assert!(again.is_own(t1.origin.as_ref()));
    // The record's own newer token retires only its own older one.
    let newer = again.merge(&capture(
        PageId::ManageRefreshTokens,
        "u",
        4000,
        vec![token(T3, Some("ISU_A"))],
        vec![],
    ));
    assert_eq!(values(&newer, ParamKind::RefreshToken), [T2, T3]);
    // Among a client's tokens the record's own ranks first, whatever the time.
    let o = objects(&newer);
    let tokens: Vec<&str> = o.clients[0]
        .refresh_tokens
        .iter()
        .map(|&i| newer.params[i].value.as_str())
        .collect();
    assert_eq!(tokens, [T3, T2]);
}

#[test]
fn the_same_tenant_on_another_family_is_another_record() {
    let page = key(ACME);
    let params = [
        Param::new(ParamKind::RestEndpoint, REST),
        Param::new(
            ParamKind::RestEndpoint,
            "https://wd5-services1.myworkday.com/ccx/api/v1/acme",
        ),
    ];
    let parts = split(
        Some(&page),
        &PageShown {
            page: Some(PageId::ViewApiClients),
            title: "View API Clients",
            url: "https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld",
            origin: Origin::parse(HERE),
            at: 1,
            params: &params,
            settings: &[],
        },
    );
    let records: Vec<Record> = parts
        .iter()
        .map(|c| Record::new(c.key.clone(), 0).merge(c))
        .collect();
    assert_eq!(records.len(), 2);
    assert_eq!(records[1].key, Some(key("wd5.production:acme")));
    assert_eq!(
        values(&records[1], ParamKind::RestEndpoint),
        ["https://wd5-services1.myworkday.com/ccx/api/v1/acme"]
    );
    assert!(
        !records[1].is_own(records[1].params[0].origin.as_ref()),
        "captured on another family's page"
    );
    assert!(records[0].is_own(records[0].params[0].origin.as_ref()));
}

#[test]
fn a_record_of_another_shape_is_not_read() {
    let old = serde_json::json!({
        "tenant": "acme", "updated": 1, "pages": {},
        "params": [{"kind": "client_id", "value": ID_SYNC, "name": null, "tenant": "acme", "label": null, "page": null, "at": 1}],
        "settings": [],
    });
    assert!(Record::read(old).is_none());
    let current = merged(vec![capture(
        PageId::ViewApiClients,
        "u",
        1,
        vec![input(ParamKind::ClientId, ID_SYNC)],
        vec![],
    )]);
    let back = Record::read(serde_json::to_value(&current).unwrap()).unwrap();
    assert_eq!(back.params, current.params);
    assert!(Record::read(serde_json::json!({"version": 2, "key": "nowhere:acme"})).is_none());
    // Secrets never print.
    let secret = merged(vec![capture(
        PageId::ManageRefreshTokens,
        "u",
        1,
        vec![token(T1, None)],
        vec![],
    )]);
    assert!(!format!("{secret:?}").contains(T1));
}

// ---- objects: a tenant with several API clients, security groups and ISUs ------------------

/// View API Clients (two clients by name and ID), Acme Learning Sync registered (ID, secret,
/// settings), VivaLearning's refresh token for ISU_Viva (its ID on no page yet), two groups with
/// their members, two ISUs, and Domain Security Policies for Functional Area listing both groups.
fn tenant() -> Record {
    let secret = "s".repeat(100);
    merged(vec![
        capture(
            PageId::ViewApiClients,
            "vac",
            1,
            vec![
                input(ParamKind::RestEndpoint, REST),
                of_client(
                    ParamKind::ClientId,
                    ID_DEFENDER,
                    "Microsoft Defender for Cloud Apps",
                ),
                of_client(ParamKind::ClientId, ID_PORTAL, "Reporting Portal"),
            ],
            vec![],
        ),
        capture(
            PageId::RegisterApiClient,
            "reg",
            2,
            vec![
                of_client(ParamKind::ClientId, ID_SYNC, "Acme Learning Sync"),
                of_client(ParamKind::ClientSecret, &secret, "Acme Learning Sync"),
            ],
            vec![
                Setting::text(names::CLIENT_NAME, "Acme Learning Sync"),
                Setting::text(names::CLIENT_GRANT_TYPE, "Authorization Code Grant"),
            ],
        ),
        capture(
            PageId::ManageRefreshTokens,
            "mrt",
            3,
            vec![
                named(ParamKind::IsuUsername, "ISU_Viva", "ISU_Viva"),
                ParamInput {
                    name: Some("ISU_Viva".into()),
                    client: Some("VivaLearning".into()),
                    ..input(ParamKind::RefreshToken, T1)
                },
            ],
            vec![
                Setting::text(names::WORKDAY_ACCOUNT, "ISU_Viva"),
                Setting::text(names::API_CLIENT, "VivaLearning"),
            ],
        ),
        capture(
            PageId::CreateIsu,
            "isu",
            4,
            vec![input(ParamKind::IsuUsername, "ISU_Other")],
            vec![
                Setting::text(names::ISU_USER_NAME, "ISU_Other"),
                Setting::int(names::SESSION_TIMEOUT_MINUTES, 0),
            ],
        ),
        capture(
            PageId::CreateSecurityGroup,
            "g1",
            5,
            vec![],
            vec![
                Setting::text(names::SECURITY_GROUP, "Viva Group"),
                Setting::list(names::SECURITY_GROUP_MEMBERS, vec!["ISU_Viva@acme".into()]),
            ],
        ),
        capture(
            PageId::MaintainPermissions,
            "g2",
            6,
            vec![],
            vec![
                Setting::text(names::SECURITY_GROUP, "Other Group"),
                Setting::record(
                    names::DOMAIN_PERMISSION,
                    record([("policy", "Workday Accounts"), ("get", "true")]),
                ),
            ],
        ),
        capture(
            PageId::DomainPoliciesForArea,
            "area",
            7,
            vec![],
            vec![
                Setting::text(names::FUNCTIONAL_AREA, "System"),
                Setting::record(
                    names::DOMAIN_POLICY_ACCESS,
                    record([
                        ("policy", "Security Administration"),
                        ("group", "Other Group"),
                        ("get", "true"),
                    ]),
                ),
                Setting::record(
                    names::DOMAIN_POLICY_ACCESS,
                    record([
                        ("policy", "Security Administration"),
                        ("group", "Viva Group"),
                        ("get", "false"),
                    ]),
                ),
            ],
        ),
    ])
}

#[test]
fn the_record_knows_its_api_clients_security_groups_and_isus() {
    let r = tenant();
    let o = objects(&r);
    let names: Vec<&str> = o
        .clients
        .iter()
        .map(|c| c.name.as_deref().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Microsoft Defender for Cloud Apps",
            "Reporting Portal",
            "Acme Learning Sync",
            "VivaLearning"
        ]
    );
    let sync = &o.clients[2];
    assert_eq!(
        (
            sync.ids.len(),
            sync.secrets.len(),
            sync.refresh_tokens.len()
        ),
        (1, 1, 0)
    );
    assert_eq!(
        sync.setting(&r, names::CLIENT_GRANT_TYPE)
            .unwrap()
            .0
            .as_text(),
        Some("Authorization Code Grant")
    );
    let viva = &o.clients[3];
    assert_eq!((viva.ids.len(), viva.refresh_tokens.len()), (0, 1));
    assert!(o.loose.is_empty());
    assert_eq!(
        o.groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(),
        ["Viva Group", "Other Group"]
    );
    assert_eq!(o.groups[1].policy_access(&r).len(), 1);
    assert_eq!(
        o.isus.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(),
        ["ISU_Viva", "ISU_Other"]
    );

    // VivaLearning's ID, seen later on View API Clients with its name: the same client.
    let r = r.merge(&capture(
        PageId::ViewApiClients,
        "vac2",
        8,
        vec![of_client(
            ParamKind::ClientId,
            "MjNiOGMxZTktMzkyNC00NmRlLWJlYjEtM2I5MDQ2Njg1MjU3",
            "vivalearning",
        )],
        vec![],
    ));
    let o = objects(&r);
    assert_eq!(o.clients.len(), 4);
    assert_eq!(
        (o.clients[3].ids.len(), o.clients[3].refresh_tokens.len()),
        (1, 1)
    );
    // A name-less ID later shown with a name is that client.
    let r = Record::new(Some(key(ACME)), 0)
        .merge(&capture(
            PageId::RegisterApiClient,
            "a",
            1,
            vec![input(ParamKind::ClientId, ID_SYNC)],
            vec![],
        ))
        .merge(&capture(
            PageId::ViewApiClients,
            "b",
            2,
            vec![of_client(
                ParamKind::ClientId,
                ID_SYNC,
                "Acme Learning Sync",
            )],
            vec![],
        ));
    let o = objects(&r);
    assert_eq!(o.clients.len(), 1);
    assert_eq!(o.clients[0].name.as_deref(), Some("Acme Learning Sync"));
}

#[test]
fn the_partner_s_objects_are_chosen_by_the_admin_by_name_or_as_the_only_one_and_say_why() {
    let r = tenant();
    let o = objects(&r);
    let defender = partner("defender-for-cloud-apps");
    // Named after the partner: the client seen only on View API Clients.
    let c = choose(&r, &o, defender, &Prefs::default());
    let client = c.client.unwrap();
    assert_eq!(
        (client.index, client.because),
        (0, Because::NamedAfterPartner)
    );
    // The admin's choice wins, by client ID or by name.
    for handle in [ID_SYNC, "acme learning SYNC"] {
        let prefs = Prefs {
            api_client: Some(handle.into()),
            ..Prefs::default()
        };
        let c = choose(&r, &o, defender, &prefs).client.unwrap();
        assert_eq!((c.index, c.because), (2, Because::YouChose), "{handle}");
    }
    // Several clients, none named after Kombo, none chosen: none.
    let kombo = partner("kombo");
    assert_eq!(choose(&r, &o, kombo, &Prefs::default()).client, None);
    // The ISU: the account of the chosen client's refresh token; the group: the one holding it.
    let prefs = Prefs {
        api_client: Some("VivaLearning".into()),
        ..Prefs::default()
    };
    let c = choose(&r, &o, kombo, &prefs);
    let isu = c.isu.unwrap();
    assert_eq!(
        (o.isus[isu.index].name.as_str(), isu.because),
        ("ISU_Viva", Because::TokenAccount)
    );
    let group = c.group.unwrap();
    assert_eq!(
        (o.groups[group.index].name.as_str(), group.because),
        ("Viva Group", Because::HoldsTheIsu)
    );
    // Nothing decides: no ISU, no group.
    let c = choose(&r, &o, kombo, &Prefs::default());
    assert_eq!((c.isu, c.group), (None, None));
    let prefs = Prefs {
        security_group: Some("other group".into()),
        isu: Some("ISU_Other@acme".into()),
        ..Prefs::default()
    };
    let c = choose(&r, &o, kombo, &prefs);
    assert_eq!(
        c.group.map(|g| (g.index, g.because)),
        Some((1, Because::YouChose))
    );
    assert_eq!(
        c.isu.map(|u| (u.index, u.because)),
        Some((1, Because::YouChose))
    );
}

#[test]
fn only_the_partner_s_objects_count_the_others_are_kept_apart() {
    let r = tenant();
    let o = objects(&r);
    let prefs = Prefs {
        api_client: Some("VivaLearning".into()),
        ..Prefs::default()
    };
    let c = choose(&r, &o, partner("viva-learning"), &prefs);
    let s = scope(&r, &o, &c);
    // Values: the chosen client's and the tenant-wide ones; the chosen ISU's user name only.
    let counted: Vec<(ParamKind, &str)> = r
        .params
        .iter()
        .zip(&s.values)
        .filter(|(_, on)| **on)
        .map(|(p, _)| (p.kind, p.value.as_str()))
        .collect();
    assert_eq!(
        counted,
        [
            (ParamKind::RestEndpoint, REST),
            (ParamKind::IsuUsername, "ISU_Viva"),
            (ParamKind::RefreshToken, T1)
        ]
    );
    // Settings: the reads about VivaLearning, Viva Group and ISU_Viva, the area's access rows of
    // Viva Group only.
    let settings: Vec<&str> = s.settings.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(
        settings,
        [
            names::WORKDAY_ACCOUNT,
            names::API_CLIENT,
            names::SECURITY_GROUP,
            names::SECURITY_GROUP_MEMBERS,
            names::FUNCTIONAL_AREA,
            names::DOMAIN_POLICY_ACCESS,
        ]
    );
    assert!(s.settings[5]
        .as_record()
        .unwrap()
        .get("group")
        .is_some_and(|g| g == "Viva Group"));
    let others: Vec<(ObjectKind, &str)> =
        s.others.iter().map(|x| (x.kind, x.name.as_str())).collect();
    assert_eq!(
        others,
        [
            (ObjectKind::ApiClient, "Acme Learning Sync"),
            (ObjectKind::Isu, "ISU_Other"),
            (ObjectKind::SecurityGroup, "Other Group"),
        ]
    );
}

#[test]
fn a_flooding_page_leaves_what_other_pages_showed_intact() {
    // What the admin captured on three pages.
    let mut r = merged(vec![
        capture(
            PageId::RegisterApiClient,
            "https://wd3-impl.workday.com/acme/d/task/2997$2141.htmld",
            1,
            vec![
                of_client(ParamKind::ClientId, ID_DEFENDER, "Defender"),
                of_client(
                    ParamKind::ClientSecret,
                    "s3cr3t-of-defender-0123456789abcdef",
                    "Defender",
                ),
            ],
            vec![],
        ),
        capture(
            PageId::ViewApiClients,
            "https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld",
            2,
            vec![input(ParamKind::RestEndpoint, REST)],
            vec![],
        ),
        capture(
            PageId::ManageRefreshTokens,
            "https://wd3-impl.workday.com/acme/d/task/2997$2153.htmld",
            3,
            vec![token(
                "refresh-token-of-the-isu-0123456789",
                Some("ISU_Defender"),
            )],
            vec![],
        ),
    ]);
    let before: Vec<String> = r.params.iter().map(|p| p.value.clone()).collect();
    // A page that shows thousands of values, read again and again as it changes.
    for round in 0..20u64 {
        let flood: Vec<ParamInput> = (0..2_000)
            .map(|i| input(ParamKind::ClientId, &format!("flood-{round}-{i}")))
            .collect();
        // The same kind of page as one the admin read, at another address.
        let next = r.merge(&capture(
            PageId::ViewApiClients,
            "https://wd3-impl.workday.com/acme/d/task/2997$2152.htmld",
            10 + round,
            flood,
            vec![],
        ));
        let added = next.params.len().saturating_sub(r.params.len());
        assert!(added <= MAX_NEW_PER_CAPTURE, "one read added {added}");
        r = next;
        assert!(r.params.len() <= MAX_PARAMS);
    }
    for value in &before {
        assert!(
            r.params.iter().any(|p| &p.value == value),
            "a value another page showed was pushed out"
        );
    }
    assert!(
        r.params.iter().any(|p| p.value.starts_with("flood-19-")),
        "the flood's newest read is kept"
    );
}

#[test]
fn a_value_longer_than_any_workday_value_is_not_kept() {
    let long = format!(
        "https://wd3-impl-services1.workday.com/ccx/api/v1/acme?q={}",
        "x".repeat(MAX_VALUE_BYTES)
    );
    let r = merged(vec![capture(
        PageId::ViewApiClients,
        "u",
        1,
        vec![
            input(ParamKind::RestEndpoint, &long),
            input(ParamKind::RestEndpoint, REST),
        ],
        vec![],
    )]);
    assert_eq!(values(&r, ParamKind::RestEndpoint), [REST]);
}

#[test]
fn a_page_naming_many_tenants_adds_to_a_bounded_number_of_records_its_own_first() {
    let page = key(ACME);
    let params: Vec<Param> = (0..50)
        .map(|i| {
            Param::new(
                ParamKind::RestEndpoint,
                format!("https://wd3-impl-services1.workday.com/ccx/api/v1/tenant{i}"),
            )
        })
        .chain([Param::new(ParamKind::RestEndpoint, REST)])
        .collect();
    let parts = split(
        Some(&page),
        &PageShown {
            page: Some(PageId::ViewApiClients),
            title: "View API Clients",
            url: "https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld",
            origin: Origin::parse(HERE),
            at: 1,
            params: &params,
            settings: &[],
        },
    );
    assert_eq!(parts.len(), MAX_RECORDS_PER_PAGE);
    assert_eq!(parts[0].key, Some(page));
    assert!(
        parts[0].params.iter().any(|p| p.value == REST),
        "the page's own tenant always gets its values"
    );
}
