// @ts-check
// The popup, and the same UI in the side panel (panel.html, which the build makes from popup.html
// with <body data-view="panel">): the "This page" strip (what wdcap read on the tab's page, or
// that it does not know it: shared/this-page.js), then the core's view of the current tab's tenant (then any other
// tenant captured this session): one card per API client (the partner's first, a button to take
// another as the partner's), the tenant-wide values grouped by the chosen partner's checklist
// steps (or by the page they came from), each with copy, reveal for secrets, its findings and
// fixes; the findings about no single value grouped by step under a count; the settings read;
// the SSO switch (with where its answer comes from) and the partner; the checklist's progress;
// "Export for partner" (its text and JSON written by the core); forgetting a tenant or
// everything. The worker asks the core for one view per tenant: one run of the checks each.
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
import { thisPageStrip } from '../../shared/this-page.js';
import { DEFAULT_SETTINGS, loadSettings } from '../../shared/settings.js';
import { MESSAGES } from '../../shared/messages.js';
import { SSO_CHOICES } from '../../shared/generated/lists.js';
import { PAGE_PATHS } from '../../shared/paths.js';
import { openSidePanel, sidePanelAvailable } from '../../worker/platform.js';
import { liveSection } from '../live/live.js';
import { addValueSection } from '../../shared/add-value.js';
import { forgetControl, undoBar } from './forget-ui.js';
import { classBadge } from '../../shared/class-badge.js';
import { followFocus } from './focus-value.js';
import { findingGroups } from './finding-groups.js';

/**
 * @import { Checklist, ClientCard, ObjectCard, PageId, Partner, PartnerExport, SettingRow, TenantView, ValueView } from '../../shared/generated/core-types'
 * @import { Failure, PrefsChange, ThisPage } from '../../shared/messages.js'
 * @import { Settings, TenantEntry, ViewState } from '../../shared/types.js'
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
/** @type {Set<string>} "key\0index" of secrets shown in clear */
const revealed = new Set();
/** @type {Set<string>} sections the user opened (other tenants, exports), kept across refreshes */
const opened = new Set();
/** @type {Set<string>} "key\0partner" exports the user chose to export anyway */
const overridden = new Set();

/** "Undo" after a forgetting, above the values (forget-ui.js). */
const undo = undoBar(() => tabId, (state) => render(state));

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

/** @type {ThisPage | null} what wdcap read on the tab's page (the "This page" strip) */
let currentPage = null;
const view = async () => {
  const [state, here] = await Promise.all([ask({ type: MESSAGES.view, tabId }), ask({ type: MESSAGES.thisPage, tabId })]);
  currentPage = here?.ok ? here.page : null;
  return state;
};
const partnerOf = (/** @type {string | null | undefined} */ id) => partners.find((p) => p.id === id) ?? null;

/**
 * Changes a tenant's preferences and renders the answer.
 * @param {TenantEntry} e
 * @param {Omit<PrefsChange, 'key' | 'tabId'>} change
 */
async function setPrefs(e, change) {
  render(await ask({ type: MESSAGES.setPrefs, key: e.key, tabId, ...change }));
}

// ---- small pieces ---------------------------------------------------------------------------

