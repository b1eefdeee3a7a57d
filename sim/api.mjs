// The simulator's web-service endpoints: the OAuth token endpoint, the REST API, RaaS
// custom reports and SOAP, on the services hosts, with switches that make them fail the ways
// integrators report. Behaviour and error shapes follow the Workday notes' "OAuth and API behaviour" where it is
// confirmed; where it is not, the choice is marked "unconfirmed" here and in docs/simulator.md,
// and the `html_errors` switch serves the other plausible shape (an HTML error page) so the live
// test's tolerance is exercised. Node standard library only.
//
// Credentials are the fixtures' fake ones, read from the pages' sidecars
// (tests/fixtures/pages/<page_id>/<name>.expected.json, what the core captures from each page):
// the client ID + secret pairs of Register API Client results, the refresh tokens of Manage
// Refresh Tokens results (each bound to its API client, as Workday binds it), the ISU user names
// the pages show. No fixture shows an ISU password (Workday never does), so the simulator makes
// one per start: `api.isuPassword`.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
// A cycle (server.mjs imports this file), harmless: only used when a request comes in.
import { isWorkdayHost } from './server.mjs';

/**
 * The failure switches. `endpoints`: which endpoints they change; `code`: what the live test
 * reports (docs/live-test.md). Switches combine (`html_errors` changes how the others answer).
 */
export const SWITCHES = {
  invalid_client: { endpoints: ['token'], code: 'live-invalid-client' },
  basic_only: { endpoints: ['token'], code: 'live-basic-auth-only' },
  invalid_grant: { endpoints: ['token'], code: 'live-invalid-grant' },
  invalid_request: { endpoints: ['token'], code: 'live-invalid-request' },
  new_refresh_token: { endpoints: ['token'], code: 'live-new-refresh-token' },
  unauthorized: { endpoints: ['rest', 'raas', 'soap'], code: 'live-unauthorized' },
  forbidden: { endpoints: ['rest', 'raas', 'soap'], code: 'live-forbidden' },
  not_found: { endpoints: ['token', 'rest', 'raas', 'soap'], code: 'live-not-found' },
  unavailable: { endpoints: ['token', 'rest', 'raas', 'soap'], code: 'live-server-error' },
  timeout: { endpoints: ['token', 'rest', 'raas', 'soap'], code: 'live-timeout' },
  connection_reset: { endpoints: ['token', 'rest', 'raas', 'soap'], code: 'live-unreachable' },
  redirect: { endpoints: ['token', 'rest', 'raas', 'soap'], code: 'live-unreachable' },
  html_errors: { endpoints: ['token', 'rest', 'raas', 'soap'], code: null },
  report_empty: { endpoints: ['raas'], code: 'live-report-empty' },
  report_missing_field: { endpoints: ['raas'], code: 'live-report-field-missing' },
  huge_answer: { endpoints: ['token', 'rest', 'raas', 'soap'], code: 'live-too-large' },
  huge_stream: { endpoints: ['token', 'rest', 'raas', 'soap'], code: 'live-too-large' },
};

/**
 * How much the `huge_answer` and `huge_stream` switches answer: far more than the live test
 * reads (1 MiB), sent as fast as the reader takes it. The log entry counts the bytes the socket
 * accepted (`bytesSent`), so a test can tell a reader that stopped from one that read it all.
 */
export const HUGE_ANSWER_BYTES = 64 * 1024 * 1024;

/**
 * Where the `redirect` switch sends requests: a sign-in page on a host that is none of any
 * tenant's, which the live test must never follow. It maps to the simulator like every Workday
 * host, and every request that reaches it is logged, so a test can prove none did.
 */
export const REDIRECT_TARGET = 'https://sso.workday.com/wdcap-sim/sign-in';

/** Access tokens last about an hour (the Workday notes' "OAuth and API behaviour": "reported to last about an hour"). */
const ACCESS_TOKEN_SECONDS = 3600;

