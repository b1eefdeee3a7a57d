//! The trainer checklist (issue #5): a partner's setup steps (`partners/<id>.toml`, `[[step]]`)
//! with the state of each one, judged from what the extension gathered on one tenant — the pages
//! visited, the values captured, the settings read — and the steps the trainer ticked by hand.
//!
//! A step is **done** when
//! - the page that evidences it was visited (if it names one),
//! - every kind of value it yields was captured (as many as the partner needs: 10KC's two RaaS
//!   URLs), and
//! - none of its settings was read as wrong: no error or warning finding about the setting
//!   (the checks judge them against the partner's profile: scopes, permissions, grant type …),
//!   and a yes/no setting it names is not "no" (`activation_completed: false` is the comment page
//!   of a task not finished yet).
//!
//! A setting read as wrong makes the step **wrong** (with the findings that say why); some
//! evidence but not all makes it **started**; none, **todo**. A step the extension cannot see at
//! all (no page, no value, no setting: "Share both reports with the ISU", "Send the JSON
//! endpoints to 10KC") is **manual**: only a hand tick completes it. A hand tick completes any
//! step.
//!
//! Findings about a captured value (the authorization endpoint lacks `redirect=n`) do not undo a
//! step that captured it: the step was done, the value needs the fix. They are listed as the
//! step's `notes`, and the partner export (`crate::partner::export`) applies the fix.
//!
//! A step that names the partner's reports (`evidence_reports`) reads its settings on each of
//! those reports' pages: the reads of one report (its definition page, its Share tab) are told
//! apart by the report name each such page reads first, and a definition is told to be the User
//! or the Group report by its columns. Per report, `report_fields` is right when every required
//! field is a column, `enable_as_web_service` when checked, `report_shared_with` when it lists
//! the captured ISU. The step is done when every named report reads every setting right.
//!
//! A step with `evidence_export` is done once the partner's export was used (`exported`).
//!
//! Progress counts the steps that are not optional.

use super::PartnerRef;
use crate::analysis;
use crate::checks::{self, Context};
use crate::model::options::Options;
use crate::model::page_id::PageId;
use crate::model::param::{Param, ParamInput, ParamKind};
use crate::model::partner::{self, Partner, Step};
use crate::model::settings::{names, Setting, SettingValue};
use crate::model::severity::Severity;
use crate::report::view::FindingView;
use crate::workday::endpoint::EndpointKind;
use serde::{Deserialize, Serialize};

/// What the extension gathered on one tenant (since the checklist was last reset).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Evidence {
    /// Pages visited.
    pub pages: Vec<PageId>,
    pub params: Vec<ParamInput>,
    /// Oldest first: a later read of a setting wins.
    pub settings: Vec<Setting>,
    /// Step ids ticked by hand.
    pub manual: Vec<String>,
    /// Partners whose export was used on this tenant (the popup's "Export for partner"): the
    /// evidence of a step done outside Workday (`evidence_export`, 10KC's e-mail).
    pub exported: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    Done,
    Wrong,
    Started,
    Todo,
    Manual,
}

#[derive(Debug, Serialize)]
pub struct PageEvidence {
    pub id: PageId,
    pub seen: bool,
}

#[derive(Debug, Serialize)]
pub struct CaptureEvidence {
    pub kind: ParamKind,
    pub needed: usize,
    pub found: usize,
}

#[derive(Debug, Serialize)]
pub struct SettingEvidence {
    pub name: &'static str,
    pub seen: bool,
    /// Seen and not wrong.
    pub right: bool,
}

/// A value the extension can build for a step no Workday page shows it on (Viva Learning's SOAP
/// endpoint, from the services host and tenant of a captured URL and the partner's service and
/// version).
#[derive(Debug, Serialize)]
pub struct Suggestion {
    pub kind: ParamKind,
    pub value: String,
    /// The captured value it was built from.
    pub from: String,
}

