// Accessibility: axe-core (npm, pinned) finds no violation on the popup, the side
// panel, the Verify page, the checklist, the options and a Workday page with marks, in light and
// in dark colours; each
// works from the keyboard alone; reduced motion turns transitions off. One browser for the file.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, currentWorker, waitFor, tabIdOf, openPopup, ROOT, VIEW_API_CLIENTS_URL, PAGE_PATHS, prefsKey, markCount, marksIn } from './harness.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
let browser;
let clients; // View API Clients, captured
let tabId;

before(async () => {
  browser = await launch({ simulator: { delays: { header: 20, body: 60 } } });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const result = await browser.context.newPage();
  await result.goto(browser.sim.fixtures.find((f) => f.ref === 'register_api_client/result_plain').url);
  // Five values marked (the settings read there have marks of their own).
  await waitFor(async () => (await marksIn(result)).filter((m) => m.kind !== 'setting').length === 5, { what: 'the Register API Client result captured' });
  await result.close();
  clients = await browser.context.newPage();
  await clients.goto(VIEW_API_CLIENTS_URL);
  await waitFor(async () => (await markCount(clients)) === 5, { what: 'View API Clients captured' });
  tabId = await tabIdOf(browser.context, clients);
  const worker = await currentWorker(browser.context);
  await worker.evaluate((k) => chrome.storage.local.set({ [k]: { sso: 'yes', integration: 'defender-for-cloud-apps' } }), prefsKey());
});

after(async () => {
  await browser?.close();
});