// ---- credentials from the fixtures ------------------------------------------------------------

function sidecars(dir) {
  const out = [];
  let pageIds = [];
  try {
    pageIds = readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory());
  } catch {
    return out;
  }
  for (const pageId of pageIds.sort()) {
    for (const file of readdirSync(join(dir, pageId)).filter((f) => f.endsWith('.expected.json')).sort()) {
      try {
        out.push({ ref: `${pageId}/${file.slice(0, -'.expected.json'.length)}`, report: JSON.parse(readFileSync(join(dir, pageId, file), 'utf8')) });
      } catch {
        // A sidecar being rewritten, or not JSON: it simply adds no credentials.
      }
    }
  }
  return out;
}

/**
 * The fake credentials the fixtures show.
 * @returns {{clients: Map<string, {name: string, secret: string, ref: string}>,
 *            refreshTokens: Map<string, {client: string, isu: string|null, ref: string}>,
 *            users: Set<string>}}
 */
export function loadCredentials(fixturesDir) {
  const clients = new Map();
  const refreshTokens = new Map();
  const users = new Set();
  for (const { ref, report } of sidecars(fixturesDir)) {
    const params = Array.isArray(report?.params) ? report.params : [];
    const settings = Array.isArray(report?.settings) ? report.settings : [];
    const setting = (name) => settings.find((s) => s.name === name)?.value ?? null;
    // A client ID and a secret shown together on one page, under one API client name.
    for (const secret of params.filter((p) => p.kind === 'client_secret')) {
      const id = params.find((p) => p.kind === 'client_id' && p.name === secret.name) ?? params.find((p) => p.kind === 'client_id');
      if (id) clients.set(id.value, { name: id.name ?? secret.name ?? '', secret: secret.value, ref });
    }
    for (const token of params.filter((p) => p.kind === 'refresh_token')) {
      const client = setting('api_client');
      if (client) refreshTokens.set(token.value, { client, isu: token.name ?? setting('workday_account'), ref });
    }
    for (const p of params) {
      if (p.kind === 'isu_username') users.add(p.value);
      if (p.kind === 'raas_url') {
        // The report's owner (the Workday notes' "Hosts and URL anatomy": may carry `+`-encoded spaces) is a user of the tenant.
        const owner = /\/ccx\/service\/customreport2\/[^/]+\/([^/?]+)\//.exec(p.value)?.[1];
        if (owner) users.add(decodeURIComponent(owner.replace(/\+/g, ' ')));
      }
    }
  }
  return { clients, refreshTokens, users };
}

// ---- hosts --------------------------------------------------------------------------------------

/**
 * The UI host that goes with a services host (the inverse of server.mjs's servicesHost(), the
 * Workday notes' "Hosts and URL anatomy": `wd3-impl-services1` <-> `wd3-impl`, `services1` <-> `www`, `impl-services1.wd12` <->
 * `impl.wd12`); null for a host that is not a services host.
 */
export function uiHostOf(host) {
  const [first, ...rest] = host.split('.');
  if (first === 'services1') return ['www', ...rest].join('.');
  const m = /^(.+)-services\d*$/.exec(first);
  return m ? [m[1], ...rest].join('.') : null;
}

/**
 * Whether `host` serves `tenant`'s web services: 'ok', 'ui-host' (a UI host used for an API),
 * 'wrong-data-center' (the tenant lives on another host), 'unknown-tenant' (no such tenant on
 * this data center), 'unknown-host'.
 */
function placement(catalogue, host, tenant) {
  const ui = uiHostOf(host);
  if (ui === null) return catalogue.tenants.has(host) ? 'ui-host' : 'unknown-host';
  if (catalogue.isTenant(ui, tenant)) return 'ok';
  for (const tenants of catalogue.tenants.values()) if (tenants.has(tenant)) return 'wrong-data-center';
  return catalogue.tenants.has(ui) ? 'unknown-tenant' : 'unknown-host';
}

