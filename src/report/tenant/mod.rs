//! One tenant's view: everything a popup or side-panel render needs, from one pass of the
//! checks. [`tenant_view`] gathers the record's API clients, security groups and ISUs
//! (`crate::evidence::objects`), takes the partner's (`crate::evidence::choice`), runs every
//! check once over the values with the settings about those objects, and hands that one run to
//! the checklist and the export. The CLI's `wdcap view` prints it as JSON.
//!
//! ```json
//! {"key", "tenant", "family", "family_label", "hosts", "updated",
//!  "prefs": {"sso", "sso_source": {"kind", "page"?, "page_title"?, "at"?}, "integration",
//!            "api_client", "security_group", "isu"},
//!  "clients": [{"name", "handle", "chosen", "because", "reason", "values": [Value],
//!               "settings": [SettingRow], "refresh_tokens": [{"account", "fingerprint", "at"}]}],
//!  "groups": [Object], "isus": [Object],
//!  "values": [Value],                     // tenant-wide values (and secrets tied to no client)
//!  "findings": [{"step", "title", "count", "findings": [Finding]}],
//!  "settings": [SettingRow],              // tenant settings read, as a person reads them
//!  "pages": [{"page", "title", "at"}],
//!  "checklist"?, "export"?,               // when a partner is chosen
//!  "live": {"probes", "client", "refresh_token", "hosts", "last"},
//!  "counts": {"values", "error", "warning", "info"}}
//! ```
//!
//! A Value is the report's value view (`crate::report::view::ParamView`) with its index in the
//! record, page, time, whether it was captured on the tenant's own pages, its findings and its
//! worst severity. Finding indices (`param`) point into the record's values.

mod rows;

use crate::checks::{self, Context, Finding, FindingView, Subjects};
use crate::evidence::choice::{choose, Because, Chosen, Prefs};
use crate::evidence::key::RecordKey;
use crate::evidence::objects::{objects, Objects};
use crate::evidence::record::{LiveRun, Record};
use crate::evidence::scope::{scope, ObjectKind, Scope};
use crate::model::options::{Options, Sso};
use crate::model::page_id::PageId;
use crate::model::param::{Param, ParamInput, ParamKind};
use crate::model::partner::Partner;
use crate::model::secret::fingerprint;
use crate::model::settings::names;
use crate::model::severity::Severity;
use crate::partner::checklist::{self, Checklist, Elsewhere, Evidence, Scoped, Subject};
use crate::partner::export::{self, ClientChoice, PartnerExport, Selection};
use crate::partner::Pass;
use crate::probe::{LiveFinding, ProbeInput, ProbeKind};
use crate::report::live::{mixed_refusal, LiveEvidence};
use crate::report::view::ParamView;
use crate::workday::host_family::HostFamily;
pub use rows::{said, SettingRow};
use serde::{Deserialize, Serialize};

/// A trainer checklist's state: the steps ticked by hand, and since when evidence counts (ms).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct ChecklistState {
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<String>>", optional))]
    pub manual: Vec<String>,
    #[cfg_attr(feature = "typescript", ts(as = "Option<u64>", optional))]
    pub since: u64,
}

/// How the view is asked for.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct ViewOptions {
    /// Secrets in clear (the extension copies them; it shows them masked until asked).
    #[cfg_attr(feature = "typescript", ts(as = "Option<bool>", optional))]
    pub reveal: bool,
    /// The partner to judge for, instead of the tenant's own (the checklist page shows any).
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub integration: Option<String>,
    /// The word the export's text shows for a required value not gathered (default
    /// `(missing)`; the extension passes its translation).
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub missing: Option<String>,
    /// The moment of an export (ISO 8601, UTC): when given, the export's JSON file is written
    /// too.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub exported_at: Option<String>,
}

/// Where the SSO answer comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SsoSourceKind {
    /// The admin set the switch.
    YouChose,
    /// A setting read on Edit Tenant Setup – Security decided it.
    Read,
    /// Nobody said, no page read it.
    Unknown,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SsoSource {
    pub kind: SsoSourceKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub page: Option<PageId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub page_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub at: Option<u64>,
    /// Added: when the admin's answer stands over a setting read on a page, what the page said
    /// (the page, its title and when are the read's).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub read: Option<Sso>,
}

