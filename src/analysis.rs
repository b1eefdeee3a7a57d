//! The entry points every edge (CLI, wasm, tests) calls: analyse a page snapshot, check pasted
//! text, re-check a set of parameters gathered across pages, check one ticket of a queue; capture
//! a page into the records it belongs to, and one tenant's view.

use crate::checks::{self, Context, Coverage};
use crate::evidence::capture::{split, Capture, PageShown};
use crate::evidence::key::RecordKey;
use crate::evidence::origin::{accept, Origin, Refusal, TabFacts};
use crate::evidence::record::Record;
use crate::workday::endpoint::Endpoint;
use crate::workday::host_family::TenantPage;
use serde::Serialize;

use crate::model::options::Options;
use crate::model::page_id::PageId;
use crate::model::param::{Param, ParamInput};
use crate::model::report_sample::ReportSample;
use crate::model::settings::{names, Setting};
use crate::pages::workday_dom;
use crate::pages::{self, Page};
use crate::partner::which;
use crate::paste;
use crate::paste::files::{self, FileKind, Unreadable};
pub use crate::report::tenant::{live_inputs, record_of_evidence, tenant_view};
use crate::report::view::Report;
use crate::snapshot::Snapshot;

/// Recognises the page and checks what it shows. A page of a tenant's UI host that no recogniser
/// claims yields the Workday connection URLs it shows and nothing else (`page: null`,
/// `recognised: false`, [`pages::unclaimed`]); any other page an empty report. A page still loading is not read at all (a
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
            None,
        ),
        None if TenantPage::parse(&snapshot.url).is_ok() => Report {
            recognised: Some(false),
            ..finish(
                None,
                pages::unclaimed::connection_urls(snapshot),
                Vec::new(),
                &[],
                options,
                Coverage::OnePage,
                None,
            )
        },
        None => Report::default(),
    }
}

/// A page snapshot analysed for keeping: the report (what the page shows, for its marks), and,
/// when the tab is a tenant's own page, the capture split by the record each part belongs to;
/// else why nothing is kept.
#[derive(Debug)]
pub struct Captured {
    pub report: Report,
    pub refused: Option<Refusal>,
    pub parts: Vec<Capture>,
    /// The page's structure for a bug report (JSON text), when it is a tenant's page no
    /// recogniser claims.
    pub structure: Option<String>,
    /// The task's name as the tab shows it (its title without Workday's suffix).
    pub title: String,
}

/// Analyses a snapshot from a tab and splits what it shows by record. A snapshot whose tab is
/// not a tenant's own `https` page, or whose addresses disagree, is not analysed at all.
/// [`Captured`] as the extension takes it.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CapturedView {
    /// What the page shows (for its marks).
    pub report: crate::report::view::ReportView,
    pub refused: Option<Refusal>,
    pub parts: Vec<Capture>,
    /// Added: the settings the page read, as a person reads them ("SAML on", "OAuth 2.0 clients
    /// enabled ✓"), for the "This page" strip and the page's marks.
    pub said: Vec<SettingSaid>,
    /// Added: the page's structure for a bug report (JSON text: every value shaped, never a
    /// captured one), when it is a tenant's page no recogniser claims.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub structure: Option<String>,
    /// Added: the task's name as the tab shows it (its title without Workday's suffix).
    pub title: String,
}

impl Captured {
    /// The view; `reveal` shows secret values (the parts always hold them: they are stored).
    pub fn view(self, reveal: bool) -> CapturedView {
        CapturedView {
            said: self
                .report
                .settings
                .iter()
                .filter_map(|s| {
                    crate::report::tenant::said(s).map(|text| SettingSaid {
                        name: s.name.clone(),
                        text,
                        node: s.node,
                    })
                })
                .collect(),
            report: self.report.view(reveal),
            refused: self.refused,
            parts: self.parts,
            structure: self.structure,
            title: self.title,
        }
    }
}

/// A setting read on a page, as a person reads it, and the snapshot node that shows it (where
/// its mark goes).
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SettingSaid {
    pub name: String,
    pub text: String,
    pub node: Option<usize>,
}

