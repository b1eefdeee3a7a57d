// End to end (Chromium): a tenant page no recogniser claims. Its Workday connection URLs (in a
// field's text, in a sentence, behind a link, in a copy action) are captured and kept as read on
// a page wdcap does not know; nothing a label alone would tell (a client secret, a refresh token
// in an attribute, a password in an input, a value in a link's query) is kept; the popup lists the
// URLs under that heading. Both builds of Workday's UI. The "This page" strip of the popup and the
// side panel says the page is not one wdcap knows, lists the chosen partner guide's pages with the
// Workday task to search for, and copies the page's structure, which holds none of the planted
// secrets nor the captured URLs. On Edit Tenant Setup – Security each setting read gets a mark,
// the strip says what was read and the SSO switch follows it, with its source; the admin's
// override stands and says so.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACME, PAGE_PATHS, ROOT, launch, currentWorker, marksIn, openPopup, sessionStorage, storedRecord, tabIdOf, waitFor } from './harness.mjs';
import { PLANTED, URLS } from './this-page-cases.mjs';

const REF = 'view_integration_system/details';
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's violations in `page`, light and dark (evaluated through the DevTools protocol). */
async function violations(page) {
  await page.evaluate(AXE);
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const v = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
    found.push(...v.map((x) => `${colorScheme}: ${x.id}: ${x.help} — ${x.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
  }
  return found;
}

let browser;
let url;

before(async () => {
  browser = await launch({ simulator: { delays: { header: 20, body: 60 } } });
  url = browser.sim.fixtures.find((f) => f.ref === REF).url;
});

after(async () => {
  await browser?.close();
});

for (const build of ['older', 'newer']) {
  test(`${build} build: a page no recogniser claims gives its connection URLs, kept as read on a page wdcap does not know, and nothing else`, async () => {
    const worker = await currentWorker(browser.context);
    await worker.evaluate(() => chrome.storage.session.clear());
    const page = await browser.context.newPage();
    try {
      await page.goto(`${url}?wdcap-build=${build}`);
      await page.waitForSelector(`#wdcap-sim-root[data-sim-page="${REF}"][data-sim-build="${build}"]`);
      await waitFor(async () => ((await storedRecord(browser.context))?.params ?? []).length === 4, {
        what: 'the four connection URLs to be stored',
      });
      const record = await storedRecord(browser.context);
      const kept = Object.fromEntries(record.params.map((p) => [p.kind, p.value]));
      assert.deepEqual(kept, URLS);
      assert.ok(record.params.every((p) => p.unrecognised === true && p.page == null), JSON.stringify(record.params));
      assert.deepEqual(record.reads, [], 'no page read is noted for a page wdcap does not know');
      const text = JSON.stringify(await sessionStorage(browser.context));
      for (const planted of PLANTED) assert.ok(!text.includes(planted), `session storage holds ${planted}`);

      const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, page));
      try {
        const group = popup.locator('section.tenant.current section.page[data-page="unrecognised"]');
        await group.waitFor();
        assert.equal(await group.locator('h3 span').first().textContent(), 'Read on a page wdcap does not know');
        const kinds = await group.locator('li.value').evaluateAll((l) => l.map((e) => e.dataset.kind));
        assert.deepEqual(kinds.sort(), Object.keys(URLS).sort());
        const shown = await popup.content();
        for (const planted of PLANTED) assert.ok(!shown.includes(planted), `the popup shows ${planted}`);
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  });
}

