// One manifest source (extension/manifest.json, the Chromium one: Chrome and Edge load it as is);
// the Firefox manifest is derived from it here, so nothing is written twice.
//
// What Firefox needs differently (shared/toolchain.md; MDN):
//   - background: `scripts` (Firefox runs an event page, not a service worker; web-ext lint warns
//     about a `service_worker` key, which Firefox ignores); the module type is kept;
//   - `browser_specific_settings.gecko`: the add-on id, the minimum version, and
//     `data_collection_permissions` (wdcap collects nothing: `required: ["none"]`);
//   - the side panel is `sidebar_action` (Chromium's `side_panel` and `sidePanel` go);
//   - the clipboard is cleared by an alarm and the background page (Chromium's `offscreen`
//     document goes, `alarms` comes); `clipboardWrite` stays;
//   - `minimum_chrome_version` goes.

export const GECKO_ID = 'wdcap@wdcap.extension';
/** data_collection_permissions needs Firefox 140 (desktop) and 142 (Android). */
export const GECKO_MIN_VERSION = '140.0';
export const GECKO_ANDROID_MIN_VERSION = '142.0';

/** Files of the Chromium build that the Firefox build leaves out. */
export const CHROMIUM_ONLY_FILES = ['worker/offscreen.html', 'worker/offscreen.js'];

/** Browser-specific modules: the Firefox build puts the second in place of the first. */
export const FIREFOX_REPLACES = { 'worker/platform.js': 'worker/platform.firefox.js' };

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

// `node scripts/manifest.mjs firefox < chromium.json > firefox.json`
if (import.meta.url === `file://${process.argv[1]}`) {
  const [target] = process.argv.slice(2);
  if (target !== 'firefox') {
    console.error('usage: node scripts/manifest.mjs firefox < manifest.json');
    process.exit(2);
  }
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => (input += chunk));
  process.stdin.on('end', () => {
    process.stdout.write(`${JSON.stringify(firefoxManifest(JSON.parse(input)), null, 2)}\n`);
  });
}
