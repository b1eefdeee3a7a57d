// End to end: a tenant as real tenants are, with several API clients, security groups and
// integration system users (the simulator's acme on wd3-impl.workday.com), and pages that are
// not the tenant's own. What it proves:
//   1. every partner's export and live test use one API client's values (the one the admin
//      chose, or the one named after the partner), never two clients' (the simulator's API
//      refuses a secret or a refresh token with another client's ID);
//   2. the popup shows one card per API client, the partner's first with the reason;
//   3. forged pages add nothing: on a Workday host that serves no tenant, over plain http, and a
//      page that moved its own address to another tenant's (history.pushState);
//   4. a popup render asks the core for one view per tenant shown (one run of the checks each),
//      and nothing else that runs the checks.
// A set mixing two clients is refused with `mixed-credentials` on the Verify page (every check
// fixture goes through it in verify.test.mjs, this one's among them) and by the live test's core
// (tests/js/live-worker.test.mjs).

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch,
  currentWorker,
  waitFor,
  tabIdOf,
  openPopup,
  sessionStorage,
  workerStats,
  storedRecord,
  onTenantHost,
  ACME,
  prefsKey,
  recordKey,
  VIEW_API_CLIENTS_URL,
  markCount,
} from './harness.mjs';

let browser;
let tab; // the Workday tab: the popup's current tab
const URLS = new Map();

before(async () => {
  browser = await launch({ simulator: { delays: { header: 20, body: 60 } } });
  for (const f of browser.sim.fixtures) URLS.set(f.ref, onTenantHost(f));
  tab = await browser.context.newPage();
});

after(async () => {
  await browser?.close();
});

beforeEach(async () => {
  browser.sim.api.reset();
  const worker = await currentWorker(browser.context);
  await worker.evaluate(async () => {
    await chrome.storage.session.clear();
    await chrome.storage.local.clear();
  });
});

/** Opens fixture `ref` (at the tenant's own host) in the Workday tab until its read is stored. */
async function visit(ref) {
  const url = URLS.get(ref);
  assert.ok(url, `no fixture ${ref}`);
  await tab.goto(url);
  await tab.waitForSelector(`#wdcap-sim-root[data-sim-page="${ref}"]`);
  await waitFor(async () => ((await storedRecord(browser.context))?.reads ?? []).some((r) => r.url === url), {
    what: `the read of ${ref} to be stored`,
  });
}

/**
 * The tenant: View API Clients (Defender's client, Reporting Portal's), Acme Learning Sync
 * registered with its secret and given a refresh token, VivaLearning's refresh token, two ISUs,
 * two security groups.
 */
async function capture() {
  for (const ref of [
    'view_api_clients/api_clients_tab',
    'register_api_client/result_plain',
    'manage_refresh_tokens/result',
    'manage_refresh_tokens/result_viva',
    'create_isu/create_form',
    'create_isu/view_isu',
    'create_security_group/create_form',
    'maintain_permissions/kombo_get_only',
  ]) {
    await visit(ref);
  }
}

async function setPrefs(prefs) {
  const worker = await currentWorker(browser.context);
  await worker.evaluate(([k, p]) => chrome.storage.local.set({ [k]: p }), [prefsKey(), prefs]);
}

async function popup() {
  return openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, tab));
}

const current = (p) => p.locator(`section.tenant.current[data-key="${ACME}"]`);

