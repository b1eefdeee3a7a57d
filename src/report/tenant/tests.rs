//! The tenant view on a tenant with several API clients, security groups and ISUs: one pass of
//! the checks; the export and the live test use one client's values; the checklist judges the
//! partner's own objects; findings grouped by step name their object.

use super::*;
use crate::evidence::capture::Capture;
use crate::evidence::origin::Origin;
use crate::model::param::{ParamInput, Source};
use crate::model::settings::{record, Setting};
use crate::partner::checklist::StepState;

const ACME: &str = "wd3.implementation:acme";
const REST: &str = "https://wd3-impl-services1.workday.com/ccx/api/v1/acme";
const TOKEN: &str = "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token";
const AUTH: &str = "https://wd3-impl.workday.com/acme/authorize";
const ID_DEFENDER: &str = "OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm";
const ID_PORTAL: &str = "MTE2Mjk0ODYtNDk5YS00MTBmLWFiNjgtYjk0YWUwMGVjODZi";
const ID_SYNC: &str = "YmRkNjQwZmItMDY2Ny00YWQxLTljODAtMzE3ZmEzYjE3OTlk";
const SECRET_SYNC: &str = "k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8o9p0l1k2j3h4g5f6d7s8a9z0x1c2v3b4n5m6q7w8e9r0t1y2u3i4o5p6a7s8d9f0g1h";
const TOKEN_SYNC: &str = "r1t2y3u4i5o6p7a8s9d0f1g2h3j4k5l6z7x8c9v0b1n2m3q4w5e6r7t8y9u0i1o2p3a4s5d6f7g8h9j0k1l2z3x4c5v6b7n8m9q0w";

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

fn of_client(kind: ParamKind, value: &str, client: &str, name: Option<&str>) -> ParamInput {
    ParamInput {
        name: name.map(str::to_string),
        client: Some(client.into()),
        ..input(kind, value)
    }
}

fn page(
    page: PageId,
    url: &str,
    at: u64,
    params: Vec<ParamInput>,
    settings: Vec<Setting>,
) -> Capture {
    Capture {
        key: RecordKey::parse(ACME),
        page: Some(page),
        title: String::new(),
        url: url.into(),
        origin: Origin::parse("wd3-impl.workday.com/acme"),
        at,
        params,
        settings,
        unrecognised: false,
    }
}

fn record_of(pages: Vec<Capture>) -> Record {
    pages
        .iter()
        .fold(Record::new(RecordKey::parse(ACME), 0), |r, c| r.merge(c))
}

/// View API Clients (Defender's and Reporting Portal's IDs, the endpoints) and Acme Learning
/// Sync registered (its ID, its secret, its settings), with a refresh token for ISU_Sync.
fn tenant() -> Record {
    record_of(vec![
        page(
            PageId::ViewApiClients,
            "vac",
            1,
            vec![
                input(ParamKind::RestEndpoint, REST),
                input(ParamKind::TokenEndpoint, TOKEN),
                input(ParamKind::AuthorizationEndpoint, AUTH),
                of_client(
                    ParamKind::ClientId,
                    ID_DEFENDER,
                    "Microsoft Defender for Cloud Apps",
                    Some("Microsoft Defender for Cloud Apps"),
                ),
                of_client(
                    ParamKind::ClientId,
                    ID_PORTAL,
                    "Reporting Portal",
                    Some("Reporting Portal"),
                ),
            ],
            vec![],
        ),
        page(
            PageId::RegisterApiClient,
            "reg",
            2,
            vec![
                of_client(
                    ParamKind::ClientId,
                    ID_SYNC,
                    "Acme Learning Sync",
                    Some("Acme Learning Sync"),
                ),
                of_client(
                    ParamKind::ClientSecret,
                    SECRET_SYNC,
                    "Acme Learning Sync",
                    Some("Acme Learning Sync"),
                ),
            ],
            vec![
                Setting::text(names::CLIENT_NAME, "Acme Learning Sync"),
                Setting::text(names::CLIENT_GRANT_TYPE, "Authorization Code Grant"),
                Setting::text(names::ACCESS_TOKEN_TYPE, "Bearer"),
            ],
        ),
        page(
            PageId::ManageRefreshTokens,
            "mrt",
            3,
            vec![
                input(ParamKind::IsuUsername, "ISU_Sync"),
                of_client(
                    ParamKind::RefreshToken,
                    TOKEN_SYNC,
                    "Acme Learning Sync",
                    Some("ISU_Sync"),
                ),
            ],
            vec![
                Setting::text(names::WORKDAY_ACCOUNT, "ISU_Sync"),
                Setting::text(names::API_CLIENT, "Acme Learning Sync"),
            ],
        ),
    ])
}

