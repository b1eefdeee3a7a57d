// End to end (hardening): a hostile Workday page. A simulator page whose API client
// names, labels, values and title carry XSS / injection payloads (script tags, event handlers,
// javascript: and data: URLs, mutation-XSS shapes, template injection, RTL overrides, a very long
// string) is captured by the extension; the popup shows them, and the Verify page checks the same
// payloads pasted. Both must render them as inert text: every payload would log a marker (or
// trip the extension pages' CSP) if it ever ran, and no element the payloads describe may appear.
//
// The page is generated into a temporary fixtures folder in the simulator's layout
// (<page_id>/<name>.html with its saved-from address), from the View API Clients fixture's shape.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPopup, tabIdOf, waitFor, PAGE_PATHS, markCount, storedRecord, workerStats } from './harness.mjs';

const MARK = 'WDCAP-XSS';
const run = (n) => `console.log('${MARK}-${n}')`;

/** Each payload, once rendered as HTML or run as script, logs `WDCAP-XSS-<n>` or trips a CSP. */
export const PAYLOADS = [
  `<script>${run(1)}</script>`,
  `<img src=x onerror="${run(2)}">`,
  `<svg onload=${run(3)}>`,
  `"><script>${run(4)}</script>`,
  `'><img src=x onerror=${run(5)}>`,
  `javascript:${run(6)}`,
  `<a href="javascript:${run(7)}">open</a>`,
  `<iframe src="javascript:${run(8)}"></iframe>`,
  `<body onload=${run(9)}>`,
  `<details open ontoggle=${run(10)}>`,
  `\u202Egpj.exe WDCAP-RTL-11 \u202C`,
  `{{constructor.constructor("${run(12)}")()}}`,
  '${' + run(13) + '}',
  `<math><mtext><table><mglyph><style><img src=x onerror=${run(14)}>`,
  `<style>@import 'javascript:${run(15)}';</style>`,
  `<object data="javascript:${run(16)}"></object>`,
  `<input autofocus onfocus=${run(17)}>`,
  `data:text/html,<script>${run(18)}</script>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${run(19)}">`,
  `'; DROP TABLE clients; -- WDCAP-SQL-20`,
  `&lt;script&gt;${run(21)}&lt;/script&gt;`,
  `<noscript><p title="</noscript><img src=x onerror=${run(22)}>">`,
  `<x-wdcap onclick=${run(23)}>tap</x-wdcap>`,
  `\u2067\u200FWDCAP-BIDI-24 <b onmouseover=${run(24)}>x</b>\u2069`,
  `<form action="javascript:${run(25)}"><button>go</button></form>`,
  `W${'A'.repeat(20000)} <script>${run(26)}</script>`,
];

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const URL_ = 'https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld';

/** A client ID of Workday's shape (base64 of a UUID, 48 characters), distinct per row. */
function clientId(i) {
  const uuid = `8d2362b6-d8fd-4a08-a73a-${String(i).padStart(12, '0')}`;
  return Buffer.from(uuid).toString('base64');
}

function field(label, value) {
  return `<li data-automation-id="formLabelRow">
        <div><label data-automation-id="formLabel">${esc(label)}</label></div>
        <div aria-hidden="true"><label data-automation-id="formLabel">${esc(label)}</label></div>
        <div data-automation-id="decorationWrapper"><div data-automation-id="textView">${esc(value)}</div></div>
      </li>`;
}

