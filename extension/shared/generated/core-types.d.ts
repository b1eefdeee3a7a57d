// Generated from the Rust declarations by tests/it/generated.rs (`make generate`). Do not edit.
//
// The types of what crosses the wasm boundary (src/wasm.rs), named as in Rust. Every
// result is an `Outcome<T>`: `{ok: true, report: T}` or `{ok: false, error: ErrorValue}`.

export type Access = "View" | "Modify" | "Get" | "Put";

export type Activation = { required: boolean, source: string, 
/**
 * The source as users read it: the guide's title, public address and section.
 */
citation: string, };

export type Because = "you_chose" | "named_after_partner" | "only_one" | "holds_the_isu" | "token_account";

export type Capture = { key: RecordKey | null, 
/**
 * The page read (none: evidence given without a page).
 */
page: PageId | null, 
/**
 * The tab's title.
 */
title: string, 
/**
 * The page's address.
 */
url: string, origin: Origin | null, 
/**
 * When (ms since the epoch).
 */
at: number, params: Array<ParamInput>, settings: Array<Setting>, 
/**
 * The page is a tenant's page no recogniser claims: `params` are the connection URLs it
 * showed, `page` is none, and no page read is noted.
 */
unrecognised?: boolean, };

export type CaptureEvidence = { kind: ParamKind, needed: number, found: number, };

export type CapturedView = { 
/**
 * What the page shows (for its marks).
 */
report: ReportView, refused: Refusal | null, parts: Array<Capture>, 
/**
 * Added: the settings the page read, as a person reads them ("SAML on", "OAuth 2.0 clients
 * enabled ✓"), for the "This page" strip and the page's marks.
 */
said: Array<SettingSaid>, 
/**
 * Added: the page's structure for a bug report (JSON text: every value shaped, never a
 * captured one), when it is a tenant's page no recogniser claims.
 */
structure?: string | null, 
/**
 * Added: the task's name as the tab shows it (its title without Workday's suffix).
 */
title: string, };

export type Checklist = { partner: PartnerRef, steps: Array<StepView>, progress: Progress, };

export type ChecklistState = { manual?: Array<string>, since?: number, };

export type Cited = { text: string, 
/**
 * `<guide id> § <section>`, as the profile writes it.
 */
source: string, 
/**
 * The source as users read it: the guide's title, public address and section.
 */
citation: string, };

export type ClientCard = { name: string | null, 
/**
 * What the admin's choice of it records: its client ID, else its name.
 */
handle: string, chosen: boolean, because: Because | null, 
/**
 * Why it is the partner's, as a person reads it ("chosen because …").
 */
reason: string | null, values: Array<ValueView>, settings: Array<SettingRow>, refresh_tokens: Array<TokenRef>, 
/**
 * When it was last seen (ms).
 */
seen: number, };

export type ClientChoice = { name: string | null, because: Because, };

export type Clue = "client_name" | "redirect_uri" | "words";

export type Counts = { values: number, error: number, warning: number, info: number, };

export type DomainPolicy = { functional_area: string | null, policy: string, subdomain: string | null, 
/**
 * Report/Task permissions (View, Modify).
 */
report_task: Array<Access>, 
/**
 * Integration permissions (Get, Put).
 */
integration: Array<Access>, description: string | null, source: string, 
/**
 * The source as users read it: the guide's title, public address and section.
 */
citation: string, };

export type Elsewhere = { page: PageId, kind: ObjectKind, name: string, 
/**
 * When it was read (ms).
 */
at: number, };

export type EndpointDetail = { 
/**
 * SOAP service name (`Learning`) or REST service (`staffing`).
 */
service?: string, 
/**
 * SOAP version (`v39.2`) or REST version (`v1`).
 */
version?: string, 
/**
 * RaaS report owner, decoded (`ISU Job Requisition`).
 */
report_owner?: string, 
/**
 * RaaS report name.
 */
report_name?: string, format?: RaasFormat, };

