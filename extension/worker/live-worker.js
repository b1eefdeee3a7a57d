// @ts-check
// The live connection test in the service worker: on an explicit click in the popup, the worker
// runs the core's liveTest with the tenant's captured values, the tenant and the UI host its
// pages were read on, and the partner, and answers with each probe's result. The requests go from
// here (a service worker fetch to a host the extension has permission for is exempt from CORS in
// Chromium and Firefox), to the tenant's own API host only: the core derives it from the UI host
// and refuses to run, sending nothing, when a value it would use points elsewhere
// (docs/live-test.md); the access token never leaves the wasm call.
//
// Which values it uses is the core's (liveInputs: the partner's API client's values and the
// tenant-wide ones, never two clients'), and so are the hosts it may call.
//
// Protocol (shared/messages.js): the popup opens a port named LIVE_PORT (the router lets only
// the extension's pages open one) and posts {type: 'start', key, isu_password?}; the worker
// answers {type: 'started', timeoutMs} then {type: 'result', …}. The popup posts
// {type: 'cancel'} to stop; closing the popup (the port disconnects) stops the test too. The
// ISU password is used for this one test and never stored.
//
// When the tenant issued a new refresh token, it replaces the tested one in the tenant's
// captured values (chrome.storage.session) at once: the old one may no longer work. Each run is
// noted in the record (when, whether it passed, which client and token), for the popup.

import { LIVE_MESSAGES } from '../shared/messages.js';

/**
 * @import { Options, Prefs, RecordChange } from '../shared/generated/core-types'
 * @import { LiveDone, LiveRequest, LiveResult, LiveStarted } from '../shared/messages.js'
 */

/** The whole test's time limit: long enough for four slow calls, short enough to wait for. */
export const DEFAULT_TIMEOUT_MS = 20000;
const MIN_TIMEOUT_MS = 1000;
const MAX_TIMEOUT_MS = 60000;

/**
 * Host-permission patterns for the https hosts the probes would call (the core lists them).
 * @param {readonly string[] | undefined} hosts
 */
export function originsOf(hosts) {
  return [...new Set((hosts ?? []).map((h) => `https://${h}/*`))];
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
 * @property {Pick<typeof import('./core.js'), 'liveTest' | 'liveInputs' | 'changeRecord' | 'fingerprint'>} core
 * @property {<T>(task: () => T | Promise<T>) => Promise<T>} serially
 * @property {(key: string) => Promise<unknown>} readRecord
 * @property {(key: string, record: unknown) => Promise<void>} writeRecord
 * @property {(key: string) => Promise<Prefs>} readPrefs
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
  /**
   * @param {string} key
   * @param {RecordChange} change
   */
  const note = (key, change) =>
    serially(async () => {
      const result = await core.changeRecord(key, await readRecord(key), change);
      if (result.ok) await writeRecord(key, result.report);
    });

  port.onMessage.addListener(async (/** @type {LiveRequest | undefined} */ message) => {
    if (message?.type === LIVE_MESSAGES.cancel) {
      controller.abort();
      return;
    }
    if (message?.type !== LIVE_MESSAGES.start || running) return;
    running = true;
    const key = message.key;
    if (typeof key !== 'string' || !key) {
      post({ type: LIVE_MESSAGES.result, ok: false, error: { code: 'bad_message', message: 'key must be a record key' } });
      return;
    }
    const record = await readRecord(key);
    if (record == null) {
      post({ type: LIVE_MESSAGES.result, ok: false, error: { code: 'nothing_captured', message: 'nothing is captured for this tenant' } });
      return;
    }
    const prefs = await readPrefs(key);
    const password = typeof message.isu_password === 'string' ? message.isu_password : undefined;
    const inputs = await core.liveInputs(record, prefs, password);
    if (!inputs.ok) {
      post({ type: LIVE_MESSAGES.result, ok: false, error: inputs.error });
      return;
    }
    const { evidence, hosts, client, refresh_token: token } = inputs.report;
    const origins = originsOf(hosts);
    if (origins.length && chrome.permissions?.contains && !(await chrome.permissions.contains({ origins }))) {
      post({ type: LIVE_MESSAGES.result, ok: false, error: { code: 'host_permission', message: origins.join(' ') }, origins });
      return;
    }
    const timeoutMs = timeLimit();
    const started = Date.now();
    post({ type: LIVE_MESSAGES.started, timeoutMs });
    live.runs = (live.runs ?? 0) + 1;
    const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(timeoutMs)]);
    /** @type {Options} */
    const options = { sso: prefs.sso ?? 'unknown', ...(prefs.integration ? { integration: prefs.integration } : {}) };
    // The core's watchdog: a test still running 5 s past its own time limit is taken for a trap
    // (the module is replaced once the test is given up on; core.js).
    const result = await core.liveTest(evidence, options, signal, timeoutMs + 5000);
    const elapsedMs = Date.now() - started;
    if (!result.ok) {
      post({ type: LIVE_MESSAGES.result, ok: false, timeoutMs, elapsedMs, error: result.error });
      return;
    }
    const { new_refresh_token: fresh, ...report } = result.report;
    const at = Date.now();
    /** @type {LiveDone} */
    const reply = {
      type: LIVE_MESSAGES.result,
      ok: true,
      timeoutMs,
      elapsedMs,
      report,
      cancelled: controller.signal.aborted,
      timedOut: !controller.signal.aborted && signal.aborted,
      client: client?.name ?? null,
      refreshToken: token ?? null,
      at,
    };
    await note(key, {
      change: 'live_run',
      run: { at, passed: report.passed, client: client?.name ?? null, account: token?.account ?? null, token_fingerprint: token?.fingerprint ?? null },
    });
    if (fresh) {
      const tested = evidence.params?.find((p) => p.kind === 'refresh_token')?.value ?? null;
      await note(key, { change: 'renewed', tested, fresh, client: client?.name ?? null, at });
      // Shown masked (length, fingerprint) until the user reveals it, like every secret.
      const fp = await core.fingerprint(fresh);
      reply.renewed = { value: fresh, length: fresh.length, fingerprint: fp.ok ? fp.value : null, saved: true };
    }
    post(reply);
  });
}
