// The live test's worker side as pure functions (extension/worker/live-worker.js): which values go to
// the core and in which order, which hosts need permission, how a refresh token the tenant issued
// replaces the tested one in the stored record; and every message the Live test section uses
// exists in every language. (The port and the UI are tested end to end in live.test.mjs.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { ROOT, importBuiltCore } from './helpers.mjs';
import { liveEvidence, probedOrigins, renewRefreshToken, uiHostOf } from '../../extension/worker/live-worker.js';

const TOKEN = 'https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token';
const param = (kind, value, at, extra = {}) => ({ kind, value, name: null, tenant: 'acme', label: null, page: 'p', at, ...extra });

const record = {
  tenant: 'acme',
  updated: 30,
  pages: {
    view_api_clients: { title: 'View API Clients', url: 'https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld', at: 25 },
    manage_refresh_tokens: { title: 'Manage Refresh Tokens', url: 'https://wd3-impl.workday.com/acme/d/task/x.htmld', at: 5 },
  },
  settings: [{ name: 'x', value: 'y', page: 'p', at: 1 }],
  params: [
    param('refresh_token', 'old-token', 10),
    param('token_endpoint', TOKEN, 20),
    param('refresh_token', 'newer-token', 30, { name: 'ISU_X' }),
  ],
};

test('the evidence lists the newest capture first, with the ISU password only when typed', () => {
  const ev = liveEvidence(record, '');
  assert.deepEqual(
    ev.params.map((p) => p.value),
    ['newer-token', TOKEN, 'old-token'],
  );
  assert.equal(ev.params[0].name, 'ISU_X');
  assert.ok(!('isu_password' in ev), 'an empty password is not sent');
  assert.ok(!('settings' in ev), 'the live test takes no settings');
  assert.equal(ev.tenant, 'acme', 'the record\u2019s tenant goes with the values');
  assert.equal(ev.ui_host, 'wd3-impl.workday.com', 'and the UI host its pages were read on');
  assert.equal(liveEvidence(record, 'pw').isu_password, 'pw');
  assert.deepEqual(liveEvidence(undefined).params, []);
  assert.deepEqual(record.params.map((p) => p.at), [10, 20, 30], 'the record is not reordered');
});

test('the UI host is the newest page visit\u2019s; none without a visit', () => {
  assert.equal(uiHostOf(record), 'wd3-impl.workday.com');
  const moved = { ...record, pages: { ...record.pages, view_urls: { title: 'x', url: 'https://wd5-impl.workday.com/acme/d/y.htmld', at: 99 } } };
  assert.equal(uiHostOf(moved), 'wd5-impl.workday.com');
  assert.equal(uiHostOf({ ...record, pages: {} }), null);
  assert.equal(uiHostOf(undefined), null);
  const ev = liveEvidence({ ...record, pages: {} });
  assert.ok(!('ui_host' in ev), 'no UI host is invented');
});

test('host permissions are asked for the https hosts the probes call, once each', () => {
  const origins = probedOrigins([
    { kind: 'token_endpoint', value: TOKEN },
    { kind: 'rest_endpoint', value: ' https://wd3-impl-services1.workday.com/ccx/api/v1/acme ' },
    { kind: 'raas_url', value: 'https://wd5-services1.myworkday.com/ccx/service/customreport2/acme/ISU/R?format=json' },
    { kind: 'soap_endpoint', value: 'http://wd3-impl-services1.workday.com/ccx/service/acme/Learning/v39.2' },
    { kind: 'authorization_endpoint', value: 'https://wd3-impl.workday.com/acme/authorize' },
    { kind: 'token_endpoint', value: 'not a url' },
  ]);
  assert.deepEqual(origins, ['https://wd3-impl-services1.workday.com/*', 'https://wd5-services1.myworkday.com/*']);
});

test('a new refresh token replaces the tested one, marked renewed', () => {
  const next = renewRefreshToken(record, 'newer-token', 'fresh-token', 99);
  assert.notEqual(next, record);
  assert.equal(next.updated, 99);
  assert.deepEqual(
    next.params.filter((p) => p.kind === 'refresh_token').map((p) => [p.value, p.at, p.renewed ?? null, p.name]),
    [
      ['old-token', 10, null, null],
      ['fresh-token', 99, 99, 'ISU_X'],
    ],
  );
  assert.deepEqual(next.settings, record.settings);
  assert.equal(record.params[2].value, 'newer-token', 'the stored record is not changed in place');
});

