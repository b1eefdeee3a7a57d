// End to end in Firefox: the packaged Firefox build (dist/firefox) installed in
// Debian's firefox-esr, against the simulator. What Chromium's suites show, Firefox must too:
//   - the content script captures values from Workday pages, the background page analyses them
//     with the wasm core, and the popup lists them with secrets masked;
//   - the host permissions granted at install are exactly the manifest's Workday patterns, and
//     they are enough for every live-test request (the simulator sends no CORS headers: a fetch
//     works only because the extension holds a host permission, never through a CORS workaround);
//   - after the user takes those permissions back (about:addons), Run asks for the tenant's own
//     https hosts only, and that narrow grant is enough; without it the background page refuses
//     with `host_permission` rather than sending anything;
//   - each failure switch shows the same finding and fix as in Chromium (live-cases.mjs): the
//     network errors Firefox's fetch raises differ from Chromium's, the core maps both;
//   - no request goes to a host outside the tenant's Workday hosts: every request Firefox made
//     went through the simulator's proxy, which records it (sim.proxyLog).

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { PAGE_PATHS, waitFor } from './harness.mjs';
import { launchFirefox, openExtensionPage, tabIdOf } from './firefox-harness.mjs';
import { CASES, HOSTILE_VALUES, SOAP_ENDPOINT, TENANT, KEY, PAGES, captures, readLiveSection, findingOf } from './live-scenario.mjs';
import { servicesHost, isWorkdayHost } from '../../sim/server.mjs';
import { tenantOfPath } from '../../sim/fixtures.mjs';

const SERVICES = 'wd3-impl-services1.workday.com';
let ff;
let tab; // a Workday page of the tenant: the popup's "current tab"
let ctl; // an extension page kept open to reach the extension's APIs (storage, permissions)
let tenantHosts;
/** Hosts a test opened on purpose as forged pages (not the tenant's): the browser went there, the extension kept nothing. */
const FORGED = new Set(['www.workday.com']);

const fingerprint = (value) => createHash('sha256').update(value).digest('hex').slice(0, 8);

before(async () => {
  ff = await launchFirefox({ simulator: { delays: { body: 60 } } });
  const ui = ff.sim.fixtures.map((f) => new URL(f.url)).filter((u) => tenantOfPath(u.pathname) === TENANT).map((u) => u.hostname);
  tenantHosts = new Set(ui.flatMap((h) => [h, servicesHost(h)]));
  tab = await ff.browser.newPage();
  await tab.goto(PAGES.home);
  ctl = await openExtensionPage(ff.browser, PAGE_PATHS.options, { ready: false });
  capturing = captures({
    session,
    setSession: (o) => ctl.evaluate((v) => browser.storage.session.set(v), o),
    clearSession: () => ctl.evaluate(() => browser.storage.session.clear()),
    goto: (url) => tab.goto(url),
    url: () => tab.url(),
  });
});

after(async () => {
  try {
    // Where Firefox went: every request went through the simulator's proxy.
    const log = ff?.sim.proxyLog ?? [];
    assert.ok(log.some((l) => l.method === 'CONNECT' && l.host === SERVICES), `the live tests' TLS tunnels were recorded: ${JSON.stringify(log.slice(0, 5))}`);
    const elsewhere = log.filter((l) => !tenantHosts.has(l.host) && !FORGED.has(l.host));
    assert.deepEqual(elsewhere, [], 'Firefox sent requests to hosts that are not Workday hosts of the tenant');
    assert.ok([...tenantHosts].every(isWorkdayHost), `hosts: ${[...tenantHosts]}`);
  } finally {
    await ff?.close();
  }
});

let logMark = 0;
beforeEach(async () => {
  ff.sim.api.reset();
  logMark = ff.sim.api.log.length;
  await setTimeLimit(20000);
});

const apiLog = () => ff.sim.api.log.slice(logMark);

/** The background page's globals (Firefox runs an event page, reachable from extension pages). */
async function setTimeLimit(ms) {
  await ctl.evaluate(async (v) => {
    const bg = await browser.runtime.getBackgroundPage();
    bg.wdcapLive ??= {};
    bg.wdcapLive.timeoutMs = v;
  }, ms);
}

const session = () => ctl.evaluate(() => browser.storage.session.get(null));
/** Capturing through an extension page's view of storage.session (live-scenario.mjs). */
let capturing;
const record = () => capturing.record();
const captureOauth = () => capturing.captureOauth();
const captureReport = () => capturing.captureReport();
const addValue = (kind, value, at) => capturing.addValue(kind, value, at);