#[derive(Debug, Serialize)]
pub struct StepView {
    #[serde(flatten)]
    pub step: &'static Step,
    pub state: StepState,
    /// Done, or ticked by hand.
    pub ticked: bool,
    pub by_hand: bool,
    /// The extension can tick it from what it sees.
    pub automatic: bool,
    pub page: Option<PageEvidence>,
    pub captures: Vec<CaptureEvidence>,
    pub settings: Vec<SettingEvidence>,
    /// Why the step is wrong: findings about its settings.
    pub problems: Vec<FindingView>,
    /// Errors and warnings about the values it captured.
    pub notes: Vec<FindingView>,
    /// The partner's domain security policies no page read so far covers: a permissions step is
    /// done only once every one was seen granted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unseen_policies: Vec<&'static str>,
    /// The security groups whose access the pages listed, when no page said which one is the
    /// integration's (Domain Security Policies for Functional Area lists every group): the
    /// user picks one, and the extension passes it on as the `security_group` setting.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups_in_sight: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
}

#[derive(Debug, Serialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub percent: u32,
    pub optional_done: usize,
    pub optional_total: usize,
}

#[derive(Debug, Serialize)]
pub struct Checklist {
    pub partner: PartnerRef,
    pub steps: Vec<StepView>,
    pub progress: Progress,
}

/// Which settings each settings check judges: a finding with this code is about these settings.
/// (Checks that judge values carry the value's index instead.)
pub const SETTING_CHECKS: &[(&str, &[&str])] = &[
    ("oauth-clients-disabled", &[names::OAUTH_CLIENTS_ENABLED]),
    ("user-activity-logging-off", &[names::USER_ACTIVITY_LOGGING]),
    ("scope-missing", &[names::SCOPES]),
    ("grant-type-mismatch", &[names::CLIENT_GRANT_TYPE]),
    ("token-type-mismatch", &[names::ACCESS_TOKEN_TYPE]),
    ("redirect-uri-mismatch", &[names::REDIRECTION_URI]),
    (
        "refresh-token-expiring",
        &[
            names::NON_EXPIRING_REFRESH_TOKENS,
            names::REFRESH_TOKEN_TIMEOUT_DAYS,
        ],
    ),
    (
        "permission-missing",
        &[names::DOMAIN_PERMISSION, names::DOMAIN_POLICY_ACCESS],
    ),
    (
        "permission-access",
        &[names::DOMAIN_PERMISSION, names::DOMAIN_POLICY_ACCESS],
    ),
    ("isu-session-timeout", &[names::SESSION_TIMEOUT_MINUTES]),
    ("security-group-type", &[names::SECURITY_GROUP_TYPE]),
    (
        "changes-not-activated",
        &[names::ACTIVATION_COMPLETED, names::ACTIVATION_CONFIRMED],
    ),
];

/// Settings that evidence the same thing as a step's named setting, read from another page
/// (Domain Security Policies for Functional Area lists a group's access per policy, Maintain
/// Permissions its own list).
fn same_evidence(name: &str) -> &'static [&'static str] {
    match name {
        names::DOMAIN_PERMISSION => &[names::DOMAIN_PERMISSION, names::DOMAIN_POLICY_ACCESS],
        names::NON_EXPIRING_REFRESH_TOKENS => &[
            names::NON_EXPIRING_REFRESH_TOKENS,
            names::REFRESH_TOKEN_TIMEOUT_DAYS,
        ],
        _ => &[],
    }
}

fn settings_of_code(code: &str) -> &'static [&'static str] {
    SETTING_CHECKS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, s)| *s)
        .unwrap_or(&[])
}

