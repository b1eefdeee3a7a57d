// End to end: the popup as people use it: "Export for partner" (the partner's values in
// its form's order, corrected, as text or a JSON file; blocked with the reason while an error
// stands, overridable), Clear (one tenant, or everything), a copied secret cleared from the
// clipboard after the time set in the options (and not when that is off, nor for plain values),
// class mode, and the side panel (the same UI, following the active tab and updating live).
// One browser for the file.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, currentWorker, waitFor, tabIdOf, openPopup, sessionStorage, ROOT, VIEW_API_CLIENTS_URL, PAGE_PATHS, ACME, prefsKey, recordKey, storedRecord, markCount } from './harness.mjs';

const DEMO = join(ROOT, 'dist', 'demo');
let browser;
const URLS = new Map();

before(async () => {
  browser = await launch({ simulator: { delays: { header: 20, body: 60 } } });
  for (const f of browser.sim.fixtures) if (!URLS.has(f.ref)) URLS.set(f.ref, f.url);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

after(async () => {
  await browser?.close();
});

beforeEach(async () => {
  const worker = await currentWorker(browser.context);
  await worker.evaluate(async () => {
    await chrome.storage.session.clear();
    await chrome.storage.local.clear();
  });
});

const worker = () => currentWorker(browser.context);

/** Opens fixture `ref` in a new tab and waits until its values are stored. */
async function capture(ref, { values = 1 } = {}) {
  const page = await browser.context.newPage();
  await page.goto(URLS.get(ref));
  await page.waitForSelector(`#wdcap-sim-root[data-sim-page="${ref}"]`);
  await waitFor(async () => (await markCount(page)) >= values, { what: `the values of ${ref} to be marked` });
  return page;
}

async function setPrefs(key, prefs) {
  const w = await worker();
  await w.evaluate(([k, p]) => chrome.storage.local.set({ [k]: p }), [prefsKey(key), prefs]);
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

test('Export for partner: one API client\'s values, in Defender\'s order, corrected; text and JSON', async () => {
  const result = await capture('register_api_client/result_plain', { values: 5 });
  const clients = await capture('view_api_clients/api_clients_tab', { values: 5 });
  await setPrefs(ACME, { sso: 'yes', integration: 'defender-for-cloud-apps' });
  const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, clients));
  try {
    const exported = popup.locator('details.export[data-partner="defender-for-cloud-apps"]');
    await exported.waitFor();
    // Three API clients: View API Clients lists Defender's (its ID only) and Reporting Portal's,
    // Acme Learning Sync was registered here with its secret. Defender's is the one named after
    // it: its secret was never captured, so the export is blocked, never completed with Acme
    // Learning Sync's secret.
    assert.equal(await exported.getAttribute('data-ready'), 'false');
    await exported.locator('summary').click();
    assert.equal(
      await exported.locator('li.export-item[data-kind="client_id"] code').textContent(),
      'OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm',
    );
    assert.match(await exported.locator('li.export-item[data-kind="client_secret"] .missing').textContent(), /missing/);
    assert.match(
      await exported.locator('li.export-item[data-kind="client_secret"] .candidates-note').textContent(),
      /API client `Microsoft Defender for Cloud Apps`, chosen because it is named after the partner.*generate a new one/,
    );
    const blockers = await exported.locator('.blocked li.finding').evaluateAll((items) => items.map((li) => li.dataset.code));
    assert.deepEqual(blockers, ['missing-parameter']);
    assert.match(await popup.locator('section.client.chosen[data-client="Microsoft Defender for Cloud Apps"] .card-reason').textContent(), /named after the partner/);

    // The admin takes Acme Learning Sync as the partner's client: its ID and its secret.
    await popup.locator('section.client[data-client="Acme Learning Sync"] button.use-client').click();
    await popup.locator('section.client.chosen[data-client="Acme Learning Sync"]').waitFor();
    await waitFor(async () => (await exported.getAttribute('data-ready')) === 'true', { what: 'the export to be ready' });
    const labels = await exported.locator('li.export-item .export-label').allTextContents();
    assert.deepEqual(labels, ['Client ID', 'Client Secret', 'Workday REST API Endpoint', 'Token Endpoint', 'Authorization Endpoint']);
    assert.equal(
      await exported.locator('li.export-item[data-kind="client_id"] code').textContent(),
      'YmRkNjQwZmItMDY2Ny00YWQxLTljODAtMzE3ZmEzYjE3OTlk',
    );
    // The secret is masked in the list; the authorization endpoint carries redirect=n (SSO yes).
    const secretItem = exported.locator('li.export-item[data-kind="client_secret"] code');
    assert.match(await secretItem.textContent(), /^•+ \d+ chars · sha256:[0-9a-f]{8}$/);
    assert.equal(
      await exported.locator('li.export-item[data-kind="authorization_endpoint"] code').textContent(),
      'https://wd3-impl.workday.com/acme/authorize?redirect=n',
    );
    // Said in words, never by the finding's code.
    const correctedNote = await exported.locator('li.export-item[data-kind="authorization_endpoint"] .corrected-note').textContent();
    assert.match(correctedNote, /^corrected by wdcap: .*redirect=n/);
    assert.doesNotMatch(correctedNote, /redirect-n-missing/);
    // The note says what was done: which client, and why.
    assert.match(await exported.locator('li.export-item[data-kind="client_id"] .candidates-note').textContent(), /API client `Acme Learning Sync`, chosen because you chose it/);

    const stored = (await sessionStorage(browser.context))[recordKey()];
    const secret = stored.params.find((p) => p.kind === 'client_secret').value;
    await popup.bringToFront();
    await exported.locator('button.export-copy').click();
    const text = await waitFor(async () => {
      const clip = await clipboard(popup);
      return clip.startsWith('Microsoft Defender for Cloud Apps') ? clip : null;
    }, { what: 'the export on the clipboard' });
    const lines = text.trim().split('\n');
    assert.equal(lines[0], 'Microsoft Defender for Cloud Apps \u2014 acme');
    assert.deepEqual(lines.slice(1).map((l) => l.split(': ')[0]), labels);
    assert.equal(lines[1], 'Client ID: YmRkNjQwZmItMDY2Ny00YWQxLTljODAtMzE3ZmEzYjE3OTlk');
    assert.equal(lines[2], `Client Secret: ${secret}`);
    assert.equal(lines[5], 'Authorization Endpoint: https://wd3-impl.workday.com/acme/authorize?redirect=n');

    // The file holds the client secret: a confirm step first, which says where it lands.
    const confirm = exported.locator('.export-confirm');
    let downloads = 0;
    popup.on('download', () => (downloads += 1));
    await exported.locator('button.export-json').click();
    await confirm.waitFor({ state: 'visible' });
    assert.match(await confirm.locator('.confirm-text').textContent(), /secrets .* in clear.*Downloads folder unencrypted/s);
    await confirm.locator('button.confirm-no').click();
    await confirm.waitFor({ state: 'hidden' });
    await popup.waitForTimeout(500);
    assert.equal(downloads, 0, 'Cancel downloads nothing');
    await exported.locator('button.export-json').click();
    const [download] = await Promise.all([popup.waitForEvent('download'), confirm.locator('button.confirm-yes').click()]);
    assert.equal(download.suggestedFilename(), 'wdcap-defender-for-cloud-apps-acme.json');
    const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(json.partner, { id: 'defender-for-cloud-apps', name: 'Microsoft Defender for Cloud Apps' });
    assert.equal(json.tenant, 'acme');
    assert.deepEqual(json.values.map((v) => v.kind), ['client_id', 'client_secret', 'rest_endpoint', 'token_endpoint', 'authorization_endpoint']);
    assert.equal(json.values[1].value, secret);
    assert.deepEqual(json.missing, []);
    assert.ok(!('exported_despite' in json));

    // The tenant's own values are grouped by the partner's steps.
    assert.deepEqual(
      await popup.locator('section.tenant.current section.step').evaluateAll((s) => s.map((e) => e.dataset.step)),
      ['register-client'],
    );
    mkdirSync(DEMO, { recursive: true });
    await popup.evaluate(() => window.scrollTo(0, 0));
    await popup.screenshot({ path: join(DEMO, 'popup.png') });
  } finally {
    await popup.close();
    await result.close();
    await clients.close();
  }
});

test('Export is blocked while an error stands, with the reason; "Export anyway" overrides', async () => {
  const clients = await capture('view_api_clients/api_clients_tab', { values: 5 });
  await setPrefs(ACME, { integration: 'viva-learning' });
  const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, clients));
  try {
    const exported = popup.locator('details.export[data-partner="viva-learning"]');
    await exported.waitFor();
    assert.equal(await exported.getAttribute('data-ready'), 'false');
    await exported.locator('summary').click();
    assert.match(await exported.locator('.blocked-reason').textContent(), /Export blocked: \d+ errors? still stands?/);
    const codes = await exported.locator('.blocked li.finding').evaluateAll((items) => items.map((li) => li.dataset.code));
    assert.ok(codes.includes('missing-parameter'), codes.join(', '));
    const copy = exported.locator('button.export-copy');
    const json = exported.locator('button.export-json');
    assert.equal(await copy.isDisabled(), true);
    assert.equal(await json.isDisabled(), true);
    assert.match(await exported.locator('li.export-item[data-kind="soap_endpoint"] .missing').textContent(), /missing/);

    await exported.locator('input.override').check();
    assert.equal(await json.isDisabled(), false);
    const [download] = await Promise.all([popup.waitForEvent('download'), json.click()]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.ok(file.missing.includes('Workday Web Service endpoint') || file.missing.length > 0, JSON.stringify(file.missing));
    assert.ok(file.exported_despite.some((f) => f.code === 'missing-parameter'));
  } finally {
    await popup.close();
    await clients.close();
  }
});

