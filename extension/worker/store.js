// @ts-check
// The worker's storage, reads and writes only: what a record holds and how it changes is the
// core's (src/evidence/). Each tenant's record lives in chrome.storage.session (gone when the
// browser session ends; never storage.local/sync: it holds secrets) under `tenant:<key>`, where
// the key is a tenant on one host family (`wd3.implementation:acme`, the core's RecordKey). The
// non-secret preferences (`prefs:<key>`), checklist states (`checklist:<partner>:<key>`) and
// settings live in chrome.storage.local.

import { loadSettings } from '../shared/settings.js';

/** @import { ChecklistState, Prefs } from '../shared/generated/core-types' */

export const TENANT_KEY_PREFIX = 'tenant:';
export const PREFS_KEY_PREFIX = 'prefs:';
export const CHECKLIST_KEY_PREFIX = 'checklist:';

/** @param {string} key */
const tenantKey = (key) => TENANT_KEY_PREFIX + key;
/** @param {string} key */
const prefsKey = (key) => PREFS_KEY_PREFIX + key;
/**
 * @param {string | null} key
 * @param {string} partner
 */
const checklistKey = (key, partner) => `${CHECKLIST_KEY_PREFIX}${partner}:${key ?? ''}`;

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
 * The stored record of `key` as it is stored (the core reads it, or not).
 * @param {string} key
 * @returns {Promise<unknown>}
 */
export async function readRecord(key) {
  const k = tenantKey(key);
  return (await session().get(k))[k] ?? null;
}

/**
 * @param {string} key
 * @param {unknown} record what the core returned
 */
export async function writeRecord(key, record) {
  await session().set({ [tenantKey(key)]: record });
}

/** Every record stored, by key. @returns {Promise<Map<string, unknown>>} */
export async function readRecords() {
  const stored = await session().get(null);
  return new Map(
    Object.entries(stored)
      .filter(([k]) => k.startsWith(TENANT_KEY_PREFIX))
      .map(([k, record]) => [k.slice(TENANT_KEY_PREFIX.length), record]),
  );
}

/**
 * Removes the record of `key` only (forgetting a tenant removes more: forget.js).
 * @param {string} key
 */
export async function removeRecord(key) {
  await session().remove(tenantKey(key));
}

/**
 * @param {string} key
 * @returns {Promise<Prefs>}
 */
export async function readPrefs(key) {
  const k = prefsKey(key);
  const prefs = (await local().get(k))[k];
  return prefs && typeof prefs === 'object' ? /** @type {Prefs} */ (prefs) : {};
}

/**
 * @param {string} key
 * @param {Prefs} prefs
 */
export async function writePrefs(key, prefs) {
  await local().set({ [prefsKey(key)]: prefs });
}

/**
 * @param {string | null} key
 * @param {string} partner
 * @returns {Promise<{manual: string[], since: number}>}
 */
export async function readChecklistState(key, partner) {
  const k = checklistKey(key, partner);
  const state = /** @type {Partial<ChecklistState>} */ ((await local().get(k))[k] ?? {});
  return { manual: Array.isArray(state.manual) ? state.manual : [], since: Number.isFinite(state.since) ? Number(state.since) : 0 };
}

/**
 * @param {string | null} key
 * @param {string} partner
 * @param {{manual: string[], since: number}} state
 */
export async function writeChecklistState(key, partner, state) {
  await local().set({ [checklistKey(key, partner)]: state });
}

/** How long a copied secret stays on the clipboard (the options page's setting; 0: off). */
export async function clearAfterSeconds() {
  const seconds = (await loadSettings()).clipboardClearSeconds;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}
