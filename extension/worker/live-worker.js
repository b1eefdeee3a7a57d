// @ts-check
// The live connection test in the service worker: on an explicit click in the popup, the worker
// runs the core's liveTest with the tenant's captured values, the tenant and the UI host its
// pages were read on, and the partner, and answers with each probe's result. The requests go from
// here (a service worker fetch to a host the extension has permission for is exempt from CORS in
// Chromium and Firefox), to the tenant's own API host only: the core derives it from the UI host
// and refuses to run, sending nothing, when a value it would use points elsewhere
// (docs/live-test.md); the access token never leaves the wasm call.
//
// Protocol (shared/messages.js): the popup opens a port named LIVE_PORT (the router lets only
// the extension's pages open one) and posts {type: 'start', tenant, isu_password?}; the worker
// answers {type: 'started', timeoutMs} then {type: 'result', …}. The popup posts
// {type: 'cancel'} to stop; closing the popup (the port disconnects) stops the test too. The
// ISU password is used for this one test and never stored.
//
// When the tenant issued a new refresh token, it replaces the tested one in the tenant's
// captured values (chrome.storage.session) at once: the old one may no longer work.

import { checkOptions, evidence, retire } from './captures.js';
import { LIVE_MESSAGES } from '../shared/messages.js';

/**
 * @import { LiveEvidence, ParamKind } from '../shared/generated/core-types'
 * @import { LiveDone, LiveRequest, LiveResult, LiveStarted } from '../shared/messages.js'
 * @import { Prefs, TenantRecord } from '../shared/types.js'
 */

/** The whole test's time limit: long enough for four slow calls, short enough to wait for. */
export const DEFAULT_TIMEOUT_MS = 20000;
const MIN_TIMEOUT_MS = 1000;
const MAX_TIMEOUT_MS = 60000;

/** The URL kinds the probes call. @type {readonly ParamKind[]} */
const PROBED_KINDS = ['token_endpoint', 'rest_endpoint', 'raas_url', 'soap_endpoint'];

/**
 * The UI host the tenant's pages were read on: the host of the record's newest page visit (null
 * when it has none). The core derives the tenant's own API host from it.
 * @param {TenantRecord | undefined} record
 * @returns {string | null}
 */
export function uiHostOf(record) {
  const visits = Object.values(record?.pages ?? {})
    .filter((v) => typeof v?.url === 'string')
    .sort((a, b) => (b?.at ?? 0) - (a?.at ?? 0));
  for (const visit of visits) {
    try {
      return new URL(/** @type {string} */ (visit?.url)).hostname;
    } catch {
      // Not an address: the next visit may be.
    }
  }
  return null;
}

/**
 * The values to test, newest capture first: the probes take the first value of each kind, so
 * the one the admin saw last (a secret or refresh token just generated) is the one tested. With
 * them, the record's tenant and UI host: the secrets go only to that tenant's own API host.
 * @param {TenantRecord | undefined} record
 * @param {unknown} [isuPassword]
 * @returns {LiveEvidence}
 */
export function liveEvidence(record, isuPassword) {
  const newestFirst = [...(record?.params ?? [])].sort((a, b) => (b.at ?? 0) - (a.at ?? 0));
  const params = evidence({ params: newestFirst, settings: [] }).params;
  /** @type {LiveEvidence} */
  const out = { params };
  if (typeof record?.tenant === 'string' && record.tenant) out.tenant = record.tenant;
  const uiHost = uiHostOf(record);
  if (uiHost) out.ui_host = uiHost;
  if (typeof isuPassword === 'string' && isuPassword !== '') out.isu_password = isuPassword;
  return out;
}

/**
 * Host-permission patterns for the https hosts the probes would call.
 * @param {readonly {kind: ParamKind, value: string}[] | undefined} params
 */
export function probedOrigins(params) {
  /** @type {Set<string>} */
  const origins = new Set();
  for (const p of params ?? []) {
    if (!PROBED_KINDS.includes(p.kind)) continue;
    try {
      const url = new URL(String(p.value).trim());
      if (url.protocol === 'https:') origins.add(`https://${url.hostname}/*`);
    } catch {
      // Not a URL: the core skips the probe and says why.
    }
  }
  return [...origins];
}

/**
 * The record with the refresh token `tested` replaced by `fresh` (the one the tenant issued),
 * marked `renewed`; a new record. A record without `tested` gets `fresh` added. `tested` is
 * retired (captures.js): seen again on an old Manage Refresh Tokens page, it is not captured
 * again.
 * @param {TenantRecord} record
 * @param {string | undefined} tested
 * @param {string} fresh
 * @param {number} at
 * @returns {TenantRecord}
 */
export function renewRefreshToken(record, tested, fresh, at) {
  const params = (record?.params ?? []).filter((p) => !(p.kind === 'refresh_token' && p.value === fresh));
  const i = params.findIndex((p) => p.kind === 'refresh_token' && p.value === tested);
  let retired = (record?.retired ?? []).filter((r) => !(r.kind === 'refresh_token' && r.value === fresh));
  if (i >= 0) {
    retired = retire(retired, params[i], at, 'renewed');
    params[i] = { ...params[i], value: fresh, at, renewed: at };
  } else {
    params.push({
      kind: 'refresh_token',
      value: fresh,
      name: null,
      tenant: record?.tenant || null,
      label: null,
      page: null,
      at,
      renewed: at,
    });
  }
  return { ...record, updated: at, params, ...(retired.length ? { retired } : {}) };
}

