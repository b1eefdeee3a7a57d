// @ts-check
// Forgetting a tenant removes every key that names its record key (a tenant on one host family,
// `wd3.implementation:acme`), in both storage areas: its record (chrome.storage.session,
// `tenant:<key>`), and what the user told wdcap about it (chrome.storage.local: its preferences
// `prefs:<key>`, with the chosen API client's, security group's and ISU's names, and its trainer
// checklists' ticks `checklist:<partner>:<key>`). Forgetting everything removes every such key of
// every record. The user's settings, which name no tenant, stay.

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
 * Removes every key that names the record `key` (`null`: every key that names any record).
 * @param {string | null} key
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
}
