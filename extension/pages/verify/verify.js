// @ts-check
// The support agent's Verify page: paste a ticket, an e-mail or a chat, pick the
// partner and whether the tenant uses SSO, and see every Workday connection value in it with
// its kind, its findings and fixes. Secrets show as fingerprint and length (same function as the
// CLI's), so agent and admin can confirm they hold the same value without showing it. "Copy
// redacted report" puts a Markdown report without any secret on the clipboard for the ticket.
//
// The text can also come from a file dropped on the text box or chosen (an e-mail saved as .eml,
// its MIME parts decoded by the core; .txt, .md, .html, .json), or from "Check with wdcap" on text
// selected in any page (extension/worker/context-menu.js): the page is opened with a one-time
// token in its address and asks the worker for the text once.
//
// The wasm core runs in this page (extension pages may compile wasm): `checkText` and
// `redactText` from extension/worker/core.js. Nothing pasted is stored or sent anywhere.

import * as core from '../../worker/core.js';
import {
  SSO_LABELS,
  announce,
  ask,
  byId,
  environmentLabel,
  findingItem,
  h,
  kindTitle,
  localize,
  partnerOptions,
  t,
  tn,
} from '../../shared/ui.js';
import { valueRow } from '../../shared/value-row.js';
import { countBySeverity, findingsByParam } from '../../shared/findings.js';
import { DEFAULT_SETTINGS, loadSettings } from '../../shared/settings.js';
import { MAX_FILE_BYTES, SSO_CHOICES, TICKET_FILES } from '../../shared/generated/lists.js';
import { MESSAGES } from '../../shared/messages.js';

/**
 * @import { FindingView, Options, ParamView, ReportView, Sso } from '../../shared/generated/core-types'
 * @import { Settings } from '../../shared/types.js'
 */

const input = byId('input', HTMLTextAreaElement);
const partnerSelect = byId('partner', HTMLSelectElement);
const results = byId('results');
const summaryLine = byId('summary');
const general = byId('general');
const valuesList = byId('values');
const reportButton = byId('copy-report', HTMLButtonElement);
const fileInput = byId('file', HTMLInputElement);
const sourceLine = byId('source');

/** @type {Settings} */
let settings = { ...DEFAULT_SETTINGS };
/** @type {string | null} the text the results are of */
let checkedText = null;
/** @type {Set<string>} the secrets shown in clear, by index */
const revealed = new Set();
/** @type {string | null} where the text came from, when it was not typed or pasted */
let origin = null;

/** @returns {Options} */
function options() {
  const checked = /** @type {HTMLInputElement | null} */ (document.querySelector('input[name="sso"]:checked'));
  const sso = /** @type {Sso} */ (checked?.value ?? 'unknown');
  return partnerSelect.value ? { sso, integration: partnerSelect.value } : { sso };
}

/**
 * @param {ParamView} param
 * @param {number} index
 * @param {FindingView[]} findings
 */
function valueItem(param, index, findings) {
  const title = kindTitle(param.kind);
  const facts = [];
  if (param.source?.label) facts.push(t('verifyLabelled', param.source.label));
  if (param.source?.line) facts.push(t('verifyLine', param.source.line));
  if (param.name) facts.push(param.name);
  const chips = [
    param.tenant ? h('span', { class: 'chip', text: t('verifyTenant', param.tenant) }) : null,
    param.environment ? h('span', { class: 'chip', text: environmentLabel(param.environment) }) : null,
    param.data_center ? h('span', { class: 'chip', text: param.data_center }) : null,
    param.host ? h('span', { class: 'chip host', text: param.host }) : null,
  ];
  return valueRow({
    param,
    findings,
    label: [
      h('span', { class: 'kind', text: title }),
      param.ambiguous_with?.length
        ? h('span', { class: 'ambiguous', text: t('verifyAmbiguous', param.ambiguous_with.map(kindTitle).join(', ')) })
        : null,
    ],
    copyWhat: title,
    meta: facts.length ? facts.join(' \u00b7 ') : null,
    revealed,
    revealKey: String(index),
    classMode: settings.classMode,
    data: { 'data-index': String(index) },
    details: (hidden) => [
      param.secret && !hidden ? h('p', { class: 'fingerprint', text: t('verifyFingerprint', param.fingerprint ?? '?', param.length ?? '?') }) : null,
      chips.some(Boolean) ? h('div', { class: 'chips' }, chips) : null,
    ],
    noFindings: () => h('p', { class: 'all-good', text: t('verifyNoFindings') }),
  });
}

/** @param {ReportView} report */
function render(report) {
  const { perParam, general: rest } = findingsByParam(report);
  const c = countBySeverity(report.findings);
  const parts = [tn('values', report.params.length)];
  if (c.error) parts.push(tn('errors', c.error));
  if (c.warning) parts.push(tn('warnings', c.warning));
  if (c.info) parts.push(tn('notes', c.info));
  if (!report.findings.length && report.params.length) parts.push(t('noProblems'));
  summaryLine.textContent = parts.join(' \u00b7 ');
  summaryLine.dataset.errors = String(c.error);
  general.replaceChildren(...rest.map((f) => findingItem(f)));
  valuesList.replaceChildren(...report.params.map((p, i) => valueItem(p, i, perParam[i])));
  if (!report.params.length && !rest.length) {
    valuesList.replaceChildren(h('li', { class: 'hint', text: t('verifyNothingFound') }));
  }
  results.hidden = false;
  reportButton.disabled = false;
  sourceLine.hidden = origin == null;
  sourceLine.textContent = origin ?? '';
  // How many checks have been shown (tests wait for the next one).
  document.body.dataset.checked = String(Number(document.body.dataset.checked ?? 0) + 1);
}

