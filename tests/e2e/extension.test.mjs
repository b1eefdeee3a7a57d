// End to end: the built extension (dist/chrome) in Debian's Chromium against the Workday tenant
// simulator (sim/server.mjs). What it proves:
//   1. View API Clients shows the captured endpoints and client IDs in the popup;
//   2. SSO "yes" in the popup makes `redirect-n-missing` an error with the fixed URL;
//   3. Copy puts the exact value on the clipboard;
//   4. marks appear beside captured values; a page no recogniser claims leaves nothing in
//      chrome.storage.session.
// One browser for the file; each test waits for conditions, never for fixed times (except the
// one "nothing more happens" check, which can only be a bounded wait).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch,
  waitFor,
  tabIdOf,
  openPopup,
  sessionStorage,
  workerStats,
  currentWorker,
  VIEW_API_CLIENTS_URL,
  HOME_URL,
  ACME,
  recordKey,
  prefsKey,
  markCount,
  marksIn,
} from './harness.mjs';

const EXPECTED = {
  rest_endpoint: ['https://wd3-impl-services1.workday.com/ccx/api/v1/acme'],
  token_endpoint: ['https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token'],
  authorization_endpoint: ['https://wd3-impl.workday.com/acme/authorize'],
  client_id: ['OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm', 'MTE2Mjk0ODYtNDk5YS00MTBmLWFiNjgtYjk0YWUwMGVjODZi'],
};
const EXPECTED_COUNT = Object.values(EXPECTED).flat().length;

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function clearSession() {
  const worker = await currentWorker(browser.context);
  await worker.evaluate(() => chrome.storage.session.clear());
}

/** Opens View API Clients and waits for the marks (i.e. the worker has analysed the page). */
async function openViewApiClients() {
  const page = await browser.context.newPage();
  await page.goto(VIEW_API_CLIENTS_URL);
  await waitFor(async () => (await markCount(page)) === EXPECTED_COUNT, {
    what: `${EXPECTED_COUNT} marks on View API Clients`,
  });
  return page;
}

/** The values the popup lists for a tenant, as {kind: [text]}. */
async function popupValues(popup, tenant) {
  return popup.evaluate((t) => {
    const out = {};
    const section = document.querySelector(`.tenant[data-tenant="${t}"]`);
    for (const li of section?.querySelectorAll('li.value') ?? []) {
      (out[li.dataset.kind] ??= []).push(li.querySelector('.value-text').textContent);
    }
    return out;
  }, tenant);
}

test('1. View API Clients: the popup shows the captured endpoints and client IDs', async () => {
  await clearSession();
  const page = await openViewApiClients();
  const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, page));
  try {
    const section = popup.locator('section.tenant.current[data-tenant="acme"]');
    await section.waitFor();
    assert.deepEqual(await popupValues(popup, 'acme'), EXPECTED);
    // The client IDs carry their API client's name.
    const clientNames = await popup.locator('li.value[data-kind="client_id"] .value-meta').allTextContents();
    assert.deepEqual(clientNames, ['Microsoft Defender for Cloud Apps', 'Reporting Portal']);
    // Grouped under the page they came from.
    assert.equal(await popup.locator('section.page[data-page="view_api_clients"] h3 span').first().textContent(), 'View API Clients');
    // Stored in the session, per tenant and host family; nothing in local storage but preferences.
    const stored = await sessionStorage(browser.context);
    assert.deepEqual(Object.keys(stored), [recordKey()]);
    assert.equal(stored[recordKey()].params.length, EXPECTED_COUNT);
    const worker = await currentWorker(browser.context);
    const local = await worker.evaluate(() => chrome.storage.local.get(null));
    assert.ok(Object.keys(local).every((k) => k.startsWith('prefs:')), `unexpected local keys ${Object.keys(local)}`);
  } finally {
    await popup.close();
    await page.close();
  }
});

