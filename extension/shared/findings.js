// @ts-check
// Findings by severity, written once for the worker, the popup and side panel, Verify and the
// content script's marks: the worst severity of a list, the counts per severity, and which
// findings are about which value.
//
// No imports but the lists, no DOM: the build puts this file into the content script
// (scripts/build-extension.sh), and node tests import it.

import { SEVERITIES } from './generated/lists.js';

/** @import { Severity } from './generated/core-types' */

/**
 * The worst severity among `findings` (SEVERITIES' order), `'ok'` when there is none.
 * @param {Iterable<{severity: string}>} findings
 * @returns {Severity | 'ok'}
 */
export function worstSeverity(findings) {
  const present = new Set(Array.from(findings, (f) => f.severity));
  return SEVERITIES.find((s) => present.has(s)) ?? 'ok';
}

/**
 * How many findings there are of each severity (every severity present, 0 when none).
 * @param {Iterable<{severity: Severity}>} [findings]
 * @returns {Record<Severity, number>}
 */
export function countBySeverity(findings = []) {
  const counts = /** @type {Record<Severity, number>} */ (Object.fromEntries(SEVERITIES.map((s) => [s, 0])));
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return counts;
}

/**
 * The findings of a report split by the value they are about (`perParam[i]`: those of
 * `params[i]`) and the general ones (about no single value).
 * @template {{param: number | null}} F
 * @param {{params: readonly unknown[], findings: readonly F[]}} report
 * @returns {{perParam: F[][], general: F[]}}
 */
export function findingsByParam(report) {
  /** @type {F[][]} */
  const perParam = report.params.map(() => []);
  /** @type {F[]} */
  const general = [];
  for (const f of report.findings) {
    if (f.param != null && perParam[f.param]) perParam[f.param].push(f);
    else general.push(f);
  }
  return { perParam, general };
}
