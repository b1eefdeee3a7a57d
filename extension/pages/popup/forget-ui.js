// @ts-check
// Forgetting, as the popup and the side panel offer it: the button asks first (a secret Workday
// shows only once may be among the values), and once done a bar offers to take it back for as
// long as the worker keeps what was removed (worker/undo.js: a few seconds, in its memory only).

import { announce, ask, confirmStep, h, t } from '../../shared/ui.js';
import { MESSAGES } from '../../shared/messages.js';

/**
 * @import { Failure, ForgetReply } from '../../shared/messages.js'
 * @import { ViewState } from '../../shared/types.js'
 */

/**
 * The bar that offers "Undo" after a forgetting; one per page, outside the re-rendered content.
 * @param {() => number | null} tabId the tab the page shows
 * @param {(state: ViewState | Failure) => void} render
 */
export function undoBar(tabId, render) {
  const text = h('span', { class: 'undo-text' });
  const button = h('button', { type: 'button', class: 'undo' }, t('undo'));
  const bar = h('div', { class: 'undo-bar', role: 'status', hidden: true }, text, button);
  /** @type {string | null} */
  let token = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const hide = () => {
    bar.hidden = true;
    token = null;
    clearTimeout(timer);
  };
  button.addEventListener('click', async () => {
    const mine = token;
    hide();
    if (!mine) return;
    const reply = await ask({ type: MESSAGES.undoForget, token: mine, tabId: tabId() });
    render(reply);
    announce(reply.ok ? t('undone') : t('undoTooLate'));
  });
  return {
    bar,
    /**
     * Offers to take back the forgetting that answered `reply`.
     * @param {ForgetReply} reply
     * @param {string} what what was forgotten, as the user reads it
     */
    offer(reply, what) {
      clearTimeout(timer);
      if (!reply.undo) return hide();
      token = reply.undo;
      const seconds = Math.round(reply.undoMs / 1000);
      text.textContent = t('forgottenUndo', what, seconds);
      bar.hidden = false;
      timer = setTimeout(hide, reply.undoMs);
      button.focus();
    },
  };
}

/**
 * A forget button that asks first, then forgets and offers the undo.
 * @param {object} options
 * @param {string} options.id which forgetting (the tenant's key, or everything)
 * @param {string} options.label the button's text
 * @param {string} options.question what the confirmation asks
 * @param {string} options.className the button's class
 * @param {() => Promise<ForgetReply | Failure>} options.send asks the worker to forget
 * @param {(state: ViewState | Failure) => void} options.render
 * @param {(reply: ForgetReply) => void} options.done offers the undo
 * @param {HTMLButtonElement} [options.button] an existing button of the page's markup
 */
export function forgetControl({ id, label, question, className, send, render, done, button }) {
  const forget = button ?? /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: className }, label));
  const confirm = confirmStep({
    message: question,
    confirmLabel: t('forgetConfirmYes'),
    className: 'forget-confirm',
    keep: `forget\u0000${id}`,
    onConfirm: async () => {
      const reply = await send();
      render(reply);
      if (reply.ok) done(reply);
    },
  });
  // Asked and not yet answered, the question stays open across re-renders (confirmStep's keep).
  forget.addEventListener('click', () => confirm.ask());
  return { forget, box: confirm.box };
}
