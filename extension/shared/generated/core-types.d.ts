// The types of the values that cross the wasm boundary, as the Rust core serialises them (serde),
// named exactly as the Rust types are.
//
// WRITTEN BY HAND FOR NOW, mirroring the Rust view types: src/report.rs (ReportView, ParamView,
// FindingView), src/param.rs (ParamKind, ParamInput, Source), src/settings.rs (Setting,
// SettingValue), src/endpoint.rs (EndpointDetail, RaasFormat), src/checks/mod.rs (Severity, Sso,
// Options), src/checklist.rs (Checklist, StepView, …), src/export.rs (PartnerExport,
// ExportItem, ExportValue), src/partners.rs (Partner, …), src/probe (StepResult, …) and
// src/wasm.rs (LiveView, the outcome of every call). It will be generated from the Rust types
// (ts-rs) at this same path; until then, a change to one of those types must be made here too.
// Edit the Rust, not this file, once it is generated.
//
// serde conventions followed: `Option<T>` is `T | null` (a field that is skipped when empty is
// optional instead: `field?: T`), integers are `number`, `&'static str` and `String` are
// `string`, unit enum variants are their snake_case names.

/** `PageId` (src/pages/mod.rs). */
export type PageId =
  | 'view_api_clients'
  | 'register_api_client'
  | 'view_api_client'
  | 'manage_refresh_tokens'
  | 'view_urls'
  | 'view_ids'
  | 'headcount_report'
  | 'maintain_permissions'
  | 'domain_policies_for_area'
  | 'edit_tenant_setup_security'
  | 'edit_tenant_setup_system'
  | 'create_isu'
  | 'create_security_group'
  | 'activate_security_changes'
  | 'custom_report'
  | 'report_sharing';

/** `ParamKind` (src/param.rs). */
export type ParamKind =
  | 'rest_endpoint'
  | 'token_endpoint'
  | 'authorization_endpoint'
  | 'soap_endpoint'
  | 'raas_url'
  | 'ui_url'
  | 'client_id'
  | 'client_secret'
  | 'refresh_token'
  | 'org_id'
  | 'isu_username';

/** `Severity` (src/checks/mod.rs). */
export type Severity = 'error' | 'warning' | 'info';

/** `Sso` (src/checks/mod.rs). */
export type Sso = 'unknown' | 'yes' | 'no';

/** `Options` (src/checks/mod.rs): what every call that checks takes besides the values. */
export interface Options {
  integration?: string | null;
  sso?: Sso;
}

/** `Source` (src/param.rs): where a value was found. */
export interface Source {
  page?: PageId;
  label?: string;
  /** 1-based line of pasted text. */
  line?: number;
  /** Index of the snapshot node that holds the value. */
  node?: number;
}

/** `SettingValue` (src/settings.rs, untagged). */
export type SettingValue = boolean | number | string | string[] | Record<string, string> | Record<string, string>[];

/** `Setting` (src/settings.rs). */
export interface Setting {
  name: string;
  value: SettingValue;
}

/** `RaasFormat` (src/endpoint.rs). */
export type RaasFormat = 'workday_xml' | 'json' | 'csv' | 'simple_xml' | 'rss' | 'gdata' | { other: string };

/** `EndpointDetail` (src/endpoint.rs). */
export interface EndpointDetail {
  service?: string;
  version?: string;
  report_owner?: string;
  report_name?: string;
  format?: RaasFormat;
}

/** `ParamView` (src/report.rs): one value of a report. */
export interface ParamView {
  kind: ParamKind;
  /** The value; a secret's is masked unless the call revealed it (the extension's calls do). */
  value: string;
  tenant: string | null;
  host: string | null;
  environment: string | null;
  data_center: string | null;
  label: string | null;
  name: string | null;
  source: Source;
  secret: boolean;
  fingerprint?: string;
  length?: number;
  detail?: EndpointDetail;
  ambiguous_with?: ParamKind[];
}

/** `FindingView` (src/report.rs). */
export interface FindingView {
  code: string;
  severity: Severity;
  /** Index of the value it is about in the report's `params`. */
  param: number | null;
  message: string;
  fix: string;
  fixed_value: string | null;
}

/** `ReportView` (src/report.rs): analyseSnapshot, checkText, checkParams. */
export interface ReportView {
  page: PageId | null;
  params: ParamView[];
  settings: Setting[];
  findings: FindingView[];
}

/** `ParamInput` (src/param.rs): a value handed back to the core for checking. */
export interface ParamInput {
  kind: ParamKind;
  value: string;
  name?: string | null;
  tenant?: string | null;
  source?: Source;
}

// ---- partners (src/partners.rs) ------------------------------------------------------------------

/** `Cited`: a text and the part of the partner's guide it comes from. */
export interface Cited {
  text: string;
  source: string;
}

export interface Requirement {
  kind: ParamKind;
  required: boolean;
  count: number;
  label: string;
  where: string;
  source: string;
}

export interface SoapService {
  service: string;
  version: string;
  source: string;
}

export interface TenantSettings {
  oauth_clients_enabled: boolean | null;
  user_activity_logging: boolean | null;
  source: string;
}

export interface OauthClient {
  required: boolean;
  task: string;
  client_name: string | null;
  grant_type: string | null;
  access_token_type: string | null;
  redirect_uris: string[];
  redirect_uris_note: string | null;
  non_expiring_refresh_tokens: boolean | null;
  scopes: string[];
  note: string | null;
  source: string;
}

export interface IsuProfile {
  recommended: boolean;
  session_timeout_minutes: number | null;
  security_group_type: string | null;
  note: string | null;
  source: string;
}

