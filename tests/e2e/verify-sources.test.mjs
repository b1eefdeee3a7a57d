// End to end: the Verify page's other ways in, in Chromium with the built extension.
//
// - "Check with wdcap" on text selected in an ordinary page served from loopback (not a Workday
//   host: no content script, no host permission). The text is selected with the mouse; then the
//   menu item is fired as Chromium fires it: Playwright cannot click the browser's own context
//   menu, so the test calls the click handler the worker registered with
//   chrome.contextMenus.onClicked (checked to be that very listener), with the tab and the info
//   Chromium would pass: the selection's text, whose line breaks Chromium hands over as spaces
//   (Chromium issue 116429). The Verify page it opens shows the findings; the text was handed
//   over once and stored nowhere.
// - A dropped .eml whose HTML body is quoted-printable gives the same findings as its text
//   pasted; so does the same file chosen with the file picker; a file that is not text is
//   refused with a reason.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launch, currentWorker, waitFor, PAGE_PATHS } from './harness.mjs';

const TICKET = [
  'Hello support,',
  'our connector fails since Monday. These are the values we entered:',
  'Token endpoint: https://wd3-impl-services1.workday.com/ccx/oauth/acme/token',
  'REST endpoint: http://wd3-impl-services1.workday.com/ccx/api/v1/acme',
  'Client ID: OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm',
  'Thanks, Jordan',
];
/** The problems planted in TICKET: a token path under /ccx/oauth/, a REST endpoint over http. */
const PLANTED = ['error not-https', 'error wrong-path'];

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An ordinary web page (a ticket system's, say) showing the ticket. */
const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ticket 4711</title></head>
<body style="font: 16px/1.5 sans-serif; margin: 40px">
<h1>Ticket 4711</h1>
<div id="ticket">${TICKET.map((l) => `<p style="margin: 0">${escape(l)}</p>`).join('\n')}</div>
<p>Assigned to: second line</p>
</body></html>`;

let server;
let pageUrl;
let browser;

before(async () => {
  server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${server.address().port}/tickets/4711`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** The findings a Verify page shows, as "<severity> <code>", sorted. */
async function shownFindings(page) {
  const codes = await page.locator('#results li.finding').evaluateAll((items) =>
    items.map((li) => `${[...li.classList].find((c) => ['error', 'warning', 'info'].includes(c))} ${li.dataset.code}`),
  );
  return codes.sort();
}

const checks = (page) => page.evaluate(() => Number(document.body.dataset.checked ?? 0));

async function openVerify() {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${PAGE_PATHS.verify}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Pastes `text` as an agent would (the page checks a paste at once) and waits for the results. */
async function paste(page, text) {
  const before = await checks(page);
  await page.fill('#input', text);
  await page.click('#check');
  await page.waitForFunction((n) => Number(document.body.dataset.checked ?? 0) > n, before);
  return shownFindings(page);
}

test('text selected on an ordinary page and checked through the context menu shows its findings', async () => {
  const { context } = browser;
  const page = await context.newPage();
  await page.goto(pageUrl);
  // Select the ticket with the mouse, from its first letter to its last.
  const first = await page.locator('#ticket p').first().boundingBox();
  const last = await page.locator('#ticket p').last().boundingBox();
  await page.mouse.move(first.x + 1, first.y + first.height / 2);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width - 1, last.y + last.height / 2, { steps: 8 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  assert.match(selected, /^Hello support,/);
  assert.match(selected, /Thanks, Jordan\s*$/);
  assert.ok(!selected.includes('Assigned to'), selected);

  const worker = await currentWorker(context);
  // The item is registered (update fails for an unknown id), and the handler the test calls is
  // the listener the browser calls.
  assert.equal(
    await worker.evaluate(
      () =>
        new Promise((resolve) =>
          chrome.contextMenus.update('wdcap-check-selection', {}, () => resolve(chrome.runtime.lastError?.message ?? 'ok')),
        ),
    ),
    'ok',
  );
  assert.equal(await worker.evaluate(() => chrome.contextMenus.onClicked.hasListener(globalThis.wdcapContextMenu.onClicked)), true);

  // The tab, as the browser knows it: without the `tabs` permission or a host permission for
  // this page its address is not shown to the extension, so it is found as the active tab.
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  assert.equal(typeof tabId, 'number');
  const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes(PAGE_PATHS.verify) });
  // What Chromium passes for a click on a selection: line breaks as spaces.
  const info = { menuItemId: 'wdcap-check-selection', editable: false, pageUrl: page.url(), frameId: 0, selectionText: selected.replace(/\r?\n/g, ' ').trim() };
  await worker.evaluate(
    async ({ info, tabId }) => globalThis.wdcapContextMenu.onClicked(info, await chrome.tabs.get(tabId)),
    { info, tabId },
  );
  const verify = await opened;
  await verify.waitForSelector('body[data-checked]');
  assert.deepEqual((await shownFindings(verify)).filter((f) => f.startsWith('error')), PLANTED);
  const kinds = await verify.locator('#values li.value').evaluateAll((items) => items.map((li) => li.dataset.kind));
  assert.deepEqual(kinds, ['token_endpoint', 'rest_endpoint', 'client_id']);
  assert.equal(await verify.inputValue('#input'), info.selectionText);
  assert.equal(await verify.locator('#source').textContent(), 'Checked: the text you selected.');

  // The address held a one-time token only, never the text, and holds nothing once it was used.
  const opening = await verify.evaluate(() => performance.getEntriesByType('navigation')[0].name);
  const token = new URL(opening).searchParams.get('selection');
  assert.match(token, /^[0-9a-f-]{36}$/);
  assert.ok(!opening.includes('support') && !verify.url().includes('selection'), verify.url());
  // Handed over once: asked again, it is gone. Stored nowhere.
  assert.deepEqual(await verify.evaluate((token) => chrome.runtime.sendMessage({ type: 'wdcap/take-selection', token }), token), {
    ok: false,
    error: { code: 'gone', message: 'the selected text is no longer waiting' },
  });
  const stored = await worker.evaluate(async () => JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null)]));
  assert.ok(!stored.includes('OGQyMzYyYjYt') && !stored.includes('Jordan'), stored);
  await verify.close();
  await page.close();
});

