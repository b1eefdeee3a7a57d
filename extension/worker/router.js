// @ts-check
// Every message the worker answers, in one table: its name (shared/messages.js), who may send it,
// and its handler. The sender guard is applied here, once, for every message and port.
//
// Only this extension can message the worker: the manifest's externally_connectable lets no other
// extension and no web page connect (Chromium), and whatever comes from outside anyway (Firefox
// has no such key) is refused here, message and port alike. Within the extension, content
// scripts, which run beside Workday's pages, may only send snapshots, and only the extension's
// own pages may ask for views, change preferences or run the live test.

import * as core from './core.js';
import { onSnapshot } from './handlers/capture.js';
import { forget, forgetAll, setPrefs, undoForget, view } from './handlers/view.js';
import { acceptValue, checklist, exportFor, exportUsed, resetChecklist, tick } from './handlers/partner.js';
import { addValue } from './handlers/hand.js';
import { openAt, takeFocus } from './handlers/open-panel.js';
import { clipboardCleared, clipboardStatus, secretCopied } from './handlers/clipboard.js';
import { partners } from './tenants.js';
import { handOverSelection } from './context-menu.js';
import { thisPage } from './this-page.js';
import { onLivePort } from './live-worker.js';
import { readPrefs, readRecord, serially, writeRecord } from './store.js';
import { LIVE_PORT, MESSAGES, failure } from '../shared/messages.js';

/** @import { Failure, Message, MessageType, Reply } from '../shared/messages.js' */

/**
 * Who may send: a test of the sender, and what a refused message is told.
 * @typedef {{allows: (sender: chrome.runtime.MessageSender) => boolean, refusal: string}} SenderKind
 */

/** The extension's own pages (popup, side panel, checklist, verify, options, offscreen). */
const fromExtensionPage = (/** @type {chrome.runtime.MessageSender} */ sender) =>
  sender.id === chrome.runtime.id && String(sender.url ?? '').startsWith(chrome.runtime.getURL(''));

export const SENDERS = Object.freeze({
  /** @type {SenderKind} */
  page: { allows: fromExtensionPage, refusal: 'not from an extension page' },
  /** A content script in a tab (not an extension page shown in one). @type {SenderKind} */
  content: {
    allows: (sender) => sender.id === chrome.runtime.id && sender.tab != null && !fromExtensionPage(sender),
    refusal: 'not from a content script',
  },
});

/**
 * @template {MessageType} T
 * @typedef {{from: keyof typeof SENDERS, handle: (message: Message<T>, sender: chrome.runtime.MessageSender) => Promise<Reply<T>>}} Route
 */

/** @type {{[T in MessageType]: Route<T>}} */
export const ROUTES = {
  [MESSAGES.snapshot]: { from: 'content', handle: onSnapshot },
  [MESSAGES.openAt]: { from: 'content', handle: openAt },
  [MESSAGES.takeFocus]: { from: 'page', handle: takeFocus },
  [MESSAGES.view]: { from: 'page', handle: (m) => view(m.tabId) },
  [MESSAGES.setPrefs]: { from: 'page', handle: setPrefs },
  [MESSAGES.forget]: { from: 'page', handle: forget },
  [MESSAGES.forgetAll]: { from: 'page', handle: forgetAll },
  [MESSAGES.undoForget]: { from: 'page', handle: undoForget },
  [MESSAGES.partners]: { from: 'page', handle: partners },
  [MESSAGES.checklist]: { from: 'page', handle: checklist },
  [MESSAGES.checklistTick]: { from: 'page', handle: tick },
  [MESSAGES.checklistReset]: { from: 'page', handle: resetChecklist },
  [MESSAGES.export]: { from: 'page', handle: exportFor },
  [MESSAGES.exportUsed]: { from: 'page', handle: exportUsed },
  [MESSAGES.acceptValue]: { from: 'page', handle: acceptValue },
  [MESSAGES.addValue]: { from: 'page', handle: addValue },
  [MESSAGES.secretCopied]: { from: 'page', handle: secretCopied },
  [MESSAGES.clipboardCleared]: { from: 'page', handle: clipboardCleared },
  [MESSAGES.clipboardStatus]: { from: 'page', handle: clipboardStatus },
  [MESSAGES.takeSelection]: { from: 'page', handle: handOverSelection },
  [MESSAGES.thisPage]: { from: 'page', handle: thisPage },
};

/**
 * The answer to `message` from `sender`: its handler's, or a Failure when the type is unknown
 * or the sender may not send it.
 * @param {unknown} message
 * @param {chrome.runtime.MessageSender} sender
 * @returns {Promise<Reply<MessageType> | Failure>}
 */
export async function route(message, sender) {
  const type = /** @type {{type?: unknown} | null | undefined} */ (message)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(ROUTES, type)) {
    return failure('bad_message', `unknown message type ${JSON.stringify(type)}`);
  }
  const { from, handle } = /** @type {Route<MessageType>} */ (ROUTES[/** @type {MessageType} */ (type)]);
  if (!SENDERS[from].allows(sender)) return failure('forbidden', SENDERS[from].refusal);
  return handle(/** @type {Message<MessageType>} */ (message), sender);
}

/**
 * The ports the worker accepts, by name: who may open one and what serves it.
 * @type {Record<string, {from: keyof typeof SENDERS, connect: (port: chrome.runtime.Port) => void}>}
 */
export const PORTS = {
  [LIVE_PORT]: {
    from: 'page',
    connect: (port) => onLivePort(port, { core, serially, readRecord, writeRecord, readPrefs }),
  },
};

/** @param {chrome.runtime.Port} port */
export function connect(port) {
  if (!Object.hasOwn(PORTS, port.name)) return;
  const { from, connect: serve } = PORTS[port.name];
  if (!SENDERS[from].allows(port.sender ?? {})) {
    port.disconnect();
    return;
  }
  serve(port);
}

/**
 * The answer to a message from another extension or a web page: a refusal, whatever it asks.
 * @param {unknown} _message
 * @param {chrome.runtime.MessageSender} _sender
 * @param {(reply: Failure) => void} sendResponse
 */
export function refuseExternal(_message, _sender, sendResponse) {
  sendResponse(failure('forbidden', 'not from this extension'));
  return false;
}

/**
 * A port another extension or a web page opened: closed at once, nothing read from it.
 * @param {chrome.runtime.Port} port
 */
export function refuseExternalPort(port) {
  port.disconnect();
}

/** Answers every message and port (called once, by background.js); refuses any from outside. */
export function installRouter() {
  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    route(message, sender).then(sendResponse, (e) => sendResponse(failure('internal', String(e?.message ?? e))));
    return true; // the answer comes asynchronously
  });
  chrome.runtime.onConnect.addListener(connect);
  chrome.runtime.onMessageExternal?.addListener(refuseExternal);
  chrome.runtime.onConnectExternal?.addListener(refuseExternalPort);
}
