//! The entry points every edge (CLI, wasm, tests) calls: analyse a page snapshot, check
//! pasted text, re-check a set of parameters gathered across pages, check one ticket of a queue.

use crate::checks::{self, Context, Coverage};
use crate::model::options::Options;
use crate::model::page_id::PageId;
use crate::model::param::{Param, ParamInput};
use crate::model::report_sample::ReportSample;
use crate::model::settings::Setting;
use crate::pages::workday_dom;
use crate::pages::{self, Page};
use crate::paste;
use crate::paste::files::{self, FileKind, Unreadable};
use crate::report::view::Report;
use crate::snapshot::Snapshot;

/// Recognises the page and checks what it shows. A page no recogniser claims yields an empty
/// report (`page: null`): nothing of it is kept. A page still loading is not read at all (a
/// half-filled page would look like one missing values): its report says `busy`, and the page
/// is analysed again when it settles.
pub fn analyse_snapshot(snapshot: &Snapshot, options: &Options) -> Report {
    if workday_dom::is_busy(snapshot) {
        return Report {
            busy: true,
            ..Report::default()
        };
    }
    let page = Page::new(snapshot);
    match pages::recognise(&page) {
        Some(capture) => finish(
            Some(capture.page),
            capture.params,
            capture.settings,
            &[],
            options,
            Coverage::OnePage,
        ),
        None => Report::default(),
    }
}

/// Extracts every parameter from pasted text and checks them.
pub fn check_text(text: &str, options: &Options) -> Report {
    let found = paste::extract_all(text);
    finish(
        None,
        found.params,
        found.settings,
        &found.samples,
        options,
        Coverage::Gathered,
    )
}

/// Checks one ticket of a queue (a file, a message of an mbox, a row of an export): its text
/// read by the rule of its kind ([`files::text_of`]: a mail's parts decoded), then checked as
/// pasted text.
pub fn check_ticket(kind: FileKind, bytes: &[u8], options: &Options) -> Result<Report, Unreadable> {
    let text = files::text_of(kind, bytes)?;
    Ok(check_text(&text, options))
}

/// Checks parameters (and settings) gathered from several pages of one tenant.
pub fn check_params(params: Vec<ParamInput>, settings: Vec<Setting>, options: &Options) -> Report {
    finish(
        None,
        params.into_iter().map(Param::from).collect(),
        settings,
        &[],
        options,
        Coverage::Gathered,
    )
}

fn finish(
    page: Option<PageId>,
    params: Vec<Param>,
    settings: Vec<Setting>,
    samples: &[ReportSample],
    options: &Options,
    coverage: Coverage,
) -> Report {
    let mut cx = Context::new(&params, &settings, options).with_samples(samples);
    if coverage == Coverage::OnePage {
        cx = cx.on_one_page();
    }
    let findings = checks::run_all(&cx);
    Report {
        page,
        params,
        settings,
        findings,
        busy: false,
    }
}