test('2. SSO "yes" turns redirect-n-missing into an error with the fixed URL', async () => {
  await clearSession();
  const page = await openViewApiClients();
  const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, page));
  try {
    const auth = popup.locator('li.value[data-kind="authorization_endpoint"]');
    // Unknown SSO: a warning.
    await auth.locator('li.finding.warning[data-code="redirect-n-missing"]').waitFor();
    await popup.locator('section.tenant.current label[for="sso-wd3.implementation-acme-yes"]').click();
    const error = auth.locator('li.finding.error[data-code="redirect-n-missing"]');
    await error.waitFor();
    assert.equal(await error.locator('.fixed-value').textContent(), 'https://wd3-impl.workday.com/acme/authorize?redirect=n');
    assert.match(await popup.locator('section.tenant.current .summary').textContent(), /1 error/);
    // The answer is a preference (local storage, not a secret), and it holds on reopening.
    const worker = await currentWorker(browser.context);
    assert.deepEqual(await worker.evaluate((k) => chrome.storage.local.get(k), prefsKey()), { [prefsKey()]: { sso: 'yes' } });
    // The switch says where its answer comes from.
    assert.match(await popup.locator('section.tenant.current .sso-source').textContent(), /You chose/);
    await popup.reload();
    await popup.waitForSelector('body[data-ready="true"]');
    assert.equal(await popup.locator('section.tenant.current input[value="yes"]').isChecked(), true);
    await popup.locator('li.finding.error[data-code="redirect-n-missing"]').waitFor();
    // "No": the rule does not apply, the finding goes.
    await popup.locator('section.tenant.current label[for="sso-wd3.implementation-acme-no"]').click();
    await waitFor(async () => (await popup.locator('li.finding[data-code="redirect-n-missing"]').count()) === 0, {
      what: 'redirect-n-missing to disappear with SSO "no"',
    });
    // The page's mark follows the tenant's checks once the page is read again.
    await worker.evaluate((k) => chrome.storage.local.set({ [k]: { sso: 'yes' } }), prefsKey());
    await page.reload();
    await waitFor(
      async () => (await marksIn(page)).find((m) => m.kind === 'authorization_endpoint')?.severity === 'error',
      { what: 'the authorization endpoint mark to show an error' },
    );
  } finally {
    const worker = await currentWorker(browser.context);
    await worker.evaluate((k) => chrome.storage.local.remove(k), prefsKey());
    await popup.close();
    await page.close();
  }
});

test('3. Copy puts the exact value on the clipboard', async () => {
  await clearSession();
  // CDP refuses an origin of chrome-extension://…, so the grant is for every origin.
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await openViewApiClients();
  const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, page));
  try {
    await popup.bringToFront();
    for (const [kind, values] of Object.entries(EXPECTED)) {
      const items = popup.locator(`li.value[data-kind="${kind}"]`);
      for (let i = 0; i < values.length; i++) {
        await popup.evaluate(() => navigator.clipboard.writeText('(empty)'));
        const button = items.nth(i).locator('.value-row button.copy');
        await button.click();
        await waitFor(async () => (await button.textContent()) === 'Copied', { what: `the ${kind} copy button to confirm` });
        assert.equal(await popup.evaluate(() => navigator.clipboard.readText()), values[i]);
      }
    }
    // The corrected value has its own copy button.
    const fixed = popup.locator('li.value[data-kind="authorization_endpoint"] .fixed button.copy');
    await fixed.click();
    await waitFor(async () => (await fixed.textContent()) === 'Copied', { what: 'the corrected value copy button to confirm' });
    assert.equal(await popup.evaluate(() => navigator.clipboard.readText()), 'https://wd3-impl.workday.com/acme/authorize?redirect=n');
  } finally {
    await popup.close();
    await page.close();
  }
});