async function setPartner(integration) {
  await ctl.evaluate(([key, value]) => browser.storage.local.set({ [key]: value }), [`prefs:${KEY}`, { sso: 'unknown', integration }]);
}

const LIVE = `section.tenant.current[data-tenant="${TENANT}"] section.live`;
/** The tenant's live test when the popup does not know the tab's tenant (no host permission). */
const LIVE_ANY = `[data-tenant="${TENANT}"] section.live`;

/** The popup for the Workday tab (`forTab`), or for no tab (it then lists the tenants captured). */
async function popup({ forTab = true } = {}) {
  const p = await openExtensionPage(ff.browser, forTab ? `${PAGE_PATHS.popup}?tab=${await tabIdOf(ctl, tab.url())}` : PAGE_PATHS.popup);
  await p.waitForSelector(forTab ? LIVE : LIVE_ANY);
  return p;
}

/** Clicks Run (a real click: permissions.request needs a user gesture) and reads the result. */
async function runLive(p, { password, live = LIVE } = {}) {
  if (password != null) await p.type(`${live} input.live-password`, password);
  await p.click(`${live} button.live-run`);
  await p.waitForSelector(`${live}[data-state="done"]`, { timeout: 30000 });
  return p.$eval(live, readLiveSection);
}

// ---- the extension in Firefox ---------------------------------------------------------------

test('Firefox: captured from Workday pages, analysed in the background page, listed in the popup with secrets masked', async () => {
  await captureOauth();
  const stored = (await record()).params;
  const p = await popup();
  try {
    const items = await p.$$eval('section.tenant.current li.value', (lis) =>
      lis.map((li) => ({ kind: li.dataset.kind, text: li.querySelector('.value-text').textContent })),
    );
    for (const kind of ['client_id', 'token_endpoint', 'rest_endpoint', 'isu_username']) {
      const value = stored.find((x) => x.kind === kind).value;
      assert.ok(items.some((i) => i.kind === kind && i.text.includes(value)), `${kind} listed: ${JSON.stringify(items)}`);
    }
    const html = await p.content();
    for (const kind of ['client_secret', 'refresh_token']) {
      const value = stored.find((x) => x.kind === kind).value;
      assert.ok(items.some((i) => i.kind === kind && i.text.includes(`${value.length} chars · sha256:${fingerprint(value)}`)), `${kind} masked`);
      assert.ok(!html.includes(value), `the ${kind} is in the popup's document before Show`);
    }
  } finally {
    await p.close();
  }
});

test('Firefox: pages that are not the tenant\'s own add nothing; each API client has its card', async () => {
  await captureOauth();
  const before = await session();
  const stats = () =>
    ctl.evaluate(async () => {
      const bg = await browser.runtime.getBackgroundPage();
      return JSON.parse(JSON.stringify(bg.wdcapStats));
    });
  const fixture = 'view_api_clients/api_clients_tab';
  for (const [address, because] of [
    [`https://www.workday.com/acme/d/task/2997$2151.htmld?wdcap-fixture=${fixture}`, 'not_workday'],
    [`http://wd3-impl.workday.com/acme/d/task/2997$2151.htmld?wdcap-fixture=${fixture}`, 'not_https'],
  ]) {
    const seen = (await stats()).refused;
    await tab.goto(address);
    await waitFor(async () => (await stats()).refused > seen, { what: `${address} to be refused`, timeout: 15000 });
    assert.equal((await stats()).refusals.at(-1).because, because);
  }
  assert.deepEqual(await session(), before, 'nothing was added');
  // View API Clients on the tenant's own page: two more clients, each on its card.
  await tab.goto(`https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld?wdcap-fixture=${fixture}`);
  await waitFor(async () => ((await record())?.params ?? []).filter((x) => x.kind === 'client_id').length === 3, { what: 'three client IDs' });
  const p = await popup();
  try {
    const cards = await p.$$eval('section.tenant.current section.client', (s) => s.map((e) => e.dataset.client));
    assert.deepEqual(cards.sort(), ['Acme Learning Sync', 'Microsoft Defender for Cloud Apps', 'Reporting Portal']);
    const sync = await p.$$eval('section.tenant.current section.client[data-client="Acme Learning Sync"] li.value', (l) => l.map((e) => e.dataset.kind));
    assert.deepEqual(sync.sort(), ['client_id', 'client_secret', 'refresh_token']);
  } finally {
    await p.close();
    await tab.goto(PAGES.home);
  }
});