async function check() {
  const text = input.value;
  if (!text.trim()) {
    results.hidden = true;
    checkedText = null;
    return;
  }
  revealed.clear();
  const result = await core.checkText(text, options());
  if (!result.ok) {
    results.hidden = false;
    summaryLine.textContent = t('verifyFailed', result.error.message);
    general.replaceChildren();
    valuesList.replaceChildren();
    reportButton.disabled = true;
    return;
  }
  checkedText = text;
  render(result.report);
  announce(summaryLine.textContent);
}

/**
 * Shows why the text could not be had (a file, the selection) instead of results.
 * @param {string} message
 */
function failed(message) {
  origin = null;
  checkedText = null;
  results.hidden = false;
  summaryLine.textContent = message;
  sourceLine.hidden = true;
  general.replaceChildren();
  valuesList.replaceChildren();
  reportButton.disabled = true;
  announce(message);
  document.body.dataset.failed = String(Number(document.body.dataset.failed ?? 0) + 1);
}

/**
 * Reads a dropped or chosen file through the core (a mail's parts decoded) and checks its text.
 * @param {File} file
 */
async function openFile(file) {
  if (file.size > MAX_FILE_BYTES) {
    failed(t('verifyFileTooLarge', file.name, Math.round(MAX_FILE_BYTES / 2 ** 20)));
    return;
  }
  const result = await core.fileText(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!result.ok) {
    failed(t('verifyFileFailed', file.name, result.error.message));
    return;
  }
  input.value = result.report;
  origin = t('verifyFromFile', file.name);
  await check();
}

/** The text selected for "Check with wdcap", when the page was opened for one. */
async function takeSelection() {
  const params = new URLSearchParams(location.search);
  const token = params.get('selection');
  if (!token) return;
  // The token is good once: a reload must not ask again.
  params.delete('selection');
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  const reply = await ask({ type: MESSAGES.takeSelection, token });
  if (!reply.ok) {
    failed(t('verifySelectionGone'));
    return;
  }
  input.value = reply.text;
  origin = t('verifyFromSelection');
  await check();
}

/** A file dropped anywhere on the text box's card is opened. */
function acceptDrops() {
  const card = /** @type {HTMLElement} */ (input.closest('.input-card'));
  const hasFiles = (/** @type {DragEvent} */ e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  card.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    card.classList.add('dropping');
  });
  card.addEventListener('dragleave', () => card.classList.remove('dropping'));
  card.addEventListener('drop', (e) => {
    card.classList.remove('dropping');
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    openFile(file);
  });
}

async function copyReport() {
  if (checkedText == null) return;
  const result = await core.redactText(checkedText, options());
  if (!result.ok) {
    announce(t('verifyFailed', result.error.message));
    return;
  }
  try {
    await navigator.clipboard.writeText(result.report);
    reportButton.textContent = t('copied');
    announce(t('reportCopied'));
  } catch {
    reportButton.textContent = t('copyFailed');
  }
  setTimeout(() => {
    reportButton.textContent = t('copyReport');
  }, 1500);
}

/** The SSO answers, the first (don't know) chosen. */
function ssoChoices() {
  byId('sso-choices').replaceChildren(
    ...SSO_CHOICES.flatMap((choice, i) => [
      h('input', { type: 'radio', name: 'sso', id: `sso-${choice}`, value: choice, checked: i === 0 }),
      h('label', { for: `sso-${choice}`, text: SSO_LABELS[choice]() }),
    ]),
  );
}

async function main() {
  localize();
  ssoChoices();
  settings = await loadSettings();
  document.body.classList.toggle('class-mode', settings.classMode);
  const listed = await core.partners();
  for (const [value, label] of partnerOptions(listed.ok ? listed.report : [])) {
    partnerSelect.append(h('option', { value, text: label }));
  }
  const wanted = new URLSearchParams(location.search).get('partner');
  if (wanted && [...partnerSelect.options].some((o) => o.value === wanted)) partnerSelect.value = wanted;
  const version = await core.version();
  if (version.ok) byId('version').textContent = t('builtBy', version.value);

  byId('check').addEventListener('click', check);
  byId('clear').addEventListener('click', () => {
    input.value = '';
    results.hidden = true;
    checkedText = null;
    origin = null;
    input.focus();
  });
  input.addEventListener('input', () => {
    origin = null;
  });
  fileInput.accept = TICKET_FILES.join(',');
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = ''; // the same file chosen again is opened again
    if (file) openFile(file);
  });
  acceptDrops();
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      check();
    }
  });
  // A paste is checked at once; so is a change of partner or SSO once something was checked.
  input.addEventListener('paste', () => setTimeout(check, 0));
  partnerSelect.addEventListener('change', () => checkedText != null && check());
  for (const radio of document.querySelectorAll('input[name="sso"]')) {
    radio.addEventListener('change', () => checkedText != null && check());
  }
  reportButton.addEventListener('click', copyReport);
  await takeSelection();
  chrome.storage.onChanged.addListener(async (changes, area) => {
    if (area === 'local' && changes.settings) {
      settings = await loadSettings();
      document.body.classList.toggle('class-mode', settings.classMode);
      if (checkedText != null) check();
    }
  });
  document.body.dataset.ready = 'true';
}

main();
