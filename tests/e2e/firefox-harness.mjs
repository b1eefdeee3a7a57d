// The Firefox side of the end-to-end harness: start the simulator, start Debian's firefox-esr
// (headless) with the Firefox build installed as a temporary add-on (its loopback tests' variant,
// dist/firefox-test, `make package`: the packaged files with host patterns that also match the
// simulator's plain-http pages), and open the extension's pages in tabs.
//
// How it differs from the Chromium harness (harness.mjs), and why:
//   - Driver: puppeteer-core over WebDriver BiDi, which stock Firefox speaks (Playwright drives
//     only its own patched Firefox builds, which cannot be downloaded here). No geckodriver.
//   - Workday host names: Firefox has no --host-resolver-rules, so the browser's proxy is set to
//     the simulator, which answers for Workday hosts only, refuses every other host with 403,
//     forwards nothing, and records every proxied request (sim.proxyLog). All of the browser's
//     traffic goes there (no_proxies_on is empty), so that log is the whole record of where
//     Firefox tried to go.
//   - TLS: the simulator's certificate is self-signed; the session accepts insecure certificates
//     (a WebDriver capability, for this throwaway profile only).
//   - Extension pages: WebDriver BiDi refuses to navigate a tab to moz-extension:// unless Firefox
//     runs with --remote-allow-system-access. The extension's internal UUID is fixed through the
//     `extensions.webextensions.uuids` pref, so its pages have a known address.
//   - Permission prompts: `extensions.webextOptionalPermissionPrompts` off makes Firefox grant a
//     permissions.request() without showing its doorhanger, which a headless run cannot click:
//     the stand-in for the user clicking "Allow".

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT, PAGE_PATHS, waitFor } from './harness.mjs';
import { start as startSimulator } from '../../sim/server.mjs';
import { GECKO_ID } from '../../scripts/manifest.mjs';

/** The Firefox build's test variant (`make package`); WDCAP_FIREFOX_DIR overrides it. */
export const FIREFOX_EXTENSION_DIR = resolve(process.env.WDCAP_FIREFOX_DIR ?? join(ROOT, 'dist', 'firefox-test'));
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
/** The extension's internal UUID in the test profile: its pages live at moz-extension://UUID/. */
export const EXTENSION_UUID = '6f0c6a55-5f5e-4d43-9a8e-77e0d5c0a1b2';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export function assertFirefoxBuilt() {
  for (const file of ['manifest.json', 'worker/background.js', 'content/content.js', PAGE_PATHS.popup, 'pkg/wdcap_bg.wasm']) {
    if (!existsSync(join(FIREFOX_EXTENSION_DIR, file))) {
      throw new Error(`${join(FIREFOX_EXTENSION_DIR, file)} is missing: run \`make package\` first`);
    }
  }
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  if (manifest.browser_specific_settings?.gecko?.id !== GECKO_ID) {
    throw new Error(`${FIREFOX_EXTENSION_DIR} is not the Firefox build (no gecko id ${GECKO_ID})`);
  }
  return manifest;
}

/**
 * Starts the simulator and a headless Firefox with the Firefox build installed.
 * @returns {Promise<{sim, browser, manifest, close: () => Promise<void>}>}
 */
export async function launchFirefox({ simulator = {} } = {}) {
  const manifest = assertFirefoxBuilt();
  const sim = await startSimulator({ port: 0, ...simulator });
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      acceptInsecureCerts: true,
      args: ['--remote-allow-system-access'],
      // Release builds ignore services.settings.server (below) unless told this is a test run;
      // every connection goes to the simulator on loopback anyway (the proxy).
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
      extraPrefsFirefox: {
        'network.proxy.type': 1, // manual
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': sim.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': sim.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
        'extensions.webextOptionalPermissionPrompts': false,
        // Firefox's own services, which would otherwise call Mozilla's hosts through the proxy
        // (and be refused there); geckodriver and Playwright turn them off the same way.
        'services.settings.server': 'data:,#remote-settings-dummy/v1',
      },
    });
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== GECKO_ID) throw new Error(`installed add-on id ${id}, expected ${GECKO_ID}`);
  } catch (e) {
    await browser?.close().catch(() => {});
    await sim.close();
    throw e;
  }
  const close = async () => {
    await browser.close().catch(() => {});
    await sim.close();
  };
  return { sim, browser, manifest, close };
}

/**
 * Opens the extension page `path` (e.g. `${PAGE_PATHS.popup}?tab=3`) in a new tab and waits until it says
 * it is ready (body[data-ready]) when `ready` is set.
 */
export async function openExtensionPage(browser, path, { ready = true } = {}) {
  const page = await browser.newPage();
  if (path.startsWith(PAGE_PATHS.popup) || path.startsWith(PAGE_PATHS.panel)) await page.setViewport({ width: 440, height: 600 });
  // Firefox 153 does not report a navigation to an extension page over WebDriver BiDi (puppeteer's
  // goto waits forever, and page.url() stays about:blank): start the navigation without waiting
  // for its answer, then ask the document itself.
  const url = `${EXTENSION_ORIGIN}/${path}`;
  page.goto(url, { timeout: 0 }).catch(() => {});
  await waitFor(async () => (await page.evaluate(() => `${document.readyState} ${location.href}`)) === `complete ${url}`, {
    what: `${url} to load`,
    timeout: 15000,
  });
  if (ready) await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return page;
}

/** Firefox's id for the tab showing `url`, asked from extension page `ext`. */
export async function tabIdOf(ext, url) {
  return waitFor(() => ext.evaluate(async (u) => (await browser.tabs.query({})).find((t) => t.url === u)?.id ?? null, url), {
    what: `the tab id of ${url}`,
  });
}