// ---- answers ------------------------------------------------------------------------------------

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const REASONS = { 302: 'Found', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 500: 'Internal Server Error', 503: 'Service Unavailable' };

function reply(cx, status, type, body, headers = {}) {
  cx.api.record(cx, status);
  cx.res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  cx.res.end(body);
}

const json = (cx, status, value, headers) => reply(cx, status, 'application/json;charset=UTF-8', JSON.stringify(value), headers);

/** An HTML error page (the shape of Workday's API error pages is unconfirmed). */
function htmlError(cx, status, detail) {
  reply(
    cx,
    status,
    'text/html;charset=UTF-8',
    `<!DOCTYPE html><html><head><title>${status} ${REASONS[status] ?? ''}</title></head><body><h1>${status} ${
      REASONS[status] ?? ''
    }</h1><p>${escapeHtml(detail)}</p></body></html>\n`,
  );
}

/** An RFC 6749 §5.2 error: JSON by default, an HTML page under `html_errors`. */
function oauthError(cx, status, error, description, headers = {}) {
  if (cx.api.on('html_errors')) {
    cx.api.record(cx, status);
    cx.res.writeHead(status, { 'Content-Type': 'text/html;charset=UTF-8', 'Cache-Control': 'no-store', ...headers });
    cx.res.end(`<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Authentication error</h1><p>error: ${error}</p><p>${escapeHtml(description)}</p></body></html>\n`);
    return;
  }
  json(cx, status, { error, error_description: description }, { Pragma: 'no-cache', ...headers });
}

/** A REST error (the Workday notes' "OAuth and API behaviour": `{"error": "…", "errors"?: […]}`), or an HTML page under `html_errors`. */
function restError(cx, status, message) {
  if (cx.api.on('html_errors')) return htmlError(cx, status, message);
  json(cx, status, { error: message, errors: [{ error: message }] });
}

/** A SOAP 1.1 fault (the Workday notes' "OAuth and API behaviour" names the codes and texts Workday uses). */
function soapFault(cx, code, text) {
  reply(
    cx,
    500,
    'text/xml;charset=UTF-8',
    `<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>${code}</faultcode><faultstring>${escapeHtml(
      text,
    )}</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`,
  );
}

/**
 * The switches every endpoint honours before looking at the request: the network-level
 * failures and the blanket status codes. Returns true when it answered (or chose not to).
 */
function blanketFailure(cx, endpoint) {
  const { api } = cx;
  const applies = (name) => api.on(name) && SWITCHES[name].endpoints.includes(endpoint);
  if (applies('timeout')) {
    api.record(cx, null);
    api.hold(cx.res); // never answers; released when the switches change or the simulator stops
    return true;
  }
  if (applies('connection_reset')) {
    api.record(cx, null);
    cx.req.socket.destroy();
    return true;
  }
  if (applies('redirect')) {
    reply(cx, 302, 'text/plain', 'moved\n', { Location: REDIRECT_TARGET });
    return true;
  }
  if (applies('huge_answer') || applies('huge_stream')) {
    hugeAnswer(cx, applies('huge_answer'));
    return true;
  }
  if (applies('unavailable')) {
    htmlError(cx, 503, 'The service is not available on this data center.');
    return true;
  }
  if (applies('not_found')) {
    htmlError(cx, 404, 'The requested resource was not found.');
    return true;
  }
  return false;
}

/**
 * A 200 answer of HUGE_ANSWER_BYTES (JSON white space), with its length declared
 * (`huge_answer`: a reader can refuse it from the headers) or not (`huge_stream`, chunked: a
 * reader must count). Written chunk by chunk as the socket drains; it stops when the reader
 * closes the connection.
 */
