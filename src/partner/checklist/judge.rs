//! Judging one step: a [`StepJudge`] holds what every step is judged against (the evidence, the
//! findings of the one run of the checks), and each kind of evidence a step may name has its own
//! judge: the page, the captured values, the settings (or, for a report step, the settings per
//! report), the export; [`StepJudge::step`] combines them into the step's state.

use super::reports::judge_reports;
use super::suggest::suggest;
use super::{
    object_of, CaptureEvidence, Evidence, PageEvidence, Scoped, SettingEvidence, StepState,
    StepView,
};
use crate::checks::{self, Finding, FindingView};
use crate::model::param::Param;
use crate::model::partner::{Partner, Step};
use crate::model::settings::{names, Setting, SettingValue};
use crate::model::severity::Severity;

/// What every step of one checklist is judged against.
pub(super) struct StepJudge<'a> {
    pub partner: &'static Partner,
    pub evidence: &'a Evidence,
    /// The gathered values, as the checks saw them.
    pub params: &'a [Param],
    /// Per value: it counts for the partner.
    pub counted: &'a [bool],
    /// The partner's objects and the reads about others.
    pub scoped: &'a Scoped,
    /// The checks' findings on the gathered values and settings.
    pub findings: &'a [Finding],
    /// The partner's domain security policies no page read so far covers.
    pub unseen: &'a [&'static str],
    /// The security groups the access lists name, when no page said which is the integration's.
    pub groups: &'a [String],
}

/// The settings of a step, judged: what was read, what is wrong about them.
struct SettingsJudged {
    settings: Vec<SettingEvidence>,
    problems: Vec<FindingView>,
    /// A setting read wrong (for a report step: on any of its reports).
    wrong: bool,
    /// Every setting read right: report steps need it on every report, not only none read wrong.
    all_right: bool,
}

