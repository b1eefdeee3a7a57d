// The live test's scenario, shared by the Chromium suite (live.test.mjs) and the
// Firefox suite (firefox.test.mjs): the tenant and the simulator pages that show its values, the
// failure cases (each simulator switch, the capture it needs, the probe its finding shows on, the
// finding's code and a pattern its fix must match), capturing through a browser's extension
// storage, and reading the popup's live-test section. Both browsers must show the same finding
// for the same failure (the fetch errors they raise differ: the core maps both).

import assert from 'node:assert/strict';
import { waitFor } from './harness.mjs';

export const TENANT = 'acme';
/** The tenant's record: acme on wd3-impl.workday.com's host family. */
export const KEY = 'wd3.implementation:acme';
const UI = 'https://wd3-impl.workday.com';
/** The simulator pages that show the tenant's values. */
export const PAGES = {
  registerResult: `${UI}/acme/d/inst/15194$7410/rel-task/2997$2141.htmld?wdcap-fixture=register_api_client/result_plain`,
  refreshTokenResult: `${UI}/acme/d/inst/15194$7410/rel-task/2997$4801.htmld?wdcap-fixture=manage_refresh_tokens/result`,
  jsonReport: `${UI}/acme/d/inst/1$24/rel-task/2997$1953.htmld?wdcap-fixture=view_urls/json_user_report`,
  home: `${UI}/acme/d/home.htmld`,
};

/** Viva Learning's SOAP endpoint; no fixture page shows it (wdcap builds it from the REST host). */
export const SOAP_ENDPOINT = 'https://wd3-impl-services1.workday.com/ccx/service/acme/Learning/v39.2';

