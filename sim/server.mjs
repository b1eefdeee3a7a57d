#!/usr/bin/env node
// The Workday tenant simulator: serves Workday-shaped pages at Workday-shaped addresses on
// loopback, for the end-to-end tests and the demo. Chromium maps every Workday host name to it
// (--host-resolver-rules), so it routes by the Host header and the path. Node standard library
// only. What it imitates, with sources, and what it does not: docs/simulator.md.
//
//   import { start } from './sim/server.mjs';
//   const sim = await start({ port: 0 });   // sim.port, sim.url, await sim.close()
//
//   node sim/server.mjs [--port N] [--body-delay MS] [--build older|newer]   (prints the Chromium flags to use)
//
// Every page comes in two builds of Workday's UI (docs/pages.md): the server serves the older by
// default, the newer with `start({build: 'newer'})` / `--build newer`, and either one for a page
// asked with `?wdcap-build=older|newer`.
//
// Routing is a list of routes tried in order (ROUTES below); each has a `method`, a `match(cx)`
// predicate and a `handle(cx)`. The web-service endpoints (token, REST, RaaS, SOAP)
// are in sim/api.mjs.
//
// One port speaks both plain HTTP (the admin pages) and TLS (the API: captured endpoints are
// https, and every Workday host maps to this one port): the first byte of each connection says
// which (0x16 starts a TLS handshake). The certificate is self-signed, made per start (sim/tls.mjs).
//
// The same port is also a forward proxy, for a browser that cannot map host names to an address
// (Firefox has no --host-resolver-rules): `GET http://host/path` in absolute form and
// `CONNECT host:443` tunnels are served here for Workday hosts and refused (403) for any other
// host. Nothing is ever forwarded to the network. Every proxied request is recorded in
// `proxyLog` ({method, host, port, refused}), so a test can assert where the browser went.

import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILDS, loadFixtures, tenantOfPath } from './fixtures.mjs';
import { API_ROUTES, createApi, SWITCHES } from './api.mjs';
import { selfSignedCertificate } from './tls.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..');
export const FIXTURES_DIR = join(ROOT, 'tests', 'fixtures', 'pages');
/**
 * Tenant pages no recogniser claims (`<task>/<name>.html`, both builds), served beside the page
 * fixtures: the extension keeps only the Workday connection URLs they show.
 */
export const UNCLAIMED_DIR = join(ROOT, 'tests', 'fixtures', 'unclaimed');

/** The registrable domains Workday serves tenants from (the Workday notes' "Hosts and URL anatomy"). */
export const WORKDAY_DOMAINS = ['workday.com', 'myworkday.com', 'myworkdaygov.com', 'workdaygov.com', 'workdaysuv.com'];

/** Where Workday sends a login address naming an unknown tenant (the Workday notes' "Hosts and URL anatomy"). */
export const INVALID_URL_HOST = 'community.workday.com';
export const INVALID_URL_PATH = '/invalid-url';

/** Login addresses (the Workday notes' "Hosts and URL anatomy" "login …/{tenant}/login.htmld, SAML …/login-saml2.flex"; "The redirect=n rule": login.flex). */
const LOGIN_PAGES = new Set(['login.htmld', 'login.flex', 'login-saml2.flex']);

/**
 * A strict policy, not Workday's (which is not documented): it proves the extension needs
 * nothing from the page (no wasm, no inline script) to work. toolchain.md: a page CSP without
 * 'wasm-unsafe-eval' makes wasm fail in content scripts.
 */
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";

const STATIC = {
  'shell.js': 'text/javascript; charset=utf-8',
  'workday.css': 'text/css; charset=utf-8',
};

/** `--host-resolver-rules` value mapping every Workday domain (and its subdomains) to `port`. */
export function hostResolverRules(port) {
  return WORKDAY_DOMAINS.flatMap((d) => [`MAP *.${d} 127.0.0.1:${port}`, `MAP ${d} 127.0.0.1:${port}`]).join(',');
}

