// @ts-check
// What differs between browsers, Chromium's side (Chrome, Edge). The Firefox build replaces this
// file with platform.firefox.js (scripts/package.sh), so each build holds only the APIs its
// browser has.
//
// - Clearing the clipboard after a secret was copied: an offscreen document (reason CLIPBOARD)
//   holds the timer, since the service worker may be stopped before the time is up, and clears
//   the clipboard with a copy command (clipboardWrite permission). A later copy replaces the
//   document, and with it the timer.
// - The side panel: chrome.sidePanel (manifest `side_panel`).

const OFFSCREEN_PATH = 'worker/offscreen.html';

async function closeHelper() {
  try {
    if (await chrome.offscreen.hasDocument()) await chrome.offscreen.closeDocument();
  } catch {
    // Already gone.
  }
}

/** Called once by the worker (nothing to install: the offscreen document does the work). */
export function installClipboardClearing() {}

/**
 * Clears the clipboard `seconds` from now (0: only cancels a pending clearing).
 * @param {number} seconds
 */
export async function clearClipboardLater(seconds) {
  await closeHelper();
  if (!seconds) return;
  await chrome.offscreen.createDocument({
    url: `${OFFSCREEN_PATH}#${Date.now() + seconds * 1000}`,
    reasons: ['CLIPBOARD'],
    justification: 'Clears a copied secret from the clipboard after the time set in the options.',
  });
}

/** The helper that cleared the clipboard is done (its message to the worker). */
export const clipboardCleared = closeHelper;

/** Whether this browser has a side panel the popup can open. */
export const sidePanelAvailable = () => typeof chrome.sidePanel?.open === 'function';

/**
 * Opens the side panel of window `windowId`; call straight from a click (a user gesture). Without
 * a window it fails, and the popup says so.
 * @param {number | null} windowId
 */
export const openSidePanel = (windowId) => chrome.sidePanel.open({ windowId: /** @type {number} */ (windowId) });