function hugeAnswer(cx, declared) {
  const entry = cx.api.record(cx, 200);
  entry.bytesSent = 0;
  cx.res.writeHead(200, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Cache-Control': 'no-store',
    ...(declared ? { 'Content-Length': String(HUGE_ANSWER_BYTES) } : {}),
  });
  cx.api.hold(cx.res);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const pump = () => {
    while (entry.bytesSent < HUGE_ANSWER_BYTES && !cx.res.destroyed) {
      const more = cx.res.write(chunk);
      entry.bytesSent += chunk.length;
      if (!more) {
        cx.res.once('drain', pump);
        return;
      }
    }
    if (!cx.res.destroyed) cx.res.end();
  };
  pump();
}

/** The natural answer to a request on the wrong host or for an unknown tenant, if it is one. */
function misplaced(cx, tenant, endpoint) {
  switch (placement(cx.sim.catalogue, cx.host, tenant)) {
    case 'ok':
      return false;
    case 'ui-host':
      // the Workday notes' "Hosts and URL anatomy": "a UI URL where a services URL is needed (reported to give 500, unconfirmed)".
      htmlError(cx, 500, 'An unexpected error occurred.');
      return true;
    case 'wrong-data-center':
    case 'unknown-host':
      // the Workday notes' "Hosts and URL anatomy": "services host of the wrong data center (503)".
      htmlError(cx, 503, 'Service Unavailable');
      return true;
    case 'unknown-tenant':
      // The issue maps `invalid_request` to a wrong tenant name in the token URL; elsewhere 404.
      if (endpoint === 'token') oauthError(cx, 400, 'invalid_request', 'Invalid tenant');
      else htmlError(cx, 404, 'The requested resource was not found.');
      return true;
    default:
      return false;
  }
}

