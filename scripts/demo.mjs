#!/usr/bin/env node
// `make demo` (after `make build`): the extension at work on the simulated View API Clients page.
//
// With a display: opens Chromium with the extension on the simulator's View API Clients page
// (and the popup in a second tab) and stays until Ctrl-C or the browser is closed.
// Without one (DISPLAY unset) or with HEADLESS=1: drives the same flow headless, prints what was
// captured and what the checks found (with SSO unknown, then SSO "yes"), writes
// dist/demo/page.png and dist/demo/popup.png, and exits 0.

import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launch, waitFor, tabIdOf, openPopup, ROOT, VIEW_API_CLIENTS_URL, markCount, marksIn } from '../tests/e2e/harness.mjs';

const headless = process.env.HEADLESS === '1' || !process.env.DISPLAY;
const OUT = join(ROOT, 'dist', 'demo');

const KIND_TITLES = {
  rest_endpoint: 'Workday REST API Endpoint',
  token_endpoint: 'Token Endpoint',
  authorization_endpoint: 'Authorization Endpoint',
  client_id: 'Client ID',
  client_secret: 'Client Secret',
  refresh_token: 'Refresh Token',
};

/** A secret prints masked, as everywhere else. */
const shown = (p) => (p.secret ? `•••• (${p.length} chars, sha256:${p.fingerprint})` : p.value);

/** Every value of a tenant's view: on its API clients' cards and beside them. */
const valuesOf = (view) => [...view.clients.flatMap((c) => c.values), ...view.values];

function printView(view, heading) {
  console.log(`\n${heading}`);
  for (const p of valuesOf(view)) {
    const title = `${p.label || KIND_TITLES[p.kind] || p.kind}${p.name ? ` (${p.name})` : ''}`;
    console.log(`  ${title.padEnd(48)} ${shown(p)}`);
  }
}

function printFindings(view, heading) {
  const rank = { error: 0, warning: 1, info: 2 };
  const all = [...view.findings.flatMap((g) => g.findings), ...valuesOf(view).flatMap((p) => p.findings)].sort((a, b) => rank[a.severity] - rank[b.severity]);
  console.log(`\n${heading}:${all.length ? '' : ' no findings'}`);
  for (const f of all) {
    console.log(`  ${f.severity.padEnd(8)} ${f.code}: ${f.message}`);
    if (f.fix) console.log(`  ${''.padEnd(8)} fix: ${f.fix}`);
  }
}

async function tenantView(popup, tabId, tenant) {
  const state = await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'wdcap/view', tabId: id }), tabId);
  if (!state?.ok) throw new Error(`the extension did not answer: ${JSON.stringify(state?.error)}`);
  const entry = state.tenants.find((t) => t.tenant === tenant);
  if (!entry?.view || entry.empty) throw new Error(`nothing captured for tenant ${tenant}`);
  return entry.view;
}

async function runHeadless() {
  const browser = await launch({ headless: true, viewport: { width: 1280, height: 620 } });
  try {
    console.log(`wdcap demo (headless): simulator ${browser.sim.url}, extension ${browser.extensionId}`);
    const page = await browser.context.newPage();
    await page.goto(VIEW_API_CLIENTS_URL);
    console.log(`opened ${VIEW_API_CLIENTS_URL}`);
    await waitFor(async () => (await markCount(page)) > 0, { timeout: 20000, what: 'the captured values to be marked' });
    const tabId = await tabIdOf(browser.context, page);
    const popup = await openPopup(browser.context, browser.extensionId, tabId);

    const unknown = await tenantView(popup, tabId, 'acme');
    printView(unknown, `Captured on tenant acme, ${unknown.family_label} (${unknown.pages.map((p) => p.title).join(', ')}):`);
    printFindings(unknown, 'Checks, SSO unknown');

    // The admin says the tenant uses SAML SSO.
    await popup.locator('section.tenant.current label[for="sso-wd3.implementation-acme-yes"]').click();
    await popup.locator('li.finding.error[data-code="redirect-n-missing"]').waitFor();
    printFindings(await tenantView(popup, tabId, 'acme'), 'Checks, SSO "yes"');

    // The page's marks follow the tenant's checks once the page is read again.
    await page.reload();
    await waitFor(
      async () => (await marksIn(page)).some((m) => m.severity === 'error'),
      { timeout: 20000, what: 'the marks to show the error' },
    );
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'page.png') });
    await popup.screenshot({ path: join(OUT, 'popup.png'), fullPage: true });
    console.log(`\nscreenshots: ${relative(ROOT, join(OUT, 'page.png'))}, ${relative(ROOT, join(OUT, 'popup.png'))}`);
  } finally {
    await browser.close();
  }
}

async function runHeaded() {
  const browser = await launch({ headless: false, viewport: null });
  const page = await browser.context.newPage();
  await page.goto(VIEW_API_CLIENTS_URL);
  const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, page));
  await popup.setViewportSize({ width: 460, height: 860 });
  await page.bringToFront();
  console.log(`wdcap demo: simulator ${browser.sim.url}, extension ${browser.extensionId}`);
  console.log(`opened ${VIEW_API_CLIENTS_URL}; the popup is in the second tab (or the toolbar's extensions menu).`);
  console.log('Ctrl-C (or closing the browser) ends the demo.');
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await browser.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  browser.context.on('close', stop);
}

(headless ? runHeadless() : runHeaded()).catch((e) => {
  console.error(`demo: ${e.message}`);
  process.exit(1);
});