test('a new refresh token already stored is not duplicated; one with nothing to replace is added', () => {
  const withFresh = { ...record, params: [...record.params, param('refresh_token', 'fresh-token', 40)] };
  const next = renewRefreshToken(withFresh, 'newer-token', 'fresh-token', 99);
  assert.equal(next.params.filter((p) => p.value === 'fresh-token').length, 1);
  assert.ok(!next.params.some((p) => p.value === 'newer-token'));
  const added = renewRefreshToken({ tenant: 'acme', params: [], settings: [], pages: {} }, undefined, 'fresh-token', 5);
  assert.deepEqual(added.params, [
    { kind: 'refresh_token', value: 'fresh-token', name: null, tenant: 'acme', label: null, page: null, at: 5, renewed: 5 },
  ]);
});

test('every message key the Live test section uses is in every locale', () => {
  const source = readFileSync(join(ROOT, 'extension', 'pages', 'live', 'live.js'), 'utf8');
  const keys = [...new Set([...source.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]))];
  assert.ok(keys.length > 20, `found ${keys.length} keys`);
  const locales = readdirSync(join(ROOT, 'extension', '_locales'));
  assert.ok(locales.includes('en'));
  for (const lang of locales) {
    const messages = JSON.parse(readFileSync(join(ROOT, 'extension', '_locales', lang, 'messages.json'), 'utf8'));
    for (const key of keys) assert.ok(messages[key]?.message, `${lang} lacks ${key}`);
  }
});

test('core.liveTest: an abort reason that is not an Error is a cancel, not a trap', async () => {
  // fetch rejects with the signal's reason, and the module's fetch glue can only read an Error:
  // core.js hands the module a signal whose reason always is one. The signal is aborted before
  // the call, so fetch rejects before any connection is made.
  const glue = await importBuiltCore();
  try {
    const core = glue.module;
    const evidence = {
      tenant: 'acme',
      ui_host: 'wd3-impl.workday.com',
      params: [
        { kind: 'token_endpoint', value: TOKEN },
        { kind: 'client_id', value: 'OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm' },
        { kind: 'client_secret', value: 'k'.repeat(100) },
        { kind: 'refresh_token', value: 'r'.repeat(100) },
      ],
    };
    for (const reason of ['the user left', 42, undefined]) {
      const controller = new AbortController();
      controller.abort(reason);
      const result = await core.liveTest(evidence, {}, controller.signal);
      assert.equal(result.ok, true, JSON.stringify(result));
      assert.deepEqual(result.report.steps[0].findings.map((f) => f.code), ['live-cancelled']);
      assert.equal(result.report.steps[0].requests[0].outcome, 'cancelled');
    }
    assert.equal(core.stats().traps, 0);
  } finally {
    glue.cleanup();
  }
});

test('core.livePlan and core.liveTest: a value off the tenant\u2019s own API host refuses the test, with nothing sent', async () => {
  const glue = await importBuiltCore();
  try {
    const core = glue.module;
    const secrets = [
      { kind: 'client_id', value: 'OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm' },
      { kind: 'client_secret', value: 'k'.repeat(100) },
      { kind: 'refresh_token', value: 'r'.repeat(100) },
    ];
    const home = { tenant: 'acme', ui_host: 'wd3-impl.workday.com' };
    const good = await core.livePlan({ ...home, params: [{ kind: 'token_endpoint', value: TOKEN }, ...secrets] }, {});
    assert.deepEqual(good, { ok: true, report: { refused: [], hosts: ['wd3-impl-services1.workday.com'] } });
    for (const [evidence, why] of [
      [{ ...home, params: [{ kind: 'token_endpoint', value: 'https://wd5-impl-services1.workday.com/ccx/oauth2/acme/token' }, ...secrets] }, /data center/],
      [{ ...home, params: [{ kind: 'token_endpoint', value: 'https://community.workday.com/ccx/oauth2/acme/token' }, ...secrets] }, /serves no tenant/],
      [{ params: [{ kind: 'token_endpoint', value: TOKEN }, ...secrets] }, /does not know which Workday host/],
    ]) {
      const plan = await core.livePlan(evidence, {});
      assert.equal(plan.ok, true);
      assert.deepEqual(plan.report.hosts, []);
      assert.match(plan.report.refused[0].message, why);
      // Aborted before the call: had the test run, the token request would be 'cancelled'.
      const controller = new AbortController();
      controller.abort();
      const result = await core.liveTest(evidence, {}, controller.signal);
      assert.equal(result.ok, true);
      assert.equal(result.report.passed, false);
      assert.match(result.report.refused[0].message, why);
      assert.ok(result.report.steps.every((s) => s.status === 'skipped' && s.requests.length === 0));
    }
  } finally {
    glue.cleanup();
  }
});
