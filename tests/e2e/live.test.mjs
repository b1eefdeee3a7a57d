// End to end: the live connection test from the popup, in Chromium, against the
// simulator's web-service endpoints (sim/api.mjs) over TLS. Values are captured by visiting the
// simulator's pages (or, where no fixture page shows a value, added to the session store through
// the worker); each failure switch of the simulator must show its finding and fix; the happy
// path shows green for each partner that uses the probes; Cancel and the time limit work.
//
// Every request the browser makes (pages, popup, and the service worker's fetches, which
// Playwright reports for Chromium service workers too) is recorded: no request may go to a host
// that is not one of the tenant's Workday hosts, and every live-test request must go over https
// to a host of the values it tested.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitFor, tabIdOf, openPopup, sessionStorage, currentWorker } from './harness.mjs';
import { servicesHost, isWorkdayHost } from '../../sim/server.mjs';
import { tenantOfPath } from '../../sim/fixtures.mjs';
import { HUGE_ANSWER_BYTES, REDIRECT_TARGET, SWITCHES } from '../../sim/api.mjs';
import { CASES, SOAP_ENDPOINT, TENANT, KEY, captures, readLiveSection, findingOf } from './live-scenario.mjs';

let browser;
let tab; // a Workday page of the tenant: the popup's "current tab"
let tenantHosts; // the tenant's Workday hosts: its UI and services hosts, and the hosts of its captured values
const requests = []; // every request the browser made: {url, worker, method, request}

before(async () => {
  browser = await launch({ simulator: { delays: { body: 60 } } });
  browser.context.on('request', (r) => requests.push({ url: r.url(), worker: r.serviceWorker() != null, method: r.method(), request: r }));
  const ui = browser.sim.fixtures.map((f) => new URL(f.url)).filter((u) => tenantOfPath(u.pathname) === TENANT).map((u) => u.hostname);
  tenantHosts = new Set(ui.flatMap((h) => [h, servicesHost(h)]));
  tab = await browser.context.newPage();
  capturing = captures({
    session: () => sessionStorage(browser.context),
    setSession: async (o) => (await worker()).evaluate((v) => chrome.storage.session.set(v), o),
    clearSession: async () => (await worker()).evaluate(() => chrome.storage.session.clear()),
    goto: (url) => tab.goto(url),
    url: () => tab.url(),
  });
});

after(async () => {
  try {
    // The test's promise: nothing the browser did went anywhere but the tenant's Workday hosts.
    const web = requests.filter((r) => /^(https?|wss?):/.test(r.url));
    assert.ok(web.some((r) => r.worker), 'the worker requests were recorded');
    for (const r of web) {
      const host = new URL(r.url).hostname;
      if (tenantHosts.has(host)) continue;
      assert.ok(await unsent(r), `a request went to ${host}, not a Workday host of ${TENANT}: ${r.method} ${r.url}`);
    }
    const offTenant = browser.sim.api.log.filter((l) => l.host === new URL(REDIRECT_TARGET).hostname);
    assert.deepEqual(offTenant, [], 'the redirect target was reached');
    assert.ok([...tenantHosts].every(isWorkdayHost), `hosts: ${[...tenantHosts]}`);
  } finally {
    await browser?.close();
  }
});

let logMark = 0;
beforeEach(async () => {
  browser.sim.api.reset();
  logMark = browser.sim.api.log.length;
  await setTimeLimit(20000);
});

/** The simulator's API log since the test began. */
const apiLog = () => browser.sim.api.log.slice(logMark);

/**
 * Chromium announces the target of a redirect before the fetch (redirect: 'manual') declines to
 * follow it; that request is aborted unsent. (The simulator, which the redirect target maps to,
 * logs every request it receives there: the `after` hook checks it saw none.)
 */
async function unsent(r) {
  return r.request.redirectedFrom() != null && (await r.request.response()) == null && r.request.failure()?.errorText === 'net::ERR_ABORTED';
}