fn prefs(integration: &str, client: Option<&str>) -> Prefs {
    Prefs {
        integration: Some(integration.into()),
        api_client: client.map(str::to_string),
        ..Prefs::default()
    }
}

fn view(r: &Record, p: &Prefs) -> TenantView {
    tenant_view(
        r,
        p,
        &ChecklistState::default(),
        &ViewOptions {
            reveal: true,
            ..ViewOptions::default()
        },
    )
    .unwrap()
}

fn item(x: &PartnerExport, kind: ParamKind) -> &export::ExportItem {
    x.items.iter().find(|i| i.kind == kind).unwrap()
}

#[test]
fn a_view_runs_the_checks_once_whatever_it_holds() {
    let r = tenant();
    let before = checks::runs();
    let v = view(&r, &prefs("defender-for-cloud-apps", None));
    assert_eq!(checks::runs() - before, 1);
    assert!(v.checklist.is_some() && v.export.is_some());
}

#[test]
fn the_export_uses_the_partner_s_client_only_and_never_mixes_two() {
    let r = tenant();
    // Defender: its client is the one named after it, seen only on View API Clients. Its secret
    // was never captured: missing, not filled in from Acme Learning Sync.
    let v = view(&r, &prefs("defender-for-cloud-apps", None));
    let x = v.export.as_ref().unwrap();
    assert_eq!(
        x.items.iter().map(|i| i.label).collect::<Vec<_>>(),
        [
            "Client ID",
            "Client Secret",
            "Workday REST API Endpoint",
            "Token Endpoint",
            "Authorization Endpoint"
        ]
    );
    assert_eq!(item(x, ParamKind::ClientId).values[0].value, ID_DEFENDER);
    let secret = item(x, ParamKind::ClientSecret);
    assert!(secret.values.is_empty());
    let note = secret.note.as_deref().unwrap();
    assert!(
        note.contains("Microsoft Defender for Cloud Apps")
            && note.contains("named after the partner")
            && note.contains("generate a new one"),
        "{note}"
    );
    assert!(!x.ready);
    assert!(
        x.blockers.iter().any(|f| f.code == "missing-parameter"
            && f.message
                .contains("API client `Microsoft Defender for Cloud Apps` has no Client Secret")),
        "{:?}",
        x.blockers
    );
    assert_eq!(
        x.client.as_ref().map(|c| c.because),
        Some(Because::NamedAfterPartner)
    );
    assert!(!v
        .findings
        .iter()
        .flat_map(|g| &g.findings)
        .any(|f| f.code == "mixed-credentials"));

    // The admin chooses Acme Learning Sync: its ID and its secret, ready.
    let v = view(
        &r,
        &prefs("defender-for-cloud-apps", Some("Acme Learning Sync")),
    );
    let x = v.export.as_ref().unwrap();
    assert_eq!(item(x, ParamKind::ClientId).values[0].value, ID_SYNC);
    assert_eq!(
        item(x, ParamKind::ClientSecret).values[0].value,
        SECRET_SYNC
    );
    assert!(item(x, ParamKind::ClientSecret)
        .note
        .as_deref()
        .unwrap()
        .contains("you chose it"));
    assert!(x.ready, "{:?}", x.blockers);
    for i in &x.items {
        for value in &i.values {
            assert!(value
                .client
                .as_deref()
                .is_none_or(|c| c == "Acme Learning Sync"));
        }
    }
    // The live test's inputs: the same client's values.
    let live = live_inputs(&r, &prefs("defender-for-cloud-apps", Some(ID_SYNC)), None).unwrap();
    assert_eq!(live.hosts, ["wd3-impl-services1.workday.com"]);
    let clients: Vec<Option<&str>> = live
        .evidence
        .params
        .iter()
        .filter(|p| p.kind.is_client_scoped())
        .map(|p| p.client.as_deref())
        .collect();
    assert_eq!(clients, [Some("Acme Learning Sync"); 3]);
    assert_eq!(
        v.live.client.as_ref().and_then(|c| c.name.as_deref()),
        Some("Acme Learning Sync")
    );
    assert_eq!(
        v.live
            .refresh_token
            .as_ref()
            .and_then(|t| t.account.as_deref()),
        Some("ISU_Sync")
    );
    assert_eq!(v.live.probes, [ProbeKind::Oauth, ProbeKind::Rest]);
    // Kombo names no client and there are three: nothing is paired until the admin chooses.
    let v = view(&r, &prefs("kombo", None));
    assert!(v.clients.iter().all(|c| !c.chosen));
    assert!(live_inputs(&r, &prefs("kombo", None), None)
        .unwrap()
        .evidence
        .params
        .iter()
        .all(|p| !p.kind.is_client_scoped()));
}