/// The tenant's preferences as the view shows them: the SSO answer in force and where it
/// comes from, the partner, the admin's choices.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PrefsView {
    pub sso: Sso,
    pub sso_source: SsoSource,
    pub integration: Option<String>,
    pub api_client: Option<String>,
    pub security_group: Option<String>,
    pub isu: Option<String>,
}

/// A value as the view shows it.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ValueView {
    #[serde(flatten)]
    pub param: ParamView,
    /// Its index among the record's values (what findings' `param` point to).
    pub index: usize,
    pub page: Option<PageId>,
    /// When it was last seen (ms).
    pub at: u64,
    /// Captured on the tenant's own pages (or given by the admin), not on another tenant's.
    pub own: bool,
    pub findings: Vec<FindingView>,
    /// The worst of its findings (none: no finding).
    pub severity: Option<Severity>,
    /// Added: read on a tenant page wdcap does not know (a connection URL it showed).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<bool>", optional))]
    pub unrecognised: bool,
    /// Captured by hand (added to the contract: written only when `true`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<bool>", optional))]
    pub hand: bool,
}

/// A refresh token, by what may be shown of it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TokenRef {
    /// The Workday account it was issued for.
    pub account: Option<String>,
    pub fingerprint: String,
    pub at: u64,
}

/// One API client as a card.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ClientCard {
    pub name: Option<String>,
    /// What the admin's choice of it records: its client ID, else its name.
    pub handle: String,
    pub chosen: bool,
    pub because: Option<Because>,
    /// Why it is the partner's, as a person reads it ("chosen because …").
    pub reason: Option<String>,
    pub values: Vec<ValueView>,
    pub settings: Vec<SettingRow>,
    pub refresh_tokens: Vec<TokenRef>,
    /// When it was last seen (ms).
    pub seen: u64,
}

/// A security group or an integration system user.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ObjectCard {
    pub kind: ObjectKind,
    pub name: String,
    pub chosen: bool,
    pub because: Option<Because>,
    pub reason: Option<String>,
    pub settings: Vec<SettingRow>,
}

/// Findings about no single value, under one checklist step (or none), with their count.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FindingGroup {
    /// The step's id (none: about no step of the partner, or no partner chosen).
    pub step: Option<&'static str>,
    pub title: String,
    pub count: usize,
    pub findings: Vec<FindingView>,
}

/// A page visited, with its title.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PageVisit {
    pub page: PageId,
    pub title: String,
    pub at: u64,
}

/// What the live test would use.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LiveSummary {
    /// The probes the partner uses (every probe when no partner is chosen).
    pub probes: Vec<ProbeKind>,
    /// The API client whose values it uses.
    pub client: Option<ClientChoice>,
    pub refresh_token: Option<TokenRef>,
    /// The hosts it would call: the tenant's own services host (`crate::probe`'s plan).
    pub hosts: Vec<String>,
    /// Why it would refuse to run (nothing would be sent).
    pub refused: Vec<LiveFinding>,
    /// The last run.
    pub last: Option<LiveRun>,
}

#[derive(Debug, Default, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Counts {
    pub values: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

/// One tenant's view.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TenantView {
    pub key: Option<RecordKey>,
    pub tenant: Option<String>,
    pub family: Option<HostFamily>,
    /// The family as a person reads it (`wd3 · implementation`).
    pub family_label: Option<String>,
    /// The tenant's Workday hosts seen (its pages' and its values').
    pub hosts: Vec<String>,
    pub updated: u64,
    /// Nothing is kept for it: no value, no page read.
    pub empty: bool,
    pub prefs: PrefsView,
    /// One card per API client, the partner's first.
    pub clients: Vec<ClientCard>,
    pub groups: Vec<ObjectCard>,
    pub isus: Vec<ObjectCard>,
    /// Values that belong to no API client (endpoints, org IDs, ISU names …), and secrets no
    /// page tied to a client.
    pub values: Vec<ValueView>,
    /// Findings about no single value, grouped by checklist step.
    pub findings: Vec<FindingGroup>,
    /// The tenant's settings read.
    pub settings: Vec<SettingRow>,
    pub pages: Vec<PageVisit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub checklist: Option<Checklist>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub export: Option<PartnerExport>,
    pub live: LiveSummary,
    pub counts: Counts,
}