/// The partner's checklist for this evidence. `Err` names an unknown partner.
pub fn checklist(
    partner_id: &str,
    evidence: Evidence,
    options: &Options,
) -> Result<Checklist, String> {
    let partner = Options::known_partner(partner_id)?;
    let options = options.for_partner(partner);
    let params: Vec<Param> = evidence.params.iter().cloned().map(Param::from).collect();
    let report =
        analysis::check_params(evidence.params.clone(), evidence.settings.clone(), &options);
    let view = report.view(false);
    let cx = Context::new(&params, &evidence.settings, &options);
    let grants = checks::grants(&cx);
    let unseen: Vec<&'static str> = partner
        .domain_policies
        .iter()
        .filter(|row| !grants.judges(row))
        .map(|row| row.target())
        .collect();
    let groups = if unseen.is_empty() || cx.setting(names::SECURITY_GROUP).is_some() {
        Vec::new()
    } else {
        groups_listed(&cx)
    };

    let steps: Vec<StepView> = partner
        .steps
        .iter()
        .map(|step| {
            judge(
                partner,
                step,
                &evidence,
                &params,
                &view.findings,
                &unseen,
                &groups,
            )
        })
        .collect();
    let count = |optional: bool| {
        let of: Vec<&StepView> = steps
            .iter()
            .filter(|s| s.step.optional == optional)
            .collect();
        (of.iter().filter(|s| s.ticked).count(), of.len())
    };
    let (done, total) = count(false);
    let (optional_done, optional_total) = count(true);
    // Whole percent, rounded down, so 100 means every step (and a list of no steps is done).
    let percent = (done * 100)
        .checked_div(total)
        .map_or(100, |p| u32::try_from(p).unwrap_or(100));
    Ok(Checklist {
        partner: PartnerRef::of(partner),
        steps,
        progress: Progress {
            done,
            total,
            percent,
            optional_done,
            optional_total,
        },
    })
}

fn judge(
    partner: &'static Partner,
    step: &'static Step,
    evidence: &Evidence,
    params: &[Param],
    findings: &[FindingView],
    unseen: &[&'static str],
    groups: &[String],
) -> StepView {
    let page = step.evidence_page.map(|id| PageEvidence {
        id,
        seen: evidence.pages.contains(&id),
    });
    let captures: Vec<CaptureEvidence> = step
        .capture
        .iter()
        .map(|&kind| CaptureEvidence {
            kind,
            needed: partner
                .parameters
                .iter()
                .filter(|r| r.kind == kind)
                .map(|r| r.count as usize)
                .max()
                .unwrap_or(1)
                .max(1),
            found: distinct(params.iter().filter(|p| p.kind == kind)),
        })
        .collect();

    // Findings about this step's settings.
    let mut problems: Vec<FindingView> = Vec::new();
    let mut settings = Vec::new();
    for &name in step.evidence_settings {
        let related: Vec<&str> = if same_evidence(name).is_empty() {
            vec![name]
        } else {
            same_evidence(name).to_vec()
        };
        let read: Vec<&Setting> = evidence
            .settings
            .iter()
            .filter(|s| related.contains(&s.name.as_str()))
            .collect();
        let against: Vec<&FindingView> = findings
            .iter()
            .filter(|f| f.param.is_none() && f.severity != Severity::Info.as_str())
            .filter(|f| settings_of_code(f.code).iter().any(|s| related.contains(s)))
            .collect();
        // The newest read of a yes/no setting: "no" is not done yet.
        let off = read
            .last()
            .is_some_and(|s| matches!(s.value, SettingValue::Bool(false)));
        let seen = !read.is_empty();
        settings.push(SettingEvidence {
            name,
            seen,
            right: seen && against.is_empty() && !off,
        });
        for f in against {
            if !problems
                .iter()
                .any(|p| p.code == f.code && p.message == f.message)
            {
                problems.push(copy(f));
            }
        }
    }

    // Settings read per report of the partner's.
    let report_judged = (!step.evidence_reports.is_empty())
        .then(|| judge_reports(partner, step, evidence, params, findings));
    if let Some((report_settings, report_problems)) = &report_judged {
        settings = report_settings
            .iter()
            .map(|s| SettingEvidence {
                name: s.name,
                seen: s.seen,
                right: s.right,
            })
            .collect();
        problems = report_problems.iter().map(|f| copy(f)).collect();
    }
    let exported = step.evidence_export && evidence.exported.iter().any(|p| p == partner.id);

    // Errors and warnings about the values this step yields.
    let notes: Vec<FindingView> = findings
        .iter()
        .filter(|f| f.severity != Severity::Info.as_str())
        .filter(|f| {
            f.param
                .and_then(|i| params.get(i))
                .is_some_and(|p| step.capture.contains(&p.kind))
        })
        .map(|f| {
            let mut note = copy(f);
            // The corrected value of a secret is masked in this view: nothing to copy.
            if f.param
                .and_then(|i| params.get(i))
                .is_some_and(|p| p.kind.is_secret())
            {
                note.fixed_value = None;
            }
            note
        })
        .collect();

    // A permissions step: every policy of the partner's table must have been seen.
    let permissions = step.evidence_settings.contains(&names::DOMAIN_PERMISSION);
    let unseen_policies: Vec<&'static str> = if permissions {
        unseen.to_vec()
    } else {
        Vec::new()
    };
    let groups_in_sight = if permissions && groups.len() > 1 {
        groups.to_vec()
    } else {
        Vec::new()
    };

    let automatic =
        page.is_some() || !captures.is_empty() || !settings.is_empty() || step.evidence_export;
    let page_ok = page.as_ref().is_none_or(|p| p.seen);
    let captured = captures.iter().all(|c| c.found >= c.needed)
        && unseen_policies.is_empty()
        && (!step.evidence_export || exported);
    let wrong = match &report_judged {
        Some((reads, _)) => reads.iter().any(|r| r.wrong),
        None => settings.iter().any(|s| s.seen && !s.right),
    };
    // Report steps need every setting read right on every report, not only none read wrong.
    let reports_ok = report_judged.is_none() || settings.iter().all(|s| s.right);
    let any = page.as_ref().is_some_and(|p| p.seen)
        || captures.iter().any(|c| c.found > 0)
        || settings.iter().any(|s| s.seen)
        || exported;
    let state = if !automatic {
        StepState::Manual
    } else if wrong {
        StepState::Wrong
    } else if page_ok && captured && reports_ok {
        StepState::Done
    } else if any {
        StepState::Started
    } else {
        StepState::Todo
    };
    let by_hand = evidence.manual.iter().any(|m| m == step.id);
    let suggestion = if captured {
        None
    } else {
        suggest(partner, step, params)
    };
    StepView {
        step,
        state,
        ticked: state == StepState::Done || by_hand,
        by_hand,
        automatic,
        page,
        captures,
        settings,
        problems,
        notes,
        unseen_policies,
        groups_in_sight,
        suggestion,
    }
}

