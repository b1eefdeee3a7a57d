// @ts-check
// The popup, and the same UI in the side panel (panel.html, which the build makes from popup.html
// with <body data-view="panel">): the values
// captured on the current tab's tenant (then any other tenant captured this session), grouped by
// the chosen partner's checklist steps (or by the page they came from), each with copy, reveal
// for secrets, its findings and fixes; the SSO switch and the partner; the checklist's progress;
// "Export for partner"; forgetting a tenant or everything.
// Everything is built with DOM calls and textContent: no captured text is ever parsed as HTML.
//
// The "current tab" is `?tab=<tabId>` when given (the tests and the demo open the popup in a
// tab of its own), else the active tab of the current window. The side panel follows the active
// tab as it changes, and both re-render when new values are captured.

import {
  SSO_LABELS,
  announce,
  ask,
  byId,
  clipboardNotice,
  confirmStep,
  copyButton,
  download,
  environmentLabel,
  findingItem,
  h,
  kindTitle,
  localize,
  masked,
  openPage,
  partnerOptions,
  progressBar,
  slug,
  t,
  tn,
} from '../../shared/ui.js';
import { valueRow } from '../../shared/value-row.js';
import { DEFAULT_SETTINGS, loadSettings } from '../../shared/settings.js';
import { MESSAGES } from '../../shared/messages.js';
import { SSO_CHOICES } from '../../shared/generated/lists.js';
import { PAGE_PATHS } from '../../shared/paths.js';
import { openSidePanel, sidePanelAvailable } from '../../worker/platform.js';
import { liveSection } from '../live/live.js';

/**
 * @import { Checklist, PageId, Partner, PartnerExport } from '../../shared/generated/core-types'
 * @import { Failure } from '../../shared/messages.js'
 * @import { Settings, TenantParam, TenantView, ViewState } from '../../shared/types.js'
 */

const PANEL = document.body.dataset.view === 'panel';
const app = byId('app');
/** @type {number | null} */
let tabId = null;
/** @type {number | null} */
let windowId = null;
/** @type {Settings} */
let settings = { ...DEFAULT_SETTINGS };
/** @type {Partner[]} */
let partners = [];
/** @type {ViewState | null} */
let lastState = null;
/** @type {Set<string>} "tenant\0index" of secrets shown in clear */
const revealed = new Set();
/** @type {Set<string>} sections the user opened (other tenants, exports), kept across refreshes */
const opened = new Set();
/** @type {Set<string>} "tenant\0partner" exports the user chose to export anyway */
const overridden = new Set();

const query = new URLSearchParams(location.search);
const number = (/** @type {string} */ name) => (/^\d+$/.test(query.get(name) ?? '') ? Number(query.get(name)) : null);

/**
 * The tab whose tenant is shown: `?tab=`, else the active tab of the window (`?window=`, else this one).
 * @returns {Promise<number | null>}
 */