/** Runs axe-core in `page` (evaluated through the DevTools protocol: the page's CSP allows no inline script). */
async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function expectClean(page, what) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await violations(page), [], `${what} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function extensionPage(path, viewport = { width: 1100, height: 900 }) {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  await page.waitForSelector('body[data-ready]');
  return page;
}

/** Presses Tab until `selector` has the focus (at most `limit` times). */
async function tabTo(page, selector, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('axe: no violation on the popup, with values, findings, checklist progress and export', async () => {
  const popup = await openPopup(browser.context, browser.extensionId, tabId);
  try {
    await popup.locator('details.export').waitFor();
    await popup.locator('details.export > summary').click();
    await popup.locator('details.export .export-items').waitFor();
    await expectClean(popup, 'popup');
  } finally {
    await popup.close();
  }
});

test('axe: no violation on the side panel, the Verify page with results, the checklist and the options', async () => {
  const panel = await extensionPage(`${PAGE_PATHS.panel}?tab=${tabId}`, { width: 400, height: 800 });
  await expectClean(panel, 'side panel');
  await panel.close();

  const verify = await extensionPage(`${PAGE_PATHS.verify}?partner=defender-for-cloud-apps`);
  await verify.fill('#input', readFileSync(join(ROOT, 'tests', 'fixtures', 'checks', 'wrong-path', 'fail-oauth.txt'), 'utf8'));
  await verify.click('#check');
  await verify.waitForSelector('body[data-checked]');
  await expectClean(verify, 'verify');
  await verify.close();

  const checklist = await extensionPage(`${PAGE_PATHS.checklist}?tenant=acme&partner=defender-for-cloud-apps`);
  await checklist.click('#reset'); // the confirmation row shown too
  await expectClean(checklist, 'checklist');
  await checklist.check('#class-mode');
  await expectClean(checklist, 'checklist in class mode');
  await checklist.uncheck('#class-mode');
  await checklist.close();

  const options = await extensionPage(PAGE_PATHS.options);
  await expectClean(options, 'options');
  await options.close();
});

test('axe: no violation on a Workday page with marks, nor on the popup with "Add a value", a forget question and class mode', async () => {
  // The marks are buttons inside closed shadow roots, which axe cannot enter: their names and
  // descriptions are read from the accessibility tree in safe.test.mjs. Here: the page with its
  // marks has no violation the page without them has not (the simulator's own markup has a few
  // of its own, as a real tenant's may: not wdcap's to fix).
  await clients.bringToFront();
  for (const colorScheme of ['light', 'dark']) {
    await clients.emulateMedia({ colorScheme });
    const withMarks = await violations(clients);
    const hosts = await clients.evaluateHandle(() =>
      [...document.querySelectorAll('span')].filter((e) => !e.childNodes.length && e.style.getPropertyPriority('display') === 'important'),
    );
    assert.equal(await hosts.evaluate((list) => list.length), 5);
    const places = await hosts.evaluateHandle((list) => list.map((e) => [e, e.parentNode, e.nextSibling]));
    await places.evaluate((list) => list.forEach(([e]) => e.remove()));
    const without = await violations(clients);
    await places.evaluate((list) => list.forEach(([e, parent, next]) => parent.insertBefore(e, next)));
    assert.deepEqual(withMarks, without, `a Workday page with marks (${colorScheme})`);
  }
  await clients.emulateMedia({ colorScheme: 'light' });
  // Class mode off to start with, whatever a page closed earlier left behind.
  const worker = await currentWorker(browser.context);
  await worker.evaluate(async () => chrome.storage.local.set({ settings: { ...(await chrome.storage.local.get('settings')).settings, classMode: false } }));
  const popup = await openPopup(browser.context, browser.extensionId, tabId);
  try {
    await popup.locator('details.add-value > summary').first().click();
    await popup.locator('button.forget').first().click();
    await expectClean(popup, 'popup with "Add a value" open and a forget question');
    await popup.locator('.forget-confirm button.confirm-no').first().click();
    await popup.locator('button.class-toggle').click();
    await popup.locator('.class-badge').waitFor({ state: 'visible' });
    await expectClean(popup, 'popup in class mode');
    await popup.locator('button.class-toggle').click();
    await popup.locator('.class-badge').waitFor({ state: 'hidden' });
  } finally {
    await popup.close();
  }
});

test('keyboard only: the popup', async () => {
  const popup = await openPopup(browser.context, browser.extensionId, tabId);
  try {
    await popup.bringToFront();
    // The skip link comes first and leads to the values.
    await popup.keyboard.press('Tab');
    assert.equal(await popup.evaluate(() => document.activeElement.className), 'skip-link');
    // The SSO answer with the arrow keys.
    await tabTo(popup, 'input[name="sso-wd3.implementation-acme"]');
    await popup.keyboard.press('ArrowRight');
    const worker = await currentWorker(browser.context);
    await waitFor(async () => (await worker.evaluate((k) => chrome.storage.local.get(k), prefsKey()))[prefsKey()].sso === 'no', {
      what: 'the SSO answer to change from the keyboard',
    });
    // The export opens with Enter; a value copies with Enter.
    await tabTo(popup, 'details.export > summary');
    await popup.keyboard.press('Enter');
    await popup.locator('details.export[open]').waitFor();
    await tabTo(popup, 'li.value[data-kind="token_endpoint"] button.copy');
    await popup.keyboard.press('Enter');
    await waitFor(async () => (await popup.evaluate(() => navigator.clipboard.readText())) === 'https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token', {
      what: 'the token endpoint copied from the keyboard',
    });
    await worker.evaluate((k) => chrome.storage.local.set({ [k]: { sso: 'yes', integration: 'defender-for-cloud-apps' } }), prefsKey());
  } finally {
    await popup.close();
  }
});

test('keyboard only: the Verify page', async () => {
  const page = await extensionPage(PAGE_PATHS.verify);
  try {
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "Skip to the text box"
    assert.equal(await page.evaluate(() => document.activeElement.id), 'input');
    await page.keyboard.insertText('Token endpoint: https://wd3-impl-services1.workday.com/ccx/oauth/acme/token\n');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('li.finding[data-code="wrong-path"]');
    await tabTo(page, 'li.finding[data-code="wrong-path"] .fixed button.copy');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await page.evaluate(() => navigator.clipboard.readText())) === 'https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token', {
      what: 'the fix copied from the keyboard',
    });
  } finally {
    await page.close();
  }
});

test('keyboard only: the checklist', async () => {
  const page = await extensionPage(`${PAGE_PATHS.checklist}?tenant=acme&partner=kombo`);
  try {
    await tabTo(page, '#tick-authentication-policy');
    await page.keyboard.press('Space');
    await waitFor(async () => (await page.locator('li.step[data-step="authentication-policy"]').getAttribute('data-ticked')) === 'true', {
      what: 'the step ticked from the keyboard',
    });
    // Focus stays on the box after the list re-renders.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tick-authentication-policy');
    // Reset asks first; Escape-free: Cancel is focused, Enter cancels.
    await tabTo(page, '#reset');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'reset-no');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#reset-confirm').isHidden(), true);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'reset');
  } finally {
    await page.close();
  }
});

test('reduced motion and dark colours are respected', async () => {
  const page = await extensionPage(`${PAGE_PATHS.checklist}?tenant=acme&partner=defender-for-cloud-apps`);
  try {
    const transition = () => page.locator('.progress-fill').first().evaluate((el) => getComputedStyle(el).transitionDuration);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    assert.notEqual(await transition(), '0s');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.equal(await transition(), '0s');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background();
    assert.notEqual(light, dark);
    const [r, g, b] = dark.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 150, `a dark background in dark mode (${dark})`);
  } finally {
    await page.close();
  }
});
