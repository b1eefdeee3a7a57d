// What the worker keeps per tenant (extension/worker/captures.js), as pure functions: splitting a page's
// values by tenant, merging, deduplicating, the evidence handed back to checkParams, the view.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  splitByTenant,
  merge,
  unchanged,
  evidence,
  checkOptions,
  tenantView,
  pageTitle,
  paramKey,
  MAX_PARAMS,
  NO_TENANT,
  markExported,
  exportedSince,
  addParam,
} from '../../extension/worker/captures.js';
import { worstSeverity as worst } from '../../extension/shared/findings.js';

const rest = { kind: 'rest_endpoint', value: 'https://wd3-impl-services1.workday.com/ccx/api/v1/acme', tenant: 'acme', label: 'Workday REST API Endpoint', name: null, source: { page: 'view_api_clients', label: 'Workday REST API Endpoint', node: 27 } };
const client = { kind: 'client_id', value: 'OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm', tenant: null, label: 'Client ID', name: 'Defender', source: { page: 'view_api_clients', label: 'Client ID', node: 115 } };
const other = { kind: 'token_endpoint', value: 'https://wd5-services1.myworkday.com/ccx/oauth2/globex/token', tenant: 'globex', label: 'Token Endpoint', name: null, source: { page: 'view_api_clients', node: 44 } };
const tab = { name: 'api_clients_tab', value: 'api_clients' };

const report = (params, settings = []) => ({ page: 'view_api_clients', params, settings, findings: [] });

test('values go to their own tenant, else the page address tenant', () => {
  const parts = splitByTenant(report([rest, client, other], [tab]), 'acme');
  assert.deepEqual([...parts.keys()], ['acme', 'globex']);
  assert.deepEqual(parts.get('acme').params, [rest, client]);
  assert.deepEqual(parts.get('acme').settings, [tab]);
  assert.deepEqual(parts.get('globex').params, [other]);
  assert.deepEqual(parts.get('globex').settings, []);
});

test('without a page tenant, settings go to the tenant most values name; nothing at all: the page tenant still gets its visit', () => {
  const parts = splitByTenant(report([rest, client, other], [tab]), null);
  assert.deepEqual([...parts.keys()], ['acme', NO_TENANT, 'globex']);
  assert.deepEqual(parts.get('acme').settings, [tab]);
  const empty = splitByTenant(report([]), 'acme');
  assert.deepEqual([...empty.entries()], [['acme', { params: [], settings: [] }]]);
  assert.equal(splitByTenant(report([]), null).size, 0);
});

test('merge keeps one entry per kind + value, the newest name/label, and records the page', () => {
  let record = merge(undefined, {
    tenant: 'acme',
    page: 'view_api_clients',
    title: 'View API Clients - Workday',
    url: 'https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld',
    at: 1,
    params: [rest, client],
    settings: [tab],
  });
  assert.deepEqual(record.pages, {
    view_api_clients: { title: 'View API Clients', url: 'https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld', at: 1 },
  });
  assert.deepEqual(record.params[1], {
    kind: 'client_id',
    value: client.value,
    name: 'Defender',
    tenant: 'acme',
    label: 'Client ID',
    page: 'view_api_clients',
    at: 1,
  });
  assert.equal(record.params[0].tenant, 'acme');
  assert.ok(!('node' in record.params[0]) && !('source' in record.params[0]), 'page-local node indices are not kept');

  record = merge(record, {
    tenant: 'acme',
    page: 'view_api_clients',
    title: 'View API Clients - Workday',
    url: 'u',
    at: 2,
    params: [{ ...client, name: null }, { ...client, value: `${client.value} ` }],
    settings: [{ name: 'api_clients_tab', value: 'api_clients_for_integrations' }],
  });
  assert.equal(record.params.length, 3, 'a value differing by a trailing space is another value');
  assert.equal(record.params[1].name, 'Defender', 'a later capture without a name keeps the name');
  assert.equal(record.params[1].at, 2);
  // The same page at another address is another page: its settings join, they do not replace.
  assert.deepEqual(record.settings, [
    { name: 'api_clients_tab', value: 'api_clients_for_integrations', page: 'view_api_clients', url: 'u', at: 2 },
    { ...tab, page: 'view_api_clients', url: 'https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld', at: 1 },
  ]);
  // Read again at the same address: replaced.
  record = merge(record, { tenant: 'acme', page: 'view_api_clients', url: 'u', at: 3, params: [], settings: [tab] });
  assert.deepEqual(
    record.settings.map((s) => [s.value, s.url, s.at]),
    [
      [tab.value, 'u', 3],
      [tab.value, 'https://wd3-impl.workday.com/acme/d/task/2997$2151.htmld', 1],
    ],
  );
  assert.equal(record.updated, 3);
});

