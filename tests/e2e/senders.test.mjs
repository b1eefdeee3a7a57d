// End to end: the worker's router (extension/worker/router.js) answers every message of the
// table (extension/shared/messages.js) and lets each part send only its own: the content script,
// which runs beside Workday's pages, only snapshots and the click on a mark; the extension's pages everything else and
// the live test's port. In Chromium, with the built extension: the content script's messages are
// sent from its own isolated world (through the DevTools protocol, as content-reinject.test.mjs
// does), the pages' from the options page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, waitFor, VIEW_API_CLIENTS_URL, PAGE_PATHS, markCount } from './harness.mjs';
import { LIVE_PORT, MESSAGES } from '../../extension/shared/messages.js';

let browser;
let page; // a Workday page, with the content script's isolated world
let cdp;
let contextId;
let options; // an extension page
// Another extension in the same browser, which tries to talk to wdcap.
const other = mkdtempSync(join(tmpdir(), 'wdcap-other-extension-'));
writeFileSync(
  join(other, 'manifest.json'),
  JSON.stringify({ manifest_version: 3, name: 'Another extension', version: '1.0', background: { service_worker: 'other.js' } }),
);
writeFileSync(join(other, 'other.js'), '// Waits to be driven by the test.\n');

before(async () => {
  browser = await launch({ others: [other] });
  page = await browser.context.newPage();
  await page.goto(VIEW_API_CLIENTS_URL);
  await waitFor(async () => (await markCount(page)) > 0, { what: 'the content script marking values' });
  cdp = await browser.context.newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const origin = `chrome-extension://${browser.extensionId}`;
  contextId = (
    await waitFor(() => contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData?.isDefault === false && c.origin === origin), {
      what: "the extension's isolated world",
    })
  ).id;
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/${PAGE_PATHS.options}`);
  await options.waitForSelector('body[data-ready="true"]');
});

after(async () => {
  rmSync(other, { recursive: true, force: true });
  await cdp?.detach().catch(() => {});
  await browser?.close();
});

/** What the worker answers `message` sent from the content script's world. */
async function fromContentScript(message) {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
    contextId,
    awaitPromise: true,
    returnByValue: true,
  });
  assert.equal(exceptionDetails, undefined, exceptionDetails?.exception?.description);
  return result.value;
}

/** What the worker answers `message` sent from an extension page. */
const fromPage = (message) => options.evaluate((m) => chrome.runtime.sendMessage(m), message);

const forbidden = (message) => ({ ok: false, error: { code: 'forbidden', message } });

test('every message of the table is routed; the content script may send only snapshots and a mark\'s click', async () => {
  const names = Object.values(MESSAGES);
  assert.ok(names.length >= 14, names.join(', '));
  for (const type of names) {
    const answer = await fromContentScript({ type });
    if (type === MESSAGES.snapshot) {
      assert.deepEqual(answer, { ok: false, error: { code: 'bad_message', message: 'snapshot must be a JSON string' } });
    } else if (type === MESSAGES.openAt) {
      assert.deepEqual(answer, { ok: false, error: { code: 'bad_message', message: 'kind must be a string' } });
    } else {
      assert.deepEqual(answer, forbidden('not from an extension page'), type);
    }
  }
  // Nothing was read or changed for the refused ones: the view still holds the page's tenant.
  const view = await fromPage({ type: MESSAGES.view });
  assert.equal(view.ok, true);
  assert.ok(view.tenants.some((t) => t.tenant === 'acme' && t.view?.counts.values > 0));
});

test("the extension's pages may not send snapshots; an unknown type is refused", async () => {
  assert.deepEqual(await fromPage({ type: MESSAGES.snapshot, snapshot: '{}' }), forbidden('not from a content script'));
  assert.deepEqual(await fromPage({ type: MESSAGES.openAt, kind: 'client_id' }), forbidden('not from a content script'));
  assert.deepEqual(await fromPage({ type: 'wdcap/nothing-such' }), {
    ok: false,
    error: { code: 'bad_message', message: 'unknown message type "wdcap/nothing-such"' },
  });
  assert.deepEqual(await fromPage({ type: 'toString' }), {
    ok: false,
    error: { code: 'bad_message', message: 'unknown message type "toString"' },
  });
  assert.deepEqual(await fromContentScript({}), { ok: false, error: { code: 'bad_message', message: 'unknown message type undefined' } });
});

test("the live test's port opens for an extension page, not for the content script", async () => {
  const fromContent = await cdp.send('Runtime.evaluate', {
    expression: `new Promise((resolve) => {
      const port = chrome.runtime.connect({ name: ${JSON.stringify(LIVE_PORT)} });
      port.onDisconnect.addListener(() => resolve('disconnected'));
      port.onMessage.addListener((m) => resolve(m));
      port.postMessage({ type: 'start', key: 'wd3.implementation:acme' });
    })`,
    contextId,
    awaitPromise: true,
    returnByValue: true,
  });
  assert.equal(fromContent.result.value, 'disconnected');

  const fromAPage = await options.evaluate(
    (name) =>
      new Promise((resolve) => {
        const port = chrome.runtime.connect({ name });
        port.onDisconnect.addListener(() => resolve('disconnected'));
        port.onMessage.addListener((m) => {
          port.disconnect();
          resolve(m);
        });
        port.postMessage({ type: 'start', key: 'wd3.implementation:nobody-captured' });
      }),
    LIVE_PORT,
  );
  assert.deepEqual(fromAPage, {
    type: 'result',
    ok: false,
    error: { code: 'nothing_captured', message: 'nothing is captured for this tenant' },
  });
});

test('another extension can neither message the worker nor open a port to it', async () => {
  const worker =
    browser.context.serviceWorkers().find((w) => w.url().endsWith('/other.js')) ??
    (await browser.context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/other.js'), timeout: 15000 }));
  const tried = await worker.evaluate(async (id) => {
    const message = await chrome.runtime.sendMessage(id, { type: 'wdcap/view' }).then(
      (reply) => ({ reply }),
      (e) => ({ error: e.message }),
    );
    const port = await new Promise((resolve) => {
      const p = chrome.runtime.connect(id, { name: 'wdcap/live' });
      const got = [];
      p.onMessage.addListener((m) => got.push(m));
      p.onDisconnect.addListener(() => resolve({ disconnected: true, got, error: chrome.runtime.lastError?.message ?? null }));
      p.postMessage({ type: 'start', tenant: 'acme' });
      setTimeout(() => resolve({ disconnected: false, got }), 3000);
    });
    return { message, port };
  }, browser.extensionId);
  assert.ok(!('reply' in tried.message), `the worker answered another extension: ${JSON.stringify(tried.message)}`);
  assert.match(tried.message.error, /Could not establish connection|Receiving end does not exist/);
  assert.equal(tried.port.disconnected, true, 'the port was closed');
  assert.deepEqual(tried.port.got, [], 'nothing came back on the port');
});

test('extension pages connect only to the extension itself and Workday hosts (connect-src)', async () => {
  const attempt = (url) =>
    options.evaluate(async (u) => {
      const violation = new Promise((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }));
      const fetched = fetch(u, { cache: 'no-store' }).then(
        () => 'answered',
        (e) => e.name,
      );
      return { fetched: await fetched, violation: await Promise.race([violation, new Promise((r) => setTimeout(() => r(null), 1000))]) };
    }, url);
  for (const url of ['https://example.org/', 'http://wd3-impl.workday.com/acme/d/home.htmld', 'https://wd3-impl-services1.workday.com.evil.io/ccx/api/v1/acme']) {
    const tried = await attempt(url);
    assert.equal(tried.violation, 'connect-src', `${url}: ${JSON.stringify(tried)}`);
    assert.equal(tried.fetched, 'TypeError');
  }
  // The extension's own files and a Workday host over https are allowed (the simulator answers).
  assert.deepEqual(await attempt(`chrome-extension://${browser.extensionId}/manifest.json`), { fetched: 'answered', violation: null });
  assert.equal((await attempt('https://wd3-impl-services1.workday.com/ccx/api/v1/acme/workers')).violation, null);
});
