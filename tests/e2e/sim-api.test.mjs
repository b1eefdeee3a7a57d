// The simulator's web-service endpoints (sim/api.mjs) over HTTP and TLS, without a browser:
// the token endpoint, REST, RaaS and SOAP as workday-notes.md describes them ("OAuth and API
// behaviour"), the natural failures (wrong host, path, tenant, credentials), every failure
// switch, the one port that speaks both plain HTTP and TLS, and docs/simulator.md naming every
// switch.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, ROOT } from '../../sim/server.mjs';
import { SWITCHES, REDIRECT_TARGET, HUGE_ANSWER_BYTES, uiHostOf, loadCredentials } from '../../sim/api.mjs';

const SVC = 'wd3-impl-services1.workday.com';
const TOKEN_PATH = '/ccx/oauth2/acme/token';

let sim;
let client; // {id, secret} of the API client the fixtures' refresh token belongs to
let refresh;

before(async () => {
  sim = await start({ port: 0 });
  const { clients, refreshTokens } = sim.api.credentials;
  const [token, grant] = [...refreshTokens][0];
  const [id, c] = [...clients].find(([, x]) => x.name === grant.client);
  client = { id, secret: c.secret };
  refresh = token;
});

after(async () => {
  await sim?.close();
});

beforeEach(() => {
  sim.api.reset();
});

/** One request to the simulator as Chromium sends it under the host rule: TLS with SNI + Host. */
function call(host, path, { method = 'GET', headers = {}, body, tls = true, timeout = 2000 } = {}) {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port: sim.port, path, method, headers: { Host: host, ...headers } };
    const req = tls
      ? httpsRequest({ ...options, servername: host, rejectUnauthorized: false }, respond)
      : httpRequest(options, respond);
    function respond(res) {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        let json = null;
        try {
          json = JSON.parse(text);
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode, headers: res.headers, body: text, json });
      });
    }
    req.setTimeout(timeout, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', reject);
    if (body != null) req.write(body);
    req.end();
  });
}

