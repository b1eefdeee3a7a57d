// The content script injected a second time into a page it already runs in (a programmatic
// injection next to the manifest's, a future re-injection after an update, a test harness).
// The second copy must not throw, must not start a second observer (every page change would
// then be analysed twice and every value marked twice), and must take over cleanly when the
// copy before it has stopped (its extension context went away).
//
// How the second injection is made: the copy the manifest injects runs in the extension's
// isolated world; `page.evaluate` and `page.addScriptTag` run in the page's main world, where
// `chrome.runtime` is absent, so neither repeats what Chromium does. Injecting through
// `chrome.scripting` needs the `scripting` permission, which the extension does not ask for.
// The DevTools protocol can evaluate in any execution context of the page, the extension's
// isolated world included: the built dist content.js is evaluated there, in the same world and
// with the same `chrome` as the first copy, which is exactly a second injection.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, waitFor, workerStats, VIEW_API_CLIENTS_URL, EXTENSION_DIR, markCount } from './harness.mjs';

const MARKS = 5; // View API Clients: REST, token and authorization endpoints, two client IDs
const QUIET_MS = 1200; // longer than the content script's 300 ms debounce, with room to spare

let browser;
let source;

before(async () => {
  browser = await launch();
  source = readFileSync(join(EXTENSION_DIR, 'content', 'content.js'), 'utf8');
});

after(async () => {
  await browser?.close();
});

/** The page and a DevTools session on it, with the extension's isolated world's context id. */
async function openWithIsolatedWorld() {
  const page = await browser.context.newPage();
  await page.goto(VIEW_API_CLIENTS_URL);
  await waitFor(async () => (await markCount(page)) === MARKS, {
    what: `${MARKS} marks on View API Clients`,
  });
  const cdp = await browser.context.newCDPSession(page);
  const contexts = [];
  const exceptions = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => exceptions.push(exceptionDetails));
  await cdp.send('Runtime.enable'); // reports every existing context first
  const origin = `chrome-extension://${browser.extensionId}`;
  const world = await waitFor(
    () => contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData?.isDefault === false && c.origin === origin),
    { what: "the extension's isolated world" },
  );
  return { page, cdp, contextId: world.id, exceptions };
}

async function inject(cdp, contextId) {
  const result = await cdp.send('Runtime.evaluate', { expression: source, contextId });
  return result.exceptionDetails ?? null;
}

async function snapshotsNow() {
  return (await workerStats(browser.context)).snapshots;
}

/** Changes the page (main world) and returns how many snapshots the worker got for it. */
async function snapshotsForOneChange(page) {
  const before = await snapshotsNow();
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = `changed ${Date.now()}`;
    document.body.append(p);
  });
  await waitFor(async () => (await snapshotsNow()) > before, { what: 'the snapshot of the change' });
  await new Promise((r) => setTimeout(r, QUIET_MS)); // bounded: nothing more may arrive
  return (await snapshotsNow()) - before;
}

test('a second injection into a page it runs in throws nothing and changes nothing', async () => {
  const { page, cdp, contextId, exceptions } = await openWithIsolatedWorld();
  const before = await snapshotsNow();
  const thrown = await inject(cdp, contextId);
  assert.equal(thrown, null, `the second copy threw: ${thrown?.exception?.description ?? thrown?.text}`);
  await new Promise((r) => setTimeout(r, QUIET_MS));
  assert.deepEqual(exceptions, [], 'no uncaught exception in the page');
  assert.equal(await snapshotsNow(), before, 'the second copy sent no snapshot of its own');
  assert.equal(await markCount(page), MARKS, 'each value keeps one mark');
  // One observer still: a change is analysed once, and marked once.
  assert.equal(await snapshotsForOneChange(page), 1);
  assert.equal(await markCount(page), MARKS);
  // A third time is no different.
  assert.equal(await inject(cdp, contextId), null);
  assert.equal(await snapshotsForOneChange(page), 1);
  await cdp.detach();
  await page.close();
});

test('a new injection takes over from a copy that has stopped', async () => {
  const { page, cdp, contextId, exceptions } = await openWithIsolatedWorld();
  // What the first copy does when its extension context goes away (an update or reload):
  // it stops, and removes its marks.
  const stopped = await cdp.send('Runtime.evaluate', {
    expression: `globalThis[Symbol.for('wdcap/content-script')].stop()`,
    contextId,
  });
  assert.equal(stopped.exceptionDetails, undefined);
  assert.equal(await markCount(page), 0, 'the stopped copy removed its marks');
  assert.equal(await inject(cdp, contextId), null);
  await waitFor(async () => (await markCount(page)) === MARKS, {
    what: 'the new copy marking the values',
  });
  assert.equal(await snapshotsForOneChange(page), 1);
  assert.equal(await markCount(page), MARKS);
  assert.deepEqual(exceptions, []);
  await cdp.detach();
  await page.close();
});