export function isWorkdayHost(host) {
  return WORKDAY_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Drops the simulator's own query parameters, so a fixture's address matches with them present. */
function withoutSimParams(url) {
  const u = new URL(url);
  for (const key of [...u.searchParams.keys()]) if (key.startsWith('wdcap-')) u.searchParams.delete(key);
  return u;
}

/** The build a page is served in: `?wdcap-build=` when it names one, else the server's. */
function buildFor(url, sim) {
  const asked = url.searchParams.get('wdcap-build');
  return BUILDS.includes(asked) ? asked : sim.build;
}

/** The pages the simulator knows: fixtures by address, tenants by host, built-in pages. */
class Catalogue {
  constructor(fixtures) {
    this.fixtures = fixtures;
    this.byRef = new Map(fixtures.map((f) => [f.ref, f]));
    this.twins = new Map(); // older fixture's ref -> the same page in the newer build
    this.byAddress = new Map(); // host + path + search -> first fixture by name
    this.byPath = new Map(); // host + path -> first fixture by name, whatever its query
    this.tenants = new Map(); // host -> Set of tenants (from fixture addresses)
    for (const f of fixtures) {
      if (f.build !== BUILDS[0]) {
        this.twins.set(f.base, f); // served at its older twin's address, in its place
        continue;
      }
      const host = f.url.hostname;
      const full = host + f.url.pathname + f.url.search;
      if (!this.byAddress.has(full)) this.byAddress.set(full, f);
      if (!this.byPath.has(host + f.url.pathname)) this.byPath.set(host + f.url.pathname, f);
      const tenant = tenantOfPath(f.url.pathname);
      if (tenant) {
        if (!this.tenants.has(host)) this.tenants.set(host, new Set());
        this.tenants.get(host).add(tenant);
      }
    }
  }

  isTenant(host, tenant) {
    return this.tenants.get(host)?.has(tenant) ?? false;
  }

  /** The fixture `f` in `build` (its newer twin, when asked and there is one). */
  inBuild(f, build) {
    return build !== BUILDS[0] && f.build === BUILDS[0] ? (this.twins.get(f.ref) ?? f) : f;
  }

  /**
   * The page at `url` (a URL on a Workday host), in `build` (default: the older): a fixture, a
   * built-in page, or null.
   */
  page(url, build = BUILDS[0]) {
    const explicit = url.searchParams.get('wdcap-fixture');
    if (explicit !== null) {
      const f = this.byRef.get(explicit);
      return f ? fixturePage(this.inBuild(f, build)) : null;
    }
    const clean = withoutSimParams(url);
    const host = clean.hostname;
    const f = this.byAddress.get(host + clean.pathname + clean.search) ?? this.byPath.get(host + clean.pathname);
    if (f) return fixturePage(this.inBuild(f, build));
    const tenant = tenantOfPath(clean.pathname);
    if (tenant && this.isTenant(host, tenant) && clean.pathname === `/${encodeURIComponent(tenant)}/d/home.htmld`) {
      return homePage(host, tenant, this.fixtures);
    }
    return null;
  }
}

/**
 * The services host that goes with a UI host, as in the Workday notes' "Hosts and URL anatomy"'s examples
 * (`wd3-impl` -> `wd3-impl-services1`, `impl.wd12` -> `impl-services1.wd12`, `www` -> `services1`).
 */
export function servicesHost(uiHost) {
  const [first, ...rest] = uiHost.split('.');
  return [first === 'www' ? 'services1' : `${first}-services1`, ...rest].join('.');
}

/** What the shell gets: `ref` is the page's older-build ref whatever the build served. */
function fixturePage(f) {
  return { ref: f.base, build: f.build, title: f.title, lang: f.lang, body: f.body };
}

/**
 * A tenant's home page (built in, not a fixture): an inbox with people's names and an
 * announcement quoting a REST endpoint, the kind of page no recogniser claims and whose contents
 * the extension must not keep; plus links to the tenant's fixture pages (followed as in-app
 * navigation by the shell). All names and values are made up.
 */
function homePage(host, tenant, fixtures) {
  const links = fixtures
    .filter((f) => f.build === BUILDS[0] && f.url.hostname === host && tenantOfPath(f.url.pathname) === tenant)
    .map(
      (f) =>
        `<li><a data-automation-id="menuItem" href="${escapeHtml(f.url.pathname + f.url.search)}">${escapeHtml(
          f.title.replace(/\s+-\s+Workday$/, '') || f.ref,
        )}</a></li>`,
    )
    .join('\n');
  const inbox = [
    ['Change Job: Ada Example (E-1001)', 'Step: Review'],
    ['Time Off Request: Bob Sample (E-1002)', '3 days, Annual Leave'],
    ['Onboarding: Carla Placeholder (E-1003)', 'Start date next Monday'],
  ]
    .map(
      ([what, detail]) =>
        `<li data-automation-id="inboxItem"><div data-automation-id="promptOption" title="${escapeHtml(what)}">${escapeHtml(
          what,
        )}</div><div data-automation-id="textView">${escapeHtml(detail)}</div></li>`,
    )
    .join('\n');
  const body = `
<div data-automation-id="pageContent">
  <div data-automation-id="pageHeader"><h1><span data-automation-id="pageHeaderTitleText" title="Home">Home</span></h1></div>
  <section data-automation-id="inbox"><h2>Awaiting Your Action</h2><ul>${inbox}</ul></section>
  <section data-automation-id="announcements"><h2>Announcements</h2>
    <div data-automation-id="richTextContent">Integrations team: the REST endpoint for this tenant is
      https://${escapeHtml(servicesHost(host))}/ccx/api/v1/${escapeHtml(tenant)}; contact Dana Placeholder
      (dana@example.com) for access.</div>
  </section>
  <nav data-automation-id="apps"><h2>Tasks</h2><ul>${links}</ul></nav>
</div>`;
  return { ref: `builtin/home`, build: null, title: 'Home - Workday', lang: 'en-US', body };
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function shellHtml(lang) {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<title>Workday</title>
<link rel="stylesheet" href="/wdcap-sim/static/workday.css">
<script src="/wdcap-sim/static/shell.js" defer></script>
</head>
<body>
<header class="sim-topbar"><span class="sim-logo">workday</span><span class="sim-note">simulated tenant &middot; fake data</span></header>
<main id="wdcap-sim-root" aria-busy="true"><div class="sim-loading" role="progressbar" aria-label="Loading">Loading&hellip;</div></main>
</body>
</html>
`;
}

function loginHtml(tenant, backup) {
  return `<!DOCTYPE html>
<html lang="en-US">
<head><meta charset="utf-8"><title>Workday</title><link rel="stylesheet" href="/wdcap-sim/static/workday.css"></head>
<body>
<header class="sim-topbar"><span class="sim-logo">workday</span><span class="sim-note">simulated tenant &middot; fake data</span></header>
<main class="sim-login">
<form method="get" action="/${escapeHtml(encodeURIComponent(tenant))}/d/home.htmld" data-automation-id="authPanel">
<h1>Sign in to ${escapeHtml(tenant)}</h1>
${backup ? '<p data-automation-id="backupLogin">Backup login (redirect=n): SAML single sign-on is skipped.</p>' : ''}
<label for="user">Username</label><input id="user" data-automation-id="userName" type="text" autocomplete="username">
<label for="pass">Password</label><input id="pass" data-automation-id="password" type="password" autocomplete="current-password">
<button type="submit" data-automation-id="goButton">Sign In</button>
</form>
</main>
</body>
</html>
`;
}

function invalidUrlHtml() {
  return `<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8"><title>Invalid URL | Workday Community</title></head>
<body><main><h1>Invalid URL</h1><p>The address you used does not match a Workday tenant. Check the tenant name (it is case sensitive) and the data center.</p></main></body></html>
`;
}

function indexHtml(sim) {
  const rows = sim.catalogue.fixtures
    .map((f) => `<tr><td>${escapeHtml(f.ref)}</td><td>${escapeHtml(f.title)}</td><td><code>${escapeHtml(f.url.href)}</code></td></tr>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>wdcap Workday simulator</title></head>
<body>
<h1>wdcap Workday simulator</h1>
<p>Start Chromium with <code>--host-resolver-rules=${escapeHtml(hostResolverRules(sim.port))}</code>
and open the addresses below with <code>http://</code>. Any fixture is also reachable at any Workday address with
<code>?wdcap-fixture=&lt;page_id&gt;/&lt;name&gt;</code>; <code>?wdcap-build=newer</code> shows a page in the newer
build of Workday's UI (this server: ${escapeHtml(sim.build)}). See docs/simulator.md.</p>
<table><thead><tr><th>fixture</th><th>title</th><th>saved from</th></tr></thead><tbody>
${rows}
</tbody></table>
</body></html>
`;
}

/** The scheme the browser used (pages are plain http, the API https; kept so redirects stay on it). */
const schemeOf = (req) => (req.socket.encrypted ? 'https' : 'http');

/**
 * The routes, tried in order. `cx` = {req, res, url, host, sim}. A route's `match` returns
 * true to take the request.
 */
export const ROUTES = [
  {
    name: 'simulator assets',
    method: 'GET',
    match: (cx) => cx.url.pathname.startsWith('/wdcap-sim/static/'),
    handle(cx) {
      const file = cx.url.pathname.slice('/wdcap-sim/static/'.length);
      if (!Object.hasOwn(STATIC, file)) return send(cx.res, 404, 'text/plain', 'not found\n');
      send(cx.res, 200, STATIC[file], readFileSync(join(HERE, 'static', file)));
    },
  },
  ...API_ROUTES,
  {
    name: 'page content (what the shell fetches after load)',
    method: 'GET',
    match: (cx) => cx.url.pathname === '/wdcap-sim/page.json',
    handle(cx) {
      const path = cx.url.searchParams.get('path') ?? '/';
      let target;
      try {
        target = new URL(path, `${schemeOf(cx.req)}://${cx.host}`);
      } catch {
        return send(cx.res, 400, 'application/json', '{"error":"bad path"}');
      }
      if (target.host !== cx.host) return send(cx.res, 400, 'application/json', '{"error":"bad path"}');
      const page = isWorkdayHost(cx.host) ? cx.sim.catalogue.page(target, buildFor(target, cx.sim)) : null;
      if (!page) return send(cx.res, 404, 'application/json', '{"error":"no such page"}');
      const bodyDelay = Number(target.searchParams.get('wdcap-delay') ?? cx.sim.delays.body);
      send(
        cx.res,
        200,
        'application/json; charset=utf-8',
        JSON.stringify({ ...page, delays: { header: cx.sim.delays.header, body: Number.isFinite(bodyDelay) ? bodyDelay : 0 } }),
      );
    },
  },
  {
    name: 'index (loopback, not a Workday host)',
    method: 'GET',
    match: (cx) => !isWorkdayHost(cx.host),
    handle(cx) {
      if (cx.url.pathname !== '/') return send(cx.res, 404, 'text/plain', 'not found\n');
      send(cx.res, 200, 'text/html; charset=utf-8', indexHtml(cx.sim));
    },
  },
  {
    name: 'community invalid-url page',
    method: 'GET',
    match: (cx) => cx.host === INVALID_URL_HOST,
    handle(cx) {
      if (cx.url.pathname !== INVALID_URL_PATH) return send(cx.res, 404, 'text/plain', 'not found\n');
      send(cx.res, 200, 'text/html; charset=utf-8', invalidUrlHtml());
    },
  },
  {
    name: 'login (unknown tenant: invalid-url redirect)',
    method: 'GET',
    match: (cx) => {
      const parts = cx.url.pathname.split('/');
      return parts.length === 3 && LOGIN_PAGES.has(parts[2]) && parts[1] !== '';
    },
    handle(cx) {
      const tenant = tenantOfPath(cx.url.pathname);
      if (!cx.sim.catalogue.isTenant(cx.host, tenant)) {
        return send(cx.res, 302, 'text/plain', 'invalid url\n', {
          Location: `${schemeOf(cx.req)}://${INVALID_URL_HOST}${INVALID_URL_PATH}`,
        });
      }
      const backup = cx.url.searchParams.get('redirect') === 'n';
      send(cx.res, 200, 'text/html; charset=utf-8', loginHtml(tenant, backup), { 'Content-Security-Policy': PAGE_CSP });
    },
  },
  {
    name: 'Workday pages (shell; content arrives after load)',
    method: 'GET',
    match: (cx) => cx.sim.catalogue.page(cx.url, buildFor(cx.url, cx.sim)) !== null,
    handle(cx) {
      const page = cx.sim.catalogue.page(cx.url, buildFor(cx.url, cx.sim));
      send(cx.res, 200, 'text/html; charset=utf-8', shellHtml(page.lang), { 'Content-Security-Policy': PAGE_CSP });
    },
  },
];