test('Firefox: the sidebar page (sidebar_action) lists the captured tenant', async () => {
  await captureOauth();
  assert.equal(ff.manifest.sidebar_action?.default_panel, PAGE_PATHS.panel);
  const panel = await openExtensionPage(ff.browser, PAGE_PATHS.panel);
  try {
    assert.equal(await panel.evaluate(() => document.body.dataset.view), 'panel');
    await panel.waitForSelector(`[data-tenant="${TENANT}"] li.value[data-kind="token_endpoint"]`);
  } finally {
    await panel.close();
  }
});

test('Firefox: copying a secret schedules the clipboard clearing with an alarm, which fires', async () => {
  await captureOauth();
  await ctl.evaluate(() => browser.storage.local.set({ settings: { clipboardClearSeconds: 2 } }));
  const p = await popup();
  try {
    const copy = `section.tenant.current li.value[data-kind="client_secret"] button.copy`;
    await p.click(copy);
    await p.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Copied', {}, copy);
    const alarm = await waitFor(() => ctl.evaluate(() => browser.alarms.get('wdcap-clear-clipboard')), { what: 'the clearing alarm' });
    const due = alarm.scheduledTime - Date.now();
    assert.ok(due > -1000 && due <= 2500, `the alarm is due in ${due} ms, for a 2 s setting`);
    // The alarm fired (the background page then writes an empty clipboard; reading the
    // clipboard back needs a permission wdcap does not ask for, so the firing is what is checked).
    await waitFor(async () => (await ctl.evaluate(() => browser.alarms.get('wdcap-clear-clipboard'))) == null, {
      what: 'the clearing alarm to fire',
      timeout: 8000,
    });
  } finally {
    await p.close();
    await ctl.evaluate(() => browser.storage.local.remove('settings'));
  }
});

test('Firefox: captured secrets stay in storage.session; storage.local and storage.sync hold none', async () => {
  await captureOauth();
  const secrets = (await record()).params.filter((p) => p.kind === 'client_secret' || p.kind === 'refresh_token').map((p) => p.value);
  assert.equal(secrets.length, 2);
  const kept = JSON.stringify([
    await ctl.evaluate(() => browser.storage.local.get(null)),
    await ctl.evaluate(() => browser.storage.sync.get(null).catch((e) => `sync: ${e.message}`)),
  ]);
  for (const s of secrets) assert.ok(!kept.includes(s), 'a secret is in storage.local or storage.sync');
});

test('Firefox: the host permissions granted at install are the manifest\'s Workday patterns', async () => {
  const granted = await ctl.evaluate(() => browser.permissions.getAll());
  assert.deepEqual([...granted.origins].sort(), [...ff.manifest.host_permissions].sort());
  assert.ok(granted.origins.every((o) => isWorkdayHost(new URL(o.replace('*://*.', 'https://x.')).hostname)), JSON.stringify(granted.origins));
});

test('Firefox: the Verify page checks a pasted e-mail with the wasm core in an extension page', async () => {
  const page = await openExtensionPage(ff.browser, PAGE_PATHS.verify);
  try {
    const text = [
      'Client ID: "OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm "',
      'Token endpoint: https://wd3-impl-services1.workday.com/ccx/oauth/acme/token',
      'Authorization Endpoint: https://wd3-impl.workday.com/acme/authorize',
    ].join('\n');
    await page.evaluate((t) => {
      document.getElementById('partner').value = 'defender-for-cloud-apps';
      document.getElementById('sso-yes').checked = true;
      document.getElementById('input').value = t;
    }, text);
    await page.click('#check');
    await page.waitForFunction(() => Number(document.body.dataset.checked ?? 0) > 0);
    const kinds = await page.$$eval('#values li.value', (items) => items.map((li) => li.dataset.kind));
    assert.deepEqual(kinds, ['client_id', 'token_endpoint', 'authorization_endpoint']);
    const codes = await page.$$eval('#results li.finding', (items) => items.map((li) => li.dataset.code));
    for (const code of ['whitespace', 'wrong-path', 'redirect-n-missing']) assert.ok(codes.includes(code), `${code} in ${codes}`);
  } finally {
    await page.close();
  }
});

