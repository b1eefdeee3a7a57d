// The wasm exports the product pages use, through extension/worker/core.js against the real module of
// the build, in node: partners(), the evidence store (captureSnapshot, mergeCapture, changeRecord,
// tenantOfUrl), one tenant's view (tenantView: values, checklist, export), redactText(). Results
// are values; bad input is an error value, never a throw.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { importBuiltCore } from './helpers.mjs';

let loaded;
let core;

before(async () => {
  loaded = await importBuiltCore();
  core = loaded.module;
});

after(() => loaded?.cleanup());

test('partners(): every shipped profile with its steps, parameters and guide citations', async () => {
  const result = await core.partners();
  assert.equal(result.ok, true);
  assert.deepEqual(result.report.map((p) => p.id), [
    'datadog-workday', 'defender-for-cloud-apps', 'entra-workday-to-ad', 'entra-workday-to-entra', 'expensify-workday', 'kombo',
    'microsoft-sentinel-workday', 'nango-workday-refresh-token', 'servicenow-workday-hr-soap-oauth', 'sumo-logic-workday-script',
    'ten-thousand-coffees', 'viva-learning',
  ]);
  for (const p of result.report) {
    assert.ok(p.steps.length >= 3, `${p.id} has its checklist`);
    assert.ok(p.parameters.length >= 1, `${p.id} has its parameters`);
    assert.ok(p.guides.length >= 1 && p.guides.every((g) => g.address.startsWith('https://')), `${p.id} lists its guides`);
    for (const s of p.steps) {
      assert.ok(typeof s.id === 'string' && typeof s.title === 'string' && Array.isArray(s.pitfalls));
      // What users read: a guide's title and public address, never a file name.
      assert.ok(p.guides.some((g) => s.citation.startsWith(g.title) && s.citation.includes(g.address.slice('https://'.length))), `${p.id}/${s.id}: ${s.citation}`);
    }
  }
});

const ACME = 'https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld';
const REST = 'https://wd3-impl-services1.workday.com/ccx/api/v1/acme';

/** A snapshot of a page showing `fields` (label, value) under the title `title`, at `url`. */
function snapshot(title, url, fields) {
  const nodes = [{ t: 'body' }, { p: 0, t: 'div', a: { 'data-automation-id': 'pageHeaderTitleText' }, x: title }];
  for (const [label, value] of fields) {
    const row = nodes.push({ p: 0, t: 'li', a: { 'data-automation-id': 'formLabelRow' } }) - 1;
    nodes.push({ p: row, t: 'label', a: { 'data-automation-id': 'formLabel' }, x: label });
    nodes.push({ p: row, t: 'div', a: { 'data-automation-id': 'textView' }, x: value });
  }
  return JSON.stringify({ v: 1, url, title: `${title} - Workday`, nodes });
}

test('captureSnapshot() keeps only a tenant\'s own https page; mergeCapture() and tenantView() make one view of it', async () => {
  const page = snapshot('View API Clients', ACME, [['Workday REST API Endpoint', REST]]);
  // A forged page: the marketing host of the Workday domains.
  const forged = await core.captureSnapshot(page, { tabUrl: 'https://www.workday.com/acme/d/task/2997$2151.htmld', at: 1 });
  assert.equal(forged.ok, true);
  assert.deepEqual(forged.report.refused, { refused: 'tab', because: 'not_workday' });
  assert.deepEqual(forged.report.parts, []);
  const plain = await core.captureSnapshot(page, { tabUrl: ACME.replace('https:', 'http:'), at: 1 });
  assert.deepEqual(plain.report.refused, { refused: 'tab', because: 'not_https' });

  const kept = await core.captureSnapshot(page, { tabUrl: ACME, loadUrl: ACME, at: 1000 });
  assert.equal(kept.ok, true, JSON.stringify(kept));
  assert.equal(kept.report.refused, null);
  assert.equal(kept.report.report.page, 'view_api_clients');
  const [part] = kept.report.parts;
  assert.equal(part.key, 'wd3.implementation:acme');
  const merged = await core.mergeCapture(null, part);
  assert.equal(merged.ok, true);
  assert.equal(merged.report.changed, true);
  assert.equal(merged.report.record.params[0].value, REST);
  // Seen again a moment later: nothing new, no write.
  const again = await core.mergeCapture(merged.report.record, { ...part, at: 2000 });
  assert.equal(again.report.changed, false);
  // A record of another shape (the older store) is not read: a fresh one.
  const stale = await core.mergeCapture({ tenant: 'acme', params: [{ kind: 'client_id', value: 'x' }] }, part);
  assert.equal(stale.report.record.params.length, 1);

  const view = await core.tenantView(part.key, merged.report.record, { integration: 'kombo' }, { manual: ['authentication-policy'] }, {});
  assert.equal(view.ok, true, JSON.stringify(view));
  assert.equal(view.report.tenant, 'acme');
  assert.equal(view.report.family_label, 'wd3 \u00b7 implementation');
  assert.deepEqual(view.report.values.map((v) => v.kind), ['rest_endpoint']);
  const step = (id) => view.report.checklist.steps.find((s) => s.id === id);
  assert.equal(step('rest-endpoint').state, 'done');
  assert.equal(step('authentication-policy').by_hand, true);
  const rest = view.report.export.items.find((i) => i.kind === 'rest_endpoint');
  assert.equal(rest.values[0].value, REST);
  assert.equal(view.report.export.ready, false, 'the ISU is missing');
  assert.match(view.report.export.text, /^Kombo \u2014 acme\n/);

  const unknown = await core.tenantView(part.key, null, { integration: 'nobody' }, {}, {});
  assert.deepEqual([unknown.ok, unknown.error.code], [false, 'unknown_integration']);
  const badKey = await core.tenantView('acme', null, {}, {}, {});
  assert.deepEqual([badKey.ok, badKey.error.code], [false, 'bad_key']);

  const url = await core.tenantOfUrl(ACME);
  assert.deepEqual(url.report, { tenant: 'acme', key: 'wd3.implementation:acme' });
  assert.deepEqual((await core.tenantOfUrl(REST)).report, { tenant: 'acme', key: null });

  const changed = await core.changeRecord(part.key, merged.report.record, { change: 'exported', partner: 'kombo', at: 3000 });
  assert.deepEqual(changed.report.exported, { kombo: 3000 });
  const refused = await core.changeRecord(part.key, null, { change: 'add_value', kind: 'client_secret', value: 'x', at: 1 });
  assert.deepEqual([refused.ok, refused.error.code], [false, 'bad_change']);
  assert.equal(core.stats().byFunction.tenantView, 3);
});

test('redactText(): no secret', async () => {
  const secret = 'k3j4h5g6f7d8s9a0m1n2b3v4c5x6z7l8k9j0h1g2f3d4s5a6p7o8i9u0y1t2r3e4w5q6a7s8d9f0g1h2j3k4l5z6x7c8v9b0n1m2';
  const report = await core.redactText(`Client Secret: ${secret}`, { integration: 'kombo' });
  assert.equal(report.ok, true);
  assert.match(report.report, /^# wdcap verification report/);
  assert.ok(!report.report.includes(secret));
});