function dispatch(sim, req, res) {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  let url;
  try {
    url = new URL(req.url ?? '/', `${schemeOf(req)}://${host || 'localhost'}`);
  } catch {
    return send(res, 400, 'text/plain', 'bad request\n');
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(req.url ?? '')) {
    // A request through the proxy, in absolute form (RFC 9112 §3.2.2): the URL names the host.
    const refused = !servesHost(url.hostname);
    sim.proxyLog.push({ method: req.method, host: url.hostname, port: Number(url.port) || 80, refused });
    if (refused) return send(res, 403, 'text/plain', 'wdcap simulator: not a Workday host, not forwarded\n');
  }
  const cx = { req, res, url, host, sim };
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  for (const route of ROUTES) {
    if (!route.match(cx)) continue;
    if (route.method !== method) {
      return send(res, 405, 'text/plain', 'method not allowed\n', { Allow: route.method });
    }
    return route.handle(cx);
  }
  send(res, 404, 'text/html; charset=utf-8', '<!DOCTYPE html><title>Workday</title><h1>Page not found</h1>\n');
}

/** Whether the simulator answers for `host` (a Workday host; the API's redirect target is one). */
function servesHost(host) {
  return isWorkdayHost(String(host).toLowerCase());
}

/**
 * A CONNECT request (proxy mode): a tunnel to a Workday host is answered by this same server
 * (TLS or plain, by the first byte, as on the listening port); any other host is refused.
 */
