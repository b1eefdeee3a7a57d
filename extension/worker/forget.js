// @ts-check
// Forgetting a tenant removes every key that names its record key (a tenant on one host family,
// `wd3.implementation:acme`), in both storage areas: its record (chrome.storage.session,
// `tenant:<key>`), and what the user told wdcap about it (chrome.storage.local: its preferences
// `prefs:<key>`, with the chosen API client's, security group's and ISU's names, and its trainer
// checklists' ticks `checklist:<partner>:<key>`). Forgetting everything removes every such key of
// every record. The user's settings, which name no tenant, stay.
//
// What was removed is handed back (undo.js keeps it in the worker's memory for a few seconds, so
// the user can take the forgetting back; it is never written anywhere else).

import { CHECKLIST_KEY_PREFIX, PREFS_KEY_PREFIX, TENANT_KEY_PREFIX } from './store.js';

const session = () => chrome.storage.session;
const local = () => chrome.storage.local;

/**
 * The record key a chrome.storage.local key names (a preference or a checklist's state), or null.
 * @param {string} key
 */
function recordKeyOfLocalKey(key) {
  if (key.startsWith(PREFS_KEY_PREFIX)) return key.slice(PREFS_KEY_PREFIX.length);
  if (key.startsWith(CHECKLIST_KEY_PREFIX)) {
    // `checklist:<partner>:<key>`: partner ids hold no colon (record keys do).
    const rest = key.slice(CHECKLIST_KEY_PREFIX.length);
    const colon = rest.indexOf(':');
    return colon < 0 ? null : rest.slice(colon + 1);
  }
  return null;
}

/**
 * What a forgetting removed, by storage area: enough to put it back.
 * @typedef {{session: Record<string, unknown>, local: Record<string, unknown>}} Removed
 */

/**
 * Removes every key that names the record `key` (`null`: every key that names any record).
 * @param {string | null} key
 * @returns {Promise<Removed>}
 */
export async function forgetTenant(key) {
  const stored = await session().get(null);
  const records = Object.keys(stored).filter((k) => k.startsWith(TENANT_KEY_PREFIX) && (key == null || k === TENANT_KEY_PREFIX + key));
  await session().remove(records);
  const kept = await local().get(null);
  const named = Object.keys(kept).filter((k) => {
    const of = recordKeyOfLocalKey(k);
    return of != null && (key == null || of === key);
  });
  await local().remove(named);
  const pick = (/** @type {Record<string, unknown>} */ from, /** @type {string[]} */ keys) => Object.fromEntries(keys.map((k) => [k, from[k]]));
  return { session: pick(stored, records), local: pick(kept, named) };
}

/**
 * Puts back what a forgetting removed. A record captured again since (the tab's page read anew)
 * is merged by the next capture; what is put back does not overwrite a key written since.
 * @param {Removed} removed
 */
export async function restoreForgotten(removed) {
  const fresh = async (/** @type {chrome.storage.StorageArea} */ area, /** @type {Record<string, unknown>} */ items) => {
    const now = await area.get(Object.keys(items));
    return Object.fromEntries(Object.entries(items).filter(([k]) => !(k in now)));
  };
  await session().set(await fresh(session(), removed.session));
  await local().set(await fresh(local(), removed.local));
}
