// The Workday tenant simulator over HTTP (no browser): routing by Host + path, fixtures at their
// saved-from addresses, ?wdcap-fixture=, the two builds of a page (?wdcap-build=, the `build`
// option), the shell + content split, the invalid-url redirect.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect as tlsConnect } from 'node:tls';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, hostResolverRules, servicesHost, isWorkdayHost } from '../../sim/server.mjs';
import { parseFixture, tenantOfPath, decodeEntities } from '../../sim/fixtures.mjs';

const page = (url, body, extra = '') =>
  `<!-- saved from url=(${url.length})${url} -->\n<!DOCTYPE html>\n<html lang="fr-FR"${extra}><head><title>${body.title}</title></head>\n<body class="x">${body.html}</body></html>\n`;

let dir;
let sim;

before(async () => {
  // A fixture tree of our own, so the test does not depend on which pages exist.
  dir = mkdtempSync(join(tmpdir(), 'wdcap-sim-test-'));
  mkdirSync(join(dir, 'alpha'));
  mkdirSync(join(dir, 'beta'));
  const shared = 'https://wd5.myworkday.com/globex/d/task/1$1.htmld';
  writeFileSync(join(dir, 'alpha', 'b_second.html'), page(shared, { title: 'Alpha B', html: '<p>alpha b</p>' }));
  writeFileSync(join(dir, 'alpha', 'a_first.html'), page(shared, { title: 'Alpha A &amp; more', html: '<p>alpha a</p>' }));
  // The same page in the newer build: same address, another markup.
  writeFileSync(join(dir, 'alpha', 'a_first.newer.html'), page(shared, { title: 'Alpha A &amp; more', html: '<div class="css-1a">alpha a, newer</div>' }));
  writeFileSync(
    join(dir, 'beta', 'query.html'),
    page('https://impl.wd12.myworkday.com/Initech_Preview/d/task/2$2.htmld?tab=2', { title: 'Beta', html: '<p>beta</p>' }),
  );
  writeFileSync(join(dir, 'beta', 'no_comment.html'), '<html><body>no saved-from comment</body></html>');
  sim = await start({ port: 0, fixturesDir: dir, delays: { header: 5, body: 20 } });
});

after(async () => {
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** GET with a chosen Host header (what Chromium sends under --host-resolver-rules). */
function get(host, path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: sim.port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const content = async (host, path) => {
  const res = await get(host, `/wdcap-sim/page.json?path=${encodeURIComponent(path)}`);
  return { ...res, json: res.status === 200 ? JSON.parse(res.body) : null };
};

test('fixtures load from their saved-from comments; pages without one are skipped', () => {
  assert.deepEqual(
    sim.fixtures.map((f) => f.ref),
    ['alpha/a_first', 'alpha/b_second', 'beta/query'],
  );
  assert.equal(sim.fixtures[0].title, 'Alpha A & more');
});

test('a page in two builds is one page: listed once, with both builds', () => {
  assert.deepEqual(sim.fixtures.find((f) => f.ref === 'alpha/a_first').builds, ['older', 'newer']);
  assert.deepEqual(sim.fixtures.find((f) => f.ref === 'alpha/b_second').builds, ['older']);
  assert.equal(sim.build, 'older');
});

test('?wdcap-build= serves a page in the other build, at the same address; a page with one build is served in it', async () => {
  const older = (await content('wd5.myworkday.com', '/globex/d/task/1$1.htmld')).json;
  assert.deepEqual([older.ref, older.build, older.body], ['alpha/a_first', 'older', '<p>alpha a</p>']);
  const newer = (await content('wd5.myworkday.com', '/globex/d/task/1$1.htmld?wdcap-build=newer')).json;
  assert.deepEqual([newer.ref, newer.build, newer.body], ['alpha/a_first', 'newer', '<div class="css-1a">alpha a, newer</div>']);
  assert.equal(newer.title, 'Alpha A & more');
  // With ?wdcap-fixture= too; a fixture without a newer twin stays as it is.
  const explicit = (await content('wd5.myworkday.com', '/x?wdcap-fixture=alpha/a_first&wdcap-build=newer')).json;
  assert.equal(explicit.build, 'newer');
  const single = (await content('wd5.myworkday.com', '/x?wdcap-fixture=alpha/b_second&wdcap-build=newer')).json;
  assert.deepEqual([single.ref, single.build], ['alpha/b_second', 'older']);
  // The twin by its own name; an unknown build name is no switch.
  assert.equal((await content('wd5.myworkday.com', '/x?wdcap-fixture=alpha/a_first.newer')).json.build, 'newer');
  assert.equal((await content('wd5.myworkday.com', '/globex/d/task/1$1.htmld?wdcap-build=oldest')).json.build, 'older');
  // The shell answers the same either way; the home page links each page once.
  assert.equal((await get('wd5.myworkday.com', '/globex/d/task/1$1.htmld?wdcap-build=newer')).status, 200);
  const home = (await content('wd5.myworkday.com', '/globex/d/home.htmld')).json.body;
  assert.equal(home.match(/href="\/globex\/d\/task\/1\$1\.htmld"/g).length, 2, 'alpha/a_first and alpha/b_second, not the twin');
});

test('start({build}) serves every page in that build unless ?wdcap-build= says otherwise; an unknown build is refused', async () => {
  const newer = await start({ port: 0, fixturesDir: dir, tls: false, build: 'newer' });
  try {
    const ask = (path) =>
      new Promise((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: newer.port, path: `/wdcap-sim/page.json?path=${encodeURIComponent(path)}`, headers: { Host: 'wd5.myworkday.com' } },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve(JSON.parse(body)));
          },
        );
        req.on('error', reject);
        req.end();
      });
    assert.equal(newer.build, 'newer');
    assert.equal((await ask('/globex/d/task/1$1.htmld')).build, 'newer');
    assert.equal((await ask('/globex/d/task/1$1.htmld?wdcap-build=older')).build, 'older');
  } finally {
    await newer.close();
  }
  await assert.rejects(start({ port: 0, fixturesDir: dir, tls: false, build: 'beta' }), /unknown build beta/);
});

