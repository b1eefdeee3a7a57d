// @ts-check
// What the content script marks beside each value captured on a page, and the toolbar badge's
// colour: what the checks of THAT page's values say, judged with the tenant's own answers (SSO,
// partner), never findings drawn from the tenant's other pages or from other tenants. The marks
// sit in the page (in a closed shadow root); the page must learn nothing there about anything it
// does not show itself.

import * as core from './core.js';
import { worstSeverity } from '../shared/findings.js';

/**
 * @import { FindingView, ReportView, SettingSaid, Severity } from '../shared/generated/core-types'
 * @import { Mark } from '../shared/messages.js'
 * @import { CheckOptions } from '../shared/types.js'
 */

/**
 * The findings about the page's own values: the snapshot's analysis, or, when the tenant has
 * answers of its own (SSO, partner), the page's values checked again with them (alone: none of
 * the tenant's other values).
 * @param {ReportView} report the page's own analysis (default options)
 * @param {CheckOptions | null} options the page's tenant's options, if known
 * @returns {Promise<FindingView[]>}
 */
async function pageFindings(report, options) {
  const defaults = !options || (options.sso === 'unknown' && !options.integration);
  if (defaults || !report.params.length) return report.findings;
  const again = await core.checkParams(
    {
      params: report.params.map((p) => ({ kind: p.kind, value: p.value, name: p.name, tenant: p.tenant, source: p.source })),
      settings: report.settings,
    },
    options,
  );
  return again.ok ? again.report.findings : report.findings;
}

/**
 * The marks of a recognised page's values, each with the findings about that value alone, and
 * the worst of them all (the toolbar badge); and a mark beside each setting read on the page,
 * saying what was read (the core's words: "SAML on"), so a settings page shows its visit counted.
 * @param {ReportView} report the page's own analysis
 * @param {CheckOptions | null} options the page's tenant's options, if known
 * @param {SettingSaid[]} [said] the settings read on the page, with the nodes that show them
 * @returns {Promise<{marks: Mark[], severity: Severity | 'ok'}>}
 */
export async function pageMarks(report, options, said = []) {
  const findings = (await pageFindings(report, options)).filter((f) => f.param != null && report.params[f.param] != null);
  /** @type {Mark[]} */
  const marks = report.params.flatMap((p, i) => {
    const node = p.source?.node;
    if (!Number.isInteger(node)) return [];
    const about = findings.filter((f) => f.param === i);
    return [
      {
        node: /** @type {number} */ (node),
        kind: p.kind,
        label: p.label ?? p.source?.label ?? null,
        severity: worstSeverity(about),
        messages: about.map((f) => f.message),
      },
    ];
  });
  for (const s of said) {
    if (Number.isInteger(s.node)) marks.push({ node: /** @type {number} */ (s.node), kind: 'setting', label: s.text, severity: 'info', messages: [] });
  }
  return { marks, severity: worstSeverity(findings) };
}