/** A View API Clients page at `url` listing `rows` (API client name, client ID). */
function clientsPage(url, rows, fields) {
  const cells = rows.map(
    ([name, id], i) => `<tr data-automation-id="row" data-row-id="${i}" role="row">
      <th data-automation-id="cell" role="rowheader"><div data-automation-id="cellContainer"><div data-automation-id="promptOption" data-automation-label="${esc(name)}" title="${esc(name)}">${esc(name)}</div></div></th>
      <td data-automation-id="cell" role="gridcell"><div data-automation-id="cellContainer"><div data-automation-id="textView">${id}</div></div></td>
    </tr>`,
  );
  return `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->
<!DOCTYPE html>
<html lang="en-US">
<head><meta charset="utf-8"><title>View API Clients - Workday</title></head>
<body>
<div data-automation-id="pageContent">
  <div data-automation-id="pageHeader"><h1><span data-automation-id="pageHeaderTitleText" title="View API Clients">View API Clients</span></h1></div>
  <div data-automation-id="fieldSetBody"><ul role="presentation">${fields}</ul></div>
  <div>
    <span data-automation-id="gridTitleLabel" title="API Clients">API Clients ${rows.length} items</span>
    <table data-automation-id="table" role="table">
      <thead data-automation-id="tableHead"><tr data-automation-id="tableHeaderRow">
        <th data-automation-id="columnHeader0" role="columnheader">API Client</th>
        <th data-automation-id="columnHeader1" role="columnheader">Client ID</th>
      </tr></thead>
      <tbody>
      ${cells.join('\n      ')}
      </tbody>
    </table>
  </div>
</div>
</body>
</html>
`;
}

/** Another page of the same tenant, showing thousands of API clients (or made to). */
const FLOOD_URL = 'https://wd3-impl.workday.com/acme/d/task/2997$2152.htmld';
const FLOOD_ROWS = 1500;