test('a fixture address serves the shell page; its content comes separately, in two steps', async () => {
  const shell = await get('wd5.myworkday.com', '/globex/d/task/1$1.htmld');
  assert.equal(shell.status, 200);
  assert.match(shell.headers['content-type'], /text\/html/);
  assert.match(shell.headers['content-security-policy'], /script-src 'self'/);
  assert.match(shell.body, /id="wdcap-sim-root"/);
  assert.doesNotMatch(shell.body, /alpha a/, 'the shell holds no content');
  assert.match(shell.body, /lang="fr-FR"/);

  const { json } = await content('wd5.myworkday.com', '/globex/d/task/1$1.htmld');
  // Several fixtures share the address: the first by name wins.
  assert.equal(json.ref, 'alpha/a_first');
  assert.equal(json.body, '<p>alpha a</p>');
  assert.equal(json.title, 'Alpha A & more');
  assert.deepEqual(json.delays, { header: 5, body: 20 });
});

test('?wdcap-fixture= reaches any fixture; ?wdcap-delay= sets the second step', async () => {
  const { json } = await content('wd5.myworkday.com', '/globex/d/task/1$1.htmld?wdcap-fixture=alpha/b_second&wdcap-delay=0');
  assert.equal(json.ref, 'alpha/b_second');
  assert.equal(json.delays.body, 0);
  assert.equal((await content('wd5.myworkday.com', '/x?wdcap-fixture=nope/nothing')).status, 404);
});

test('routing is by Host + path: the same path on another host is not the page', async () => {
  assert.equal((await get('wd3.myworkday.com', '/globex/d/task/1$1.htmld')).status, 404);
  assert.equal((await content('wd3.myworkday.com', '/globex/d/task/1$1.htmld')).status, 404);
  // A page saved with a query string is found with or without it.
  assert.equal((await content('impl.wd12.myworkday.com', '/Initech_Preview/d/task/2$2.htmld?tab=2')).json.ref, 'beta/query');
  assert.equal((await content('impl.wd12.myworkday.com', '/Initech_Preview/d/task/2$2.htmld')).json.ref, 'beta/query');
});

test('a known tenant has a home page (unclaimed content, links to its fixtures)', async () => {
  const { json } = await content('wd5.myworkday.com', '/globex/d/home.htmld');
  assert.equal(json.ref, 'builtin/home');
  assert.match(json.body, /href="\/globex\/d\/task\/1\$1\.htmld"/);
  assert.match(json.body, /https:\/\/wd5-services1\.myworkday\.com\/ccx\/api\/v1\/globex/);
  assert.equal((await content('wd5.myworkday.com', '/nobody/d/home.htmld')).status, 404);
});

test('login: a known tenant gets a sign-in page, an unknown one (case sensitive) the invalid-url redirect', async () => {
  const ok = await get('wd5.myworkday.com', '/globex/login.htmld');
  assert.equal(ok.status, 200);
  assert.match(ok.body, /Sign in to globex/);
  assert.doesNotMatch(ok.body, /Backup login/);
  const backup = await get('wd5.myworkday.com', '/globex/login.flex?redirect=n');
  assert.match(backup.body, /Backup login/);
  assert.equal((await get('impl.wd12.myworkday.com', '/Initech_Preview/login-saml2.flex')).status, 200);

  for (const [host, path] of [
    ['wd5.myworkday.com', '/GLOBEX/login.htmld'],
    ['wd5.myworkday.com', '/nobody/login.htmld'],
    ['wd3.myworkday.com', '/globex/login.htmld'],
  ]) {
    const res = await get(host, path);
    assert.equal(res.status, 302, `${host}${path}`);
    assert.equal(res.headers.location, 'http://community.workday.com/invalid-url');
  }
  const landing = await get('community.workday.com', '/invalid-url');
  assert.equal(landing.status, 200);
  assert.match(landing.body, /Invalid URL/);
});