async function worker() {
  return currentWorker(browser.context);
}

async function setTimeLimit(ms) {
  await (await worker()).evaluate((v) => {
    globalThis.wdcapLive ??= {};
    globalThis.wdcapLive.timeoutMs = v;
  }, ms);
}

async function setPartner(integration) {
  await (await worker()).evaluate(
    ([key, value]) => chrome.storage.local.set({ [key]: value }),
    [`prefs:${KEY}`, { sso: 'unknown', integration }],
  );
}

/** Capturing through the worker's view of storage.session (live-scenario.mjs). */
let capturing;
const record = () => capturing.record();
const captureOauth = () => capturing.captureOauth();
const captureReport = () => capturing.captureReport();
const addValue = (kind, value, at) => capturing.addValue(kind, value, at);

async function popup() {
  const p = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, tab));
  await p.locator(`section.tenant.current[data-tenant="${TENANT}"] section.live`).waitFor();
  return p;
}

const live = (p) => p.locator(`section.tenant.current[data-tenant="${TENANT}"] section.live`);

/**
 * Clicks "Run live test" and waits for the result. Returns what it showed and the requests the
 * run made; checks those went over https to hosts of the tested values only.
 */
async function runLive(p, { password } = {}) {
  const section = live(p);
  if (password != null) await section.locator('input.live-password').fill(password);
  const mark = requests.length;
  const hosts = new Set(
    ((await record())?.params ?? []).flatMap((x) => {
      try {
        return [new URL(x.value).hostname];
      } catch {
        return [];
      }
    }),
  );
  for (const h of hosts) tenantHosts.add(h);
  const started = Date.now();
  await section.locator('button.live-run').click();
  await waitFor(async () => (await section.getAttribute('data-state')) === 'done', { timeout: 30000, what: 'the live test to finish' });
  const elapsed = Date.now() - started;
  const made = requests.slice(mark).filter((r) => r.worker && /^https?:/.test(r.url));
  for (const r of made) {
    if (await unsent(r)) continue;
    const u = new URL(r.url);
    assert.equal(u.protocol, 'https:', `live-test request over ${u.protocol}: ${r.url}`);
    assert.ok(hosts.has(u.hostname), `live-test request to ${u.hostname}, not a host of the tested values`);
  }
  const shown = await section.evaluate(readLiveSection);
  return { ...shown, elapsed, made };
}

// ---- happy paths, one per partner that uses the probes --------------------------------------

test('Defender for Cloud Apps and Kombo: OAuth + REST show green', async () => {
  await captureOauth();
  for (const partner of ['defender-for-cloud-apps', 'kombo']) {
    await setPartner(partner);
    const p = await popup();
    try {
      const shown = await runLive(p);
      assert.equal(shown.outcome, 'passed', `${partner}: ${JSON.stringify(shown)}`);
      assert.equal(shown.steps.oauth.status, 'passed');
      assert.equal(shown.steps.rest.status, 'passed');
      // The probes the partner does not use are not listed.
      assert.deepEqual(Object.keys(shown.steps).sort(), ['oauth', 'rest']);
      // It says what it used: the API client and the refresh token, by account and fingerprint.
      assert.match(await live(p).locator('.live-uses').textContent(), /Uses API client Acme Learning Sync · refresh token of ISU_Acme_Learning \(sha256:[0-9a-f]{8}\) · last run .*: Passed/);
      assert.match(shown.steps.oauth.summary, /Access token received \(Bearer, valid for 60 min\)/);
      assert.match(shown.steps.rest.summary, /3 workers/);
      // The requests: method, URL without its query, status.
      assert.deepEqual(shown.steps.oauth.requests, ['POST https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token HTTP 200']);
      assert.deepEqual(shown.steps.rest.requests, ['GET https://wd3-impl-services1.workday.com/ccx/api/v1/acme/workers HTTP 200']);
      assert.equal(await live(p).locator('.live-step.passed').count(), 2);
      assert.equal(await live(p).locator('.live-step.failed').count(), 0);
    } finally {
      await p.close();
    }
  }
  // The simulator saw the same two calls per run, over TLS to the host it was asked for.
  const log = apiLog();
  assert.equal(log.length, 4);
  assert.ok(log.every((l) => l.tls && l.servername === l.host && tenantHosts.has(l.host)), JSON.stringify(log));
});

