// Packaging: one manifest source, the Firefox manifest derived from it, minimal
// permissions each justified in docs/permissions.md, host permissions for Workday domains only,
// the CSP exactly as required, and the three store artefacts of `make package` (which runs
// before the end-to-end tests: `make test-e2e` depends on it; it ends with `web-ext lint
// --warnings-as-errors` on the Firefox build, so a lint error or warning fails it).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, EXTENSION_DIR, PAGE_PATHS } from './harness.mjs';
import { firefoxManifest, testManifest, GECKO_ID, CHROMIUM_ONLY_FILES, FIREFOX_REPLACES } from '../../scripts/manifest.mjs';

const DIST = join(ROOT, 'dist');
const source = JSON.parse(readFileSync(join(ROOT, 'extension', 'manifest.json'), 'utf8'));
// Only the extension's own scripts and WebAssembly; connections to the extension itself and the
// Workday domains (over https) only.
const CSP =
  "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self' https://*.workday.com https://*.myworkday.com https://*.myworkdaygov.com https://*.workdaygov.com";
// workday-notes.md, "Hosts and URL anatomy": the domains seen, without Workday's internal
// development domain (workdaysuv.com), where no customer tenant lives: no build asks for it.
const WORKDAY_DOMAINS = ['workday.com', 'myworkday.com', 'myworkdaygov.com', 'workdaygov.com'];
/** Every host pattern and content-script match of a manifest. */
const patterns = (m) => [...(m.host_permissions ?? []), ...(m.content_scripts ?? []).flatMap((c) => c.matches ?? [])];

const zipList = (file) =>
  execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l && !l.endsWith('/'))
    .sort();
const zipFile = (file, entry) => execFileSync('unzip', ['-p', file, entry], { encoding: 'utf8' });

test('the manifest source: CSP, Workday hosts only, minimal permissions, locale', () => {
  assert.equal(source.manifest_version, 3);
  assert.deepEqual(source.content_security_policy, { extension_pages: CSP });
  const hosts = WORKDAY_DOMAINS.map((d) => `https://*.${d}/*`);
  assert.deepEqual([...source.host_permissions].sort(), [...hosts].sort());
  for (const script of source.content_scripts) assert.deepEqual([...script.matches].sort(), [...hosts].sort());
  assert.deepEqual(source.permissions, ['storage', 'sidePanel', 'offscreen', 'clipboardWrite', 'contextMenus']);
  assert.equal(source.default_locale, 'en');
  assert.match(source.name, /^__MSG_\w+__$/);
  assert.ok(!('optional_permissions' in source) && !('web_accessible_resources' in source));
  // No other extension and no web page may connect (ids: none; matches unset: no page).
  assert.deepEqual(source.externally_connectable, { ids: [] });
});

test('the Firefox manifest is derived: background scripts, gecko settings, sidebar', () => {
  const ff = firefoxManifest(source);
  assert.deepEqual(ff.background, { scripts: ['worker/background.js'], type: 'module' });
  assert.equal(ff.browser_specific_settings.gecko.id, GECKO_ID);
  assert.deepEqual(ff.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
  assert.deepEqual(ff.permissions, ['storage', 'clipboardWrite', 'contextMenus', 'alarms']);
  assert.equal(ff.sidebar_action.default_panel, source.side_panel.default_path);
  assert.ok(!('side_panel' in ff) && !('minimum_chrome_version' in ff));
  // Firefox has no externally_connectable; the background page refuses what comes from outside.
  assert.ok(!('externally_connectable' in ff));
  // Everything else is the source's.
  for (const key of ['name', 'version', 'description', 'default_locale', 'action', 'icons', 'host_permissions', 'content_scripts', 'content_security_policy', 'options_ui']) {
    assert.deepEqual(ff[key], source[key], key);
  }
  assert.ok(!('browser_specific_settings' in source), 'the source is not modified');
});

test('docs/permissions.md justifies every permission of every build in one line', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'permissions.md'), 'utf8');
  const perms = new Set([...source.permissions, ...firefoxManifest(source).permissions]);
  for (const p of perms) {
    const line = doc.split('\n').find((l) => l.startsWith(`| \`${p}\``));
    assert.ok(line && line.split('|').filter((c) => c.trim()).length >= 3, `no table row for ${p}`);
  }
  for (const d of WORKDAY_DOMAINS) assert.ok(doc.includes(`https://*.${d}/*`), `host permission ${d} not justified`);
  assert.ok(doc.includes(CSP), 'the CSP is stated');
});

