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
import { loadSettings } from '../../shared/settings.js';
import { MESSAGES } from '../../shared/messages.js';
import { SSO_CHOICES } from '../../shared/generated/lists.js';
import { PAGE_PATHS } from '../../shared/paths.js';
import { openSidePanel, sidePanelAvailable } from '../../worker/platform.js';
import { liveSection } from '../live/live.js';

const PANEL = document.body.dataset.view === 'panel';
const app = document.getElementById('app');
let tabId = null;
let windowId = null;
let settings = null;
let partners = [];
let lastState = null;
const revealed = new Set(); // "tenant\0index" of secrets shown in clear
const opened = new Set(); // sections the user opened (other tenants, exports), kept across refreshes
const overridden = new Set(); // "tenant\0partner" exports the user chose to export anyway

const query = new URLSearchParams(location.search);
const number = (name) => (/^\d+$/.test(query.get(name) ?? '') ? Number(query.get(name)) : null);

/** The tab whose tenant is shown: `?tab=`, else the active tab of the window (`?window=`, else this one). */
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
const partnerOf = (id) => partners.find((p) => p.id === id) ?? null;

// ---- small pieces ---------------------------------------------------------------------------

function relativeTime(at) {
  if (!Number.isFinite(at)) return '';
  const seconds = Math.round((at - Date.now()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(document.documentElement.lang || undefined, { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return rtf.format(seconds, 'second');
  if (Math.abs(seconds) < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  return rtf.format(Math.round(seconds / 3600), 'hour');
}

function pageName(v, pageId) {
  const title = v.pages?.[pageId]?.title;
  if (title) return title;
  if (!pageId) return t('otherValues');
  return pageId.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

// ---- one value -------------------------------------------------------------------------------

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

function partnerControl(v) {
  const select = h('select', { class: 'partner', 'aria-label': t('partner') });
  for (const [value, label] of partnerOptions(partners)) {
    select.append(h('option', { value, selected: (v.prefs?.integration ?? '') === value, text: label }));
  }
  select.addEventListener('change', async () => {
    render(await ask({ type: MESSAGES.setPrefs, tenant: v.tenant, integration: select.value || null, tabId }));
  });
  return h('label', { class: 'field-label partner-label' }, h('span', { text: t('partner') }), select);
}

function summary(v) {
  const parts = [];
  const n = v.params?.length ?? 0;
  parts.push(tn('values', n));
  const c = v.counts ?? {};
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

/** The environments and data centers the tenant's URLs name. */
function hosts(v) {
  const urls = (v.params ?? []).filter((p) => p.host);
  const envs = [...new Set(urls.map((p) => p.environment).filter(Boolean))];
  const dcs = [...new Set(urls.map((p) => p.data_center).filter(Boolean))];
  return { envs, dcs, mixed: envs.length > 1 || dcs.length > 1 };
}

function tenantChips(v) {
  const { envs, dcs } = hosts(v);
  return [...envs.map(environmentLabel), ...dcs].map((x) => h('span', { class: 'chip', text: x }));
}

function checklistStrip(v) {
  const list = v.checklist;
  const open = h('button', { type: 'button', class: 'open-checklist' }, t('openChecklist'));
  open.addEventListener('click', () =>
    openPage(`${PAGE_PATHS.checklist}?tenant=${encodeURIComponent(v.tenant)}&partner=${encodeURIComponent(list.partner.id)}`));
  return h('div', { class: 'checklist-strip', 'data-percent': String(list.progress.percent) },
    h('span', { class: 'strip-label', text: t('checklistFor', list.partner.name) }),
    progressBar(list.progress, { label: t('checklistFor', list.partner.name), text: t('stepsDone', list.progress.done, list.progress.total) }),
    open);
}

/** The export as text: one "Label: value" line per value, in the partner's order. */
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

function exportSection(v) {
  const x = v.export;
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
  json.addEventListener('click', () => {
    download(`wdcap-${slug(x.partner.id)}-${slug(v.tenant)}.json`, exportJson(v, x, !x.ready), 'application/json');
    announce(t('exportDownloaded'));
    used();
  });
  const realCopy = copyButton(text, t('exportWhat', x.partner.name), { secret: hasSecret, label: t('exportCopyText') });
  realCopy.classList.add('export-copy');
  realCopy.addEventListener('click', used);
  const actions = h('div', { class: 'export-actions' }, realCopy, json);

  const body = h('div', { class: 'export-body' });
  if (!x.ready) {
    const allowed = overridden.has(key);
    const box = h('input', { type: 'checkbox', class: 'override', id: `override-${slug(key)}`, checked: allowed });
    const setEnabled = (on) => {
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

/** Values grouped by the partner step that yields them (else by the page they came from). */
function valueGroups(v) {
  const partner = partnerOf(v.prefs?.integration);
  const groups = [];
  const placed = new Set();
  if (partner) {
    const states = new Map((v.checklist?.steps ?? []).map((s) => [s.id, s]));
    for (const step of partner.steps) {
      const items = [];
      v.params.forEach((param, index) => {
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
  const pages = new Map();
  v.params.forEach((param, index) => {
    if (placed.has(index)) return;
    const page = param.page ?? '';
    if (!pages.has(page)) pages.set(page, []);
    pages.get(page).push([param, index]);
  });
  const ordered = [...pages.keys()].sort((a, b) => (v.pages?.[b]?.at ?? 0) - (v.pages?.[a]?.at ?? 0));
  for (const page of ordered) groups.push({ kind: 'page', id: page, title: pageName(v, page), at: v.pages?.[page]?.at, items: pages.get(page) });
  return groups;
}

function tenantBody(v) {
  const body = h('div', { class: 'tenant-body' });
  if (v.error) {
    body.append(h('p', { class: 'problem', text: t('couldNotCheck', v.error.message) }));
    return body;
  }
  body.append(h('div', { class: 'controls' }, ssoControl(v), partnerControl(v)));
  if (v.checklist) body.append(checklistStrip(v));
  if (v.empty || !v.params?.length) {
    body.append(h('p', { class: 'hint', text: t('nothingCaptured', v.tenant || t('thisTenant')) }));
    return body;
  }
  if (v.export) body.append(exportSection(v));
  if (v.findings?.length) {
    body.append(h('ul', { class: 'findings general' }, v.findings.map((f) => findingItem(f))));
  }
  for (const group of valueGroups(v)) {
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

function render(state) {
  if (!state?.ok) {
    app.replaceChildren(h('p', { class: 'problem', text: t('couldNotLoad', state?.error?.message ?? '?') }));
    document.body.dataset.ready = 'true';
    return;
  }
  lastState = state;
  // Keep the keyboard focus where it was across a re-render (same control, found by its path).
  const focusPath = focusedPath();
  const version = document.getElementById('version');
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
  document.getElementById('forget-all').hidden = !state.tenants.some((x) => !x.empty);
  restoreFocus(focusPath);
  document.body.dataset.ready = 'true';
}

function focusedPath() {
  const el = document.activeElement;
  if (!el || el === document.body || !app.contains(el)) return null;
  const path = [];
  for (let node = el; node && node !== app; node = node.parentElement) {
    path.unshift([...node.parentElement.children].indexOf(node));
  }
  return path;
}

function restoreFocus(path) {
  if (!path) return;
  let node = app;
  for (const i of path) {
    node = node?.children[i];
    if (!node) return;
  }
  if (typeof node.focus === 'function') node.focus({ preventScroll: true });
}

let refreshTimer = null;
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
  const tenant = () => lastState?.tenants.find((x) => x.current)?.tenant ?? null;
  document.getElementById('open-verify').addEventListener('click', () => {
    const partner = lastState?.tenants.find((x) => x.current)?.prefs?.integration;
    openPage(`${PAGE_PATHS.verify}${partner ? `?partner=${encodeURIComponent(partner)}` : ''}`);
  });
  document.getElementById('open-checklist').addEventListener('click', () => {
    const current = lastState?.tenants.find((x) => x.current);
    const params = new URLSearchParams();
    if (tenant() != null) params.set('tenant', tenant());
    if (current?.prefs?.integration) params.set('partner', current.prefs.integration);
    openPage(`${PAGE_PATHS.checklist}${params.size ? `?${params}` : ''}`);
  });
  document.getElementById('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
  const panelButton = document.getElementById('open-panel');
  if (PANEL || !sidePanelAvailable()) {
    panelButton.hidden = true;
  } else {
    panelButton.addEventListener('click', () => {
      // Called straight from the click (a user gesture), without awaiting anything first.
      Promise.resolve(openSidePanel(windowId)).then(() => window.close(), () => announce(t('panelFailed')));
    });
  }
  document.getElementById('forget-all').addEventListener('click', async () => {
    render(await ask({ type: MESSAGES.forgetAll, tabId }));
    announce(t('forgottenAll'));
  });
}

async function main() {
  localize();
  toolbar();
  // The window whose active tab is followed: the panel's own, or `?window=` (tests open the
  // panel in a window of its own).
  try {
    windowId = number('window') ?? (await chrome.windows.getCurrent()).id;
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