function readBody(req, limit = 65536) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Constant-time comparison of two strings (the simulator is a test tool, but no reason to be sloppy). */
function same(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `{scheme, user, password}` or `{scheme, token}` from the Authorization header; null when absent. */
function authorization(req) {
  const header = req.headers.authorization ?? '';
  const m = /^(\w+)\s+(.+)$/.exec(header.trim());
  if (!m) return null;
  const scheme = m[1].toLowerCase();
  if (scheme === 'bearer') return { scheme, token: m[2] };
  if (scheme === 'basic') {
    const decoded = Buffer.from(m[2], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { scheme, user: decoded, password: '' };
    return { scheme, user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  return { scheme };
}

// ---- fake data ----------------------------------------------------------------------------------

/** Made-up people (the names the simulator's home page uses). */
const PEOPLE = [
  { first: 'Ada', last: 'Example', email: 'ada.example@example.com', level: 'Director', title: 'Head of Learning', unit: 'People', city: 'Atlanta' },
  { first: 'Bob', last: 'Sample', email: 'bob.sample@example.com', level: 'Manager', title: 'Payroll Manager', unit: 'Finance', city: 'Toronto' },
  { first: 'Carla', last: 'Placeholder', email: 'carla.placeholder@example.com', level: 'Individual Contributor', title: 'Solutions Engineer', unit: 'Consulting', city: 'Lisbon' },
];

const fakeWid = (seed) => Buffer.from(seed.padEnd(16, '0').slice(0, 16)).toString('hex');

function workers(cx, tenant) {
  const limit = Math.max(0, Math.min(100, Number.parseInt(cx.url.searchParams.get('limit') ?? '20', 10) || 20));
  const offset = Math.max(0, Number.parseInt(cx.url.searchParams.get('offset') ?? '0', 10) || 0);
  const data = PEOPLE.slice(offset, offset + limit).map((p) => {
    const id = fakeWid(`${p.first}${p.last}`);
    return { id, descriptor: `${p.first} ${p.last}`, href: `https://${cx.host}/ccx/api/v1/${tenant}/workers/${id}` };
  });
  return { total: PEOPLE.length, data };
}

/** A report's rows: a group report for names with "group" in them, else a user report. */
function reportEntries(report, api) {
  if (api.on('report_empty')) return [];
  if (/group/i.test(report)) {
    return [{ group_name: 'Engineering' }, { group_name: 'People' }, { group_name: 'Finance' }];
  }
  return PEOPLE.map((p) => {
    const row = {
      First_Name: p.first,
      Last_Name: p.last,
      Email: p.email,
      Management_Level: p.level,
      Job_Title: p.title,
      Business_Unit: p.unit,
      People_Manager_Status: p.level === 'Individual Contributor' ? 'No' : 'Yes',
      City: p.city,
      Status: 'active',
    };
    if (api.on('report_missing_field')) delete row.Management_Level;
    return row;
  });
}

function reportXml(report, entries) {
  const ns = `urn:com.workday.report/${escapeHtml(report)}`;
  const rows = entries
    .map((e) => `<wd:Report_Entry>${Object.entries(e).map(([k, v]) => `<wd:${k}>${escapeHtml(v)}</wd:${k}>`).join('')}</wd:Report_Entry>`)
    .join('');
  return `<?xml version='1.0' encoding='UTF-8'?><wd:Report_Data xmlns:wd="${ns}">${rows}</wd:Report_Data>`;
}

function reportCsv(entries) {
  if (!entries.length) return '';
  const keys = Object.keys(entries[0]);
  const cell = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [keys.join(','), ...entries.map((e) => keys.map((k) => cell(e[k] ?? '')).join(','))].join('\n') + '\n';
}

// ---- authentication of the resource endpoints ----------------------------------------------------

/**
 * Who is calling: `{ok: true, via}` for a live access token of this tenant or the ISU's user
 * name (`user` or `user@tenant`, the Workday notes' "Values") and the simulator's ISU password; else `{ok: false}`.
 */
function authenticate(cx, tenant) {
  const auth = authorization(cx.req);
  if (auth?.scheme === 'bearer') {
    const grant = cx.api.accessTokens.get(auth.token);
    return { ok: Boolean(grant && grant.tenant === tenant && grant.expires > Date.now()), via: 'bearer' };
  }
  if (auth?.scheme === 'basic') {
    const user = auth.user.endsWith(`@${tenant}`) ? auth.user.slice(0, -(tenant.length + 1)) : auth.user;
    return { ok: cx.api.credentials.users.has(user) && same(auth.password, cx.api.isuPassword), via: 'basic' };
  }
  return { ok: false, via: null };
}

// ---- the endpoints ------------------------------------------------------------------------------

const TOKEN_PATH = /^\/ccx\/oauth2\/([^/]+)\/token$/;
const REST_PATH = /^\/ccx\/api\/v1\/([^/]+)(\/[^?]*)?$/;
const RAAS_PATH = /^\/ccx\/service\/customreport2\/([^/]+)\/([^/]+)\/([^/]+)$/;
const SOAP_PATH = /^\/ccx\/service\/([^/]+)\/([^/]+)\/v(\d+(?:\.\d+)?)$/;

/** The services Workday's SOAP API offers that the simulator answers (the partners' ones). */
const SOAP_SERVICES = new Set(['Learning', 'Human_Resources', 'Staffing', 'Integrations']);

const decode = (s) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

async function token(cx) {
  const [, rawTenant] = TOKEN_PATH.exec(cx.url.pathname);
  const tenant = decode(rawTenant);
  const { api } = cx;
  if (blanketFailure(cx, 'token') || misplaced(cx, tenant, 'token')) return;
  const type = (cx.req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const body = await readBody(cx.req);
  if (type !== 'application/x-www-form-urlencoded') {
    return oauthError(cx, 400, 'invalid_request', 'The request must be application/x-www-form-urlencoded.');
  }
  const form = new URLSearchParams(body);
  const auth = authorization(cx.req);
  const basic = auth?.scheme === 'basic';
  const inBody = form.has('client_id') || form.has('client_secret');
  const challenge = basic ? { 'WWW-Authenticate': 'Basic realm="workday"' } : {};
  if (api.on('invalid_request')) return oauthError(cx, 400, 'invalid_request', 'Invalid request');
  if (basic && inBody) {
    // RFC 6749 §2.3: a client MUST NOT use more than one authentication method per request.
    return oauthError(cx, 400, 'invalid_request', 'Client credentials were sent twice.');
  }
  if (api.on('invalid_client') || (api.on('basic_only') && !basic)) {
    return oauthError(cx, 401, 'invalid_client', 'Invalid client credentials', challenge);
  }
  const clientId = basic ? auth.user : form.get('client_id') ?? '';
  const secret = basic ? auth.password : form.get('client_secret') ?? '';
  const client = api.credentials.clients.get(clientId);
  // the Workday notes' "Values": a regenerated secret (or a stray space in a pasted ID) gives invalid_client.
  if (!client || !same(secret, client.secret)) {
    return oauthError(cx, 401, 'invalid_client', 'Invalid client credentials', challenge);
  }
  const grantType = form.get('grant_type');
  if (grantType !== 'refresh_token') {
    return oauthError(cx, 400, grantType ? 'unsupported_grant_type' : 'invalid_request', 'Only the refresh_token grant is simulated.');
  }
  const sent = form.get('refresh_token') ?? '';
  const grant = api.refreshTokens.get(sent);
  // the Workday notes' "Values": a regenerated refresh token invalidates the old one; one for another client fails.
  if (api.on('invalid_grant') || !grant || grant.client !== client.name) {
    return oauthError(cx, 400, 'invalid_grant', 'Invalid refresh token');
  }
  const access = randomBytes(24).toString('hex');
  api.accessTokens.set(access, { tenant, client: client.name, expires: Date.now() + ACCESS_TOKEN_SECONDS * 1000 });
  let refresh = sent;
  if (api.on('new_refresh_token')) {
    // The tenant rotates the refresh token: the new one replaces the old, which stops working.
    refresh = randomBytes(50).toString('hex').replace(/[^a-z0-9]/g, '').slice(0, 100);
    api.refreshTokens.delete(sent);
    api.refreshTokens.set(refresh, grant);
  }
  // the Workday notes' "OAuth and API behaviour": access_token, token_type (Bearer), refresh_token; expires_in is unconfirmed (sent).
  json(
    cx,
    200,
    { access_token: access, token_type: 'Bearer', expires_in: ACCESS_TOKEN_SECONDS, refresh_token: refresh },
    { Pragma: 'no-cache' },
  );
}

/** The checks every resource endpoint makes, in order; true when it answered. */
function resourceGate(cx, tenant, endpoint) {
  if (blanketFailure(cx, endpoint) || misplaced(cx, tenant, endpoint)) return true;
  const who = authenticate(cx, tenant);
  const { api } = cx;
  if (!who.ok || api.on('unauthorized')) {
    if (endpoint === 'soap') {
      soapFault(cx, 'SOAP-ENV:Client.authenticationError', 'Invalid credentials');
    } else if (endpoint === 'rest') {
      restError(cx, 401, 'invalid username or password');
    } else {
      // The RaaS 401 body is unconfirmed: a plain page with the Kombo guide's message.
      htmlError(cx, 401, 'Invalid username or password!');
    }
    return true;
  }
  if (api.on('forbidden')) {
    if (endpoint === 'soap') soapFault(cx, 'SOAP-ENV:Client.validationError', 'Processing error occurred. The task submitted is not authorized.');
    else if (endpoint === 'rest') restError(cx, 403, 'The task submitted is not authorized.');
    else htmlError(cx, 403, 'The task submitted is not authorized.');
    return true;
  }
  return false;
}

function rest(cx) {
  const [, rawTenant, rest = ''] = REST_PATH.exec(cx.url.pathname);
  const tenant = decode(rawTenant);
  if (resourceGate(cx, tenant, 'rest')) return;
  if (rest === '/workers' || rest === '/workers/') return json(cx, 200, workers(cx, tenant));
  restError(cx, 404, 'Resource not found');
}

function raas(cx) {
  const [, rawTenant, , rawReport] = RAAS_PATH.exec(cx.url.pathname);
  const tenant = decode(rawTenant);
  const report = decode(rawReport);
  if (resourceGate(cx, tenant, 'raas')) return;
  const entries = reportEntries(report, cx.api);
  // the Workday notes' "Hosts and URL anatomy": Workday XML by default; json, csv (and simplexml, rss, gdata: XML-ish, served as XML).
  const format = (cx.url.searchParams.get('format') ?? '').toLowerCase();
  if (format === 'json') return json(cx, 200, { Report_Entry: entries });
  if (format === 'csv') return reply(cx, 200, 'text/csv;charset=UTF-8', reportCsv(entries));
  reply(cx, 200, 'application/xml;charset=UTF-8', reportXml(report, entries));
}

async function soap(cx) {
  const [, rawTenant, service, version] = SOAP_PATH.exec(cx.url.pathname);
  const tenant = decode(rawTenant);
  await readBody(cx.req);
  if (resourceGate(cx, tenant, 'soap')) return;
  if (!SOAP_SERVICES.has(service)) {
    // Unconfirmed wording; a client fault naming the service.
    return soapFault(cx, 'SOAP-ENV:Client', `Invalid request service: ${service}`);
  }
  const op = service === 'Learning' ? 'Get_Learning_Courses_Response' : 'Get_Workers_Response';
  reply(
    cx,
    200,
    'text/xml;charset=UTF-8',
    `<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Body><wd:${op} xmlns:wd="urn:com.workday/bsvc" wd:version="v${version}"><wd:Response_Results><wd:Total_Results>${PEOPLE.length}</wd:Total_Results><wd:Page>1</wd:Page></wd:Response_Results></wd:${op}></env:Body></env:Envelope>`,
  );
}

/** Runs an async handler with `cx.api` set; a failure answers 500 instead of leaving the request hanging. */
const guarded = (handler) => (cx) => {
  cx.api = cx.sim.api;
  Promise.resolve()
    .then(() => handler(cx))
    .catch((e) => {
      if (!cx.res.headersSent) htmlError(cx, 500, `simulator error: ${e.message}`);
      else cx.res.destroy();
    });
};

const onWorkdayHost = (cx) => cx.sim.api != null && isWorkdayHost(cx.host);

/**
 * The routes (see ROUTES in server.mjs): every request whose path starts with `/ccx/` on a
 * Workday host is an API request and is answered here (404 when no endpoint matches), plus the
 * control endpoint on the loopback address.
 */
export const API_ROUTES = [
  {
    name: 'the redirect switch target (logged; must never be reached by the live test)',
    method: 'GET',
    match: (cx) => cx.sim.api != null && cx.host === new URL(REDIRECT_TARGET).hostname,
    handle: guarded((cx) => reply(cx, 200, 'text/html;charset=UTF-8', '<!DOCTYPE html><title>Sign in</title><h1>Sign in</h1>\n')),
  },
  {
    name: 'API switches (loopback only: GET /wdcap-sim/api?set=a,b | ?reset)',
    method: 'GET',
    match: (cx) => cx.sim.api != null && cx.url.pathname === '/wdcap-sim/api' && !isWorkdayHost(cx.host),
    handle(cx) {
      const { api } = cx.sim;
      try {
        if (cx.url.searchParams.has('reset')) api.reset();
        if (cx.url.searchParams.has('set')) api.set(...cx.url.searchParams.get('set').split(',').filter(Boolean));
      } catch (e) {
        cx.res.writeHead(400, { 'Content-Type': 'application/json' });
        return cx.res.end(JSON.stringify({ error: e.message }));
      }
      cx.res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      cx.res.end(JSON.stringify({ switches: [...api.switches], available: Object.keys(SWITCHES) }));
    },
  },
  { name: 'OAuth token endpoint', method: 'POST', match: (cx) => onWorkdayHost(cx) && TOKEN_PATH.test(cx.url.pathname), handle: guarded(token) },
  { name: 'REST API', method: 'GET', match: (cx) => onWorkdayHost(cx) && REST_PATH.test(cx.url.pathname), handle: guarded(rest) },
  { name: 'RaaS report', method: 'GET', match: (cx) => onWorkdayHost(cx) && RAAS_PATH.test(cx.url.pathname), handle: guarded(raas) },
  {
    name: 'SOAP web service',
    method: 'POST',
    match: (cx) => onWorkdayHost(cx) && SOAP_PATH.test(cx.url.pathname) && !cx.url.pathname.startsWith('/ccx/service/customreport2/'),
    handle: guarded(soap),
  },
  {
    // `/ccx/oauth/…` instead of `/ccx/oauth2/…` lands here: 404 (the Workday notes' "Hosts and URL anatomy").
    name: 'any other web-service path',
    method: 'GET',
    match: (cx) => onWorkdayHost(cx) && cx.url.pathname.startsWith('/ccx/') && (cx.req.method === 'GET' || cx.req.method === 'HEAD'),
    handle: guarded((cx) => (blanketFailure(cx, 'token') ? undefined : htmlError(cx, 404, 'The requested resource was not found.'))),
  },
  {
    name: 'any other web-service path (POST)',
    method: 'POST',
    match: (cx) => onWorkdayHost(cx) && cx.url.pathname.startsWith('/ccx/'),
    handle: guarded(async (cx) => {
      await readBody(cx.req);
      if (!blanketFailure(cx, 'token')) htmlError(cx, 404, 'The requested resource was not found.');
    }),
  },
];

/**
 * The API's state for one simulator: credentials, issued tokens, switches, the request log.
 * @param {{fixturesDir: string, switches?: string[]}} options
 */
export function createApi({ fixturesDir, switches = [] }) {
  const credentials = loadCredentials(fixturesDir);
  const held = new Set();
  const api = {
    credentials,
    /** The ISU password the simulator accepts (made per start; no fixture shows one). */
    isuPassword: randomBytes(12).toString('base64url'),
    /** Live refresh tokens (rotation replaces entries) and issued access tokens. */
    refreshTokens: new Map(credentials.refreshTokens),
    accessTokens: new Map(),
    switches: new Set(),
    /** Every API request: {method, host, path (no query), tls, servername, status}. */
    log: [],
    on: (name) => api.switches.has(name),
    /** Turns switches on (adds to those on). Unknown names throw. */
    set(...names) {
      for (const n of names) {
        if (!Object.hasOwn(SWITCHES, n)) throw new Error(`unknown API switch ${JSON.stringify(n)}; known: ${Object.keys(SWITCHES).join(', ')}`);
      }
      for (const n of names) api.switches.add(n);
      return api;
    },
    /**
     * Back to a healthy tenant: no switches, the fixtures' refresh tokens (a rotated one is
     * forgotten), held requests dropped. Access tokens already issued stay valid until they expire.
     */
    reset() {
      api.switches.clear();
      api.refreshTokens = new Map(credentials.refreshTokens);
      api.release();
      return api;
    },
    clearLog() {
      api.log.length = 0;
    },
    record(cx, status) {
      const socket = cx.req.socket;
      const entry = {
        method: cx.req.method,
        host: cx.host,
        path: cx.url.pathname,
        tls: Boolean(socket.encrypted),
        servername: socket.servername || null,
        status,
      };
      api.log.push(entry);
      return entry;
    },
    hold(res) {
      held.add(res);
      res.on('close', () => held.delete(res));
    },
    /** Ends every held (never-answered) request by dropping its connection. */
    release() {
      for (const res of held) res.socket?.destroy();
      held.clear();
    },
  };
  api.set(...switches);
  return api;
}