test('merge bounds a tenant to MAX_PARAMS values, dropping the least recently seen', () => {
  let record;
  for (let i = 0; i <= MAX_PARAMS; i++) {
    record = merge(record, { tenant: 't', page: 'p', at: i, params: [{ kind: 'client_id', value: `v${i}` }], settings: [] });
  }
  assert.equal(record.params.length, MAX_PARAMS);
  assert.ok(!record.params.some((p) => p.value === 'v0'));
  assert.ok(record.params.some((p) => p.value === `v${MAX_PARAMS}`));
});

test('a capture that adds nothing but newer times is unchanged, for a minute', () => {
  const capture = { tenant: 'acme', page: 'view_api_clients', title: 'T', url: 'u', params: [rest, client], settings: [tab] };
  const first = merge(undefined, { ...capture, at: 1000 });
  assert.equal(unchanged(undefined, first), false);
  assert.equal(unchanged(first, merge(first, { ...capture, at: 2000 })), true);
  assert.equal(unchanged(first, merge(first, { ...capture, at: 1000 + 60000 })), false, 'refreshed after a minute');
  assert.equal(unchanged(first, merge(first, { ...capture, at: 2000, params: [other] })), false);
  assert.equal(unchanged(first, merge(first, { ...capture, at: 2000, settings: [] })), true, 'settings are kept, not removed');
});

test('evidence is what checkParams takes; options default to sso unknown', () => {
  const record = merge(undefined, { tenant: 'acme', page: 'view_api_clients', at: 1, params: [rest, client], settings: [tab] });
  assert.deepEqual(evidence(record), {
    params: [
      { kind: 'rest_endpoint', value: rest.value, name: null, tenant: 'acme', source: { page: 'view_api_clients', label: 'Workday REST API Endpoint' } },
      { kind: 'client_id', value: client.value, name: 'Defender', tenant: 'acme', source: { page: 'view_api_clients', label: 'Client ID' } },
    ],
    settings: [tab],
  });
  assert.deepEqual(checkOptions(undefined), { sso: 'unknown' });
  assert.deepEqual(checkOptions({ sso: 'bogus' }), { sso: 'unknown' });
  assert.deepEqual(checkOptions({ sso: 'yes', integration: 'kombo' }), { sso: 'yes', integration: 'kombo' });
});

test('the view joins each value with its findings and counts them', () => {
  const record = merge(undefined, { tenant: 'acme', page: 'view_api_clients', at: 5, params: [rest, client], settings: [] });
  const finding = { code: 'x', severity: 'error', param: 1, message: 'm', fix: 'f', fixed_value: null };
  const general = { code: 'y', severity: 'warning', param: null, message: 'g', fix: '', fixed_value: null };
  const view = tenantView(record, { params: [rest, client], findings: [finding, general], settings: [] }, { sso: 'yes' });
  assert.equal(view.params[1].severity, 'error');
  assert.deepEqual(view.params[1].findings, [finding]);
  assert.equal(view.params[0].severity, 'ok');
  assert.equal(view.params[0].page, 'view_api_clients');
  assert.deepEqual(view.findings, [general]);
  assert.deepEqual(view.counts, { error: 1, warning: 1, info: 0 });
  assert.deepEqual(view.prefs, { sso: 'yes', integration: null, securityGroup: null });
});

test('small helpers', () => {
  assert.equal(worst([]), 'ok');
  assert.equal(worst([{ severity: 'info' }, { severity: 'warning' }]), 'warning');
  assert.equal(worst([{ severity: 'warning' }, { severity: 'error' }, { severity: 'info' }]), 'error');
  assert.equal(pageTitle('View API Clients - Workday'), 'View API Clients');
  assert.equal(pageTitle('Afficher les clients API – Workday'), 'Afficher les clients API');
  assert.equal(pageTitle(undefined), '');
  assert.notEqual(paramKey({ kind: 'client_id', value: 'a' }), paramKey({ kind: 'client_secret', value: 'a' }));
});