/** @param {number | null | undefined} at */
function relativeTime(at) {
  if (at == null || !Number.isFinite(at) || at <= 0) return '';
  const seconds = Math.round((at - Date.now()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(document.documentElement.lang || undefined, { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return rtf.format(seconds, 'second');
  if (Math.abs(seconds) < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  return rtf.format(Math.round(seconds / 3600), 'hour');
}

/** The group of values read on tenant pages no recogniser claims (their connection URLs). */
const UNRECOGNISED = 'unrecognised';

/**
 * A page's name: the title it was read under, else its id as words.
 * @param {TenantView} v
 * @param {PageId | '' | typeof UNRECOGNISED} pageId
 */
function pageName(v, pageId) {
  if (pageId === UNRECOGNISED) return t('unrecognisedPageValues');
  const title = pageId ? v.pages.find((p) => p.page === pageId)?.title : undefined;
  if (title) return title;
  if (!pageId) return t('otherValues');
  return pageId.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

// ---- one value -------------------------------------------------------------------------------

/**
 * @param {TenantEntry} e
 * @param {TenantView} v
 * @param {ValueView} param
 */
function valueItem(e, v, param) {
  const title = param.label || kindTitle(param.kind);
  // Where a URL's environment or data center is not the only one of the tenant, say which.
  const where =
    param.host && hosts(v).mixed ? [environmentLabel(param.environment), param.data_center].filter(Boolean).join(' \u00b7 ') : null;
  const meta = [param.name, where, param.hand ? t('byHand') : null].filter(Boolean);
  return valueRow({
    param,
    findings: param.findings ?? [],
    label: title,
    copyWhat: title,
    meta: meta.length ? meta.join(' \u2014 ') : null,
    revealed,
    revealKey: `${e.key}\u0000${param.index}`,
    classMode: settings.classMode,
  });
}

// ---- one tenant -----------------------------------------------------------------------------

/**
 * The SSO switch, and where its answer comes from (a setting read on a page, or the admin).
 * @param {TenantEntry} e
 * @param {TenantView} v
 */
function ssoControl(e, v) {
  const name = `sso-${slug(e.key)}`;
  const group = h('fieldset', { class: 'sso segmented-field' }, h('legend', { text: t('ssoQuestion') }));
  const choices = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': t('ssoQuestion') });
  for (const value of SSO_CHOICES) {
    const label = SSO_LABELS[value]();
    const id = `${name}-${value}`;
    const input = h('input', { type: 'radio', name, id, value, checked: v.prefs.sso === value });
    input.addEventListener('change', () => {
      if (input.checked) setPrefs(e, { sso: value });
    });
    choices.append(input, h('label', { for: id, text: label }));
  }
  group.append(choices);
  const source = v.prefs.sso_source;
  const where = source.page_title || pageName(v, source.page ?? '');
  const said =
    source.kind === 'read'
      ? t('ssoReadOn', where)
      : source.kind === 'you_chose'
        ? source.read
          ? t('ssoYouChoseOver', where, SSO_LABELS[source.read]())
          : t('ssoYouChose')
        : null;
  if (said) group.append(h('p', { class: 'sso-source', 'data-source': source.kind, text: said }));
  return group;
}

/** @param {TenantEntry} e */
function partnerControl(e) {
  const select = h('select', { class: 'partner', 'aria-label': t('partner') });
  const chosen = e.view?.prefs.integration ?? '';
  for (const [value, label] of partnerOptions(partners)) {
    select.append(h('option', { value, selected: chosen === value, text: label }));
  }
  select.addEventListener('change', () => setPrefs(e, { integration: select.value || null }));
  return h('label', { class: 'field-label partner-label' }, h('span', { text: t('partner') }), select);
}

/** @param {TenantEntry} e */
function summary(e) {
  /** @type {(string | HTMLElement)[]} */
  const parts = [];
  const c = e.view?.counts ?? { values: 0, error: 0, warning: 0, info: 0 };
  parts.push(tn('values', c.values));
  if (c.error) parts.push(h('span', { class: 'count error', text: tn('errors', c.error) }));
  if (c.warning) parts.push(h('span', { class: 'count warning', text: tn('warnings', c.warning) }));
  if (!c.error && !c.warning && c.values) parts.push(h('span', { class: 'count ok', text: t('noProblems') }));
  const out = h('span', { class: 'summary' });
  parts.forEach((p, i) => {
    if (i) out.append(' \u00b7 ');
    out.append(p);
  });
  return out;
}

/**
 * Every value of the tenant, on cards and beside them.
 * @param {TenantView} v
 */
const allValues = (v) => [...v.values, ...v.clients.flatMap((c) => c.values)];

/**
 * The environments and data centers the tenant's URLs name.
 * @param {TenantView} v
 */
function hosts(v) {
  const urls = allValues(v).filter((p) => p.host);
  const named = (/** @type {(string | null)[]} */ list) => [...new Set(list.filter((x) => x != null && x !== ''))];
  const envs = named(urls.map((p) => p.environment));
  const dcs = named(urls.map((p) => p.data_center));
  return { envs, dcs, mixed: envs.length > 1 || dcs.length > 1 };
}

/** @param {TenantEntry} e */
function tenantChips(e) {
  return e.view?.family_label ? [h('span', { class: 'chip', text: e.view.family_label })] : [];
}

/**
 * @param {TenantEntry} e
 * @param {Checklist} list the chosen partner's checklist on it
 */
function checklistStrip(e, list) {
  const open = h('button', { type: 'button', class: 'open-checklist' }, t('openChecklist'));
  open.addEventListener('click', () =>
    openPage(`${PAGE_PATHS.checklist}?key=${encodeURIComponent(e.key)}&partner=${encodeURIComponent(list.partner.id)}`));
  return h('div', { class: 'checklist-strip', 'data-percent': String(list.progress.percent) },
    h('span', { class: 'strip-label', text: t('checklistFor', list.partner.name) }),
    progressBar(list.progress, { label: t('checklistFor', list.partner.name), text: t('stepsDone', list.progress.done, list.progress.total) }),
    open);
}

/**
 * @param {TenantEntry} e
 * @param {PartnerExport} x the export for its chosen partner
 */
function exportSection(e, x) {
  const key = `${e.key}\u0000${x.partner.id}`;
  const openKey = `export\u0000${key}`;
  const details = h('details', { class: 'export', 'data-partner': x.partner.id, 'data-ready': String(x.ready), open: opened.has(openKey) });
  details.addEventListener('toggle', () => (details.open ? opened.add(openKey) : opened.delete(openKey)));
  details.append(h('summary', {}, h('span', { text: t('exportFor', x.partner.name) }),
    h('span', { class: `badge ${x.ready ? 'ok' : 'error'}`, text: x.ready ? t('exportReady') : t('exportBlockedShort') })));

  const hasSecret = x.items.some((i) => i.values.some((value) => value.secret));
  const json = h('button', { type: 'button', class: 'export-json' }, t('exportDownloadJson'));
  // Using the export is the checklist's evidence of a step done outside Workday (10KC's e-mail).
  const used = () => ask({ type: MESSAGES.exportUsed, key: e.key, partner: x.partner.id });
  const save = async () => {
    // The file is written by the core at the moment of the export.
    const reply = await ask({ type: MESSAGES.export, key: e.key, partner: x.partner.id });
    if (!reply.ok || !reply.export.json) {
      announce(t('couldNotLoad', reply.ok ? '?' : reply.error.message));
      return;
    }
    download(`wdcap-${slug(x.partner.id)}-${slug(e.tenant)}.json`, reply.export.json, 'application/json');
    announce(t('exportDownloaded'));
    used();
  };
  // A file with secrets in it lands in Downloads in clear: the user says so first.
  const confirm = confirmStep({ message: t('exportSecretsConfirm'), confirmLabel: t('exportSecretsConfirmYes'), onConfirm: save, className: 'export-confirm', keep: openKey });
  json.addEventListener('click', () => (hasSecret ? confirm.ask() : save()));
  const realCopy = copyButton(x.text ?? '', t('exportWhat', x.partner.name), { secret: hasSecret, label: t('exportCopyText') });
  realCopy.classList.add('export-copy');
  realCopy.addEventListener('click', used);
  const actions = h('div', { class: 'export-actions' }, realCopy, json, confirm.box);

  const body = h('div', { class: 'export-body' });
  if (x.client) {
    body.append(h('p', { class: 'export-client', text: t('exportClient', x.client.name ?? t('clientUnnamed')) }));
  }
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
            value.corrected.length ? h('span', { class: 'corrected-note', text: t('exportCorrected', value.corrected_because.join(' ')) }) : null))
      : [h('span', { class: item.required ? 'missing' : 'optional-missing', text: item.required ? t('exportMissing') : t('exportOptionalMissing') })];
    // What was done to pick the values (the core's words): which client, which of several.
    const note = item.note ? h('span', { class: 'candidates-note', text: item.note }) : null;
    list.append(h('li', { class: 'export-item', 'data-kind': item.kind },
      h('span', { class: 'export-label', text: item.label }), ...values, note));
  }
  body.append(list, actions);
  if (hasSecret) body.append(h('p', { class: 'export-note', text: t('exportSecretNote') }));
  details.append(body);
  return details;
}

/**
 * A heading of the values: a partner's step (`done`: it is ticked) or a page (`at`: when it was
 * read), with its values.
 * @typedef {{kind: 'step' | 'page', id: string, title: string, done?: boolean, at?: number, items: ValueView[]}} ValueGroup
 */

/**
 * The tenant-wide values grouped by the partner step that yields them (else by the page they
 * came from).
 * @param {TenantView} v
 * @returns {ValueGroup[]}
 */
function valueGroups(v) {
  const partner = partnerOf(v.prefs.integration);
  /** @type {ValueGroup[]} */
  const groups = [];
  /** @type {Set<number>} */
  const placed = new Set();
  if (partner) {
    const states = new Map((v.checklist?.steps ?? []).map((s) => [s.id, s]));
    for (const step of partner.steps) {
      const items = v.values.filter((param) => !placed.has(param.index) && step.capture.includes(param.kind));
      for (const param of items) placed.add(param.index);
      if (items.length) groups.push({ kind: 'step', id: step.id, title: step.title, done: states.get(step.id)?.ticked, items });
    }
  }
  /** @type {Map<PageId | '' | typeof UNRECOGNISED, ValueView[]>} */
  const pages = new Map();
  for (const param of v.values) {
    if (placed.has(param.index)) continue;
    const page = param.page ?? (param.unrecognised ? UNRECOGNISED : '');
    const items = pages.get(page) ?? [];
    items.push(param);
    pages.set(page, items);
  }
  const at = (/** @type {PageId | '' | typeof UNRECOGNISED} */ page) =>
    page === UNRECOGNISED ? Math.max(...(pages.get(page) ?? []).map((p) => p.at)) : page ? v.pages.find((p) => p.page === page)?.at : undefined;
  const ordered = [...pages.keys()].sort((a, b) => (at(b) ?? 0) - (at(a) ?? 0));
  for (const page of ordered) groups.push({ kind: 'page', id: page, title: pageName(v, page), at: at(page), items: pages.get(page) ?? [] });
  return groups;
}

/**
 * Settings as rows: what they say, where and when they were read.
 * @param {TenantView} v
 * @param {SettingRow[]} rows
 */
function settingRows(v, rows) {
  return h('ul', { class: 'settings-read' },
    rows.map((row) =>
      h('li', { class: 'setting', 'data-setting': row.name },
        h('span', { class: 'setting-text', text: row.text }),
        h('span', { class: 'setting-where', text: t('readOn', row.page_title || pageName(v, row.page ?? '')) }))));
}

/**
 * One API client's card: its values, its settings, whether it is the partner's and why.
 * @param {TenantEntry} e
 * @param {TenantView} v
 * @param {ClientCard} c
 */
function clientCard(e, v, c) {
  const name = c.name ?? t('clientUnnamed');
  const head = h('div', { class: 'card-head' },
    h('h3', { class: 'card-name', text: name }),
    c.chosen ? h('span', { class: 'chip chosen', text: t('partnersObject') }) : null);
  const card = h('section', { class: `client card${c.chosen ? ' chosen' : ''}`, 'data-client': name, 'aria-label': name }, head);
  if (c.reason) card.append(h('p', { class: 'card-reason', text: c.reason }));
  if (!c.chosen && v.prefs.integration) {
    const use = h('button', { type: 'button', class: 'use-client quiet' }, t('useForPartner'));
    use.addEventListener('click', () => setPrefs(e, { apiClient: c.handle }));
    card.append(use);
  }
  if (c.values.length) card.append(h('ul', { class: 'values' }, c.values.map((param) => valueItem(e, v, param))));
  if (c.settings.length) card.append(settingRows(v, c.settings));
  return card;
}

/**
 * The security groups and integration system users read, with the partner's marked and a way
 * to take another as the partner's.
 * @param {TenantEntry} e
 * @param {TenantView} v
 */
function objectsSection(e, v) {
  /**
   * @param {ObjectCard[]} cards
   * @param {string} heading
   * @param {'securityGroup' | 'isu'} pref
   */
  const list = (cards, heading, pref) =>
    cards.length
      ? h('section', { class: `objects ${pref}` },
          h('h3', { text: heading }),
          h('ul', {}, cards.map((o) => {
            const item = h('li', { class: `object${o.chosen ? ' chosen' : ''}`, 'data-name': o.name },
              h('span', { class: 'object-name', text: o.name }),
              o.chosen ? h('span', { class: 'chip chosen', text: t('partnersObject') }) : null);
            if (o.reason) item.append(h('p', { class: 'card-reason', text: o.reason }));
            if (!o.chosen && v.prefs.integration) {
              const use = h('button', { type: 'button', class: 'use-object quiet' }, t('useForPartner'));
              use.addEventListener('click', () => setPrefs(e, { [pref]: o.name }));
              item.append(use);
            }
            if (o.settings.length) item.append(settingRows(v, o.settings));
            return item;
          })))
      : null;
  return [list(v.groups, t('securityGroupsHeading'), 'securityGroup'), list(v.isus, t('isusHeading'), 'isu')];
}

/** @param {TenantEntry} e */
function tenantBody(e) {
  const body = h('div', { class: 'tenant-body' });
  const v = e.view;
  if (e.error || !v) {
    body.append(h('p', { class: 'problem', text: t('couldNotCheck', e.error?.message ?? '?') }));
    return body;
  }
  body.append(h('div', { class: 'controls' }, ssoControl(e, v), partnerControl(e)));
  if (v.checklist) body.append(checklistStrip(e, v.checklist));
  if (e.empty) {
    body.append(h('p', { class: 'hint', text: t('nothingCaptured', e.tenant || t('thisTenant')) }));
    return body;
  }
  // Values first: the API clients' cards, then the tenant's own values.
  if (v.clients.length) {
    const chosen = v.clients.some((c) => c.chosen);
    body.append(h('section', { class: 'clients' },
      h('h3', { class: 'section-title', text: t('apiClientsHeading') }),
      v.prefs.integration && !chosen && v.clients.length > 1 ? h('p', { class: 'hint', text: t('noClientChosen') }) : null,
      v.clients.map((c) => clientCard(e, v, c))));
  }
  for (const group of valueGroups(v)) {
    const heading = h('h3', {},
      h('span', { text: group.title }),
      group.kind === 'step' && group.done ? h('span', { class: 'step-done', text: t('stepDoneShort') }) : null,
      group.kind === 'page' && group.at ? h('span', { class: 'when', text: relativeTime(group.at) }) : null);
    body.append(
      h('section', { class: group.kind, [`data-${group.kind}`]: group.id }, heading,
        h('ul', { class: 'values' }, group.items.map((param) => valueItem(e, v, param)))),
    );
  }
  body.append(addValueSection({ tenantKey: e.key, view: v, tabId, onAdded: render, opened }));
  if (v.export) body.append(exportSection(e, v.export));
  body.append(...findingGroups(e.key, v.findings, opened));
  if (v.settings.length) body.append(h('section', { class: 'tenant-settings' }, h('h3', { text: t('settingsReadHeading') }), settingRows(v, v.settings)));
  body.append(...objectsSection(e, v).filter((x) => x != null));
  body.append(liveSection(e)); // the live connection test (live.js)
  const name = e.tenant || t('theseValues');
  const { forget, box } = forgetControl({
    id: e.key,
    label: t('forgetTenant', name),
    question: t('forgetTenantQuestion', name),
    className: 'forget quiet',
    send: () => ask({ type: MESSAGES.forget, key: e.key, tabId }),
    render,
    done: (reply) => {
      undo.offer(reply, name);
      announce(t('forgotten', name));
    },
  });
  body.append(h('div', { class: 'tenant-foot' }, forget), box);
  return body;
}

/**
 * @param {TenantEntry} e
 * @param {boolean} [open] a tenant not the tab's starts open
 */
function tenantSection(e, open) {
  const name = e.tenant || t('noTenant');
  const head = h('div', { class: 'tenant-head' },
    h('h2', {}, h('span', { class: 'tenant-name', text: name }), ...tenantChips(e)),
    summary(e));
  if (e.current) {
    return h('section', { class: 'tenant current', 'data-tenant': e.tenant, 'data-key': e.key, 'aria-label': name }, head, tenantBody(e));
  }
  const details = h('details', { class: 'tenant other', 'data-tenant': e.tenant, 'data-key': e.key, open: open || opened.has(e.key) },
    h('summary', {}, head),
    tenantBody(e));
  details.addEventListener('toggle', () => (details.open ? opened.add(e.key) : opened.delete(e.key)));
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
  // What wdcap read on the tab's page, above everything (shared/this-page.js).
  const strip = thisPageStrip(currentPage, partnerOf(state.tenants.find((x) => x.current)?.view?.prefs.integration));
  if (strip) nodes.push(strip);
  if (state.current == null) {
    nodes.push(h('p', { class: 'hint', text: state.tenants.length ? t('notWorkdayTab') : t('openWorkdayPage') }));
  }
  const others = state.tenants.filter((x) => !x.current);
  for (const v of state.tenants.filter((x) => x.current)) nodes.push(tenantSection(v));
  if (others.length && state.current != null) nodes.push(h('h2', { class: 'others', text: t('otherTenants') }));
  for (const v of others) nodes.push(tenantSection(v, state.current == null && state.tenants.length === 1));
  app.replaceChildren(...nodes);
  byId('forget-all').hidden = !state.tenants.some((x) => !x.empty && !x.error);
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
    const partner = here?.view?.prefs.integration ?? null;
    openPage(`${PAGE_PATHS.verify}${partner ? `?partner=${encodeURIComponent(partner)}` : ''}`);
  });
  byId('open-checklist').addEventListener('click', () => {
    const here = current();
    const partner = here?.view?.prefs.integration ?? null;
    const params = new URLSearchParams();
    if (here) params.set('key', here.key);
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
  const all = forgetControl({
    id: '',
    label: t('forgetAll'),
    question: t('forgetAllQuestion'),
    className: 'forget-all',
    button: /** @type {HTMLButtonElement} */ (byId('forget-all')),
    send: () => ask({ type: MESSAGES.forgetAll, tabId }),
    render,
    done: (reply) => {
      undo.offer(reply, t('everything'));
      announce(t('forgottenAll'));
    },
  });
  byId('forget-all').after(all.box);
}

async function main() {
  localize();
  toolbar();
  // A copied secret the clipboard could not be cleared of is said here, above everything.
  app.before(clipboardNotice());
  app.before(undo.bar);
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
  const classMode = classBadge(settings.classMode);
  byId('version').before(classMode.box);
  render(await view());
  if (PANEL) void followFocus(app, windowId);
  chrome.storage.onChanged.addListener(async (changes, area) => {
    if (area === 'session') refreshSoon();
    if (area === 'local') {
      if (changes.settings) {
        settings = await loadSettings();
        document.body.classList.toggle('class-mode', settings.classMode);
        classMode.update(settings.classMode);
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