/// One setting of a report step, judged on each of the step's reports.
struct ReportRead {
    name: &'static str,
    /// Read on at least one of the reports.
    seen: bool,
    /// Read, and right, on every one.
    right: bool,
    /// Read wrong on at least one.
    wrong: bool,
}

/// What the pages read about one report: its name and the settings read after it.
struct ReportPages<'a> {
    name: Option<&'a str>,
    settings: Vec<&'a Setting>,
}

impl ReportPages<'_> {
    /// The newest read of `name`.
    fn get(&self, name: &str) -> Option<&Setting> {
        self.settings.iter().rev().find(|s| s.name == name).copied()
    }
}

/// The settings read about reports, one entry per report: a page reads the report's name
/// first (`custom_report`, `report_sharing`, `view_urls`), so a `report_name` (or a report
/// setting read twice) starts the next report's reads; reads under the same name (folded) are
/// one report's.
fn report_pages(settings: &[Setting]) -> Vec<ReportPages<'_>> {
    const ABOUT_A_REPORT: &[&str] = &[
        names::REPORT_FIELDS,
        names::REPORT_TYPE,
        names::ENABLE_AS_WEB_SERVICE,
        names::REPORT_SHARED_WITH,
    ];
    let mut reads: Vec<ReportPages> = Vec::new();
    let mut current: Option<ReportPages> = None;
    for s in settings {
        if s.name == names::REPORT_NAME {
            reads.extend(current.take());
            current = Some(ReportPages {
                name: s.as_text(),
                settings: Vec::new(),
            });
        } else if ABOUT_A_REPORT.contains(&s.name.as_str()) {
            let cur = current.get_or_insert_with(|| ReportPages {
                name: None,
                settings: Vec::new(),
            });
            if cur.settings.iter().any(|o| o.name == s.name) {
                reads.extend(current.take());
                current = Some(ReportPages {
                    name: None,
                    settings: vec![s],
                });
            } else {
                cur.settings.push(s);
            }
        }
    }
    reads.extend(current);
    // One entry per named report, in the order first read; unnamed reads stay apart.
    let mut out: Vec<ReportPages> = Vec::new();
    for r in reads {
        let same = r.name.and_then(|n| {
            out.iter()
                .position(|o| o.name.is_some_and(|m| partner::fold(m) == partner::fold(n)))
        });
        match same {
            Some(i) => out[i].settings.extend(r.settings),
            None => out.push(r),
        }
    }
    out
}

