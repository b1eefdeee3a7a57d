// Shared by the end-to-end tests and scripts/demo.mjs: start the simulator, start Debian's
// Chromium with the built extension (its loopback tests' variant, dist/chrome-test: the
// simulator's pages are plain http, which the store build's https-only patterns do not match)
// and every Workday host mapped to the
// simulator, find the extension's id, open its popup for a tab. Recipe: shared toolchain.md.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { start as startSimulator, hostResolverRules } from '../../sim/server.mjs';
import { PAGE_PATHS } from '../../extension/shared/paths.js';
import { ROOT, TEST_EXTENSION_DIR, assertBuilt as assertBuiltIn } from '../js/helpers.mjs';

/** What the browser loads: the loopback tests' variant of the build (dist/chrome-test). */
export const EXTENSION_DIR = TEST_EXTENSION_DIR;
/** Throws unless the variant the browser loads is built. */
export const assertBuilt = () => assertBuiltIn(EXTENSION_DIR);

export { PAGE_PATHS, ROOT };

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * The simulator's View API Clients address (the first fixture's). Over https, as a tenant's own
 * pages are: the extension keeps nothing of a plain-http page.
 */
export const VIEW_API_CLIENTS_URL = 'https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld';
export const HOME_URL = 'https://wd3-impl.workday.com/acme/d/home.htmld';

/** The record of the simulator's tenant `acme` on wd3-impl.workday.com: a tenant on one host family. */
export const ACME = 'wd3.implementation:acme';
/** Where the worker keeps a record (chrome.storage.session) and its preferences (chrome.storage.local). */
export const recordKey = (key = ACME) => `tenant:${key}`;
export const prefsKey = (key = ACME) => `prefs:${key}`;

/**
 * A fixture's page served at the simulated tenant's own UI host (wd3-impl.workday.com), whatever
 * host it was saved from: a record is one tenant on one host family, and a walk through the
 * tenant's setup happens on its one host. `?wdcap-fixture=` makes the simulator serve that very
 * fixture there.
 * @param {{ref: string, url: string}} fixture as sim.fixtures lists it
 */
export function onTenantHost(fixture) {
  const u = new URL(fixture.url);
  u.protocol = 'https:';
  u.hostname = 'wd3-impl.workday.com';
  u.searchParams.set('wdcap-fixture', fixture.ref);
  return u.href;
}

/** The stored values of a record, as the worker keeps them (the core's StoredRecord). */
export async function storedRecord(context, key = ACME) {
  const stored = await sessionStorage(context);
  return stored[recordKey(key)] ?? null;
}

/**
 * Starts the simulator and a Chromium with the extension (and `others`: folders of further
 * unpacked extensions, e.g. one that tries to talk to wdcap).
 * @param {{headless?: boolean, simulator?: object, viewport?: object, others?: string[]}} options
 * @returns {Promise<{sim, context, worker, extensionId, close: () => Promise<void>}>}
 */
export async function launch({ headless = true, simulator = {}, viewport = { width: 1280, height: 860 }, others = [] } = {}) {
  assertBuilt();
  const sim = await startSimulator({ port: 0, ...simulator });
  const profile = mkdtempSync(join(tmpdir(), 'wdcap-chromium-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    `--disable-extensions-except=${[EXTENSION_DIR, ...others].join(',')}`,
    `--load-extension=${[EXTENSION_DIR, ...others].join(',')}`,
    `--host-resolver-rules=${hostResolverRules(sim.port)}`,
    // The simulator's API answers TLS with a throwaway self-signed certificate (sim/tls.mjs);
    // this profile is temporary and talks to nothing but the simulator.
    '--ignore-certificate-errors',
  ];
  if (headless) args.unshift('--headless=new');
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: false, // --headless=new is passed above; Playwright's own flag would pick old headless
      args,
      viewport,
    });
  } catch (e) {
    await sim.close();
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const close = async () => {
    await context.close().catch(() => {});
    await sim.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const ours = (/** @type {{url(): string}} */ w) => new URL(w.url()).pathname === '/worker/background.js';
    let worker = context.serviceWorkers().find(ours);
    worker ??= await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15000 });
    const extensionId = new URL(worker.url()).host;
    return { sim, context, worker, extensionId, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Polls `probe` until it returns a truthy value (returned) or `timeout` ms pass. */
export async function waitFor(probe, { timeout = 10000, interval = 50, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** The extension's service worker now (it may have been restarted since launch). */
export async function currentWorker(context) {
  const ours = (w) => new URL(w.url()).pathname === '/worker/background.js';
  return context.serviceWorkers().find(ours) ?? context.waitForEvent('serviceworker', { predicate: ours, timeout: 15000 });
}

/** Chrome's id for the tab showing `page`. */
export async function tabIdOf(context, page) {
  const url = page.url();
  const worker = await currentWorker(context);
  return waitFor(() => worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url), {
    what: `the tab id of ${url}`,
  });
}

/**
 * Opens the popup in a tab of its own, for the tab `tabId` (null: no `?tab=`, so the popup falls
 * back to the active tab, which is then its own), and waits until it has rendered.
 */
export async function openPopup(context, extensionId, tabId) {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 }); // a popup's largest size
  await popup.goto(`chrome-extension://${extensionId}/${PAGE_PATHS.popup}${tabId == null ? '' : `?tab=${tabId}`}`);
  await popup.waitForSelector('body[data-ready="true"]');
  return popup;
}

/** What chrome.storage.session holds now. */
export async function sessionStorage(context) {
  const worker = await currentWorker(context);
  return worker.evaluate(() => chrome.storage.session.get(null));
}

/** The worker's counters (snapshots analysed, dropped …). */
export async function workerStats(context) {
  const worker = await currentWorker(context);
  return worker.evaluate(() => ({ ...globalThis.wdcapStats }));
}

/**
 * The extension's marks in `page`, read as DevTools reads a page (through closed shadow roots,
 * which the page's own scripts cannot open; CDP's DOM.getDocument with `pierce`). For each mark:
 * its host element's tag and attributes, the text of the element it sits in (`beside`), and the
 * kind, severity and tooltip its badge carries inside the closed shadow root.
 * @returns {Promise<{host: string, attributes: Record<string, string>, beside: string, kind: string, severity: string, title: string}[]>}
 */
export async function marksIn(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const attrs = (node) => {
      const out = {};
      const list = node.attributes ?? [];
      for (let i = 0; i + 1 < list.length; i += 2) out[list[i]] = list[i + 1];
      return out;
    };
    // What textContent gives: the light DOM's text, no shadow root's.
    const text = (node) => (node.nodeType === 3 ? node.nodeValue : (node.children ?? []).map(text).join(''));
    const found = [];
    const walk = (node, parent) => {
      for (const shadow of node.shadowRoots ?? []) {
        const badge = shadow.shadowRootType === 'closed' ? (shadow.children ?? []).find((c) => 'data-kind' in attrs(c)) : null;
        if (badge) {
          const a = attrs(badge);
          found.push({
            host: node.localName,
            attributes: attrs(node),
            beside: parent ? text(parent).trim() : '',
            kind: a['data-kind'],
            severity: a['data-severity'],
            title: a.title ?? '',
          });
        }
      }
      for (const child of node.children ?? []) walk(child, node);
      if (node.contentDocument) walk(node.contentDocument, null);
    };
    walk(root, null);
    return found;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** How many marks the extension shows in `page`. */
export const markCount = async (page) => (await marksIn(page)).length;
