// @ts-check
// A page snapshot from the content script: analysed by the core; a page no recogniser claims is
// dropped at once (nothing of it is kept); a recognised page's values are merged into each
// tenant's record. The answer lists which snapshot nodes to mark and how (what the checks of
// this page's values found: marks.js), and the toolbar badge counts the values.

import * as core from '../core.js';
import { checkOptions, merge, splitByTenant, unchanged } from '../captures.js';
import { pageMarks } from '../marks.js';
import { readPrefs, readRecord, serially, writeRecord } from '../store.js';
import { tenantOfUrl } from '../tenants.js';
import { failure } from '../../shared/messages.js';

/**
 * @import { Severity } from '../../shared/generated/core-types'
 * @import { MESSAGES, Message, Reply } from '../../shared/messages.js'
 */

/**
 * Counts only (no page data), for diagnostics and the tests (`globalThis.wdcapStats`), with the
 * timings `make bench` reads (ms since the worker started): readyMs once the worker's modules
 * have run, firstAnalysisMs when the first analyseSnapshot result is back (firstAnalysisCallMs:
 * that call alone, including the lazy wasm instantiation).
 * @type {{snapshots: number, recognised: number, dropped: number, failed: number,
 *         readyMs?: number, firstAnalysisMs?: number, firstAnalysisCallMs?: number}}
 */
export const stats = { snapshots: 0, recognised: 0, dropped: 0, failed: 0 };

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
  const started = performance.now();
  const analysed = await core.analyseSnapshot(message.snapshot, {});
  if (stats.firstAnalysisMs === undefined) {
    stats.firstAnalysisMs = performance.now();
    stats.firstAnalysisCallMs = stats.firstAnalysisMs - started;
  }
  if (!analysed.ok) {
    stats.failed += 1;
    return analysed;
  }
  const report = analysed.report;
  const tabId = sender.tab?.id;
  if (report.page == null) {
    // Not a page we know: drop it, keep nothing.
    stats.dropped += 1;
    await setBadge(tabId, 0);
    return { ok: true, page: null, marks: [] };
  }
  const page = report.page;
  stats.recognised += 1;
  // The page's address now: a single-page app changes it with history.pushState, which
  // sender.url (the document's address) does not follow.
  const url = typeof message.url === 'string' ? message.url : (sender.url ?? sender.tab?.url ?? '');
  const pageTenant = await tenantOfUrl(url);
  const parts = splitByTenant(report, pageTenant);
  const at = Date.now();
  await serially(async () => {
    for (const [tenant, part] of parts) {
      const previous = await readRecord(tenant);
      const record = merge(previous, {
        tenant,
        page,
        title: typeof message.title === 'string' ? message.title : '',
        url,
        at,
        params: part.params,
        settings: part.settings,
      });
      if (!unchanged(previous, record)) await writeRecord(record);
    }
  });

  // Marks and the toolbar badge say what the checks of this page's own values found (marks.js).
  const { marks, severity } = await pageMarks(report, pageTenant == null ? null : checkOptions(await readPrefs(pageTenant)));
  await setBadge(tabId, report.params.length, severity);
  return { ok: true, page, marks };
}
