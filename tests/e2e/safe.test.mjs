// End to end (Chromium): safe and accessible. What it proves:
//   1. forgetting a tenant asks first (nothing is removed until the user says so), can be taken
//      back for a few seconds (the values come back), and afterwards the popup still shows the
//      tab's tenant (not "open a Workday page"); forgetting everything asks and undoes too;
//   2. a mark on a Workday page is a keyboard tab stop, a button with a name and a description
//      (read through the accessibility tree, which sees into the closed shadow root), with a
//      glyph and a word beside its colour; Enter on it opens the side panel (the gesture goes
//      through the worker) at that value;
//   3. the keyboard shortcut is declared (Alt+Shift+W) and its handler is registered;
//   4. class mode shows its badge in the popup, with a switch that turns it on and off.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, currentWorker, waitFor, tabIdOf, openPopup, storedRecord, markCount, VIEW_API_CLIENTS_URL, ACME, PAGE_PATHS, recordKey } from './harness.mjs';

let browser;
let clients;
let tabId;

before(async () => {
  browser = await launch({ simulator: { delays: { header: 20, body: 60 } } });
  clients = await browser.context.newPage();
  await clients.goto(VIEW_API_CLIENTS_URL);
  await waitFor(async () => (await markCount(clients)) === 5, { what: 'View API Clients captured' });
  tabId = await tabIdOf(browser.context, clients);
});

after(async () => {
  await browser?.close();
});

const session = async () => (await currentWorker(browser.context)).evaluate(() => chrome.storage.session.get(null));

test('forgetting asks first, can be undone for a few seconds, and the popup keeps showing the tab\'s tenant', async () => {
  const popup = await openPopup(browser.context, browser.extensionId, tabId);
  try {
    const values = (await storedRecord(browser.context)).params.length;
    assert.ok(values >= 5);
    const current = popup.locator(`section.tenant.current[data-key="${ACME}"]`);
    await current.locator('button.forget').click();
    // Asked, not done.
    const confirm = current.locator('.forget-confirm');
    assert.equal(await confirm.isVisible(), true);
    assert.match(await confirm.locator('.confirm-text').textContent(), /cannot be read again/);
    assert.ok(recordKey() in (await session()), 'nothing removed before the answer');
    // The question stays open while the popup re-renders (any storage change re-renders it).
    const rendered = await popup.evaluateHandle(() => document.querySelector('section.tenant.current .tenant-body'));
    await (await currentWorker(browser.context)).evaluate(async () => chrome.storage.local.set({ settings: { ...(await chrome.storage.local.get('settings')).settings } }));
    await waitFor(async () => !(await rendered.evaluate((old) => old.isConnected)), { what: 'the popup to re-render' });
    assert.equal(await current.locator('.forget-confirm').isVisible(), true, 'the question survives a re-render');
    // Cancel keeps everything.
    await confirm.locator('button.confirm-no').click();
    assert.equal(await confirm.isHidden(), true);
    assert.ok(recordKey() in (await session()));
    // Forget, then undo.
    await current.locator('button.forget').click();
    await current.locator('.forget-confirm button.confirm-yes').click();
    await waitFor(async () => !(recordKey() in (await session())), { what: 'acme to be forgotten' });
    const bar = popup.locator('.undo-bar');
    await bar.waitFor({ state: 'visible' });
    assert.match(await bar.textContent(), /acme.*10 seconds/);
    // The popup still shows the tab's tenant, with nothing captured.
    await popup.locator(`section.tenant.current[data-key="${ACME}"]`).waitFor();
    assert.equal(await popup.locator('main > p.hint').count(), 0, 'no "open a Workday page"');
    await bar.locator('button.undo').click();
    await waitFor(async () => (await storedRecord(browser.context))?.params.length === values, { what: 'the values to come back' });
    await popup.locator(`section.tenant.current[data-key="${ACME}"] li.value`).first().waitFor();
    assert.equal(await bar.isHidden(), true);

    // Everything: asks, removes, undoes.
    await popup.locator('#forget-all').click();
    assert.ok(recordKey() in (await session()), 'nothing removed before the answer');
    await popup.locator('.foot .forget-confirm button.confirm-yes').click();
    await waitFor(async () => !(recordKey() in (await session())), { what: 'everything to be forgotten' });
    await bar.waitFor({ state: 'visible' });
    await bar.locator('button.undo').click();
    await waitFor(async () => (await storedRecord(browser.context))?.params.length === values, { what: 'the values to come back' });

    // Without undo, what was removed is gone for good: asked again later, too late.
    await current.locator('button.forget').click();
    await current.locator('.forget-confirm button.confirm-yes').click();
    await waitFor(async () => !(recordKey() in (await session())), { what: 'acme to be forgotten' });
    const worker = await currentWorker(browser.context);
    const tooLate = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'wdcap/undo-forget', token: crypto.randomUUID() }));
    assert.deepEqual(tooLate, { ok: false, error: { code: 'gone', message: 'too late to undo' } });
    assert.ok(!(recordKey() in (await worker.evaluate(() => chrome.storage.session.get(null)))));
  } finally {
    await popup.close();
  }
  // Captured again for the next tests.
  await clients.reload();
  await waitFor(async () => (await storedRecord(browser.context))?.params.length >= 5, { what: 'View API Clients captured again' });
});

