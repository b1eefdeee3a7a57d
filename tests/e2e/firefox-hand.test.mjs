// End to end (Firefox): a value captured by hand from the context menu. The background page's
// registered `contextMenus.onClicked` listener is called with what Firefox hands a click (the
// selection's text as the page selected it, and the tab), since a headless run cannot click the
// browser's own menu; the value is then shown checked in the popup, marked as captured by hand,
// and a secret is kept in storage.session only.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PAGE_PATHS, waitFor } from './harness.mjs';
import { launchFirefox, openExtensionPage, tabIdOf } from './firefox-harness.mjs';
import { KEY, PAGES } from './live-scenario.mjs';

let ff;
let tab;
let ctl;

before(async () => {
  ff = await launchFirefox();
  tab = await ff.browser.newPage();
  await tab.goto(PAGES.home);
  ctl = await openExtensionPage(ff.browser, PAGE_PATHS.options, { ready: false });
});

after(async () => {
  await ff?.close();
});

const UI_HOST_REST = 'https://wd3-impl.workday.com/ccx/api/v1/acme';
const SECRET = 'Zk9wQ2xTdWJqZWN0UGFydGljbGVIYW5kQ2FwdHVyZWRTZWNyZXQy';

/** Shows `text` in the page and selects it; the selection's text. */
async function select(id, text) {
  return tab.evaluate(
    (id, text) => {
      const p = document.createElement('p');
      p.id = id;
      p.textContent = text;
      document.body.append(p);
      const range = document.createRange();
      range.selectNodeContents(p);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    id,
    text,
  );
}

/** Calls the background page's menu listener as Firefox does for a click on item `kind`. */
async function clickMenu(kind, selectionText) {
  const tabId = await tabIdOf(ctl, tab.url());
  return ctl.evaluate(
    async (kind, selectionText, tabId) => {
      const bg = await browser.runtime.getBackgroundPage();
      const listener = bg.wdcapContextMenu.onClicked;
      if (!bg.browser.contextMenus.onClicked.hasListener(listener)) return { registered: false };
      const t = await browser.tabs.get(tabId);
      const info = { menuItemId: `wdcap-capture-as-${kind}`, parentMenuItemId: 'wdcap-capture-as', editable: false, frameId: 0, pageUrl: t.url, selectionText };
      return JSON.parse(JSON.stringify(await listener(info, t)));
    },
    kind,
    selectionText,
    tabId,
  );
}

test('Firefox: a selection captured from the context menu is kept for the tab\'s tenant and shown checked in the popup', async () => {
  assert.deepEqual(await clickMenu('rest_endpoint', await select('hand-rest', UI_HOST_REST)), { ok: true });
  assert.deepEqual(await clickMenu('client_secret', await select('hand-secret', SECRET)), { ok: true });
  const record = await waitFor(async () => {
    const r = (await ctl.evaluate(() => browser.storage.session.get(null)))[`tenant:${KEY}`];
    return (r?.params ?? []).length >= 2 ? r : null;
  }, { what: 'the values captured by hand' });
  assert.deepEqual(
    record.params.map((p) => [p.kind, p.value, p.hand, p.origin]),
    [
      ['rest_endpoint', UI_HOST_REST, true, 'wd3-impl.workday.com/acme'],
      ['client_secret', SECRET, true, 'wd3-impl.workday.com/acme'],
    ],
  );
  const local = await ctl.evaluate(async () => JSON.stringify(await browser.storage.local.get(null)));
  assert.ok(!local.includes(SECRET), local);

  const popup = await openExtensionPage(ff.browser, `${PAGE_PATHS.popup}?tab=${await tabIdOf(ctl, tab.url())}`);
  const row = 'section.tenant.current li.value[data-kind="rest_endpoint"]';
  await popup.waitForSelector(row);
  const shown = await popup.evaluate((row) => {
    const li = document.querySelector(row);
    return { meta: li.querySelector('.value-meta')?.textContent ?? '', codes: [...li.querySelectorAll('li.finding')].map((f) => f.dataset.code) };
  }, row);
  assert.match(shown.meta, /captured by hand/);
  assert.ok(shown.codes.includes('ui-host-for-api'), shown.codes.join(', '));
  const secretText = await popup.evaluate(() => document.querySelector('section.tenant.current li.value[data-kind="client_secret"] code.value-text')?.textContent ?? '');
  assert.ok(secretText && !secretText.includes(SECRET), secretText);
  await popup.close();
});
