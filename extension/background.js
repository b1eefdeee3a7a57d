// The service worker (an ES module): the only place, with the extension's pages, where the wasm
// core runs (never in the Workday page: a page CSP may forbid wasm in content scripts).
//
// - From the content script: a page snapshot (JSON text). A page no recogniser claims is dropped
//   at once: nothing of it is kept. A recognised page's values are stored per tenant in
//   chrome.storage.session (gone when the browser session ends; never storage.local/sync: they
//   include secrets). The reply lists which snapshot nodes to mark and how.
// - From the popup: the view of a tab's tenant (everything captured for it, re-checked together
//   so cross-page findings show), the per-tenant SSO / partner preference (non-secret, kept in
//   chrome.storage.local), forgetting a tenant or everything.
// - From the popup, side panel and checklist page: the trainer checklist of a tenant for a
//   partner (hand ticks and reset time in chrome.storage.local), the partner export, accepting a
//   value wdcap built (Viva Learning's SOAP endpoint).
// - After a secret was copied: the clipboard is cleared again after the time set in the options
//   (how depends on the browser: platform.js).

import * as core from './core.js';
import * as platform from './platform.js';
import {
  TENANT_KEY_PREFIX,
  addParam,
  checklistKey,
  checkOptions,
  evidence,
  exportedSince,
  markExported,
  pagesSeen,
  merge,
  paramKey,
  prefsKey,
  splitByTenant,
  tenantKey,
  tenantView,
  unchanged,
  worst,
  SSO_CHOICES,
} from './captures.js';
import { installLiveTest } from './live-worker.js';

const session = chrome.storage.session;
const local = chrome.storage.local;

/** Counts only (no page data), for diagnostics and the tests. */
const stats = { snapshots: 0, recognised: 0, dropped: 0, failed: 0 };
globalThis.wdcapStats = stats;
// Timings for `make bench` (ms since the worker started): readyMs once the module's top level has
// run, firstAnalysisMs when the first analyseSnapshot result is back (firstAnalysisCallMs: that
// call alone, including the lazy wasm instantiation).
queueMicrotask(() => {
  stats.readyMs = performance.now();
});