/** The accessibility tree's nodes of the page's marks (Chromium's, which sees closed shadow roots). */
async function markNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes
      .filter((n) => n.role?.value === 'button' && /^wdcap captured/.test(n.name?.value ?? ''))
      .map((n) => ({ name: n.name.value, description: n.description?.value ?? '', focusable: (n.properties ?? []).some((p) => p.name === 'focusable' && p.value.value) }));
  } finally {
    await cdp.detach().catch(() => {});
  }
}

test('marks: glyph and word beside colour, a named button with its judgement, a tab stop; Enter opens the side panel at the value', async () => {
  await clients.bringToFront();
  await waitFor(async () => (await markCount(clients)) === 5, { what: 'the marks' });
  const nodes = await markNodes(clients);
  assert.equal(nodes.length, 5, JSON.stringify(nodes));
  assert.ok(nodes.every((n) => n.focusable), JSON.stringify(nodes));
  assert.ok(nodes.some((n) => /Token Endpoint: no problem found/.test(n.name)), JSON.stringify(nodes));
  assert.ok(nodes.every((n) => /side panel/.test(n.description)), JSON.stringify(nodes));
  // What each shows beside its colour: a glyph and a word (read as DevTools reads the page).
  const cdp = await clients.context().newCDPSession(clients);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const shown = [];
  const text = (node) => (node.nodeType === 3 ? node.nodeValue : (node.children ?? []).map(text).join(''));
  const walk = (node) => {
    for (const s of node.shadowRoots ?? []) if (s.shadowRootType === 'closed') shown.push(text(s.children?.[0] ?? {}));
    for (const c of node.children ?? []) walk(c);
  };
  walk(root);
  await cdp.detach();
  assert.equal(shown.length, 5);
  for (const s of shown) assert.match(s, /^(✓OK|!Check|✕Error|iNote)$/, s);

  // A side panel of the tab's window, already open (here in a tab of its own, `?window=`): it
  // is sent the value to show.
  const worker = await currentWorker(browser.context);
  const windowId = await worker.evaluate(async (id) => (await chrome.tabs.get(id)).windowId, tabId);
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/${PAGE_PATHS.panel}?tab=${tabId}&window=${windowId}`);
  await panel.waitForSelector('body[data-ready="true"]');
  assert.equal(await panel.locator('li.value.focused').count(), 0);

  // Keyboard: Tab reaches a mark (the page sees its plain host focused), Enter opens the panel.
  await clients.bringToFront();
  await clients.evaluate(() => document.activeElement?.blur());
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await clients.keyboard.press('Tab');
    reached = await clients.evaluate(() => {
      const el = document.activeElement;
      return el?.localName === 'span' && el.shadowRoot === null && el.style.getPropertyPriority('display') === 'important';
    });
  }
  assert.ok(reached, 'Tab reaches a mark');
  const before = await worker.evaluate(() => ({ ...globalThis.wdcapPanel.stats }));
  await clients.keyboard.press('Enter');
  const after = await waitFor(async () => {
    const s = await worker.evaluate(() => ({ ...globalThis.wdcapPanel.stats }));
    return s.opened + s.failed > before.opened + before.failed ? s : null;
  }, { what: 'the side panel to be asked to open' });
  assert.equal(after.opened, before.opened + 1, `the side panel did not open: ${after.lastError}`);
  // The browser's own side panel is open in that window.
  const open = await waitFor(
    async () => {
      const found = await worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((c) => new URL(c.documentUrl).pathname));
      return found.length ? found : null;
    },
    { what: 'the side panel' },
  );
  assert.deepEqual(open, [`/${PAGE_PATHS.panel}`]);
  // The panel shows that value: scrolled to, outlined and focused.
  const focused = panel.locator('li.value.focused');
  await focused.waitFor();
  assert.equal(await focused.count(), 1);
  const inView = await focused.evaluate((li) => {
    const r = li.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
  assert.equal(inView, true, 'scrolled to');
  await panel.close();
});

test('the keyboard shortcut that opens the side panel is declared and handled', async () => {
  const worker = await currentWorker(browser.context);
  const commands = await worker.evaluate(() => chrome.commands.getAll());
  const open = commands.find((c) => c.name === 'open-side-panel');
  assert.ok(open, JSON.stringify(commands));
  // The key the manifest suggests (the browser assigns it unless it is taken; a headless
  // profile leaves it unassigned, and the user can change it at chrome://extensions/shortcuts).
  const suggested = await worker.evaluate(() => chrome.runtime.getManifest().commands['open-side-panel'].suggested_key.default);
  assert.equal(suggested, 'Alt+Shift+W');
  assert.ok(['', 'Alt+Shift+W'].includes(open.shortcut), open.shortcut);
  assert.equal(open.description, 'Open wdcap in the side panel');
  assert.equal(await worker.evaluate(() => chrome.commands.onCommand.hasListener(globalThis.wdcapPanel.onCommand)), true);
  // The handler opens the side panel of the window the shortcut was pressed in: called here
  // without the key press, the browser refuses for want of the user's gesture, which proves it
  // asked for the panel.
  const said = await worker.evaluate(async (id) => globalThis.wdcapPanel.onCommand('open-side-panel', await chrome.tabs.get(id)), tabId);
  assert.equal(said.ok, false);
  assert.match(said.error.message, /user gesture/);
});

test('class mode shows its badge in the popup, with a switch', async () => {
  const popup = await openPopup(browser.context, browser.extensionId, tabId);
  try {
    const badge = popup.locator('.class-badge');
    const toggle = popup.locator('button.class-toggle');
    assert.equal(await badge.isHidden(), true);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    await badge.waitFor({ state: 'visible' });
    assert.match(await badge.textContent(), /Class mode is on/);
    const worker = await currentWorker(browser.context);
    await waitFor(async () => (await worker.evaluate(() => chrome.storage.local.get('settings'))).settings?.classMode === true, { what: 'the setting to change' });
    await waitFor(async () => (await popup.evaluate(() => document.body.classList.contains('class-mode'))), { what: 'the popup to follow' });
    await toggle.click();
    await badge.waitFor({ state: 'hidden' });
    await waitFor(async () => (await worker.evaluate(() => chrome.storage.local.get('settings'))).settings?.classMode === false, { what: 'the setting to change back' });
  } finally {
    await popup.close();
  }
});