test('4a. Marks sit beside each captured value, are inert and do not feed back', async () => {
  await clearSession();
  const page = await openViewApiClients();
  try {
    // Read through the closed shadow roots, as DevTools does (the page cannot).
    const marks = await marksIn(page);
    // What the page itself sees of them: built-in hosts, empty, no shadow root it can open.
    const seen = await page.evaluate(() =>
      [...document.querySelectorAll('span')]
        .filter((e) => e.childNodes.length === 0 && e.style.getPropertyPriority('display') === 'important')
        .map((m) => ({ light: m.childNodes.length, shadow: m.shadowRoot })),
    );
    assert.equal(seen.length, marks.length);
    assert.equal(marks.length, EXPECTED_COUNT);
    for (const [kind, values] of Object.entries(EXPECTED)) {
      const ofKind = marks.filter((m) => m.kind === kind);
      assert.deepEqual(
        ofKind.map((m) => m.beside),
        values,
        `marks of ${kind} beside their values`,
      );
    }
    assert.ok(seen.every((m) => m.light === 0 && m.shadow === null), 'marks hold no light-DOM content and a closed shadow root');
    assert.ok(marks.every((m) => m.host === 'span'), 'each mark is a built-in element');
    assert.equal(marks.find((m) => m.kind === 'authorization_endpoint').severity, 'warning');
    assert.equal(marks.find((m) => m.kind === 'token_endpoint').severity, 'ok');

    // Marks change the DOM; the content script must not take that for a page change.
    const settled = (await workerStats(browser.context)).snapshots;
    await new Promise((r) => setTimeout(r, 1200)); // > debounce: would have re-sent by now
    assert.equal((await workerStats(browser.context)).snapshots, settled, 'no snapshot caused by the marks');

    // A real change of the page is seen (MutationObserver, debounced), and marks follow it.
    await page.evaluate(() => document.querySelector('tr[data-row-id="1"]').remove());
    await waitFor(async () => (await markCount(page)) === EXPECTED_COUNT - 1, {
      what: 'one mark fewer after a table row went away',
    });
  } finally {
    await page.close();
  }
});

