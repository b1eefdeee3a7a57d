// The type check of the extension (`make lint-js`: tsc --noEmit on tsconfig.json) catches what
// a reader would otherwise find at run time: a wrong field name on a value from the core, a
// message name or field the worker does not know. Each case copies the extension's sources to a
// temporary folder, plants one mistake, and runs the same tsc with the same options on the copy:
// the unchanged copy passes, each planted mistake fails with tsc's own words for it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, EXTENSION_SOURCE } from './helpers.mjs';

const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');

let work;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'wdcap-tsc-'));
});

after(() => rmSync(work, { recursive: true, force: true }));

/**
 * Copies extension/ to a fresh folder, applies `plant` (file → [what, replacement]) and runs tsc
 * with the repository's tsconfig.json on the copy. Returns tsc's exit status and output.
 */
function checkCopy(name, plant = {}) {
  const dir = join(work, name);
  cpSync(EXTENSION_SOURCE, join(dir, 'extension'), { recursive: true, filter: (src) => !src.includes(`${join('extension', 'pkg')}`) });
  for (const [file, [what, replacement]] of Object.entries(plant)) {
    const path = join(dir, 'extension', file);
    const text = readFileSync(path, 'utf8');
    assert.ok(text.includes(what), `${file} no longer holds ${what}: the test must plant its mistake elsewhere`);
    writeFileSync(path, text.replace(what, replacement));
  }
  // The repository's options, its sources swapped for the copy's; @types/chrome from the
  // repository's node_modules.
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.json'),
      compilerOptions: {
        rootDirs: ['./extension', './extension/shared/generated/glue'],
        typeRoots: [join(ROOT, 'node_modules', '@types')],
      },
      include: ['extension/**/*.js', 'extension/**/*.d.ts'],
      exclude: ['extension/pkg'],
    }),
  );
  const run = spawnSync(TSC, ['-p', join(dir, 'tsconfig.json'), '--noEmit', '--pretty', 'false'], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test('the unchanged sources pass the type check', () => {
  const { status, output } = checkCopy('unchanged');
  assert.equal(status, 0, output);
});

test('a wrong field name on a report from the core fails it', () => {
  const { status, output } = checkCopy('wrong-field', {
    'worker/handlers/view.js': ['tenant: seen.view.tenant ?? key', 'tenant: seen.view.tennant ?? key'],
  });
  assert.notEqual(status, 0, 'tsc passed a view with `tennant`');
  assert.match(output, /worker\/handlers\/view\.js\(\d+,\d+\): error TS2\d+: Property 'tennant' does not exist on type 'TenantView'/);
});

test('a message name the table does not have, or a field its message does not carry, fails it', () => {
  const { status, output } = checkCopy('wrong-message', {
    'pages/options/options.js': ['ask({ type: MESSAGES.forgetAll })', 'ask({ type: MESSAGES.forgetEverything })'],
    'pages/popup/popup.js': ['ask({ type: MESSAGES.forget, key: e.key, tabId })', 'ask({ type: MESSAGES.forget, kee: e.key, tabId })'],
  });
  assert.notEqual(status, 0);
  assert.match(output, /pages\/options\/options\.js\(\d+,\d+\): error TS2339: Property 'forgetEverything' does not exist/);
  assert.match(output, /pages\/popup\/popup\.js\(\d+,\d+\): error TS2\d+: .*'kee'/);
});