test('Viva Learning: OAuth + SOAP show green', async () => {
  await captureOauth();
  // No fixture page shows Viva Learning's SOAP endpoint (wdcap builds it from the REST host).
  await addValue('soap_endpoint', SOAP_ENDPOINT);
  await setPartner('viva-learning');
  const p = await popup();
  try {
    const shown = await runLive(p);
    assert.equal(shown.outcome, 'passed', JSON.stringify(shown));
    assert.equal(shown.steps.oauth.status, 'passed');
    assert.equal(shown.steps.soap.status, 'passed');
    assert.match(shown.steps.soap.summary, /SOAP `?Learning`? v39\.2 answered without a fault/);
    assert.deepEqual(shown.steps.soap.requests, [`POST ${SOAP_ENDPOINT} HTTP 200`]);
  } finally {
    await p.close();
  }
});

test('Ten Thousand Coffees: RaaS with the ISU password shows green; the password is never stored', async () => {
  await captureReport();
  await setPartner('ten-thousand-coffees');
  const p = await popup();
  try {
    const password = browser.sim.api.isuPassword;
    const shown = await runLive(p, { password });
    assert.equal(shown.outcome, 'passed', JSON.stringify(shown));
    // 10KC reads its reports with the ISU's password: the OAuth probe is not its, not listed.
    assert.deepEqual(Object.keys(shown.steps), ['raas']);
    assert.equal(shown.steps.raas.status, 'passed');
    assert.match(shown.steps.raas.summary, /JSON, 3 entries/);
    assert.deepEqual(shown.steps.raas.findings, [], 'the report has the partner fields');
    // Sent once as basic auth, cleared from the field, stored nowhere.
    assert.equal(await live(p).locator('input.live-password').inputValue(), '');
    const w = await worker();
    const stored = JSON.stringify([await w.evaluate(() => chrome.storage.session.get(null)), await w.evaluate(() => chrome.storage.local.get(null))]);
    assert.ok(!stored.includes(password), 'the ISU password is in extension storage');
    assert.ok(!(await p.content()).includes(password), 'the ISU password is in the popup document');
    // Without the password the report probe says what it needs.
    const again = await runLive(p);
    assert.equal(again.steps.raas.status, 'skipped');
    assert.match(again.steps.raas.summary, /user name and password/);
  } finally {
    await p.close();
  }
});

// ---- failure switches -----------------------------------------------------------------------


test('every failure switch of the simulator is covered here', () => {
  const covered = new Set(CASES.flatMap((c) => c.sw));
  for (const extra of ['timeout', 'new_refresh_token']) covered.add(extra); // tests of their own below
  assert.deepEqual([...covered].sort(), Object.keys(SWITCHES).sort());
});

for (const c of CASES) {
  const what = `${c.sw.join(' + ')}${c.report ? ' (RaaS)' : c.soap ? ' (SOAP)' : ''}`;
  test(`switch ${what}: ${c.probe} shows ${c.code} with its fix`, async () => {
    if (c.report) await captureReport();
    else await captureOauth();
    if (c.soap) await addValue('soap_endpoint', SOAP_ENDPOINT);
    await setPartner(c.partner ?? null);
    browser.sim.api.set(...c.sw);
    const p = await popup();
    try {
      const shown = await runLive(p, c.report ? { password: browser.sim.api.isuPassword } : {});
      const f = findingOf(shown, c.probe, c.code);
      assert.match(f.fix, c.fix);
      assert.equal(shown.steps[c.probe].status, c.passes ? 'passed' : 'failed');
      assert.equal(shown.outcome, c.passes ? 'passed' : 'failed', shown.status);
    } finally {
      await p.close();
    }
  });
}