test('4c. Marks tell the page nothing: no wdcap trace in its DOM, no custom element it could define first, nothing about other pages', async () => {
  await clearSession();
  // What the tenant's other pages showed: its API on another data center (more URLs there than
  // on this page, so the tenant-wide check would blame this page's URLs).
  const elsewhere = ['token_endpoint', 'rest_endpoint', 'soap_endpoint', 'raas_url'].map((kind, i) => ({
    kind,
    value: [
      'https://wd5-impl-services1.workday.com/ccx/oauth2/acme/token',
      'https://wd5-impl-services1.workday.com/ccx/api/v1/acme',
      'https://wd5-impl-services1.workday.com/ccx/service/acme/Learning/v39.2',
      'https://wd5-impl-services1.workday.com/ccx/service/customreport2/acme/ISU_Acme/Users?format=json',
    ][i],
    name: null,
    tenant: 'acme',
    label: null,
    page: null,
    at: 1,
  }));
  const worker = await currentWorker(browser.context);
  await worker.evaluate((params) => chrome.storage.session.set({ 'tenant:acme': { tenant: 'acme', updated: 1, pages: {}, params, settings: [] } }), elsewhere);
  const page = await browser.context.newPage();
  try {
    // The page's own script, before anything else runs: it defines the element name the marks
    // used to have, and watches every element added.
    await page.addInitScript(() => {
      window.__defined = [];
      customElements.define('wdcap-mark', class extends HTMLElement {
        connectedCallback() {
          window.__defined.push('wdcap-mark');
        }
      });
      window.__added = [];
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) window.__added.push(n);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(VIEW_API_CLIENTS_URL);
    await waitFor(async () => (await markCount(page)) === EXPECTED_COUNT, { what: `${EXPECTED_COUNT} marks` });
    const marks = await marksIn(page);
    // What a page script finds.
    const found = await page.evaluate(() => {
      const all = [document.documentElement, ...document.querySelectorAll('*')];
      const named = all.flatMap((e) =>
        // (The simulator's own shell names itself `wdcap-sim`: not the extension.)
        [e.localName, e.className && String(e.className), ...[...e.attributes].flatMap((a) => [a.name, a.value])].filter((x) => x && /wdcap(?!-sim)/i.test(x)),
      );
      const hosts = window.__added.filter((e) => e.isConnected && e.localName === 'span' && !e.childNodes.length && e.style.getPropertyPriority('display') === 'important');
      return {
        named,
        defined: window.__defined,
        customTags: all.filter((e) => e.localName.includes('-')).map((e) => e.localName),
        hosts: hosts.map((e) => ({ html: e.outerHTML, attrs: [...e.attributes].map((a) => a.name).sort(), shadow: e.shadowRoot })),
        text: document.documentElement.textContent + document.body.innerText,
      };
    });
    assert.deepEqual(found.named, [], 'an element, class or attribute names wdcap');
    assert.deepEqual(found.defined, [], 'the page\u2019s own custom element ran inside a mark');
    assert.deepEqual(found.customTags, [], 'a custom element is in the page');
    assert.equal(found.hosts.length, EXPECTED_COUNT, 'each mark is a plain span the page sees as empty');
    assert.ok(found.hosts.every((h) => h.shadow === null && h.attrs.join(' ') === 'style'), JSON.stringify(found.hosts[0]));
    // Every mark looks the same from the page, whatever it says: the judgement is not readable.
    assert.ok(new Set(marks.map((m) => m.severity)).size > 1, 'the marks differ inside');
    assert.equal(new Set(found.hosts.map((h) => h.html)).size, 1, 'the marks differ where the page can see them');
    for (const m of marks) for (const line of m.title.split('\n')) if (line.length > 20) assert.ok(!found.text.includes(line), `the page can read ${line}`);
    // The badges speak of this page's values only: nothing of the other data center's URLs.
    const titles = marks.map((m) => m.title).join('\n');
    assert.doesNotMatch(titles, /wd5|data center/i);
    assert.equal(marks.find((m) => m.kind === 'token_endpoint').severity, 'ok');
  } finally {
    await page.close();
  }
});

test('4b. A page no recogniser claims leaves only the connection URL it quotes in chrome.storage.session, none of its people; in-app navigation is followed', async () => {
  await clearSession();
  const page = await browser.context.newPage();
  try {
    await page.goto(HOME_URL);
    await page.waitForSelector('#wdcap-sim-root[data-sim-page="builtin/home"]');
    // However many snapshots the two-step rendering produced, one taken after a further change
    // of the rendered page (the inbox gains an item) is certainly of the rendered page: once it
    // has been analysed, the page (inbox with people's names, a REST URL in an announcement)
    // has been analysed in full.
    const before = (await workerStats(browser.context)).unrecognised;
    await page.evaluate(() => {
      const item = document.createElement('li');
      item.textContent = 'Expense Report: Eve Example (E-1004)';
      document.querySelector('[data-automation-id="inbox"] ul').append(item);
    });
    await waitFor(async () => (await workerStats(browser.context)).unrecognised > before, {
      what: 'the rendered home page to be analysed as a page wdcap does not know',
    });
    // Only the REST endpoint the announcement quotes is kept, as read on a page wdcap does not know.
    const home = await sessionStorage(browser.context);
    assert.deepEqual(Object.keys(home), [recordKey()]);
    assert.deepEqual(
      home[recordKey()].params.map((p) => [p.kind, p.value, p.unrecognised]),
      [['rest_endpoint', 'https://wd3-impl-services1.workday.com/ccx/api/v1/acme', true]],
    );
    assert.deepEqual(home[recordKey()].reads, []);
    await waitFor(async () => (await markCount(page)) === 1, { what: 'the quoted REST endpoint to be marked' });

    // Following the in-app link (no document load) gets View API Clients captured.
    await page.getByRole('link', { name: 'View API Clients' }).click();
    await waitFor(async () => (await markCount(page)) === EXPECTED_COUNT, {
      what: 'marks after in-app navigation to View API Clients',
    });
    const stored = await sessionStorage(browser.context);
    assert.deepEqual(Object.keys(stored), [recordKey()]);
    assert.equal(stored[recordKey()].params.length, EXPECTED_COUNT);
    // The REST endpoint is now View API Clients' own.
    const rest = stored[recordKey()].params.find((p) => p.kind === 'rest_endpoint');
    assert.equal(rest.page, 'view_api_clients');
    assert.equal(rest.unrecognised, undefined);
    // Nothing else of the home page is in it.
    const text = JSON.stringify(stored);
    for (const leaked of ['Ada Example', 'Eve Example', 'Dana Placeholder', 'dana@example.com', 'home']) {
      assert.ok(!text.includes(leaked), `session storage holds "${leaked}"`);
    }

    // Back to the home page: the marks of View API Clients go, the captures stay.
    await page.goBack();
    await waitFor(async () => (await markCount(page)) === 1, { what: 'only the home page\u2019s own mark' });
  } finally {
    await page.close();
  }
});

test('The popup on a tab that is not a Workday page lists the tenants captured this session', async () => {
  await clearSession();
  const page = await openViewApiClients();
  // Without ?tab= the popup takes the active tab: here, its own (not a Workday page).
  const popup = await openPopup(browser.context, browser.extensionId, null);
  try {
    assert.match(await popup.locator('main > p.hint').textContent(), /not a Workday tenant page/);
    await popup.locator('details.tenant[data-tenant="acme"][open]').waitFor();
    assert.deepEqual(await popupValues(popup, 'acme'), EXPECTED);
    // Forget removes the tenant's values from the session.
    await popup.locator('button.forget').click();
    await popup.locator('.tenant-body .forget-confirm button.confirm-yes').click();
    await waitFor(async () => Object.keys(await sessionStorage(browser.context)).length === 0, { what: 'the tenant to be forgotten' });
  } finally {
    await popup.close();
    await page.close();
  }
});

test('An open popup shows new captures as they arrive', async () => {
  await clearSession();
  const page = await browser.context.newPage();
  await page.goto(HOME_URL);
  await page.waitForSelector('#wdcap-sim-root[data-sim-page="builtin/home"]');
  const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, page));
  try {
    // The tab's tenant is known from its address; of its home page only the REST endpoint an
    // announcement quotes is captured, as read on a page wdcap does not know.
    await waitFor(async () => (await popup.locator('section.tenant.current[data-tenant="acme"] section.page[data-page="unrecognised"] li.value').count()) === 1, {
      what: 'the home page\u2019s REST endpoint in the open popup',
    });
    await page.getByRole('link', { name: 'View API Clients' }).click();
    await waitFor(async () => (await popup.locator('section.tenant.current li.value').count()) === EXPECTED_COUNT, {
      what: 'the open popup to list the new captures',
    });
    assert.deepEqual(await popupValues(popup, 'acme'), EXPECTED);
  } finally {
    await popup.close();
    await page.close();
  }
});

