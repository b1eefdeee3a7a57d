// @ts-check
// A page snapshot from the content script, with what the browser says about its tab: the core
// decides whether it may be kept (only a tenant's own https admin page whose addresses agree),
// analyses it, and splits what it shows by the record each part belongs to; each part is merged
// into its record by the core and written. Of a page no recogniser claims only the Workday
// connection URLs it shows are kept (the core's parts, marked not recognised); such a page
// showing none is dropped at once (nothing of it is kept). The answer lists which snapshot nodes to mark and how (what the checks
// of this page's own values found: marks.js), and the toolbar badge counts the values.

import * as core from '../core.js';
import { pageMarks } from '../marks.js';
import { notePage } from '../this-page.js';
import { readPrefs, readRecord, serially, writeRecord } from '../store.js';
import { checkOptions } from '../tenants.js';
import { failure } from '../../shared/messages.js';

/**
 * @import { Refusal, Severity } from '../../shared/generated/core-types'
 * @import { MESSAGES, Message, Reply } from '../../shared/messages.js'
 */

/**
 * Counts only (no page data), for diagnostics and the tests (`globalThis.wdcapStats`), with the
 * timings `make bench` reads (ms since the worker started): readyMs once the worker's modules
 * have run, firstAnalysisMs when the first analysis result is back (firstAnalysisCallMs: that
 * call alone, including the lazy wasm instantiation). `refusals`: why the last snapshots that
 * were not kept were refused (the core's reasons, newest last, a few).
 * @type {{snapshots: number, recognised: number, unrecognised: number, dropped: number, refused: number, failed: number,
 *         refusals: Refusal[], readyMs?: number, firstAnalysisMs?: number, firstAnalysisCallMs?: number}}
 */
export const stats = { snapshots: 0, recognised: 0, unrecognised: 0, dropped: 0, refused: 0, failed: 0, refusals: [] };

/**
 * @param {number | undefined} tabId
 * @param {number} count
 * @param {Severity | 'ok'} [severity]
 */
async function setBadge(tabId, count, severity) {
  if (tabId == null || !chrome.action) return;
  try {
    await chrome.action.setBadgeText({ tabId, text: count ? String(count) : '' });
    if (count) {
      const color = severity === 'error' ? '#c62828' : severity === 'warning' ? '#b26a00' : '#2e7d32';
      await chrome.action.setBadgeBackgroundColor({ tabId, color });
    }
  } catch {
    // The tab may have closed meanwhile.
  }
}

/**
 * @param {Message<typeof MESSAGES.snapshot>} message
 * @param {chrome.runtime.MessageSender} sender
 * @returns {Promise<Reply<typeof MESSAGES.snapshot>>}
 */
export async function onSnapshot(message, sender) {
  stats.snapshots += 1;
  if (typeof message.snapshot !== 'string') return failure('bad_message', 'snapshot must be a JSON string');
  const tabId = sender.tab?.id;
  // What the browser says about the tab, not what the page says: its address now, and the
  // address its document was loaded from (the content script reads it from the browser's
  // navigation record, which history.pushState does not change).
  const tab = {
    tabUrl: String(sender.tab?.url ?? ''),
    loadUrl: typeof message.loadUrl === 'string' ? message.loadUrl : null,
    at: Date.now(),
  };
  const started = performance.now();
  const captured = await core.captureSnapshot(message.snapshot, tab);
  if (stats.firstAnalysisMs === undefined) {
    stats.firstAnalysisMs = performance.now();
    stats.firstAnalysisCallMs = stats.firstAnalysisMs - started;
  }
  if (!captured.ok) {
    stats.failed += 1;
    return captured;
  }
  const { report, refused, parts, said, structure, title } = captured.report;
  /** @param {'loading' | 'recognised' | 'unknown' | 'other'} state */
  const seen = (state) =>
    notePage(tabId, { state, page: report.page, title, kinds: report.params.map((p) => p.kind), said: said.map((x) => x.text), structure: structure ?? null, at: tab.at });
  seen(refused ? 'other' : report.busy ? 'loading' : report.page != null ? 'recognised' : report.recognised === false ? 'unknown' : 'other');
  if (refused) {
    // Not a tenant's own page, or its addresses disagree: nothing is kept, nothing marked.
    stats.refused += 1;
    stats.refusals = [...stats.refusals, refused].slice(-10);
    await setBadge(tabId, 0);
    return { ok: true, page: null, marks: [] };
  }
  // A page no recogniser claims gives its connection URLs (the core's parts), nothing else.
  const unrecognised = report.page == null && report.recognised === false && parts.length > 0;
  if (report.page == null && !unrecognised) {
    // Not a page we know and showing no connection URL (or one still loading): keep nothing.
    stats.dropped += 1;
    await setBadge(tabId, 0);
    return { ok: true, page: null, marks: [] };
  }
  const page = report.page;
  if (unrecognised) stats.unrecognised += 1;
  else stats.recognised += 1;
  await serially(async () => {
    for (const part of parts) {
      if (part.key == null) continue;
      const merged = await core.mergeCapture(await readRecord(part.key), part);
      if (!merged.ok) continue;
      if (merged.report.changed) await writeRecord(part.key, merged.report.record);
    }
  });

  // Marks and the toolbar badge say what the checks of this page's own values found (marks.js),
  // judged with the answers given for the page's own record.
  const own = parts[0]?.key ?? null;
  const { marks, severity } = await pageMarks(report, own == null ? null : checkOptions(await readPrefs(own)), said);
  await setBadge(tabId, report.params.length, severity);
  return { ok: true, page, marks };
}
