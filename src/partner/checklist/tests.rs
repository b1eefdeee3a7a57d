//! The checklist's unit tests: each kind of evidence, judged.

use super::*;
use crate::model::options::Sso;
use crate::model::severity::Severity;
use serde_json::json;

fn evidence(v: serde_json::Value) -> Evidence {
    serde_json::from_value(v).expect("evidence parses")
}

fn state<'a>(c: &'a Checklist, id: &str) -> &'a StepView {
    c.steps
        .iter()
        .find(|s| s.step.id == id)
        .unwrap_or_else(|| panic!("no step {id}"))
}

#[test]
fn nothing_seen_is_todo_except_steps_only_a_hand_can_tick() {
    let c = checklist(
        "ten-thousand-coffees",
        Evidence::default(),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(state(&c, "create-isu").state, StepState::Todo);
    // Every 10KC step has evidence now (pages, or the export for the e-mail).
    assert_eq!(state(&c, "share-reports").state, StepState::Todo);
    assert!(state(&c, "send-urls").automatic);
    let c = checklist("kombo", Evidence::default(), &Options::default()).unwrap();
    assert_eq!(state(&c, "authentication-policy").state, StepState::Manual);
    assert!(!state(&c, "authentication-policy").automatic);
    assert_eq!(c.progress.done, 0);
    assert_eq!(c.progress.percent, 0);
    assert_eq!(
        c.progress.total,
        c.steps.iter().filter(|s| !s.step.optional).count()
    );
}

#[test]
fn page_and_value_tick_a_step() {
    let ev = evidence(json!({
        "pages": ["view_api_clients"],
        "params": [{"kind": "rest_endpoint", "value": "https://wd3-impl-services1.workday.com/ccx/api/v1/acme"}],
    }));
    let c = checklist("kombo", ev, &Options::default()).unwrap();
    let s = state(&c, "rest-endpoint");
    assert_eq!(s.state, StepState::Done);
    assert!(s.ticked && !s.by_hand);
    // Visited without the value: started.
    let c = checklist(
        "kombo",
        evidence(json!({"pages": ["view_api_clients"]})),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(state(&c, "rest-endpoint").state, StepState::Started);
}

#[test]
fn a_setting_read_wrong_makes_the_step_wrong_with_the_reason() {
    let ev = evidence(json!({
        "pages": ["edit_tenant_setup_security"],
        "settings": [{"name": "oauth_clients_enabled", "value": false}],
    }));
    let c = checklist("defender-for-cloud-apps", ev, &Options::default()).unwrap();
    let s = state(&c, "enable-oauth");
    assert_eq!(s.state, StepState::Wrong);
    assert!(!s.ticked);
    assert!(s
        .problems
        .iter()
        .any(|f| f.code == "oauth-clients-disabled"));
    // Read again as on: the later read wins.
    let ev = evidence(json!({
        "pages": ["edit_tenant_setup_security"],
        "settings": [
            {"name": "oauth_clients_enabled", "value": false},
            {"name": "oauth_clients_enabled", "value": true}
        ],
    }));
    let c = checklist("defender-for-cloud-apps", ev, &Options::default()).unwrap();
    assert_eq!(state(&c, "enable-oauth").state, StepState::Done);
}

#[test]
fn activation_is_done_only_when_completed() {
    let comment = evidence(json!({
        "pages": ["activate_security_changes"],
        "settings": [{"name": "activation_completed", "value": false}],
    }));
    let c = checklist("kombo", comment, &Options::default()).unwrap();
    assert_eq!(state(&c, "activate").state, StepState::Wrong);
    let done = evidence(json!({
        "pages": ["activate_security_changes"],
        "settings": [{"name": "activation_confirmed", "value": true}, {"name": "activation_completed", "value": true}],
    }));
    let c = checklist("kombo", done, &Options::default()).unwrap();
    assert_eq!(state(&c, "activate").state, StepState::Done);
}

#[test]
fn ten_thousand_coffees_needs_both_report_urls() {
    let one = "https://wd3-impl-services1.workday.com/ccx/service/customreport2/acme/ISU_10KC/Users?format=json";
    let two = "https://wd3-impl-services1.workday.com/ccx/service/customreport2/acme/ISU_10KC/Groups?format=json";
    let c = checklist(
        "ten-thousand-coffees",
        evidence(json!({"pages": ["view_urls"], "params": [{"kind": "raas_url", "value": one}]})),
        &Options::default(),
    )
    .unwrap();
    let s = state(&c, "json-urls");
    assert_eq!(s.state, StepState::Started);
    assert_eq!((s.captures[0].found, s.captures[0].needed), (1, 2));
    let c = checklist(
        "ten-thousand-coffees",
        evidence(json!({"pages": ["view_urls"], "params": [
            {"kind": "raas_url", "value": one}, {"kind": "raas_url", "value": two}, {"kind": "raas_url", "value": format!(" {two}")}
        ]})),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(state(&c, "json-urls").state, StepState::Done);
}

#[test]
fn a_value_finding_is_a_note_not_an_undone_step() {
    let ev = evidence(json!({
        "pages": ["view_api_clients"],
        "params": [
            {"kind": "rest_endpoint", "value": "https://wd3-impl-services1.workday.com/ccx/api/v1/acme"},
            {"kind": "token_endpoint", "value": "https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token"},
            {"kind": "authorization_endpoint", "value": "https://wd3-impl.workday.com/acme/authorize"}
        ],
    }));
    let c = checklist(
        "defender-for-cloud-apps",
        ev,
        &Options {
            integration: None,
            sso: Sso::Yes,
        },
    )
    .unwrap();
    let s = state(&c, "endpoints");
    assert_eq!(s.state, StepState::Done);
    assert!(s
        .notes
        .iter()
        .any(|f| f.code == "redirect-n-missing" && f.severity == Severity::Error));
}

#[test]
fn hand_ticks_complete_any_step_and_count_in_progress() {
    let c = checklist(
        "ten-thousand-coffees",
        evidence(json!({"manual": ["share-reports", "send-urls"]})),
        &Options::default(),
    )
    .unwrap();
    let s = state(&c, "share-reports");
    assert!(s.ticked && s.by_hand && s.state == StepState::Todo);
    assert_eq!(c.progress.done, 2);
}

#[test]
fn viva_soap_endpoint_is_suggested_from_a_services_host() {
    let ev = evidence(json!({
        "params": [
            {"kind": "authorization_endpoint", "value": "https://wd5.myworkday.com/acme/authorize"},
            {"kind": "rest_endpoint", "value": "https://wd5-services1.myworkday.com/ccx/api/v1/acme"}
        ],
    }));
    let c = checklist("viva-learning", ev, &Options::default()).unwrap();
    let s = state(&c, "soap-endpoint");
    let sug = s.suggestion.as_ref().expect("a suggestion");
    assert_eq!(
        sug.value,
        "https://wd5-services1.myworkday.com/ccx/service/acme/Learning/v39.2"
    );
    assert_eq!(
        sug.from,
        "https://wd5-services1.myworkday.com/ccx/api/v1/acme"
    );
    // Once captured, no suggestion and the step is done.
    let ev = evidence(json!({
        "params": [{"kind": "soap_endpoint", "value": "https://wd5-services1.myworkday.com/ccx/service/acme/Learning/v39.2"}],
    }));
    let c = checklist("viva-learning", ev, &Options::default()).unwrap();
    let s = state(&c, "soap-endpoint");
    assert!(s.suggestion.is_none());
    assert_eq!(s.state, StepState::Done);
    // Nothing on a services host: nothing to build from.
    let c = checklist("viva-learning", Evidence::default(), &Options::default()).unwrap();
    assert!(state(&c, "soap-endpoint").suggestion.is_none());
}

#[test]
fn a_permissions_step_needs_every_policy_of_the_partner_seen() {
    let access = |area: &str, policy: &str| {
        json!({"name": "domain_policy_access", "value": {
            "functional_area": area, "policy": policy, "group": "ISU_Defender", "view": "true", "modify": "true", "get": "true", "put": "true"
        }})
    };
    let system = json!([
        {"name": "security_group", "value": "ISU_Defender"},
        {"name": "domain_policies", "value": ["Set Up: Tenant Setup – General", "Set Up: Tenant Setup –  Security", "Set Up: Tenant Setup –  System", "Security Administration", "System auditing"]},
        access("System", "Set Up: Tenant Setup –  Security"),
        access("System", "Set Up: Tenant Setup –  System"),
        access("System", "Security Administration"),
        access("System", "System auditing"),
    ]);
    let ev = evidence(json!({"pages": ["domain_policies_for_area"], "settings": system}));
    let c = checklist("defender-for-cloud-apps", ev, &Options::default()).unwrap();
    let s = state(&c, "permissions");
    assert_eq!(s.state, StepState::Started, "{:?}", s.problems);
    assert_eq!(s.unseen_policies, ["Worker Data: Public Worker Reports"]);
    let mut all = system.as_array().unwrap().clone();
    all.push(json!({"name": "domain_policies", "value": ["Worker Data: Public Worker Reports", "Worker Data: Staffing"]}));
    all.push(access("Staffing", "Worker Data: Public Worker Reports"));
    let ev = evidence(json!({"pages": ["domain_policies_for_area"], "settings": all.clone()}));
    let c = checklist("defender-for-cloud-apps", ev, &Options::default()).unwrap();
    let s = state(&c, "permissions");
    assert!(s.unseen_policies.is_empty());
    assert!(s.groups_in_sight.is_empty());
    assert_eq!(s.state, StepState::Done, "{:?}", s.problems);

    // Another group listed too, and no page said which is the integration's: nothing can be
    // judged, and the groups are offered for the user to pick.
    let mut two = all.clone();
    two.retain(|s| s["name"] != "security_group");
    let mut other = access("System", "Security Administration");
    other["value"]["group"] = json!("Security Administrator");
    two.push(other);
    let c = checklist(
        "defender-for-cloud-apps",
        evidence(json!({"pages": ["domain_policies_for_area"], "settings": two.clone()})),
        &Options::default(),
    )
    .unwrap();
    let s = state(&c, "permissions");
    assert_eq!(s.state, StepState::Started);
    assert_eq!(
        s.groups_in_sight,
        ["ISU_Defender", "Security Administrator"]
    );
    // Picked: judged again.
    two.push(json!({"name": "security_group", "value": "ISU_Defender"}));
    let c = checklist(
        "defender-for-cloud-apps",
        evidence(json!({"pages": ["domain_policies_for_area"], "settings": two})),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(state(&c, "permissions").state, StepState::Done);
}

/// The settings a custom report's definition page reads (report name first).
fn definition(name: &str, fields: &[&str], web_service: bool) -> Vec<serde_json::Value> {
    vec![
        json!({"name": "report_name", "value": name}),
        json!({"name": "report_type", "value": "Advanced"}),
        json!({"name": "enable_as_web_service", "value": web_service}),
        json!({"name": "report_fields", "value": fields}),
    ]
}

fn sharing(name: &str, users: &[&str]) -> Vec<serde_json::Value> {
    vec![
        json!({"name": "report_name", "value": name}),
        json!({"name": "report_shared_with", "value": users}),
    ]
}

const USER_FIELDS: &[&str] = &["first_name", "last_name", "email", "management_level"];

#[test]
fn report_steps_read_each_report_s_definition_and_sharing() {
    let isu = json!({"kind": "isu_username", "value": "ISU_10KC"});
    let mut settings = definition("10KC Users", USER_FIELDS, true);
    settings.extend(definition("10KC Groups", &["group_name", "parent"], false));
    let c = checklist(
        "ten-thousand-coffees",
        evidence(json!({"pages": ["custom_report"], "params": [isu], "settings": settings})),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(state(&c, "user-report").state, StepState::Done);
    // The group report is not enabled as a web service yet: wrong, with the setting named.
    let g = state(&c, "group-report");
    assert_eq!(g.state, StepState::Wrong);
    assert!(g
        .settings
        .iter()
        .any(|s| s.name == "enable_as_web_service" && s.seen && !s.right));
    assert_eq!(state(&c, "share-reports").state, StepState::Todo);

    // Checked on a later read of the same report: the later read wins.
    settings.extend(definition("10KC Groups", &["group_name"], true));
    // Shared: the user report with the ISU, the group report not yet.
    settings.extend(sharing("10KC Users", &["lmcneil", "isu_10kc"]));
    settings.extend(sharing("10KC Groups", &["lmcneil"]));
    let pages = json!(["custom_report", "report_sharing"]);
    let c = checklist(
        "ten-thousand-coffees",
        evidence(json!({"pages": pages, "params": [isu], "settings": settings.clone()})),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(state(&c, "group-report").state, StepState::Done);
    assert_eq!(state(&c, "share-reports").state, StepState::Wrong);
    settings.extend(sharing("10KC Groups", &["lmcneil", "ISU_10KC"]));
    let c = checklist(
        "ten-thousand-coffees",
        evidence(json!({"pages": pages, "params": [isu], "settings": settings.clone()})),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(state(&c, "share-reports").state, StepState::Done);

    // Without a captured ISU, sharing cannot be judged: started, never done nor wrong.
    let c = checklist(
        "ten-thousand-coffees",
        evidence(json!({"pages": pages, "settings": settings})),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(state(&c, "share-reports").state, StepState::Started);
}

#[test]
fn a_report_lacking_a_required_field_is_wrong_with_the_check_s_reason() {
    let c = checklist(
        "ten-thousand-coffees",
        evidence(json!({
            "pages": ["custom_report"],
            "settings": definition("10KC Users", &["first_name", "last_name", "email"], true),
        })),
        &Options::default(),
    )
    .unwrap();
    let s = state(&c, "user-report");
    assert_eq!(s.state, StepState::Wrong);
    assert!(s
        .problems
        .iter()
        .any(|f| f.code == "report-field-missing" && f.message.contains("Management Level")));
    // The group report's step is not the one wrong.
    assert_eq!(state(&c, "group-report").state, StepState::Started);
    assert!(state(&c, "group-report").problems.is_empty());
}

#[test]
fn a_share_tab_of_a_definition_not_seen_still_counts() {
    let mut settings = sharing("Users for WorkOS", &["ISU_10KC"]);
    settings.extend(sharing("Groups for WorkOS", &["ISU_10KC"]));
    let c = checklist(
        "ten-thousand-coffees",
        evidence(json!({
            "pages": ["report_sharing"],
            "params": [{"kind": "isu_username", "value": "ISU_10KC"}],
            "settings": settings,
        })),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(state(&c, "share-reports").state, StepState::Done);
    // One report shared only: started.
    let c = checklist(
        "ten-thousand-coffees",
        evidence(json!({
            "pages": ["report_sharing"],
            "params": [{"kind": "isu_username", "value": "ISU_10KC"}],
            "settings": sharing("Users for WorkOS", &["ISU_10KC"]),
        })),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(state(&c, "share-reports").state, StepState::Started);
}

#[test]
fn the_partner_export_evidences_the_step_done_outside_workday() {
    let c = checklist(
        "ten-thousand-coffees",
        evidence(json!({"exported": ["kombo"]})),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(state(&c, "send-urls").state, StepState::Todo);
    let c = checklist(
        "ten-thousand-coffees",
        evidence(json!({"exported": ["ten-thousand-coffees"]})),
        &Options::default(),
    )
    .unwrap();
    let s = state(&c, "send-urls");
    assert_eq!(s.state, StepState::Done);
    assert!(s.ticked && !s.by_hand);
}

#[test]
fn unknown_partner_is_an_error() {
    let e = checklist("nobody", Evidence::default(), &Options::default())
        .err()
        .unwrap();
    assert!(e.contains("unknown integration `nobody`"));
}

#[test]
fn every_setting_a_step_names_is_judged() {
    // Every setting a step names is one a registered check reads, or one read as yes/no.
    for p in crate::model::partner::PARTNERS {
        for s in p.steps {
            for name in s.evidence_settings {
                let judged = crate::checks::CHECKS
                    .iter()
                    .any(|c| c.reads().contains(name));
                let plain = matches!(
                    *name,
                    names::SECURITY_GROUP_MEMBERS | names::GENERATE_NEW_REFRESH_TOKEN
                );
                // Judged per report (`judge_report_setting`).
                let per_report = !s.evidence_reports.is_empty()
                    && matches!(
                        *name,
                        names::REPORT_FIELDS
                            | names::ENABLE_AS_WEB_SERVICE
                            | names::REPORT_SHARED_WITH
                    );
                assert!(
                    judged || plain || per_report,
                    "{}: step {} names setting {name}, which nothing judges",
                    p.id,
                    s.id
                );
            }
        }
    }
}