/** `Access` (no serde renaming: the variant names). */
export type Access = 'View' | 'Modify' | 'Get' | 'Put';

export interface DomainPolicy {
  functional_area: string | null;
  policy: string;
  subdomain: string | null;
  report_task: Access[];
  integration: Access[];
  description: string | null;
  source: string;
}

export interface Activation {
  required: boolean;
  source: string;
}

export type FieldLevel = 'required' | 'recommended' | 'optional';

export interface ReportField {
  name: string;
  level: FieldLevel;
  example: string | null;
  notes: string | null;
  allowed_values: string[];
  aliases: string[];
}

export interface ReportSpec {
  id: string;
  name: string;
  note: string | null;
  source: string;
  fields: ReportField[];
}

/** `Step`: one step of a partner's checklist. */
export interface Step {
  id: string;
  title: string;
  task: string | null;
  optional: boolean;
  set: string[];
  capture: ParamKind[];
  pitfalls: string[];
  evidence_page: PageId | null;
  evidence_settings: string[];
  evidence_reports: string[];
  evidence_export: boolean;
  source: string;
}

/** `Partner`: partners() answers a list of them. */
export interface Partner {
  id: string;
  name: string;
  summary: string;
  seeds: string[];
  redirect_n_rule: boolean;
  sandbox_refresh: Cited | null;
  permissions_note: Cited | null;
  raas_json: boolean;
  raas_json_source: string | null;
  parameters: Requirement[];
  soap: SoapService | null;
  tenant_settings: TenantSettings | null;
  oauth_client: OauthClient | null;
  isu: IsuProfile | null;
  domain_policies: DomainPolicy[];
  activation: Activation | null;
  reports: ReportSpec[];
  steps: Step[];
}

// ---- checklist (src/checklist.rs) ----------------------------------------------------------------

/** `Evidence`: what checklist() judges from. Every field may be left out. */
export interface Evidence {
  pages?: PageId[];
  params?: ParamInput[];
  /** Oldest first: a later read of a setting wins. */
  settings?: Setting[];
  /** Step ids ticked by hand. */
  manual?: string[];
  /** Partners whose export was used on the tenant. */
  exported?: string[];
}

export type StepState = 'done' | 'wrong' | 'started' | 'todo' | 'manual';

export interface PageEvidence {
  id: PageId;
  seen: boolean;
}

export interface CaptureEvidence {
  kind: ParamKind;
  needed: number;
  found: number;
}

export interface SettingEvidence {
  name: string;
  seen: boolean;
  right: boolean;
}

export interface Suggestion {
  kind: ParamKind;
  value: string;
  from: string;
}

/** `StepView`: the step (flattened) with its state. */
export interface StepView extends Step {
  state: StepState;
  ticked: boolean;
  by_hand: boolean;
  automatic: boolean;
  page: PageEvidence | null;
  captures: CaptureEvidence[];
  settings: SettingEvidence[];
  problems: FindingView[];
  notes: FindingView[];
  unseen_policies?: string[];
  groups_in_sight?: string[];
  suggestion?: Suggestion;
}

export interface Progress {
  done: number;
  total: number;
  percent: number;
  optional_done: number;
  optional_total: number;
}

export interface PartnerRef {
  id: string;
  name: string;
  summary: string;
}

/** `Checklist`: checklist() answers one. */
export interface Checklist {
  partner: PartnerRef;
  steps: StepView[];
  progress: Progress;
}

// ---- export (src/export.rs) -----------------------------------------------------------------------

/** `Gathered`: what exportFor() picks from, oldest first. */
export interface Gathered {
  params?: ParamInput[];
  settings?: Setting[];
}

export interface ExportValue {
  value: string;
  secret: boolean;
  fingerprint?: string;
  length?: number;
  name: string | null;
  /** Codes of the findings whose fix was applied. */
  corrected: string[];
}

export interface ExportItem {
  kind: ParamKind;
  label: string;
  where: string;
  required: boolean;
  count: number;
  values: ExportValue[];
  candidates: number;
}

/** `PartnerExport`: exportFor() answers one. */
export interface PartnerExport {
  partner: PartnerRef;
  items: ExportItem[];
  blockers: FindingView[];
  ready: boolean;
}

// ---- the live test (src/probe, src/wasm.rs) ---------------------------------------------------------

export type ProbeKind = 'oauth' | 'rest' | 'raas' | 'soap';

export type StepStatus = 'passed' | 'failed' | 'skipped';

export interface LiveFinding {
  code: string;
  severity: Severity;
  message: string;
  fix: string;
}

export interface RequestRecord {
  method: 'GET' | 'POST';
  url: string;
  status: number | null;
  outcome: string;
}

/** `StepResult`: one probe's result. */
export interface StepResult {
  probe: ProbeKind;
  status: StepStatus;
  summary: string;
  findings: LiveFinding[];
  requests: RequestRecord[];
}

/** `LiveEvidence` (src/wasm.rs): what liveTest() takes. */
export interface LiveEvidence {
  params: ParamInput[];
  isu_password?: string;
}

/** `LiveView` (src/wasm.rs): liveTest() answers one. */
export interface LiveView {
  passed: boolean;
  steps: StepResult[];
  new_refresh_token: string | null;
}

// ---- the boundary (src/wasm.rs) ---------------------------------------------------------------------

/** `ErrorValue`: why a call failed (`bad_options`, `bad_evidence`, `too_large` …). */
export interface ErrorValue {
  code: string;
  message: string;
}

/** `Outcome<T>`: every call's result; no call throws. */
export type Outcome<T> = { ok: true; report: T } | { ok: false; error: ErrorValue };
