// @ts-check
// The trainer checklist: one partner's setup steps (from its profile, partners/<id>.toml) for one
// tenant, each with the Workday task to search for (copyable), what to set, what to capture and
// the pitfalls. Whether a step is done is decided by the core (`checklist()` in src/checklist.rs)
// from what the extension gathered on the tenant; the worker hands it over. Steps can be ticked
// by hand; progress; reset; Markdown download for handouts; print; class mode.
//
// `?key=<record key>&partner=<id>` choose what is shown (the popup passes both): a record is a
// tenant on one host family (`wd3.implementation:acme`). A step about an object (an API client,
// a security group, an ISU) is judged on the partner's own; what pages read about others is
// listed as such.

import {
  announce,
  ask,
  byId,
  copyButton,
  download,
  findingItem,
  h,
  kindTitle,
  localize,
  md,
  progressBar,
  prose,
  slug,
  t,
} from '../../shared/ui.js';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../shared/settings.js';
import { MESSAGES } from '../../shared/messages.js';
import { PAGE_IDS } from '../../shared/generated/lists.js';

/**
 * @import { ObjectKind, Partner, StepState, StepView } from '../../shared/generated/core-types'
 * @import { ChecklistReply, Reply } from '../../shared/messages.js'
 * @import { Settings, TenantEntry } from '../../shared/types.js'
 */

const partnerSelect = byId('partner', HTMLSelectElement);
const tenantSelect = byId('tenant', HTMLSelectElement);
const classBox = byId('class-mode', HTMLInputElement);
const stepsList = byId('steps');

/** @type {Settings} */
let settings = { ...DEFAULT_SETTINGS };
/** @type {Partner[]} */
let partners = [];
/** @type {TenantEntry[]} the tenants the worker knows */
let tenants = [];
/** @type {ChecklistReply | null} the last checklist answer */
let current = null;
const NO_TENANT = '\u0000none';

/** @type {Record<StepState, () => string>} */
const STATE_LABELS = {
  done: () => t('stateDone'),
  wrong: () => t('stateWrong'),
  started: () => t('stateStarted'),
  todo: () => t('stateTodo'),
  manual: () => t('stateManual'),
};

/** The chosen record's key (null: no tenant, a handout). */
const tenant = () => (tenantSelect.value === NO_TENANT ? null : tenantSelect.value);
/** The chosen tenant's name. */
const tenantName = () => tenants.find((e) => e.key === tenant())?.tenant ?? tenant();

/** @type {Record<ObjectKind, (name: string) => string>} */
const OBJECT_WORDS = {
  api_client: (name) => t('objectApiClient', name),
  security_group: (name) => t('objectSecurityGroup', name),
  isu: (name) => t('objectIsu', name),
};
/** @type {Record<ObjectKind, () => string>} */
const OBJECT_KINDS = {
  api_client: () => t('kindApiClient'),
  security_group: () => t('kindSecurityGroup'),
  isu: () => t('kindIsu'),
};
const partner = () => partnerSelect.value;

/**
 * A page's name in the browser's language (`page_<id>`; an id the lists do not know: as it is).
 * @param {string} id
 */
const pageTitle = (id) => (/** @type {readonly string[]} */ (PAGE_IDS).includes(id) ? t(`page_${id}`) : id);
/** @param {string} name */
const settingTitle = (name) => {
  const text = t(`setting_${name}`);
  return text === `setting_${name}` ? name.replace(/_/g, ' ') : text;
};

/** @param {StepView} step */
function stateOf(step) {
  if (step.state === 'done') return 'done';
  if (step.by_hand) return 'by_hand';
  return step.state;
}

/** @param {StepView} step */
function stateText(step) {
  if (step.state === 'done') return step.by_hand ? t('stateDoneBoth') : t('stateDone');
  if (step.by_hand) return t('stateByHand');
  return STATE_LABELS[step.state]();
}

