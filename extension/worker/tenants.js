// @ts-check
// What the worker reads about a tenant through the core: the record an address belongs to, one
// tenant's view (values, findings, checklist and export from one run of the checks), the partner
// profiles. The message handlers (handlers/) answer with these.

import * as core from './core.js';
import { readChecklistState, readPrefs, readRecord } from './store.js';
import { SSO_CHOICES } from '../shared/generated/lists.js';

/**
 * @import { Partner, Prefs, Sso, TenantView } from '../shared/generated/core-types'
 * @import { Failure, PartnersReply } from '../shared/messages.js'
 * @import { CheckOptions } from '../shared/types.js'
 */

/**
 * The options the core's checks take from a record's preferences: its SSO answer and partner.
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
 * The record a tab's address belongs to (null: not a tenant's own admin page), from the URL's
 * analysis alone.
 * @param {unknown} url
 * @returns {Promise<string | null>}
 */
export async function keyOfUrl(url) {
  if (typeof url !== 'string' || !url) return null;
  const result = await core.tenantOfUrl(url);
  return result.ok ? result.report.key : null;
}

/** The word the export's text shows for a value not gathered, in the browser's language. */
function missingWord() {
  try {
    return chrome.i18n.getMessage('exportMissingValue') || null;
  } catch {
    return null;
  }
}

/**
 * The view of the record `key`: its preferences' partner, or `partner` (the checklist page
 * shows any), with that partner's checklist state. `record` may be given when just read;
 * `exportedAt` (ISO 8601) asks for the export's JSON file, written at that moment.
 * @param {string} key
 * @param {{partner?: string | null, reveal?: boolean, record?: unknown, exportedAt?: string}} [options]
 * @returns {Promise<{ok: true, view: TenantView} | Failure>}
 */
export async function viewOf(key, { partner = null, reveal = true, record, exportedAt } = {}) {
  const prefs = await readPrefs(key);
  const integration = partner ?? prefs.integration ?? null;
  const state = integration ? await readChecklistState(key, integration) : { manual: [], since: 0 };
  const stored = record === undefined ? await readRecord(key) : record;
  const result = await core.tenantView(key, stored, prefs, state, {
    reveal,
    integration,
    missing: missingWord(),
    exported_at: exportedAt ?? null,
  });
  if (!result.ok) return result;
  return { ok: true, view: result.report };
}

/** @type {Partner[] | null} */
let partnerList = null;

/**
 * The partner profiles compiled into the core (they never change while it runs).
 * @returns {Promise<PartnersReply | Failure>}
 */
export async function partners() {
  if (!partnerList) {
    const result = await core.partners();
    if (!result.ok) return result;
    partnerList = result.report;
  }
  return { ok: true, partners: partnerList };
}

/**
 * @param {unknown} id
 * @returns {Promise<boolean>}
 */
export async function isPartner(id) {
  if (typeof id !== 'string') return false;
  const listed = await partners();
  return listed.ok && listed.partners.some((p) => p.id === id);
}

/**
 * A message's record key, when it is one a tab could be on (the core validates it when used).
 * @param {{key?: unknown}} message
 * @returns {string | null}
 */
export function keyArg(message) {
  return typeof message.key === 'string' && message.key.length > 0 && message.key.length <= 200 ? message.key : null;
}
