// @ts-check
// The pages' view of what was captured: every tenant record, the tab's own first, each as the
// core's one view of it (values, findings, checklist, export: one run of the checks per tenant);
// the per-tenant preferences (SSO answer, partner, the partner's API client, security group and
// ISU: non-secret, chrome.storage.local); forgetting a tenant or everything (every key that
// names it: forget.js).

import * as core from '../core.js';
import { readPrefs, readRecords, removeRecord, serially, writePrefs } from '../store.js';
import { forgetTenant, restoreForgotten } from '../forget.js';
import { UNDO_MS, keepForUndo, takeForUndo } from '../undo.js';
import { keyArg, keyOfUrl, viewOf } from '../tenants.js';
import { failure } from '../../shared/messages.js';
import { SSO_CHOICES } from '../../shared/generated/lists.js';

/**
 * @import { MESSAGES, Message, Reply } from '../../shared/messages.js'
 * @import { TenantEntry, ViewState } from '../../shared/types.js'
 * @import { Prefs, Sso } from '../../shared/generated/core-types'
 */

/**
 * Everything the popup shows for a tab: its tenant first, then the other tenants captured.
 * @param {unknown} tabId
 * @returns {Promise<ViewState>}
 */
export async function view(tabId) {
  /** @type {chrome.tabs.Tab | null} */
  let tab = null;
  if (Number.isInteger(tabId)) {
    try {
      tab = await chrome.tabs.get(/** @type {number} */ (tabId));
    } catch {
      tab = null;
    }
  }
  const current = await keyOfUrl(tab?.url);
  const stored = await readRecords();
  /** @type {{key: string, updated: number}[]} */
  const keys = [...stored].map(([key, record]) => ({ key, updated: Number(/** @type {{updated?: unknown}} */ (record)?.updated) || 0 }));
  if (current != null && !stored.has(current)) keys.push({ key: current, updated: 0 });
  keys.sort((a, b) => (a.key === current ? -1 : b.key === current ? 1 : b.updated - a.updated));

  /** @type {TenantEntry[]} */
  const tenants = [];
  for (const { key } of keys) {
    const record = stored.get(key) ?? null;
    const seen = await viewOf(key, { record });
    if (!seen.ok) {
      tenants.push({ key, tenant: key, current: key === current, error: seen.error });
      continue;
    }
    const entry = { key, tenant: seen.view.tenant ?? key, current: key === current, view: seen.view };
    if (record != null && seen.view.empty) {
      // A record the core does not read (an older shape of wdcap's store, another key): dropped.
      await serially(() => removeRecord(key));
      if (key !== current) continue;
    }
    tenants.push(seen.view.empty ? { ...entry, empty: true } : entry);
  }
  const version = await core.version();
  return { ok: true, current, tabUrlKnown: Boolean(tab?.url), version: version.ok ? version.value : null, tenants };
}

/** The longest name or client ID a preference holds. */
const MAX_CHOICE = 200;

/**
 * A choice of object (its name or client ID), cleared by null or an empty string.
 * @param {unknown} value
 * @returns {string | null | undefined} undefined: not a valid choice
 */
function choice(value) {
  if (value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > MAX_CHOICE) return undefined;
  return value;
}

/**
 * @param {Message<typeof MESSAGES.setPrefs>} message
 * @returns {Promise<Reply<typeof MESSAGES.setPrefs>>}
 */
export async function setPrefs(message) {
  const key = keyArg(message);
  if (key == null) return failure('bad_message', 'key must be a record key');
  /** @type {Prefs} */
  const prefs = await readPrefs(key);
  if (message.sso !== undefined) {
    if (!SSO_CHOICES.includes(message.sso)) return failure('bad_message', `sso must be one of ${SSO_CHOICES.join(', ')}`);
    prefs.sso = /** @type {Sso} */ (message.sso);
  }
  for (const field of /** @type {const} */ (['integration', 'securityGroup', 'apiClient', 'isu'])) {
    if (message[field] === undefined) continue;
    const value = choice(message[field]);
    if (value === undefined) return failure('bad_message', `${field} must be a short string or null`);
    prefs[field] = value;
  }
  await writePrefs(key, prefs);
  return view(message.tabId);
}

/**
 * @param {Message<typeof MESSAGES.forget>} message
 * @returns {Promise<Reply<typeof MESSAGES.forget>>}
 */
export async function forget(message) {
  const key = keyArg(message);
  if (key == null) return failure('bad_message', 'key must be a record key');
  // Every key that names the record: its values, preferences and checklists (forget.js).
  const removed = await serially(() => forgetTenant(key));
  return { ...(await view(message.tabId)), undo: keepForUndo(removed), undoMs: UNDO_MS };
}

/**
 * @param {Message<typeof MESSAGES.forgetAll>} message
 * @returns {Promise<Reply<typeof MESSAGES.forgetAll>>}
 */
export async function forgetAll(message) {
  const removed = await serially(() => forgetTenant(null));
  return { ...(await view(message.tabId)), undo: keepForUndo(removed), undoMs: UNDO_MS };
}

/**
 * Takes a forgetting back, within UNDO_MS of it.
 * @param {Message<typeof MESSAGES.undoForget>} message
 * @returns {Promise<Reply<typeof MESSAGES.undoForget>>}
 */
export async function undoForget(message) {
  const removed = takeForUndo(message.token);
  if (!removed) return failure('gone', 'too late to undo');
  await serially(() => restoreForgotten(removed));
  return view(message.tabId);
}