/// The partner named by the options or the preferences; `Err` names an unknown one.
fn partner_of(prefs: &Prefs, opts: &ViewOptions) -> Result<Option<&'static Partner>, String> {
    let id = opts
        .integration
        .as_deref()
        .or(prefs.integration.as_deref())
        .map(str::trim)
        .filter(|id| !id.is_empty());
    id.map(Options::known_partner).transpose()
}

/// What the view of one record works from: its objects, the partner's among them, the
/// evidence about those.
struct Basis<'r> {
    record: &'r Record,
    partner: Option<&'static Partner>,
    objects: Objects,
    chosen: crate::evidence::choice::Choices,
    scope: Scope,
    params: Vec<Param>,
    own: Vec<bool>,
}

impl<'r> Basis<'r> {
    fn new(record: &'r Record, prefs: &Prefs, partner: Option<&'static Partner>) -> Self {
        let objects = objects(record);
        let chosen = choose(record, &objects, partner, prefs);
        let scope = scope(record, &objects, &chosen);
        let params = record
            .params
            .iter()
            .map(|p| Param::from(p.input()))
            .collect();
        let own = record
            .params
            .iter()
            .map(|p| record.is_own(p.origin.as_ref()))
            .collect();
        Basis {
            record,
            partner,
            objects,
            chosen,
            scope,
            params,
            own,
        }
    }

    fn client_choice(&self) -> Option<ClientChoice> {
        self.chosen.client.map(|c| ClientChoice {
            name: self.objects.clients[c.index].name.clone(),
            because: c.because,
        })
    }

    fn subjects(&self) -> Subjects {
        Subjects {
            client: self
                .chosen
                .client
                .and_then(|c| self.objects.clients[c.index].name.clone()),
            group: self
                .chosen
                .group
                .map(|g| self.objects.groups[g.index].name.clone()),
            isu: self
                .chosen
                .isu
                .map(|u| self.objects.isus[u.index].name.clone()),
        }
    }

    /// The tenant the values are of and the UI host its own pages were last read on: where the
    /// live test may send them (`crate::probe`).
    fn origin(&self) -> Option<crate::probe::Origin> {
        let key = self.record.key.as_ref()?;
        let read = self
            .record
            .reads
            .iter()
            .filter_map(|r| r.origin.as_ref().map(|o| (r.at, o)))
            .filter(|(_, o)| o.key().as_ref() == Some(key))
            .max_by_key(|(at, _)| *at)?;
        Some(crate::probe::Origin {
            tenant: key.tenant.clone(),
            ui_host: read.1.host.clone(),
        })
    }

    /// The live test's input: the values in use, ranked, with the tenant and its UI host.
    fn probe_input(&self) -> ProbeInput {
        ProbeInput::new(
            self.origin(),
            self.in_use_ranked()
                .into_iter()
                .map(|i| self.params[i].clone())
                .collect(),
            None,
            &Options {
                integration: self.partner.map(|p| p.id.to_string()),
                sso: Sso::Unknown,
            },
        )
    }

    /// The values in use, the record's own first, then newest first.
    fn in_use_ranked(&self) -> Vec<usize> {
        let mut out: Vec<usize> = (0..self.params.len())
            .filter(|&i| self.scope.values[i])
            .collect();
        out.sort_by_key(|&i| (!self.own[i], std::cmp::Reverse(self.record.params[i].at)));
        out
    }
}

