// @ts-check
// The popup's "Live test" section (docs/live-test.md): on an explicit click, the service worker sends the
// tenant's captured values (the partner's API client's, never two clients') to the tenant's own
// Workday hosts and this section shows what it used (which API client, which refresh token by
// account and fingerprint, when it last ran) and what each probe the partner uses found: status,
// summary, findings with their fixes, the requests made (method, URL without its query, status). A Cancel button and a time limit stop it; an optional ISU
// password (for RaaS/SOAP basic auth) is sent for this one test, never stored, and cleared; a
// refresh token the tenant issued in exchange is shown masked, with Show and Copy, and has
// already replaced the old one in the tenant's captured values.
//
//   import { liveSection } from '../live/live.js';
//   body.append(liveSection(entry));   // entry: a tenant of the worker's 'wdcap/view' answer
//
// One element per tenant lives for the page's lifetime: the popup re-renders on every capture,
// and re-appending the same element keeps a running test, its result and a half-typed password.
// Nothing runs without a click. Every string goes through chrome.i18n (ui.js `t`).

import { t, h, prose, findingItem, copyButton, masked, announce } from '../../shared/ui.js';
import { originsOf } from '../../worker/live-worker.js';
import { LIVE_MESSAGES, LIVE_PORT } from '../../shared/messages.js';

/**
 * @import { ProbeKind, StepResult, StepStatus, TokenRef } from '../../shared/generated/core-types'
 * @import { LiveResult, LiveStarted, RenewedToken } from '../../shared/messages.js'
 * @import { TenantEntry } from '../../shared/types.js'
 */

/**
 * One tenant's section: its elements, the tenant it shows, the port of a running test.
 * @typedef {object} LiveSectionState
 * @property {string} key
 * @property {TenantEntry} entry
 * @property {chrome.runtime.Port | null} port
 * @property {HTMLElement} root
 * @property {HTMLElement} introText
 * @property {HTMLElement} uses
 * @property {HTMLInputElement} password
 * @property {HTMLButtonElement} run
 * @property {HTMLButtonElement} cancel
 * @property {HTMLElement} status
 * @property {HTMLElement} steps
 * @property {HTMLElement} renewed
 */

/** @type {Map<string, LiveSectionState>} record key → its section */
const sections = new Map();

/** @type {readonly ProbeKind[]} */
const PROBES = ['oauth', 'rest', 'raas', 'soap'];
// Literal keys (not built from the probe's name), so a scan of the sources finds every key used.
/** @type {Record<ProbeKind, () => string>} */
const PROBE_TITLES = {
  oauth: () => t('liveProbe_oauth'),
  rest: () => t('liveProbe_rest'),
  raas: () => t('liveProbe_raas'),
  soap: () => t('liveProbe_soap'),
};
/** @type {Record<StepStatus, () => string>} */
const STATUS_LABELS = {
  passed: () => t('liveStatus_passed'),
  failed: () => t('liveStatus_failed'),
  skipped: () => t('liveStatus_skipped'),
};

/**
 * The section for `entry`'s tenant (the same element on every call).
 * @param {TenantEntry} entry
 */
export function liveSection(entry) {
  let s = sections.get(entry.key);
  if (!s) {
    s = create(entry);
    sections.set(entry.key, s);
  }
  s.entry = entry;
  intro(s);
  return s.root;
}

/** @param {LiveSectionState} s */
const summaryOf = (s) => s.entry.view?.live;
/** @param {LiveSectionState} s */
const originsFor = (s) => originsOf(summaryOf(s)?.hosts);
/**
 * Whether a click has anything to do: hosts to call, or a refusal to show (the worker sends
 * nothing then, and says why).
 * @param {LiveSectionState} s
 */
const runnable = (s) => Boolean(summaryOf(s)?.hosts.length || summaryOf(s)?.refused.length);

/**
 * @param {TenantEntry} entry
 * @returns {LiveSectionState}
 */