/** @param {StepView} step */
function evidenceList(step) {
  const items = [];
  const mark = (/** @type {boolean} */ ok) => h('span', { class: `ev-mark ${ok ? 'ok' : 'open'}`, 'aria-hidden': 'true', text: ok ? '\u2713' : '\u25cb' });
  if (step.page) {
    items.push(h('li', { class: step.page.seen ? 'ok' : 'open' }, mark(step.page.seen),
      t(step.page.seen ? 'evidencePageSeen' : 'evidencePage', pageTitle(step.page.id))));
  }
  for (const c of step.captures) {
    const ok = c.found >= c.needed;
    items.push(h('li', { class: ok ? 'ok' : 'open' }, mark(ok), t('evidenceCapture', kindTitle(c.kind), Math.min(c.found, c.needed), c.needed)));
  }
  for (const s of step.settings) {
    const text = !s.seen ? t('evidenceSettingUnseen', settingTitle(s.name)) : s.right ? t('evidenceSettingRight', settingTitle(s.name)) : t('evidenceSettingWrong', settingTitle(s.name));
    items.push(h('li', { class: s.seen ? (s.right ? 'ok' : 'wrong') : 'open' }, mark(s.seen && s.right), text));
  }
  for (const policy of step.unseen_policies ?? []) {
    items.push(h('li', { class: 'open' }, mark(false), t('evidencePolicyUnseen', policy)));
  }
  // Read about another client, group or user: shown, never counted.
  for (const other of step.elsewhere ?? []) {
    items.push(h('li', { class: 'elsewhere', 'data-name': other.name }, h('span', { class: 'ev-mark open', 'aria-hidden': 'true', text: '\u2715' }),
      t('evidenceElsewhere', pageTitle(other.page), OBJECT_WORDS[other.kind](other.name))));
  }
  if (!items.length) return h('p', { class: 'evidence manual-note', text: t('evidenceNone') });
  const about = step.about
    ? h('p', { class: 'step-about', 'data-known': String(step.about.name != null) },
        step.about.name != null
          ? t('stepAbout', OBJECT_WORDS[step.about.kind](step.about.name))
          : t('stepAboutUnknown', OBJECT_KINDS[step.about.kind]()))
    : null;
  return h('div', { class: 'evidence' }, h('h4', { text: t('evidenceHeading') }), about, h('ul', {}, items));
}

/**
 * A value wdcap built for a step, to copy or to keep with the tenant's values.
 * @param {NonNullable<StepView['suggestion']>} s
 */
function suggestionBox(s) {
  const use = h('button', { type: 'button', class: 'use-suggestion primary' }, t('useValue'));
  use.addEventListener('click', async () => {
    const name = tenant();
    if (name == null) return;
    const reply = await ask({ type: MESSAGES.acceptValue, key: name, kind: s.kind, value: s.value, label: t('builtByWdcap') });
    announce(reply.ok ? t('valueAdded', kindTitle(s.kind)) : t('couldNotLoad', reply.error?.message ?? '?'));
    refresh();
  });
  use.disabled = tenant() == null;
  return h('div', { class: 'suggestion' },
    h('p', { text: t('suggestionText', kindTitle(s.kind)) }),
    h('div', { class: 'value-row' }, h('code', { class: 'value-text', text: s.value }), copyButton(s.value, kindTitle(s.kind)), use),
    h('p', { class: 'help', text: t('suggestionFrom', s.from) }));
}

/**
 * Several groups' access is listed and no page said which is the integration's: ask.
 * @param {StepView} step
 * @param {string[]} groups the groups in sight
 * @param {string} name the record's key
 */
function groupPicker(step, groups, name) {
  const id = `group-${step.id}`;
  const select = h('select', { id, class: 'group-choice' }, groups.map((g) => h('option', { value: g, text: g })));
  const pick = h('button', { type: 'button', class: 'pick-group primary' }, t('groupPick'));
  pick.addEventListener('click', async () => {
    const reply = await ask({ type: MESSAGES.setPrefs, key: name, securityGroup: select.value });
    announce(reply.ok ? t('groupChosen', select.value) : t('couldNotLoad', reply.error?.message ?? '?'));
    refresh();
  });
  return h('div', { class: 'group-picker' },
    h('label', { for: id, text: t('groupQuestion') }),
    h('div', { class: 'value-row' }, select, pick));
}

