// The live test's worker side (extension/worker/live-worker.js): which hosts need permission (the
// core lists them with the values the test uses), the core's live-test inputs and its refusal of
// a set mixing two API clients; and every message the Live test section uses exists in every
// language. (The port and the UI are tested end to end in live.test.mjs.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { ROOT, importBuiltCore } from './helpers.mjs';
import { originsOf } from '../../extension/worker/live-worker.js';

const TOKEN = 'https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token';

test('host permissions are asked for the https hosts the core lists, once each', () => {
  assert.deepEqual(originsOf(['wd3-impl-services1.workday.com', 'wd5-services1.myworkday.com', 'wd3-impl-services1.workday.com']), [
    'https://wd3-impl-services1.workday.com/*',
    'https://wd5-services1.myworkday.com/*',
  ]);
  assert.deepEqual(originsOf(undefined), []);
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

test('core.liveTest: a set pairing one API client\'s ID with another\'s secret is refused before anything is sent', async () => {
  const glue = await importBuiltCore();
  try {
    const core = glue.module;
    const evidence = {
      tenant: 'acme',
      ui_host: 'wd3-impl.workday.com',
      params: [
        { kind: 'token_endpoint', value: TOKEN },
        { kind: 'client_id', value: 'OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm', client: 'Microsoft Defender for Cloud Apps' },
        { kind: 'client_secret', value: 'k'.repeat(100), client: 'Reporting Portal' },
      ],
    };
    const plan = await core.livePlan(evidence, {});
    assert.equal(plan.ok, true, JSON.stringify(plan));
    assert.deepEqual(plan.report.hosts, [], 'no host would be called');
    assert.deepEqual(plan.report.refused.map((f) => f.code), ['mixed-credentials']);
    const result = await core.liveTest(evidence, {}, null);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.report.passed, false);
    assert.ok(result.report.steps.every((s) => s.status === 'skipped' && s.requests.length === 0), 'nothing was sent');
    assert.deepEqual(result.report.refused.map((f) => f.code), ['mixed-credentials']);
    assert.ok(!JSON.stringify(result).includes('k'.repeat(100)), 'the secret is not in the answer');
  } finally {
    glue.cleanup();
  }
});

test('core.liveInputs: one API client\'s values, the record\'s hosts the probes call', async () => {
  const glue = await importBuiltCore();
  try {
    const core = glue.module;
    const tab = { tabUrl: 'https://wd3-impl.workday.com/acme/d/task/2997$2141.htmld', at: 1000 };
    const nodes = [{ t: 'body' }, { p: 0, t: 'div', a: { 'data-automation-id': 'pageHeaderTitleText' }, x: 'Register API Client' }];
    for (const [label, value] of [
      ['Client Name', 'Acme Sync'],
      ['Client ID', 'YmRkNjQwZmItMDY2Ny00YWQxLTljODAtMzE3ZmEzYjE3OTlk'],
      ['Client Secret', 's'.repeat(100)],
      ['Token Endpoint', TOKEN],
    ]) {
      const row = nodes.push({ p: 0, t: 'li', a: { 'data-automation-id': 'formLabelRow' } }) - 1;
      nodes.push({ p: row, t: 'label', a: { 'data-automation-id': 'formLabel' }, x: label });
      nodes.push({ p: row, t: 'div', a: { 'data-automation-id': 'textView' }, x: value });
    }
    const captured = await core.captureSnapshot(JSON.stringify({ v: 1, url: tab.tabUrl, title: 'Register API Client', nodes }), tab);
    assert.equal(captured.ok, true, JSON.stringify(captured));
    const merged = await core.mergeCapture(null, captured.report.parts[0]);
    const inputs = await core.liveInputs(merged.report.record, { integration: 'defender-for-cloud-apps' }, 'pw');
    assert.equal(inputs.ok, true, JSON.stringify(inputs));
    assert.deepEqual(inputs.report.hosts, ['wd3-impl-services1.workday.com']);
    assert.equal(inputs.report.client.name, 'Acme Sync');
    assert.equal(inputs.report.evidence.isu_password, 'pw');
    assert.equal(inputs.report.evidence.tenant, 'acme', 'the record\u2019s tenant goes with the values');
    assert.equal(inputs.report.evidence.ui_host, 'wd3-impl.workday.com', 'and the UI host its pages were read on');
    assert.ok(inputs.report.evidence.params.filter((p) => p.kind === 'client_secret').every((p) => p.client === 'Acme Sync'));
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
      [{ ...home, params: [{ kind: 'token_endpoint', value: 'https://forms.workday.com/ccx/oauth2/acme/token' }, ...secrets] }, /serves no tenant/],
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
