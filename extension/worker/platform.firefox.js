// @ts-check
// What differs between browsers, Firefox's side: the Firefox build (scripts/package.sh) puts this
// file in place of platform.js. Same exports.
//
// - Clearing the clipboard after a secret was copied: an alarm (the background page may be
//   unloaded before the time is up), then the background page writes an empty clipboard
//   (clipboardWrite permission). Whether that worked is kept (clipboard-state.js): a failure is
//   shown in the popup, never swallowed.
// - The side panel: the sidebar (manifest `sidebar_action`).

import { clipboardResult } from './clipboard-state.js';

const ALARM = 'wdcap-clear-clipboard';

/** Called once by the background page: the alarm's listener. */
export function installClipboardClearing() {
  chrome.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== ALARM) return;
    try {
      await navigator.clipboard.writeText('');
    } catch (e) {
      await clipboardResult(false, String(/** @type {Error} */ (e)?.message ?? e));
      return;
    }
    await clipboardResult(true);
  });
}

/**
 * Clears the clipboard `seconds` from now (0: only cancels a pending clearing).
 * @param {number} seconds
 */
export async function clearClipboardLater(seconds) {
  await chrome.alarms.clear(ALARM);
  if (seconds) await chrome.alarms.create(ALARM, { when: Date.now() + seconds * 1000 });
}

/** Nothing to close: no helper document in Firefox. */
export async function clipboardCleared() {}

/** Whether this browser has a side panel the popup can open. */
export const sidePanelAvailable = () => typeof browser?.sidebarAction?.open === 'function';

/** Opens the sidebar; call straight from a click (a user gesture). */
export const openSidePanel = () => /** @type {{sidebarAction: {open(): Promise<void>}}} */ (browser).sidebarAction.open();
