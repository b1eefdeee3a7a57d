// @ts-check
// What the extension keeps per tenant, as pure functions over plain objects (no chrome.* here,
// so node tests run them directly). The service worker stores one record per tenant in
// chrome.storage.session under `tenant:<name>`:
//
//   {tenant, updated,
//    pages:    {<page_id>: {title, url, at}},
//    params:   [{kind, value, name, tenant, label, page, at}]   deduplicated by kind + value
//    settings: [{name, value, page, url, at}]                   newest first, one per name + page
//                                                               + address
//    exported: {<partner id>: at},                              the partner exports used
//    retired:  [{kind, value, name, at, reason}]}               refresh tokens known to be dead,
//                                                               newest first (below)
//
// Refresh tokens: generating a new one invalidates the old (workday-notes.md, "Values"), and
// Manage Refresh Tokens shows a token only once, when it is generated, so a page showing an
// older token is history (the back button). A token is retired, out of `params` and so out of every check, export, view
// and live test, when a newer one is captured for the same account (the token's `name`, the
// Workday account the page shows; tokens of different or unknown accounts replace nothing) or
// when the live test's token request renewed it (live-worker.js). A retired token seen again is
// not captured again. Its value stays here, in the same session storage as every captured value,
// only to recognise it; nothing displays it.
// Only what a recogniser captured is ever passed in: a page no recogniser claims never gets here.
// The record's type: TenantRecord in shared/types.js.

import { SSO_CHOICES } from '../shared/generated/lists.js';
import { countBySeverity, findingsByParam, worstSeverity } from '../shared/findings.js';

/**
 * @import { PageId, ParamInput, ParamKind, ReportView, Setting, Sso } from '../shared/generated/core-types'
 * @import { CheckOptions, Prefs, RetiredValue, StoredParam, StoredSetting, TenantRecord, TenantView } from '../shared/types.js'
 */

/**
 * A value as a report gives it (a ParamView, or a test's part of one).
 * @typedef {{kind: ParamKind, value: string, name?: string | null, tenant?: string | null, label?: string | null, source?: {page?: PageId, label?: string}}} CapturedParam
 */

/**
 * One recognised page's values and settings for one tenant.
 * @typedef {object} Capture
 * @property {string} tenant
 * @property {PageId} page
 * @property {string} [title] the tab's title
 * @property {string} [url] the page's address
 * @property {number} at
 * @property {CapturedParam[]} params
 * @property {Setting[]} settings
 */

export const TENANT_KEY_PREFIX = 'tenant:';
export const PREFS_KEY_PREFIX = 'prefs:';

/** Values captured without any tenant (rare: a page whose address names none). */
export const NO_TENANT = '';

/** Upper bounds per tenant, so a long session cannot grow storage without end. */
export const MAX_PARAMS = 500;
export const MAX_SETTINGS = 500;
export const MAX_RETIRED = 50;

/** @param {string} tenant */
export const tenantKey = (tenant) => TENANT_KEY_PREFIX + tenant;
/** @param {string} tenant */
export const prefsKey = (tenant) => PREFS_KEY_PREFIX + tenant;

/** What makes two values the same. @param {{kind: string, value: string}} p */
export const paramKey = (p) => `${p.kind}\u0000${p.value}`;

/**
 * `list` (a record's `retired`) with `param` added first, as replaced at `at` for `reason`.
 * @param {RetiredValue[] | undefined} list
 * @param {{kind: ParamKind, value: string, name?: string | null}} param
 * @param {number} at
 * @param {RetiredValue['reason']} reason
 * @returns {RetiredValue[]}
 */
export function retire(list, param, at, reason) {
  const entry = { kind: param.kind, value: param.value, name: param.name ?? null, at, reason };
  return [entry, ...(list ?? []).filter((r) => paramKey(r) !== paramKey(entry))].slice(0, MAX_RETIRED);
}

/**
 * The browser tab title without Workday's suffix ("View API Clients - Workday").
 * @param {string | null | undefined} title
 */
export function pageTitle(title) {
  return String(title ?? '')
    .replace(/\s+[-\u2013\u2014]\s+Workday\s*$/i, '')
    .trim();
}

/**
 * Splits an analysed page (an analyseSnapshot report with `page` set) into one capture per
 * tenant. A value's tenant is its own (URLs carry one), else the page address's tenant.
 * Settings belong to the page's tenant (or, when the address names none, the tenant most of
 * the values name).
 * The page's own tenant always gets an entry (possibly empty), so the visit to a recognised
 * page is recorded even when it shows no values.
 * @template {CapturedParam} P
 * @param {{params: P[], settings: Setting[]}} report
 * @param {string | null} pageTenant
 * @returns {Map<string, {params: P[], settings: Setting[]}>}
 */