function create(entry) {
  const id = `live-password-${sections.size}`;
  const introText = h('p', { class: 'live-intro' });
  const uses = h('p', { class: 'live-uses' });
  const password = h('input', {
    type: 'password',
    id,
    class: 'live-password',
    autocomplete: 'new-password', // never offered to a password manager as a login to save
    spellcheck: 'false',
    'aria-describedby': `${id}-hint`,
  });
  const run = h('button', { type: 'button', class: 'live-run primary' }, t('liveRun'));
  const cancel = h('button', { type: 'button', class: 'live-cancel', hidden: true }, t('liveCancel'));
  const status = h('p', { class: 'live-status', role: 'status', 'aria-live': 'polite' });
  const steps = h('ol', { class: 'live-steps', 'aria-label': t('liveResults') });
  const renewed = h('div', { class: 'live-renewed', hidden: true });
  const root = h(
    'section',
    { class: 'live', 'data-tenant': entry.tenant, 'data-key': entry.key, 'data-state': 'idle', 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title`, text: t('liveTitle') }),
    introText,
    uses,
    h(
      'div',
      { class: 'live-password-row' },
      h('label', { for: id, text: t('livePasswordLabel') }),
      password,
      h('p', { class: 'hint', id: `${id}-hint`, text: t('livePasswordHint') }),
    ),
    h('div', { class: 'live-actions' }, run, cancel),
    status,
    renewed,
    steps,
  );
  /** @type {LiveSectionState} */
  const s = { key: entry.key, entry, port: null, root, introText, uses, password, run, cancel, status, steps, renewed };
  run.addEventListener('click', () => start(s));
  cancel.addEventListener('click', () => s.port?.postMessage({ type: LIVE_MESSAGES.cancel }));
  return s;
}

/**
 * What a test would use: the hosts it would call, the API client, the refresh token, and when
 * it last ran (the core's view of the tenant says).
 * @param {LiveSectionState} s
 */
function intro(s) {
  const live = summaryOf(s);
  const hosts = live?.hosts ?? [];
  s.introText.textContent = live?.refused.length ? t('liveIntroRefused') : hosts.length ? t('liveIntro', hosts.join(', ')) : t('liveIntroNothing');
  s.run.disabled = !runnable(s) || s.port != null;
  if (live) usesLine(s, live.client?.name ?? null, live.refresh_token ?? null, live.last ? { at: live.last.at, passed: live.last.passed } : null);
}

/**
 * The line saying which client and refresh token a test uses, and the last run.
 * @param {LiveSectionState} s
 * @param {string | null} client
 * @param {TokenRef | null} token
 * @param {{at: number, passed: boolean} | null} last
 */
function usesLine(s, client, token, last) {
  const parts = [];
  if (client) parts.push(t('liveUsesClient', client));
  if (token) parts.push(t('liveUsesToken', token.account ?? '?', token.fingerprint));
  if (last) parts.push(t('liveLastRun', new Date(last.at).toLocaleString(document.documentElement.lang || undefined), last.passed ? t('liveStatus_passed') : t('liveStatus_failed')));
  s.uses.textContent = parts.join(' \u00b7 ');
  s.uses.hidden = !parts.length;
}

/**
 * @param {LiveSectionState} s
 * @param {'idle' | 'running' | 'done'} state
 */
function setState(s, state) {
  s.root.dataset.state = state;
  const running = state === 'running';
  s.run.hidden = running;
  s.cancel.hidden = !running;
  s.cancel.disabled = false;
  s.run.disabled = running || !runnable(s);
  s.run.textContent = state === 'idle' ? t('liveRun') : t('liveRunAgain');
}

/**
 * @param {LiveSectionState} s
 * @param {string} text
 * @param {string} [tone]
 */
function say(s, text, tone) {
  s.status.textContent = text;
  s.status.className = `live-status${tone ? ` ${tone}` : ''}`;
}

/** @param {LiveSectionState} s */
async function start(s) {
  if (s.port) return;
  const origins = originsFor(s);
  // Firefox grants host permissions only on request, from a click: ask first, synchronously in
  // the click. The origins are the tenant's Workday hosts, all within the manifest's
  // host_permissions; Chromium has them already and answers at once.
  let granted = true;
  try {
    if (origins.length && chrome.permissions?.request) granted = await chrome.permissions.request({ origins });
  } catch {
    granted = true; // the worker checks again and says what is missing
  }
  if (!granted) {
    say(s, t('liveNeedsAccess', origins.map((o) => new URL(o.replace('/*', '/')).hostname).join(', ')), 'failed');
    return;
  }
  const password = s.password.value;
  s.password.value = ''; // used for this test only
  s.steps.replaceChildren();
  s.renewed.hidden = true;
  s.renewed.replaceChildren();
  setState(s, 'running');
  say(s, t('liveStarting'));
  const port = chrome.runtime.connect({ name: LIVE_PORT });
  s.port = port;
  let answered = false;
  port.onMessage.addListener((/** @type {LiveStarted | LiveResult | undefined} */ message) => {
    if (message?.type === LIVE_MESSAGES.started) {
      say(s, t('liveRunning', Math.round(message.timeoutMs / 1000)));
    } else if (message?.type === LIVE_MESSAGES.result) {
      answered = true;
      finish(s, message);
      port.disconnect();
    }
  });
  port.onDisconnect.addListener(() => {
    s.port = null;
    if (!answered) {
      setState(s, 'done');
      say(s, t('liveInterrupted'), 'failed');
    }
  });
  port.postMessage({ type: LIVE_MESSAGES.start, key: s.key, ...(password ? { isu_password: password } : {}) });
}

/**
 * @param {LiveSectionState} s
 * @param {LiveResult} message
 */
function finish(s, message) {
  s.port = null;
  setState(s, 'done');
  if (!message.ok) {
    const text =
      message.error?.code === 'host_permission'
        ? t('liveNeedsAccess', (message.origins ?? []).map((o) => new URL(o.replace('/*', '/')).hostname).join(', '))
        : t('liveError', message.error?.message ?? '?');
    say(s, text, 'failed');
    s.root.dataset.outcome = 'error';
    return;
  }
  const { report } = message;
  usesLine(s, message.client, message.refreshToken, { at: message.at, passed: report.passed });
  if (report.refused?.length) {
    // It did not run: a value it would use is not the tenant's own API (or that is unknown), or
    // the set pairs two API clients' values. Nothing was sent; each reason with its fix.
    s.root.dataset.outcome = 'refused';
    say(s, t('liveRefused'), 'failed');
    announce(t('liveRefused'));
    s.steps.replaceChildren(
      h('li', { class: 'live-refused' }, h('ul', { class: 'findings', 'aria-label': t('liveRefusedWhy') }, report.refused.map((f) => findingItem(f)))),
    );
    return;
  }
  let outcome;
  if (message.cancelled) outcome = ['cancelled', t('liveCancelled'), 'skipped'];
  else if (message.timedOut) outcome = ['timeout', t('liveTimedOut', Math.round(message.timeoutMs / 1000)), 'failed'];
  else if (report.passed) outcome = ['passed', t('livePassed'), 'passed'];
  else if (report.steps.some((st) => st.status === 'failed')) outcome = ['failed', t('liveFailed'), 'failed'];
  else outcome = ['nothing', t('liveNothingRan'), 'skipped'];
  s.root.dataset.outcome = outcome[0];
  say(s, outcome[1], outcome[2]);
  announce(outcome[1]);
  const order = (/** @type {StepResult} */ st) => PROBES.indexOf(st.probe);
  s.steps.replaceChildren(...[...report.steps].sort((a, b) => order(a) - order(b)).map(stepItem));
  if (message.renewed) showRenewed(s, message.renewed);
}

/** @param {StepResult} step */
function stepItem(step) {
  const item = h(
    'li',
    { class: `live-step ${step.status}`, 'data-probe': step.probe, 'data-status': step.status },
    h(
      'div',
      { class: 'live-step-head' },
      h('span', { class: `live-badge ${step.status}`, text: STATUS_LABELS[step.status]?.() ?? step.status }),
      h('strong', { class: 'live-probe', text: PROBE_TITLES[step.probe]?.() ?? step.probe }),
    ),
  );
  // A failed step's summary is its finding's message: said once.
  if (step.summary !== step.findings?.[0]?.message) item.append(prose('p', 'live-summary', step.summary));
  if (step.findings?.length) item.append(h('ul', { class: 'findings' }, step.findings.map((f) => findingItem(f))));
  if (step.requests?.length) {
    item.append(
      h(
        'ul',
        { class: 'live-requests', 'aria-label': t('liveRequests') },
        step.requests.map((r) =>
          h(
            'li',
            { class: 'live-request', 'data-status': r.status ?? '' },
            h('span', { class: 'live-method', text: r.method }),
            ' ',
            h('code', { class: 'live-url', text: r.url }),
            ' ',
            h('span', { class: 'live-outcome', text: r.status != null ? `HTTP ${r.status}` : r.outcome }),
          ),
        ),
      ),
    );
  }
  return item;
}

/**
 * The refresh token the tenant issued: masked until shown, copyable, already saved. In class
 * mode (a shared screen) it is not shown at all, like every secret there.
 * @param {LiveSectionState} s
 * @param {RenewedToken} renewed
 */
function showRenewed(s, renewed) {
  const note = h('p', { class: 'live-renewed-note', text: renewed.saved ? t('liveRenewedSaved') : t('liveRenewedNotSaved') });
  s.renewed.hidden = false;
  if (document.body.classList.contains('class-mode')) {
    s.renewed.replaceChildren(h('h4', { text: t('liveRenewedTitle') }), note, h('p', { class: 'value-text masked', text: t('hiddenInClassMode') }));
    return;
  }
  const value = h('code', { class: 'value-text masked' }, masked(renewed));
  let shown = false;
  const toggle = h('button', { type: 'button', class: 'reveal', 'aria-pressed': 'false' }, t('liveShow'));
  toggle.addEventListener('click', () => {
    shown = !shown;
    value.textContent = shown ? renewed.value : masked(renewed);
    value.classList.toggle('masked', !shown);
    toggle.textContent = shown ? t('liveHide') : t('liveShow');
    toggle.setAttribute('aria-pressed', String(shown));
  });
  s.renewed.replaceChildren(
    h('h4', { text: t('liveRenewedTitle') }),
    note,
    h('div', { class: 'value-row' }, value, h('div', { class: 'value-actions' }, toggle, copyButton(renewed.value, t('liveRenewedTitle'), { secret: true }))),
  );
}