/// The probes a partner uses: OAuth when it needs a client's credentials or a token endpoint,
/// and one per kind of URL it asks for. Every probe when no partner is chosen.
pub fn probes_of(partner: Option<&Partner>) -> Vec<ProbeKind> {
    let Some(p) = partner else {
        return vec![
            ProbeKind::Oauth,
            ProbeKind::Rest,
            ProbeKind::Raas,
            ProbeKind::Soap,
        ];
    };
    let asks = |kinds: &[ParamKind]| p.parameters.iter().any(|r| kinds.contains(&r.kind));
    let mut out = Vec::new();
    if asks(&[
        ParamKind::TokenEndpoint,
        ParamKind::ClientSecret,
        ParamKind::RefreshToken,
    ]) {
        out.push(ProbeKind::Oauth);
    }
    for (kind, probe) in [
        (ParamKind::RestEndpoint, ProbeKind::Rest),
        (ParamKind::RaasUrl, ProbeKind::Raas),
        (ParamKind::SoapEndpoint, ProbeKind::Soap),
    ] {
        if asks(&[kind]) {
            out.push(probe);
        }
    }
    out
}

fn reason(kind: &str, chosen: Option<Chosen>) -> Option<String> {
    chosen.map(|c| {
        format!(
            "The partner's {kind}: chosen because {}.",
            c.because.phrase()
        )
    })
}

fn worst(findings: &[FindingView]) -> Option<Severity> {
    findings.iter().map(|f| f.severity).min()
}

/// What the live test of a tenant works from: the values in use (the partner's API client's
/// and the tenant-wide ones), the record's own first, then newest first (the probes take the
/// first of each kind); the https hosts the partner's probes would call; which client and which
/// refresh token it uses.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LiveInputs {
    pub evidence: LiveEvidence,
    pub hosts: Vec<String>,
    pub client: Option<ClientChoice>,
    pub refresh_token: Option<TokenRef>,
}

/// The live test's inputs for `record`. `Err` names an unknown partner.
pub fn live_inputs(
    record: &Record,
    prefs: &Prefs,
    isu_password: Option<String>,
) -> Result<LiveInputs, String> {
    let partner = partner_of(prefs, &ViewOptions::default())?;
    let basis = Basis::new(record, prefs, partner);
    let summary = live_summary(&basis);
    let origin = basis.origin();
    Ok(LiveInputs {
        evidence: LiveEvidence {
            params: basis
                .in_use_ranked()
                .into_iter()
                .map(|i| record.params[i].input())
                .collect(),
            isu_password: isu_password.filter(|p| !p.is_empty()),
            tenant: origin.as_ref().map(|o| o.tenant.to_string()),
            ui_host: origin.map(|o| o.ui_host),
        },
        hosts: summary.hosts,
        client: summary.client,
        refresh_token: summary.refresh_token,
    })
}

/// The view of `record`. `Err` names an unknown partner.
pub fn tenant_view(
    record: &Record,
    prefs: &Prefs,
    state: &ChecklistState,
    opts: &ViewOptions,
) -> Result<TenantView, String> {
    let partner = partner_of(prefs, opts)?;
    let basis = Basis::new(record, prefs, partner);
    let options = Options {
        integration: partner.map(|p| p.id.to_string()),
        sso: prefs.sso,
    };
    // The one run of the checks: every value, the settings about the partner's objects.
    let cx = Context::new(&basis.params, &basis.scope.settings, &options)
        .collected(Some(basis.scope.values.clone()), basis.subjects());
    let findings = checks::run_all(&cx);
    let pass = Pass {
        cx: &cx,
        findings: &findings,
    };
    let checklist = partner.map(|p| judge_checklist(p, &basis, &pass, state));
    let tenant = record
        .key
        .as_ref()
        .map(|k| k.tenant.to_string())
        .unwrap_or_default();
    let export = partner.map(|p| {
        let mut x = export::build(
            p,
            &pass,
            &Selection {
                seen: &record.params.iter().map(|x| x.at).collect::<Vec<_>>(),
                own: &basis.own,
                client: basis.client_choice(),
                clients_unchosen: basis.chosen.client.is_none()
                    && !basis.objects.clients.is_empty(),
            },
        );
        // The two formats, written by the core for the extension as for the CLI.
        let missing = opts.missing.as_deref().unwrap_or("(missing)");
        x.text = Some(export::text(&x, &tenant, missing));
        x.json = opts
            .exported_at
            .as_deref()
            .map(|at| export::json(&x, &tenant, at));
        x
    });
    Ok(assemble(
        &basis,
        &pass,
        prefs,
        opts.reveal,
        checklist,
        export,
    ))
}

