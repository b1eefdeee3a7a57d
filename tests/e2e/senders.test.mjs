// End to end: the worker's router (extension/worker/router.js) answers every message of the
// table (extension/shared/messages.js) and lets each part send only its own: the content script,
// which runs beside Workday's pages, only snapshots; the extension's pages everything else and
// the live test's port. In Chromium, with the built extension: the content script's messages are
// sent from its own isolated world (through the DevTools protocol, as content-reinject.test.mjs
// does), the pages' from the options page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitFor, VIEW_API_CLIENTS_URL, PAGE_PATHS, markCount } from './harness.mjs';
import { LIVE_PORT, MESSAGES } from '../../extension/shared/messages.js';

let browser;
let page; // a Workday page, with the content script's isolated world
let cdp;
let contextId;
let options; // an extension page

before(async () => {
  browser = await launch();
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

test('every message of the table is routed; the content script may send only snapshots', async () => {
  const names = Object.values(MESSAGES);
  assert.ok(names.length >= 14, names.join(', '));
  for (const type of names) {
    const answer = await fromContentScript({ type });
    if (type === MESSAGES.snapshot) {
      assert.deepEqual(answer, { ok: false, error: { code: 'bad_message', message: 'snapshot must be a JSON string' } });
    } else {
      assert.deepEqual(answer, forbidden('not from an extension page'), type);
    }
  }
  // Nothing was read or changed for the refused ones: the view still holds the page's tenant.
  const view = await fromPage({ type: MESSAGES.view });
  assert.equal(view.ok, true);
  assert.ok(view.tenants.some((t) => t.tenant === 'acme' && t.params.length > 0));
});

test("the extension's pages may not send snapshots; an unknown type is refused", async () => {
  assert.deepEqual(await fromPage({ type: MESSAGES.snapshot, snapshot: '{}' }), forbidden('not from a content script'));
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
      port.postMessage({ type: 'start', tenant: 'acme' });
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
        port.postMessage({ type: 'start', tenant: 'nobody-captured' });
      }),
    LIVE_PORT,
  );
  assert.deepEqual(fromAPage, {
    type: 'result',
    ok: false,
    error: { code: 'nothing_captured', message: 'nothing is captured for nobody-captured' },
  });
});