/**
 * `globalThis.wdcapLive`: the time limit (a diagnostics and test knob) and how many tests ran;
 * made when the worker starts.
 * @returns {{timeoutMs: number, runs: number}}
 */
export function liveGlobals() {
  const g = /** @type {{wdcapLive?: {timeoutMs: number, runs: number}}} */ (globalThis);
  g.wdcapLive ??= { timeoutMs: DEFAULT_TIMEOUT_MS, runs: 0 };
  return g.wdcapLive;
}

/** The time limit now (globalThis.wdcapLive.timeoutMs), bounded. */
function timeLimit() {
  const ms = Number(liveGlobals().timeoutMs);
  if (!Number.isFinite(ms)) return DEFAULT_TIMEOUT_MS;
  return Math.min(MAX_TIMEOUT_MS, Math.max(MIN_TIMEOUT_MS, ms));
}

/**
 * What the live test needs of the worker: the core, and the tenant's record and preferences.
 * @typedef {object} LiveDeps
 * @property {{liveTest: typeof import('./core.js').liveTest, livePlan: typeof import('./core.js').livePlan, fingerprint: typeof import('./core.js').fingerprint}} core
 * @property {<T>(task: () => T | Promise<T>) => Promise<T>} serially
 * @property {(tenant: string) => Promise<TenantRecord | undefined>} readRecord
 * @property {(record: TenantRecord) => Promise<void>} writeRecord
 * @property {(tenant: string) => Promise<Prefs>} readPrefs
 */

/**
 * Serves one port the popup opened for a test (the router checked who opened it).
 * @param {chrome.runtime.Port} port
 * @param {LiveDeps} deps
 */
export function onLivePort(port, { core, serially, readRecord, writeRecord, readPrefs }) {
  const live = liveGlobals();
  const controller = new AbortController();
  let running = false;
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
    controller.abort(); // the popup closed: nobody is waiting for the answer
  });
  /** @param {LiveStarted | LiveResult} message */
  const post = (message) => {
    if (open) port.postMessage(message);
  };

  port.onMessage.addListener(async (/** @type {LiveRequest | undefined} */ message) => {
    if (message?.type === LIVE_MESSAGES.cancel) {
      controller.abort();
      return;
    }
    if (message?.type !== LIVE_MESSAGES.start || running) return;
    running = true;
    const tenant = message.tenant;
    if (typeof tenant !== 'string') {
      post({ type: LIVE_MESSAGES.result, ok: false, error: { code: 'bad_message', message: 'tenant must be a string' } });
      return;
    }
    const record = await readRecord(tenant);
    if (!record) {
      post({ type: LIVE_MESSAGES.result, ok: false, error: { code: 'nothing_captured', message: `nothing is captured for ${tenant}` } });
      return;
    }
    const ev = liveEvidence(record, message.isu_password);
    const options = checkOptions(await readPrefs(tenant));
    // The core says first where the test would send the values: the tenant's own API host, or
    // nowhere (it refuses, and liveTest below says why without sending anything).
    const plan = await core.livePlan(ev, options);
    if (!plan.ok) {
      post({ type: LIVE_MESSAGES.result, ok: false, error: plan.error });
      return;
    }
    const origins = plan.report.hosts.map((host) => `https://${host}/*`);
    if (origins.length && chrome.permissions?.contains && !(await chrome.permissions.contains({ origins }))) {
      post({ type: LIVE_MESSAGES.result, ok: false, error: { code: 'host_permission', message: origins.join(' ') }, origins });
      return;
    }
    const timeoutMs = timeLimit();
    const started = Date.now();
    post({ type: LIVE_MESSAGES.started, timeoutMs });
    live.runs = (live.runs ?? 0) + 1;
    const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(timeoutMs)]);
    // The core's watchdog: a test still running 5 s past its own time limit is taken for a trap
    // (the module is replaced once the test is given up on; core.js).
    const result = await core.liveTest(ev, options, signal, timeoutMs + 5000);
    const elapsedMs = Date.now() - started;
    if (!result.ok) {
      post({ type: LIVE_MESSAGES.result, ok: false, timeoutMs, elapsedMs, error: result.error });
      return;
    }
    const { new_refresh_token: fresh, ...report } = result.report;
    /** @type {LiveDone} */
    const reply = {
      type: LIVE_MESSAGES.result,
      ok: true,
      timeoutMs,
      elapsedMs,
      report,
      cancelled: controller.signal.aborted,
      timedOut: !controller.signal.aborted && signal.aborted,
    };
    if (fresh) {
      const tested = ev.params?.find((p) => p.kind === 'refresh_token')?.value;
      await serially(async () => {
        const current = await readRecord(tenant);
        if (current) await writeRecord(renewRefreshToken(current, tested, fresh, Date.now()));
      });
      // Shown masked (length, fingerprint) until the user reveals it, like every secret.
      const fp = await core.fingerprint(fresh);
      reply.renewed = { value: fresh, length: fresh.length, fingerprint: fp.ok ? fp.value : null, saved: true };
    }
    post(reply);
  });
}