#[test]
fn corrections_are_applied_a_warning_s_fix_is_not_and_an_unfixable_error_blocks() {
    let r = tenant();
    let mut p = prefs("defender-for-cloud-apps", Some("Acme Learning Sync"));
    p.sso = Sso::Yes;
    let x = view(&r, &p).export.unwrap();
    let auth = &item(&x, ParamKind::AuthorizationEndpoint).values[0];
    assert_eq!(auth.value, format!("{AUTH}?redirect=n"));
    assert_eq!(auth.corrected, ["redirect-n-missing"]);
    assert!(x.ready, "{:?}", x.blockers);
    p.sso = Sso::Unknown;
    let x = view(&r, &p).export.unwrap();
    let auth = &item(&x, ParamKind::AuthorizationEndpoint).values[0];
    assert_eq!((auth.value.as_str(), auth.corrected.len()), (AUTH, 0));
    // Only a REST endpoint: every other value Defender needs is missing and blocks.
    let x = view(
        &record_of(vec![page(
            PageId::ViewApiClients,
            "v",
            1,
            vec![input(ParamKind::RestEndpoint, REST)],
            vec![],
        )]),
        &prefs("defender-for-cloud-apps", None),
    )
    .export
    .unwrap();
    assert!(!x.ready);
    assert!(x.blockers.iter().all(|f| f.code == "missing-parameter"));
    assert!(item(&x, ParamKind::ClientId).values.is_empty());
}

#[test]
fn the_view_writes_the_export_s_text_and_when_asked_its_json_file() {
    let r = tenant();
    let v = view(
        &r,
        &prefs("defender-for-cloud-apps", Some("Acme Learning Sync")),
    );
    let x = v.export.unwrap();
    let text = x.text.as_deref().unwrap();
    assert!(text.starts_with("Microsoft Defender for Cloud Apps \u{2014} acme\nClient ID: "));
    assert!(text.contains(&format!("Client Secret: {SECRET_SYNC}\n")));
    assert!(x.json.is_none(), "no moment given, no file");
    let v = tenant_view(
        &r,
        &prefs("defender-for-cloud-apps", None),
        &ChecklistState::default(),
        &ViewOptions {
            reveal: true,
            missing: Some("(manquant)".into()),
            exported_at: Some("2024-05-06T07:08:09.123Z".into()),
            ..ViewOptions::default()
        },
    )
    .unwrap();
    let x = v.export.unwrap();
    assert!(x.text.unwrap().contains("Client Secret: (manquant)\n"));
    let file: serde_json::Value = serde_json::from_str(x.json.as_deref().unwrap()).unwrap();
    assert_eq!(file["exported_at"], "2024-05-06T07:08:09.123Z");
    assert_eq!(file["missing"], serde_json::json!(["Client Secret"]));
    assert!(file["exported_despite"]
        .as_array()
        .is_some_and(|a| !a.is_empty()));
}

