// @ts-check
// Clearing the clipboard after a secret was copied, after the time set in the options (how
// depends on the browser: platform.js). The page asks for the clearing BEFORE it writes the
// secret, so the timer runs even if the page closes right after the copy; what became of the
// clearing is kept (clipboard-state.js) and a failure is shown in the popup.

import * as platform from '../platform.js';
import { clearAfterSeconds } from '../store.js';
import { clipboardArmed, clipboardResult, clipboardState } from '../clipboard-state.js';

/** @import { MESSAGES, Message, Reply } from '../../shared/messages.js' */

// Two copies in a row must not interleave their timers; a queue of its own, so that arming (which
// the page waits for before it writes) never waits behind the captures' record updates.
/** @type {Promise<unknown>} */
let timers = Promise.resolve();

/**
 * Schedules the clearing (a secret is about to be copied); a later copy restarts the timer.
 * Answers the seconds (0: off).
 * @returns {Promise<Reply<typeof MESSAGES.secretCopied>>}
 */
export async function secretCopied() {
  const seconds = await clearAfterSeconds();
  const arm = async () => {
    await platform.clearClipboardLater(seconds);
    await clipboardArmed(seconds);
  };
  const armed = timers.then(arm, arm);
  timers = armed.catch(() => {});
  await armed;
  return { ok: true, seconds };
}

/**
 * The helper that cleared the clipboard (Chromium's offscreen document) is done: it says whether
 * the clearing worked.
 * @param {Message<typeof MESSAGES.clipboardCleared>} message
 * @returns {Promise<Reply<typeof MESSAGES.clipboardCleared>>}
 */
export async function clipboardCleared(message) {
  await clipboardResult(message?.ok !== false, typeof message?.reason === 'string' ? message.reason : undefined);
  await platform.clipboardCleared();
  return { ok: true };
}

/**
 * What became of the last clearing; `dismiss` marks a failure as seen.
 * @param {Message<typeof MESSAGES.clipboardStatus>} message
 * @returns {Promise<Reply<typeof MESSAGES.clipboardStatus>>}
 */
export async function clipboardStatus(message) {
  return { ok: true, clipboard: await clipboardState(message?.dismiss === true) };
}
