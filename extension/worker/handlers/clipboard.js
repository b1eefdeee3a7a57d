// @ts-check
// Clearing the clipboard after a secret was copied, after the time set in the options (how
// depends on the browser: platform.js).

import * as platform from '../platform.js';
import { clearAfterSeconds, serially } from '../store.js';

/** @import { MESSAGES, Reply } from '../../shared/messages.js' */

/**
 * Schedules the clearing; a later copy restarts the timer. Answers the seconds (0: off).
 * @returns {Promise<Reply<typeof MESSAGES.secretCopied>>}
 */
export async function secretCopied() {
  const seconds = await clearAfterSeconds();
  await serially(() => platform.clearClipboardLater(seconds));
  return { ok: true, seconds };
}

/**
 * The helper that cleared the clipboard (Chromium's offscreen document) is done.
 * @returns {Promise<Reply<typeof MESSAGES.clipboardCleared>>}
 */
export async function clipboardCleared() {
  await platform.clipboardCleared();
  return { ok: true };
}
