// @ts-check
// Values captured by hand: a selection on a Workday tenant's page that the admin named with the
// context menu ("Capture with wdcap as ▸ Client ID" …), or a value typed into the popup's or side
// panel's "Add a value". The core decides whether it is kept and how (src/evidence/hand.rs: the
// page must be the tenant's own admin page, the kind one of HAND_KINDS); it is then kept in the
// tenant's record like any capture (chrome.storage.session: secrets never reach storage.local),
// checked, and counted by the checklist and the export.

import * as core from '../core.js';
import { readRecord, serially, writeRecord } from '../store.js';
import { keyArg, keyOfUrl } from '../tenants.js';
import { view } from './view.js';
import { failure } from '../../shared/messages.js';
import { HAND_KINDS } from '../../shared/generated/lists.js';

/**
 * @import { MESSAGES, Message, Reply, Failure } from '../../shared/messages.js'
 * @import { ParamKind } from '../../shared/generated/core-types'
 */

/**
 * @param {unknown} kind
 * @returns {kind is ParamKind}
 */
function isHandKind(kind) {
  return typeof kind === 'string' && /** @type {readonly string[]} */ (HAND_KINDS).includes(kind);
}

/**
 * Keeps a value given by hand in the record `key`, as the core decides.
 * @param {string} key
 * @param {{kind: ParamKind, value: string, pageUrl?: string | null, client?: string | null}} given
 * @returns {Promise<{ok: true} | Failure>}
 */
export function keepByHand(key, { kind, value, pageUrl = null, client = null }) {
  return serially(async () => {
    const change = { change: /** @type {const} */ ('by_hand'), kind, value, page_url: pageUrl, client, at: Date.now() };
    const result = await core.changeRecord(key, await readRecord(key), change);
    if (!result.ok) return result;
    await writeRecord(key, result.report);
    return { ok: /** @type {const} */ (true) };
  });
}

/**
 * The context menu's "Capture with wdcap as ▸ <kind>": the selection, on the tab's tenant.
 * @param {ParamKind} kind
 * @param {chrome.contextMenus.OnClickData} info
 * @param {chrome.tabs.Tab} [tab]
 * @returns {Promise<{ok: true} | Failure>}
 */
export async function captureSelection(kind, info, tab) {
  const value = info.selectionText ?? '';
  // The browser's record of the tab, not the page's word (a frame's address is not the tab's).
  const pageUrl = tab?.url ?? info.pageUrl ?? '';
  const key = await keyOfUrl(pageUrl);
  if (key == null) return failure('not_a_tenant_page', 'the page is not a Workday tenant’s admin page');
  return keepByHand(key, { kind, value, pageUrl });
}

/**
 * The popup's and side panel's "Add a value": a value typed in, for the tenant or one of its API
 * clients. Answers with the view again, the value in it.
 * @param {Message<typeof MESSAGES.addValue>} message
 * @returns {Promise<Reply<typeof MESSAGES.addValue>>}
 */
export async function addValue(message) {
  const key = keyArg(message);
  if (key == null) return failure('bad_message', 'key must be a record key');
  if (!isHandKind(message.kind)) return failure('bad_message', `kind must be one of ${HAND_KINDS.join(', ')}`);
  if (typeof message.value !== 'string') return failure('bad_message', 'value must be a string');
  const client = typeof message.client === 'string' && message.client ? message.client : null;
  const kept = await keepByHand(key, { kind: message.kind, value: message.value, client });
  if (!kept.ok) return kept;
  return view(message.tabId);
}