// Read-modify-write of a tenant's record must not interleave (two tabs, quick SPA updates).
let queue = Promise.resolve();
function serially(task) {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

const failure = (code, message) => ({ ok: false, error: { code, message } });

/** The tenant a Workday address names, as the core reads it (null when none). */
async function tenantOfUrl(url) {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return null;
  const result = await core.checkText(url, {});
  if (!result.ok) return null;
  const params = result.report.params;
  return (params.find((p) => p.kind === 'ui_url' && p.tenant) ?? params.find((p) => p.tenant))?.tenant ?? null;
}

async function readRecord(tenant) {
  const key = tenantKey(tenant);
  return (await session.get(key))[key];
}

async function readPrefs(tenant) {
  const key = prefsKey(tenant);
  return (await local.get(key))[key] ?? {};
}

/**
 * What the user told wdcap about the tenant, added to its evidence: which security group is the
 * integration's (when the pages list several and none says which).
 */
function withChoices(ev, prefs) {
  if (typeof prefs?.securityGroup === 'string' && prefs.securityGroup) {
    ev.settings.push({ name: 'security_group', value: prefs.securityGroup });
  }
  return ev;
}

/** Checks everything captured for `tenant`; null when nothing is. */
async function checkTenant(tenant) {
  const record = await readRecord(tenant);
  if (!record) return null;
  const prefs = await readPrefs(tenant);
  const checked = await core.checkParams(withChoices(evidence(record), prefs), checkOptions(prefs));
  if (!checked.ok) return { record, prefs, error: checked.error };
  return { record, prefs, report: checked.report };
}

async function setBadge(tabId, count, severity) {
  if (tabId == null || !chrome.action) return;
  try {
    await chrome.action.setBadgeText({ tabId, text: count ? String(count) : '' });
    if (count) {
      const color = { error: '#c62828', warning: '#b26a00' }[severity] ?? '#2e7d32';
      await chrome.action.setBadgeBackgroundColor({ tabId, color });
    }
  } catch {
    // The tab may have closed meanwhile.
  }
}

async function onSnapshot(message, sender) {
  stats.snapshots += 1;
  if (typeof message.snapshot !== 'string') return failure('bad_message', 'snapshot must be a JSON string');
  const started = performance.now();
  const analysed = await core.analyseSnapshot(message.snapshot, {});
  if (stats.firstAnalysisMs === undefined) {
    stats.firstAnalysisMs = performance.now();
    stats.firstAnalysisCallMs = stats.firstAnalysisMs - started;
  }
  if (!analysed.ok) {
    stats.failed += 1;
    return analysed;
  }
  const report = analysed.report;
  const tabId = sender.tab?.id;
  if (report.page == null) {
    // Not a page we know: drop it, keep nothing.
    stats.dropped += 1;
    await setBadge(tabId, 0);
    return { ok: true, page: null, marks: [] };
  }
  stats.recognised += 1;
  // The page's address now: a single-page app changes it with history.pushState, which
  // sender.url (the document's address) does not follow.
  const url = typeof message.url === 'string' ? message.url : (sender.url ?? sender.tab?.url ?? '');
  const pageTenant = await tenantOfUrl(url);
  const parts = splitByTenant(report, pageTenant);
  const at = Date.now();
  await serially(async () => {
    for (const [tenant, part] of parts) {
      const previous = await readRecord(tenant);
      const record = merge(previous, {
        tenant,
        page: report.page,
        title: typeof message.title === 'string' ? message.title : '',
        url,
        at,
        params: part.params,
        settings: part.settings,
      });
      if (!unchanged(previous, record)) await session.set({ [tenantKey(tenant)]: record });
    }
  });

  // Marks carry what the tenant-wide checks say about each value shown on this page.
  const findingsByKey = new Map();
  for (const tenant of parts.keys()) {
    const checked = await checkTenant(tenant);
    if (!checked?.report) continue;
    const { params, findings } = checked.report;
    for (const f of findings) {
      if (f.param == null || !params[f.param]) continue;
      const key = paramKey(params[f.param]);
      if (!findingsByKey.has(key)) findingsByKey.set(key, []);
      findingsByKey.get(key).push(f);
    }
  }
  const marks = report.params
    .filter((p) => Number.isInteger(p.source?.node))
    .map((p) => {
      const findings = findingsByKey.get(paramKey(p)) ?? [];
      return {
        node: p.source.node,
        kind: p.kind,
        label: p.label ?? p.source.label ?? null,
        severity: worst(findings),
        messages: findings.map((f) => f.message),
      };
    });
  await setBadge(tabId, report.params.length, worst([...findingsByKey.values()].flat()));
  return { ok: true, page: report.page, marks };
}

/** Everything the popup shows for a tab: its tenant first, then the other tenants captured. */
async function view(tabId) {
  let tab = null;
  if (Number.isInteger(tabId)) {
    try {
      tab = await chrome.tabs.get(tabId);
    } catch {
      tab = null;
    }
  }
  const current = await tenantOfUrl(tab?.url);
  const stored = await session.get(null);
  const tenants = Object.keys(stored)
    .filter((k) => k.startsWith(TENANT_KEY_PREFIX))
    .map((k) => k.slice(TENANT_KEY_PREFIX.length));
  if (current != null && !tenants.includes(current)) tenants.push(current);
  tenants.sort((a, b) => (a === current ? -1 : b === current ? 1 : (stored[tenantKey(b)]?.updated ?? 0) - (stored[tenantKey(a)]?.updated ?? 0)));

  const views = [];
  for (const tenant of tenants) {
    const checked = await checkTenant(tenant);
    if (!checked) {
      views.push({ tenant, current: tenant === current, empty: true, prefs: checkOptions(await readPrefs(tenant)) });
    } else if (checked.error) {
      views.push({ tenant, current: tenant === current, error: checked.error, prefs: checkOptions(checked.prefs) });
    } else {
      const v = { ...tenantView(checked.record, checked.report, checked.prefs), current: tenant === current };
      // The chosen partner's checklist progress and export, for the tab's own tenant.
      if (v.current && v.prefs.integration) {
        const list = await checklistOf(tenant, v.prefs.integration);
        if (list.ok) v.checklist = list.checklist;
        const exported = await exportOf(tenant, v.prefs.integration);
        if (exported.ok) v.export = exported.export;
      }
      views.push(v);
    }
  }
  const version = await core.version();
  return { ok: true, current, tabUrlKnown: Boolean(tab?.url), version: version.ok ? version.value : null, tenants: views };
}

// ---- partners, checklist, export ---------------------------------------------------------------

let partnerList = null;

/** The partner profiles compiled into the core (they never change while it runs). */
async function partners() {
  if (!partnerList) {
    const result = await core.partners();
    if (!result.ok) return result;
    partnerList = result.report;
  }
  return { ok: true, partners: partnerList };
}

const isPartner = async (id) => typeof id === 'string' && ((await partners()).partners ?? []).some((p) => p.id === id);

async function readChecklistState(tenant, partner) {
  const key = checklistKey(tenant, partner);
  const state = (await local.get(key))[key] ?? {};
  return { manual: Array.isArray(state.manual) ? state.manual : [], since: Number.isFinite(state.since) ? state.since : 0 };
}

/** The checklist of `partner` on `tenant` (null: no tenant, nothing gathered). */
async function checklistOf(tenant, partner) {
  if (!(await isPartner(partner))) return failure('bad_message', `unknown partner ${JSON.stringify(partner)}`);
  const state = await readChecklistState(tenant, partner);
  const record = tenant == null ? null : await readRecord(tenant);
  const prefs = tenant == null ? {} : await readPrefs(tenant);
  const gathered = withChoices(record ? evidence(record, state.since) : { params: [], settings: [] }, prefs);
  const result = await core.checklist(
    partner,
    { pages: pagesSeen(record, state.since), ...gathered, manual: state.manual, exported: exportedSince(record, state.since) },
    checkOptions(prefs),
  );
  if (!result.ok) return result;
  return { ok: true, tenant, partner, since: state.since, checklist: result.report };
}

async function exportOf(tenant, partner) {
  if (!(await isPartner(partner))) return failure('bad_message', `unknown partner ${JSON.stringify(partner)}`);
  const record = await readRecord(tenant);
  const prefs = await readPrefs(tenant);
  const result = await core.exportFor(partner, withChoices(record ? evidence(record) : { params: [], settings: [] }, prefs), checkOptions(prefs));
  if (!result.ok) return result;
  return { ok: true, tenant, partner, export: result.report };
}

const tenantArg = (message) => (typeof message.tenant === 'string' ? message.tenant : null);

async function tick(message) {
  const tenant = tenantArg(message);
  if (typeof message.step !== 'string') return failure('bad_message', 'step must be a string');
  if (!(await isPartner(message.partner))) return failure('bad_message', 'unknown partner');
  await serially(async () => {
    const key = checklistKey(tenant, message.partner);
    const state = await readChecklistState(tenant, message.partner);
    const manual = new Set(state.manual);
    if (message.ticked) manual.add(message.step);
    else manual.delete(message.step);
    await local.set({ [key]: { ...state, manual: [...manual] } });
  });
  return checklistOf(tenant, message.partner);
}

/** Starts the checklist afresh: no hand ticks, and only what is seen from now on counts. */
async function resetChecklist(message) {
  const tenant = tenantArg(message);
  if (!(await isPartner(message.partner))) return failure('bad_message', 'unknown partner');
  await serially(() => local.set({ [checklistKey(tenant, message.partner)]: { manual: [], since: Date.now() } }));
  return checklistOf(tenant, message.partner);
}

const ADDABLE_KINDS = ['soap_endpoint'];

/** Stores a value the user accepted from a checklist suggestion. */
async function acceptValue(message) {
  const tenant = tenantArg(message);
  if (tenant == null) return failure('bad_message', 'tenant must be a string');
  if (!ADDABLE_KINDS.includes(message.kind)) return failure('bad_message', `kind must be one of ${ADDABLE_KINDS.join(', ')}`);
  if (typeof message.value !== 'string' || !message.value.trim() || message.value.length > 2048) {
    return failure('bad_message', 'value must be a non-empty string');
  }
  await serially(async () => {
    const record = addParam(await readRecord(tenant), tenant, { kind: message.kind, value: message.value.trim(), label: message.label ?? null }, Date.now());
    await session.set({ [tenantKey(tenant)]: record });
  });
  return { ok: true };
}

/** The popup's "Export for partner" was used (copied or downloaded): checklist evidence. */
async function noteExported(message) {
  const tenant = tenantArg(message);
  if (tenant == null) return failure('bad_message', 'tenant must be a string');
  if (!(await isPartner(message.partner))) return failure('bad_message', 'unknown partner');
  await serially(async () => {
    const record = markExported(await readRecord(tenant), tenant, message.partner, Date.now());
    await session.set({ [tenantKey(tenant)]: record });
  });
  return { ok: true };
}

async function forgetAll(message) {
  await serially(async () => {
    const stored = await session.get(null);
    await session.remove(Object.keys(stored).filter((k) => k.startsWith(TENANT_KEY_PREFIX)));
  });
  return view(message.tabId);
}

// ---- clearing the clipboard after a secret was copied ----------------------------------------------

async function clearAfterSeconds() {
  const stored = (await local.get('settings')).settings ?? {};
  const seconds = stored.clipboardClearSeconds ?? 60;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}

platform.installClipboardClearing();

/** Schedules the clearing (platform.js); a later copy restarts the timer. Returns the seconds (0: off). */
async function secretCopied() {
  const seconds = await clearAfterSeconds();
  await serially(() => platform.clearClipboardLater(seconds));
  return { ok: true, seconds };
}

async function setPrefs(message) {
  const { tenant } = message;
  if (typeof tenant !== 'string') return failure('bad_message', 'tenant must be a string');
  const prefs = await readPrefs(tenant);
  if (message.sso !== undefined) {
    if (!SSO_CHOICES.includes(message.sso)) return failure('bad_message', `sso must be one of ${SSO_CHOICES.join(', ')}`);
    prefs.sso = message.sso;
  }
  if (message.securityGroup !== undefined) {
    if (message.securityGroup !== null && (typeof message.securityGroup !== 'string' || message.securityGroup.length > 200)) {
      return failure('bad_message', 'securityGroup must be a short string or null');
    }
    prefs.securityGroup = message.securityGroup || null;
  }
  if (message.integration !== undefined) {
    if (message.integration !== null && typeof message.integration !== 'string') {
      return failure('bad_message', 'integration must be a string or null');
    }
    prefs.integration = message.integration || null;
  }
  await local.set({ [prefsKey(tenant)]: prefs });
  return view(message.tabId);
}

async function forget(message) {
  if (typeof message.tenant !== 'string') return failure('bad_message', 'tenant must be a string');
  await serially(() => session.remove(tenantKey(message.tenant)));
  return view(message.tabId);
}

// Only this extension can message the worker (no externally_connectable); still, page-facing
// content scripts may only send snapshots, and only the extension's own pages may ask for views.
const fromExtensionPage = (sender) =>
  sender.id === chrome.runtime.id && String(sender.url ?? '').startsWith(chrome.runtime.getURL(''));

const fromContentScript = (sender) => sender.id === chrome.runtime.id && sender.tab != null && !fromExtensionPage(sender);

async function handle(message, sender) {
  switch (message?.type) {
    case 'wdcap/snapshot':
      return fromContentScript(sender) ? onSnapshot(message, sender) : failure('forbidden', 'not from a content script');
    case 'wdcap/view':
      return fromExtensionPage(sender) ? view(message.tabId) : failure('forbidden', 'not from an extension page');
    case 'wdcap/set-prefs':
      return fromExtensionPage(sender) ? setPrefs(message) : failure('forbidden', 'not from an extension page');
    case 'wdcap/forget':
      return fromExtensionPage(sender) ? forget(message) : failure('forbidden', 'not from an extension page');
    case 'wdcap/forget-all':
      return fromExtensionPage(sender) ? forgetAll(message) : failure('forbidden', 'not from an extension page');
    case 'wdcap/partners':
      return fromExtensionPage(sender) ? partners() : failure('forbidden', 'not from an extension page');
    case 'wdcap/checklist':
      return fromExtensionPage(sender)
        ? checklistOf(tenantArg(message), message.partner)
        : failure('forbidden', 'not from an extension page');
    case 'wdcap/checklist-tick':
      return fromExtensionPage(sender) ? tick(message) : failure('forbidden', 'not from an extension page');
    case 'wdcap/checklist-reset':
      return fromExtensionPage(sender) ? resetChecklist(message) : failure('forbidden', 'not from an extension page');
    case 'wdcap/export':
      return fromExtensionPage(sender)
        ? tenantArg(message) == null
          ? failure('bad_message', 'tenant must be a string')
          : exportOf(tenantArg(message), message.partner)
        : failure('forbidden', 'not from an extension page');
    case 'wdcap/export-used':
      return fromExtensionPage(sender) ? noteExported(message) : failure('forbidden', 'not from an extension page');
    case 'wdcap/accept-value':
      return fromExtensionPage(sender) ? acceptValue(message) : failure('forbidden', 'not from an extension page');
    case 'wdcap/secret-copied':
      return fromExtensionPage(sender) ? secretCopied() : failure('forbidden', 'not from an extension page');
    case 'wdcap/clipboard-cleared':
      // From the helper that cleared the clipboard (Chromium's offscreen document), its work done.
      return fromExtensionPage(sender) ? platform.clipboardCleared().then(() => ({ ok: true })) : failure('forbidden', 'not from an extension page');
    default:
      return failure('bad_message', `unknown message type ${JSON.stringify(message?.type)}`);
  }
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  handle(message, sender).then(sendResponse, (e) => sendResponse(failure('internal', String(e?.message ?? e))));
  return true; // the answer comes asynchronously
});

// The live connection test (issue #6): a port from the popup, see live-worker.js.
installLiveTest({ core, session, serially, readRecord, readPrefs, fromExtensionPage });
