// End to end (Chromium): the popup at its width (440 px), values first. What it proves:
//   1. nothing is cut off or makes the popup scroll sideways: every laid-out element's content
//      fits its box (scrollWidth <= clientWidth), long values and inline code in findings wrap
//      (overflow-wrap: anywhere), and the partner drop-down is wide enough for its longest name;
//   2. the values and their own findings come first; the findings about no single value follow,
//      one fold per checklist step under its count, folded until opened.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, currentWorker, waitFor, tabIdOf, openPopup, markCount, VIEW_API_CLIENTS_URL, prefsKey } from './harness.mjs';

let browser;
let tabId;

before(async () => {
  browser = await launch({ simulator: { delays: { header: 20, body: 60 } } });
  const result = await browser.context.newPage();
  await result.goto(browser.sim.fixtures.find((f) => f.ref === 'register_api_client/result_plain').url);
  // Five value marks, and the settings read there have marks of their own.
  await waitFor(async () => (await markCount(result)) >= 5, { what: 'the Register API Client result captured' });
  await result.close();
  const clients = await browser.context.newPage();
  await clients.goto(VIEW_API_CLIENTS_URL);
  await waitFor(async () => (await markCount(clients)) >= 5, { what: 'View API Clients captured' });
  tabId = await tabIdOf(browser.context, clients);
});

after(async () => {
  await browser?.close();
});

/** Every laid-out element of `page` whose content is wider than its box. */
function overflowing(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('body, body *')]
      .filter((el) => el instanceof HTMLElement && el.clientWidth > 0 && !el.closest('[hidden], .visually-hidden'))
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.localName}.${el.className} (${el.scrollWidth} > ${el.clientWidth}): ${(el.textContent ?? '').slice(0, 60)}`),
  );
}

for (const partner of ['kombo', 'defender-for-cloud-apps']) {
  test(`the popup for ${partner}: nothing cut off at 440 px; values first, step findings folded under their count`, async () => {
    const worker = await currentWorker(browser.context);
    await worker.evaluate(([k, integration]) => chrome.storage.local.set({ [k]: { sso: 'yes', integration } }), [prefsKey(), partner]);
    const popup = await openPopup(browser.context, browser.extensionId, tabId);
    try {
      await popup.locator('details.export').waitFor();
      // Everything that can open, open (the export, the findings, "Add a value").
      await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      assert.equal(await popup.evaluate(() => window.innerWidth), 440);
      assert.deepEqual(await overflowing(popup), []);
      assert.ok(await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'the popup scrolls sideways');

      // The partner drop-down is as wide as its longest name (a select clips, it does not overflow).
      const fit = await popup.locator('select.partner').first().evaluate((select) => {
        const probe = document.createElement('span');
        probe.style.font = getComputedStyle(select).font;
        probe.style.whiteSpace = 'pre';
        document.body.append(probe);
        const widest = Math.max(...[...select.options].map((o) => {
          probe.textContent = o.text;
          return probe.getBoundingClientRect().width;
        }));
        probe.remove();
        return { widest, inner: select.clientWidth, names: [...select.options].map((o) => o.text) };
      });
      assert.ok(fit.names.includes('Microsoft Defender for Cloud Apps'), fit.names.join(', '));
      assert.ok(fit.widest + 16 <= fit.inner, JSON.stringify(fit));

      // Inline code in a finding wraps where it must, not mid-word where a word fits.
      const wraps = await popup.evaluate(() => [...document.querySelectorAll('.message code, .fix code, code.value-text')].map((c) => getComputedStyle(c).overflowWrap));
      assert.ok(wraps.length > 0);
      assert.ok(wraps.every((w) => w === 'anywhere'), wraps.join(', '));
    } finally {
      await popup.close();
    }
    // Folded by default, after every value.
    const fresh = await openPopup(browser.context, browser.extensionId, tabId);
    try {
      const order = await fresh.evaluate(() => {
        const body = document.querySelector('section.tenant.current .tenant-body');
        const all = [...body.querySelectorAll('li.value, details.finding-group')];
        const groups = [...body.querySelectorAll('details.finding-group')].map((d) => ({
          open: d.open,
          title: d.querySelector('summary .group-title')?.textContent ?? '',
          count: d.querySelector('summary .count')?.textContent ?? '',
          findings: d.querySelectorAll('li.finding').length,
        }));
        const lastValue = all.findLastIndex((e) => e.matches('li.value'));
        const firstGroup = all.findIndex((e) => e.matches('details.finding-group'));
        return { groups, lastValue, firstGroup };
      });
      assert.ok(order.groups.length > 0, `${partner}: findings about no single value`);
      assert.ok(order.lastValue >= 0 && order.firstGroup > order.lastValue, JSON.stringify(order));
      for (const g of order.groups) {
        assert.equal(g.open, false, g.title);
        assert.match(g.count, new RegExp(`^${g.findings} findings?$`), JSON.stringify(g));
      }
    } finally {
      await fresh.close();
    }
  });
}