export type ErrorValue = { 
/**
 * `bad_options`, `unknown_integration`, `bad_snapshot`, `bad_evidence`, `too_large`; for a
 * file or a ticket: `not_ticket_file`, `not_text`, `unreadable`.
 */
code: string, message: string, };

export type ExportItem = { kind: ParamKind, 
/**
 * What the partner's form calls it.
 */
label: string, where: string, required: boolean, count: number, values: Array<ExportValue>, 
/**
 * How many different values of this kind are in use (more than `count`: some were left
 * out).
 */
candidates: number, 
/**
 * What was done to pick the values (or why there is none), as a person reads it (added).
 */
note?: string, };

export type ExportValue = { 
/**
 * The value to hand over (corrected where a check could). Secrets in clear: the extension
 * copies them; it shows them masked.
 */
value: string, secret: boolean, fingerprint?: string, length?: number, 
/**
 * The API client's or organisation's name that came with it.
 */
name: string | null, 
/**
 * Codes of the findings whose fix was applied (empty: the value as captured).
 */
corrected: Array<string>, 
/**
 * Added: what those findings said, as the user reads it (never their codes).
 */
corrected_because: Array<string>, 
/**
 * The API client it belongs to (added).
 */
client?: string, };

export type FieldLevel = "required" | "recommended" | "optional";

export type FindingGroup = { 
/**
 * The step's id (none: about no step of the partner, or no partner chosen).
 */
step: string | null, title: string, count: number, findings: Array<FindingView>, };

export type FindingView = { code: string, severity: Severity, param: number | null, message: string, fix: string, fixed_value: string | null, shown_value?: string, shown_fixed_value?: string, };

export type Gathered = { params?: Array<ParamInput>, settings?: Array<Setting>, };

export type Guide = { 
/**
 * The id a `source` names (`connect-workday § Prerequisites`).
 */
id: string, 
/**
 * The guide's title, as users read it.
 */
title: string, 
/**
 * Its public `https` address.
 */
address: string, };

export type HostFamily = string;

export type IsuProfile = { recommended: boolean, session_timeout_minutes: number | null, security_group_type: string | null, note: string | null, source: string, 
/**
 * The source as users read it: the guide's title, public address and section.
 */
citation: string, };

export type LiveEvidence = { params?: Array<ParamInput>, 
/**
 * Typed in by the user for this test only.
 */
isu_password?: string, 
/**
 * The tenant the values were captured for (the record's). Without it and `ui_host` the test
 * refuses to run: it could not tell the tenant's own API.
 */
tenant?: string, 
/**
 * The UI host the tenant's pages were read on (`wd3-impl.workday.com`): the secrets go only
 * to the services host that goes with it.
 */
ui_host?: string, };

export type LiveFinding = { code: string, severity: Severity, message: string, fix: string, };

export type LiveInputs = { evidence: LiveEvidence, hosts: Array<string>, client: ClientChoice | null, refresh_token: TokenRef | null, };

export type LivePlan = { 
/**
 * Why the test would not run (empty: it would run).
 */
refused: Array<LiveFinding>, 
/**
 * The hosts it would call (empty when it would refuse): the tenant's own services host.
 */
hosts: Array<string>, };

export type LiveRun = { at: number, passed: boolean, 
/**
 * The API client whose values it used.
 */
client: string | null, 
/**
 * The refresh token it used: its account and fingerprint.
 */
account: string | null, token_fingerprint: string | null, };

export type LiveSummary = { 
/**
 * The probes the partner uses (every probe when no partner is chosen).
 */
probes: Array<ProbeKind>, 
/**
 * The API client whose values it uses.
 */
client: ClientChoice | null, refresh_token: TokenRef | null, 
/**
 * The hosts it would call: the tenant's own services host (`crate::probe`'s plan).
 */
hosts: Array<string>, 
/**
 * Why it would refuse to run (nothing would be sent).
 */
refused: Array<LiveFinding>, 
/**
 * The last run.
 */
last: LiveRun | null, };