test('make package: chrome.zip, edge.zip (the same build) and firefox.xpi', () => {
  for (const f of ['chrome.zip', 'edge.zip', 'firefox.xpi']) {
    assert.ok(existsSync(join(DIST, f)), `dist/${f} is missing: run make package`);
    assert.ok(statSync(join(DIST, f)).mtimeMs >= statSync(join(EXTENSION_DIR, 'manifest.json')).mtimeMs, `dist/${f} is older than the build`);
  }
  assert.ok(readFileSync(join(DIST, 'edge.zip')).equals(readFileSync(join(DIST, 'chrome.zip'))), 'Edge gets the Chrome build');

  const chrome = zipList(join(DIST, 'chrome.zip'));
  for (const f of ['manifest.json', 'worker/background.js', 'content/content.js', ...Object.values(PAGE_PATHS), 'worker/offscreen.html', 'pkg/wdcap_bg.wasm', '_locales/en/messages.json', '_locales/fr/messages.json']) {
    assert.ok(chrome.includes(f), `chrome.zip lacks ${f}`);
  }
  for (const f of Object.values(FIREFOX_REPLACES)) assert.ok(!chrome.includes(f), `chrome.zip holds the Firefox ${f}`);
  assert.deepEqual(JSON.parse(zipFile(join(DIST, 'chrome.zip'), 'manifest.json')), source);

  const firefox = zipList(join(DIST, 'firefox.xpi'));
  for (const f of CHROMIUM_ONLY_FILES) assert.ok(!firefox.includes(f), `firefox.xpi holds ${f}`);
  for (const f of Object.values(FIREFOX_REPLACES)) assert.ok(!firefox.includes(f), `firefox.xpi holds ${f} under its own name`);
  assert.deepEqual(JSON.parse(zipFile(join(DIST, 'firefox.xpi'), 'manifest.json')), firefoxManifest(source));
  const platform = zipFile(join(DIST, 'firefox.xpi'), 'worker/platform.js');
  assert.match(platform, /sidebarAction/);
  assert.doesNotMatch(platform, /offscreen/);
  // No test, map or source file of ours ships.
  assert.ok(!chrome.some((f) => /\.(test\.mjs|map|rs|toml)$/.test(f)), chrome.join(', '));
});

test('store builds ask for https hosts only; the loopback tests\u2019 variant is never packaged', () => {
  const archives = { 'chrome.zip': source, 'edge.zip': source, 'firefox.xpi': firefoxManifest(source) };
  for (const [file, expected] of Object.entries(archives)) {
    const shipped = JSON.parse(zipFile(join(DIST, file), 'manifest.json'));
    assert.deepEqual(shipped, expected, `${file} ships the store manifest`);
    const all = patterns(shipped);
    assert.ok(all.length >= 2 * WORKDAY_DOMAINS.length, `${file}: ${all}`);
    assert.deepEqual(all.filter((p) => !p.startsWith('https://')), [], `${file} asks for a pattern that is not https`);
    assert.ok(!zipFile(join(DIST, file), 'manifest.json').includes('workdaysuv'), `${file} names Workday's internal domain`);
    assert.ok(!zipList(join(DIST, file)).some((f) => /(^|\/)(chrome|firefox)-test\//.test(f)), `${file} holds the test variant`);
  }
  // The variants the browser tests load: the same files, patterns that also match http.
  for (const [dir, store] of [['chrome-test', source], ['firefox-test', firefoxManifest(source)]]) {
    const variant = JSON.parse(readFileSync(join(DIST, dir, 'manifest.json'), 'utf8'));
    assert.deepEqual(variant, testManifest(store), `dist/${dir} is the store manifest with http patterns`);
    assert.ok(patterns(variant).every((p) => p.startsWith('*://')), `dist/${dir}: ${patterns(variant)}`);
    // Nothing else differs from the store build.
    const storeDir = join(DIST, dir.replace('-test', ''));
    for (const f of ['worker/background.js', 'content/content.js', 'pkg/wdcap_bg.wasm', PAGE_PATHS.popup]) {
      assert.ok(readFileSync(join(DIST, dir, f)).equals(readFileSync(join(storeDir, f))), `dist/${dir}/${f} differs from the store build`);
    }
  }
  // No archive of a test variant was made.
  assert.ok(!existsSync(join(DIST, 'chrome-test.zip')) && !existsSync(join(DIST, 'firefox-test.xpi')));
  // The extension the browser tests load is the variant, not the store build.
  if (!process.env.WDCAP_TEST_EXTENSION_DIR) assert.equal(EXTENSION_DIR, join(DIST, 'chrome-test'));
});