test('the "This page" strip in the popup and the side panel: wdcap does not know the page, the partner guide\'s pages with their tasks, a structure copy without the planted secrets', async () => {
  const worker = await currentWorker(browser.context);
  await worker.evaluate(() => chrome.storage.session.clear());
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await browser.context.newPage();
  try {
    await page.goto(url);
    await page.waitForSelector(`#wdcap-sim-root[data-sim-page="${REF}"]`);
    await waitFor(async () => ((await storedRecord(browser.context))?.params ?? []).length === 4, { what: 'the connection URLs to be stored' });
    const tabId = await tabIdOf(browser.context, page);
    // The partner is chosen for the tenant: its guide's pages are listed.
    await worker.evaluate((key) => chrome.storage.local.set({ [`prefs:${key}`]: { sso: 'unknown', integration: 'viva-learning' } }), ACME);
    for (const path of [PAGE_PATHS.popup, PAGE_PATHS.panel]) {
      const view = await browser.context.newPage();
      try {
        await view.setViewportSize({ width: 440, height: 700 });
        await view.goto(`chrome-extension://${browser.extensionId}/${path}?tab=${tabId}`);
        await view.waitForSelector('body[data-ready="true"]');
        const strip = view.locator('section.this-page[data-state="unknown"]');
        await strip.waitFor();
        assert.deepEqual(await violations(view), [], `axe on ${path} with the strip`);
        assert.match(await strip.locator('.this-page-status').textContent(), /wdcap does not know this page \(View Integration System\)/);
        assert.match(await strip.locator('.this-page-urls').textContent(), /4 connection URLs/);
        const guide = await strip.locator('.this-page-guide li').evaluateAll((l) => l.map((e) => [e.dataset.page, e.textContent]));
        assert.ok(guide.some(([p, text]) => p === 'edit_tenant_setup_security' && /search Workday for “Edit Tenant Setup - Security”/.test(text)), JSON.stringify(guide));
        assert.ok(guide.length >= 5, JSON.stringify(guide));
        // The structure copy: the page's shape, none of its values.
        await strip.locator('button.copy-structure').click();
        await waitFor(async () => (await strip.locator('button.copy-structure').textContent()) === 'Copied', { what: 'the structure to be copied' });
        const copied = await view.evaluate(() => navigator.clipboard.readText());
        const structure = JSON.parse(copied);
        assert.equal(structure.v, 1);
        assert.ok(copied.includes('View Integration System') && copied.includes('formLabel') && copied.includes('‹SOAP URL›'), copied.slice(0, 400));
        for (const planted of PLANTED) assert.ok(!copied.includes(planted), `the structure holds ${planted}`);
        for (const value of Object.values(URLS)) assert.ok(!copied.includes(value), `the structure holds ${value}`);
      } finally {
        await view.close();
      }
    }
  } finally {
    await page.close();
  }
});

test('the SSO switch follows Edit Tenant Setup – Security with its source shown; the strip says what was read; overriding it works and says so', async () => {
  const worker = await currentWorker(browser.context);
  await worker.evaluate(() => Promise.all([chrome.storage.session.clear(), chrome.storage.local.clear()]));
  const security = browser.sim.fixtures.find((f) => f.ref === 'edit_tenant_setup_security/oauth_enabled_saml_on').url;
  const page = await browser.context.newPage();
  try {
    await page.goto(security);
    await page.waitForSelector('#wdcap-sim-root[data-sim-page="edit_tenant_setup_security/oauth_enabled_saml_on"]');
    await waitFor(async () => ((await storedRecord(browser.context))?.reads ?? []).some((r) => r.page === 'edit_tenant_setup_security'), {
      what: 'the security settings to be read',
    });
    // The settings page gets marks too: one beside each setting read, saying what was read.
    await waitFor(async () => (await marksIn(page)).filter((m) => m.kind === 'setting').length === 2, { what: 'a mark beside each setting read' });
    const marks = (await marksIn(page)).filter((m) => m.kind === 'setting');
    assert.ok(marks.some((m) => m.title.includes('SAML on')) && marks.some((m) => m.title.includes('OAuth 2.0 clients enabled')), JSON.stringify(marks));
    const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, page));
    try {
      const strip = popup.locator('section.this-page[data-state="recognised"]');
      await strip.waitFor();
      assert.match(await strip.locator('.this-page-name').textContent(), /Edit Tenant Setup/);
      const said = await strip.locator('li.this-page-setting').allTextContents();
      assert.ok(said.includes('SAML on') && said.includes('OAuth 2.0 clients enabled \u2713'), JSON.stringify(said));
      const tenant = popup.locator('section.tenant.current');
      assert.equal(await tenant.locator('input[value="yes"]').isChecked(), true, 'the switch follows the page');
      assert.equal(await tenant.locator('.sso-source').getAttribute('data-source'), 'read');
      assert.match(await tenant.locator('.sso-source').textContent(), /^Read on Edit Tenant Setup/);
      // The admin overrides it: the answer is theirs, and the page's is still said.
      await tenant.locator('label[for="sso-wd3.implementation-acme-no"]').click();
      await waitFor(async () => (await tenant.locator('.sso-source').getAttribute('data-source')) === 'you_chose', { what: 'the override' });
      assert.equal(await tenant.locator('input[value="no"]').isChecked(), true);
      assert.match(await tenant.locator('.sso-source').textContent(), /^You chose; Edit Tenant Setup.* says: Yes/);
      // "Don't know" gives the page its say again.
      await tenant.locator('label[for="sso-wd3.implementation-acme-unknown"]').click();
      await waitFor(async () => (await tenant.locator('.sso-source').getAttribute('data-source')) === 'read', { what: 'the page to decide again' });
      assert.equal(await tenant.locator('input[value="yes"]').isChecked(), true);
    } finally {
      await popup.close();
    }
  } finally {
    await page.close();
  }
});