test('a partner export used is kept through later captures and counts from the checklist reset on', () => {
  let record = merge(null, { tenant: 'acme', page: 'view_urls', title: 'View URLs', url: 'u', at: 1000, params: [rest], settings: [] });
  assert.deepEqual(exportedSince(record), []);
  record = markExported(record, 'acme', 'ten-thousand-coffees', 2000);
  assert.equal(record.params.length, 1, 'the values stay');
  // Later captures and accepted values keep it.
  record = merge(record, { tenant: 'acme', page: 'view_ids', title: 'View IDs', url: 'v', at: 3000, params: [], settings: [tab] });
  record = addParam(record, 'acme', { kind: 'soap_endpoint', value: 'https://wd3-impl-services1.workday.com/ccx/service/acme/Learning/v39.2' }, 3500);
  assert.deepEqual(exportedSince(record), ['ten-thousand-coffees']);
  assert.deepEqual(exportedSince(record, 2000), ['ten-thousand-coffees']);
  // Used before the checklist was reset: not evidence any more.
  assert.deepEqual(exportedSince(record, 2500), []);
});

// Refresh tokens (workday-notes.md, "Values": generating a new refresh token invalidates the
// old one). Manage
// Refresh Tokens shows a token once, when it is generated; the same page seen again (the back
// button, history) shows a token that may be dead by now.
const ISU_A = 'ISU_Defender';
const ISU_B = 'ISU_Kombo';
const token = (value, name) => ({
  kind: 'refresh_token',
  value,
  name,
  tenant: 'acme',
  label: 'Refresh Token',
  source: { page: 'manage_refresh_tokens', label: 'Refresh Token', node: 40 },
});
const T1 = 'a'.repeat(100);
const T2 = 'b'.repeat(100);
const T3 = 'c'.repeat(100);
const visit = (record, at, ...params) =>
  merge(record, { tenant: 'acme', page: 'manage_refresh_tokens', title: 'Manage Refresh Tokens', url: `u${at}`, at, params, settings: [] });
const tokensOf = (record) => record.params.filter((p) => p.kind === 'refresh_token').map((p) => p.value);
const evidenceTokens = (record) => evidence(record).params.filter((p) => p.kind === 'refresh_token').map((p) => p.value);

async function withLiveWorker(body) {
  return body(await import('../../extension/worker/live-worker.js'));
}

test('a newer refresh token for the same account replaces the older; revisiting the old page does not bring it back', async () => {
  let record = visit(undefined, 1000, token(T1, ISU_A));
  record = visit(record, 2000, token(T2, ISU_A));
  assert.deepEqual(tokensOf(record), [T2], 'the older token of the same account is no longer current');
  assert.deepEqual(evidenceTokens(record), [T2]);
  // Back to the page that showed T1.
  const revisited = visit(record, 3000, token(T1, ISU_A));
  assert.deepEqual(tokensOf(revisited), [T2], 'a replaced token is not captured again');
  assert.equal(revisited.params.find((p) => p.value === T2).at, 2000, 'the current token is left as it was');
  assert.equal(revisited.pages.manage_refresh_tokens.at, 3000, 'the visit itself is recorded');
  assert.deepEqual(evidenceTokens(revisited), [T2]);
  await withLiveWorker(({ liveEvidence }) => {
    assert.deepEqual(
      liveEvidence(revisited).params.filter((p) => p.kind === 'refresh_token').map((p) => p.value),
      [T2],
      'the live test tests the current token',
    );
  });
  // Seeing the current token again is an ordinary re-capture.
  assert.deepEqual(tokensOf(visit(revisited, 4000, token(T2, ISU_A))), [T2]);
});

test('a token the live test renewed stays replaced when its page is revisited', async () => {
  await withLiveWorker(({ renewRefreshToken, liveEvidence }) => {
    let record = visit(undefined, 1000, token(T1, ISU_A));
    record = renewRefreshToken(record, T1, T3, 2000);
    assert.deepEqual(tokensOf(record), [T3]);
    const revisited = visit(record, 3000, token(T1, ISU_A));
    assert.deepEqual(tokensOf(revisited), [T3]);
    assert.equal(revisited.params[0].renewed, 2000);
    assert.deepEqual(
      liveEvidence(revisited).params.map((p) => p.value),
      [T3],
    );
    // The other record builders keep what is known to be replaced.
    const later = markExported(addParam(revisited, 'acme', { kind: 'client_id', value: client.value }, 3500), 'acme', 'kombo', 3600);
    assert.deepEqual(tokensOf(visit(later, 4000, token(T1, ISU_A))), [T3]);
  });
});

test('refresh tokens of other accounts, or of an account not shown, replace nothing', () => {
  let record = visit(undefined, 1000, token(T1, ISU_A));
  record = visit(record, 2000, token(T2, ISU_B));
  record = visit(record, 3000, token(T3, null));
  assert.deepEqual(tokensOf(record), [T1, T2, T3]);
  assert.deepEqual(evidenceTokens(visit(record, 4000, token(T1, ISU_A))), [T1, T2, T3]);
});
