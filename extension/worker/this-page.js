// @ts-check
// What the "This page" strip of the popup and side panel says about a tab: the page wdcap read
// there last and what it read (the kinds of the values, the settings as the core says them), or
// that the page is still loading, or that wdcap does not know it (with its structure for a bug
// report: every value shaped by the core, never a captured one). Kept in the worker's memory
// only, one entry per tab, dropped when the tab closes: never written to storage, never sent.

/**
 * @import { ThisPage } from '../shared/messages.js'
 */

/** @type {Map<number, ThisPage>} */
const pages = new Map();

/**
 * Notes what the tab's last snapshot was.
 * @param {number | undefined} tabId
 * @param {ThisPage} entry
 */
export function notePage(tabId, entry) {
  if (tabId == null) return;
  pages.set(tabId, entry);
}

/**
 * What the strip says for a tab (null: no snapshot of it has come since the worker started).
 * @param {unknown} tabId
 * @returns {ThisPage | null}
 */
export function pageOf(tabId) {
  return Number.isInteger(tabId) ? (pages.get(/** @type {number} */ (tabId)) ?? null) : null;
}

/** Drops a closed tab's entry. */
export function installThisPage() {
  chrome.tabs?.onRemoved?.addListener((tabId) => pages.delete(tabId));
}

/**
 * @param {{tabId?: number | null}} message
 * @returns {Promise<{ok: true, page: ThisPage | null}>}
 */
export async function thisPage(message) {
  return { ok: true, page: pageOf(message.tabId) };
}