export type LiveView = { passed: boolean, steps: Array<StepResult>, 
/**
 * Why the test did not run at all (empty when it ran): a value it would use is not the
 * tenant's own API, or the values pair two API clients' (`mixed-credentials`). Nothing was
 * sent.
 */
refused: Array<LiveFinding>, 
/**
 * Shown so the user can copy it: the tenant issued it and the old one may be dead.
 */
new_refresh_token: string | null, };

export type Merged = { record: StoredRecord, 
/**
 * False when the capture added nothing but newer times to a recent record: no write.
 */
changed: boolean, };

export type NotATenantPage = "not_a_url" | "not_https" | "not_default_port" | "not_workday" | "not_a_tenant_host" | "no_tenant" | "odd_tenant_name";

export type OauthClient = { 
/**
 * False when only some setups need it.
 */
required: boolean, 
/**
 * The Workday task that registers it.
 */
task: string, client_name: string | null, grant_type: string | null, access_token_type: string | null, 
/**
 * Accepted redirection URIs (any one of them).
 */
redirect_uris: Array<string>, redirect_uris_note: string | null, non_expiring_refresh_tokens: boolean | null, 
/**
 * Scope (Functional Areas), word for word from the guide.
 */
scopes: Array<string>, note: string | null, source: string, 
/**
 * The source as users read it: the guide's title, public address and section.
 */
citation: string, };

export type ObjectCard = { kind: ObjectKind, name: string, chosen: boolean, because: Because | null, reason: string | null, settings: Array<SettingRow>, };

export type ObjectKind = "api_client" | "security_group" | "isu";

export type Options = { integration?: string | null, sso?: Sso, };

export type Origin = string;

export type Outcome<T> = { ok: true, report: T, } | { ok: false, error: ErrorValue, };

export type PageEvidence = { id: PageId, seen: boolean, };

export type PageId = "view_api_clients" | "register_api_client" | "view_api_client" | "manage_refresh_tokens" | "view_urls" | "view_ids" | "headcount_report" | "maintain_permissions" | "domain_policies_for_area" | "edit_tenant_setup_security" | "edit_tenant_setup_system" | "create_isu" | "create_security_group" | "activate_security_changes" | "report_sharing" | "custom_report";

export type PageRead = { 
/**
 * The page (none: settings given as evidence, read on no page wdcap saw).
 */
page: PageId | null, 
/**
 * The tab's title without Workday's suffix.
 */
title: string, url: string, origin: Origin | null, at: number, settings: Array<Setting>, };

export type PageVisit = { page: PageId, title: string, at: number, };

export type ParamInput = { kind: ParamKind, value: string, name?: string | null, tenant?: string | null, source?: Source, 
/**
 * The API client the value belongs to (added to the contract).
 */
client?: string | null, };

export type ParamKind = "rest_endpoint" | "token_endpoint" | "authorization_endpoint" | "soap_endpoint" | "raas_url" | "ui_url" | "client_id" | "client_secret" | "refresh_token" | "org_id" | "isu_username";

export type ParamView = { kind: ParamKind, value: string, tenant: string | null, host: string | null, environment: string | null, data_center: string | null, label: string | null, name: string | null, source: Source, secret: boolean, fingerprint?: string, length?: number, detail?: EndpointDetail, ambiguous_with?: Array<ParamKind>, 
/**
 * The API client the value belongs to (added to the contract).
 */
client?: string, };