const form = (fields) => new URLSearchParams(fields).toString();
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const basic = (user, password) => ({ Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

function tokenRequest({ host = SVC, path = TOKEN_PATH, style = 'body', id = client.id, secret = client.secret, token = refresh } = {}) {
  const fields = { grant_type: 'refresh_token', refresh_token: token };
  const headers = { ...FORM };
  if (style === 'body') Object.assign(fields, { client_id: id, client_secret: secret });
  else Object.assign(headers, basic(id, secret));
  return call(host, path, { method: 'POST', headers, body: form(fields) });
}

async function accessToken() {
  const r = await tokenRequest();
  assert.equal(r.status, 200, r.body);
  return r.json.access_token;
}

test('credentials come from the fixtures: client ID + secret pairs, the refresh token bound to its client, ISU users', () => {
  const c = loadCredentials(join(ROOT, 'tests', 'fixtures', 'pages'));
  assert.ok(c.clients.size >= 2);
  for (const [id, x] of c.clients) {
    assert.equal(Buffer.from(id, 'base64').toString().length, 36, 'client IDs are base64 of a UUID (workday-notes.md, "Values")');
    assert.ok(x.secret.length > 40 && x.name);
  }
  const [grant] = c.refreshTokens.values();
  assert.ok([...c.clients.values()].some((x) => x.name === grant.client), 'the refresh token belongs to a known client');
  assert.ok(c.users.has('ISU_Acme_Learning'));
  assert.ok(c.users.has('ISU Ten Thousand Coffees'), 'RaaS owners with +-encoded spaces are users too');
  assert.notEqual(sim.api.isuPassword, '', 'an ISU password is made per start');
});

test('one port: plain HTTP for the pages, TLS for the API (the first byte decides)', async () => {
  const page = await call('wd3-impl.workday.com', '/acme/d/home.htmld', { tls: false });
  assert.equal(page.status, 200);
  assert.match(page.body, /<main id="wdcap-sim-root"/);
  const token = await tokenRequest();
  assert.equal(token.status, 200);
  const last = sim.api.log.at(-1);
  assert.deepEqual([last.tls, last.servername, last.host], [true, SVC, SVC]);
});

test('token endpoint: refresh-token grant with credentials in the body or as HTTP Basic (workday-notes.md, "OAuth and API behaviour")', async () => {
  for (const style of ['body', 'basic']) {
    const r = await tokenRequest({ style });
    assert.equal(r.status, 200, `${style}: ${r.body}`);
    assert.equal(r.json.token_type, 'Bearer');
    assert.equal(r.json.expires_in, 3600);
    assert.equal(r.json.refresh_token, refresh, 'no rotation unless switched on');
    assert.match(r.json.access_token, /^[0-9a-f]{48}$/);
    assert.equal(r.headers['cache-control'], 'no-store');
  }
  // Both at once: RFC 6749 §2.3 allows one method per request.
  const both = await call(SVC, TOKEN_PATH, {
    method: 'POST',
    headers: { ...FORM, ...basic(client.id, client.secret) },
    body: form({ grant_type: 'refresh_token', refresh_token: refresh, client_id: client.id, client_secret: client.secret }),
  });
  assert.equal(both.json.error, 'invalid_request');
  // Not a form: invalid_request. Another grant: unsupported_grant_type. GET: 405.
  const json = await call(SVC, TOKEN_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  assert.equal(json.json.error, 'invalid_request');
  const code = await call(SVC, TOKEN_PATH, { method: 'POST', headers: FORM, body: form({ grant_type: 'authorization_code', client_id: client.id, client_secret: client.secret }) });
  assert.equal(code.json.error, 'unsupported_grant_type');
  assert.equal((await call(SVC, TOKEN_PATH)).status, 405);
});

test('token endpoint: the natural failures', async () => {
  // A regenerated secret, or a pasted client ID with a trailing space (workday-notes.md, "Hosts
  // and URL anatomy", "Values"): invalid_client.
  for (const r of [await tokenRequest({ secret: 'x'.repeat(100) }), await tokenRequest({ id: `${client.id} ` })]) {
    assert.equal(r.status, 401);
    assert.deepEqual(Object.keys(r.json).sort(), ['error', 'error_description']);
    assert.equal(r.json.error, 'invalid_client');
  }
  assert.match((await tokenRequest({ style: 'basic', secret: 'nope' })).headers['www-authenticate'], /^Basic/);
  // A refresh token that is not the client's (or made up): invalid_grant.
  const grant = await tokenRequest({ token: 'a'.repeat(100) });
  assert.deepEqual([grant.status, grant.json.error], [400, 'invalid_grant']);
  // Tenant names are case sensitive: an unknown tenant in the token URL is invalid_request.
  const tenant = await tokenRequest({ path: '/ccx/oauth2/Acme/token' });
  assert.deepEqual([tenant.status, tenant.json.error], [400, 'invalid_request']);
  // /ccx/oauth/ instead of /ccx/oauth2/: 404 (workday-notes.md, "Hosts and URL anatomy").
  assert.equal((await tokenRequest({ path: '/ccx/oauth/acme/token' })).status, 404);
  // Another data center's services host: 503; a UI host used for the API: 500 (workday-notes.md, "Hosts and URL anatomy").
  assert.equal((await tokenRequest({ host: 'wd5-impl-services1.workday.com' })).status, 503);
  assert.equal((await tokenRequest({ host: 'wd3-impl.workday.com' })).status, 500);
  // The tenant also lives on wd5 (production): its services host answers.
  assert.equal((await tokenRequest({ host: 'wd5-services1.myworkday.com', path: '/ccx/oauth2/acme/token' })).status, 200);
});

test('REST: workers with a bearer token of the tenant, paged by limit/offset; 401 without', async () => {
  const at = await accessToken();
  const auth = { Authorization: `Bearer ${at}` };
  const one = await call(SVC, '/ccx/api/v1/acme/workers?limit=1', { headers: auth });
  assert.equal(one.status, 200);
  assert.equal(one.json.total, 3);
  assert.equal(one.json.data.length, 1);
  assert.deepEqual(Object.keys(one.json.data[0]).sort(), ['descriptor', 'href', 'id']);
  assert.match(one.json.data[0].id, /^[0-9a-f]{32}$/, 'a WID (workday-notes.md, "Values")');
  const rest = await call(SVC, '/ccx/api/v1/acme/workers?limit=5&offset=1', { headers: auth });
  assert.equal(rest.json.data.length, 2);
  assert.equal((await call(SVC, '/ccx/api/v1/acme/workers')).status, 401);
  const wrong = await call(SVC, '/ccx/api/v1/acme/workers', { headers: { Authorization: 'Bearer nope' } });
  assert.equal(wrong.status, 401);
  assert.equal(typeof wrong.json.error, 'string', 'REST errors: {"error": …} (workday-notes.md, "OAuth and API behaviour")');
  assert.equal((await call(SVC, '/ccx/api/v1/acme/nothing', { headers: auth })).status, 404);
});

test('RaaS: JSON Report_Entry with ?format=json, XML without, CSV; bearer or the ISU (user or user@tenant)', async () => {
  const path = '/ccx/service/customreport2/acme/ISU_Acme_Learning/Learning_Users';
  for (const user of ['ISU_Acme_Learning', 'ISU_Acme_Learning@acme']) {
    const r = await call(SVC, `${path}?format=json`, { headers: basic(user, sim.api.isuPassword) });
    assert.equal(r.status, 200, user);
    assert.equal(r.json.Report_Entry.length, 3);
    assert.ok(['First_Name', 'Last_Name', 'Email', 'Management_Level'].every((k) => k in r.json.Report_Entry[0]));
  }
  const bearer = { Authorization: `Bearer ${await accessToken()}` };
  const xml = await call(SVC, path, { headers: bearer });
  assert.match(xml.headers['content-type'], /xml/);
  assert.match(xml.body, /^<\?xml[^>]*\?><wd:Report_Data xmlns:wd="urn:com\.workday\.report\/Learning_Users"><wd:Report_Entry>/);
  const csv = await call(SVC, `${path}?format=csv`, { headers: bearer });
  assert.match(csv.body, /^First_Name,Last_Name,Email,/);
  const groups = await call(SVC, '/ccx/service/customreport2/acme/ISU+Ten+Thousand+Coffees/Groups_for_WorkOS?format=json', { headers: bearer });
  assert.deepEqual(Object.keys(groups.json.Report_Entry[0]), ['group_name']);
  const bad = await call(SVC, `${path}?format=json`, { headers: basic('ISU_Acme_Learning', 'wrong') });
  assert.equal(bad.status, 401);
  assert.equal(bad.json, null, 'the RaaS 401 body is a page, not JSON (unconfirmed shape)');
});

test('SOAP: an answer with the bearer token or the ISU; authentication and permission faults (workday-notes.md, "OAuth and API behaviour")', async () => {
  const path = '/ccx/service/acme/Learning/v39.2';
  const envelope = '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body/></soapenv:Envelope>';
  const post = (headers, p = path) => call(SVC, p, { method: 'POST', headers: { 'Content-Type': 'text/xml', ...headers }, body: envelope });
  const ok = await post({ Authorization: `Bearer ${await accessToken()}` });
  assert.equal(ok.status, 200);
  assert.match(ok.body, /<wd:Get_Learning_Courses_Response [^>]*wd:version="v39\.2"/);
  assert.equal((await post(basic('ISU_Acme_Learning@acme', sim.api.isuPassword))).status, 200);
  const denied = await post(basic('ISU_Acme_Learning@acme', 'wrong'));
  assert.equal(denied.status, 500);
  assert.match(denied.body, /<faultcode>SOAP-ENV:Client\.authenticationError<\/faultcode><faultstring>Invalid credentials<\/faultstring>/);
  sim.api.set('forbidden');
  const forbidden = await post(basic('ISU_Acme_Learning@acme', sim.api.isuPassword));
  assert.match(forbidden.body, /<faultstring>Processing error occurred\. The task submitted is not authorized\.<\/faultstring>/);
  sim.api.reset();
  const unknown = await post(basic('ISU_Acme_Learning', sim.api.isuPassword), '/ccx/service/acme/Nonsense/v39.2');
  assert.match(unknown.body, /<faultstring>Invalid request service: Nonsense<\/faultstring>/);
});

/** The status and headers of an answer, and its first bytes; then the connection is closed. */
function peek(host, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: '127.0.0.1', port: sim.port, path, headers: { Host: host, ...headers }, servername: host, rejectUnauthorized: false },
      (res) => {
        res.once('data', (first) => {
          resolve({ status: res.statusCode, headers: res.headers, first: first.length });
          req.destroy();
        });
      },
    );
    req.on('error', (e) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
    req.end();
  });
}