test('Clear: forget one tenant, or everything in one click', async () => {
  const clients = await capture('view_api_clients/api_clients_tab', { values: 5 });
  const w = await worker();
  // A second tenant captured earlier this session (its record as the core keeps it).
  await w.evaluate(() =>
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
  const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, clients));
  try {
    await popup.locator('details.tenant[data-tenant="globex"]').waitFor();
    await popup.locator('section.tenant.current[data-tenant="acme"] button.forget').click();
    await popup.locator('section.tenant.current[data-tenant="acme"] .forget-confirm button.confirm-yes').click();
    await waitFor(async () => !(recordKey() in (await sessionStorage(browser.context))), { what: 'acme to be forgotten' });
    assert.ok('tenant:wd5.production:globex' in (await sessionStorage(browser.context)), 'globex stays');
    await popup.locator('#forget-all').click();
    await popup.locator('.foot .forget-confirm button.confirm-yes').click();
    await waitFor(async () => Object.keys(await sessionStorage(browser.context)).length === 0, { what: 'everything to be forgotten' });
    await waitFor(async () => (await popup.locator('#forget-all').isHidden()), { what: 'the button to go with nothing left' });
  } finally {
    await popup.close();
    await clients.close();
  }
});

test('Forget removes every key that names the tenant: values, preferences (the security group), checklists', async () => {
  const clients = await capture('view_api_clients/api_clients_tab', { values: 5 });
  const w = await worker();
  // What the user told wdcap about acme and globex (records of the same host family), as the
  // popup and the checklist page store it.
  const GLOBEX = 'wd3.implementation:globex';
  await w.evaluate(
    ([acme, globex]) =>
      chrome.storage.local.set({
        [`prefs:${acme}`]: { sso: 'yes', integration: 'kombo', securityGroup: 'ISSG_Acme_Kombo_Secret_Name' },
        [`checklist:kombo:${acme}`]: { manual: ['create-isu'], since: 1 },
        [`checklist:viva-learning:${acme}`]: { manual: [], since: 2 },
        [`prefs:${globex}`]: { sso: 'no', securityGroup: 'ISSG_Globex' },
        [`checklist:kombo:${globex}`]: { manual: ['create-isu'], since: 1 },
        settings: { clipboardClearSeconds: 30 },
      }),
    [ACME, GLOBEX],
  );
  const both = async () => {
    const stored = await w.evaluate(async () => ({ session: await chrome.storage.session.get(null), local: await chrome.storage.local.get(null) }));
    return { keys: [...Object.keys(stored.session), ...Object.keys(stored.local)], text: JSON.stringify(stored) };
  };
  assert.ok((await both()).keys.includes(recordKey()));
  const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, clients));
  try {
    await popup.locator('section.tenant.current[data-tenant="acme"] button.forget').click();
    await popup.locator('section.tenant.current[data-tenant="acme"] .forget-confirm button.confirm-yes').click();
    await waitFor(async () => !(await both()).keys.some((k) => k.includes('acme')), { what: 'every acme key to go' });
    const left = await both();
    assert.ok(!left.text.includes('ISSG_Acme_Kombo_Secret_Name'), 'the security group\u2019s name is gone');
    assert.ok(!/acme/i.test(left.text.replace(/globex/g, '')), `acme is still named: ${left.text}`);
    assert.deepEqual(left.keys.filter((k) => k.includes('globex')).sort(), [`checklist:kombo:${GLOBEX}`, `prefs:${GLOBEX}`], 'globex stays');
  } finally {
    await popup.close();
    await clients.close();
  }
  // Everything: every key that names a tenant, in both areas; the settings, which name none, stay.
  const again = await capture('view_api_clients/api_clients_tab', { values: 5 });
  const second = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, again));
  try {
    await second.locator('#forget-all').click();
    await second.locator('.foot .forget-confirm button.confirm-yes').click();
    await waitFor(async () => (await both()).keys.every((k) => k === 'settings'), { what: 'every tenant key to go' });
    assert.deepEqual((await both()).keys, ['settings']);
  } finally {
    await second.close();
    await again.close();
  }
});

