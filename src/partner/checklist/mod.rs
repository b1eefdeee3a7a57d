//! The trainer checklist: a partner's setup steps (`partners/<id>.toml`, `[[step]]`)
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
//!
//! A step about an object (an API client, a security group, an integration system user: its
//! page is one of the pages about such an object) is judged on the partner's own object only:
//! the evidence handed in is about those (`crate::evidence::scope`), and what a page read about
//! another client or group is listed with the step as such (`elsewhere`), never counted.

//!
//! The code: [`judge`] takes one run of the checks (a [`Pass`], shared with the export), then a
//! `StepJudge` (`judge.rs`) judges each step by the kinds of evidence it names (its page, its
//! captures, its settings, its reports, the export), and `suggest.rs` builds a value no page
//! shows. [`checklist`] runs the checks once over plain evidence and judges it.

mod judge;
mod reports;
mod suggest;
#[cfg(test)]
mod tests;

use super::{PartnerRef, Pass};
use crate::checks::{self, Context, FindingView};
use crate::evidence::choice::Because;
use crate::evidence::scope::ObjectKind;
use crate::model::options::Options;
use crate::model::page_id::PageId;
use crate::model::param::{Param, ParamInput, ParamKind};
use crate::model::partner::{self, Partner, Step};
use crate::model::settings::{names, Setting};
use judge::StepJudge;
use serde::{Deserialize, Serialize};

/// What the extension gathered on one tenant (since the checklist was last reset).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct Evidence {
    /// Pages visited.
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<PageId>>", optional))]
    pub pages: Vec<PageId>,
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<ParamInput>>", optional))]
    pub params: Vec<ParamInput>,
    /// Oldest first: a later read of a setting wins.
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<Setting>>", optional))]
    pub settings: Vec<Setting>,
    /// Step ids ticked by hand.
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<String>>", optional))]
    pub manual: Vec<String>,
    /// Partners whose export was used on this tenant (the popup's "Export for partner"): the
    /// evidence of a step done outside Workday (`evidence_export`, 10KC's e-mail).
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<String>>", optional))]
    pub exported: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    Done,
    Wrong,
    Started,
    Todo,
    Manual,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PageEvidence {
    pub id: PageId,
    pub seen: bool,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CaptureEvidence {
    pub kind: ParamKind,
    pub needed: usize,
    pub found: usize,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Suggestion {
    pub kind: ParamKind,
    pub value: String,
    /// The captured value it was built from.
    pub from: String,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
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
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub unseen_policies: Vec<&'static str>,
    /// The security groups whose access the pages listed, when no page said which one is the
    /// integration's (Domain Security Policies for Functional Area lists every group): the
    /// user picks one, and the extension passes it on as the `security_group` setting.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub groups_in_sight: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub suggestion: Option<Suggestion>,
    /// The object the step judges (the partner's API client, security group or ISU), when the
    /// step is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub about: Option<Subject>,
    /// What pages read about other objects than the partner's: shown as such, never counted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub elsewhere: Vec<Elsewhere>,
}

/// The partner's object a step judges: its kind, its name when one is known to be the
/// partner's, and why it was taken as the partner's.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Subject {
    pub kind: ObjectKind,
    pub name: Option<String>,
    pub because: Option<Because>,
}

/// A page read about an object that is not the partner's.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Elsewhere {
    pub page: PageId,
    pub kind: ObjectKind,
    pub name: String,
    /// When it was read (ms).
    pub at: u64,
}

/// What a judgement knows beyond the evidence: which values count, the partner's objects, the
/// reads about other objects, the groups to pick from.
#[derive(Debug, Clone, Default)]
pub struct Scoped {
    /// Per value of the pass: it counts for the partner (in use, seen since the reset).
    pub counted: Vec<bool>,
    /// The partner's objects, one per kind the evidence knows.
    pub subjects: Vec<Subject>,
    /// Reads about other objects.
    pub elsewhere: Vec<Elsewhere>,
    /// The security groups to pick from when none is known to be the partner's and the
    /// partner's policies are not all seen.
    pub groups: Vec<String>,
}