impl StepJudge<'_> {
    /// The step with its state and the evidence behind it.
    pub fn step(&self, step: &'static Step) -> StepView {
        let page = self.page(step);
        let captures = self.captures(step);
        let judged = if step.evidence_reports.is_empty() {
            self.settings(step)
        } else {
            self.reports(step)
        };
        let exported = self.exported(step);
        let notes = self.notes(step);
        let (unseen_policies, groups_in_sight) = self.permissions(step);

        let automatic = page.is_some()
            || !captures.is_empty()
            || !judged.settings.is_empty()
            || step.evidence_export;
        let page_ok = page.as_ref().is_none_or(|p| p.seen);
        let captured = captures.iter().all(|c| c.found >= c.needed)
            && unseen_policies.is_empty()
            && (!step.evidence_export || exported);
        let any = page.as_ref().is_some_and(|p| p.seen)
            || captures.iter().any(|c| c.found > 0)
            || judged.settings.iter().any(|s| s.seen)
            || exported;
        let state = if !automatic {
            StepState::Manual
        } else if judged.wrong {
            StepState::Wrong
        } else if page_ok && captured && judged.all_right {
            StepState::Done
        } else if any {
            StepState::Started
        } else {
            StepState::Todo
        };
        let by_hand = self.evidence.manual.iter().any(|m| m == step.id);
        let counted: Vec<Param> = self.counted_params().cloned().collect();
        let suggestion = if captured {
            None
        } else {
            suggest(self.partner, step, &counted)
        };
        let kind = object_of(step);
        let about = kind.and_then(|k| self.scoped.subjects.iter().find(|s| s.kind == k).cloned());
        let elsewhere = kind
            .map(|k| {
                self.scoped
                    .elsewhere
                    .iter()
                    .filter(|e| e.kind == k && Some(e.page) == step.evidence_page)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        StepView {
            step,
            state,
            ticked: state == StepState::Done || by_hand,
            by_hand,
            automatic,
            page,
            captures,
            settings: judged.settings,
            problems: judged.problems,
            notes,
            unseen_policies,
            groups_in_sight,
            suggestion,
            about,
            elsewhere,
        }
    }

    /// The values that count for the partner.
    fn counted_params(&self) -> impl Iterator<Item = &Param> {
        self.params
            .iter()
            .enumerate()
            .filter(|(i, _)| self.counted.get(*i).copied().unwrap_or(false))
            .map(|(_, p)| p)
    }

    /// The page that evidences the step, and whether it was visited.
    fn page(&self, step: &Step) -> Option<PageEvidence> {
        step.evidence_page.map(|id| PageEvidence {
            id,
            seen: self.evidence.pages.contains(&id),
        })
    }

    /// Each kind of value the step yields: how many the partner needs, how many were captured.
    fn captures(&self, step: &Step) -> Vec<CaptureEvidence> {
        step.capture
            .iter()
            .map(|&kind| CaptureEvidence {
                kind,
                needed: self
                    .partner
                    .parameters
                    .iter()
                    .filter(|r| r.kind == kind)
                    .map(|r| r.count as usize)
                    .max()
                    .unwrap_or(1)
                    .max(1),
                found: distinct(self.counted_params().filter(|p| p.kind == kind)),
            })
            .collect()
    }

    /// The step's settings: read or not, and right unless a check finds them wrong (or a yes/no
    /// setting was last read "no").
    fn settings(&self, step: &Step) -> SettingsJudged {
        let mut problems: Vec<FindingView> = Vec::new();
        let mut settings = Vec::new();
        for &name in step.evidence_settings {
            let related: Vec<&str> = if same_evidence(name).is_empty() {
                vec![name]
            } else {
                same_evidence(name).to_vec()
            };
            let read: Vec<&Setting> = self
                .evidence
                .settings
                .iter()
                .filter(|s| related.contains(&s.name.as_str()))
                .collect();
            let against: Vec<&Finding> = self
                .findings
                .iter()
                .filter(|f| f.param.is_none() && f.severity != Severity::Info)
                .filter(|f| settings_read_by(f.code).iter().any(|s| related.contains(s)))
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
            for f in against.into_iter().filter(|_| seen) {
                if !problems
                    .iter()
                    .any(|p| p.code == f.code && p.message == f.message)
                {
                    problems.push(self.view(f));
                }
            }
        }
        SettingsJudged {
            wrong: settings.iter().any(|s| s.seen && !s.right),
            all_right: true,
            settings,
            problems,
        }
    }

    /// A report step's settings, judged on each of the partner's reports it names.
    fn reports(&self, step: &'static Step) -> SettingsJudged {
        let counted: Vec<Param> = self.counted_params().cloned().collect();
        let (reads, problems) =
            judge_reports(self.partner, step, self.evidence, &counted, self.findings);
        let settings: Vec<SettingEvidence> = reads
            .iter()
            .map(|s| SettingEvidence {
                name: s.name,
                seen: s.seen,
                right: s.right,
            })
            .collect();
        SettingsJudged {
            wrong: reads.iter().any(|r| r.wrong),
            all_right: settings.iter().all(|s| s.right),
            settings,
            problems: problems.into_iter().map(|f| self.view(f)).collect(),
        }
    }

    /// Whether the step is evidenced by the partner's export having been used.
    fn exported(&self, step: &Step) -> bool {
        step.evidence_export && self.evidence.exported.iter().any(|p| p == self.partner.id)
    }

    /// Errors and warnings about the values the step yields (a secret's corrected value left
    /// out: it is masked in this view, nothing to copy).
    fn notes(&self, step: &Step) -> Vec<FindingView> {
        self.findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .filter(|f| {
                f.param
                    .filter(|&i| self.counted.get(i).copied().unwrap_or(false))
                    .and_then(|i| self.params.get(i))
                    .is_some_and(|p| step.capture.contains(&p.kind))
            })
            .map(|f| {
                let mut note = self.view(f);
                if f.param
                    .and_then(|i| self.params.get(i))
                    .is_some_and(|p| p.kind.is_secret())
                {
                    note.fixed_value = None;
                }
                note
            })
            .collect()
    }

    /// A permissions step: the partner's policies not seen granted yet, and the groups to pick
    /// from when several are listed and none was named the integration's.
    fn permissions(&self, step: &Step) -> (Vec<&'static str>, Vec<String>) {
        if !step.evidence_settings.contains(&names::DOMAIN_PERMISSION) {
            return (Vec::new(), Vec::new());
        }
        let groups = if self.groups.len() > 1 {
            self.groups.to_vec()
        } else {
            Vec::new()
        };
        (self.unseen.to_vec(), groups)
    }

    /// A finding as this view shows it: a secret's corrected value masked.
    fn view(&self, f: &Finding) -> FindingView {
        let secret = f
            .param
            .and_then(|i| self.params.get(i))
            .is_some_and(|p| p.value.is_secret());
        f.view(secret)
    }
}

/// Settings that evidence the same thing as a step's named setting, read from another page
/// (Domain Security Policies for Functional Area lists a group's access per policy, Maintain
/// Permissions its own list).
pub(super) fn same_evidence(name: &str) -> &'static [&'static str] {
    match name {
        names::DOMAIN_PERMISSION => &[names::DOMAIN_PERMISSION, names::DOMAIN_POLICY_ACCESS],
        names::NON_EXPIRING_REFRESH_TOKENS => &[
            names::NON_EXPIRING_REFRESH_TOKENS,
            names::REFRESH_TOKEN_TIMEOUT_DAYS,
        ],
        _ => &[],
    }
}

/// The settings the check with this code reads (its registration says so).
pub(super) fn settings_read_by(code: &str) -> &'static [&'static str] {
    checks::check(code).map_or(&[], |c| c.reads())
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
