// @ts-check
// The extension's context menu: one table of items (MENU_ITEMS), each with the contexts it
// shows in and what a click on it does. Adding an item is one entry. The items are made again
// each time the worker starts (removeAll, then create): Chromium keeps them across restarts,
// Firefox's event page may not, and making them twice is harmless.
//
// "Check with wdcap" on selected text of any page opens the Verify page with that text checked.
// It needs the `contextMenus` permission only: the browser hands the selection to the click
// (info.selectionText); no host permission, no script in the page. The text is handed over in
// memory: kept here under a random token until the Verify page opened for it asks for it once
// (MESSAGES.takeSelection), then forgotten; forgotten anyway after HANDOVER_MS. Never stored,
// never in an address (the Verify page's address holds the token only), never sent anywhere.
//
// "Capture with wdcap as ▸ Client ID / Client Secret / …" on selected text of a Workday tenant's
// page (only there: documentUrlPatterns are the pages the content script runs on) keeps the
// selection as a value of that kind for the tab's tenant, as the core decides
// (handlers/hand.js): for a value wdcap reads on no page.

import { PAGE_PATHS } from '../shared/paths.js';
import { failure } from '../shared/messages.js';
import { HAND_KINDS } from '../shared/generated/lists.js';
import { captureSelection } from './handlers/hand.js';

/** @import { Message, Reply } from '../shared/messages.js' */

/**
 * @typedef {object} MenuItem
 * @property {string} id
 * @property {string} message the title's message key (_locales)
 * @property {chrome.contextMenus.CreateProperties["contexts"]} contexts
 * @property {string} [parentId] the submenu it sits in
 * @property {boolean} [tenantPages] shown only on Workday tenant pages
 * @property {(info: chrome.contextMenus.OnClickData, tab?: chrome.tabs.Tab) => Promise<unknown>} onClick
 */

/** How long a selection waits for its Verify page. */
export const HANDOVER_MS = 60_000;

/** @type {Map<string, string>} token → selected text, until the Verify page takes it */
const handovers = new Map();

/**
 * Opens the Verify page next to the tab the text was selected in, with the selection waiting
 * for it.
 * @param {chrome.contextMenus.OnClickData} info
 * @param {chrome.tabs.Tab} [tab]
 */
async function checkSelection(info, tab) {
  const text = info.selectionText ?? '';
  if (!text.trim()) return;
  const token = crypto.randomUUID();
  handovers.set(token, text);
  setTimeout(() => handovers.delete(token), HANDOVER_MS);
  /** @type {chrome.tabs.CreateProperties} */
  const where = { url: chrome.runtime.getURL(`${PAGE_PATHS.verify}?selection=${token}`) };
  if (tab?.id != null && tab.id >= 0) {
    where.openerTabId = tab.id;
    where.index = tab.index + 1;
    where.windowId = tab.windowId;
  }
  await chrome.tabs.create(where);
}

/** The submenu of "Capture with wdcap as", and its items' ids (`wdcap-capture-as-<kind>`). */
export const CAPTURE_AS = 'wdcap-capture-as';

/** @type {readonly MenuItem[]} */
export const MENU_ITEMS = Object.freeze([
  { id: 'wdcap-check-selection', message: 'menuCheckSelection', contexts: ['selection'], onClick: checkSelection },
  { id: CAPTURE_AS, message: 'menuCaptureAs', contexts: ['selection'], tenantPages: true, onClick: () => Promise.resolve() },
  ...HAND_KINDS.map((kind) => ({
    id: `${CAPTURE_AS}-${kind}`,
    message: `kind_${kind}`,
    contexts: /** @type {MenuItem["contexts"]} */ (['selection']),
    parentId: CAPTURE_AS,
    tenantPages: true,
    onClick: (/** @type {chrome.contextMenus.OnClickData} */ info, /** @type {chrome.tabs.Tab | undefined} */ tab) => captureSelection(kind, info, tab),
  })),
]);

/** The pages the content script runs on: Workday's tenant hosts (the manifest's one list). */
function tenantPagePatterns() {
  return chrome.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
}

/**
 * The selected text waiting under `token`, handed over once: a second ask gets null.
 * @param {string} token
 * @returns {string | null}
 */
export function takeSelection(token) {
  const text = handovers.get(token) ?? null;
  handovers.delete(token);
  return text;
}

/**
 * The Verify page asks for the selection it was opened for (router.js, MESSAGES.takeSelection).
 * @param {Message<'wdcap/take-selection'>} message
 * @returns {Promise<Reply<'wdcap/take-selection'>>}
 */
export async function handOverSelection(message) {
  const text = typeof message.token === 'string' ? takeSelection(message.token) : null;
  return text == null ? failure('gone', 'the selected text is no longer waiting') : { ok: true, text };
}

/**
 * The click handler registered with the browser.
 * @param {chrome.contextMenus.OnClickData} info
 * @param {chrome.tabs.Tab} [tab]
 */
export function onMenuClicked(info, tab) {
  const item = MENU_ITEMS.find((i) => i.id === info.menuItemId);
  return item ? item.onClick(info, tab) : Promise.resolve(null);
}

/** Makes the items (again). */
function createItems() {
  chrome.contextMenus.removeAll(() => {
    for (const item of MENU_ITEMS) {
      /** @type {chrome.contextMenus.CreateProperties} */
      const made = { id: item.id, title: chrome.i18n.getMessage(item.message), contexts: item.contexts };
      if (item.parentId) made.parentId = item.parentId;
      if (item.tenantPages) made.documentUrlPatterns = tenantPagePatterns();
      chrome.contextMenus.create(made, () => {
        // A second worker start racing the first may find the item made: nothing to do.
        void chrome.runtime.lastError;
      });
    }
  });
}

/** Registers the click handler (at the worker's top level, as an event page needs) and makes the items. */
export function installContextMenu() {
  chrome.contextMenus.onClicked.addListener(onMenuClicked);
  createItems();
}
