// @ts-check
// A partner's trainer checklist on a tenant (hand ticks and reset time in chrome.storage.local),
// its export, the evidence of an export used, and a value wdcap built that the user accepted
// (Viva Learning's SOAP endpoint). The checklist and the export are parts of the tenant's one
// view (the core runs the checks once for both).

import * as core from '../core.js';
import { readChecklistState, readRecord, serially, writeChecklistState, writeRecord } from '../store.js';
import { isPartner, keyArg, viewOf } from '../tenants.js';
import { failure } from '../../shared/messages.js';

/**
 * @import { MESSAGES, Message, Reply, ChecklistReply, ExportReply, Failure } from '../../shared/messages.js'
 * @import { RecordChange } from '../../shared/generated/core-types'
 */

/**
 * The checklist of `partner` on the record `key` (null: no tenant, a handout).
 * @param {string | null} key
 * @param {unknown} partner
 * @returns {Promise<ChecklistReply | Failure>}
 */
export async function checklistOf(key, partner) {
  if (!(await isPartner(partner))) return failure('bad_message', `unknown partner ${JSON.stringify(partner)}`);
  const id = /** @type {string} */ (partner);
  const state = await readChecklistState(key, id);
  const seen = key == null
    ? await core.tenantView('', null, { integration: id }, state, { integration: id }).then((r) => (r.ok ? { ok: /** @type {const} */ (true), view: r.report } : r))
    : await viewOf(key, { partner: id });
  if (!seen.ok) return seen;
  if (!seen.view.checklist) return failure('internal', 'the view has no checklist');
  return { ok: true, key, partner: id, since: state.since, checklist: seen.view.checklist };
}

/**
 * @param {Message<typeof MESSAGES.checklist>} message
 * @returns {Promise<Reply<typeof MESSAGES.checklist>>}
 */
export function checklist(message) {
  return checklistOf(keyArg(message), message.partner);
}

/**
 * Ticks or unticks a step by hand.
 * @param {Message<typeof MESSAGES.checklistTick>} message
 * @returns {Promise<Reply<typeof MESSAGES.checklistTick>>}
 */
export async function tick(message) {
  const key = keyArg(message);
  const { partner, step } = message;
  if (typeof step !== 'string') return failure('bad_message', 'step must be a string');
  if (!(await isPartner(partner))) return failure('bad_message', 'unknown partner');
  await serially(async () => {
    const state = await readChecklistState(key, partner);
    const manual = new Set(state.manual);
    if (message.ticked) manual.add(step);
    else manual.delete(step);
    await writeChecklistState(key, partner, { ...state, manual: [...manual] });
  });
  return checklistOf(key, partner);
}

/**
 * Starts the checklist afresh: no hand ticks, and only what is seen from now on counts.
 * @param {Message<typeof MESSAGES.checklistReset>} message
 * @returns {Promise<Reply<typeof MESSAGES.checklistReset>>}
 */
export async function resetChecklist(message) {
  const key = keyArg(message);
  const { partner } = message;
  if (!(await isPartner(partner))) return failure('bad_message', 'unknown partner');
  await serially(() => writeChecklistState(key, partner, { manual: [], since: Date.now() }));
  return checklistOf(key, partner);
}

/**
 * The export of a tenant's values for a partner.
 * @param {Message<typeof MESSAGES.export>} message
 * @returns {Promise<ExportReply | Failure>}
 */
export async function exportFor(message) {
  const key = keyArg(message);
  if (key == null) return failure('bad_message', 'key must be a record key');
  if (!(await isPartner(message.partner))) return failure('bad_message', `unknown partner ${JSON.stringify(message.partner)}`);
  // The JSON file is written at the moment of the export.
  const seen = await viewOf(key, { partner: message.partner, exportedAt: new Date().toISOString() });
  if (!seen.ok) return seen;
  if (!seen.view.export) return failure('internal', 'the view has no export');
  return { ok: true, key, partner: message.partner, export: seen.view.export };
}

/**
 * Applies a change to a record, through the core, and stores it.
 * @param {string} key
 * @param {RecordChange} what
 * @returns {Promise<{ok: true} | Failure>}
 */
async function change(key, what) {
  return serially(async () => {
    const result = await core.changeRecord(key, await readRecord(key), what);
    if (!result.ok) return result;
    await writeRecord(key, result.report);
    return { ok: /** @type {const} */ (true) };
  });
}

/**
 * The popup's "Export for partner" was used (copied or downloaded): checklist evidence.
 * @param {Message<typeof MESSAGES.exportUsed>} message
 * @returns {Promise<Reply<typeof MESSAGES.exportUsed>>}
 */
export async function exportUsed(message) {
  const key = keyArg(message);
  const { partner } = message;
  if (key == null) return failure('bad_message', 'key must be a record key');
  if (!(await isPartner(partner))) return failure('bad_message', 'unknown partner');
  return change(key, { change: 'exported', partner, at: Date.now() });
}

/**
 * Stores a value the user accepted from a checklist suggestion (the core says which kinds may
 * be added by hand).
 * @param {Message<typeof MESSAGES.acceptValue>} message
 * @returns {Promise<Reply<typeof MESSAGES.acceptValue>>}
 */
export async function acceptValue(message) {
  const key = keyArg(message);
  if (key == null) return failure('bad_message', 'key must be a record key');
  if (typeof message.value !== 'string') return failure('bad_message', 'value must be a string');
  const label = typeof message.label === 'string' ? message.label : null;
  return change(key, { change: 'add_value', kind: message.kind, value: message.value, label, at: Date.now() });
}
