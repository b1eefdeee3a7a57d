// @ts-check
// The pages' view of what was captured: every tenant, the tab's own first (re-checked together
// so cross-page findings show), with the chosen partner's checklist progress and export; the
// per-tenant preferences (SSO answer, partner, security group: non-secret, chrome.storage.local);
// forgetting a tenant or everything (every key that names it: forget.js).

import * as core from '../core.js';
import { checkOptions, tenantView } from '../captures.js';
import { readPrefs, readRecords, serially, writePrefs } from '../store.js';
import { forgetTenant } from '../forget.js';
import { checkTenant, checklistOf, exportOf, tenantOfUrl } from '../tenants.js';
import { failure } from '../../shared/messages.js';
import { SSO_CHOICES } from '../../shared/generated/lists.js';

/**
 * @import { MESSAGES, Message, Reply } from '../../shared/messages.js'
 * @import { TenantView, ViewState } from '../../shared/types.js'
 * @import { Sso } from '../../shared/generated/core-types'
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
  const current = await tenantOfUrl(tab?.url);
  const stored = await readRecords();
  const tenants = [...stored.keys()];
  if (current != null && !tenants.includes(current)) tenants.push(current);
  const updated = (/** @type {string} */ tenant) => stored.get(tenant)?.updated ?? 0;
  tenants.sort((a, b) => (a === current ? -1 : b === current ? 1 : updated(b) - updated(a)));

  /** @type {TenantView[]} */
  const views = [];
  for (const tenant of tenants) {
    const checked = await checkTenant(tenant);
    if (!checked) {
      views.push({ tenant, current: tenant === current, empty: true, prefs: checkOptions(await readPrefs(tenant)) });
    } else if (!checked.report) {
      views.push({ tenant, current: tenant === current, error: checked.error, prefs: checkOptions(checked.prefs) });
    } else {
      /** @type {TenantView} */
      const v = { ...tenantView(checked.record, checked.report, checked.prefs), current: tenant === current };
      // The chosen partner's checklist progress and export, for the tab's own tenant.
      const partner = 'integration' in v.prefs ? v.prefs.integration : null;
      if (v.current && partner) {
        const list = await checklistOf(tenant, partner);
        if (list.ok) v.checklist = list.checklist;
        const exported = await exportOf(tenant, partner);
        if (exported.ok) v.export = exported.export;
      }
      views.push(v);
    }
  }
  const version = await core.version();
  return { ok: true, current, tabUrlKnown: Boolean(tab?.url), version: version.ok ? version.value : null, tenants: views };
}

/**
 * @param {Message<typeof MESSAGES.setPrefs>} message
 * @returns {Promise<Reply<typeof MESSAGES.setPrefs>>}
 */
export async function setPrefs(message) {
  const { tenant } = message;
  if (typeof tenant !== 'string') return failure('bad_message', 'tenant must be a string');
  const prefs = await readPrefs(tenant);
  if (message.sso !== undefined) {
    if (!SSO_CHOICES.includes(message.sso)) return failure('bad_message', `sso must be one of ${SSO_CHOICES.join(', ')}`);
    prefs.sso = /** @type {Sso} */ (message.sso);
  }
  if (message.securityGroup !== undefined) {
    if (message.securityGroup !== null && (typeof message.securityGroup !== 'string' || message.securityGroup.length > 200)) {
      return failure('bad_message', 'securityGroup must be a short string or null');
    }
    prefs.securityGroup = message.securityGroup || null;
  }
  if (message.integration !== undefined) {
    if (message.integration !== null && typeof message.integration !== 'string') {
      return failure('bad_message', 'integration must be a string or null');
    }
    prefs.integration = message.integration || null;
  }
  await writePrefs(tenant, prefs);
  return view(message.tabId);
}

/**
 * @param {Message<typeof MESSAGES.forget>} message
 * @returns {Promise<Reply<typeof MESSAGES.forget>>}
 */
export async function forget(message) {
  const { tenant } = message;
  if (typeof tenant !== 'string') return failure('bad_message', 'tenant must be a string');
  // Every key that names the tenant: its values, preferences and checklists (forget.js).
  await serially(() => forgetTenant(tenant));
  return view(message.tabId);
}

/**
 * @param {Message<typeof MESSAGES.forgetAll>} message
 * @returns {Promise<Reply<typeof MESSAGES.forgetAll>>}
 */
export async function forgetAll(message) {
  await serially(() => forgetTenant(null));
  return view(message.tabId);
}