/// The checklist of `partner`: the evidence about its objects since the reset, judged with the
/// pass.
fn judge_checklist(
    partner: &'static Partner,
    basis: &Basis,
    pass: &Pass,
    state: &ChecklistState,
) -> Checklist {
    let record = basis.record;
    let since = state.since;
    let evidence = Evidence {
        pages: basis.scope.pages_since(record, since),
        params: Vec::new(),
        settings: basis.scope.settings_since(record, since),
        manual: state.manual.clone(),
        exported: record.exported_since(since),
    };
    let o = &basis.objects;
    let subject = |kind, chosen: Option<Chosen>, name: &dyn Fn(usize) -> Option<String>| Subject {
        kind,
        name: chosen.and_then(|c| name(c.index)),
        because: chosen.map(|c| c.because),
    };
    let scoped = Scoped {
        counted: record
            .params
            .iter()
            .zip(&basis.scope.values)
            .map(|(p, on)| *on && p.at >= since)
            .collect(),
        subjects: vec![
            subject(ObjectKind::ApiClient, basis.chosen.client, &|i| {
                o.clients[i].name.clone()
            }),
            subject(ObjectKind::SecurityGroup, basis.chosen.group, &|i| {
                Some(o.groups[i].name.clone())
            }),
            subject(ObjectKind::Isu, basis.chosen.isu, &|i| {
                Some(o.isus[i].name.clone())
            }),
        ],
        elsewhere: basis
            .scope
            .others
            .iter()
            .filter(|x| record.reads[x.read].at >= since)
            .filter_map(|x| {
                Some(Elsewhere {
                    page: record.reads[x.read].page?,
                    kind: x.kind,
                    name: x.name.clone(),
                    at: record.reads[x.read].at,
                })
            })
            .collect(),
        groups: if basis.chosen.group.is_none() {
            o.groups.iter().map(|g| g.name.clone()).collect()
        } else {
            Vec::new()
        },
    };
    checklist::judge(partner, &evidence, pass, &scoped)
}

fn value_view(basis: &Basis, pass: &Pass, i: usize, reveal: bool) -> ValueView {
    let p = &basis.params[i];
    let stored = &basis.record.params[i];
    let mask = p.value.is_secret() && !reveal;
    let findings: Vec<FindingView> = pass
        .findings
        .iter()
        .filter(|f| f.param == Some(i))
        .map(|f| f.view(mask))
        .collect();
    ValueView {
        param: ParamView::new(p, reveal),
        index: i,
        page: stored.page,
        at: stored.at,
        unrecognised: stored.unrecognised,
        own: basis.own[i],
        severity: worst(&findings),
        findings,
        hand: stored.hand,
    }
}