export type Partner = { 
/**
 * Kebab-case id, the `--integration` value (`viva-learning`).
 */
id: string, name: string, summary: string, 
/**
 * The public guides the profile is built from.
 */
guides: Array<Guide>, 
/**
 * The partner's guide tells SAML SSO tenants to add `redirect=n` to the authorization
 * endpoint.
 */
redirect_n_rule: boolean, 
/**
 * What the partner says about sandbox refreshes, if anything.
 */
sandbox_refresh: Cited | null, 
/**
 * A remark on permissions that are not a fixed list (Kombo's come from its connection flow).
 */
permissions_note: Cited | null, 
/**
 * RaaS URLs must be the JSON ones (`format=json`).
 */
raas_json: boolean, raas_json_source: string | null, raas_json_citation: string | null, 
/**
 * The values the partner's form asks for, in its order.
 */
parameters: Array<Requirement>, soap: SoapService | null, tenant_settings: TenantSettings | null, oauth_client: OauthClient | null, isu: IsuProfile | null, 
/**
 * The domain security policies the ISU's security group needs, with the access each needs.
 */
domain_policies: Array<DomainPolicy>, activation: Activation | null, 
/**
 * Custom reports the partner reads (10KC's User and Group reports).
 */
reports: Array<ReportSpec>, 
/**
 * The checklist.
 */
steps: Array<Step>, };

export type PartnerExport = { partner: PartnerRef, items: Array<ExportItem>, 
/**
 * The findings that block the values exported: while any stands, the export is blocked.
 */
blockers: Array<FindingView>, ready: boolean, 
/**
 * The API client whose values it holds (added).
 */
client?: ClientChoice, 
/**
 * The text format ([`text`]), when the caller asked for it (the tenant view does).
 */
text?: string, 
/**
 * The JSON file ([`json`]), when the caller gave the moment of the export.
 */
json?: string, };

export type PartnerRef = { id: string, name: string, summary: string, };

export type PartnerSuggestion = { 
/**
 * The partner's id (`--integration`).
 */
partner: string, name: string, clue: Clue, 
/**
 * Why, in words: "API client 'Datadog User Activity Monitor' is named as the Datadog guide
 * names it".
 */
why: string, };

export type Prefs = { 
/**
 * Whether the tenant uses SAML SSO, as the admin said (`unknown`: not said).
 */
sso?: Sso, 
/**
 * The partner being set up.
 */
integration?: string | null, 
/**
 * The partner's API client: its client ID or its name.
 */
apiClient?: string | null, 
/**
 * The partner's security group, by name.
 */
securityGroup?: string | null, 
/**
 * The partner's integration system user, by name.
 */
isu?: string | null, };

export type PrefsView = { sso: Sso, sso_source: SsoSource, integration: string | null, api_client: string | null, security_group: string | null, isu: string | null, };

export type ProbeKind = "oauth" | "rest" | "raas" | "soap";

export type Progress = { done: number, total: number, percent: number, optional_done: number, optional_total: number, };

export type RaasFormat = "workday_xml" | "json" | "csv" | "simple_xml" | "rss" | "gdata" | { "other": string };

export type RecordChange = { "change": "add_value", kind: ParamKind, value: string, label?: string | null, at: number, } | { "change": "by_hand", kind: ParamKind, value: string, page_url?: string | null, client?: string | null, at: number, } | { "change": "exported", partner: string, at: number, } | { "change": "renewed", tested?: string | null, fresh: string, client?: string | null, at: number, } | { "change": "live_run", run: LiveRun, };

export type RecordKey = string;

export type Refusal = { "refused": "tab", "because": NotATenantPage } | { "refused": "page", "because": NotATenantPage } | { "refused": "page_differs" } | { "refused": "load_differs" };

export type ReportField = { name: string, level: FieldLevel, example: string | null, notes: string | null, 
/**
 * When not empty, the only values the partner accepts.
 */
allowed_values: Array<string>, 
/**
 * Column aliases that mean this field (ours, not the guide's).
 */
aliases: Array<string>, };

export type ReportSpec = { id: string, name: string, note: string | null, source: string, citation: string, fields: Array<ReportField>, };