/// Judges a step's settings on each report it names (see the module's comment); also the
/// `report-field-missing` warnings about those reports, as the reasons.
fn judge_reports<'f>(
    partner: &'static Partner,
    step: &'static Step,
    evidence: &Evidence,
    params: &[Param],
    findings: &'f [FindingView],
) -> (Vec<ReportRead>, Vec<&'f FindingView>) {
    let pages = report_pages(&evidence.settings);
    // Which of the partner's reports each entry is, by its columns.
    let kind: Vec<Option<&'static str>> = pages
        .iter()
        .map(|p| {
            p.get(names::REPORT_FIELDS)
                .and_then(Setting::as_list)
                .filter(|c| !c.is_empty())
                .and_then(|c| checks::classify_report(partner, c))
                .map(|r| r.id)
        })
        .collect();
    // Each named report's pages: the ones whose columns say it is that report, else (a Share tab
    // of a report whose definition was not seen) one not told to be any.
    let mut used = vec![false; pages.len()];
    let mut chosen: Vec<(&'static crate::model::partner::ReportSpec, Option<usize>)> = Vec::new();
    for id in step.evidence_reports {
        let Some(spec) = partner.reports.iter().find(|r| r.id == *id) else {
            continue;
        };
        let at = (0..pages.len())
            .rev()
            .find(|&i| kind[i] == Some(spec.id))
            .or_else(|| (0..pages.len()).find(|&i| kind[i].is_none() && !used[i]));
        if let Some(i) = at {
            used[i] = true;
        }
        chosen.push((spec, at));
    }
    let isu: Vec<String> = params
        .iter()
        .filter(|p| p.kind == ParamKind::IsuUsername)
        .map(|p| partner::fold(p.raw()))
        .chain(
            evidence
                .settings
                .iter()
                .filter(|s| s.name == names::ISU_USER_NAME)
                .filter_map(|s| s.as_text().map(partner::fold)),
        )
        .filter(|u| !u.is_empty())
        .collect();

    let reads = step
        .evidence_settings
        .iter()
        .map(|&name| {
            // Per report: None (not read), Some(None) read but not judgeable, Some(Some(ok)).
            let per: Vec<Option<Option<bool>>> = chosen
                .iter()
                .map(|(spec, at)| {
                    let setting = at.and_then(|i| pages[i].get(name))?;
                    Some(judge_report_setting(spec, setting, &isu))
                })
                .collect();
            ReportRead {
                name,
                seen: per.iter().any(Option::is_some),
                right: !per.is_empty() && per.iter().all(|v| *v == Some(Some(true))),
                wrong: per.contains(&Some(Some(false))),
            }
        })
        .collect();
    // The check names the report in its message ("The User Report (columns: …) lacks …").
    let problems = findings
        .iter()
        .filter(|f| f.code == "report-field-missing" && f.severity != Severity::Info.as_str())
        .filter(|f| {
            step.evidence_settings.contains(&names::REPORT_FIELDS)
                && chosen
                    .iter()
                    .any(|(spec, _)| f.message.starts_with(&format!("The {} ", spec.name)))
        })
        .collect();
    (reads, problems)
}

/// One report setting as read: right, wrong, or (`None`) not judgeable (no ISU captured yet to
/// look for among the users a report is shared with).
fn judge_report_setting(
    spec: &crate::model::partner::ReportSpec,
    setting: &Setting,
    isu: &[String],
) -> Option<bool> {
    match setting.name.as_str() {
        names::REPORT_FIELDS => {
            let columns = setting.as_list().unwrap_or(&[]);
            Some(
                spec.fields
                    .iter()
                    .filter(|f| f.level == crate::model::partner::FieldLevel::Required)
                    .all(|f| columns.iter().any(|c| f.matches(c))),
            )
        }
        names::REPORT_SHARED_WITH => {
            if isu.is_empty() {
                return None;
            }
            let users = setting.as_list().unwrap_or(&[]);
            Some(users.iter().any(|u| isu.contains(&partner::fold(u))))
        }
        _ => match &setting.value {
            SettingValue::Bool(b) => Some(*b),
            _ => None,
        },
    }
}

/// The groups named in the per-area access lists, as shown, in order of appearance. (The record
/// key is `group`, as `permission_missing` reads it.)
fn groups_listed(cx: &Context) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for rec in cx.records(names::DOMAIN_POLICY_ACCESS) {
        let group = rec
            .iter()
            .find(|(k, _)| matches!(partner::fold(k).as_str(), "group" | "securitygroup"))
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty());
        if let Some(g) = group {
            if !out.iter().any(|o| partner::fold(o) == partner::fold(g)) {
                out.push(g.to_string());
            }
        }
    }
    out
}

