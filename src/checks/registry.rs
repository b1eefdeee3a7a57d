//! The [`Check`] trait and running every registered check (the list itself is
//! [`super::CHECKS`], one line per check in `mod.rs`).

use super::context::Context;
use super::finding::Finding;
use super::CHECKS;
use crate::model::param::ParamValue;
use crate::model::severity::Severity;
use crate::workday::clean;
use crate::workday::endpoint::Endpoint;

/// One check.
pub trait Check: Sync {
    /// Stable kebab-case code; never changes once released.
    fn code(&self) -> &'static str;
    /// One line: what the check finds.
    fn summary(&self) -> &'static str;
    /// Every severity the check may report (the docs list them; the tests hold it to them).
    fn severities(&self) -> &'static [Severity];
    /// The settings (`crate::model::settings::names`) the check judges: a finding of it that
    /// names no parameter is about these. Checks of values read none.
    fn reads(&self) -> &'static [&'static str] {
        &[]
    }
    fn run(&self, cx: &Context) -> Vec<Finding>;
}

/// The check registered under `code`.
pub fn check(code: &str) -> Option<&'static dyn Check> {
    CHECKS.iter().copied().find(|c| c.code() == code)
}

thread_local! {
    /// How many times [`run_all`] ran on this thread.
    static RUNS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many times every check ran on this thread (a view promises one run; its tests hold it
/// to that).
pub fn runs() -> usize {
    RUNS.with(std::cell::Cell::get)
}

/// Runs every check; findings sorted by severity, then parameter, then code. When several
/// findings correct the same value, each offers the value with all corrections applied.
pub fn run_all(cx: &Context) -> Vec<Finding> {
    RUNS.with(|r| r.set(r.get() + 1));
    let mut findings = run_once(cx);
    if cx.params.len() <= MAX_PARAMS_TO_COMBINE {
        combine_fixes(cx, &mut findings);
    }
    draw_white_space(cx, &mut findings);
    findings
}

/// Draws the white space and invisible characters of the value each finding that offers a
/// corrected value is about, and of the corrected value, where they hold any
/// ([`Finding::shown_value`]): a value with a trailing space and its corrected value otherwise
/// look the same. Secrets are drawn masked.
fn draw_white_space(cx: &Context, findings: &mut [Finding]) {
    for f in findings.iter_mut() {
        let Some(p) = f.param.and_then(|i| cx.params.get(i)) else {
            continue;
        };
        let secret = p.value.is_secret();
        let draw = |v: &str| {
            if secret {
                clean::drawn_masked(v)
            } else {
                clean::drawn(v).into_owned()
            }
        };
        if f.shown_value.is_none()
            && f.fixed_value.is_some()
            && clean::has_white_space_or_invisible(p.raw())
        {
            f.shown_value = Some(draw(p.raw()));
        }
        if let Some(fixed) = f
            .fixed_value
            .as_deref()
            .filter(|v| clean::has_white_space_or_invisible(v))
        {
            f.shown_fixed_value = Some(draw(fixed));
        }
    }
}

fn run_once(cx: &Context) -> Vec<Finding> {
    let mut findings: Vec<Finding> = CHECKS.iter().flat_map(|c| c.run(cx)).collect();
    findings.sort_by(|a, b| (a.severity, a.param, a.code).cmp(&(b.severity, b.param, b.code)));
    findings
}

/// Above this many parameters (a pasted log, not a connection) fixes are not combined: each
/// round re-runs every check.
const MAX_PARAMS_TO_COMBINE: usize = 100;

/// A value with two problems (`/ccx/oauth/` and a misplaced `redirect=n`) gets two findings,
/// each fixing one. Starting from the first fix, re-run the checks on the corrected value until
/// no finding corrects it further, and offer that value in every finding about it.
fn combine_fixes(cx: &Context, findings: &mut [Finding]) {
    for i in 0..cx.params.len() {
        let fixes: Vec<&String> = findings
            .iter()
            .filter(|f| f.param == Some(i))
            .filter_map(|f| f.fixed_value.as_ref())
            .collect();
        if fixes.len() < 2 {
            continue;
        }
        let mut current = fixes[0].clone();
        let mut params = cx.params.to_vec();
        for _ in 0..6 {
            let p = &cx.params[i];
            let mut q = p.clone();
            q.value = ParamValue::for_kind(p.kind, current.clone());
            q.endpoint = if p.kind.is_url() {
                Endpoint::parse(current.trim()).ok()
            } else {
                None
            };
            params[i] = q;
            let mut again = Context::new(&params, cx.settings, cx.options).with_samples(cx.samples);
            again.coverage = cx.coverage;
            again.in_use.clone_from(&cx.in_use);
            again.subjects.clone_from(&cx.subjects);
            let next = run_once(&again)
                .into_iter()
                .filter(|f| f.param == Some(i))
                .find_map(|f| f.fixed_value.filter(|v| *v != current));
            match next {
                Some(v) => current = v,
                None => break,
            }
        }
        for f in findings
            .iter_mut()
            .filter(|f| f.param == Some(i) && f.fixed_value.is_some())
        {
            f.fixed_value = Some(current.clone());
        }
    }
}