test('loopback index, static files, unknown paths, methods', async () => {
  const index = await get(`127.0.0.1:${sim.port}`, '/');
  assert.equal(index.status, 200);
  assert.match(index.body, /alpha\/a_first/);
  assert.equal((await get('wd5.myworkday.com', '/wdcap-sim/static/shell.js')).status, 200);
  assert.equal((await get('wd5.myworkday.com', '/wdcap-sim/static/../server.mjs')).status, 404);
  assert.equal((await get('wd5.myworkday.com', '/wdcap-sim/static/server.mjs')).status, 404);
  assert.equal((await get('wd5.myworkday.com', '/globex/d/unknown.htmld')).status, 404);
  const post = await new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: sim.port, method: 'POST', path: '/globex/login.htmld', headers: { Host: 'wd5.myworkday.com' } },
      (res) => resolve(res.statusCode),
    );
    req.on('error', reject);
    req.end();
  });
  assert.equal(post, 405);
});

test('helpers: host rules, services host, Workday hosts, tenant of a path, entities', () => {
  const rules = hostResolverRules(4321);
  for (const d of ['workday.com', 'myworkday.com', 'myworkdaygov.com', 'workdaygov.com', 'workdaysuv.com']) {
    assert.ok(rules.includes(`MAP *.${d} 127.0.0.1:4321`), d);
  }
  assert.equal(servicesHost('wd3-impl.workday.com'), 'wd3-impl-services1.workday.com');
  assert.equal(servicesHost('impl.wd12.myworkday.com'), 'impl-services1.wd12.myworkday.com');
  assert.equal(servicesHost('www.myworkday.com'), 'services1.myworkday.com');
  assert.ok(isWorkdayHost('wd104.myworkdaygov.com'));
  assert.ok(!isWorkdayHost('workday.com.example.org'));
  assert.ok(!isWorkdayHost('notworkday.com'));
  assert.equal(tenantOfPath('/acme/d/home.htmld'), 'acme');
  assert.equal(tenantOfPath('/ccx/api/v1/acme'), null);
  assert.equal(decodeEntities('a &amp; b &#233; &#x41; &bogus;'), 'a & b é A &bogus;');
  assert.equal(parseFixture('p/n', '<html><body>x</body></html>'), null);
  assert.equal(parseFixture('p/n', '<!-- saved from url=(0008)not a url -->'), null);
});

/** A request through the simulator as a proxy: absolute-form GET, or CONNECT then TLS. */
function viaProxy({ method = 'GET', path, headers = {} }) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: sim.port, method, path, headers });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('connect', (res, socket) => resolve({ status: res.statusCode, socket }));
    req.on('error', reject);
    req.end();
  });
}

test('proxy mode (Firefox): Workday hosts are served, any other host is refused and nothing is forwarded', async () => {
  const mark = sim.proxyLog.length;
  // Plain http in absolute form: a Workday page is served as if asked directly.
  const page = await viaProxy({ path: 'http://wd5.myworkday.com/globex/d/task/1$1.htmld', headers: { Host: 'wd5.myworkday.com' } });
  assert.equal(page.status, 200);
  assert.match(page.body, /id="wdcap-sim-root"/);
  const other = await viaProxy({ path: 'http://example.com/', headers: { Host: 'example.com' } });
  assert.equal(other.status, 403);

  // CONNECT to a Workday host: a tunnel to this same server, which then speaks TLS for that name.
  const tunnel = await viaProxy({ method: 'CONNECT', path: 'wd5-services1.myworkday.com:443', headers: { Host: 'wd5-services1.myworkday.com:443' } });
  assert.equal(tunnel.status, 200);
  const answer = await new Promise((resolve, reject) => {
    const tls = tlsConnect({ socket: tunnel.socket, servername: 'wd5-services1.myworkday.com', rejectUnauthorized: false }, () => {
      assert.ok(tls.getPeerCertificate().subjectaltname.includes('DNS:*.myworkday.com'));
      tls.write('GET /globex/d/home.htmld HTTP/1.1\r\nHost: wd5.myworkday.com\r\nConnection: close\r\n\r\n');
    });
    let text = '';
    tls.setEncoding('utf8');
    tls.on('data', (c) => (text += c));
    tls.on('end', () => resolve(text));
    tls.on('error', reject);
  });
  assert.match(answer, /^HTTP\/1\.1 200 /);
  const refused = await viaProxy({ method: 'CONNECT', path: 'firefox.settings.services.mozilla.com:443', headers: { Host: 'firefox.settings.services.mozilla.com:443' } });
  assert.equal(refused.status, 403);
  refused.socket.destroy();

  assert.deepEqual(sim.proxyLog.slice(mark), [
    { method: 'GET', host: 'wd5.myworkday.com', port: 80, refused: false },
    { method: 'GET', host: 'example.com', port: 80, refused: true },
    { method: 'CONNECT', host: 'wd5-services1.myworkday.com', port: 443, refused: false },
    { method: 'CONNECT', host: 'firefox.settings.services.mozilla.com', port: 443, refused: true },
  ]);
});