export type ReportView = { page: PageId | null, params: Array<ParamView>, settings: Array<Setting>, findings: Array<FindingView>, 
/**
 * Added to the contract: written only when `true`.
 */
busy: boolean, 
/**
 * Added to the contract: written only as `false`, for a page no recogniser claims.
 */
recognised?: boolean, 
/**
 * Added to the contract: when no partner was chosen, the partners the evidence points at
 * (`{partner, name, clue, why}`), strongest first; written only when there is one.
 */
suggested_partners?: Array<PartnerSuggestion>, };

export type RequestRecord = { method: string, url: string, status: number | null, outcome: string, };

export type Requirement = { kind: ParamKind, 
/**
 * False for values only some setups need (Kombo's API client).
 */
required: boolean, 
/**
 * How many distinct values (10KC: two RaaS URLs, the User and the Group report).
 */
count: number, 
/**
 * What the partner's form or guide calls it.
 */
label: string, 
/**
 * Where in Workday it is found.
 */
where: string, source: string, 
/**
 * The source as users read it: the guide's title, public address and section.
 */
citation: string, };

export type Retired = { kind: ParamKind, value: string, name: string | null, origin: Origin | null, at: number, reason: RetiredReason, };

export type RetiredReason = "superseded" | "renewed";

export type Setting = { name: string, value: SettingValue, };

export type SettingEvidence = { name: string, seen: boolean, 
/**
 * Seen and not wrong.
 */
right: boolean, };

export type SettingRow = { 
/**
 * The setting's name (`saml_sso_enabled`).
 */
name: string, 
/**
 * What it says, as a person reads it.
 */
text: string, 
/**
 * Where it was read (none: given as evidence), the page's title, when (ms).
 */
page: PageId | null, page_title: string, at: number, };

export type SettingSaid = { name: string, text: string, node: number | null, };

export type SettingValue = boolean | number | string | Array<string> | { [key in string]: string } | Array<{ [key in string]: string }>;

export type Severity = "error" | "warning" | "info";

export type SoapService = { service: string, version: string, source: string, 
/**
 * The source as users read it: the guide's title, public address and section.
 */
citation: string, };

export type Source = { 
/**
 * The Workday page it was captured on.
 */
page?: PageId, 
/**
 * The label it was shown under (or found near, in pasted text).
 */
label?: string, 
/**
 * 1-based line in pasted text.
 */
line?: number, 
/**
 * Index of the snapshot node holding the value (the extension marks it on the page).
 */
node?: number, 
/**
 * In pasted text, the white space the value's line ended with right after the value
 * (`" "`, `"\t"`): a copy of the value may carry it (`line-end-whitespace`). Added to the
 * contract.
 */
line_end_white_space?: string, };

export type Sso = "unknown" | "yes" | "no";

export type SsoSource = { kind: SsoSourceKind, page?: PageId, page_title?: string, at?: number, 
/**
 * Added: when the admin's answer stands over a setting read on a page, what the page said
 * (the page, its title and when are the read's).
 */
read?: Sso, };

export type SsoSourceKind = "you_chose" | "read" | "unknown";

export type Step = { id: string, title: string, 
/**
 * The Workday task to search for.
 */
task: string | null, 
/**
 * Only some setups need this step.
 */
optional: boolean, 
/**
 * What to set, in the task's own words.
 */
set: Array<string>, 
/**
 * The parameters this step yields.
 */
capture: Array<ParamKind>, pitfalls: Array<string>, 
/**
 * The page whose visit evidences the step.
 */
evidence_page: PageId | null, 
/**
 * Settings that show the step was done right.
 */
evidence_settings: Array<string>, 
/**
 * The partner's reports (`[[report]]` ids) the evidence settings are read on: each one's
 * pages (definition, Share tab) must show them right.
 */
evidence_reports: Array<string>, 
/**
 * Evidenced by the partner export being used (the step happens outside Workday).
 */
evidence_export: boolean, source: string, 
/**
 * The source as users read it: the guide's title, public address and section.
 */
citation: string, };

export type StepResult = { probe: ProbeKind, status: StepStatus, summary: string, findings: Array<LiveFinding>, requests: Array<RequestRecord>, };

