// extension/worker/core.js against the real wasm module of the build (dist/chrome/pkg), in node:
// results are values, never throws; a call that throws the way a trapped module does is reported
// as {ok: false, error: {code: 'internal'}} and the module is re-instantiated, after which the
// core works again.

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

const authorize = 'https://wd3-impl.workday.com/acme/authorize';

test('calls resolve to values; bad input is an error value, not a throw', async () => {
  const text = await core.checkText(`Authorization Endpoint: ${authorize}`, { sso: 'yes' });
  assert.equal(text.ok, true);
  assert.equal(text.report.params[0].kind, 'authorization_endpoint');
  const finding = text.report.findings.find((f) => f.code === 'redirect-n-missing');
  assert.equal(finding.severity, 'error');
  assert.equal(finding.fixed_value, `${authorize}?redirect=n`);

  const bad = await core.analyseSnapshot('{not json', {});
  assert.equal(bad.ok, false);
  assert.equal(bad.error.code, 'bad_snapshot');

  const badOptions = await core.checkParams({ params: [] }, { sso: 'maybe' });
  assert.equal(badOptions.ok, false);
  assert.equal(badOptions.error.code, 'bad_options');

  const unclaimed = await core.analyseSnapshot(JSON.stringify({ v: 1, url: 'https://wd3-impl.workday.com/acme/d/home.htmld', nodes: [{ t: 'body' }] }), {});
  // A tenant's page no recogniser claims says so (it shows no connection URL here).
  assert.deepEqual(unclaimed, { ok: true, report: { page: null, params: [], settings: [], findings: [], recognised: false } });

  // Its structure for a bug report: the shapes of its values, never the values.
  const page = JSON.stringify({
    v: 1,
    url: 'https://wd3-impl.workday.com/acme/d/home.htmld',
    title: 'Home - Workday',
    nodes: [{ t: 'body' }, { p: 0, t: 'h1' }, { p: 1, x: 'Home' }, { p: 0, t: 'div', a: { title: 'PLANTEDsecretQ7v9Zx2LmN4pR8tW1yB6cD3' } }, { p: 3, x: 'https://wd3-impl-services1.workday.com/ccx/api/v1/acme' }],
  });
  const structure = await core.pageStructure(page);
  assert.equal(structure.ok, true);
  assert.ok(structure.report.includes('Home') && structure.report.includes('‹REST URL›'), structure.report);
  assert.ok(!structure.report.includes('PLANTED') && !structure.report.includes('ccx/api'), structure.report);

  const fp = await core.fingerprint('secret');
  assert.match(fp.value, /^[0-9a-f]{8}$/);
  assert.equal(typeof (await core.version()).value, 'string');
});

test('after a trap the module is re-instantiated and keeps working', async () => {
  const before = core.stats();
  assert.ok(before.instances >= 1);
  const trapped = await core.guarded(() => {
    throw new WebAssembly.RuntimeError('unreachable');
  });
  assert.equal(trapped.ok, false);
  assert.equal(trapped.error.code, 'internal');
  assert.match(trapped.error.message, /unreachable/);
  assert.match(trapped.error.message, /restarted/);
  const afterTrap = core.stats();
  assert.equal(afterTrap.traps, before.traps + 1);
  assert.equal(afterTrap.instances, before.instances + 1, 'a fresh instance');

  const again = await core.checkParams({ params: [{ kind: 'authorization_endpoint', value: authorize }] }, { sso: 'yes' });
  assert.equal(again.ok, true);
  assert.equal(again.report.findings[0].code, 'redirect-n-missing');
});

test('a result that is not an outcome object becomes an internal error', async () => {
  const odd = await core.guarded(() => 'wdcap: could not serialise the result: x');
  assert.deepEqual(odd, { ok: false, error: { code: 'internal', message: 'wdcap: could not serialise the result: x' } });
});

/** A promise and the function that settles it: an asynchronous call (a live test) in flight. */
function deferred() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

/** `promise`, or 'pending' if it has not settled within `ms`. */
const within = (promise, ms) => Promise.race([promise, new Promise((r) => setTimeout(() => r('pending'), ms))]);

test('a trap while a live test runs: the instance is replaced only when the test has ended', async () => {
  const test = deferred();
  const live = core.guarded(() => test.promise);
  // (guarded loads the module first: the call starts a tick later.)
  for (let i = 0; i < 100 && core.stats().running === 0; i++) await new Promise((r) => setTimeout(r, 5));
  const before = core.stats();
  assert.equal(before.running, 1);
  const trapped = await core.guarded(() => {
    throw new WebAssembly.RuntimeError('unreachable');
  });
  assert.equal(trapped.ok, false);
  assert.match(trapped.error.message, /restarts when the live test ends/);
  const during = core.stats();
  assert.equal(during.instances, before.instances, 'no new instance under the running test');
  assert.equal(during.traps, before.traps + 1);
  assert.equal(during.resetPending, true);
  // A call made meanwhile waits for the fresh instance.
  const waiting = core.checkParams({ params: [{ kind: 'authorization_endpoint', value: authorize }] }, { sso: 'yes' });
  assert.equal(await within(waiting, 200), 'pending', 'the call waits while the trapped instance serves the test');
  test.resolve({ ok: true, report: 'done' });
  assert.deepEqual(await live, { ok: true, report: 'done' }, 'the running test ended normally');
  const after = await waiting;
  assert.equal(after.ok, true);
  assert.equal(after.report.findings[0].code, 'redirect-n-missing');
  const now = core.stats();
  assert.equal(now.instances, before.instances + 1, 'a fresh instance once the test had ended');
  assert.deepEqual([now.running, now.resetPending], [0, false]);
});

test('the watchdog: a live test that never ends is given up on, and the instance is replaced', async () => {
  const before = core.stats();
  const stuck = core.guarded(() => new Promise(() => {}), { watchdogMs: 150 });
  const answer = await within(stuck, 3000);
  assert.notEqual(answer, 'pending', 'the watchdog answered');
  assert.equal(answer.ok, false);
  assert.equal(answer.error.code, 'internal');
  assert.match(answer.error.message, /did not finish.*restarted/);
  const now = core.stats();
  assert.equal(now.instances, before.instances + 1, 'a fresh instance');
  assert.equal(now.traps, before.traps + 1);
  assert.equal(now.running, 0);
  const again = await core.checkText(`Authorization Endpoint: ${authorize}`, { sso: 'yes' });
  assert.equal(again.ok, true, 'the core works again');
});
