// @ts-check
// What the worker reads about a tenant through the core: the tenant an address names, the
// checked view of everything captured, a partner's checklist and export. The message handlers
// (handlers/) answer with these.

import * as core from './core.js';
import { checkOptions, evidence, exportedSince, pagesSeen } from './captures.js';
import { readChecklistState, readPrefs, readRecord } from './store.js';
import { failure } from '../shared/messages.js';

/**
 * @import { Partner, ReportView, ErrorValue, ParamInput, Setting } from '../shared/generated/core-types'
 * @import { ChecklistReply, ExportReply, Failure, PartnersReply } from '../shared/messages.js'
 * @import { Prefs, TenantRecord } from '../shared/types.js'
 */

/**
 * The tenant a Workday address names, as the core reads it (null when none).
 * @param {unknown} url
 * @returns {Promise<string | null>}
 */
export async function tenantOfUrl(url) {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return null;
  const result = await core.checkText(url, {});
  if (!result.ok) return null;
  const params = result.report.params;
  return (params.find((p) => p.kind === 'ui_url' && p.tenant) ?? params.find((p) => p.tenant))?.tenant ?? null;
}

/**
 * What the user told wdcap about the tenant, added to its evidence: which security group is the
 * integration's (when the pages list several and none says which).
 * @template {{settings: Setting[]}} E
 * @param {E} ev
 * @param {Prefs} prefs
 * @returns {E}
 */
function withChoices(ev, prefs) {
  if (typeof prefs?.securityGroup === 'string' && prefs.securityGroup) {
    ev.settings.push({ name: 'security_group', value: prefs.securityGroup });
  }
  return ev;
}

/** @type {{params: ParamInput[], settings: Setting[]}} */
const NOTHING = { params: [], settings: [] };

/**
 * Checks everything captured for `tenant`; null when nothing is.
 * @param {string} tenant
 * @returns {Promise<null | {record: TenantRecord, prefs: Prefs, report?: ReportView, error?: ErrorValue}>}
 */
export async function checkTenant(tenant) {
  const record = await readRecord(tenant);
  if (!record) return null;
  const prefs = await readPrefs(tenant);
  const checked = await core.checkParams(withChoices(evidence(record), prefs), checkOptions(prefs));
  if (!checked.ok) return { record, prefs, error: checked.error };
  return { record, prefs, report: checked.report };
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
 * The checklist of `partner` on `tenant` (null: no tenant, nothing gathered).
 * @param {string | null} tenant
 * @param {unknown} partner
 * @returns {Promise<ChecklistReply | Failure>}
 */
export async function checklistOf(tenant, partner) {
  if (!(await isPartner(partner))) return failure('bad_message', `unknown partner ${JSON.stringify(partner)}`);
  const id = /** @type {string} */ (partner);
  const state = await readChecklistState(tenant, id);
  const record = tenant == null ? undefined : await readRecord(tenant);
  const prefs = tenant == null ? {} : await readPrefs(tenant);
  const gathered = withChoices(record ? evidence(record, state.since) : structuredClone(NOTHING), prefs);
  const result = await core.checklist(
    id,
    { pages: pagesSeen(record, state.since), ...gathered, manual: state.manual, exported: exportedSince(record, state.since) },
    checkOptions(prefs),
  );
  if (!result.ok) return result;
  return { ok: true, tenant, partner: id, since: state.since, checklist: result.report };
}

/**
 * The export of `tenant`'s values for `partner`.
 * @param {string} tenant
 * @param {unknown} partner
 * @returns {Promise<ExportReply | Failure>}
 */
export async function exportOf(tenant, partner) {
  if (!(await isPartner(partner))) return failure('bad_message', `unknown partner ${JSON.stringify(partner)}`);
  const id = /** @type {string} */ (partner);
  const record = await readRecord(tenant);
  const prefs = await readPrefs(tenant);
  const result = await core.exportFor(id, withChoices(record ? evidence(record) : structuredClone(NOTHING), prefs), checkOptions(prefs));
  if (!result.ok) return result;
  return { ok: true, tenant, partner: id, export: result.report };
}
