// @ts-check
// The user's settings (the options page): non-secret, in chrome.storage.local under `settings`,
// read by the pages and by the worker (how long a copied secret stays on the clipboard).

/** @import { Settings } from './types.js' */

export const SETTINGS_KEY = 'settings';

/** The clipboard clearing times the options page offers (seconds; 0: off). */
export const CLEAR_CHOICES = Object.freeze([0, 15, 30, 60, 120, 300]);

/** @type {Readonly<Settings>} */
export const DEFAULT_SETTINGS = Object.freeze({ clipboardClearSeconds: 60, classMode: false, lastPartner: null });

/**
 * The user's settings, defaults filled in.
 * @returns {Promise<Settings>}
 */
export async function loadSettings() {
  const stored = (await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] ?? {};
  return { ...DEFAULT_SETTINGS, ...stored };
}

/**
 * Changes some settings; returns them all.
 * @param {Partial<Settings>} patch
 * @returns {Promise<Settings>}
 */
export async function saveSettings(patch) {
  const next = { ...(await loadSettings()), ...patch };
  await chrome.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}