function onConnect(sim, handOver, req, socket, head) {
  socket.on('error', () => {});
  let host = '';
  let port = 443;
  try {
    const target = new URL(`http://${req.url}`);
    host = target.hostname;
    port = Number(target.port) || 443;
  } catch {
    // Logged below with an empty host, and refused.
  }
  const refused = !host || !servesHost(host);
  sim.proxyLog.push({ method: 'CONNECT', host, port, refused });
  if (refused) {
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
  if (head?.length) socket.unshift(head);
  handOver(socket);
}

/** DNS names for the test certificate (the browser ignores certificate errors anyway). */
const CERT_NAMES = WORKDAY_DOMAINS.flatMap((d) => [d, `*.${d}`, `*.wd12.${d}`]);

/**
 * Starts the simulator on 127.0.0.1.
 * @param {{port?: number, fixturesDir?: string, delays?: {header?: number, body?: number},
 *          tls?: boolean, api?: {switches?: string[]}, build?: string}} options
 *   `delays` (ms after the shell loads): when the page header, then the rest, arrive.
 *   `tls` (default true): also answer TLS on the same port, with a fresh self-signed certificate.
 *   `api.switches`: API failure switches on from the start (sim/api.mjs, docs/simulator.md).
 *   `build` (default 'older'): which build of Workday's UI every page is served in ('older' or
 *   'newer'; a page's `?wdcap-build=` overrides it).
 * @returns {Promise<{port: number, url: string, close: () => Promise<void>, fixtures: object[],
 *   hostResolverRules: string, api: object, proxyLog: object[], build: string}>} `fixtures`: the
 *   pages ({ref, pageId, title, url, builds}: one entry per page, whatever its builds) `api`: the web-service state
 *   (switches, request log, ISU password; sim/api.mjs createApi); `proxyLog`: the requests that
 *   came through the forward proxy (a browser configured to use this port as its proxy)
 */
export async function start({ port = 0, fixturesDir = FIXTURES_DIR, delays = {}, tls = true, api = {}, build = BUILDS[0] } = {}) {
  if (!BUILDS.includes(build)) throw new Error(`unknown build ${build} (one of ${BUILDS.join(', ')})`);
  const sim = {
    build,
    catalogue: new Catalogue([...loadFixtures(fixturesDir), ...(fixturesDir === FIXTURES_DIR ? loadFixtures(UNCLAIMED_DIR) : [])]),
    delays: { header: delays.header ?? 0, body: delays.body ?? 350 },
    port: 0,
    proxyLog: [],
    api: createApi({ fixturesDir, switches: api.switches ?? [] }),
  };
  const onRequest = (req, res) => {
    try {
      dispatch(sim, req, res);
    } catch (e) {
      if (!res.headersSent) send(res, 500, 'text/plain', `simulator error: ${e.message}\n`);
      else res.destroy();
    }
  };
  const server = createServer(onRequest);
  const tlsServer = tls ? createTlsServer(selfSignedCertificate(CERT_NAMES), onRequest) : null;
  tlsServer?.on('tlsClientError', () => {}); // a client that gives up mid-handshake
  // The listening socket: reads the first byte of each connection, then hands the connection to
  // the HTTP or the TLS server (the byte is put back first).
  const sockets = new Set();
  const handOver = (socket) => {
    socket.once('data', (chunk) => {
      socket.pause();
      socket.unshift(chunk);
      (chunk[0] === 0x16 && tlsServer ? tlsServer : server).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  };
  server.on('connect', (req, socket, head) => onConnect(sim, handOver, req, socket, head));
  const front = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    handOver(socket);
  });
  await new Promise((ok, fail) => {
    front.once('error', fail);
    front.listen(port, '127.0.0.1', ok);
  });
  sim.port = front.address().port;
  return {
    port: sim.port,
    url: `http://127.0.0.1:${sim.port}/`,
    fixtures: sim.catalogue.fixtures
      .filter((f) => f.build === BUILDS[0])
      .map((f) => ({
        ref: f.ref,
        pageId: f.pageId,
        title: f.title,
        url: f.url.href,
        builds: sim.catalogue.twins.has(f.ref) ? BUILDS : [BUILDS[0]],
      })),
    build,
    hostResolverRules: hostResolverRules(sim.port),
    api: sim.api,
    proxyLog: sim.proxyLog,
    close: () =>
      new Promise((ok) => {
        sim.api.release();
        front.close(() => ok());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function main(argv) {
  let port = 8080;
  let body;
  let build;
  const switches = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') port = Number(argv[++i]);
    else if (argv[i] === '--body-delay') body = Number(argv[++i]);
    else if (argv[i] === '--api-failure') switches.push(...argv[++i].split(','));
    else if (argv[i] === '--build') build = argv[++i];
    else {
      console.error(
        `usage: node sim/server.mjs [--port N] [--body-delay MS] [--build ${BUILDS.join('|')}] [--api-failure ${Object.keys(SWITCHES).join('|')}[,…]]`,
      );
      process.exit(2);
    }
  }
  const sim = await start({ port, delays: { body }, api: { switches }, build });
  console.log(`wdcap Workday simulator on ${sim.url} (${sim.fixtures.length} fixture pages, ${sim.build} build; ?wdcap-build=older|newer per page)`);
  console.log(`chromium --ignore-certificate-errors --host-resolver-rules="${sim.hostResolverRules}" http://<saved-from address>`);
  console.log(`API: https on the same port; ISU password ${sim.api.isuPassword}; switches ${[...sim.api.switches].join(',') || 'none'} (change: ${sim.url}wdcap-sim/api?set=…|reset)`);
  for (const f of sim.fixtures) console.log(`  ${f.ref}  ${f.url.replace(/^https:/, 'http:')}`);
  const stop = () => sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`simulator: ${e.message}`);
    process.exit(1);
  });
}