test('natural failures: /ccx/oauth/ instead of /ccx/oauth2/ is 404', async () => {
  await captureOauth();
  // A newer capture is tested first: a mistyped token endpoint on the tenant's own host.
  const url = 'https://wd3-impl-services1.workday.com/ccx/oauth/acme/token';
  await addValue('token_endpoint', url);
  const p = await popup();
  try {
    const shown = await runLive(p);
    assert.match(findingOf(shown, 'oauth', 'live-not-found').fix, /\/ccx\/oauth2\//);
    assert.equal(shown.steps.oauth.requests.length, 1);
    assert.ok(shown.steps.oauth.requests[0].startsWith(`POST ${url} `), shown.steps.oauth.requests[0]);
  } finally {
    await p.close();
  }
});

test('a value off the tenant\u2019s own API host (another data center, a UI host) refuses the test: nothing is sent', async () => {
  await captureOauth();
  for (const [kind, url, why] of [
    ['token_endpoint', 'https://wd5-impl-services1.workday.com/ccx/oauth2/acme/token', /data center: wd5/],
    ['rest_endpoint', 'https://wd3-impl.workday.com/ccx/api/v1/acme', /UI host/],
  ]) {
    await addValue(kind, url);
    const p = await popup();
    try {
      const section = live(p);
      const mark = requests.length;
      await section.locator('button.live-run').click();
      await waitFor(async () => (await section.getAttribute('data-state')) === 'done', { timeout: 30000, what: 'the refusal' });
      assert.equal(await section.getAttribute('data-outcome'), 'refused');
      const refusal = section.locator('li.live-refused li.finding[data-code="live-host-refused"]');
      assert.equal(await refusal.count(), 1);
      assert.match(await refusal.locator('.message').textContent(), why);
      assert.match(await refusal.locator('.fix').textContent(), /View API Clients/);
      assert.deepEqual(requests.slice(mark).filter((r) => r.worker && /^https?:/.test(r.url)).map((r) => r.url), [], 'the worker sent nothing');
      assert.deepEqual(apiLog(), [], 'the simulator received nothing');
    } finally {
      await p.close();
    }
    await captureOauth();
  }
});

test('a huge answer is never read whole: refused from its declared length, or its stream cancelled past 1 MiB', async () => {
  await captureOauth();
  for (const sw of ['huge_answer', 'huge_stream']) {
    browser.sim.api.reset();
    logMark = browser.sim.api.log.length;
    browser.sim.api.set(sw);
    const p = await popup();
    try {
      const shown = await runLive(p);
      findingOf(shown, 'oauth', 'live-too-large');
      assert.match(shown.steps.oauth.requests[0], /answer larger than 1\.0 MiB/);
      // The simulator writes as fast as the reader takes it: when the reader stops, the socket
      // fills and the connection closes. Reading it whole would have taken all 64 MiB.
      const [entry] = apiLog();
      let last = -1;
      while (entry.bytesSent !== last) {
        last = entry.bytesSent;
        await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(entry.bytesSent < HUGE_ANSWER_BYTES / 4, `${sw}: ${entry.bytesSent} bytes were read of ${HUGE_ANSWER_BYTES}`);
    } finally {
      await p.close();
    }
  }
});

test('a new refresh token is shown masked, replaces the old one in the session, and works', async () => {
  await captureOauth();
  const old = (await record()).params.find((x) => x.kind === 'refresh_token').value;
  browser.sim.api.set('new_refresh_token');
  const p = await popup();
  try {
    const shown = await runLive(p);
    assert.equal(shown.outcome, 'passed');
    findingOf(shown, 'oauth', 'live-new-refresh-token');
    // Saved in place of the old one.
    const tokens = (await record()).params.filter((x) => x.kind === 'refresh_token');
    assert.equal(tokens.length, 1);
    const fresh = tokens[0].value;
    assert.notEqual(fresh, old);
    assert.ok(Number.isFinite(tokens[0].renewed), 'marked as renewed');
    // Shown masked with a clear note; Show reveals it; it is not in the document before.
    const box = live(p).locator('.live-renewed');
    await box.waitFor();
    assert.match(await box.locator('.live-renewed-note').textContent(), /replaces the old one/);
    const value = box.locator('.value-text');
    assert.match(await value.textContent(), new RegExp(`${fresh.length} chars · sha256:[0-9a-f]{8}`));
    assert.ok(!(await p.content()).includes(fresh), 'the new token is in the document before Show');
    await box.locator('button.reveal').click();
    assert.equal(await value.textContent(), fresh);
    // Copy gives the raw token.
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await p.bringToFront();
    await box.locator('button.copy').click();
    await waitFor(async () => (await p.evaluate(() => navigator.clipboard.readText())) === fresh, { what: 'the new token on the clipboard' });
    // The popup re-rendered after the save (session storage changed); the result stayed.
    await waitFor(async () => (await live(p).getAttribute('data-outcome')) === 'passed', { what: 'the result to survive the re-render' });
    // The old token is dead at the simulator now, the saved one works.
    browser.sim.api.switches.clear();
    const again = await runLive(p);
    assert.equal(again.outcome, 'passed', JSON.stringify(again.steps.oauth));
    assert.deepEqual(again.steps.oauth.findings, []);
  } finally {
    await p.close();
  }
});

test('timeout: a host that never answers ends in live-timeout within the time limit', async () => {
  await captureOauth();
  await setTimeLimit(3000);
  browser.sim.api.set('timeout');
  const p = await popup();
  try {
    const shown = await runLive(p);
    findingOf(shown, 'oauth', 'live-timeout');
    assert.equal(shown.outcome, 'timeout');
    assert.match(shown.status, /3 s/);
    assert.ok(shown.elapsed < 3000 + 2500, `took ${shown.elapsed} ms for a 3000 ms limit`);
    assert.ok(shown.elapsed >= 2900, `stopped after ${shown.elapsed} ms, before the limit`);
    assert.deepEqual(shown.steps.oauth.requests, ['POST https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token no answer in time']);
  } finally {
    await p.close();
  }
});

test('Cancel stops a running test at once', async () => {
  await captureOauth();
  browser.sim.api.set('timeout');
  const p = await popup();
  try {
    const section = live(p);
    await section.locator('button.live-run').click();
    await waitFor(async () => /stops after 20 s/.test(await section.locator('.live-status').textContent()), { what: 'the test to start' });
    assert.equal(await section.locator('button.live-cancel').isVisible(), true);
    assert.equal(await section.locator('button.live-run').isVisible(), false);
    const started = Date.now();
    await section.locator('button.live-cancel').click();
    await waitFor(async () => (await section.getAttribute('data-state')) === 'done', { what: 'the cancelled test to end' });
    assert.ok(Date.now() - started < 3000, 'cancelled promptly');
    assert.equal(await section.getAttribute('data-outcome'), 'cancelled');
    await section.locator('li.live-step[data-probe="oauth"] li.finding[data-code="live-cancelled"]').waitFor();
  } finally {
    await p.close();
  }
});

test('nothing runs without a click, and the popup asks for nothing on opening', async () => {
  await captureOauth();
  const p = await popup();
  try {
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(apiLog(), [], 'opening the popup called the API');
    assert.equal(await live(p).getAttribute('data-state'), 'idle');
    assert.match(await live(p).locator('.live-intro').textContent(), /wd3-impl-services1\.workday\.com/);
  } finally {
    await p.close();
  }
});
