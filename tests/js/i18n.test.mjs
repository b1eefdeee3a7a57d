// Every user-facing string of the extension goes through chrome.i18n: this test holds
// extension/_locales to the code. English is complete, French proves the path: both have every
// key the pages and scripts use (with both plural forms), the message families the code builds
// from the core's ids (kind_*, page_*, setting_*), the same keys as each other, and the same
// placeholders. The pages' HTML has no text outside data-i18n elements. No browser needed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, EXTENSION_SOURCE as EXT } from './helpers.mjs';
import { PAGE_IDS, VALUE_KINDS } from '../../extension/shared/generated/lists.js';

const LOCALES = ['en', 'fr'];
const messages = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(readFileSync(join(EXT, '_locales', l, 'messages.json'), 'utf8'))]),
);
/** Every script and page of the extension, as paths relative to extension/. */
const files = readdirSync(EXT, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(js|html)$/.test(e.name))
  .map((e) => relative(EXT, join(e.parentPath ?? e.path, e.name)))
  .sort();
const source = (f) => readFileSync(join(EXT, f), 'utf8');

/** Keys the code names literally: t('key'), tn('key') (plural: key_one + key_other), data-i18n*. */
function usedKeys() {
  const keys = new Set();
  for (const f of files) {
    const text = source(f);
    for (const [, key] of text.matchAll(/\b(?:t|say)\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(key);
    // Keys named in a table (the content script's severity words).
    for (const [, key] of text.matchAll(/:\s*'(mark[A-Z]\w*)'/g)) keys.add(key);
    for (const [, key] of text.matchAll(/\btn\(\s*'([A-Za-z0-9_]+)'/g)) {
      keys.add(`${key}_one`);
      keys.add(`${key}_other`);
    }
    for (const [, key] of text.matchAll(/data-i18n(?:-[a-z-]+)?="([A-Za-z0-9_]+)"/g)) keys.add(key);
  }
  const manifest = source('manifest.json');
  for (const [, key] of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) keys.add(key);
  return keys;
}

/** Ids the core gives the extension (shared/generated/lists.js), which the code turns into message keys. */
function idFamilies() {
  const settings = new Set();
  for (const f of readdirSync(join(ROOT, 'partners')).filter((f) => f.endsWith('.toml'))) {
    for (const [, list] of readFileSync(join(ROOT, 'partners', f), 'utf8').matchAll(/^evidence_settings\s*=\s*(\[.*\])/gm)) {
      for (const name of JSON.parse(list)) settings.add(name);
    }
  }
  assert.ok(PAGE_IDS.length >= 14 && Object.keys(VALUE_KINDS).length >= 11 && settings.size >= 5, 'the id lists were found');
  return PAGE_IDS.map((id) => `page_${id}`)
    .concat(Object.keys(VALUE_KINDS).map((k) => `kind_${k}`))
    .concat([...settings].map((s) => `setting_${s}`));
}

test('every script and page of the extension is read', () => {
  for (const f of ['worker/background.js', 'content/content.js', 'pages/popup/popup.html', 'pages/popup/popup.js', 'shared/ui.js']) {
    assert.ok(files.includes(f), `${f} is not among ${files.join(', ')}`);
  }
});

test('every key the extension uses is in every locale', () => {
  const keys = [...usedKeys(), ...idFamilies()];
  assert.ok(keys.length > 150, `only ${keys.length} keys found`);
  for (const locale of LOCALES) {
    const missing = keys.filter((k) => !messages[locale][k]?.message);
    assert.deepEqual(missing, [], `missing in _locales/${locale}/messages.json`);
  }
});

test('the locales have the same keys and the same placeholders', () => {
  const [en, fr] = [messages.en, messages.fr];
  assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
  const holes = (text) => [...text.matchAll(/\$(\d)/g)].map((m) => m[1]).sort().join(',');
  for (const key of Object.keys(en)) {
    assert.equal(holes(fr[key].message), holes(en[key].message), `placeholders of ${key}`);
    assert.ok(!/\$[^\d$]/.test(en[key].message.replace(/\$\$/g, '')), `a stray $ in ${key}`);
  }
  // The translation is one: most messages differ from English (Workday task names stay as
  // Workday shows them).
  const translated = Object.keys(en).filter((k) => !k.startsWith('page_') && en[k].message !== fr[k].message);
  assert.ok(translated.length > Object.keys(en).length * 0.7, `only ${translated.length} messages translated`);
});

test('no locale names a key twice (JSON.parse keeps the last; the stores refuse the file)', () => {
  for (const locale of LOCALES) {
    const text = readFileSync(join(EXT, '_locales', locale, 'messages.json'), 'utf8');
    const top = [...text.matchAll(/^ {2}"([A-Za-z0-9_]+)": \{/gm)].map((m) => m[1]);
    assert.equal(top.length, Object.keys(messages[locale]).length, `${locale}: a key is named twice, or not at two spaces`);
  }
});

test('the store texts fit the stores', () => {
  for (const locale of LOCALES) {
    assert.ok(messages[locale].extName.message.length <= 75, `${locale} name`);
    assert.ok(messages[locale].extDescription.message.length <= 132, `${locale} description`);
  }
});

test('the pages hold no text outside data-i18n elements', () => {
  for (const f of files.filter((f) => f.endsWith('.html'))) {
    const body = source(f)
      .replace(/<head>[\s\S]*<\/head>/, '')
      .replace(/<(\w+)([^>]*\sdata-i18n="[^"]*"[^>]*)>[^<]*<\/\1>/g, '') // translated elements
      .replace(/<h1>wdcap<\/h1>/g, '') // the product's name
      .replace(/<[^>]+>/g, '')
      .replace(/&[a-z]+;/g, '')
      .trim();
    assert.equal(body, '', `${f} has text that is not translated`);
  }
});