export function splitByTenant(report, pageTenant) {
  /** @type {Map<string, {params: P[], settings: Setting[]}>} */
  const out = new Map();
  /** @param {string} tenant */
  const slot = (tenant) => {
    let part = out.get(tenant);
    if (!part) {
      part = { params: [], settings: [] };
      out.set(tenant, part);
    }
    return part;
  };
  if (pageTenant != null) slot(pageTenant);
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const p of report.params) {
    const tenant = p.tenant ?? pageTenant ?? NO_TENANT;
    counts.set(tenant, (counts.get(tenant) ?? 0) + 1);
    slot(tenant).params.push(p);
  }
  if (report.settings.length) {
    let home = pageTenant;
    if (home == null) {
      home = NO_TENANT;
      let best = 0;
      for (const [t, n] of counts) if (n > best) [home, best] = [t, n];
    }
    slot(home).settings.push(...report.settings);
  }
  return out;
}

/**
 * A copy of `record` (none: an empty one) for `tenant`, updated at `at`, whose lists and maps
 * can be changed without changing `record`.
 * @param {TenantRecord | undefined} record
 * @param {string} tenant
 * @param {number} at
 * @returns {TenantRecord}
 */
function copyRecord(record, tenant, at) {
  return {
    tenant,
    updated: at,
    pages: { ...(record?.pages ?? {}) },
    params: [...(record?.params ?? [])],
    settings: [...(record?.settings ?? [])],
    ...(record?.exported ? { exported: { ...record.exported } } : {}),
    ...(record?.retired ? { retired: [...record.retired] } : {}),
  };
}

/**
 * Merges one page's capture into a tenant's record (returns a new record).
 * @param {TenantRecord | undefined} record the stored record, if any
 * @param {Capture} capture params as in a report
 * @returns {TenantRecord}
 */
export function merge(record, capture) {
  const { tenant, page, at } = capture;
  const next = copyRecord(record, tenant, at);
  next.pages[page] = { title: pageTitle(capture.title) || next.pages[page]?.title || '', url: capture.url ?? '', at };

  const index = new Map(next.params.map((p, i) => [paramKey(p), i]));
  const retired = new Set((next.retired ?? []).map(paramKey));
  for (const p of capture.params) {
    /** @type {StoredParam} */
    const stored = {
      kind: p.kind,
      value: p.value,
      name: p.name ?? null,
      tenant: p.tenant ?? (tenant === NO_TENANT ? null : tenant),
      label: p.label ?? p.source?.label ?? null,
      page: p.source?.page ?? page,
      at,
    };
    const key = paramKey(stored);
    if (retired.has(key)) continue; // known to be dead: seen again on an old page
    const i = index.get(key);
    if (i !== undefined) {
      const old = next.params[i];
      next.params[i] = { ...stored, name: stored.name ?? old.name, label: stored.label ?? old.label };
    } else {
      if (stored.kind === 'refresh_token' && stored.name != null) {
        for (const old of next.params) {
          if (old.kind === 'refresh_token' && old.name === stored.name && !retired.has(paramKey(old))) {
            next.retired = retire(next.retired, old, at, 'superseded');
            retired.add(paramKey(old));
          }
        }
      }
      index.set(key, next.params.length);
      next.params.push(stored);
    }
  }
  if (retired.size) next.params = next.params.filter((p) => !retired.has(paramKey(p)));
  if (next.params.length > MAX_PARAMS) {
    // Drop the least recently seen.
    const keep = new Set(
      [...next.params]
        .sort((a, b) => b.at - a.at)
        .slice(0, MAX_PARAMS)
        .map(paramKey),
    );
    next.params = next.params.filter((p) => keep.has(paramKey(p)));
  }

  // A page read again replaces what it said before; the same kind of page at another address
  // (another functional area, report or group) is another page, whose settings stay.
  const url = capture.url ?? '';
  /** @type {StoredSetting[]} */
  const fresh = capture.settings.map((s) => ({ name: s.name, value: s.value, page, url, at }));
  const replaced = new Set(fresh.map((s) => s.name));
  const samePage = (/** @type {StoredSetting} */ s) => s.page === page && (s.url ?? '') === url;
  next.settings = [...fresh, ...next.settings.filter((s) => !(samePage(s) && replaced.has(s.name)))].slice(
    0,
    MAX_SETTINGS,
  );
  return next;
}

const withoutTimes = (/** @type {TenantRecord} */ record) =>
  JSON.stringify(record, (key, value) => (key === 'at' || key === 'updated' ? undefined : value));

/**
 * True when `next` says nothing `previous` did not, apart from times, and `previous` is recent
 * (`freshMs`): the worker then skips the write, so a page that keeps changing does not churn
 * storage (nor re-render an open popup).
 * @param {TenantRecord | undefined} previous
 * @param {TenantRecord} next
 */
export function unchanged(previous, next, freshMs = 60000) {
  return previous != null && next.updated - previous.updated < freshMs && withoutTimes(previous) === withoutTimes(next);
}

/**
 * The record in the form checkParams takes: `{params: [ParamInput], settings: [Setting]}`.
 * Settings go oldest first (the record keeps them newest first): the core lets a later read of
 * a setting win over an earlier one.
 * `since` (ms) leaves out what was last seen before it (the trainer checklist's reset).
 * @param {{params: StoredParam[], settings: StoredSetting[]}} record
 * @returns {{params: ParamInput[], settings: Setting[]}}
 */