test('a copied secret leaves the clipboard after the time set; plain values and "off" stay', async () => {
  const result = await capture('register_api_client/result_plain', { values: 5 });
  const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, result));
  try {
    await popup.bringToFront();
    const w = await worker();
    await w.evaluate(() => chrome.storage.local.set({ settings: { clipboardClearSeconds: 1 } }));
    const secretCopy = popup.locator('li.value[data-kind="client_secret"] .value-row button.copy');
    await secretCopy.click();
    await waitFor(async () => (await clipboard(popup)).length > 50, { what: 'the secret on the clipboard' });
    await waitFor(async () => (await clipboard(popup)) === '', { timeout: 8000, what: 'the clipboard to be cleared' });
    // The option's answer names the time.
    assert.match(await popup.locator('#wdcap-announce').textContent(), /cleared in 1 seconds/);

    // A plain value is not cleared.
    const rest = popup.locator('li.value[data-kind="rest_endpoint"] .value-row button.copy');
    await rest.click();
    await waitFor(async () => (await clipboard(popup)).startsWith('https://'), { what: 'the REST endpoint on the clipboard' });
    await new Promise((r) => setTimeout(r, 1800)); // longer than the clearing time: nothing must happen
    assert.match(await clipboard(popup), /^https:\/\/wd3-impl-services1/);

    // Off: the secret stays.
    await w.evaluate(() => chrome.storage.local.set({ settings: { clipboardClearSeconds: 0 } }));
    await secretCopy.click();
    await waitFor(async () => (await clipboard(popup)).length > 50, { what: 'the secret on the clipboard' });
    await new Promise((r) => setTimeout(r, 1800));
    assert.ok((await clipboard(popup)).length > 50, 'the secret stays when clearing is off');
  } finally {
    await popup.close();
    await result.close();
  }
});