#[test]
fn the_newest_values_when_more_were_gathered_than_needed() {
    let url = |n: &str| {
        format!("https://wd3-impl-services1.workday.com/ccx/service/customreport2/acme/ISU_10KC/{n}?format=json")
    };
    let r = record_of(vec![
        page(
            PageId::ViewUrls,
            "a",
            1,
            vec![input(ParamKind::RaasUrl, &url("Old"))],
            vec![],
        ),
        page(
            PageId::ViewUrls,
            "b",
            2,
            vec![input(ParamKind::RaasUrl, &url("Users"))],
            vec![],
        ),
        page(
            PageId::ViewUrls,
            "c",
            3,
            vec![
                input(ParamKind::RaasUrl, &url("Groups")),
                input(ParamKind::IsuUsername, "ISU_10KC"),
            ],
            vec![],
        ),
    ]);
    let x = view(&r, &prefs("ten-thousand-coffees", None))
        .export
        .unwrap();
    let raas = item(&x, ParamKind::RaasUrl);
    assert_eq!(
        raas.values
            .iter()
            .map(|v| v.value.as_str())
            .collect::<Vec<_>>(),
        [url("Users"), url("Groups")]
    );
    assert_eq!(raas.candidates, 3);
    assert!(raas
        .note
        .as_deref()
        .unwrap()
        .starts_with("3 captured; the ones seen most recently"));
    assert!(tenant_view(
        &r,
        &prefs("nobody", None),
        &ChecklistState::default(),
        &ViewOptions::default()
    )
    .is_err());
}

#[test]
fn the_checklist_stays_undone_for_a_client_that_is_not_the_partner_s() {
    let r = tenant();
    let v = view(&r, &prefs("defender-for-cloud-apps", None));
    let list = v.checklist.unwrap();
    let step = list
        .steps
        .iter()
        .find(|s| s.step.id == "register-client")
        .unwrap();
    assert_ne!(step.state, StepState::Done);
    assert!(
        !step.page.as_ref().unwrap().seen,
        "Register API Client was read for another client"
    );
    assert_eq!(
        step.about.as_ref().and_then(|a| a.name.as_deref()),
        Some("Microsoft Defender for Cloud Apps")
    );
    assert_eq!(
        step.elsewhere
            .iter()
            .map(|e| e.name.as_str())
            .collect::<Vec<_>>(),
        ["Acme Learning Sync"]
    );
    // The client's own settings are on its card; the partner's client has none read yet.
    let sync = v
        .clients
        .iter()
        .find(|c| c.name.as_deref() == Some("Acme Learning Sync"))
        .unwrap();
    assert!(sync
        .settings
        .iter()
        .any(|s| s.text == "Grant type: Authorization Code Grant"));
    assert_eq!(
        v.clients[0].name.as_deref(),
        Some("Microsoft Defender for Cloud Apps"),
        "the chosen client first"
    );
    assert!(v.clients[0]
        .reason
        .as_deref()
        .unwrap()
        .contains("named after the partner"));
}

/// Two security groups, neither's members known, and the access lists of both.
fn groups() -> Record {
    record_of(vec![
        page(
            PageId::CreateSecurityGroup,
            "g1",
            1,
            vec![],
            vec![
                Setting::text(names::SECURITY_GROUP, "ISU_Acme_Learning"),
                Setting::text(
                    names::SECURITY_GROUP_TYPE,
                    "Integration System Security Group (Unconstrained)",
                ),
            ],
        ),
        page(
            PageId::MaintainPermissions,
            "g2",
            2,
            vec![],
            vec![
                Setting::text(names::STEP, "permissions"),
                Setting::text(names::SECURITY_GROUP, "test_isu"),
                Setting::record(
                    names::DOMAIN_PERMISSION,
                    record([
                        ("policy", "Integration: Build"),
                        ("get", "true"),
                        ("put", "true"),
                    ]),
                ),
            ],
        ),
    ])
}