export type StepState = "done" | "wrong" | "started" | "todo" | "manual";

export type StepStatus = "passed" | "failed" | "skipped";

export type StepView = { state: StepState, 
/**
 * Done, or ticked by hand.
 */
ticked: boolean, by_hand: boolean, 
/**
 * The extension can tick it from what it sees.
 */
automatic: boolean, page: PageEvidence | null, captures: Array<CaptureEvidence>, settings: Array<SettingEvidence>, 
/**
 * Why the step is wrong: findings about its settings.
 */
problems: Array<FindingView>, 
/**
 * Errors and warnings about the values it captured.
 */
notes: Array<FindingView>, 
/**
 * The partner's domain security policies no page read so far covers: a permissions step is
 * done only once every one was seen granted.
 */
unseen_policies?: Array<string>, 
/**
 * The security groups whose access the pages listed, when no page said which one is the
 * integration's (Domain Security Policies for Functional Area lists every group): the
 * user picks one, and the extension passes it on as the `security_group` setting.
 */
groups_in_sight?: Array<string>, suggestion?: Suggestion, 
/**
 * The object the step judges (the partner's API client, security group or ISU), when the
 * step is about one.
 */
about?: Subject, 
/**
 * What pages read about other objects than the partner's: shown as such, never counted.
 */
elsewhere?: Array<Elsewhere>, id: string, title: string, 
/**
 * The Workday task to search for.
 */
task: string | null, 
/**
 * Only some setups need this step.
 */
optional: boolean, 
/**
 * What to set, in the task's own words.
 */
set: Array<string>, 
/**
 * The parameters this step yields.
 */
capture: Array<ParamKind>, pitfalls: Array<string>, 
/**
 * The page whose visit evidences the step.
 */
evidence_page: PageId | null, 
/**
 * Settings that show the step was done right.
 */
evidence_settings: Array<string>, 
/**
 * The partner's reports (`[[report]]` ids) the evidence settings are read on: each one's
 * pages (definition, Share tab) must show them right.
 */
evidence_reports: Array<string>, 
/**
 * Evidenced by the partner export being used (the step happens outside Workday).
 */
evidence_export: boolean, source: string, 
/**
 * The source as users read it: the guide's title, public address and section.
 */
citation: string, };

export type StoredParam = { kind: ParamKind, value: string, 
/**
 * The API client or account the page showed it with.
 */
name: string | null, 
/**
 * The API client it belongs to.
 */
client: string | null, tenant: string | null, 
/**
 * The label it was found under.
 */
label: string | null, 
/**
 * The page it came from (none: accepted by the user, or renewed by the live test).
 */
page: PageId | null, 
/**
 * Where it was captured (none: not from a page).
 */
origin: Origin | null, 
/**
 * When it was last seen (ms).
 */
at: number, 
/**
 * When the live test replaced it with the token the tenant issued.
 */
renewed?: number, 
/**
 * The address of the page it was last read on (none: not read on a page). A record that is
 * full gives up values of the page holding the most first.
 */
url?: string, 
/**
 * Read on a tenant page no recogniser claims (a connection URL it showed), and on no page
 * wdcap knows.
 */
unrecognised?: boolean, 
/**
 * Captured by hand: the admin selected it on a page, or typed it in, and said what it is.
 */
hand?: boolean, };

export type StoredRecord = { version: number, 
/**
 * The tenant and host family (none: evidence given without a page, as `wdcap view` reads).
 */
key: RecordKey | null, 
/**
 * When it last changed (ms since the epoch).
 */
updated: number, 
/**
 * Deduplicated by kind and value.
 */
params: Array<StoredParam>, 
/**
 * Newest first, one per page, address, origin and subject.
 */
reads: Array<PageRead>, 
/**
 * Partner id → when its export was used (the evidence of a step done outside Workday).
 */
exported?: { [key in string]: number }, 
/**
 * Refresh tokens known to be dead, newest first.
 */
retired?: Array<Retired>, 
/**
 * The last live test.
 */
live?: LiveRun, };