/** Quoted-printable (RFC 2045): `=`, non-ASCII bytes and trailing spaces encoded, lines soft-broken before 76. */
function quotedPrintable(text) {
  let out = '';
  let line = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const literal = byte >= 33 && byte <= 126 && byte !== 61;
    const piece = literal || byte === 32 ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + piece.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += piece;
  }
  return out + line;
}

/** TICKET as an e-mail whose only body is HTML, quoted-printable, links as a mail client writes them. */
function ticketEml() {
  const link = (l) => escape(l).replace(/https?:\/\/\S+/g, (u) => `<a href="${u}">${u}</a>`);
  const html = `<html><body>${TICKET.map((l) => `<p>${link(l)}</p>`).join('')}</body></html>`;
  return [
    'From: Jordan <jordan@example.com>',
    'To: support@example.com',
    'Subject: Connector fails',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(html),
    '',
  ].join('\r\n');
}

test('a dropped .eml with a quoted-printable HTML body gives the same findings as its text', async () => {
  const page = await openVerify();
  const pasted = await paste(page, TICKET.join('\n'));
  assert.deepEqual(pasted.filter((f) => f.startsWith('error')), PLANTED);

  const eml = ticketEml();
  assert.match(eml, /<a href=3D"https:\/\//, 'the body is quoted-printable');
  assert.match(eml, /=\r\n/, 'with soft line breaks');
  await page.fill('#input', '');
  // Drop the file on the text box's card, as a drag from the desktop delivers it.
  let before = await checks(page);
  const dropped = await page.evaluateHandle(
    ({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'message/rfc822' }));
      return data;
    },
    { name: 'Connector fails.eml', text: eml },
  );
  await page.dispatchEvent('.input-card', 'dragover', { dataTransfer: dropped });
  await page.dispatchEvent('#input', 'drop', { dataTransfer: dropped });
  await page.waitForFunction((n) => Number(document.body.dataset.checked ?? 0) > n, before);
  assert.deepEqual(await shownFindings(page), pasted);
  const decoded = await page.inputValue('#input');
  assert.ok(decoded.startsWith('Subject: Connector fails\n'), decoded);
  assert.ok(decoded.includes('https://wd3-impl-services1.workday.com/ccx/oauth/acme/token') && !decoded.includes('=3D') && !decoded.includes('<p>'), decoded);
  assert.equal(await page.locator('#source').textContent(), 'Checked: Connector fails.eml.');

  // The same file chosen with the file picker.
  await paste(page, 'nothing here');
  before = await checks(page);
  await page.setInputFiles('#file', { name: 'ticket.eml', mimeType: 'message/rfc822', buffer: Buffer.from(eml) });
  await page.waitForFunction((n) => Number(document.body.dataset.checked ?? 0) > n, before);
  assert.deepEqual(await shownFindings(page), pasted);
  assert.equal(await page.getAttribute('#file', 'accept'), '.eml,.txt,.md,.html,.htm,.json');

  // A text file that is not UTF-8, and a file wdcap does not read: refused, with the reason.
  const failedBefore = await page.evaluate(() => Number(document.body.dataset.failed ?? 0));
  await page.setInputFiles('#file', { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x43, 0x6c, 0xe9]) });
  await waitFor(async () => (await page.evaluate(() => Number(document.body.dataset.failed ?? 0))) > failedBefore, { what: 'the refusal' });
  assert.equal(await page.locator('#summary').textContent(), 'latin1.txt could not be opened: it is not UTF-8 text');
  await page.setInputFiles('#file', { name: 'shot.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50]) });
  await waitFor(async () => /^shot\.png could not be opened: it is not a file wdcap reads/.test((await page.locator('#summary').textContent()) ?? ''), {
    what: 'the second refusal',
  });
  await page.close();
});