/** Waits until the simulator has stopped writing the last huge answer (its reader closed). */
async function waitForClose() {
  const entry = sim.api.log.at(-1);
  let last = -1;
  while (entry.bytesSent !== last) {
    last = entry.bytesSent;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(entry.bytesSent < HUGE_ANSWER_BYTES / 4, `the simulator stopped writing when the reader left (${entry.bytesSent} bytes)`);
}

test('every switch changes what its endpoints answer', async () => {
  const at = await accessToken();
  const bearer = { Authorization: `Bearer ${at}` };
  const rest = () => call(SVC, '/ccx/api/v1/acme/workers?limit=1', { headers: bearer });
  const raas = () => call(SVC, '/ccx/service/customreport2/acme/ISU_Acme_Learning/Learning_Users?format=json', { headers: bearer });
  const expect = {
    invalid_client: async () => {
      assert.equal((await tokenRequest()).json.error, 'invalid_client');
      assert.equal((await tokenRequest({ style: 'basic' })).json.error, 'invalid_client');
    },
    basic_only: async () => {
      assert.equal((await tokenRequest()).json.error, 'invalid_client');
      assert.equal((await tokenRequest({ style: 'basic' })).status, 200);
    },
    invalid_grant: async () => assert.equal((await tokenRequest()).json.error, 'invalid_grant'),
    invalid_request: async () => assert.equal((await tokenRequest()).json.error, 'invalid_request'),
    new_refresh_token: async () => {
      const first = await tokenRequest();
      assert.notEqual(first.json.refresh_token, refresh);
      assert.match(first.json.refresh_token, /^[a-z0-9]{60,100}$/);
      assert.equal((await tokenRequest()).json.error, 'invalid_grant', 'the old refresh token stops working');
      assert.equal((await tokenRequest({ token: first.json.refresh_token })).status, 200, 'the new one works');
    },
    unauthorized: async () => {
      assert.equal((await tokenRequest()).status, 200, 'the token endpoint is not affected');
      assert.equal((await rest()).status, 401);
      assert.equal((await raas()).status, 401);
    },
    forbidden: async () => {
      assert.equal((await rest()).status, 403);
      assert.equal((await raas()).status, 403);
    },
    not_found: async () => {
      assert.equal((await tokenRequest()).status, 404);
      assert.equal((await rest()).status, 404);
    },
    unavailable: async () => {
      assert.equal((await tokenRequest()).status, 503);
      assert.equal((await raas()).status, 503);
    },
    timeout: async () => {
      await assert.rejects(call(SVC, TOKEN_PATH, { method: 'POST', headers: FORM, body: '', timeout: 300 }), { code: 'TIMEOUT' });
    },
    connection_reset: async () => {
      await assert.rejects(tokenRequest(), (e) => e.code === 'ECONNRESET' || /socket hang up/.test(e.message));
    },
    redirect: async () => {
      const r = await tokenRequest();
      assert.deepEqual([r.status, r.headers.location], [302, REDIRECT_TARGET]);
    },
    html_errors: async () => {
      sim.api.set('invalid_grant');
      const r = await tokenRequest();
      assert.equal(r.status, 400);
      assert.match(r.headers['content-type'], /^text\/html/);
      assert.equal(r.json, null);
      assert.match(r.body, /invalid_grant/);
    },
    huge_answer: async () => {
      const r = await peek(SVC, '/ccx/api/v1/acme/workers?limit=1', bearer);
      assert.deepEqual([r.status, r.headers['content-length']], [200, String(HUGE_ANSWER_BYTES)]);
      await waitForClose();
    },
    huge_stream: async () => {
      const r = await peek(SVC, '/ccx/api/v1/acme/workers?limit=1', bearer);
      assert.deepEqual([r.status, r.headers['content-length'], r.headers['transfer-encoding']], [200, undefined, 'chunked']);
      await waitForClose();
    },
    report_empty: async () => assert.deepEqual((await raas()).json, { Report_Entry: [] }),
    report_missing_field: async () => assert.ok(!('Management_Level' in (await raas()).json.Report_Entry[0])),
  };
  assert.deepEqual(Object.keys(expect).sort(), Object.keys(SWITCHES).sort(), 'a check per switch');
  for (const [name, check] of Object.entries(expect)) {
    sim.api.reset().set(name);
    await check();
  }
  sim.api.reset();
  assert.equal((await tokenRequest()).status, 200, 'reset brings back a healthy tenant');
  assert.throws(() => sim.api.set('no_such_switch'), /unknown API switch/);
});

test('switches over HTTP on the loopback address (for the stand-alone simulator)', async () => {
  const on = await call(`127.0.0.1:${sim.port}`, '/wdcap-sim/api?set=forbidden,html_errors', { tls: false });
  assert.deepEqual(on.json.switches, ['forbidden', 'html_errors']);
  assert.deepEqual(on.json.available, Object.keys(SWITCHES));
  const off = await call(`127.0.0.1:${sim.port}`, '/wdcap-sim/api?reset', { tls: false });
  assert.deepEqual(off.json.switches, []);
  assert.equal((await call(`127.0.0.1:${sim.port}`, '/wdcap-sim/api?set=nope', { tls: false })).status, 400);
  // Not on a Workday host: a page there cannot flip the tenant's behaviour.
  assert.equal((await call(SVC, '/wdcap-sim/api?set=forbidden')).status, 404);
});

test('the redirect target is logged when reached (the e2e tests prove it never is)', async () => {
  const target = new URL(REDIRECT_TARGET);
  const r = await call(target.hostname, target.pathname);
  assert.equal(r.status, 200);
  assert.equal(sim.api.log.at(-1).host, target.hostname);
});

test('services host <-> UI host (workday-notes.md, "Hosts and URL anatomy")', () => {
  assert.equal(uiHostOf('wd3-impl-services1.workday.com'), 'wd3-impl.workday.com');
  assert.equal(uiHostOf('services1.myworkday.com'), 'www.myworkday.com');
  assert.equal(uiHostOf('impl-services1.wd12.myworkday.com'), 'impl.wd12.myworkday.com');
  assert.equal(uiHostOf('wd5-services1.myworkday.com'), 'wd5.myworkday.com');
  assert.equal(uiHostOf('wd3-impl.workday.com'), null);
});

test('docs/simulator.md documents every switch', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'simulator.md'), 'utf8');
  for (const name of Object.keys(SWITCHES)) assert.ok(doc.includes(`\`${name}\``), `docs/simulator.md does not mention \`${name}\``);
  for (const code of Object.values(SWITCHES).map((s) => s.code).filter(Boolean)) {
    assert.ok(doc.includes(code), `docs/simulator.md does not name ${code}`);
  }
});