test('several API clients: one card each, the partner\'s first; each partner\'s export and live test use one client\'s values', async () => {
  await capture();
  let p = await popup();
  try {
    const cards = await current(p).locator('section.client').evaluateAll((s) => s.map((e) => e.dataset.client));
    assert.deepEqual(cards.sort(), ['Acme Learning Sync', 'Microsoft Defender for Cloud Apps', 'Reporting Portal', 'VivaLearning']);
    const groups = await current(p).locator('section.objects.securityGroup li.object').evaluateAll((l) => l.map((e) => e.dataset.name));
    assert.deepEqual(groups.sort(), ['ISU_Acme_Learning', 'test_isu']);
    const isus = await current(p).locator('section.objects.isu li.object').evaluateAll((l) => l.map((e) => e.dataset.name));
    assert.deepEqual(isus.sort(), ['ISU_Acme_Learning', 'ISU_Wintro']);
    // No partner, no choice: the refresh tokens stay on their own clients' cards.
    const tokens = (card) => current(p).locator(`section.client[data-client="${card}"] li.value[data-kind="refresh_token"]`).count();
    assert.equal(await tokens('Acme Learning Sync'), 1);
    assert.equal(await tokens('VivaLearning'), 1);
  } finally {
    await p.close();
  }

  for (const partner of ['defender-for-cloud-apps', 'kombo', 'viva-learning']) {
    // The admin takes Acme Learning Sync as the partner's client.
    await setPrefs({ integration: partner, apiClient: 'Acme Learning Sync' });
    p = await popup();
    try {
      await current(p).locator('section.client.chosen[data-client="Acme Learning Sync"]').waitFor();
      assert.equal(await current(p).locator('section.client').first().getAttribute('data-client'), 'Acme Learning Sync', 'the chosen client first');
      // The export holds that client's values, and no other client's.
      const reply = await p.evaluate(([key, id]) => chrome.runtime.sendMessage({ type: 'wdcap/export', key, partner: id }), [ACME, partner]);
      assert.equal(reply.ok, true, JSON.stringify(reply.error));
      const clients = new Set(reply.export.items.flatMap((i) => i.values.map((v) => v.client)).filter(Boolean));
      assert.deepEqual([...clients], ['Acme Learning Sync'], `${partner}: ${JSON.stringify(reply.export.items.map((i) => [i.kind, i.values.map((v) => v.client)]))}`);
      // The live test: the simulator's token endpoint accepts a secret or a refresh token only
      // with its own client's ID, so passing proves the three belong together.
      const live = current(p).locator('section.live');
      await live.locator('button.live-run').click();
      await waitFor(async () => (await live.getAttribute('data-state')) === 'done', { timeout: 30000, what: `${partner}'s live test` });
      assert.equal(await live.getAttribute('data-outcome'), 'passed', await live.locator('.live-status').textContent());
      assert.match(await live.locator('.live-uses').textContent(), /Uses API client Acme Learning Sync · refresh token of ISU_Acme_Learning/);
      const probes = await live.locator('li.live-step').evaluateAll((l) => l.map((e) => e.dataset.probe));
      assert.ok(!probes.includes('raas'), `${partner} reads no report: ${probes}`);
    } finally {
      await p.close();
    }
  }
  const log = browser.sim.api.log.filter((l) => l.path.endsWith('/token'));
  assert.ok(log.length >= 3 && log.every((l) => l.status === 200), JSON.stringify(log));
});