#[test]
fn the_checklist_stays_undone_for_a_group_that_is_not_known_to_be_the_partner_s() {
    let r = groups();
    let list = view(&r, &prefs("kombo", None)).checklist.unwrap();
    let permissions = list
        .steps
        .iter()
        .find(|s| s.step.id == "permissions")
        .unwrap();
    assert_ne!(permissions.state, StepState::Done);
    assert!(permissions.elsewhere.iter().any(|e| e.name == "test_isu"));
    let group = list
        .steps
        .iter()
        .find(|s| s.step.id == "create-security-group")
        .unwrap();
    assert_ne!(group.state, StepState::Done);
    // The admin names the group: its evidence counts, the other's does not.
    let mut p = prefs("kombo", None);
    p.security_group = Some("test_isu".into());
    let v = view(&r, &p);
    let list = v.checklist.unwrap();
    let permissions = list
        .steps
        .iter()
        .find(|s| s.step.id == "permissions")
        .unwrap();
    assert!(permissions.page.as_ref().unwrap().seen);
    assert_eq!(
        permissions.about.as_ref().and_then(|a| a.because),
        Some(Because::YouChose)
    );
    let group = list
        .steps
        .iter()
        .find(|s| s.step.id == "create-security-group")
        .unwrap();
    assert!(
        !group.page.as_ref().unwrap().seen,
        "Create Security Group was read for ISU_Acme_Learning"
    );
    assert!(v.groups.iter().any(|g| g.name == "test_isu" && g.chosen));
}

#[test]
fn findings_about_no_value_are_grouped_by_step_under_a_count_and_name_their_object() {
    let mut p = prefs("ten-thousand-coffees", None);
    p.security_group = Some("test_isu".into());
    let v = view(&groups(), &p);
    let permissions = v
        .findings
        .iter()
        .find(|g| g.step == Some("permissions"))
        .unwrap();
    assert_eq!(permissions.count, permissions.findings.len());
    assert!(permissions.count >= 2);
    for f in &permissions.findings {
        assert!(
            f.message.contains("Security group `test_isu`"),
            "{}",
            f.message
        );
        assert!(!f.message.contains("the ISU's security group"));
    }
    let order: Vec<Option<&str>> = v.findings.iter().map(|g| g.step).collect();
    let steps: Vec<Option<&str>> = crate::model::partner::partner("ten-thousand-coffees")
        .unwrap()
        .steps
        .iter()
        .map(|s| Some(s.id))
        .collect();
    let mut positions = order
        .iter()
        .filter_map(|s| steps.iter().position(|x| x == s));
    let first = positions.next();
    assert!(
        positions.all(|p| Some(p) > first),
        "groups in the steps' order: {order:?}"
    );
}

#[test]
fn the_sso_answer_says_where_it_comes_from_and_settings_read_as_a_person_reads_them() {
    let r = record_of(vec![page(
        PageId::EditTenantSetupSecurity,
        "sec",
        5,
        vec![],
        vec![
            Setting::bool(names::SAML_SSO_ENABLED, true),
            Setting::bool(names::OAUTH_CLIENTS_ENABLED, true),
        ],
    )]);
    let v = view(&r, &Prefs::default());
    assert_eq!(v.prefs.sso, Sso::Yes);
    assert_eq!(v.prefs.sso_source.kind, SsoSourceKind::Read);
    assert_eq!(
        v.prefs.sso_source.page,
        Some(PageId::EditTenantSetupSecurity)
    );
    let texts: Vec<&str> = v.settings.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["OAuth 2.0 clients enabled \u{2713}", "SAML on"]);
    let v = view(
        &r,
        &Prefs {
            sso: Sso::No,
            ..Prefs::default()
        },
    );
    assert_eq!(
        (v.prefs.sso, v.prefs.sso_source.kind),
        (Sso::No, SsoSourceKind::YouChose)
    );
}

