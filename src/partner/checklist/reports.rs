//! Report steps (`evidence_reports`): the settings read about each of the partner's custom
//! reports, told apart by the report name each page reads first and by the columns a
//! definition shows.

use super::Evidence;
use crate::checks::{self, Finding};
use crate::model::param::{Param, ParamKind};
use crate::model::partner::{self, FieldLevel, Partner, ReportSpec, Step};
use crate::model::settings::{names, Setting, SettingValue};
use crate::model::severity::Severity;

/// One setting of a report step, judged on each of the step's reports.
pub(super) struct ReportRead {
    pub name: &'static str,
    /// Read on at least one of the reports.
    pub seen: bool,
    /// Read, and right, on every one.
    pub right: bool,
    /// Read wrong on at least one.
    pub wrong: bool,
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
pub(super) fn judge_reports<'f>(
    partner: &'static Partner,
    step: &'static Step,
    evidence: &Evidence,
    params: &[Param],
    findings: &'f [Finding],
) -> (Vec<ReportRead>, Vec<&'f Finding>) {
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
    let mut chosen: Vec<(&'static ReportSpec, Option<usize>)> = Vec::new();
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
        .filter(|f| f.code == "report-field-missing" && f.severity != Severity::Info)
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
fn judge_report_setting(spec: &ReportSpec, setting: &Setting, isu: &[String]) -> Option<bool> {
    match setting.name.as_str() {
        names::REPORT_FIELDS => {
            let columns = setting.as_list().unwrap_or(&[]);
            Some(
                spec.fields
                    .iter()
                    .filter(|f| f.level == FieldLevel::Required)
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
