// @ts-check
// Class mode, visible where it acts: a badge saying it is on (secrets hidden, explanations
// larger) with a switch to turn it on or off, in the popup and the side panel (the options page
// has the same setting). The setting is the user's (shared/settings.js); every open page follows
// a change (chrome.storage.onChanged).

import { h, t } from './ui.js';
import { saveSettings } from './settings.js';

/**
 * The badge and its switch; `update` shows the setting as it is now.
 * @param {boolean} on class mode now
 */
export function classBadge(on) {
  const badge = h('span', { class: 'class-badge', role: 'status', text: t('classModeOn') });
  const toggle = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'class-toggle quiet', 'aria-pressed': String(on) }, t('classMode')));
  const box = h('div', { class: 'class-mode' }, badge, toggle);
  const update = (/** @type {boolean} */ now) => {
    badge.hidden = !now;
    toggle.setAttribute('aria-pressed', String(now));
    box.dataset.on = String(now);
  };
  toggle.addEventListener('click', async () => {
    const next = toggle.getAttribute('aria-pressed') !== 'true';
    update(next);
    await saveSettings({ classMode: next });
  });
  update(on);
  return { box, update };
}