/**
 * @param {StepView} step
 * @param {number} n its number
 */
function stepItem(step, n) {
  const id = `tick-${step.id}`;
  const box = h('input', {
    type: 'checkbox',
    class: 'tick',
    id,
    checked: step.ticked,
    // Seen by wdcap: nothing for a hand to do.
    disabled: step.state === 'done' && !step.by_hand,
    'aria-describedby': `state-${step.id}`,
  });
  box.addEventListener('change', async () => {
    const reply = await ask({ type: MESSAGES.checklistTick, key: tenant(), partner: partner(), step: step.id, ticked: box.checked });
    if (reply.ok) {
      render(reply);
      announce(box.checked ? t('tickedByHand', step.title) : t('untickedByHand', step.title));
      document.getElementById(id)?.focus();
    }
  });
  const state = stateOf(step);
  const item = h('li', { class: `step state-${state}${step.optional ? ' optional' : ''}`, 'data-step': step.id, 'data-state': step.state, 'data-ticked': String(step.ticked) },
    h('div', { class: 'step-head' },
      box,
      h('h3', { class: 'step-title' }, h('label', { for: id }, h('span', { class: 'step-number', text: `${n}.` }), ' ', step.title)),
      step.optional ? h('span', { class: 'chip', text: t('optional') }) : null,
      h('span', { class: `state-badge ${state}`, id: `state-${step.id}`, text: stateText(step) })));
  const body = h('div', { class: 'step-body' });
  if (step.task) {
    body.append(h('p', { class: 'step-task' }, h('span', { class: 'task-label', text: t('searchWorkdayFor') }), ' ',
      h('code', { class: 'task', text: step.task }), ' ', copyButton(step.task, t('workdayTask'))));
  }
  if (step.set.length) {
    body.append(h('div', { class: 'step-set' }, h('h4', { text: t('whatToSet') }), h('ul', {}, step.set.map((s) => prose('li', '', s)))));
  }
  if (step.capture.length) {
    body.append(h('div', { class: 'step-capture' }, h('h4', { text: t('whatToCapture') }),
      h('ul', {}, step.capture.map((k) => h('li', { text: kindTitle(k) })))));
  }
  if (step.pitfalls.length) {
    body.append(h('div', { class: 'step-pitfalls' }, h('h4', { text: t('pitfalls') }), h('ul', {}, step.pitfalls.map((s) => prose('li', '', s)))));
  }
  body.append(evidenceList(step));
  if (step.problems.length) {
    body.append(h('div', { class: 'step-problems' }, h('h4', { text: t('whyNotDone') }), h('ul', { class: 'findings' }, step.problems.map((f) => findingItem(f)))));
  }
  if (step.notes.length) {
    body.append(h('div', { class: 'step-notes' }, h('h4', { text: t('valueNotes') }),
      h('ul', { class: 'findings' }, step.notes.map((f) => findingItem(f)))));
  }
  const name = tenant();
  if (step.groups_in_sight?.length && name != null) body.append(groupPicker(step, step.groups_in_sight, name));
  if (step.suggestion) body.append(suggestionBox(step.suggestion));
  body.append(h('p', { class: 'source', text: t('sourceLabel', step.citation) }));
  item.append(body);
  return item;
}

/** @param {Reply<typeof MESSAGES.checklist>} reply */
function render(reply) {
  if (!reply?.ok) {
    stepsList.replaceChildren(h('li', { class: 'problem', text: t('couldNotLoad', reply?.error?.message ?? '?') }));
    document.body.dataset.ready = 'true';
    return;
  }
  current = reply;
  const list = reply.checklist;
  byId('partner-name').textContent = list.partner.name;
  byId('partner-summary').textContent = list.partner.summary;
  const progress = byId('progress');
  progress.replaceChildren(
    progressBar(list.progress, {
      label: t('progress'),
      text: t('progressText', list.progress.done, list.progress.total, list.progress.percent),
      big: true,
      textId: 'progress-text',
    }),
  );
  if (list.progress.optional_total) {
    progress.append(h('p', { class: 'help', text: t('optionalProgress', list.progress.optional_done, list.progress.optional_total) }));
  }
  const name = tenantName();
  byId('tenant-note').textContent = name == null ? t('noTenantNote') : t('tenantNote', name);
  stepsList.replaceChildren(...list.steps.map((s, i) => stepItem(s, i + 1)));
  document.body.dataset.percent = String(list.progress.percent);
  document.body.dataset.ready = 'true';
}