function hostilePage() {
  const rows = PAYLOADS.map(
    (p, i) => `<tr data-automation-id="row" data-row-id="${i}" role="row">
      <th data-automation-id="cell" role="rowheader"><div data-automation-id="cellContainer"><div data-automation-id="promptOption" data-automation-label="${esc(p)}" title="${esc(p)}">${esc(p)}</div></div></th>
      <td data-automation-id="cell" role="gridcell"><div data-automation-id="cellContainer"><div data-automation-id="textView">${clientId(i)}</div></div></td>
      <td data-automation-id="cell" role="gridcell"><div data-automation-id="cellContainer"><div data-automation-id="promptOption" data-automation-label="${esc(p)}">Authorization Code Grant</div></div></td>
      <td data-automation-id="cell" role="gridcell"><div data-automation-id="cellContainer"><div data-automation-id="promptOption">Bearer</div></div></td>
    </tr>`,
  );
  return `<!-- saved from url=(${String(URL_.length).padStart(4, '0')})${URL_} -->
<!DOCTYPE html>
<html lang="en-US">
<head><meta charset="utf-8"><title>View API Clients - Workday</title></head>
<body>
<div data-automation-id="pageContent">
  <div data-automation-id="pageHeader"><h1><span data-automation-id="pageHeaderTitleText" title="View API Clients">View API Clients</span></h1></div>
  <div data-automation-id="fieldSetBody"><ul role="presentation">
      ${field('Workday REST API Endpoint', 'https://wd3-impl-services1.workday.com/ccx/api/v1/acme')}
      ${field('Token Endpoint', 'https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token')}
      ${field('Authorization Endpoint', `https://wd3-impl.workday.com/acme/authorize?state=${encodeURIComponent(PAYLOADS[1])}`)}
      ${PAYLOADS.slice(0, 6).map((p) => field(p, p)).join('\n      ')}
  </ul></div>
  <ul role="tablist">
    <li role="tab" aria-selected="true"><div data-automation-id="tabLabel">API Clients</div></li>
    <li role="tab" aria-selected="false"><div data-automation-id="tabLabel">API Clients for Integrations</div></li>
  </ul>
  <div>
    <span data-automation-id="gridTitleLabel" title="API Clients">API Clients ${PAYLOADS.length} items</span>
    <table data-automation-id="table" role="table">
      <thead data-automation-id="tableHead"><tr data-automation-id="tableHeaderRow">
        <th data-automation-id="columnHeader0" role="columnheader">API Client</th>
        <th data-automation-id="columnHeader1" role="columnheader">Client ID</th>
        <th data-automation-id="columnHeader2" role="columnheader">Client Grant Type</th>
        <th data-automation-id="columnHeader3" role="columnheader">Access Token Type</th>
      </tr></thead>
      <tbody>
      ${rows.join('\n      ')}
      </tbody>
    </table>
  </div>
</div>
</body>
</html>
`;
}

let browser;
let fixtures;
const consoleLines = []; // {where, text}

function listen(where, target) {
  target.on('console', (m) => consoleLines.push({ where, text: m.text() }));
  target.on('pageerror', (e) => consoleLines.push({ where, text: `pageerror: ${e.message}` }));
}

/** Console lines that show a payload ran or was stopped only by a CSP (it was parsed as markup). */
function alarms() {
  return consoleLines.filter(({ text }) => text.includes(MARK) || /Content Security Policy|Refused to (execute|load|frame)/i.test(text));
}

before(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'wdcap-hostile-'));
  mkdirSync(join(fixtures, 'view_api_clients'));
  writeFileSync(join(fixtures, 'view_api_clients', 'hostile.html'), hostilePage());
  const flood = Array.from({ length: FLOOD_ROWS }, (_, i) => [`Flood client ${i}`, clientId(100000 + i)]);
  writeFileSync(join(fixtures, 'view_api_clients', 'flood.html'), clientsPage(FLOOD_URL, flood, ''));
  browser = await launch({ simulator: { fixturesDir: fixtures } });
  browser.context.on('page', (p) => listen(`page ${p.url()}`, p));
  listen('worker', browser.worker);
  // Every service worker the extension starts later (it may be stopped and restarted).
  browser.context.on('serviceworker', (w) => listen('worker', w));
});

after(async () => {
  await browser?.close();
  if (fixtures) rmSync(fixtures, { recursive: true, force: true });
});

/** What an extension page shows must contain nothing the payloads describe. */
async function injected(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) out.push(`${el.localName}[${a.name}]`);
        if (/^\s*(javascript|data):/i.test(a.value) && ['href', 'src', 'action', 'data', 'formaction'].includes(a.name)) {
          out.push(`${el.localName}[${a.name}=${a.value.slice(0, 40)}]`);
        }
      }
    }
    for (const sel of ['iframe', 'object', 'embed', 'img[src="x"]', 'svg[onload]', 'math', 'meta[http-equiv]', 'x-wdcap', 'details[ontoggle]', 'form[action]']) {
      for (const el of document.querySelectorAll(sel)) out.push(el.localName);
    }
    // Scripts: only the page's own, from the extension, never inline.
    for (const s of document.querySelectorAll('script')) {
      if (!s.src || !s.src.startsWith(location.origin) || s.textContent.trim()) out.push(`script ${s.src || s.textContent.slice(0, 40)}`);
    }
    return out;
  });
}

const fold = (s) => s.replace(/\s+/g, ' ').trim();

test('a page full of injection payloads: the popup shows them as text, nothing runs', async () => {
  const page = await browser.context.newPage();
  await page.goto(URL_);
  const tabId = await tabIdOf(browser.context, page);
  const popup = await openPopup(browser.context, browser.extensionId, tabId);
  try {
    await popup.locator('section.tenant.current[data-tenant="acme"] li.value[data-kind="client_id"]').first().waitFor();
    await waitFor(async () => (await popup.locator('li.value[data-kind="client_id"]').count()) === PAYLOADS.length, {
      what: `${PAYLOADS.length} client IDs in the popup`,
    });
    // Each API client's name (a payload) is shown, character for character, as text.
    const names = (await popup.locator('li.value[data-kind="client_id"] .value-meta').allTextContents()).map(fold);
    for (const p of PAYLOADS) {
      assert.ok(names.some((n) => n.includes(fold(p).slice(0, 200))), `payload not shown as text: ${p.slice(0, 60)}`);
    }
    assert.deepEqual(await injected(popup), []);
    // Hover and focus everything, as a user would, then give anything deferred time to fire.
    for (const el of await popup.locator('li.value').all()) await el.hover();
    await popup.waitForTimeout(300);
    assert.deepEqual(await injected(popup), []);
    // The page's own marks (content script) are inert too: nothing but the shadow badge.
    assert.ok((await markCount(page)) > 0, 'the page got its marks');
    assert.deepEqual(await injected(page), []);
  } finally {
    await popup.close();
    await page.close();
  }
  assert.deepEqual(alarms(), []);
});

test('the same payloads pasted into the Verify page render as inert text', async () => {
  const verify = await browser.context.newPage();
  try {
    await verify.goto(`chrome-extension://${browser.extensionId}/${PAGE_PATHS.verify}`);
    await verify.waitForSelector('body[data-ready="true"]');
    const text = [
      'Hi support, our values:',
      ...PAYLOADS.map((p, i) => `Client ID for ${p}: ${clientId(i)} ${p}`),
      `Token Endpoint: https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token?x=${PAYLOADS[0]}`,
      `Authorization Endpoint: https://wd3-impl.workday.com/acme/authorize ${PAYLOADS[6]}`,
      `REST: ${PAYLOADS[5]} https://wd3-impl-services1.workday.com/ccx/api/v1/acme`,
    ].join('\n');
    const before = await verify.evaluate((t) => {
      document.getElementById('input').value = t;
      return Number(document.body.dataset.checked ?? 0);
    }, text);
    await verify.click('#check');
    await verify.waitForFunction((n) => Number(document.body.dataset.checked ?? 0) > n, before);
    const values = await verify.locator('#values > li').count();
    assert.ok(values >= PAYLOADS.length, `only ${values} values shown`);
    assert.deepEqual(await injected(verify), []);
    for (const el of await verify.locator('#results li').all()) await el.hover().catch(() => {});
    await verify.waitForTimeout(300);
    assert.deepEqual(await injected(verify), []);
  } finally {
    await verify.close();
  }
  assert.deepEqual(alarms(), []);
});

