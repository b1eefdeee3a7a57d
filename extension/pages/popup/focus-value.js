// @ts-check
// The side panel opened from a mark on a Workday page shows that mark's value: scrolled into
// view, focused and outlined. The worker keeps which value (handlers/open-panel.js): a panel that
// opens asks for it once; a panel already open is sent it.

import { ask } from '../../shared/ui.js';
import { FOCUS_VALUE, MESSAGES } from '../../shared/messages.js';

/** @import { FocusTarget } from '../../shared/messages.js' */

/**
 * The row of `target` among the tab's tenant's values: the one under its label, else the first
 * of its kind.
 * @param {HTMLElement} app
 * @param {FocusTarget} target
 */
function rowOf(app, target) {
  const rows = [...app.querySelectorAll('.tenant.current li.value')].filter((li) => li instanceof HTMLElement && li.dataset.kind === target.kind);
  const labelled = target.label ? rows.find((li) => li.querySelector('.value-label')?.textContent?.trim() === target.label) : undefined;
  return /** @type {HTMLElement | undefined} */ (labelled ?? rows[0]);
}

/** @type {FocusTarget | null} the value shown last: outlined again after each re-render */
let shown = null;

/**
 * Outlines `target`'s row (none: false).
 * @param {HTMLElement} app
 * @param {FocusTarget} target
 */
function outline(app, target) {
  const row = rowOf(app, target);
  if (!row) return null;
  for (const old of app.querySelectorAll('li.value.focused')) if (old !== row) old.classList.remove('focused');
  row.classList.add('focused');
  row.tabIndex = -1;
  return row;
}

/**
 * Shows `target` once the values are rendered (they may still be on their way).
 * @param {HTMLElement} app
 * @param {FocusTarget} target
 */
function show(app, target, tries = 40) {
  shown = target;
  const row = outline(app, target);
  if (!row) {
    if (tries > 0) setTimeout(() => show(app, target, tries - 1), 150);
    return;
  }
  row.scrollIntoView({ block: 'center' });
  row.focus({ preventScroll: true });
}

/**
 * Follows the values the worker asks this side panel to show.
 * @param {HTMLElement} app
 * @param {number | null} windowId the panel's window
 */
export async function followFocus(app, windowId) {
  if (windowId == null) return;
  // The values are rendered anew on every change: the value shown stays outlined.
  new MutationObserver(() => {
    if (shown && !app.querySelector('li.value.focused')) outline(app, shown);
  }).observe(app, { childList: true });
  chrome.runtime.onMessage.addListener((message) => {
    if (message?.type === FOCUS_VALUE && message.windowId === windowId) show(app, { kind: message.kind, label: message.label ?? null });
  });
  const reply = await ask({ type: MESSAGES.takeFocus, windowId });
  if (reply.ok && reply.target) show(app, reply.target);
}
