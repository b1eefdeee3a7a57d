// @ts-check
// The options page: how long a copied secret stays on the clipboard, class mode, forgetting
// every captured value. Settings are non-secret and kept in chrome.storage.local.

import { ask, byId, h, localize, t } from '../../shared/ui.js';
import { CLEAR_CHOICES, loadSettings, saveSettings } from '../../shared/settings.js';
import { MESSAGES } from '../../shared/messages.js';

const select = byId('clear-after', HTMLSelectElement);
const classBox = byId('class-mode', HTMLInputElement);
const saved = byId('saved');

/** @param {number} seconds */
function choiceText(seconds) {
  if (!seconds) return t('clearOff');
  if (seconds < 60) return t('clearSeconds', seconds);
  return seconds === 60 ? t('clearOneMinute') : t('clearMinutes', seconds / 60);
}

/** @param {string} text */
function say(text) {
  saved.textContent = text;
}

async function main() {
  localize();
  const settings = await loadSettings();
  const choices = CLEAR_CHOICES.includes(settings.clipboardClearSeconds)
    ? CLEAR_CHOICES
    : [...CLEAR_CHOICES, settings.clipboardClearSeconds].sort((a, b) => a - b);
  for (const seconds of choices) {
    select.append(h('option', { value: String(seconds), text: choiceText(seconds), selected: seconds === settings.clipboardClearSeconds }));
  }
  classBox.checked = settings.classMode;
  select.addEventListener('change', async () => {
    await saveSettings({ clipboardClearSeconds: Number(select.value) });
    say(t('saved'));
  });
  classBox.addEventListener('change', async () => {
    await saveSettings({ classMode: classBox.checked });
    say(t('saved'));
  });
  byId('forget-all').addEventListener('click', async () => {
    const reply = await ask({ type: MESSAGES.forgetAll });
    say(reply.ok ? t('forgottenAll') : t('couldNotLoad', reply.error?.message ?? '?'));
  });
  document.body.dataset.ready = 'true';
}

main();
