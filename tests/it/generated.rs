//! The files generated from the Rust declarations for the JavaScript, and kept committed:
//!
//! - `extension/shared/generated/lists.js`: the page ids, the value kinds (with their titles and
//!   whether each is a secret or a URL), the SSO choices, the severities in rank order and the
//!   files the Verify page opens, each declared once in Rust (`src/model/`, `src/paste/files.rs`);
//! - `extension/shared/generated/core-types.d.ts`: TypeScript declarations of every type that
//!   crosses the wasm boundary, named as in Rust (ts-rs, from the crate's `typescript` feature).
//!
//! This test renders both in memory and fails when a committed copy differs: run
//! `make generate` (which runs it with `WDCAP_GENERATE=1`, writing the files).

use std::fmt::Write as _;
use std::path::PathBuf;
use ts_rs::{Config, TS};
use wdcap::model::options::Sso;
use wdcap::model::page_id::PageId;
use wdcap::model::param::ParamKind;
use wdcap::model::severity::Severity;
use wdcap::paste::files::{MAIL_EXTENSIONS, TEXT_EXTENSIONS};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const HEADER: &str =
    "Generated from the Rust declarations by tests/it/generated.rs (`make generate`). Do not edit.";

/// `lists.js`: plain `export const` declarations with no imports (the build strips the file
/// into the content script), typed `const` so the JavaScript's type check knows every id.
fn lists_js() -> String {
    let mut o = format!("// @ts-check\n// {HEADER}\n//\n// Declarations only, no imports: the build puts this file into the content script.\n\n");
    let quoted = |items: &mut dyn Iterator<Item = &str>| {
        items
            .map(|s| format!("'{s}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(
        o,
        "/** Every page a recogniser reads, in the recognisers' order. */"
    );
    let _ = writeln!(
        o,
        "export const PAGE_IDS = Object.freeze(\n  /** @type {{const}} */ ([\n{}\n  ]),\n);\n",
        PageId::ALL
            .iter()
            .map(|p| format!("    '{}',", p.as_str()))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let _ = writeln!(
        o,
        "/**\n * Every kind of value, in the core's order: its English title (the pages show the translated\n * `kind_<kind>` message), whether it is a secret, whether it is a URL.\n */"
    );
    let _ = writeln!(
        o,
        "export const VALUE_KINDS = Object.freeze(\n  /** @type {{const}} */ ({{"
    );
    for k in ParamKind::ALL {
        let _ = writeln!(
            o,
            "    {}: {{ title: '{}', secret: {}, url: {} }},",
            k.as_str(),
            k.title().replace('\'', "\\'"),
            k.is_secret(),
            k.is_url()
        );
    }
    let _ = writeln!(o, "  }}),\n);\n");
    let _ = writeln!(
        o,
        "/** The kinds a value may be captured as by hand (context menu, \"Add a value\"), in menu order. */"
    );
    let _ = writeln!(
        o,
        "export const HAND_KINDS = Object.freeze(/** @type {{const}} */ ([{}]));\n",
        quoted(&mut wdcap::evidence::hand::HAND_KINDS.iter().map(|k| k.as_str()))
    );
    let _ = writeln!(
        o,
        "/** The answers to \"does the tenant use SAML SSO?\"; the first is the default. */"
    );
    let _ = writeln!(
        o,
        "export const SSO_CHOICES = Object.freeze(/** @type {{const}} */ ([{}]));\n",
        quoted(&mut Sso::ALL.iter().map(|s| s.as_str()))
    );
    let _ = writeln!(o, "/** A finding's severities, worst first. */");
    let _ = writeln!(
        o,
        "export const SEVERITIES = Object.freeze(/** @type {{const}} */ ([{}]));\n",
        quoted(&mut Severity::ALL.iter().map(|s| s.as_str()))
    );
    let _ = writeln!(
        o,
        "/** The files the Verify page opens (dropped or chosen): mail files, then text files. */"
    );
    let _ = writeln!(
        o,
        "export const TICKET_FILES = Object.freeze(/** @type {{const}} */ ([{}]));\n",
        quoted(
            &mut MAIL_EXTENSIONS
                .iter()
                .chain(TEXT_EXTENSIONS)
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str)
        )
    );
    let _ = writeln!(
        o,
        "/**\n * The largest file the Verify page reads (a mail with its attachments); the core then holds\n * each kind of file to its own limit.\n */\nexport const MAX_FILE_BYTES = {};",
        wdcap::model::limits::MAX_MAIL_BYTES
    );
    o
}

/// `core-types.d.ts`: one `export type` per type, in name order.
fn core_types() -> String {
    use wdcap::analysis::{CapturedView, Merged, SettingSaid, UrlTenant};
    use wdcap::checks::FindingView;
    use wdcap::evidence::capture::Capture;
    use wdcap::evidence::choice::{Because, Prefs};
    use wdcap::evidence::key::RecordKey;
    use wdcap::evidence::origin::{Origin, Refusal, TabFacts};
    use wdcap::evidence::record::{
        LiveRun, PageRead, Record, RecordChange, Retired, RetiredReason, StoredParam,
    };
    use wdcap::evidence::scope::ObjectKind;
    use wdcap::model::options::Options;
    use wdcap::model::param::{ParamInput, Source};
    use wdcap::model::partner::{
        Access, Activation, Cited, DomainPolicy, FieldLevel, Guide, IsuProfile, OauthClient,
        Partner, ReportField, ReportSpec, Requirement, SoapService, Step, TenantSettings,
    };
    use wdcap::model::settings::{Setting, SettingValue};
    use wdcap::partner::checklist::{
        CaptureEvidence, Checklist, Elsewhere, PageEvidence, Progress, SettingEvidence, StepState,
        StepView, Subject, Suggestion,
    };
    use wdcap::partner::export::{ClientChoice, ExportItem, ExportValue, Gathered, PartnerExport};
    use wdcap::partner::which::{Clue, PartnerSuggestion};
    use wdcap::partner::PartnerRef;
    use wdcap::probe::{LiveFinding, LivePlan, ProbeKind, RequestRecord, StepResult, StepStatus};
    use wdcap::report::live::{LiveEvidence, LiveView};
    use wdcap::report::outcome::{ErrorValue, Outcome};
    use wdcap::report::tenant::{
        ChecklistState, ClientCard, Counts, FindingGroup, LiveInputs, LiveSummary, ObjectCard,
        PageVisit, PrefsView, SettingRow, SsoSource, SsoSourceKind, TenantView, TokenRef,
        ValueView, ViewOptions,
    };
    use wdcap::report::view::{ParamView, ReportView};
    use wdcap::snapshot::{WireNode, WireSnapshot};
    use wdcap::workday::endpoint::{EndpointDetail, RaasFormat};
    use wdcap::workday::host_family::{HostFamily, NotATenantPage};

    // Numbers cross as JSON numbers: `number`, whatever their width in Rust.
    let cfg = Config::new().with_large_int("number");
    let mut decls: Vec<(String, String)> = Vec::new();
    macro_rules! decl {
        ($($t:ty),* $(,)?) => {
            $(decls.push((<$t as TS>::ident(&cfg), <$t as TS>::decl(&cfg)));)*
        };
    }
    decl!(
        // The results: analyseSnapshot, checkText, checkParams.
        ReportView,
        ParamView,
        FindingView,
        Setting,
        SettingValue,
        Source,
        EndpointDetail,
        RaasFormat,
        PageId,
        ParamKind,
        Severity,
        PartnerSuggestion,
        Clue,
        // captureSnapshot(), mergeCapture(), changeRecord(), tenantOfUrl(): the evidence store.
        CapturedView,
        SettingSaid,
        Capture,
        Refusal,
        NotATenantPage,
        TabFacts,
        Merged,
        Record,
        RecordKey,
        HostFamily,
        Origin,
        StoredParam,
        PageRead,
        Retired,
        RetiredReason,
        LiveRun,
        RecordChange,
        UrlTenant,
        // tenantView(): one tenant's view, its checklist and export.
        TenantView,
        PrefsView,
        SsoSource,
        SsoSourceKind,
        ClientCard,
        ObjectCard,
        ObjectKind,
        Because,
        ValueView,
        TokenRef,
        FindingGroup,
        SettingRow,
        PageVisit,
        LiveSummary,
        LiveInputs,
        Counts,
        Checklist,
        StepView,
        StepState,
        PageEvidence,
        CaptureEvidence,
        SettingEvidence,
        Suggestion,
        Subject,
        Elsewhere,
        Progress,
        PartnerRef,
        PartnerExport,
        ExportItem,
        ExportValue,
        ClientChoice,
        // partners().
        Partner,
        Guide,
        Cited,
        Requirement,
        SoapService,
        TenantSettings,
        OauthClient,
        IsuProfile,
        DomainPolicy,
        Access,
        Activation,
        ReportSpec,
        ReportField,
        FieldLevel,
        Step,
        // liveTest(), livePlan().
        LiveView,
        LivePlan,
        StepResult,
        ProbeKind,
        StepStatus,
        LiveFinding,
        RequestRecord,
        // Every result's envelope.
        Outcome<()>,
        ErrorValue,
        // The arguments.
        Options,
        Sso,
        ParamInput,
        Gathered,
        Prefs,
        ChecklistState,
        ViewOptions,
        LiveEvidence,
        WireSnapshot,
        WireNode,
    );
    decls.sort();
    let mut o = format!("// {HEADER}\n//\n// The types of what crosses the wasm boundary (src/wasm.rs), named as in Rust. Every\n// result is an `Outcome<T>`: `{{ok: true, report: T}}` or `{{ok: false, error: ErrorValue}}`.\n");
    for (_, d) in decls {
        let _ = write!(o, "\nexport {}\n", d.trim());
    }
    o
}

fn check(relative: &str, rendered: &str) {
    let path = root().join(relative);
    if std::env::var_os("WDCAP_GENERATE").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, rendered).unwrap_or_else(|e| panic!("write {relative}: {e}"));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == rendered,
        "{relative} is not what the Rust declarations generate: run `make generate` and commit it"
    );
}

#[test]
fn lists_js_is_current() {
    check("extension/shared/generated/lists.js", &lists_js());
}

#[test]
fn core_types_d_ts_is_current() {
    check("extension/shared/generated/core-types.d.ts", &core_types());
}

#[test]
fn the_lists_hold_every_declared_value() {
    let js = lists_js();
    for p in PageId::ALL {
        assert!(js.contains(&format!("'{}'", p.as_str())));
    }
    for k in ParamKind::ALL {
        assert!(js.contains(&format!("{}: {{ title: '{}'", k.as_str(), k.title())));
    }
    assert!(js.contains("export const SEVERITIES = Object.freeze(/** @type {const} */ (['error', 'warning', 'info']));"));
    assert!(js.contains("export const SSO_CHOICES = Object.freeze(/** @type {const} */ (['unknown', 'yes', 'no']));"));
    let ts = core_types();
    for name in [
        "ReportView",
        "StepView",
        "PartnerExport",
        "LiveView",
        "Outcome<T>",
    ] {
        assert!(ts.contains(&format!("export type {name} = ")), "{name}");
    }
}