let asked = 0;

async function refresh() {
  if (!partner()) return;
  const mine = ++asked;
  const reply = await ask({ type: MESSAGES.checklist, key: tenant(), partner: partner() });
  // An older question answered late must not overwrite a newer answer.
  if (mine === asked) render(reply);
}

/** The tenant's partner, when it has none yet, is the one its checklist is opened for. */
async function adoptPartner() {
  const key = tenant();
  const entry = tenants.find((e) => e.key === key);
  if (key != null && partner() && !integrationOf(entry)) {
    await ask({ type: MESSAGES.setPrefs, key, integration: partner() });
  }
}

/**
 * The partner chosen for a tenant (none: null).
 * @param {TenantEntry | undefined} entry
 */
function integrationOf(entry) {
  return entry?.view?.prefs.integration ?? null;
}

// ---- Markdown for handouts -----------------------------------------------------------------

/** @param {ChecklistReply} reply */
function markdown(reply) {
  const list = reply.checklist;
  const name = tenantName();
  /** @type {string[]} */
  const out = [];
  out.push(`# ${md(t('mdTitle', list.partner.name))}`, '');
  out.push(`${md(list.partner.summary)}`, '');
  out.push(`- ${md(t('tenant'))}: ${name == null ? md(t('noTenant')) : `\`${name.replace(/`/g, '')}\``}`);
  out.push(`- ${md(t('progress'))}: ${md(t('progressText', list.progress.done, list.progress.total, list.progress.percent))}`);
  out.push(`- ${md(t('mdDate'))}: ${new Date().toISOString().slice(0, 10)}`, '');
  list.steps.forEach((step, i) => {
    out.push(`## ${i + 1}. [${step.ticked ? 'x' : ' '}] ${md(step.title)}${step.optional ? ` (${md(t('optional'))})` : ''}`, '');
    out.push(`${md(t('mdState'))}: **${md(stateText(step))}**`, '');
    if (step.task) out.push(`${md(t('searchWorkdayFor'))} \`${step.task.replace(/`/g, '')}\``, '');
    const section = (/** @type {string} */ title, /** @type {string[]} */ lines) => {
      if (!lines.length) return;
      out.push(`**${md(title)}**`, '');
      for (const line of lines) out.push(`- ${line}`);
      out.push('');
    };
    // Step texts may hold `code` spans: kept as code, the rest escaped.
    const keepCode = (/** @type {string} */ s) =>
      String(s)
        .split('`')
        .map((part, j) => (j % 2 ? `\`${part}\`` : md(part)))
        .join('');
    section(t('whatToSet'), step.set.map(keepCode));
    section(t('whatToCapture'), step.capture.map((k) => md(kindTitle(k))));
    section(t('pitfalls'), step.pitfalls.map(keepCode));
    if (!step.automatic) out.push(`_${md(t('evidenceNone'))}_`, '');
    out.push(`<sub>${md(t('sourceLabel', step.citation))}</sub>`, '');
  });
  return `${out.join('\n').trim()}\n`;
}

// ---- controls ----------------------------------------------------------------------------------

/**
 * The tenants on offer, each a record (a tenant on one host family), `wanted` chosen.
 * @param {string | null | undefined} wanted a record key
 */