// ---- live test: happy paths ----------------------------------------------------------------

test('Firefox live test: Defender for Cloud Apps and Kombo, OAuth + REST green', async () => {
  await captureOauth();
  for (const partner of ['defender-for-cloud-apps', 'kombo']) {
    await setPartner(partner);
    const p = await popup();
    try {
      const shown = await runLive(p);
      assert.equal(shown.outcome, 'passed', `${partner}: ${JSON.stringify(shown)}`);
      assert.equal(shown.steps.oauth.status, 'passed');
      assert.equal(shown.steps.rest.status, 'passed');
      assert.match(shown.steps.oauth.summary, /Access token received \(Bearer, valid for 60 min\)/);
      assert.match(shown.steps.rest.summary, /3 workers/);
      assert.deepEqual(shown.steps.oauth.requests, [`POST https://${SERVICES}/ccx/oauth2/acme/token HTTP 200`]);
      assert.deepEqual(shown.steps.rest.requests, [`GET https://${SERVICES}/ccx/api/v1/acme/workers HTTP 200`]);
    } finally {
      await p.close();
    }
  }
  const log = apiLog();
  assert.equal(log.length, 4, JSON.stringify(log));
  assert.ok(log.every((l) => l.tls && l.servername === l.host && l.host === SERVICES), JSON.stringify(log));
});

test('Firefox live test: Viva Learning, OAuth + SOAP green', async () => {
  await captureOauth();
  await addValue('soap_endpoint', SOAP_ENDPOINT);
  await setPartner('viva-learning');
  const p = await popup();
  try {
    const shown = await runLive(p);
    assert.equal(shown.outcome, 'passed', JSON.stringify(shown));
    assert.equal(shown.steps.soap.status, 'passed');
    assert.deepEqual(shown.steps.soap.requests, [`POST ${SOAP_ENDPOINT} HTTP 200`]);
  } finally {
    await p.close();
  }
});

test('Firefox live test: Ten Thousand Coffees, RaaS with the ISU password green; the password is not stored', async () => {
  await captureReport();
  await setPartner('ten-thousand-coffees');
  const p = await popup();
  try {
    const password = ff.sim.api.isuPassword;
    const shown = await runLive(p, { password });
    assert.equal(shown.outcome, 'passed', JSON.stringify(shown));
    assert.equal(shown.steps.raas.status, 'passed');
    assert.match(shown.steps.raas.summary, /JSON, 3 entries/);
    assert.equal(await p.$eval(`${LIVE} input.live-password`, (i) => i.value), '');
    const stored = JSON.stringify([await session(), await ctl.evaluate(() => browser.storage.local.get(null))]);
    assert.ok(!stored.includes(password), 'the ISU password is in extension storage');
  } finally {
    await p.close();
  }
});

// ---- live test: every failure switch, as in Chromium ---------------------------------------

for (const c of CASES) {
  const what = `${c.sw.join(' + ')}${c.report ? ' (RaaS)' : c.soap ? ' (SOAP)' : ''}`;
  test(`Firefox switch ${what}: ${c.probe} shows ${c.code} with its fix`, async () => {
    if (c.report) await captureReport();
    else await captureOauth();
    if (c.soap) await addValue('soap_endpoint', SOAP_ENDPOINT);
    await setPartner(c.partner ?? null);
    ff.sim.api.set(...c.sw);
    const p = await popup();
    try {
      const shown = await runLive(p, c.report ? { password: ff.sim.api.isuPassword } : {});
      assert.match(findingOf(shown, c.probe, c.code).fix, c.fix);
      assert.equal(shown.steps[c.probe].status, c.passes ? 'passed' : 'failed');
      assert.equal(shown.outcome, c.passes ? 'passed' : 'failed', shown.status);
    } finally {
      await p.close();
    }
  });
}

test('Firefox switch timeout: a host that never answers ends in live-timeout within the time limit', async () => {
  await captureOauth();
  await setTimeLimit(3000);
  ff.sim.api.set('timeout');
  const p = await popup();
  try {
    const started = Date.now();
    const shown = await runLive(p);
    const elapsed = Date.now() - started;
    findingOf(shown, 'oauth', 'live-timeout');
    assert.equal(shown.outcome, 'timeout');
    assert.ok(elapsed < 3000 + 4000, `took ${elapsed} ms for a 3000 ms limit`);
  } finally {
    await p.close();
  }
});