export type Subject = { kind: ObjectKind, name: string | null, because: Because | null, };

export type Suggestion = { kind: ParamKind, value: string, 
/**
 * The captured value it was built from.
 */
from: string, };

export type TabFacts = { 
/**
 * The tab's address now (the browser's, not the page's word).
 */
tabUrl: string, 
/**
 * The address the tab's document was loaded from (`history.pushState` does not change it),
 * when known.
 */
loadUrl?: string | null, 
/**
 * When the snapshot was taken (ms since the epoch).
 */
at: number, };

export type TenantSettings = { oauth_clients_enabled: boolean | null, user_activity_logging: boolean | null, source: string, 
/**
 * The source as users read it: the guide's title, public address and section.
 */
citation: string, };

export type TenantView = { key: RecordKey | null, tenant: string | null, family: HostFamily | null, 
/**
 * The family as a person reads it (`wd3 · implementation`).
 */
family_label: string | null, 
/**
 * The tenant's Workday hosts seen (its pages' and its values').
 */
hosts: Array<string>, updated: number, 
/**
 * Nothing is kept for it: no value, no page read.
 */
empty: boolean, prefs: PrefsView, 
/**
 * One card per API client, the partner's first.
 */
clients: Array<ClientCard>, groups: Array<ObjectCard>, isus: Array<ObjectCard>, 
/**
 * Values that belong to no API client (endpoints, org IDs, ISU names …), and secrets no
 * page tied to a client.
 */
values: Array<ValueView>, 
/**
 * Findings about no single value, grouped by checklist step.
 */
findings: Array<FindingGroup>, 
/**
 * The tenant's settings read.
 */
settings: Array<SettingRow>, pages: Array<PageVisit>, checklist?: Checklist, export?: PartnerExport, live: LiveSummary, counts: Counts, };

export type TokenRef = { 
/**
 * The Workday account it was issued for.
 */
account: string | null, fingerprint: string, at: number, };

export type UrlTenant = { tenant: string | null, key: RecordKey | null, };

export type ValueView = { 
/**
 * Its index among the record's values (what findings' `param` point to).
 */
index: number, page: PageId | null, 
/**
 * When it was last seen (ms).
 */
at: number, 
/**
 * Captured on the tenant's own pages (or given by the admin), not on another tenant's.
 */
own: boolean, findings: Array<FindingView>, 
/**
 * The worst of its findings (none: no finding).
 */
severity: Severity | null, 
/**
 * Added: read on a tenant page wdcap does not know (a connection URL it showed).
 */
unrecognised?: boolean, 
/**
 * Captured by hand (added to the contract: written only when `true`).
 */
hand?: boolean, kind: ParamKind, value: string, tenant: string | null, host: string | null, environment: string | null, data_center: string | null, label: string | null, name: string | null, source: Source, secret: boolean, fingerprint?: string, length?: number, detail?: EndpointDetail, ambiguous_with?: Array<ParamKind>, 
/**
 * The API client the value belongs to (added to the contract).
 */
client?: string, };

export type ViewOptions = { 
/**
 * Secrets in clear (the extension copies them; it shows them masked until asked).
 */
reveal?: boolean, 
/**
 * The partner to judge for, instead of the tenant's own (the checklist page shows any).
 */
integration?: string | null, 
/**
 * The word the export's text shows for a required value not gathered (default
 * `(missing)`; the extension passes its translation).
 */
missing?: string | null, 
/**
 * The moment of an export (ISO 8601, UTC): when given, the export's JSON file is written
 * too.
 */
exported_at?: string | null, };

export type WireNode = { p?: number, t?: string, a?: { [key in string]: string }, x?: string, };

export type WireSnapshot = { v: number, url: string, title: string, lang: string, nodes: Array<WireNode>, };