function fillTenants(wanted) {
  /** @type {[string, string][]} key, label */
  const choices = tenants.map((e) => [e.key, e.view?.family_label ? `${e.tenant} (${e.view.family_label})` : e.tenant]);
  // A tenant asked for is offered even before anything of it was captured.
  if (wanted != null && wanted !== NO_TENANT && !choices.some(([k]) => k === wanted)) choices.unshift([wanted, wanted]);
  const options = choices.map(([key, label]) => h('option', { value: key, text: label || t('noTenant') }));
  options.push(h('option', { value: NO_TENANT, text: t('noTenantChoice') }));
  tenantSelect.replaceChildren(...options);
  if (wanted != null && choices.some(([k]) => k === wanted)) tenantSelect.value = wanted;
  else tenantSelect.value = choices[0]?.[0] ?? NO_TENANT;
}

/** @param {string | null | undefined} wanted */
function pickPartner(wanted) {
  const ids = partners.map((p) => p.id);
  const entry = tenants.find((e) => e.key === tenant());
  const choice = [wanted, integrationOf(entry), settings.lastPartner].find((id) => id && ids.includes(id)) ?? ids[0];
  partnerSelect.value = choice ?? '';
}

async function main() {
  localize();
  settings = await loadSettings();
  classBox.checked = settings.classMode;
  document.body.classList.toggle('class-mode', settings.classMode);
  const [listed, state] = await Promise.all([ask({ type: MESSAGES.partners }), ask({ type: MESSAGES.view })]);
  partners = listed.ok ? listed.partners : [];
  tenants = state.ok ? state.tenants : [];
  if (state.ok && state.version) byId('version').textContent = t('builtBy', state.version);
  for (const p of partners) partnerSelect.append(h('option', { value: p.id, text: p.name }));
  const params = new URLSearchParams(location.search);
  fillTenants(params.get('key'));
  pickPartner(params.get('partner'));

  await adoptPartner();
  partnerSelect.addEventListener('change', async () => {
    await saveSettings({ lastPartner: partner() });
    const key = tenant();
    if (key != null) await ask({ type: MESSAGES.setPrefs, key, integration: partner() });
    refresh();
  });
  tenantSelect.addEventListener('change', () => {
    // The tenant's own partner if it has one, else the one shown.
    const own = integrationOf(tenants.find((e) => e.key === tenant()));
    pickPartner(own ?? partner());
    adoptPartner();
    refresh();
  });
  classBox.addEventListener('change', async () => {
    settings = await saveSettings({ classMode: classBox.checked });
    document.body.classList.toggle('class-mode', settings.classMode);
    announce(settings.classMode ? t('classModeOn') : t('classModeOff'));
  });
  byId('export-md').addEventListener('click', () => {
    if (!current) return;
    download(`wdcap-checklist-${slug(partner())}-${slug(tenantName() ?? 'handout')}.md`, markdown(current), 'text/markdown');
    announce(t('markdownDownloaded'));
  });
  byId('print').addEventListener('click', () => window.print());
  const confirmBox = byId('reset-confirm');
  const resetButton = byId('reset');
  resetButton.addEventListener('click', () => {
    confirmBox.hidden = false;
    byId('reset-no').focus();
  });
  byId('reset-no').addEventListener('click', () => {
    confirmBox.hidden = true;
    resetButton.focus();
  });
  byId('reset-yes').addEventListener('click', async () => {
    confirmBox.hidden = true;
    render(await ask({ type: MESSAGES.checklistReset, key: tenant(), partner: partner() }));
    announce(t('checklistReset'));
    resetButton.focus();
  });

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'session' && area !== 'local') return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (area === 'session') {
        // New tenants may have been captured meanwhile.
        const fresh = await ask({ type: MESSAGES.view });
        if (fresh.ok) {
          const keep = tenant();
          const before = tenants.map((e) => e.key).join('\u0000');
          tenants = fresh.tenants;
          if (tenants.map((e) => e.key).join('\u0000') !== before) fillTenants(keep ?? tenants[0]?.key);
        }
      }
      if (area === 'local' && changes.settings) {
        settings = await loadSettings();
        classBox.checked = settings.classMode;
        document.body.classList.toggle('class-mode', settings.classMode);
      }
      refresh();
    }, 150);
  });
  await refresh();
}

main();