/// A copy of a finding view (the report's type is not `Clone`).
pub(crate) fn copy(f: &FindingView) -> FindingView {
    FindingView {
        code: f.code,
        severity: f.severity,
        param: f.param,
        message: f.message.clone(),
        fix: f.fix.clone(),
        fixed_value: f.fixed_value.clone(),
    }
}

/// How many different values (white space aside) there are.
fn distinct<'a>(params: impl Iterator<Item = &'a Param>) -> usize {
    let mut seen: Vec<String> = Vec::new();
    for p in params {
        let v = p.raw().trim().to_string();
        if !seen.contains(&v) {
            seen.push(v);
        }
    }
    seen.len()
}

/// The SOAP endpoint a partner with a fixed SOAP service needs, built on the services host of a
/// captured URL that names the tenant: `https://{svc-host}/ccx/service/{tenant}/{Service}/{v}`
/// (workday-notes.md §2). Only a services host is used: the notes do not say how a UI host maps
/// to its services host.
fn suggest(partner: &Partner, step: &Step, params: &[Param]) -> Option<Suggestion> {
    if !step.capture.contains(&ParamKind::SoapEndpoint) {
        return None;
    }
    let soap = partner.soap.as_ref()?;
    params.iter().find_map(|p| {
        let e = p.endpoint.as_ref()?;
        let host = e.host.as_ref()?;
        if host.role != crate::workday::tenant::HostRole::Services
            || !matches!(
                e.kind,
                Some(EndpointKind::Rest | EndpointKind::Token | EndpointKind::Soap)
            )
        {
            return None;
        }
        let tenant = e.tenant.as_ref()?;
        let mut url = url::Url::parse(&format!("https://{}/", host.name)).ok()?;
        url.path_segments_mut().ok()?.extend([
            "ccx",
            "service",
            tenant.as_str(),
            soap.service,
            soap.version,
        ]);
        Some(Suggestion {
            kind: ParamKind::SoapEndpoint,
            value: url.to_string(),
            from: p.raw().to_string(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::options::Sso;
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
            evidence(
                json!({"pages": ["view_urls"], "params": [{"kind": "raas_url", "value": one}]}),
            ),
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
            .any(|f| f.code == "redirect-n-missing" && f.severity == "error"));
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
    fn the_settings_table_names_registered_checks_and_known_settings() {
        for (code, settings) in SETTING_CHECKS {
            assert!(
                crate::checks::check(code).is_some(),
                "{code} is not a registered check"
            );
            assert!(!settings.is_empty());
        }
        // Every setting a step names is one a check judges or one read as yes/no.
        for p in crate::model::partner::PARTNERS {
            for s in p.steps {
                for name in s.evidence_settings {
                    let judged = SETTING_CHECKS.iter().any(|(_, names)| names.contains(name));
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
}
