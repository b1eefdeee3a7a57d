// The support agent's Verify page (issue #4): paste a ticket, an e-mail or a chat, pick the
// partner and whether the tenant uses SSO, and see every Workday connection value in it with
// its kind, its findings and fixes. Secrets show as fingerprint and length (same function as the
// CLI's), so agent and admin can confirm they hold the same value without showing it. "Copy
// redacted report" puts a Markdown report without any secret on the clipboard for the ticket.
//
// The wasm core runs in this page (extension pages may compile wasm): `checkText` and
// `redactText` from extension/core.js. Nothing pasted is stored or sent anywhere.

import * as core from './core.js';
import {
  announce,
  copyButton,
  environmentLabel,
  findingItem,
  h,
  kindTitle,
  loadSettings,
  localize,
  masked,
  partnerOptions,
  t,
  tn,
} from './ui.js';

const input = document.getElementById('input');
const partnerSelect = document.getElementById('partner');
const results = document.getElementById('results');
const summaryLine = document.getElementById('summary');
const general = document.getElementById('general');
const valuesList = document.getElementById('values');
const reportButton = document.getElementById('copy-report');

let settings = null;
let checkedText = null; // the text the results are of
const revealed = new Set();

function options() {
  const sso = document.querySelector('input[name="sso"]:checked')?.value ?? 'unknown';
  return partnerSelect.value ? { sso, integration: partnerSelect.value } : { sso };
}

function valueItem(param, index, findings) {
  const hidden = param.secret && settings.classMode;
  const code = h('code', { class: 'value-text' });
  const show = () => {
    if (hidden) {
      code.textContent = t('hiddenInClassMode');
      code.classList.add('masked');
      return;
    }
    const clear = !param.secret || revealed.has(index);
    code.textContent = clear ? param.value : masked(param);
    code.classList.toggle('masked', !clear);
  };
  show();
  const actions = h('div', { class: 'value-actions' });
  if (param.secret && !hidden) {
    const toggle = h('button', { type: 'button', class: 'reveal', 'aria-pressed': 'false' }, t('show'));
    toggle.addEventListener('click', () => {
      if (revealed.has(index)) revealed.delete(index);
      else revealed.add(index);
      toggle.textContent = revealed.has(index) ? t('hide') : t('show');
      toggle.setAttribute('aria-pressed', String(revealed.has(index)));
      show();
    });
    actions.append(toggle);
  }
  const title = kindTitle(param.kind);
  if (!hidden) actions.append(copyButton(param.value, title, { secret: param.secret }));

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
  const worst = ['error', 'warning', 'info'].find((s) => findings.some((f) => f.severity === s)) ?? 'ok';
  const item = h(
    'li',
    { class: `value sev-${worst}`, 'data-kind': param.kind, 'data-index': String(index) },
    h('div', { class: 'value-head' },
      h('span', { class: 'value-label' },
        h('span', { class: 'kind', text: title }),
        param.ambiguous_with?.length
          ? h('span', { class: 'ambiguous', text: t('verifyAmbiguous', param.ambiguous_with.map(kindTitle).join(', ')) })
          : null),
      facts.length ? h('span', { class: 'value-meta', text: facts.join(' \u00b7 ') }) : null),
    h('div', { class: 'value-row' }, code, actions),
  );
  if (param.secret && !hidden) {
    item.append(h('p', { class: 'fingerprint', text: t('verifyFingerprint', param.fingerprint ?? '?', param.length ?? '?') }));
  }
  if (chips.some(Boolean)) item.append(h('div', { class: 'chips' }, chips));
  if (findings.length) {
    item.append(h('ul', { class: 'findings' }, findings.map((f) => findingItem(f, { secret: param.secret }))));
  } else {
    item.append(h('p', { class: 'all-good', text: t('verifyNoFindings') }));
  }
  return item;
}

function render(report) {
  const perParam = report.params.map(() => []);
  const rest = [];
  for (const f of report.findings) {
    if (f.param != null && perParam[f.param]) perParam[f.param].push(f);
    else rest.push(f);
  }
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) c[f.severity] += 1;
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

async function main() {
  localize();
  settings = await loadSettings();
  document.body.classList.toggle('class-mode', settings.classMode);
  const listed = await core.partners();
  for (const [value, label] of partnerOptions(listed.ok ? listed.report : [])) {
    partnerSelect.append(h('option', { value, text: label }));
  }
  const wanted = new URLSearchParams(location.search).get('partner');
  if (wanted && [...partnerSelect.options].some((o) => o.value === wanted)) partnerSelect.value = wanted;
  const version = await core.version();
  if (version.ok) document.getElementById('version').textContent = t('builtBy', version.value);

  document.getElementById('check').addEventListener('click', check);
  document.getElementById('clear').addEventListener('click', () => {
    input.value = '';
    results.hidden = true;
    checkedText = null;
    input.focus();
  });
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
