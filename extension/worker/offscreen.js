// @ts-check
// Chromium only: the offscreen document the worker opens after a secret was copied (reason
// CLIPBOARD). It holds the timer (the worker itself may be stopped meanwhile), clears the
// clipboard when the time is up, and tells the worker, which closes it. A later copy replaces
// the document, and with it the timer. Its address carries the deadline: `worker/offscreen.html#<ms>`.
//
// The clipboard cannot be read without the clipboardRead permission, which wdcap does not ask
// for: the clipboard is cleared whatever it holds by then.

import { MESSAGES } from '../shared/messages.js';

const deadline = Number(location.hash.slice(1));

function clear() {
  // An offscreen document has no focus, so navigator.clipboard is refused; a copy command whose
  // data is set by the copy event works (the documented way for reason CLIPBOARD).
  const onCopy = (/** @type {ClipboardEvent} */ event) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  let ok = false;
  let reason;
  try {
    ok = document.execCommand('copy');
  } catch (e) {
    reason = String(/** @type {Error} */ (e)?.message ?? e);
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  // The worker keeps the outcome: a failure is shown in the popup, never swallowed.
  chrome.runtime.sendMessage({ type: MESSAGES.clipboardCleared, ok, ...(reason ? { reason } : {}) }).catch(() => {});
}

if (Number.isFinite(deadline)) setTimeout(clear, Math.max(0, deadline - Date.now()));