test('Secrets are masked in the popup until shown; copy gives the raw value', async () => {
  await clearSession();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const secret = 'k3xq9v2m7w1p8r4t6y0u5i2o3a9s8d7f6g5h4j3k2l1z0x9c8v7b6n5m4q3w2e1r0t9y8u7i6o5p4a3s2d1f0g9h8j7k6l5z4x3';
  // What the worker would have stored after Register API Client (values captured there): the
  // core's record (StoredRecord), a tenant on one host family.
  const worker = await currentWorker(browser.context);
  await worker.evaluate(
    ([value, key, storageKey]) => {
      const origin = 'wd3-impl.workday.com/acme';
      const param = (kind, v, label) => ({ kind, value: v, name: 'Acme Sync', client: 'Acme Sync', tenant: 'acme', label, page: 'register_api_client', origin, at: Date.now() });
      return chrome.storage.session.set({
        [storageKey]: {
          version: 2,
          key,
          updated: Date.now(),
          params: [
            param('client_id', 'OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm', 'Client ID'),
            param('client_secret', value, 'Client Secret'),
          ],
          reads: [{ page: 'register_api_client', title: 'Register API Client', url: '', origin, at: Date.now(), settings: [{ name: 'client_name', value: 'Acme Sync' }] }],
        },
      });
    },
    [secret, ACME, recordKey()],
  );
  const page = await browser.context.newPage();
  await page.goto(HOME_URL);
  const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, page));
  try {
    await popup.bringToFront();
    const item = popup.locator('li.value[data-kind="client_secret"]');
    const text = item.locator('.value-text');
    const shown = await text.textContent();
    assert.ok(!shown.includes(secret.slice(0, 12)), 'the secret is masked by default');
    assert.match(shown, new RegExp(`${secret.length} chars · sha256:[0-9a-f]{8}`));
    assert.ok(!(await popup.content()).includes(secret), 'the raw secret is nowhere in the popup document');
    await item.locator('button.reveal').click();
    assert.equal(await text.textContent(), secret);
    await item.locator('button.reveal').click();
    assert.notEqual(await text.textContent(), secret);
    await item.locator('button.copy').click();
    await waitFor(async () => (await item.locator('button.copy').textContent()) === 'Copied', { what: 'the copy to confirm' });
    assert.equal(await popup.evaluate(() => navigator.clipboard.readText()), secret);
  } finally {
    await popup.close();
    await page.close();
  }
});