async function currentTabId() {
  if (number('tab') != null) return number('tab');
  try {
    const [tab] = await chrome.tabs.query(windowId != null ? { active: true, windowId } : { active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

const view = () => ask({ type: MESSAGES.view, tabId });
const partnerOf = (/** @type {string | null | undefined} */ id) => partners.find((p) => p.id === id) ?? null;

/**
 * The partner chosen for a tenant (none: null).
 * @param {TenantView} v
 */
const integrationOf = (v) => ('integration' in v.prefs ? v.prefs.integration : null);

// ---- small pieces ---------------------------------------------------------------------------

/** @param {number | null | undefined} at */
function relativeTime(at) {
  if (at == null || !Number.isFinite(at)) return '';
  const seconds = Math.round((at - Date.now()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(document.documentElement.lang || undefined, { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return rtf.format(seconds, 'second');
  if (Math.abs(seconds) < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  return rtf.format(Math.round(seconds / 3600), 'hour');
}

/**
 * @param {TenantView} v
 * @param {PageId | ''} pageId
 */
function pageName(v, pageId) {
  const title = pageId ? v.pages?.[pageId]?.title : undefined;
  if (title) return title;
  if (!pageId) return t('otherValues');
  return pageId.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

// ---- one value -------------------------------------------------------------------------------

/**
 * @param {TenantView} v
 * @param {TenantParam} param
 * @param {number} index
 */
function valueItem(v, param, index) {
  const title = param.label || kindTitle(param.kind);
  // Where a URL's environment or data center is not the only one of the tenant, say which.
  const where =
    param.host && hosts(v).mixed ? [environmentLabel(param.environment), param.data_center].filter(Boolean).join(' \u00b7 ') : null;
  const meta = [param.name, where].filter(Boolean);
  return valueRow({
    param,
    findings: param.findings ?? [],
    label: title,
    copyWhat: title,
    meta: meta.length ? meta.join(' \u2014 ') : null,
    revealed,
    revealKey: `${v.tenant}\u0000${index}`,
    classMode: settings.classMode,
  });
}

// ---- one tenant -----------------------------------------------------------------------------

/** @param {TenantView} v */
function ssoControl(v) {
  const name = `sso-${v.tenant}`;
  const group = h('fieldset', { class: 'sso segmented-field' }, h('legend', { text: t('ssoQuestion') }));
  const choices = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': t('ssoQuestion') });
  for (const value of SSO_CHOICES) {
    const label = SSO_LABELS[value]();
    const id = `${name}-${value}`;
    const input = h('input', { type: 'radio', name, id, value, checked: v.prefs?.sso === value });
    input.addEventListener('change', async () => {
      if (input.checked) render(await ask({ type: MESSAGES.setPrefs, tenant: v.tenant, sso: value, tabId }));
    });
    choices.append(input, h('label', { for: id, text: label }));
  }
  group.append(choices);
  return group;
}

/** @param {TenantView} v */
function partnerControl(v) {
  const select = h('select', { class: 'partner', 'aria-label': t('partner') });
  for (const [value, label] of partnerOptions(partners)) {
    select.append(h('option', { value, selected: (integrationOf(v) ?? '') === value, text: label }));
  }
  select.addEventListener('change', async () => {
    render(await ask({ type: MESSAGES.setPrefs, tenant: v.tenant, integration: select.value || null, tabId }));
  });
  return h('label', { class: 'field-label partner-label' }, h('span', { text: t('partner') }), select);
}

/** @param {TenantView} v */
function summary(v) {
  /** @type {(string | HTMLElement)[]} */
  const parts = [];
  const n = v.params?.length ?? 0;
  parts.push(tn('values', n));
  const c = v.counts ?? { error: 0, warning: 0, info: 0 };
  if (c.error) parts.push(h('span', { class: 'count error', text: tn('errors', c.error) }));
  if (c.warning) parts.push(h('span', { class: 'count warning', text: tn('warnings', c.warning) }));
  if (!c.error && !c.warning && n) parts.push(h('span', { class: 'count ok', text: t('noProblems') }));
  const out = h('span', { class: 'summary' });
  parts.forEach((p, i) => {
    if (i) out.append(' \u00b7 ');
    out.append(p);
  });
  return out;
}

/**
 * The environments and data centers the tenant's URLs name.
 * @param {TenantView} v
 */
function hosts(v) {
  const urls = (v.params ?? []).filter((p) => p.host);
  const named = (/** @type {(string | null)[]} */ list) => [...new Set(list.filter((x) => x != null && x !== ''))];
  const envs = named(urls.map((p) => p.environment));
  const dcs = named(urls.map((p) => p.data_center));
  return { envs, dcs, mixed: envs.length > 1 || dcs.length > 1 };
}

/** @param {TenantView} v */
function tenantChips(v) {
  const { envs, dcs } = hosts(v);
  return [...envs.map(environmentLabel), ...dcs].map((x) => h('span', { class: 'chip', text: x }));
}

/**
 * @param {TenantView} v
 * @param {Checklist} list the chosen partner's checklist on it
 */
function checklistStrip(v, list) {
  const open = h('button', { type: 'button', class: 'open-checklist' }, t('openChecklist'));
  open.addEventListener('click', () =>
    openPage(`${PAGE_PATHS.checklist}?tenant=${encodeURIComponent(v.tenant)}&partner=${encodeURIComponent(list.partner.id)}`));
  return h('div', { class: 'checklist-strip', 'data-percent': String(list.progress.percent) },
    h('span', { class: 'strip-label', text: t('checklistFor', list.partner.name) }),
    progressBar(list.progress, { label: t('checklistFor', list.partner.name), text: t('stepsDone', list.progress.done, list.progress.total) }),
    open);
}

/**
 * The export as text: one "Label: value" line per value, in the partner's order.
 * @param {TenantView} v
 * @param {PartnerExport} x
 */
function exportText(v, x) {
  const lines = [`${x.partner.name} \u2014 ${v.tenant}`];
  for (const item of x.items) {
    if (!item.values.length) {
      if (item.required) lines.push(`${item.label}: ${t('exportMissingValue')}`);
      continue;
    }
    item.values.forEach((value, i) => {
      lines.push(`${item.label}${item.values.length > 1 ? ` ${i + 1}` : ''}: ${value.value}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The export as a JSON file.
 * @param {TenantView} v
 * @param {PartnerExport} x
 * @param {boolean} forced exported despite the findings that block it
 */
function exportJson(v, x, forced) {
  return `${JSON.stringify(
    {
      partner: { id: x.partner.id, name: x.partner.name },
      tenant: v.tenant,
      exported_at: new Date().toISOString(),
      values: x.items.flatMap((item) => item.values.map((value) => ({ label: item.label, kind: item.kind, value: value.value }))),
      missing: x.items.filter((item) => item.required && !item.values.length).map((item) => item.label),
      ...(forced ? { exported_despite: x.blockers.map((f) => ({ code: f.code, message: f.message })) } : {}),
    },
    null,
    2,
  )}\n`;
}

/**
 * @param {TenantView} v
 * @param {PartnerExport} x the export for its chosen partner
 */
function exportSection(v, x) {
  const key = `${v.tenant}\u0000${x.partner.id}`;
  const openKey = `export\u0000${key}`;
  const details = h('details', { class: 'export', 'data-partner': x.partner.id, 'data-ready': String(x.ready), open: opened.has(openKey) });
  details.addEventListener('toggle', () => (details.open ? opened.add(openKey) : opened.delete(openKey)));
  details.append(h('summary', {}, h('span', { text: t('exportFor', x.partner.name) }),
    h('span', { class: `badge ${x.ready ? 'ok' : 'error'}`, text: x.ready ? t('exportReady') : t('exportBlockedShort') })));

  const hasSecret = x.items.some((i) => i.values.some((value) => value.secret));
  const text = exportText(v, x);
  const json = h('button', { type: 'button', class: 'export-json' }, t('exportDownloadJson'));
  // Using the export is the checklist's evidence of a step done outside Workday (10KC's e-mail).
  const used = () => ask({ type: MESSAGES.exportUsed, tenant: v.tenant, partner: x.partner.id });
  const save = () => {
    download(`wdcap-${slug(x.partner.id)}-${slug(v.tenant)}.json`, exportJson(v, x, !x.ready), 'application/json');
    announce(t('exportDownloaded'));
    used();
  };
  // A file with secrets in it lands in Downloads in clear: the user says so first.
  const confirm = confirmStep({ message: t('exportSecretsConfirm'), confirmLabel: t('exportSecretsConfirmYes'), onConfirm: save, className: 'export-confirm' });
  json.addEventListener('click', () => (hasSecret ? confirm.ask() : save()));
  const realCopy = copyButton(text, t('exportWhat', x.partner.name), { secret: hasSecret, label: t('exportCopyText') });
  realCopy.classList.add('export-copy');
  realCopy.addEventListener('click', used);
  const actions = h('div', { class: 'export-actions' }, realCopy, json, confirm.box);

  const body = h('div', { class: 'export-body' });
  if (!x.ready) {
    const allowed = overridden.has(key);
    const box = h('input', { type: 'checkbox', class: 'override', id: `override-${slug(key)}`, checked: allowed });
    const setEnabled = (/** @type {boolean} */ on) => {
      realCopy.disabled = !on;
      json.disabled = !on;
    };
    setEnabled(allowed);
    box.addEventListener('change', () => {
      if (box.checked) overridden.add(key);
      else overridden.delete(key);
      setEnabled(box.checked);
    });
    body.append(
      h('div', { class: 'blocked' },
        h('p', { class: 'blocked-reason', text: tn('exportBlocked', x.blockers.length) }),
        h('ul', { class: 'findings' }, x.blockers.map((f) => findingItem(f))),
        h('label', { class: 'override-label', for: box.id }, box, ' ', t('exportAnyway'))),
    );
  }
  const list = h('ol', { class: 'export-items' });
  for (const item of x.items) {
    const values = item.values.length
      ? item.values.map((value) =>
          h('div', { class: 'export-value' },
            h('code', {
              class: `value-text${value.secret ? ' masked' : ''}`,
              text: value.secret ? (settings.classMode ? t('hiddenInClassMode') : masked(value)) : value.value,
            }),
            value.corrected.length ? h('span', { class: 'corrected-note', text: t('exportCorrected', value.corrected.join(', ')) }) : null))
      : [h('span', { class: item.required ? 'missing' : 'optional-missing', text: item.required ? t('exportMissing') : t('exportOptionalMissing') })];
    const more = item.candidates > item.values.length && item.values.length
      ? h('span', { class: 'candidates-note', text: t('exportCandidates', item.candidates) })
      : null;
    list.append(h('li', { class: 'export-item', 'data-kind': item.kind },
      h('span', { class: 'export-label', text: item.label }), ...values, more));
  }
  body.append(list, actions);
  if (hasSecret) body.append(h('p', { class: 'export-note', text: t('exportSecretNote') }));
  details.append(body);
  return details;
}

/**
 * A heading of the values: a partner's step (`done`: it is ticked) or a page (`at`: when it was
 * read), with its values and their indexes.
 * @typedef {{kind: 'step' | 'page', id: string, title: string, done?: boolean, at?: number, items: [TenantParam, number][]}} ValueGroup
 */

/**
 * Values grouped by the partner step that yields them (else by the page they came from).
 * @param {TenantView} v
 * @param {TenantParam[]} params its values
 * @returns {ValueGroup[]}
 */
function valueGroups(v, params) {
  const partner = partnerOf(integrationOf(v));
  /** @type {ValueGroup[]} */
  const groups = [];
  /** @type {Set<number>} */
  const placed = new Set();
  if (partner) {
    const states = new Map((v.checklist?.steps ?? []).map((s) => [s.id, s]));
    for (const step of partner.steps) {
      /** @type {[TenantParam, number][]} */
      const items = [];
      params.forEach((param, index) => {
        if (!placed.has(index) && step.capture.includes(param.kind)) {
          placed.add(index);
          items.push([param, index]);
        }
      });
      if (items.length) {
        const done = states.get(step.id)?.ticked;
        groups.push({ kind: 'step', id: step.id, title: step.title, done, items });
      }
    }
  }
  /** @type {Map<PageId | '', [TenantParam, number][]>} */
  const pages = new Map();
  params.forEach((param, index) => {
    if (placed.has(index)) return;
    const page = param.page ?? '';
    const items = pages.get(page) ?? [];
    items.push([param, index]);
    pages.set(page, items);
  });
  const at = (/** @type {PageId | ''} */ page) => (page ? v.pages?.[page]?.at : undefined);
  const ordered = [...pages.keys()].sort((a, b) => (at(b) ?? 0) - (at(a) ?? 0));
  for (const page of ordered) groups.push({ kind: 'page', id: page, title: pageName(v, page), at: at(page), items: pages.get(page) ?? [] });
  return groups;
}

/** @param {TenantView} v */
function tenantBody(v) {
  const body = h('div', { class: 'tenant-body' });
  if (v.error) {
    body.append(h('p', { class: 'problem', text: t('couldNotCheck', v.error.message) }));
    return body;
  }
  body.append(h('div', { class: 'controls' }, ssoControl(v), partnerControl(v)));
  if (v.checklist) body.append(checklistStrip(v, v.checklist));
  if (v.empty || !v.params?.length) {
    body.append(h('p', { class: 'hint', text: t('nothingCaptured', v.tenant || t('thisTenant')) }));
    return body;
  }
  if (v.export) body.append(exportSection(v, v.export));
  if (v.findings?.length) {
    body.append(h('ul', { class: 'findings general' }, v.findings.map((f) => findingItem(f))));
  }
  for (const group of valueGroups(v, v.params)) {
    const heading = h('h3', {},
      h('span', { text: group.title }),
      group.kind === 'step' && group.done ? h('span', { class: 'step-done', text: t('stepDoneShort') }) : null,
      group.kind === 'page' && group.at ? h('span', { class: 'when', text: relativeTime(group.at) }) : null);
    body.append(
      h('section', { class: group.kind, [`data-${group.kind}`]: group.id }, heading,
        h('ul', { class: 'values' }, group.items.map(([param, index]) => valueItem(v, param, index)))),
    );
  }
  body.append(liveSection(v)); // the live connection test (live.js)
  const forget = h('button', { type: 'button', class: 'forget quiet' }, t('forgetTenant', v.tenant || t('theseValues')));
  forget.addEventListener('click', async () => {
    render(await ask({ type: MESSAGES.forget, tenant: v.tenant, tabId }));
    announce(t('forgotten', v.tenant || t('theseValues')));
  });
  body.append(h('div', { class: 'tenant-foot' }, forget));
  return body;
}

/**
 * @param {TenantView} v
 * @param {boolean} [open] a tenant not the tab's starts open
 */
function tenantSection(v, open) {
  const name = v.tenant || t('noTenant');
  const head = h('div', { class: 'tenant-head' },
    h('h2', {}, h('span', { class: 'tenant-name', text: name }), ...tenantChips(v)),
    summary(v));
  if (v.current) {
    return h('section', { class: 'tenant current', 'data-tenant': v.tenant, 'aria-label': name }, head, tenantBody(v));
  }
  const details = h('details', { class: 'tenant other', 'data-tenant': v.tenant, open: open || opened.has(v.tenant) },
    h('summary', {}, head),
    tenantBody(v));
  details.addEventListener('toggle', () => (details.open ? opened.add(v.tenant) : opened.delete(v.tenant)));
  return details;
}

// ---- the whole popup ------------------------------------------------------------------------

/** @param {ViewState | Failure | undefined} state */
function render(state) {
  if (!state?.ok) {
    app.replaceChildren(h('p', { class: 'problem', text: t('couldNotLoad', state?.error?.message ?? '?') }));
    document.body.dataset.ready = 'true';
    return;
  }
  lastState = state;
  // Keep the keyboard focus where it was across a re-render (same control, found by its path).
  const focusPath = focusedPath();
  const version = byId('version');
  version.textContent = state.version ? `v${state.version.split(' ')[0]}` : '';
  version.title = state.version ?? '';
  const nodes = [];
  if (state.current == null) {
    nodes.push(h('p', { class: 'hint', text: state.tenants.length ? t('notWorkdayTab') : t('openWorkdayPage') }));
  }
  const others = state.tenants.filter((x) => !x.current);
  for (const v of state.tenants.filter((x) => x.current)) nodes.push(tenantSection(v));
  if (others.length && state.current != null) nodes.push(h('h2', { class: 'others', text: t('otherTenants') }));
  for (const v of others) nodes.push(tenantSection(v, state.current == null && state.tenants.length === 1));
  app.replaceChildren(...nodes);
  byId('forget-all').hidden = !state.tenants.some((x) => !x.empty);
  restoreFocus(focusPath);
  document.body.dataset.ready = 'true';
}

/** Where the focused control is in the popup, as child indexes (none: null). */
function focusedPath() {
  const el = document.activeElement;
  if (!el || el === document.body || !app.contains(el)) return null;
  /** @type {number[]} */
  const path = [];
  for (let node = /** @type {Element | null} */ (el); node && node !== app; node = node.parentElement) {
    path.unshift([.../** @type {HTMLElement} */ (node.parentElement).children].indexOf(node));
  }
  return path;
}

/** @param {number[] | null} path */
function restoreFocus(path) {
  if (!path) return;
  /** @type {Element | undefined} */
  let node = app;
  for (const i of path) {
    node = node?.children[i];
    if (!node) return;
  }
  if ('focus' in node && typeof node.focus === 'function') /** @type {HTMLElement} */ (node).focus({ preventScroll: true });
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let refreshTimer;
let asked = 0;

/** New captures (another page read while the popup is open) show without reopening it. */
function refreshSoon({ retarget = false } = {}) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(async () => {
    const mine = ++asked;
    if (retarget) tabId = await currentTabId();
    const state = await view();
    // An older question answered late must not overwrite a newer answer.
    if (mine === asked) render(state);
  }, 150);
}

function toolbar() {
  const current = () => lastState?.tenants.find((x) => x.current);
  byId('open-verify').addEventListener('click', () => {
    const here = current();
    const partner = here ? integrationOf(here) : null;
    openPage(`${PAGE_PATHS.verify}${partner ? `?partner=${encodeURIComponent(partner)}` : ''}`);
  });
  byId('open-checklist').addEventListener('click', () => {
    const here = current();
    const partner = here ? integrationOf(here) : null;
    const params = new URLSearchParams();
    if (here) params.set('tenant', here.tenant);
    if (partner) params.set('partner', partner);
    openPage(`${PAGE_PATHS.checklist}${params.size ? `?${params}` : ''}`);
  });
  byId('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
  const panelButton = byId('open-panel');
  if (PANEL || !sidePanelAvailable()) {
    panelButton.hidden = true;
  } else {
    panelButton.addEventListener('click', () => {
      // Called straight from the click (a user gesture), without awaiting anything first.
      Promise.resolve(openSidePanel(windowId)).then(() => window.close(), () => announce(t('panelFailed')));
    });
  }
  byId('forget-all').addEventListener('click', async () => {
    render(await ask({ type: MESSAGES.forgetAll, tabId }));
    announce(t('forgottenAll'));
  });
}

async function main() {
  localize();
  toolbar();
  // A copied secret the clipboard could not be cleared of is said here, above everything.
  app.before(clipboardNotice());
  // The window whose active tab is followed: the panel's own, or `?window=` (tests open the
  // panel in a window of its own).
  try {
    windowId = number('window') ?? (await chrome.windows.getCurrent()).id ?? null;
  } catch {
    windowId = null;
  }
  [tabId, settings, partners] = await Promise.all([
    currentTabId(),
    loadSettings(),
    ask({ type: MESSAGES.partners }).then((r) => (r.ok ? r.partners : [])),
  ]);
  document.body.classList.toggle('class-mode', settings.classMode);
  render(await view());
  chrome.storage.onChanged.addListener(async (changes, area) => {
    if (area === 'session') refreshSoon();
    if (area === 'local') {
      if (changes.settings) {
        settings = await loadSettings();
        document.body.classList.toggle('class-mode', settings.classMode);
      }
      refreshSoon();
    }
  });
  if (PANEL) {
    // The side panel stays open: it follows the active tab of its window.
    chrome.tabs.onActivated.addListener((info) => {
      if (windowId == null || info.windowId === windowId) refreshSoon({ retarget: true });
    });
    chrome.tabs.onUpdated.addListener((id, change) => {
      if ((change.url || change.status === 'complete') && (id === tabId || change.url)) refreshSoon({ retarget: true });
    });
  }
}

main();
