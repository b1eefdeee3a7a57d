//! The partner-profile half of `build.rs`: reads `partners/<id>.toml`, validates every item
//! (known parameter kinds and page ids, access words, a guide citation on everything, ids that
//! match file names …) and writes the Rust source of `PARTNERS`, the static table
//! `src/model/partner.rs` includes. Problems come back as one line each, naming the file and the item.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;

// The parameter kinds and page ids a profile may name: the crate's own lists, included here
// (`src/model/lists/`), so build.rs keeps no copy of them.
include!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/src/model/lists/param_kinds.rs"
));
include!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/src/model/lists/page_ids.rs"
));

macro_rules! known_param_kinds {
    ($($id:ident => $variant:ident { $($flags:tt)* },)*) => {
        /// Parameter kinds (`ParamKind`'s snake_case names).
        pub const KNOWN_PARAM_KINDS: &[&str] = &[$(stringify!($id)),*];
    };
}
param_kinds!(known_param_kinds);

macro_rules! known_page_ids {
    ($($id:ident => $variant:ident,)*) => {
        /// Page ids (`PageId`'s snake_case names).
        pub const KNOWN_PAGE_IDS: &[&str] = &[$(stringify!($id)),*];
    };
}
page_ids!(known_page_ids);

// How a `source` cites a guide and how it reads for users: the crate's own rule.
#[allow(dead_code)]
#[path = "../src/model/citation.rs"]
mod citation;