test('a page showing thousands of values, read again and again, leaves what other pages showed intact', async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(URL_);
    const first = await waitFor(
      async () => {
        const r = await storedRecord(browser.context);
        return r && r.params.filter((p) => p.kind === 'client_id').length === PAYLOADS.length ? r : null;
      },
      { what: 'the first page captured' },
    );
    const kept = first.params.map((p) => `${p.kind} ${p.value}`);
    assert.ok(kept.some((k) => k.startsWith('rest_endpoint ')));
    // The flooding page, read seven times (each read may add a bounded number of new values).
    for (let read = 0; read < 7; read += 1) {
      const { recognised } = await workerStats(browser.context);
      await (read === 0 ? page.goto(FLOOD_URL) : page.reload());
      await waitFor(async () => (await workerStats(browser.context)).recognised > recognised, {
        timeout: 30000,
        what: `read ${read + 1} of the flooding page`,
      });
    }
    const after = await storedRecord(browser.context);
    const now = new Set(after.params.map((p) => `${p.kind} ${p.value}`));
    assert.ok(after.params.length <= 500, `${after.params.length} values kept: the record is bounded`);
    const flooded = after.params.filter((p) => p.name?.startsWith('Flood client')).length;
    assert.ok(flooded >= 300, `the flooding page's values are taken too (${flooded})`);
    assert.deepEqual(kept.filter((k) => !now.has(k)), [], 'no value the first page showed was pushed out');
  } finally {
    await page.close();
  }
});

test('the probe itself: a payload parsed as markup is caught', async () => {
  // The checks above must be able to fail: the same payloads put in a page's DOM as HTML are
  // found by injected(), and one run in a page logs the marker the listeners look for.
  const page = await browser.context.newPage();
  try {
    await page.setContent(`<body>${PAYLOADS.slice(0, 10).join('')}<script>${run(0)}</script></body>`);
    assert.ok((await injected(page)).length >= 5);
    await waitFor(() => consoleLines.some((l) => l.text === `${MARK}-0`), { what: 'the marker of a script that ran' });
  } finally {
    await page.close();
  }
  // Forget the probe's own lines.
  consoleLines.splice(0, consoleLines.length);
});
