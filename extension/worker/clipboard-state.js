// @ts-check
// What became of the last copied secret's clearing, so that a failure is shown, never
// swallowed: armed (before the copy is written), cleared, or failed (and why). Kept in
// chrome.storage.session under `clipboard` (no value, only the state and times); the popup shows
// a failure until the user dismisses it (shared/ui.js clipboardNotice).
//
// wdcap clears the clipboard itself only: clipboard history managers (Windows clipboard history,
// macOS and Linux managers) may keep their own copy, which no extension can reach
// (docs/permissions.md).

/** @import { ClipboardState } from '../shared/types.js' */

export const CLIPBOARD_KEY = 'clipboard';

const session = () => chrome.storage.session;

/** @param {ClipboardState} state */
async function write(state) {
  await session().set({ [CLIPBOARD_KEY]: state });
}

/**
 * A secret is about to be copied: clearing is armed for `seconds` from now (0: off).
 * @param {number} seconds
 */
export function clipboardArmed(seconds) {
  const at = Date.now();
  return write(seconds ? { state: 'armed', at, due: at + seconds * 1000 } : { state: 'off', at });
}

/**
 * The clearing ran: it worked, or it failed for `reason`.
 * @param {boolean} ok
 * @param {string} [reason]
 */
export function clipboardResult(ok, reason) {
  const at = Date.now();
  return write(ok ? { state: 'cleared', at } : { state: 'failed', at, reason: reason || 'the browser refused to write the clipboard' });
}

/**
 * The state now; `dismiss` marks a failure as seen.
 * @param {boolean} [dismiss]
 * @returns {Promise<ClipboardState | null>}
 */
export async function clipboardState(dismiss = false) {
  const current = /** @type {ClipboardState | undefined} */ ((await session().get(CLIPBOARD_KEY))[CLIPBOARD_KEY]);
  if (!current) return null;
  if (dismiss && current.state === 'failed' && !current.dismissed) {
    const seen = { ...current, dismissed: true };
    await write(seen);
    return seen;
  }
  return current;
}