/** Each switch, the capture it needs, the probe it shows on, and the finding code. */
export const CASES = [
  { sw: ['invalid_client'], probe: 'oauth', code: 'live-invalid-client', fix: /client secret/ },
  { sw: ['invalid_grant'], probe: 'oauth', code: 'live-invalid-grant', fix: /Manage Refresh Tokens/ },
  { sw: ['invalid_request'], probe: 'oauth', code: 'live-invalid-request', fix: /tenant name/ },
  { sw: ['unauthorized'], probe: 'rest', code: 'live-unauthorized', fix: /password expired.*authentication policy/s },
  { sw: ['forbidden'], probe: 'rest', code: 'live-forbidden', fix: /Check these, which the partner needs: .*Activate Pending Security Policy Changes/s, partner: 'kombo' },
  { sw: ['not_found'], probe: 'oauth', code: 'live-not-found', fix: /\/ccx\/oauth2\// },
  { sw: ['unavailable'], probe: 'oauth', code: 'live-server-error', fix: /wrong data center/ },
  { sw: ['connection_reset'], probe: 'oauth', code: 'live-unreachable', fix: /host name and data center/ },
  { sw: ['redirect'], probe: 'oauth', code: 'live-unreachable', fix: /host name/ },
  // An unconfirmed shape: the error as an HTML page, not JSON. The code is still read from it.
  { sw: ['invalid_grant', 'html_errors'], probe: 'oauth', code: 'live-invalid-grant', fix: /Manage Refresh Tokens/ },
  { sw: ['unauthorized', 'html_errors'], probe: 'rest', code: 'live-unauthorized', fix: /authentication policy/ },
  { sw: ['unauthorized'], probe: 'raas', code: 'live-unauthorized', fix: /authentication policy/, report: true },
  { sw: ['forbidden'], probe: 'soap', code: 'live-forbidden', fix: /Get access/, soap: true },
  { sw: ['unauthorized'], probe: 'soap', code: 'live-unauthorized', fix: /user@tenant/, soap: true },
  { sw: ['report_empty'], probe: 'raas', code: 'live-report-empty', fix: /Share the report with the ISU/, report: true, passes: true },
  { sw: ['report_missing_field'], probe: 'raas', code: 'live-report-field-missing', fix: /Add the field/, report: true, passes: true, partner: 'ten-thousand-coffees' },
  { sw: ['basic_only'], probe: 'oauth', code: 'live-basic-auth-only', fix: /HTTP Basic/, passes: true },
  // An answer far larger than the test reads: refused from its declared length, or cut off
  // while streaming (live.test.mjs also checks how much the simulator managed to send).
  { sw: ['huge_answer'], probe: 'oauth', code: 'live-too-large', fix: /fewer rows/ },
  { sw: ['huge_stream'], probe: 'oauth', code: 'live-too-large', fix: /fewer rows/ },
];

/**
 * Captured URLs that are not the tenant's own API, one per kind the probes use, each with what the
 * refusal says: a look-alike host, a services host of another data center, a Workday host that
 * serves no tenant, and the tenant's services host with another tenant's name.
 */
export const HOSTILE_VALUES = [
  ['token_endpoint', 'https://wd5-impl-services1.workday.com/ccx/oauth2/acme/token', /data center: wd5/],
  ['rest_endpoint', 'https://wd3-impl-services1.workday.com.evil.io/ccx/api/v1/acme', /not a Workday host/],
  ['raas_url', 'https://forms.workday.com/ccx/service/customreport2/acme/ISU_Acme_Learning/Learning_Users?format=json', /serves no tenant/],
  ['soap_endpoint', 'https://wd3-impl-services1.workday.com/ccx/service/globex/Learning/v39.2', /names tenant `?globex`?, not `?acme/],
];

/** OAuth + REST: Register API Client's result and Manage Refresh Tokens' result. */
const OAUTH_PAGES = [
  [PAGES.registerResult, ['client_id', 'client_secret', 'token_endpoint', 'rest_endpoint']],
  [PAGES.refreshTokenResult, ['refresh_token', 'isu_username']],
];
/** A RaaS URL (View URLs) and the ISU's user name (Manage Refresh Tokens): no OAuth client. */
const REPORT_PAGES = [
  [PAGES.jsonReport, ['raas_url']],
  [PAGES.refreshTokenResult, ['refresh_token', 'isu_username']],
];

/**
 * Capturing through a browser, given `ext`: `session()` (all of storage.session), `setSession(o)`,
 * `clearSession()`, `goto(url)` and `url()` for the Workday tab.
 */
export function captures(ext) {
  const captured = new Map(); // what a set of pages left in the session, once visited
  const record = async () => (await ext.session())[`tenant:${KEY}`];
  /**
   * Forgets everything, then visits `pages` in the tab until each one's values are stored. The
   * first time for a set of pages only: later tests get the same record back through the
   * extension (as it stored it), which saves a second of page rendering per test.
   */
  async function capture(pages) {
    await ext.clearSession();
    const key = JSON.stringify(pages);
    if (captured.has(key)) {
      await ext.setSession(captured.get(key));
      if (ext.url() !== PAGES.home) await ext.goto(PAGES.home);
      return;
    }
    for (const [url, kinds] of pages) {
      await ext.goto(url);
      await waitFor(async () => {
        const stored = (await record())?.params ?? [];
        return kinds.every((k) => stored.some((p) => p.kind === k));
      }, { what: `${kinds.join(', ')} captured from ${url}`, timeout: 15000 });
    }
    captured.set(key, await ext.session());
  }
  return {
    record,
    captureOauth: () => capture(OAUTH_PAGES),
    captureReport: () => capture(REPORT_PAGES),
    /**
     * Adds a value no fixture page shows, as the core keeps a value the admin gave (no page, no
     * origin: the record's own): the newest capture, or as old as `at` says.
     */
    async addValue(kind, value, at = Date.now()) {
      const key = `tenant:${KEY}`;
      const rec = (await ext.session())[key];
      rec.params.push({ kind, value, name: null, client: null, tenant: TENANT, label: null, page: null, origin: null, at });
      rec.updated = Date.now();
      await ext.setSession({ [key]: rec });
    },
  };
}

/**
 * What the popup's live-test section `s` shows (run in the page: self-contained): the outcome,
 * the status line, and per probe its status, summary, findings and requests.
 */
export function readLiveSection(s) {
  return {
    outcome: s.dataset.outcome,
    status: s.querySelector('.live-status').textContent,
    steps: Object.fromEntries(
      [...s.querySelectorAll('li.live-step')].map((li) => [
        li.dataset.probe,
        {
          status: li.dataset.status,
          summary: li.querySelector('.live-summary')?.textContent ?? li.querySelector('li.finding .message')?.textContent ?? '',
          findings: [...li.querySelectorAll('li.finding')].map((f) => ({
            code: f.dataset.code,
            message: f.querySelector('.message')?.textContent ?? '',
            fix: f.querySelector('.fix')?.textContent ?? '',
            visible: f.querySelector('.fix')?.checkVisibility() ?? false,
          })),
          requests: [...li.querySelectorAll('li.live-request')].map((r) => r.textContent),
        },
      ]),
    ),
  };
}

/** The finding `code` of `probe` in what was shown, asserting it is there with its fix on screen. */
export function findingOf(shown, probe, code) {
  const step = shown.steps[probe];
  assert.ok(step, `no ${probe} step shown (${JSON.stringify(shown)})`);
  const f = step.findings.find((x) => x.code === code);
  assert.ok(f, `${probe}: expected ${code}, got ${JSON.stringify(step.findings)} (${step.summary})`);
  assert.ok(f.fix.length > 20, `${code} shows its fix`);
  assert.ok(f.visible, `${code}'s fix is on screen`);
  return f;
}