export function evidence(record, since = 0) {
  const fresh = (/** @type {{at?: number}} */ x) => !(since > 0) || (Number.isFinite(x.at) && (x.at ?? NaN) >= since);
  return {
    params: record.params.filter(fresh).map((p) => ({
      kind: p.kind,
      value: p.value,
      name: p.name ?? null,
      tenant: p.tenant ?? null,
      source: { ...(p.page ? { page: p.page } : {}), ...(p.label ? { label: p.label } : {}) },
    })),
    // Stable sort: a page's own settings keep their order.
    settings: record.settings
      .filter(fresh)
      .map((s, i) => /** @type {[StoredSetting, number]} */ ([s, i]))
      .sort(([a, i], [b, j]) => (a.at ?? 0) - (b.at ?? 0) || i - j)
      .map(([s]) => ({ name: s.name, value: s.value })),
  };
}

/**
 * The pages of a record visited at or after `since` (ms).
 * @param {TenantRecord | null | undefined} record
 * @returns {PageId[]}
 */
export function pagesSeen(record, since = 0) {
  return Object.entries(record?.pages ?? {})
    .filter(([, p]) => !(since > 0) || (Number.isFinite(p.at) && p.at >= since))
    .map(([id]) => /** @type {PageId} */ (id));
}

/**
 * Adds one value the user accepted (a value wdcap built, such as Viva Learning's SOAP endpoint)
 * to a tenant's record; returns a new record. It has no page: no page showed it.
 * @param {TenantRecord | undefined} record
 * @param {string} tenant
 * @param {{kind: ParamKind, value: string, label?: string | null}} value
 * @param {number} at
 * @returns {TenantRecord}
 */
export function addParam(record, tenant, { kind, value, label = null }, at) {
  const next = copyRecord(record, tenant, at);
  /** @type {StoredParam} */
  const stored = { kind, value, name: null, tenant: tenant === NO_TENANT ? null : tenant, label, page: null, at };
  const i = next.params.findIndex((p) => paramKey(p) === paramKey(stored));
  if (i >= 0) next.params[i] = { ...next.params[i], at };
  else next.params.push(stored);
  return next;
}

/**
 * Notes that the export for `partner` was used on this tenant (copied or downloaded from the
 * popup): the evidence of a step done outside Workday (10KC's "Send the JSON endpoints").
 * Kept as `exported: {<partner id>: at}`; returns a new record.
 * @param {TenantRecord | undefined} record
 * @param {string} tenant
 * @param {string} partner
 * @param {number} at
 * @returns {TenantRecord}
 */
export function markExported(record, tenant, partner, at) {
  const { retired, ...next } = copyRecord(record, tenant, at);
  return { ...next, exported: { ...(next.exported ?? {}), [partner]: at }, ...(retired ? { retired } : {}) };
}

/**
 * The partners whose export was used at or after `since` (ms).
 * @param {TenantRecord | null | undefined} record
 */
export function exportedSince(record, since = 0) {
  return Object.entries(record?.exported ?? {})
    .filter(([, at]) => !(since > 0) || (Number.isFinite(at) && at >= since))
    .map(([id]) => id);
}

/** The key of a trainer checklist's state (hand ticks, reset time) in chrome.storage.local. */
export const CHECKLIST_KEY_PREFIX = 'checklist:';
/**
 * @param {string | null} tenant
 * @param {string} partner
 */
export const checklistKey = (tenant, partner) => `${CHECKLIST_KEY_PREFIX}${partner}:${tenant ?? ''}`;

/**
 * The options checkParams takes, from a tenant's stored preferences.
 * @param {Prefs | undefined} prefs
 * @returns {CheckOptions}
 */
export function checkOptions(prefs) {
  /** @type {Sso} */
  const sso = prefs?.sso && SSO_CHOICES.includes(prefs.sso) ? prefs.sso : 'unknown';
  /** @type {CheckOptions} */
  const options = { sso };
  if (prefs?.integration) options.integration = prefs.integration;
  return options;
}

/**
 * Joins a checkParams report with the stored record: each param with its stored metadata and
 * its findings, plus the findings about no single value.
 * @param {TenantRecord} record
 * @param {ReportView} report
 * @param {Prefs} prefs
 * @returns {Omit<TenantView, 'current'>}
 */
export function tenantView(record, report, prefs) {
  const { perParam, general } = findingsByParam(report);
  return {
    tenant: record.tenant,
    updated: record.updated,
    prefs: { sso: checkOptions(prefs).sso, integration: prefs?.integration ?? null, securityGroup: prefs?.securityGroup ?? null },
    pages: record.pages,
    params: report.params.map((view, i) => ({
      ...view,
      page: record.params[i]?.page ?? view.source?.page ?? null,
      at: record.params[i]?.at ?? null,
      findings: perParam[i],
      severity: worstSeverity(perParam[i]),
    })),
    findings: general,
    settings: record.settings,
    counts: countBySeverity(report.findings),
  };
}
