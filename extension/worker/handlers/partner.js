// @ts-check
// A partner's trainer checklist on a tenant (hand ticks and reset time in chrome.storage.local),
// its export, the evidence of an export used, and a value wdcap built that the user accepted
// (Viva Learning's SOAP endpoint).

import { addParam, markExported } from '../captures.js';
import { readChecklistState, readRecord, serially, writeChecklistState, writeRecord } from '../store.js';
import { checklistOf, exportOf, isPartner } from '../tenants.js';
import { failure } from '../../shared/messages.js';

/**
 * @import { MESSAGES, Message, Reply } from '../../shared/messages.js'
 * @import { ParamKind } from '../../shared/generated/core-types'
 */

/** @param {{tenant?: unknown}} message */
const tenantArg = (message) => (typeof message.tenant === 'string' ? message.tenant : null);

/**
 * @param {Message<typeof MESSAGES.checklist>} message
 * @returns {Promise<Reply<typeof MESSAGES.checklist>>}
 */
export function checklist(message) {
  return checklistOf(tenantArg(message), message.partner);
}

/**
 * Ticks or unticks a step by hand.
 * @param {Message<typeof MESSAGES.checklistTick>} message
 * @returns {Promise<Reply<typeof MESSAGES.checklistTick>>}
 */
export async function tick(message) {
  const tenant = tenantArg(message);
  const { partner, step } = message;
  if (typeof step !== 'string') return failure('bad_message', 'step must be a string');
  if (!(await isPartner(partner))) return failure('bad_message', 'unknown partner');
  await serially(async () => {
    const state = await readChecklistState(tenant, partner);
    const manual = new Set(state.manual);
    if (message.ticked) manual.add(step);
    else manual.delete(step);
    await writeChecklistState(tenant, partner, { ...state, manual: [...manual] });
  });
  return checklistOf(tenant, partner);
}

/**
 * Starts the checklist afresh: no hand ticks, and only what is seen from now on counts.
 * @param {Message<typeof MESSAGES.checklistReset>} message
 * @returns {Promise<Reply<typeof MESSAGES.checklistReset>>}
 */
export async function resetChecklist(message) {
  const tenant = tenantArg(message);
  const { partner } = message;
  if (!(await isPartner(partner))) return failure('bad_message', 'unknown partner');
  await serially(() => writeChecklistState(tenant, partner, { manual: [], since: Date.now() }));
  return checklistOf(tenant, partner);
}

/**
 * @param {Message<typeof MESSAGES.export>} message
 * @returns {Promise<Reply<typeof MESSAGES.export>>}
 */
export async function exportFor(message) {
  const tenant = tenantArg(message);
  if (tenant == null) return failure('bad_message', 'tenant must be a string');
  return exportOf(tenant, message.partner);
}

/**
 * The popup's "Export for partner" was used (copied or downloaded): checklist evidence.
 * @param {Message<typeof MESSAGES.exportUsed>} message
 * @returns {Promise<Reply<typeof MESSAGES.exportUsed>>}
 */
export async function exportUsed(message) {
  const tenant = tenantArg(message);
  const { partner } = message;
  if (tenant == null) return failure('bad_message', 'tenant must be a string');
  if (!(await isPartner(partner))) return failure('bad_message', 'unknown partner');
  await serially(async () => writeRecord(markExported(await readRecord(tenant), tenant, partner, Date.now())));
  return { ok: true };
}

/** The kinds of value the checklist may build and the user accept. @type {readonly ParamKind[]} */
const ADDABLE_KINDS = ['soap_endpoint'];

/**
 * Stores a value the user accepted from a checklist suggestion.
 * @param {Message<typeof MESSAGES.acceptValue>} message
 * @returns {Promise<Reply<typeof MESSAGES.acceptValue>>}
 */
export async function acceptValue(message) {
  const tenant = tenantArg(message);
  const { kind, value } = message;
  if (tenant == null) return failure('bad_message', 'tenant must be a string');
  if (!ADDABLE_KINDS.includes(kind)) return failure('bad_message', `kind must be one of ${ADDABLE_KINDS.join(', ')}`);
  if (typeof value !== 'string' || !value.trim() || value.length > 2048) {
    return failure('bad_message', 'value must be a non-empty string');
  }
  const label = typeof message.label === 'string' ? message.label : null;
  await serially(async () => writeRecord(addParam(await readRecord(tenant), tenant, { kind, value: value.trim(), label }, Date.now())));
  return { ok: true };
}