const ACCESS: &[&str] = &["View", "Modify", "Get", "Put"];
const LEVELS: &[&str] = &["required", "recommended", "optional"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartnerFile {
    id: String,
    name: String,
    summary: String,
    guides: Vec<Guide>,
    #[serde(default)]
    redirect_n_rule: bool,
    sandbox_refresh: Option<String>,
    sandbox_refresh_source: Option<String>,
    #[serde(default)]
    raas_json: bool,
    raas_json_source: Option<String>,
    permissions_note: Option<String>,
    permissions_note_source: Option<String>,
    #[serde(default)]
    parameter: Vec<Parameter>,
    soap: Option<Soap>,
    tenant_settings: Option<TenantSettings>,
    oauth_client: Option<OauthClient>,
    isu: Option<Isu>,
    #[serde(default)]
    domain_policy: Vec<DomainPolicy>,
    activation: Option<Activation>,
    #[serde(default)]
    report: Vec<Report>,
    #[serde(default)]
    step: Vec<Step>,
}

/// A public guide the profile cites: `source = "<id> § <section>"`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Guide {
    id: String,
    title: String,
    address: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Parameter {
    kind: String,
    #[serde(default = "yes")]
    required: bool,
    #[serde(default = "one")]
    count: u32,
    label: String,
    #[serde(rename = "where")]
    location: String,
    source: String,
}

fn yes() -> bool {
    true
}

fn one() -> u32 {
    1
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Soap {
    service: String,
    version: String,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TenantSettings {
    oauth_clients_enabled: Option<bool>,
    user_activity_logging: Option<bool>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OauthClient {
    required: bool,
    task: String,
    client_name: Option<String>,
    grant_type: Option<String>,
    access_token_type: Option<String>,
    #[serde(default)]
    redirect_uris: Vec<String>,
    redirect_uris_note: Option<String>,
    non_expiring_refresh_tokens: Option<bool>,
    #[serde(default)]
    scopes: Vec<String>,
    note: Option<String>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Isu {
    #[serde(default)]
    recommended: bool,
    session_timeout_minutes: Option<i64>,
    security_group_type: Option<String>,
    note: Option<String>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DomainPolicy {
    functional_area: Option<String>,
    policy: String,
    subdomain: Option<String>,
    #[serde(default)]
    report_task: Vec<String>,
    #[serde(default)]
    integration: Vec<String>,
    description: Option<String>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Activation {
    required: bool,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    id: String,
    name: String,
    note: Option<String>,
    source: String,
    #[serde(default)]
    field: Vec<Field>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Field {
    name: String,
    level: String,
    example: Option<String>,
    notes: Option<String>,
    #[serde(default)]
    allowed_values: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    id: String,
    title: String,
    task: Option<String>,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    set: Vec<String>,
    #[serde(default)]
    capture: Vec<String>,
    #[serde(default)]
    pitfalls: Vec<String>,
    evidence_page: Option<String>,
    #[serde(default)]
    evidence_settings: Vec<String>,
    /// Report ids (`[[report]]`) whose page reads the evidence settings must show right.
    #[serde(default)]
    evidence_reports: Vec<String>,
    /// The step is evidenced by the partner export being used (the e-mail to the partner).
    #[serde(default)]
    evidence_export: bool,
    source: String,
}

/// Reads, validates and renders every profile; all problems at once, one line each.
pub fn table(dir: &str) -> Result<String, Vec<String>> {
    let mut problems = Vec::new();
    let mut partners = Vec::new();
    let mut files: Vec<_> = match fs::read_dir(dir) {
        Ok(d) => d
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect(),
        Err(e) => return Err(vec![format!("{dir}: {e}")]),
    };
    files.sort();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let shown = path.display().to_string();
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                problems.push(format!("{shown}: {e}"));
                continue;
            }
        };
        let file: PartnerFile = match toml::from_str(&text) {
            Ok(f) => f,
            Err(e) => {
                problems.push(format!("{shown}: {}", e.to_string().replace('\n', " ")));
                continue;
            }
        };
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let before = problems.len();
        validate(&file, &stem, &mut |item, why| {
            problems.push(format!("{shown}: {item}: {why}"))
        });
        if problems.len() == before {
            partners.push(file);
        }
    }
    if partners.is_empty() && problems.is_empty() {
        problems.push(format!("{dir}: no partner profile (*.toml)"));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(render(&partners))
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_snake(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn validate(f: &PartnerFile, stem: &str, report: &mut dyn FnMut(String, String)) {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut bad = |item: &str, why: String| out.push((item.to_string(), why));
    if f.id != stem {
        bad(
            "id",
            format!("`{}` must equal the file name `{stem}`", f.id),
        );
    }
    if !is_kebab(&f.id) {
        bad("id", format!("`{}` is not kebab-case", f.id));
    }
    for (item, text) in [("name", &f.name), ("summary", &f.summary)] {
        if text.trim().is_empty() {
            bad(item, "is empty".into());
        }
    }
    if f.guides.is_empty() {
        bad("guides", "lists no guide (`{id, title, address}`)".into());
    }
    let mut guide_ids = BTreeSet::new();
    for (i, g) in f.guides.iter().enumerate() {
        if let Some(why) = citation::guide_problem(&g.id, &g.title, &g.address) {
            bad(&format!("guides[{i}]"), why);
        }
        if !guide_ids.insert(g.id.clone()) {
            bad(
                &format!("guides[{i}]"),
                format!("id `{}` is listed twice", g.id),
            );
        }
    }
    // (item, source) pairs, checked for citations at the end.
    let mut cited: Vec<(String, String)> = Vec::new();
    for (item, text, source) in [
        (
            "sandbox_refresh",
            &f.sandbox_refresh,
            &f.sandbox_refresh_source,
        ),
        (
            "permissions_note",
            &f.permissions_note,
            &f.permissions_note_source,
        ),
    ] {
        match (text, source) {
            (Some(_), s) => cited.push((item.into(), s.clone().unwrap_or_default())),
            (None, Some(_)) => bad(item, "has a source but no text".into()),
            (None, None) => {}
        }
    }
    if f.raas_json {
        cited.push((
            "raas_json".into(),
            f.raas_json_source.clone().unwrap_or_default(),
        ));
    }
    let mut kinds = BTreeSet::new();
    for (i, p) in f.parameter.iter().enumerate() {
        let item = format!("parameter[{i}] (`{}`)", p.kind);
        if !KNOWN_PARAM_KINDS.contains(&p.kind.as_str()) {
            bad(&item, bad_kind(&p.kind));
        }
        if !kinds.insert(p.kind.clone()) {
            bad(&item, "is listed twice".into());
        }
        if p.count == 0 {
            bad(&item, "count must be at least 1".into());
        }
        if p.label.trim().is_empty() || p.location.trim().is_empty() {
            bad(&item, "needs a label and a `where`".into());
        }
        cited.push((item, p.source.clone()));
    }
    if f.parameter.iter().all(|p| !p.required) {
        bad("parameter", "no required parameter".into());
    }
    if let Some(s) = &f.soap {
        if s.service.trim().is_empty() || !s.version.starts_with('v') {
            bad(
                "soap",
                format!(
                    "service `{}` / version `{}` (a version reads `vNN.N`)",
                    s.service, s.version
                ),
            );
        }
        cited.push(("soap".into(), s.source.clone()));
    }
    if let Some(t) = &f.tenant_settings {
        cited.push(("tenant_settings".into(), t.source.clone()));
    }
    if let Some(o) = &f.oauth_client {
        if o.scopes.iter().any(|s| s.trim().is_empty()) {
            bad("oauth_client.scopes", "has an empty scope".into());
        }
        for u in &o.redirect_uris {
            if !u.starts_with("https://") {
                bad(
                    "oauth_client.redirect_uris",
                    format!("`{u}` is not an https URL"),
                );
            }
        }
        cited.push(("oauth_client".into(), o.source.clone()));
    }
    if let Some(i) = &f.isu {
        cited.push(("isu".into(), i.source.clone()));
    }
    for (i, d) in f.domain_policy.iter().enumerate() {
        let item = format!("domain_policy[{i}] (`{}`)", d.policy);
        for a in d.report_task.iter().chain(&d.integration) {
            if !ACCESS.contains(&a.as_str()) {
                bad(
                    &item,
                    format!("access `{a}` is not one of {}", ACCESS.join(", ")),
                );
            }
        }
        if let Some(a) = d.report_task.iter().find(|a| *a == "Get" || *a == "Put") {
            bad(
                &item,
                format!("`{a}` belongs in `integration`, not `report_task`"),
            );
        }
        if let Some(a) = d
            .integration
            .iter()
            .find(|a| *a == "View" || *a == "Modify")
        {
            bad(
                &item,
                format!("`{a}` belongs in `report_task`, not `integration`"),
            );
        }
        if d.policy.trim().is_empty() {
            bad(&item, "policy is empty".into());
        }
        cited.push((item, d.source.clone()));
    }
    if let Some(a) = &f.activation {
        cited.push(("activation".into(), a.source.clone()));
    }
    let mut report_ids = BTreeSet::new();
    for (i, r) in f.report.iter().enumerate() {
        let item = format!("report[{i}] (`{}`)", r.id);
        if !is_kebab(&r.id) || !report_ids.insert(r.id.clone()) {
            bad(&item, "id must be kebab-case and unique".into());
        }
        if r.field.is_empty() {
            bad(&item, "lists no field".into());
        }
        let mut names = BTreeSet::new();
        for fl in &r.field {
            if !LEVELS.contains(&fl.level.as_str()) {
                bad(
                    &item,
                    format!(
                        "field `{}`: level `{}` is not one of {}",
                        fl.name,
                        fl.level,
                        LEVELS.join(", ")
                    ),
                );
            }
            if !names.insert(fl.name.to_lowercase()) {
                bad(&item, format!("field `{}` is listed twice", fl.name));
            }
        }
        cited.push((item, r.source.clone()));
    }
    if f.step.is_empty() {
        bad("step", "lists no checklist step".into());
    }
    let mut step_ids = BTreeSet::new();
    let mut captured = BTreeSet::new();
    for (i, s) in f.step.iter().enumerate() {
        let item = format!("step[{i}] (`{}`)", s.id);
        if !is_kebab(&s.id) || !step_ids.insert(s.id.clone()) {
            bad(&item, "id must be kebab-case and unique".into());
        }
        if s.title.trim().is_empty() {
            bad(&item, "title is empty".into());
        }
        for k in &s.capture {
            if KNOWN_PARAM_KINDS.contains(&k.as_str()) {
                captured.insert(k.clone());
            } else {
                bad(&item, bad_kind(k));
            }
        }
        if let Some(p) = &s.evidence_page {
            if !KNOWN_PAGE_IDS.contains(&p.as_str()) {
                bad(
                    &item,
                    format!(
                        "evidence_page `{p}` is not a page id (known: {})",
                        KNOWN_PAGE_IDS.join(", ")
                    ),
                );
            }
        }
        for r in &s.evidence_reports {
            if !f.report.iter().any(|rep| &rep.id == r) {
                bad(
                    &item,
                    format!("evidence_reports names `{r}`, which is no [[report]] id"),
                );
            }
        }
        for n in &s.evidence_settings {
            if !is_snake(n) {
                bad(
                    &item,
                    format!("evidence setting `{n}` is not a snake_case setting name"),
                );
            }
        }
        cited.push((item, s.source.clone()));
    }
    for p in f.parameter.iter().filter(|p| p.required) {
        if !captured.contains(&p.kind) {
            bad(
                &format!("parameter `{}`", p.kind),
                "is required but no step captures it (add it to a step's `capture`)".into(),
            );
        }
    }
    for (item, source) in cited {
        if let Err(why) = citation::cite(guides_of(f), &source) {
            out.push((item, why));
        }
    }
    for (item, why) in out {
        report(item, why);
    }
}

fn bad_kind(kind: &str) -> String {
    format!(
        "`{kind}` is not a parameter kind (known: {})",
        KNOWN_PARAM_KINDS.join(", ")
    )
}

/// The profile's guides as `(id, title, address)`.
fn guides_of(f: &PartnerFile) -> impl Iterator<Item = (&str, &str, &str)> + Clone {
    f.guides
        .iter()
        .map(|g| (g.id.as_str(), g.title.as_str(), g.address.as_str()))
}

/// What users read for a (validated) source.
fn citation_of(f: &PartnerFile, source: &str) -> String {
    citation::cite(guides_of(f), source).unwrap_or_default()
}

/// `soap_endpoint` → `SoapEndpoint`.
fn camel(snake: &str) -> String {
    snake
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn opt(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("Some({s:?})"),
        None => "None".into(),
    }
}

fn strs(v: &[String]) -> String {
    format!("&{v:?}")
}

fn access(v: &[String]) -> String {
    let items: Vec<String> = v.iter().map(|a| format!("Access::{a}")).collect();
    format!("&[{}]", items.join(", "))
}

fn render(partners: &[PartnerFile]) -> String {
    let mut o = String::from(
        "// Generated by build.rs (build/partners.rs) from partners/*.toml. Do not edit.\n\n",
    );
    let _ = writeln!(o, "/// Every partner profile, in file-name order.");
    o.push_str("pub static PARTNERS: &[Partner] = &[\n");
    for f in partners {
        let _ = writeln!(o, "    Partner {{");
        let _ = writeln!(
            o,
            "        id: {:?}, name: {:?}, summary: {:?},",
            f.id, f.name, f.summary
        );
        o.push_str("        guides: &[\n");
        for g in &f.guides {
            let _ = writeln!(
                o,
                "            Guide {{ id: {:?}, title: {:?}, address: {:?} }},",
                g.id, g.title, g.address
            );
        }
        o.push_str("        ],\n");
        let cite = |s: &str| citation_of(f, s);
        let _ = writeln!(o, "        redirect_n_rule: {},", f.redirect_n_rule);
        let cited = |t: &Option<String>, s: &Option<String>| match t {
            Some(t) => {
                let s = s.clone().unwrap_or_default();
                format!(
                    "Some(Cited {{ text: {t:?}, source: {s:?}, citation: {:?} }})",
                    cite(&s)
                )
            }
            None => "None".into(),
        };
        let _ = writeln!(
            o,
            "        sandbox_refresh: {},",
            cited(&f.sandbox_refresh, &f.sandbox_refresh_source)
        );
        let _ = writeln!(
            o,
            "        permissions_note: {},",
            cited(&f.permissions_note, &f.permissions_note_source)
        );
        let _ = writeln!(
            o,
            "        raas_json: {}, raas_json_source: {}, raas_json_citation: {},",
            f.raas_json,
            opt(&f.raas_json_source),
            opt(&f.raas_json_source.as_deref().map(cite))
        );
        o.push_str("        parameters: &[\n");
        for p in &f.parameter {
            let _ = writeln!(
                o,
                "            Requirement {{ kind: ParamKind::{}, required: {}, count: {}, label: {:?}, r#where: {:?}, source: {:?}, citation: {:?} }},",
                camel(&p.kind), p.required, p.count, p.label, p.location, p.source, cite(&p.source)
            );
        }
        o.push_str("        ],\n");
        match &f.soap {
            Some(s) => {
                let _ = writeln!(
                    o,
                    "        soap: Some(SoapService {{ service: {:?}, version: {:?}, source: {:?}, citation: {:?} }}),",
                    s.service, s.version, s.source, cite(&s.source)
                );
            }
            None => o.push_str("        soap: None,\n"),
        }
        match &f.tenant_settings {
            Some(t) => {
                let _ = writeln!(
                    o,
                    "        tenant_settings: Some(TenantSettings {{ oauth_clients_enabled: {:?}, user_activity_logging: {:?}, source: {:?}, citation: {:?} }}),",
                    t.oauth_clients_enabled, t.user_activity_logging, t.source, cite(&t.source)
                );
            }
            None => o.push_str("        tenant_settings: None,\n"),
        }
        match &f.oauth_client {
            Some(c) => {
                let _ = writeln!(
                    o,
                    "        oauth_client: Some(OauthClient {{ required: {}, task: {:?}, client_name: {}, grant_type: {}, access_token_type: {}, redirect_uris: {}, redirect_uris_note: {}, non_expiring_refresh_tokens: {:?}, scopes: {}, note: {}, source: {:?}, citation: {:?} }}),",
                    c.required, c.task, opt(&c.client_name), opt(&c.grant_type), opt(&c.access_token_type),
                    strs(&c.redirect_uris), opt(&c.redirect_uris_note), c.non_expiring_refresh_tokens,
                    strs(&c.scopes), opt(&c.note), c.source, cite(&c.source)
                );
            }
            None => o.push_str("        oauth_client: None,\n"),
        }
        match &f.isu {
            Some(i) => {
                let _ = writeln!(
                    o,
                    "        isu: Some(IsuProfile {{ recommended: {}, session_timeout_minutes: {:?}, security_group_type: {}, note: {}, source: {:?}, citation: {:?} }}),",
                    i.recommended, i.session_timeout_minutes, opt(&i.security_group_type), opt(&i.note), i.source, cite(&i.source)
                );
            }
            None => o.push_str("        isu: None,\n"),
        }
        o.push_str("        domain_policies: &[\n");
        for d in &f.domain_policy {
            let _ = writeln!(
                o,
                "            DomainPolicy {{ functional_area: {}, policy: {:?}, subdomain: {}, report_task: {}, integration: {}, description: {}, source: {:?}, citation: {:?} }},",
                opt(&d.functional_area), d.policy, opt(&d.subdomain), access(&d.report_task),
                access(&d.integration), opt(&d.description), d.source, cite(&d.source)
            );
        }
        o.push_str("        ],\n");
        match &f.activation {
            Some(a) => {
                let _ = writeln!(
                    o,
                    "        activation: Some(Activation {{ required: {}, source: {:?}, citation: {:?} }}),",
                    a.required, a.source, cite(&a.source)
                );
            }
            None => o.push_str("        activation: None,\n"),
        }
        o.push_str("        reports: &[\n");
        for r in &f.report {
            let _ = writeln!(
                o,
                "            ReportSpec {{ id: {:?}, name: {:?}, note: {}, source: {:?}, citation: {:?}, fields: &[",
                r.id, r.name, opt(&r.note), r.source, cite(&r.source)
            );
            for fl in &r.field {
                let _ = writeln!(
                    o,
                    "                ReportField {{ name: {:?}, level: FieldLevel::{}, example: {}, notes: {}, allowed_values: {}, aliases: {} }},",
                    fl.name, camel(&fl.level), opt(&fl.example.clone().filter(|e| !e.is_empty())), opt(&fl.notes),
                    strs(&fl.allowed_values), strs(&fl.aliases)
                );
            }
            o.push_str("            ] },\n");
        }
        o.push_str("        ],\n        steps: &[\n");
        for s in &f.step {
            let capture: Vec<String> = s
                .capture
                .iter()
                .map(|k| format!("ParamKind::{}", camel(k)))
                .collect();
            let page = match &s.evidence_page {
                Some(p) => format!("Some(PageId::{})", camel(p)),
                None => "None".into(),
            };
            let _ = writeln!(
                o,
                "            Step {{ id: {:?}, title: {:?}, task: {}, optional: {}, set: {}, capture: &[{}], pitfalls: {}, evidence_page: {page}, evidence_settings: {}, evidence_reports: {}, evidence_export: {}, source: {:?}, citation: {:?} }},",
                s.id, s.title, opt(&s.task), s.optional, strs(&s.set), capture.join(", "),
                strs(&s.pitfalls), strs(&s.evidence_settings), strs(&s.evidence_reports), s.evidence_export, s.source, cite(&s.source)
            );
        }
        o.push_str("        ],\n    },\n");
    }
    o.push_str("];\n");
    o
}