// ---- live test: values that are not the tenant's own API ------------------------------------

test('Firefox: hostile values (look-alike, non-tenant, another data center, another tenant) refuse the test; nothing leaves the browser', async () => {
  await captureOauth();
  for (const [kind, url] of HOSTILE_VALUES) await addValue(kind, url, Date.now() + 60000);
  const proxyMark = ff.sim.proxyLog.length;
  const p = await popup();
  try {
    await p.click(`${LIVE} button.live-run`);
    await p.waitForSelector(`${LIVE}[data-state="done"]`, { timeout: 30000 });
    assert.equal(await p.$eval(LIVE, (s) => s.dataset.outcome), 'refused');
    const reasons = await p.$$eval(`${LIVE} li.live-refused li.finding .message`, (items) => items.map((i) => i.textContent));
    assert.equal(reasons.length, HOSTILE_VALUES.length, reasons.join('\n'));
    for (const [k, , why] of HOSTILE_VALUES) assert.ok(reasons.some((r) => why.test(r)), `${k}: ${why} in ${reasons.join(' | ')}`);
  } finally {
    await p.close();
  }
  assert.deepEqual(apiLog(), [], 'the simulator received an API request');
  assert.deepEqual(ff.sim.proxyLog.slice(proxyMark), [], 'Firefox opened a connection during the refused test');
});

// ---- host permissions: narrow grants are enough, missing ones are refused ------------------

test('Firefox: without host permission nothing is sent, and Run asks for the tenant\'s hosts only, which is enough', async () => {
  await captureOauth();
  await setPartner('kombo');
  const all = ff.manifest.host_permissions;
  try {
    // The user takes the host permissions back (about:addons → Permissions): the manifest's, and
    // the tenant's own that earlier Runs asked for (granted already, so no prompt was shown).
    const held = (await ctl.evaluate(() => browser.permissions.getAll())).origins;
    assert.ok(all.every((o) => held.includes(o)), JSON.stringify(held));
    assert.ok(held.every((o) => all.includes(o) || o === `https://${SERVICES}/*`), `origins held after the Runs: ${JSON.stringify(held)}`);
    assert.equal(await ctl.evaluate((origins) => browser.permissions.remove({ origins }), held), true);
    assert.deepEqual((await ctl.evaluate(() => browser.permissions.getAll())).origins, []);

    // No CORS workaround: a plain fetch from an extension page to the token endpoint is refused
    // by Firefox, since the simulator (like Workday) sends no CORS headers.
    const plain = await ctl.evaluate(async (url) => {
      try {
        const r = await fetch(url, { method: 'POST', body: 'grant_type=refresh_token', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        return `status ${r.status}`;
      } catch (e) {
        return `${e.name}`;
      }
    }, `https://${SERVICES}/ccx/oauth2/acme/token`);
    assert.equal(plain, 'TypeError', 'a fetch without host permission was not blocked');

    // The background page checks before sending: a start without the permission is refused.
    const mark = ff.sim.api.log.length;
    const refused = await ctl.evaluate(
      (key) =>
        new Promise((resolve) => {
          const port = browser.runtime.connect({ name: 'wdcap/live' });
          port.onMessage.addListener((m) => {
            if (m.type === 'result') resolve(m);
          });
          port.postMessage({ type: 'start', key });
        }),
      KEY,
    );
    assert.equal(refused.ok, false);
    assert.equal(refused.error.code, 'host_permission');
    assert.deepEqual(refused.origins, [`https://${SERVICES}/*`]);
    assert.equal(ff.sim.api.log.length, mark, 'a request was sent without the permission');

    // Run asks (from the click) for exactly the tenant's https hosts; granted, they suffice.
    // (Without host permission the popup cannot read the tab's address, so it lists the tenant
    // among those captured rather than as the tab's.)
    const p = await popup({ forTab: false });
    try {
      const shown = await runLive(p, { live: LIVE_ANY });
      assert.equal(shown.outcome, 'passed', JSON.stringify(shown));
      assert.equal(shown.steps.oauth.status, 'passed');
      assert.equal(shown.steps.rest.status, 'passed');
    } finally {
      await p.close();
    }
    assert.deepEqual((await ctl.evaluate(() => browser.permissions.getAll())).origins, [`https://${SERVICES}/*`]);
  } finally {
    await ctl.evaluate((origins) => browser.permissions.request({ origins }), all).catch(() => {});
  }
});
