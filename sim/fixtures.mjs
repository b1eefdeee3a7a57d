// The page fixtures the simulator serves: every tests/fixtures/pages/<page_id>/<name>.html, at
// the address in its `<!-- saved from url=(N)URL -->` comment (the comment browsers write into
// saved pages). Node standard library only.
//
// A page comes in two builds of Workday's UI (docs/pages.md): `<name>.html` is the older build,
// `<name>.newer.html` the same page in the newer build's markup, at the same address, with the
// same expected result. The simulator serves one build or the other (docs/simulator.md).
//
// The server never parses the HTML properly: it only cuts out the <title>, the <html lang> and
// the <body> contents; the browser parses the body when the shell page injects it. A real HTML
// parser (parse5, htmlparser2) is deliberately not used: the simulator must run with the
// standard library alone.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SAVED_FROM = /<!--\s*saved from url=\((\d+)\)(\S+?)\s*-->/i;
const TITLE = /<title[^>]*>([\s\S]*?)<\/title>/i;
const HTML_LANG = /<html\b[^>]*\blang\s*=\s*["']?([^"'\s>]+)/i;
const BODY = /<body\b[^>]*>([\s\S]*?)(?:<\/body>|$)/i;

/** The builds a page fixture comes in; the first is the default. */
export const BUILDS = ['older', 'newer'];
/** What a fixture name ends with in the newer build (`<name>.newer.html`). */
export const NEWER_SUFFIX = '.newer';

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the few character references a <title> holds (the title is set as text). */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Reads one saved page. Returns null when it has no usable `saved from` comment. `build` is the
 * build it stands for and `base` the ref of the older build's fixture (itself, for an older one).
 * @returns {{ref: string, base: string, build: string, pageId: string, name: string, url: URL,
 *   title: string, lang: string, body: string} | null}
 */
export function parseFixture(ref, html) {
  const saved = SAVED_FROM.exec(html);
  if (!saved) return null;
  let url;
  try {
    url = new URL(saved[2]);
  } catch {
    return null;
  }
  const [pageId, name] = ref.split('/');
  const newer = ref.endsWith(NEWER_SUFFIX);
  const title = TITLE.exec(html);
  const lang = HTML_LANG.exec(html);
  const body = BODY.exec(html);
  return {
    ref,
    base: newer ? ref.slice(0, -NEWER_SUFFIX.length) : ref,
    build: newer ? BUILDS[1] : BUILDS[0],
    pageId,
    name,
    url,
    title: title ? decodeEntities(title[1]).replace(/\s+/g, ' ').trim() : '',
    lang: lang ? lang[1] : 'en-US',
    body: body ? body[1] : html.replace(SAVED_FROM, ''),
  };
}

/**
 * Every fixture under `dir` (tests/fixtures/pages), sorted by `<page_id>/<name>` so that "the
 * first by name" is well defined when several share an address.
 */
export function loadFixtures(dir) {
  const fixtures = [];
  let pageIds = [];
  try {
    pageIds = readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory());
  } catch {
    return fixtures;
  }
  for (const pageId of pageIds.sort()) {
    const files = readdirSync(join(dir, pageId)).filter((f) => f.endsWith('.html')).sort();
    for (const file of files) {
      const ref = `${pageId}/${file.slice(0, -'.html'.length)}`;
      const parsed = parseFixture(ref, readFileSync(join(dir, pageId, file), 'utf8'));
      if (parsed) fixtures.push(parsed);
    }
  }
  fixtures.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  return fixtures;
}

/**
 * The tenant a UI address belongs to: its first path segment (`/{tenant}/d/…`), unless the path
 * is a web-services one (`/ccx/…`). Case is kept: tenant names are case sensitive.
 */
export function tenantOfPath(pathname) {
  const first = pathname.split('/')[1] ?? '';
  if (!first || first === 'ccx' || first === 'wdcap-sim') return null;
  try {
    return decodeURIComponent(first);
  } catch {
    return first;
  }
}
