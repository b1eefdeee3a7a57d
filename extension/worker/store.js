// @ts-check
// The worker's storage: each tenant's captured values in chrome.storage.session (gone when the
// browser session ends; never storage.local/sync: they include secrets), the non-secret
// preferences, checklist states and settings in chrome.storage.local. What a record holds and
// how it changes is captures.js's; this file only reads and writes.

import { TENANT_KEY_PREFIX, checklistKey, prefsKey, tenantKey } from './captures.js';
import { loadSettings } from '../shared/settings.js';

/** @import { Prefs, TenantRecord } from '../shared/types.js' */

// chrome.storage is read at each call, not at import: node tests import the modules that
// import this one.
const session = () => chrome.storage.session;
const local = () => chrome.storage.local;

// Read-modify-write of a tenant's record must not interleave (two tabs, quick SPA updates).
/** @type {Promise<unknown>} */
let queue = Promise.resolve();

/**
 * Runs `task` after every task queued before it has finished.
 * @template T
 * @param {() => T | Promise<T>} task
 * @returns {Promise<T>}
 */
export function serially(task) {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

/**
 * @param {string} tenant
 * @returns {Promise<TenantRecord | undefined>}
 */
export async function readRecord(tenant) {
  const key = tenantKey(tenant);
  return /** @type {TenantRecord | undefined} */ ((await session().get(key))[key]);
}

/**
 * @param {TenantRecord} record
 */
export async function writeRecord(record) {
  await session().set({ [tenantKey(record.tenant)]: record });
}

/** Every tenant record stored, by tenant. @returns {Promise<Map<string, TenantRecord>>} */
export async function readRecords() {
  const stored = await session().get(null);
  return new Map(
    Object.entries(stored)
      .filter(([k]) => k.startsWith(TENANT_KEY_PREFIX))
      .map(([k, record]) => [k.slice(TENANT_KEY_PREFIX.length), /** @type {TenantRecord} */ (record)]),
  );
}

/**
 * @param {string} tenant
 * @returns {Promise<Prefs>}
 */
export async function readPrefs(tenant) {
  const key = prefsKey(tenant);
  return /** @type {Prefs} */ ((await local().get(key))[key] ?? {});
}

/**
 * @param {string} tenant
 * @param {Prefs} prefs
 */
export async function writePrefs(tenant, prefs) {
  await local().set({ [prefsKey(tenant)]: prefs });
}

/**
 * A trainer checklist's state: the steps ticked by hand, and since when evidence counts (ms).
 * @typedef {{manual: string[], since: number}} ChecklistState
 */

/**
 * @param {string | null} tenant
 * @param {string} partner
 * @returns {Promise<ChecklistState>}
 */
export async function readChecklistState(tenant, partner) {
  const key = checklistKey(tenant, partner);
  const state = /** @type {Partial<ChecklistState>} */ ((await local().get(key))[key] ?? {});
  return { manual: Array.isArray(state.manual) ? state.manual : [], since: Number.isFinite(state.since) ? Number(state.since) : 0 };
}

/**
 * @param {string | null} tenant
 * @param {string} partner
 * @param {ChecklistState} state
 */
export async function writeChecklistState(tenant, partner, state) {
  await local().set({ [checklistKey(tenant, partner)]: state });
}

/** How long a copied secret stays on the clipboard (the options page's setting; 0: off). */
export async function clearAfterSeconds() {
  const seconds = (await loadSettings()).clipboardClearSeconds;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}