/// The kind of object a step is about, by its page.
pub fn object_of(step: &Step) -> Option<ObjectKind> {
    match step.evidence_page? {
        PageId::RegisterApiClient | PageId::ViewApiClient | PageId::ManageRefreshTokens => {
            Some(ObjectKind::ApiClient)
        }
        PageId::CreateSecurityGroup
        | PageId::MaintainPermissions
        | PageId::DomainPoliciesForArea => Some(ObjectKind::SecurityGroup),
        PageId::CreateIsu => Some(ObjectKind::Isu),
        _ => None,
    }
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub percent: u32,
    pub optional_done: usize,
    pub optional_total: usize,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Checklist {
    pub partner: PartnerRef,
    pub steps: Vec<StepView>,
    pub progress: Progress,
}

/// The partner's checklist for this evidence, every value counted: the checks run once over it.
/// `Err` names an unknown partner.
pub fn checklist(
    partner_id: &str,
    evidence: Evidence,
    options: &Options,
) -> Result<Checklist, String> {
    let partner = Options::known_partner(partner_id)?;
    let options = options.for_partner(partner);
    let params: Vec<Param> = evidence.params.iter().cloned().map(Param::from).collect();
    let cx = Context::new(&params, &evidence.settings, &options);
    let findings = checks::run_all(&cx);
    let scoped = Scoped {
        counted: vec![true; params.len()],
        groups: if cx.setting(names::SECURITY_GROUP).is_some() {
            Vec::new()
        } else {
            groups_listed(&cx)
        },
        ..Scoped::default()
    };
    Ok(judge(
        partner,
        &evidence,
        &Pass {
            cx: &cx,
            findings: &findings,
        },
        &scoped,
    ))
}

/// The partner's checklist: `evidence` (what counts since the checklist was reset) judged with
/// the findings of `pass`, the one run of the checks.
pub fn judge(
    partner: &'static Partner,
    evidence: &Evidence,
    pass: &Pass,
    scoped: &Scoped,
) -> Checklist {
    let grants = checks::grants(pass.cx);
    let unseen: Vec<&'static str> = partner
        .domain_policies
        .iter()
        .filter(|row| !grants.judges(row))
        .map(|row| row.target())
        .collect();
    let groups = if unseen.is_empty() || scoped.groups.len() < 2 {
        Vec::new()
    } else {
        scoped.groups.clone()
    };
    let judge = StepJudge {
        partner,
        evidence,
        params: pass.cx.params,
        counted: &scoped.counted,
        findings: pass.findings,
        unseen: &unseen,
        groups: &groups,
        scoped,
    };
    let steps: Vec<StepView> = partner.steps.iter().map(|step| judge.step(step)).collect();
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
    Checklist {
        partner: PartnerRef::of(partner),
        steps,
        progress: Progress {
            done,
            total,
            percent,
            optional_done,
            optional_total,
        },
    }
}

/// The step a finding about no single value belongs to: the first step whose settings the
/// finding's check reads, or, for a value the partner needs and nobody captured
/// (`missing-parameter`, whose message names the partner's label for it), the first step that
/// captures it.
pub fn step_for(partner: &'static Partner, f: &checks::Finding) -> Option<&'static Step> {
    let reads = judge::settings_read_by(f.code);
    let by_setting = partner.steps.iter().find(|s| {
        s.evidence_settings.iter().any(|&name| {
            let related = judge::same_evidence(name);
            let related: &[&str] = if related.is_empty() { &[name] } else { related };
            related.iter().any(|r| reads.contains(r))
        })
    });
    by_setting.or_else(|| {
        if f.code != "missing-parameter" {
            return None;
        }
        let req = partner
            .parameters
            .iter()
            .find(|r| f.message.contains(r.label))?;
        partner.steps.iter().find(|s| s.capture.contains(&req.kind))
    })
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
