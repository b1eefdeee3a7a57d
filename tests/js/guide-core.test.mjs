// The wasm exports the product pages use, through extension/worker/core.js against the real module of
// the build, in node: partners(), checklist(), exportFor(), redactText(). Results are values;
// bad input is an error value, never a throw.

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

test('partners(): the four profiles with their steps and parameters', async () => {
  const result = await core.partners();
  assert.equal(result.ok, true);
  assert.deepEqual(result.report.map((p) => p.id), ['defender-for-cloud-apps', 'kombo', 'ten-thousand-coffees', 'viva-learning']);
  for (const p of result.report) {
    assert.ok(p.steps.length >= 5, `${p.id} has its checklist`);
    assert.ok(p.parameters.length >= 1, `${p.id} has its parameters`);
    for (const s of p.steps) assert.ok(typeof s.id === 'string' && typeof s.title === 'string' && Array.isArray(s.pitfalls));
  }
});

test('checklist(): step states from evidence; unknown partner and bad evidence are error values', async () => {
  const list = await core.checklist(
    'kombo',
    {
      pages: ['view_api_clients'],
      params: [{ kind: 'rest_endpoint', value: 'https://wd3-impl-services1.workday.com/ccx/api/v1/acme' }],
      settings: [],
      manual: ['authentication-policy'],
    },
    { sso: 'unknown' },
  );
  assert.equal(list.ok, true);
  const step = (id) => list.report.steps.find((s) => s.id === id);
  assert.equal(step('rest-endpoint').state, 'done');
  assert.equal(step('create-isu').state, 'todo');
  assert.equal(step('authentication-policy').by_hand, true);
  assert.equal(list.report.progress.done, 1);
  assert.equal(list.report.partner.name, 'Kombo');

  const empty = await core.checklist('kombo', null, {});
  assert.equal(empty.ok, true);
  assert.equal(empty.report.progress.percent, 0);

  const unknown = await core.checklist('nobody', {}, {});
  assert.deepEqual([unknown.ok, unknown.error.code], [false, 'unknown_integration']);
  const bad = await core.checklist('kombo', { pages: ['no_such_page'] }, {});
  assert.deepEqual([bad.ok, bad.error.code], [false, 'bad_evidence']);
});

test('exportFor(): the partner order and labels, blockers; redactText(): no secret', async () => {
  const secret = 'k3j4h5g6f7d8s9a0m1n2b3v4c5x6z7l8k9j0h1g2f3d4s5a6p7o8i9u0y1t2r3e4w5q6a7s8d9f0g1h2j3k4l5z6x7c8v9b0n1m2';
  const exported = await core.exportFor(
    'kombo',
    { params: [{ kind: 'rest_endpoint', value: 'https://wd3-impl-services1.workday.com/ccx/api/v1/acme ' }], settings: [] },
    {},
  );
  assert.equal(exported.ok, true);
  const rest = exported.report.items.find((i) => i.kind === 'rest_endpoint');
  assert.equal(rest.values[0].value, 'https://wd3-impl-services1.workday.com/ccx/api/v1/acme', 'the trailing space is removed');
  assert.deepEqual(rest.values[0].corrected, ['whitespace']);
  assert.equal(exported.report.ready, false, 'the ISU is missing');
  assert.ok(exported.report.blockers.some((f) => f.code === 'missing-parameter'));

  const bad = await core.exportFor('kombo', { params: 'no' }, {});
  assert.deepEqual([bad.ok, bad.error.code], [false, 'bad_evidence']);

  const report = await core.redactText(`Client Secret: ${secret}`, { integration: 'kombo' });
  assert.equal(report.ok, true);
  assert.match(report.report, /^# wdcap verification report/);
  assert.ok(!report.report.includes(secret));
});
