// @ts-check
// Forgetting a tenant removes every key that names it, in both storage areas: its captured
// values (chrome.storage.session: any record of that tenant, whatever it is keyed by), and
// what the user told wdcap about it (chrome.storage.local: its preferences, with the security
// group's name, and its trainer checklists' ticks). Forgetting everything removes every such key
// of every tenant. The user's settings, which name no tenant, stay.

import { CHECKLIST_KEY_PREFIX, PREFS_KEY_PREFIX, TENANT_KEY_PREFIX } from './captures.js';

const session = () => chrome.storage.session;
const local = () => chrome.storage.local;

/**
 * The tenant a chrome.storage.local key names (a preference or a checklist's state), or null.
 * @param {string} key
 */
function tenantOfLocalKey(key) {
  if (key.startsWith(PREFS_KEY_PREFIX)) return key.slice(PREFS_KEY_PREFIX.length);
  if (key.startsWith(CHECKLIST_KEY_PREFIX)) {
    // `checklist:<partner>:<tenant>`: partner ids hold no colon.
    const rest = key.slice(CHECKLIST_KEY_PREFIX.length);
    const colon = rest.indexOf(':');
    return colon < 0 ? null : rest.slice(colon + 1);
  }
  return null;
}

/**
 * Removes every key that names `tenant` (`null`: every key that names any tenant).
 * @param {string | null} tenant
 */
export async function forgetTenant(tenant) {
  const stored = await session().get(null);
  const records = Object.entries(stored)
    .filter(([key, value]) => key.startsWith(TENANT_KEY_PREFIX) && (tenant == null || /** @type {{tenant?: unknown}} */ (value)?.tenant === tenant || key === `${TENANT_KEY_PREFIX}${tenant}`))
    .map(([key]) => key);
  await session().remove(records);
  const kept = await local().get(null);
  const named = Object.keys(kept).filter((key) => {
    const of = tenantOfLocalKey(key);
    return of != null && (tenant == null || of === tenant);
  });
  await local().remove(named);
}