#[test]
fn evidence_given_without_pages_is_kept_under_the_tenant_most_values_name() {
    let r = record_of_evidence(
        vec![
            input(
                ParamKind::RestEndpoint,
                "https://wd12-services1.myworkday.com/ccx/api/v1/northwind",
            ),
            input(ParamKind::ClientId, ID_SYNC),
            input(ParamKind::ClientSecret, SECRET_SYNC),
        ],
        vec![
            Setting::bool(names::OAUTH_CLIENTS_ENABLED, true),
            Setting::text(names::CLIENT_GRANT_TYPE, "Authorization Code Grant"),
        ],
    );
    assert_eq!(
        r.key.as_ref().map(ToString::to_string).as_deref(),
        Some("wd12.production:northwind")
    );
    assert!(r.pages_seen(0).is_empty(), "no page was visited");
    let v = view(&r, &prefs("defender-for-cloud-apps", None));
    // One client (a nameless ID with the secret given beside it): the only one, so the partner's.
    assert_eq!(v.clients.len(), 1);
    let x = v.export.unwrap();
    assert_eq!(
        item(&x, ParamKind::ClientSecret).values[0].value,
        SECRET_SYNC
    );
}

#[test]
fn a_value_captured_by_hand_is_checked_exported_and_counted_like_a_page_s() {
    use crate::evidence::hand::HandValue;
    let defender = "Microsoft Defender for Cloud Apps";
    const SECRET_DEFENDER: &str = "q9w8e7r6t5y4u3i2o1p0a9s8d7f6g5h4j3k2l1z0x9c8v7b6n5m4q3w2e1r0t9y8u7i6o5p4a3s2d1f0g9h8j7k6l5z4x3c2v1b0n";
    let p = prefs("defender-for-cloud-apps", None);
    // Defender's secret is shown on no page wdcap read: selected on the tenant's page, it fills
    // the export's missing secret for Defender's own client.
    let r = tenant()
        .capture_by_hand(&HandValue {
            kind: ParamKind::ClientSecret,
            value: SECRET_DEFENDER,
            page_url: Some("https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld"),
            client: Some(defender),
            at: 9,
        })
        .unwrap();
    let v = view(&r, &p);
    let x = v.export.as_ref().unwrap();
    assert_eq!(
        item(x, ParamKind::ClientSecret).values[0].value,
        SECRET_DEFENDER
    );
    assert_eq!(
        item(x, ParamKind::ClientSecret).values[0].client.as_deref(),
        Some(defender)
    );
    let card = v
        .clients
        .iter()
        .find(|c| c.name.as_deref() == Some(defender))
        .unwrap();
    let secret = card
        .values
        .iter()
        .find(|x| x.param.kind == ParamKind::ClientSecret)
        .unwrap();
    assert!(secret.hand && secret.own);
    assert_eq!(
        serde_json::to_value(secret).unwrap()["hand"],
        serde_json::Value::Bool(true)
    );
    // A page's value says nothing of the hand (the field is only written when true).
    let id = card
        .values
        .iter()
        .find(|x| x.param.kind == ParamKind::ClientId)
        .unwrap();
    assert!(serde_json::to_value(id).unwrap().get("hand").is_none());

    // The same checks: a malformed Client ID given by hand has the findings it has on a page.
    let bad = "OGQyMzYy YjYtZDhmZC00YTA4";
    let by_hand = Record::new(RecordKey::parse(ACME), 0)
        .capture_by_hand(&HandValue {
            kind: ParamKind::ClientId,
            value: bad,
            page_url: None,
            client: None,
            at: 1,
        })
        .unwrap();
    let on_page = record_of(vec![page(
        PageId::ViewApiClients,
        "vac",
        1,
        vec![input(ParamKind::ClientId, bad)],
        vec![],
    )]);
    let codes = |r: &Record| {
        let v = view(r, &p);
        let mut c: Vec<&str> = v
            .values
            .iter()
            .chain(v.clients.iter().flat_map(|c| &c.values))
            .flat_map(|x| x.findings.iter().map(|f| f.code))
            .collect();
        c.sort_unstable();
        c
    };
    let hand_codes = codes(&by_hand);
    assert!(!hand_codes.is_empty());
    assert_eq!(hand_codes, codes(&on_page));
}
