// One manifest source (extension/manifest.json, the Chromium one: Chrome and Edge load it as is);
// the Firefox manifest is derived from it here, so nothing is written twice.
//
// The stores get `https://` host patterns only. The end-to-end tests serve the simulated tenant's
// pages over plain `http` on loopback (docs/simulator.md), so they load a TEST VARIANT of each
// build whose patterns also match `http` (`testManifest`, dist/chrome-test and dist/firefox-test):
// never packaged, never uploaded (tests/e2e/packaging.test.mjs holds both to it).
//
// What Firefox needs differently (shared/toolchain.md; MDN):
//   - background: `scripts` (Firefox runs an event page, not a service worker; web-ext lint warns
//     about a `service_worker` key, which Firefox ignores); the module type is kept;
//   - `browser_specific_settings.gecko`: the add-on id, the minimum version, and
//     `data_collection_permissions` (wdcap collects nothing: `required: ["none"]`);
//   - the side panel is `sidebar_action` (Chromium's `side_panel` and `sidePanel` go);
//   - the clipboard is cleared by an alarm and the background page (Chromium's `offscreen`
//     document goes, `alarms` comes); `clipboardWrite` stays;
//   - `minimum_chrome_version` goes;
//   - `externally_connectable` goes: Firefox does not support the key (MDN; bug 1319168), so
//     other extensions can message any add-on there, and the background page refuses every
//     message and port from outside (worker/router.js), as it does in Chromium too.

export const GECKO_ID = 'wdcap@wdcap.extension';
/** data_collection_permissions needs Firefox 140 (desktop) and 142 (Android). */
export const GECKO_MIN_VERSION = '140.0';
export const GECKO_ANDROID_MIN_VERSION = '142.0';

/** Files of the Chromium build that the Firefox build leaves out. */
export const CHROMIUM_ONLY_FILES = ['worker/offscreen.html', 'worker/offscreen.js'];

/** Browser-specific modules: the Firefox build puts the second in place of the first. */
export const FIREFOX_REPLACES = { 'worker/platform.js': 'worker/platform.firefox.js' };

/**
 * The loopback tests' variant of a manifest (a parsed object; not modified): every `https://` host
 * pattern and content-script match also matches plain `http` (`*://`). Nothing else differs.
 */
export function testManifest(source) {
  const m = structuredClone(source);
  const widen = (/** @type {string[]} */ patterns) => patterns.map((p) => p.replace(/^https:\/\//, '*://'));
  m.host_permissions = widen(source.host_permissions ?? []);
  m.content_scripts = (source.content_scripts ?? []).map((/** @type {{matches: string[]}} */ c) => ({ ...structuredClone(c), matches: widen(c.matches) }));
  return m;
}

/** The Firefox manifest for the Chromium manifest `source` (a parsed object; not modified). */
export function firefoxManifest(source) {
  const m = structuredClone(source);
  m.background = {
    scripts: [source.background.service_worker],
    ...(source.background.type ? { type: source.background.type } : {}),
  };
  m.permissions = (source.permissions ?? []).filter((p) => p !== 'sidePanel' && p !== 'offscreen');
  if (!m.permissions.includes('alarms')) m.permissions.push('alarms');
  if (source.side_panel) {
    m.sidebar_action = {
      default_panel: source.side_panel.default_path,
      default_title: source.action?.default_title ?? source.name,
      default_icon: source.action?.default_icon ?? source.icons,
      open_at_install: false,
    };
  }
  delete m.side_panel;
  delete m.minimum_chrome_version;
  delete m.externally_connectable;
  m.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
  };
  return m;
}

/** The manifests `node scripts/manifest.mjs <target>` writes from the Chromium source. */
const TARGETS = {
  firefox: firefoxManifest,
  test: testManifest,
  'firefox-test': (/** @type {object} */ m) => testManifest(firefoxManifest(m)),
};

// `node scripts/manifest.mjs firefox|test|firefox-test < chromium.json > out.json`
if (import.meta.url === `file://${process.argv[1]}`) {
  const [target] = process.argv.slice(2);
  if (!Object.hasOwn(TARGETS, target)) {
    console.error(`usage: node scripts/manifest.mjs ${Object.keys(TARGETS).join('|')} < manifest.json`);
    process.exit(2);
  }
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => (input += chunk));
  process.stdin.on('end', () => {
    process.stdout.write(`${JSON.stringify(TARGETS[/** @type {keyof typeof TARGETS} */ (target)](JSON.parse(input)), null, 2)}\n`);
  });
}