test('Values from several pages of one tenant gather in one view; a captured secret stays in the session', async () => {
  await clearSession();
  const first = await openViewApiClients();
  const second = await browser.context.newPage();
  // Register API Client, the result screen: client ID, client secret and the three endpoints.
  await second.goto('https://wd3-impl.workday.com/acme/d/inst/15194$7410/rel-task/2997$2141.htmld?wdcap-fixture=register_api_client/result_plain');
  // Five values marked (the settings read there, its grant type and the like, have marks of their own).
  const valueMarks = async () => (await marksIn(second)).filter((m) => m.kind !== 'setting').length;
  await waitFor(async () => (await valueMarks()) === 5, { what: '5 value marks on the Register API Client result' });
  assert.equal((await marksIn(second)).filter((m) => m.kind === 'client_secret').length, 1);
  const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, second));
  try {
    const values = await popupValues(popup, 'acme');
    // Deduplicated by kind + value: the endpoints both pages show count once.
    assert.equal(Object.values(values).flat().length, EXPECTED_COUNT + 2);
    assert.equal(values.client_id.length, 3);
    assert.equal(values.client_secret.length, 1);
    assert.match(values.client_secret[0], /^•+ +\d+ chars · sha256:[0-9a-f]{8}$/);
    // Each API client's values on its card; the tenant's endpoints under the page last showing them.
    const cards = await popup.locator('section.tenant.current section.client').evaluateAll((s) => s.map((e) => e.dataset.client));
    assert.deepEqual(cards.sort(), ['Acme Learning Sync', 'Microsoft Defender for Cloud Apps', 'Reporting Portal']);
    const sync = popup.locator('section.tenant.current section.client[data-client="Acme Learning Sync"]');
    assert.deepEqual(await sync.locator('li.value').evaluateAll((l) => l.map((e) => e.dataset.kind)), ['client_id', 'client_secret']);
    const pages = await popup.locator('section.tenant.current section.page').evaluateAll((s) => s.map((e) => e.dataset.page));
    assert.deepEqual(pages, ['register_api_client']);

    const stored = await sessionStorage(browser.context);
    const secret = stored[recordKey()].params.find((p) => p.kind === 'client_secret').value;
    assert.ok(secret.length > 20);
    const worker = await currentWorker(browser.context);
    const local = JSON.stringify(await worker.evaluate(() => chrome.storage.local.get(null)));
    assert.ok(!local.includes(secret), 'no secret in storage.local');
    assert.ok(!(await popup.content()).includes(secret), 'the secret is not in the popup document');
    // (`beside` is the page's own text, which shows the secret: Workday shows it once.)
    const markText = JSON.stringify((await marksIn(second)).map(({ beside, ...mark }) => mark));
    assert.ok(!markText.includes(secret), 'no mark carries the secret, not even inside its shadow root');
  } finally {
    await popup.close();
    await second.close();
    await first.close();
  }
});