pub fn capture_snapshot(snapshot: &Snapshot, tab: &TabFacts, options: &Options) -> Captured {
    let page = match accept(tab, &snapshot.url) {
        Ok(page) => page,
        Err(refused) => {
            return Captured {
                report: Report::default(),
                refused: Some(refused),
                parts: Vec::new(),
                structure: None,
                title: String::new(),
            }
        }
    };
    let report = analyse_snapshot(snapshot, options);
    let shown = |id: Option<PageId>| {
        split(
            Some(&RecordKey::of_page(&page)),
            &PageShown {
                page: id,
                title: &snapshot.title,
                url: &snapshot.url,
                origin: Some(Origin::of_page(&page)),
                at: tab.at,
                params: &report.params,
                settings: &report.settings,
            },
        )
    };
    let parts = match report.page {
        Some(id) => shown(Some(id)),
        // A page no recogniser claims: its connection URLs, when it shows any, else nothing.
        None if report.recognised == Some(false) && !report.params.is_empty() => shown(None)
            .into_iter()
            .filter(|c| !c.params.is_empty())
            .map(|c| Capture {
                unrecognised: true,
                ..c
            })
            .collect(),
        None => Vec::new(),
    };
    // A page wdcap does not know can be reported: its structure, every value shaped.
    let structure = (report.recognised == Some(false))
        .then(|| serde_json::to_string(&page_structure(snapshot)).ok())
        .flatten();
    Captured {
        report,
        refused: None,
        parts,
        structure,
        title: crate::evidence::record::page_title(&snapshot.title),
    }
}

/// A capture merged into a stored record (none, or one of another shape or tenant: a new one).
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Merged {
    pub record: Record,
    /// False when the capture added nothing but newer times to a recent record: no write.
    pub changed: bool,
}

pub fn merge_capture(stored: Option<serde_json::Value>, capture: &Capture) -> Merged {
    let stored = stored
        .and_then(Record::read)
        .filter(|r| r.key == capture.key);
    let base = stored
        .clone()
        .unwrap_or_else(|| Record::new(capture.key.clone(), capture.at));
    let record = base.merge(capture);
    let changed = stored.is_none_or(|s| !s.unchanged(&record));
    Merged { record, changed }
}

/// What a URL says about its tenant, from the URL alone: the tenant its path names, and the
/// record of a tenant's own admin page.
#[derive(Debug, Default, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct UrlTenant {
    pub tenant: Option<String>,
    pub key: Option<RecordKey>,
}

pub fn tenant_of_url(url: &str) -> UrlTenant {
    UrlTenant {
        tenant: Endpoint::parse(url.trim())
            .ok()
            .and_then(|e| e.tenant)
            .map(|t| t.as_str().to_string()),
        key: TenantPage::parse(url).ok().map(|p| RecordKey::of_page(&p)),
    }
}

pub use crate::report::live::mixed_refusal as live_refusal;

/// A page's structure for a bug report: every text and attribute value shaped, only titles,
/// labels, hooks and roles kept, never a captured value.
pub use crate::report::structure::page_structure;

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
        Some(text),
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
        Coverage::Collected,
        None,
    )
}

fn finish(
    page: Option<PageId>,
    params: Vec<Param>,
    settings: Vec<Setting>,
    samples: &[ReportSample],
    options: &Options,
    coverage: Coverage,
    text: Option<&str>,
) -> Report {
    let suggested_partners = match options.partner() {
        Ok(None) => which::suggest(&clues(&settings, text)),
        _ => Vec::new(),
    };
    let mut cx = Context::new(&params, &settings, options).with_samples(samples);
    match coverage {
        Coverage::OnePage => cx = cx.on_one_page(),
        Coverage::Collected => cx = cx.collected(None, Default::default()),
        Coverage::Gathered => {}
    }
    let findings = checks::run_all(&cx);
    Report {
        page,
        params,
        settings,
        findings,
        busy: false,
        recognised: None,
        suggested_partners,
    }
}

/// What may name the partner: the API clients' names and redirection URIs read, and the text.
fn clues<'a>(settings: &'a [Setting], text: Option<&'a str>) -> which::Clues<'a> {
    let of = |name: &str| -> Vec<&'a str> {
        settings
            .iter()
            .filter(|s| s.name == name)
            .flat_map(|s| match (s.as_text(), s.as_list()) {
                (Some(t), _) => vec![t],
                (None, Some(l)) => l.iter().map(String::as_str).collect(),
                _ => Vec::new(),
            })
            .collect()
    };
    which::Clues {
        client_names: of(names::CLIENT_NAME),
        redirect_uris: of(names::REDIRECTION_URI),
        text,
    }
}
