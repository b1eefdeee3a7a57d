// extension/shared/generated/lists.js says what the Rust core declares: the page ids, the value
// kinds (with their titles, which are secrets, which are URLs), the SSO answers and the
// severities, in the core's order. Until the file is generated from the Rust types, this test
// reads those declarations out of src/ (wherever the files holding them are) and compares.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';
import { PAGE_IDS, VALUE_KINDS, SSO_CHOICES, SEVERITIES } from '../../extension/shared/generated/lists.js';

const rust = readdirSync(join(ROOT, 'src'), { recursive: true })
  .filter((f) => f.endsWith('.rs'))
  .map((f) => readFileSync(join(ROOT, 'src', f), 'utf8'))
  .join('\n');

const snake = (name) => name.replace(/[A-Z]/g, (c, i) => `${i ? '_' : ''}${c.toLowerCase()}`);

/** The variants of `pub enum <name>`, in order (serde's snake_case names). */
function variants(name) {
  const body = new RegExp(`pub enum ${name}\\s*\\{([^}]*)\\}`).exec(rust)?.[1];
  assert.ok(body, `no \`pub enum ${name}\` in src/`);
  return body
    .replace(/\/\/[^\n]*/g, '')
    .replace(/#\[[^\]]*\]/g, '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
    .map(snake);
}

/** The body of `fn <name>(self)` of `impl <type>`. */
function method(type, name) {
  const impl = rust.indexOf(`impl ${type} {`);
  assert.ok(impl >= 0, `no \`impl ${type}\` in src/`);
  const start = rust.indexOf(`fn ${name}(self)`, impl);
  assert.ok(start >= 0, `no \`${type}::${name}\` in src/`);
  const end = rust.indexOf('\n    }\n', start);
  return rust.slice(start, end);
}

test('PAGE_IDS are the core PageId variants, in order', () => {
  assert.deepEqual([...PAGE_IDS], variants('PageId'));
});

test('VALUE_KINDS are the core ParamKind variants, in order, with their titles, secrets and URLs', () => {
  const kinds = variants('ParamKind');
  assert.deepEqual(Object.keys(VALUE_KINDS), kinds);
  const titles = Object.fromEntries(
    [...method('ParamKind', 'title').matchAll(/ParamKind::(\w+) => "([^"]+)"/g)].map(([, v, title]) => [snake(v), title]),
  );
  const flagged = (fn) => new Set([...method('ParamKind', fn).matchAll(/ParamKind::(\w+)/g)].map(([, v]) => snake(v)));
  const secret = flagged('is_secret');
  const url = flagged('is_url');
  assert.ok(secret.size >= 2 && url.size >= 6, 'the kinds were read');
  for (const kind of kinds) {
    assert.deepEqual(VALUE_KINDS[kind], { title: titles[kind], secret: secret.has(kind), url: url.has(kind) }, kind);
  }
});

test('SSO_CHOICES are the core Sso variants and SEVERITIES the Severity variants, worst first', () => {
  assert.deepEqual([...SSO_CHOICES], variants('Sso'));
  assert.deepEqual([...SEVERITIES], variants('Severity'));
  assert.equal(SSO_CHOICES[0], 'unknown', 'the default answer comes first');
});
