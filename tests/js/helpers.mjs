// Shared by the node tests of the extension's JavaScript (tests/js) and the browser tests'
// harness (tests/e2e/harness.mjs): where the repository and the built extension are, and
// importing built modules in node with a fresh copy each time.

import { mkdtempSync, mkdirSync, copyFileSync, rmSync, existsSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PAGE_PATHS } from '../../extension/shared/paths.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The extension's sources. */
export const EXTENSION_SOURCE = join(ROOT, 'extension');
/** The unpacked extension (`make build`); WDCAP_EXTENSION_DIR overrides it. */
export const EXTENSION_DIR = resolve(process.env.WDCAP_EXTENSION_DIR ?? join(ROOT, 'dist', 'chrome'));
/**
 * The loopback tests' variant of the build (`make build`, dist/chrome-test: the same files, host
 * patterns that also match the simulator's plain-http pages; never packaged), which the browser
 * tests load. WDCAP_TEST_EXTENSION_DIR overrides it.
 */
export const TEST_EXTENSION_DIR = resolve(process.env.WDCAP_TEST_EXTENSION_DIR ?? join(ROOT, 'dist', 'chrome-test'));

export function assertBuilt(dir = EXTENSION_DIR) {
  for (const file of ['manifest.json', 'worker/background.js', 'content/content.js', PAGE_PATHS.popup, 'pkg/wdcap.js', 'pkg/wdcap_bg.wasm']) {
    if (!existsSync(join(dir, file))) {
      throw new Error(`${join(dir, file)} is missing: run \`make build\` first`);
    }
  }
}

/**
 * Imports built extension files as ES modules in node, from a temporary copy, so each test file
 * gets fresh module state (the core's counters, its wasm instance). Returns {module, dir,
 * cleanup}; `files` are paths relative to `from` (subfolders kept), the first is the module
 * imported. The repository's package.json says `.js` is a module; the copy's folder is inside
 * no package, so it gets its own.
 */
export async function importExtensionModule(from, files) {
  const dir = mkdtempSync(join(tmpdir(), 'wdcap-module-'));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(from, f), join(dir, f));
  }
  writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n');
  const module = await import(pathToFileURL(join(dir, files[0])).href);
  return { module, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The built core's glue (worker/core.js with pkg/) in node, its wasm loaded from the build. */
export async function importBuiltCore() {
  assertBuilt();
  const loaded = await importExtensionModule(EXTENSION_DIR, [
    'worker/core.js',
    'pkg/wdcap.js',
    'pkg/wdcap_bg.wasm',
    'shared/messages.js',
  ]);
  loaded.module.configure({ wasm: readFileSync(join(loaded.dir, 'pkg', 'wdcap_bg.wasm')) });
  return loaded;
}