test('a secret\u2019s clearing is armed before it is written; a clearing that failed is shown until dismissed', async () => {
  const result = await capture('register_api_client/result_plain', { values: 5 });
  await (await worker()).evaluate(() => chrome.storage.local.set({ settings: { clipboardClearSeconds: 30 } }));
  const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, result));
  try {
    await popup.bringToFront();
    // Record, in the popup, the message that arms the clearing and the clipboard write.
    await popup.evaluate(() => {
      const order = [];
      window.__order = order;
      const send = chrome.runtime.sendMessage.bind(chrome.runtime);
      chrome.runtime.sendMessage = (message, ...rest) => {
        order.push(message?.type);
        return send(message, ...rest);
      };
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text) => {
        order.push('clipboard write');
        return write(text);
      };
    });
    const secretCopy = popup.locator('li.value[data-kind="client_secret"] .value-row button.copy');
    await secretCopy.click();
    await waitFor(async () => (await secretCopy.textContent()) === 'Copied', { what: 'the copy to confirm' });
    const order = (await popup.evaluate(() => window.__order)).filter((x) => x === 'wdcap/secret-copied' || x === 'clipboard write');
    assert.deepEqual(order, ['wdcap/secret-copied', 'clipboard write'], 'the timer is armed first');
    assert.equal((await (await worker()).evaluate(() => chrome.storage.session.get('clipboard'))).clipboard.state, 'armed');

    // The clearing helper reports a failure (as Chromium's offscreen document does when the copy
    // command is refused): the popup says so, with what to do, until dismissed.
    const notice = popup.locator('.clipboard-notice');
    assert.equal(await notice.isHidden(), true);
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'wdcap/clipboard-cleared', ok: false, reason: 'the copy command was refused' }));
    await notice.waitFor({ state: 'visible' });
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.match(await notice.textContent(), /could not be cleared from the clipboard at .*the copy command was refused.*clipboard history/s);
    await notice.locator('button').click();
    await notice.waitFor({ state: 'hidden' });
    const again = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, result));
    try {
      assert.equal(await again.locator('.clipboard-notice').isHidden(), true, 'dismissed for good');
    } finally {
      await again.close();
    }
  } finally {
    await popup.close();
    await result.close();
  }
});