test('forged pages add nothing: a Workday host that is no tenant\'s, plain http, a page that moved itself to another tenant', async () => {
  await visit('view_api_clients/api_clients_tab');
  const before = await sessionStorage(browser.context);
  const refusedBefore = (await workerStats(browser.context)).refused;
  const page = await browser.context.newPage();
  try {
    const fixture = 'view_api_clients/api_clients_tab';
    for (const [address, why] of [
      // Workday's own sites are no Workday host at all; a sign-in or forms host serves no tenant.
      [`https://www.workday.com/acme/d/task/2997$2151.htmld?wdcap-fixture=${fixture}`, { refused: 'tab', because: 'not_workday' }],
      [`https://forms.workday.com/globex/d/task/2997$2151.htmld?wdcap-fixture=${fixture}`, { refused: 'tab', because: 'not_a_tenant_host' }],
      [`http://wd3-impl.workday.com/globex/d/task/2997$2151.htmld?wdcap-fixture=${fixture}`, { refused: 'tab', because: 'not_https' }],
    ]) {
      const seen = (await workerStats(browser.context)).refused;
      await page.goto(address);
      await page.waitForSelector(`#wdcap-sim-root[data-sim-page="${fixture}"]`);
      await waitFor(async () => (await workerStats(browser.context)).refused > seen, { what: `${address} to be refused` });
      assert.deepEqual((await workerStats(browser.context)).refusals.at(-1), why, address);
      assert.equal(await markCount(page), 0, 'a forged page is not marked');
    }
    // A page of acme moves its own address to globex's (history.pushState) and shows values.
    await page.goto(VIEW_API_CLIENTS_URL);
    await page.waitForSelector('#wdcap-sim-root[data-sim-page="view_api_clients/api_clients_tab"]');
    const seen = (await workerStats(browser.context)).refused;
    await page.evaluate(() => {
      history.pushState({}, '', '/globex/d/task/2997$2151.htmld');
      const row = document.querySelector('tr[data-row-id="1"]');
      row.querySelector('[data-automation-id="promptOption"]').textContent = 'Injected Client';
    });
    await waitFor(async () => (await workerStats(browser.context)).refused > seen, { what: 'the moved page to be refused' });
    // The browser's record of where the document was loaded from (and, depending on when the
    // tab's address follows, the tab's own) disagrees with the page's new address.
    assert.ok(['load_differs', 'page_differs'].includes((await workerStats(browser.context)).refusals.at(-1).refused));
    const after = await sessionStorage(browser.context);
    assert.deepEqual(Object.keys(after), Object.keys(before), 'no record was added');
    assert.deepEqual(after[recordKey()].params, before[recordKey()].params, "acme's values are as they were");
    assert.ok(!JSON.stringify(after).includes('Injected Client'));
    assert.ok((await workerStats(browser.context)).refused >= refusedBefore + 4);
  } finally {
    await page.close();
  }
});

test('a popup render asks the core for one view per tenant shown, one run of the checks each', async () => {
  await visit('view_api_clients/api_clients_tab');
  // A second tenant's record, as the core keeps it.
  const worker = await currentWorker(browser.context);
  await worker.evaluate(() =>
    chrome.storage.session.set({
      'tenant:wd5.production:globex': {
        version: 2,
        key: 'wd5.production:globex',
        updated: Date.now(),
        params: [{ kind: 'rest_endpoint', value: 'https://wd5-services1.myworkday.com/ccx/api/v1/globex', name: null, client: null, tenant: 'globex', label: null, page: 'view_api_clients', origin: 'wd5.myworkday.com/globex', at: Date.now() }],
        reads: [{ page: 'view_api_clients', title: 'View API Clients', url: 'https://wd5.myworkday.com/globex/d/task/2997$2151.htmld', origin: 'wd5.myworkday.com/globex', at: Date.now(), settings: [] }],
      },
    }),
  );
  await setPrefs({ integration: 'defender-for-cloud-apps' });
  // The Workday tab has settled: no snapshot comes in while the popup renders.
  const settled = (await workerStats(browser.context)).snapshots;
  await new Promise((r) => setTimeout(r, 1200));
  assert.equal((await workerStats(browser.context)).snapshots, settled);
  const before = (await workerStats(browser.context)).core.byFunction;
  const p = await popup();
  try {
    const shown = await p.locator('section.tenant, details.tenant').count();
    assert.equal(shown, 2);
    // The checklist and the export of the tab's tenant came with its view.
    await current(p).locator('details.export[data-partner="defender-for-cloud-apps"]').waitFor();
    await current(p).locator('.checklist-strip').waitFor();
    const now = (await workerStats(browser.context)).core.byFunction;
    assert.equal((now.tenantView ?? 0) - (before.tenantView ?? 0), shown, JSON.stringify({ before, now }));
    for (const other of ['checkParams', 'checkText', 'analyseSnapshot', 'captureSnapshot']) {
      assert.equal(now[other] ?? 0, before[other] ?? 0, `${other} ran during the render`);
    }
  } finally {
    await p.close();
  }
});
