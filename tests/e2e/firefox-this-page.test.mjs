// End to end in Firefox (the packaged Firefox build, dist/firefox-test, in firefox-esr): a tenant
// page no recogniser claims, in both builds of Workday's UI. Its connection URLs are captured and
// kept as read on a page wdcap does not know, nothing planted on it (a secret, a refresh token in
// a `title`, a password in an input, a link's query, a copyText action) is kept; the popup and
// the sidebar say wdcap does not know the page and list the URLs; the structure the worker holds
// for "Copy page structure" has none of the planted values nor the captured URLs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PAGE_PATHS, waitFor } from './harness.mjs';
import { launchFirefox, openExtensionPage, tabIdOf } from './firefox-harness.mjs';
import { PLANTED, URLS } from './this-page-cases.mjs';

const REF = 'view_integration_system/details';
const KEY = 'tenant:wd3.implementation:acme';
let ff;
let ctl; // an extension page kept open to reach the extension's APIs

before(async () => {
  ff = await launchFirefox({ simulator: { delays: { body: 60 } } });
  ctl = await openExtensionPage(ff.browser, PAGE_PATHS.options, { ready: false });
});

after(async () => {
  await ff?.close();
});

const stored = () => ctl.evaluate((k) => browser.storage.session.get(k).then((s) => s[k] ?? null), KEY);

for (const build of ['older', 'newer']) {
  test(`Firefox, ${build} build: a page no recogniser claims gives its connection URLs, the popup and sidebar say wdcap does not know it, the structure holds no planted secret`, async () => {
    await ctl.evaluate(() => browser.storage.session.clear());
    const url = `${ff.sim.fixtures.find((f) => f.ref === REF).url}?wdcap-build=${build}`;
    const tab = await ff.browser.newPage();
    try {
      await tab.goto(url);
      await tab.waitForSelector(`#wdcap-sim-root[data-sim-page="${REF}"][data-sim-build="${build}"]`);
      await waitFor(async () => ((await stored())?.params ?? []).length === 4, { what: 'the four connection URLs to be stored' });
      const record = await stored();
      assert.deepEqual(Object.fromEntries(record.params.map((p) => [p.kind, p.value])), URLS);
      assert.ok(record.params.every((p) => p.unrecognised === true && p.page == null));
      const session = JSON.stringify(await ctl.evaluate(() => browser.storage.session.get(null)));
      for (const planted of PLANTED) assert.ok(!session.includes(planted), `session storage holds ${planted}`);

      const tabId = await tabIdOf(ctl, tab.url());
      for (const path of [PAGE_PATHS.popup, PAGE_PATHS.panel]) {
        const view = await openExtensionPage(ff.browser, `${path}?tab=${tabId}`);
        try {
          await view.waitForSelector('section.this-page[data-state="unknown"] button.copy-structure');
          const status = await view.$eval('section.this-page .this-page-status', (e) => e.textContent);
          assert.match(status, /wdcap does not know this page/);
          const kinds = await view.$$eval('section.tenant.current section.page[data-page="unrecognised"] li.value', (l) => l.map((e) => e.dataset.kind));
          assert.deepEqual(kinds.sort(), Object.keys(URLS).sort());
          const html = await view.content();
          for (const planted of PLANTED) assert.ok(!html.includes(planted), `the page shows ${planted}`);
        } finally {
          await view.close();
        }
      }
      // What "Copy page structure" copies: the structure the worker holds for the tab.
      const reply = await ctl.evaluate((id) => browser.runtime.sendMessage({ type: 'wdcap/this-page', tabId: id }), tabId);
      assert.equal(reply.ok, true);
      const structure = reply.page.structure;
      assert.equal(JSON.parse(structure).v, 1);
      assert.ok(structure.includes('View Integration System') && structure.includes('‹RaaS URL›'));
      for (const planted of PLANTED) assert.ok(!structure.includes(planted), `the structure holds ${planted}`);
      for (const value of Object.values(URLS)) assert.ok(!structure.includes(value), `the structure holds ${value}`);
    } finally {
      await tab.close();
    }
  });
}