test('class mode hides secrets in the popup entirely', async () => {
  const result = await capture('register_api_client/result_plain', { values: 5 });
  await (await worker()).evaluate(() => chrome.storage.local.set({ settings: { classMode: true } }));
  const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, result));
  try {
    const secret = (await storedRecord(browser.context)).params.find((p) => p.kind === 'client_secret').value;
    const item = popup.locator('li.value[data-kind="client_secret"]');
    assert.equal(await item.locator('.value-text').textContent(), 'hidden in class mode');
    assert.equal(await item.locator('button').count(), 0);
    assert.ok(!(await popup.content()).includes(secret));
    assert.doesNotMatch(await popup.content(), /sha256:/, 'not even the fingerprint');
  } finally {
    await popup.close();
    await result.close();
  }
});

test('side panel: the same UI, following the active tab and updating live', async () => {
  const w = await worker();
  assert.deepEqual(await w.evaluate(() => chrome.sidePanel.getOptions({})), { enabled: true, path: PAGE_PATHS.panel });

  const home = await browser.context.newPage();
  await home.goto(browser.sim.url); // the simulator's index: not a Workday page
  const windowId = await w.evaluate(async () => (await chrome.windows.getLastFocused()).id);
  // The panel in a window of its own, following the active tab of the browser window.
  const panelWindow = await w.evaluate(
    (url) => chrome.windows.create({ url, type: 'popup', width: 420, height: 700 }),
    `chrome-extension://${browser.extensionId}/${PAGE_PATHS.panel}?window=${windowId}`,
  );
  const panel = await waitFor(() => browser.context.pages().find((p) => p.url().includes(`/${PAGE_PATHS.panel}`)), { what: 'the panel page' });
  try {
    await panel.waitForSelector('body[data-ready="true"]');
    assert.equal(await panel.locator('#open-panel').isHidden(), true, 'no "side panel" button in the panel');
    await waitFor(async () => /not a Workday|Open a Workday admin page/.test((await panel.locator('main > p.hint').textContent()) ?? ''), {
      what: 'the panel on a non-Workday tab',
    });

    // Another tab becomes active, and its page is captured: the panel follows and fills in.
    const clients = await browser.context.newPage();
    await clients.bringToFront();
    await clients.goto(VIEW_API_CLIENTS_URL);
    await panel.locator('section.tenant.current[data-tenant="acme"] li.value').first().waitFor({ timeout: 15000 });
    await waitFor(async () => (await panel.locator('section.tenant.current li.value').count()) === 5, { what: 'five values in the panel' });

    // Back to the first tab: the panel follows it.
    await home.bringToFront();
    await panel.locator('details.tenant[data-tenant="acme"]').waitFor();
    assert.equal(await panel.locator('section.tenant.current').count(), 0);
    await clients.close();
  } finally {
    await w.evaluate((id) => chrome.windows.remove(id), panelWindow.id).catch(() => {});
    await home.close();
  }
});

test('options: the clearing time and class mode are saved where the pages read them', async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/${PAGE_PATHS.options}`);
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.inputValue('#clear-after'), '60', 'one minute by default');
    await page.selectOption('#clear-after', '30');
    await page.check('#class-mode');
    await page.locator('#saved:text("Saved.")').waitFor();
    const w = await worker();
    await waitFor(async () => {
      const s = (await w.evaluate(() => chrome.storage.local.get('settings'))).settings;
      return s?.clipboardClearSeconds === 30 && s?.classMode === true;
    }, { what: 'the settings to be stored' });
  } finally {
    await page.close();
  }
});