fn assemble(
    basis: &Basis,
    pass: &Pass,
    prefs: &Prefs,
    reveal: bool,
    checklist: Option<Checklist>,
    export: Option<PartnerExport>,
) -> TenantView {
    let record = basis.record;
    let o = &basis.objects;
    let mut clients: Vec<ClientCard> = o
        .clients
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let chosen = basis.chosen.client.filter(|x| x.index == ci);
            ClientCard {
                name: c.name.clone(),
                handle: c.handle(record),
                chosen: chosen.is_some(),
                because: chosen.map(|x| x.because),
                reason: reason("API client", chosen),
                values: c
                    .values()
                    .map(|i| value_view(basis, pass, i, reveal))
                    .collect(),
                settings: rows::of_reads(record, &c.reads),
                refresh_tokens: c
                    .refresh_tokens
                    .iter()
                    .map(|&i| token_ref(record, i))
                    .collect(),
                seen: c.seen,
            }
        })
        .collect();
    clients.sort_by_key(|c| (!c.chosen, std::cmp::Reverse(c.seen)));
    let card = |kind, name: &str, reads: &[usize], chosen: Option<Chosen>, what: &str| ObjectCard {
        kind,
        name: name.to_string(),
        chosen: chosen.is_some(),
        because: chosen.map(|c| c.because),
        reason: reason(what, chosen),
        settings: rows::of_reads(record, reads),
    };
    let groups = o
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            card(
                ObjectKind::SecurityGroup,
                &g.name,
                &g.reads,
                basis.chosen.group.filter(|c| c.index == i),
                "security group",
            )
        })
        .collect();
    let isus = o
        .isus
        .iter()
        .enumerate()
        .map(|(i, u)| {
            card(
                ObjectKind::Isu,
                &u.name,
                &u.reads,
                basis.chosen.isu.filter(|c| c.index == i),
                "integration system user",
            )
        })
        .collect();
    let on_cards: Vec<usize> = o.clients.iter().flat_map(|c| c.values()).collect();
    let values = (0..record.params.len())
        .filter(|i| !on_cards.contains(i))
        .map(|i| value_view(basis, pass, i, reveal))
        .collect();
    let tenant_reads: Vec<usize> = (0..record.reads.len())
        .filter(|&i| {
            matches!(
                crate::evidence::scope::about(record, o, i),
                crate::evidence::scope::About::Tenant
            )
        })
        .collect();
    let mut counts = Counts {
        values: record.params.len(),
        ..Counts::default()
    };
    for f in pass.findings {
        match f.severity {
            Severity::Error => counts.error += 1,
            Severity::Warning => counts.warning += 1,
            Severity::Info => counts.info += 1,
        }
    }
    TenantView {
        key: record.key.clone(),
        tenant: record.key.as_ref().map(|k| k.tenant.to_string()),
        family: record.key.as_ref().map(|k| k.family.clone()),
        family_label: record.key.as_ref().map(|k| k.family.to_string()),
        hosts: hosts(record),
        updated: record.updated,
        empty: record.params.is_empty() && record.reads.is_empty() && record.exported.is_empty(),
        prefs: prefs_view(record, prefs),
        clients,
        groups,
        isus,
        values,
        findings: group_findings(basis.partner, pass),
        settings: rows::of_reads(record, &tenant_reads),
        pages: pages(record),
        checklist,
        export,
        live: live_summary(basis),
        counts,
    }
}

fn token_ref(record: &Record, i: usize) -> TokenRef {
    let p = &record.params[i];
    TokenRef {
        account: p.name.clone(),
        fingerprint: fingerprint(p.value.trim()),
        at: p.at,
    }
}

/// The tenant's hosts: the UI hosts of its own pages, then the hosts of its values.
fn hosts(record: &Record) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let origins = record.reads.iter().filter_map(|r| r.origin.as_ref());
    let own = origins
        .filter(|o| {
            record
                .key
                .as_ref()
                .is_some_and(|k| o.key().as_ref() == Some(k))
        })
        .map(|o| o.host.clone());
    let of_values = record.params.iter().filter_map(|p| {
        let e = Param::from(p.input()).endpoint?;
        e.host.map(|h| h.name)
    });
    for h in own.chain(of_values) {
        if !out.contains(&h) {
            out.push(h);
        }
    }
    out
}

fn pages(record: &Record) -> Vec<PageVisit> {
    let mut out: Vec<PageVisit> = Vec::new();
    for r in &record.reads {
        let Some(page) = r.page else { continue };
        if !out.iter().any(|p| p.page == page) {
            out.push(PageVisit {
                page,
                title: r.title.clone(),
                at: r.at,
            });
        }
    }
    out
}

