// @ts-check
// Opening the side panel at a value: a mark on a Workday page was clicked (or Enter/Space pressed
// on it), or the keyboard shortcut was pressed. chrome.sidePanel.open (Firefox:
// sidebarAction.open) needs the user's gesture, so it is called first, before anything is
// awaited, in the handler of the message the click sent. Which value to show is kept here, in
// memory, per window, for the panel to ask once (a panel that opens now) and sent to a panel
// already open.

import { openSidePanel } from '../platform.js';
import { FOCUS_VALUE, failure } from '../../shared/messages.js';

/** @import { MESSAGES, Message, Reply, Failure } from '../../shared/messages.js' */

/** How long a panel that opens may still ask for the value it was opened for. */
const WANTED_MS = 30_000;

/** @type {Map<number, {kind: string, label: string | null, at: number}>} windowId → the value to show */
const wanted = new Map();

/** Diagnostics and the tests: how often the panel opened, or why it did not. */
export const panelStats = { opened: 0, failed: 0, lastError: /** @type {string | null} */ (null) };

/**
 * Opens the side panel of `windowId` (a user gesture must be under way).
 * @param {number | null} windowId
 * @returns {Promise<{ok: true} | Failure>}
 */
export function openPanel(windowId) {
  let opening;
  try {
    opening = Promise.resolve(openSidePanel(windowId));
  } catch (e) {
    opening = Promise.reject(e);
  }
  return opening.then(
    () => {
      panelStats.opened += 1;
      return { ok: /** @type {const} */ (true) };
    },
    (e) => {
      panelStats.failed += 1;
      panelStats.lastError = String(e?.message ?? e);
      return failure('not_opened', panelStats.lastError);
    },
  );
}

/**
 * A mark was clicked: the side panel of its tab's window, at its value.
 * @param {Message<typeof MESSAGES.openAt>} message
 * @param {chrome.runtime.MessageSender} sender
 * @returns {Promise<Reply<typeof MESSAGES.openAt>>}
 */
export function openAt(message, sender) {
  if (typeof message.kind !== 'string') return Promise.resolve(failure('bad_message', 'kind must be a string'));
  const windowId = sender.tab?.windowId ?? null;
  const opened = openPanel(windowId); // before anything is awaited: in the gesture
  const target = { kind: message.kind, label: typeof message.label === 'string' ? message.label : null };
  if (windowId != null) {
    wanted.set(windowId, { ...target, at: Date.now() });
    // A panel already open shows it now (no panel open: nobody listens, which is fine).
    chrome.runtime.sendMessage({ type: FOCUS_VALUE, windowId, ...target }).catch(() => {});
  }
  return opened;
}

/**
 * The value the panel of `windowId` was opened for, handed over once.
 * @param {Message<typeof MESSAGES.takeFocus>} message
 * @returns {Promise<Reply<typeof MESSAGES.takeFocus>>}
 */
export async function takeFocus(message) {
  const windowId = Number(message.windowId);
  const target = wanted.get(windowId);
  wanted.delete(windowId);
  const fresh = target && Date.now() - target.at < WANTED_MS;
  return { ok: true, target: fresh ? { kind: target.kind, label: target.label } : null };
}

/** The keyboard shortcut (manifest `commands`): the side panel of the window it was pressed in. */
export function installShortcut() {
  chrome.commands?.onCommand.addListener(onCommand);
}

/**
 * @param {string} command
 * @param {chrome.tabs.Tab} [tab]
 */
export function onCommand(command, tab) {
  return command === OPEN_PANEL_COMMAND ? openPanel(tab?.windowId ?? null) : Promise.resolve(null);
}

/** The command's name in the manifest. */
export const OPEN_PANEL_COMMAND = 'open-side-panel';