fn prefs_view(record: &Record, prefs: &Prefs) -> PrefsView {
    let read = record.reads.iter().find_map(|r| {
        r.setting(names::SAML_SSO_ENABLED)
            .and_then(|s| s.as_bool())
            .map(|on| (on, r))
    });
    let (sso, sso_source) = match (prefs.sso, read) {
        (Sso::Unknown, Some((on, r))) => (
            if on { Sso::Yes } else { Sso::No },
            SsoSource {
                kind: SsoSourceKind::Read,
                page: r.page,
                page_title: Some(r.title.clone()),
                at: Some(r.at),
                read: None,
            },
        ),
        (Sso::Unknown, None) => (
            Sso::Unknown,
            SsoSource {
                kind: SsoSourceKind::Unknown,
                page: None,
                page_title: None,
                at: None,
                read: None,
            },
        ),
        // The admin's answer stands; what a page read is said beside it.
        (chosen, read) => (
            chosen,
            SsoSource {
                kind: SsoSourceKind::YouChose,
                page: read.and_then(|(_, r)| r.page),
                page_title: read.map(|(_, r)| r.title.clone()),
                at: read.map(|(_, r)| r.at),
                read: read.map(|(on, _)| if on { Sso::Yes } else { Sso::No }),
            },
        ),
    };
    PrefsView {
        sso,
        sso_source,
        integration: prefs.integration.clone(),
        api_client: prefs.api_client.clone(),
        security_group: prefs.security_group.clone(),
        isu: prefs.isu.clone(),
    }
}

/// The findings about no single value, grouped by the partner's checklist steps (in the steps'
/// order), those about no step last.
fn group_findings(partner: Option<&'static Partner>, pass: &Pass) -> Vec<FindingGroup> {
    let general: Vec<&Finding> = pass.findings.iter().filter(|f| f.param.is_none()).collect();
    let mut out: Vec<FindingGroup> = Vec::new();
    let mut other: Vec<FindingView> = Vec::new();
    for f in general {
        let step = partner.and_then(|p| checklist::step_for(p, f));
        match step {
            Some(step) => match out.iter_mut().find(|g| g.step == Some(step.id)) {
                Some(g) => g.findings.push(f.view(false)),
                None => out.push(FindingGroup {
                    step: Some(step.id),
                    title: step.title.to_string(),
                    count: 0,
                    findings: vec![f.view(false)],
                }),
            },
            None => other.push(f.view(false)),
        }
    }
    if let Some(p) = partner {
        out.sort_by_key(|g| p.steps.iter().position(|s| Some(s.id) == g.step));
    }
    if !other.is_empty() {
        out.push(FindingGroup {
            step: None,
            title: if partner.is_some() {
                "Other findings".to_string()
            } else {
                "Findings".to_string()
            },
            count: 0,
            findings: other,
        });
    }
    for g in &mut out {
        g.count = g.findings.len();
    }
    out
}

fn live_summary(basis: &Basis) -> LiveSummary {
    let record = basis.record;
    let input = basis.probe_input();
    let mixed = mixed_refusal(&input.params);
    let plan = crate::probe::plan(&input);
    let (hosts, refused) = if mixed.is_empty() {
        (plan.hosts, plan.refused)
    } else {
        (Vec::new(), mixed)
    };
    let client = basis.chosen.client.map(|c| &basis.objects.clients[c.index]);
    LiveSummary {
        refresh_token: client
            .and_then(|c| c.refresh_tokens.first())
            .map(|&i| token_ref(record, i)),
        client: basis.client_choice(),
        probes: probes_of(basis.partner),
        hosts,
        refused,
        last: record.live.clone(),
    }
}

/// Evidence given as values and settings (what `wdcap check --evidence` reads) as a record,
/// kept under the tenant most of the values name (on the host family their URLs name).
pub fn record_of_evidence(
    params: Vec<ParamInput>,
    settings: Vec<crate::model::settings::Setting>,
) -> Record {
    use crate::evidence::capture::{split, PageShown};
    let values: Vec<Param> = params.iter().cloned().map(Param::from).collect();
    let parts = split(
        None,
        &PageShown {
            page: None,
            title: "",
            url: "",
            origin: None,
            at: 0,
            params: &values,
            settings: &[],
        },
    );
    // Ties go to the first seen.
    let mut key: Option<(RecordKey, usize)> = None;
    for c in &parts {
        if let Some(k) = &c.key {
            if key.as_ref().is_none_or(|(_, n)| c.params.len() > *n) {
                key = Some((k.clone(), c.params.len()));
            }
        }
    }
    let key = key.map(|(k, _)| k);
    Record::of_evidence(key, params, settings)
}

#[cfg(test)]
mod tests;
