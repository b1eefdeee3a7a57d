// @ts-check
// What the extension's pages share (popup, side panel, verify, checklist, options, the live test
// section): messages through chrome.i18n, building DOM without ever parsing text as HTML,
// asking the worker, copy buttons (a copied secret is cleared from the clipboard again after the
// time set in the options), findings, the progress bar.
//
// Thin glue only: what a value is, what is wrong with it and how to fix it comes from the wasm
// core; this file only shows it. The value row is value-row.js; severities and counts,
// findings.js; the user's settings, settings.js.

import { MESSAGES } from './messages.js';
import { VALUE_KINDS } from './generated/lists.js';

/**
 * @import { FindingView, LiveFinding, Partner, Progress, Sso } from './generated/core-types'
 * @import { Message, MessageType, Reply } from './messages.js'
 */

// ---- messages ---------------------------------------------------------------------------------

/**
 * The message `key` of the browser's language (`_locales/<lang>/messages.json`).
 * @param {string} key
 * @param {...(string | number)} subs
 */
export function t(key, ...subs) {
  const text = chrome.i18n.getMessage(key, subs.map(String));
  return text || key; // a missing message shows its key (the i18n test keeps them complete)
}

export function uiLanguage() {
  try {
    return chrome.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

const plurals = new Intl.PluralRules(uiLanguage());

/**
 * `<key>_one` or `<key>_other` for `n`, with `n` as the first substitution.
 * @param {string} key
 * @param {number} n
 * @param {...(string | number)} subs
 */
export function tn(key, n, ...subs) {
  const form = plurals.select(n) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}`, n, ...subs);
}

/**
 * Fills the static text of a page: `data-i18n` (text), `data-i18n-title`, `data-i18n-aria-label`,
 * `data-i18n-placeholder` name message keys; the document's language follows the browser's.
 * @param {Document | HTMLElement} [root]
 */
export function localize(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    if (el instanceof HTMLElement) el.textContent = t(el.dataset.i18n ?? '');
  }
  for (const [attr, data] of [
    ['title', 'i18nTitle'],
    ['aria-label', 'i18nAriaLabel'],
    ['placeholder', 'i18nPlaceholder'],
  ]) {
    for (const el of root.querySelectorAll(`[data-${data.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`)) {
      if (el instanceof HTMLElement) el.setAttribute(attr, t(el.dataset[data] ?? ''));
    }
  }
  if (root === document) {
    document.documentElement.lang = uiLanguage();
    if (document.documentElement.dataset.i18nDocTitle) document.title = t(document.documentElement.dataset.i18nDocTitle);
  }
}

// ---- DOM ---------------------------------------------------------------------------------------

/**
 * A child of h(): a node, a text, nothing, or a list of those.
 * @typedef {Node | string | number | null | undefined | false} Leaf
 * @typedef {Leaf | Leaf[]} Child
 */

/**
 * Creates an element: h('div', {class: 'x', onclick: f}, child, 'text', …). `text` sets the
 * text; a non-string value of a property the element has sets the property (checked,
 * disabled …); anything else is an attribute.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown>} [props]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  const asRecord = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (el));
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = String(value);
    else if (key === 'text') el.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    else if (key in el && typeof value !== 'string') asRecord[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/**
 * The element with id `id`, which the page's markup has (a missing one is a bug: it throws).
 * @template {HTMLElement} [E=HTMLElement]
 * @param {string} id
 * @param {new () => E} [type] what it must be (HTMLSelectElement …)
 * @returns {E}
 */
export function byId(id, type) {
  const el = document.getElementById(id);
  if (!el || (type && !(el instanceof type))) throw new Error(`the page has no ${type?.name ?? 'element'} #${id}`);
  return /** @type {E} */ (el);
}

/**
 * Text with `backtick` spans shown as code (still only text nodes, never parsed HTML).
 * @param {keyof HTMLElementTagNameMap} tag
 * @param {string} cls
 * @param {unknown} text
 */
export function prose(tag, cls, text) {
  const el = h(tag, { class: cls });
  String(text ?? '')
    .split('`')
    .forEach((part, i) => {
      if (part) el.append(i % 2 ? h('code', { text: part }) : document.createTextNode(part));
    });
  return el;
}

/**
 * Says `text` to screen readers (a polite live region, created on first use).
 * @param {string} text
 */
export function announce(text) {
  let region = document.getElementById('wdcap-announce');
  if (!region) {
    region = h('div', { id: 'wdcap-announce', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    document.body.append(region);
  }
  const live = region;
  live.textContent = '';
  setTimeout(() => {
    live.textContent = text;
  }, 50);
}

// ---- the worker ----------------------------------------------------------------------------------

/**
 * A message to the service worker (its type from MESSAGES); never throws.
 * @template {MessageType} T
 * @param {Message<T>} message
 * @returns {Promise<Reply<T>>}
 */
export async function ask(message) {
  try {
    const reply = await chrome.runtime.sendMessage(message);
    return reply ?? { ok: false, error: { code: 'no_answer', message: t('errorNoAnswer') } };
  } catch (e) {
    return { ok: false, error: { code: 'unreachable', message: String(/** @type {Error} */ (e)?.message ?? e) } };
  }
}

// ---- values ------------------------------------------------------------------------------------

/**
 * A kind of value's name in the browser's language (an unknown kind: as it is).
 * @param {string} kind
 */
export const kindTitle = (kind) => (Object.hasOwn(VALUE_KINDS, kind) ? t(`kind_${kind}`) : kind);

/** @param {string} severity */
export const severityLabel = (severity) =>
  /** @type {Record<string, string>} */ ({ error: t('severityError'), warning: t('severityWarning'), info: t('severityInfo') })[
    severity
  ] ?? severity;

/** @param {string | null | undefined} env an environment (none: '') */
export const environmentLabel = (env) =>
  /** @type {Record<string, string>} */ ({
    production: t('envProduction'),
    implementation: t('envImplementation'),
    sandbox: t('envSandbox'),
    preview: t('envPreview'),
    development: t('envDevelopment'),
  })[env ?? ''] ??
  env ??
  '';

/**
 * The words for each SSO answer (SSO_CHOICES in shared/generated/lists.js).
 * @type {Record<Sso, () => string>}
 */
export const SSO_LABELS = { unknown: () => t('ssoUnknown'), yes: () => t('yes'), no: () => t('no') };

/**
 * A secret as shown before "Show": dots, length and fingerprint (never the value).
 * @param {{length?: number | null, fingerprint?: string | null}} p
 */
export function masked(p) {
  return t('maskedSecret', p.length ?? '?', p.fingerprint ?? '?');
}

/**
 * A copy button. A copied secret is cleared from the clipboard after the time set in the options.
 * @param {string} value
 * @param {string} what what is copied, for the accessible name and the announcement
 * @param {{secret?: boolean, label?: string}} [options]
 */
export function copyButton(value, what, { secret = false, label } = {}) {
  const idle = label ?? t('copy');
  // The accessible name holds the visible text ("Copy …"), and says what is copied.
  const name = label ? `${label} — ${what}` : t('copyWhat', what);
  const button = h('button', { type: 'button', class: 'copy', 'aria-label': name, title: name }, idle);
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  button.addEventListener('click', async () => {
    try {
      // A secret's clearing is armed BEFORE it is written: the message leaves first, so the
      // timer runs even if this page closes right after the copy (a popup often does). The
      // write does not wait for the worker's answer: the click's permission to write the
      // clipboard lasts only a few seconds, and a busy worker must not use it up.
      const arming = secret ? ask({ type: MESSAGES.secretCopied }) : null;
      await navigator.clipboard.writeText(value);
      const armed = arming ? await arming.catch(() => null) : null;
      button.textContent = t('copied');
      button.classList.add('done');
      if (!secret) announce(t('copiedWhat', what));
      else if (!armed?.ok) announce(t('copiedSecretNotCleared'));
      else announce(armed.seconds ? t('copiedSecretClears', armed.seconds) : t('copiedWhat', what));
    } catch {
      button.textContent = t('copyFailed');
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      button.textContent = idle;
      button.classList.remove('done');
    }, 1500);
  });
  return button;
}

/** The confirm steps asked and not yet answered, by their `keep` id (see confirmStep). */
const asked = new Set();

/**
 * A confirm step shown in place, before something that cannot be taken back: `message`, then
 * `confirmLabel` (which runs `onConfirm`) and Cancel. Hidden until `ask()` is called; the
 * confirm button takes the focus. With `keep` (an id), a question asked and not yet answered is
 * shown again when the page re-renders and makes the step anew (the popup re-renders on every
 * capture).
 * @param {{message: string, confirmLabel: string, onConfirm: () => void, className?: string, keep?: string}} options
 */
export function confirmStep({ message, confirmLabel, onConfirm, className = '', keep }) {
  const yes = h('button', { type: 'button', class: 'confirm-yes primary' }, confirmLabel);
  const no = h('button', { type: 'button', class: 'confirm-no' }, t('cancel'));
  const box = h('div', { class: `confirm-step ${className}`.trim(), role: 'alertdialog', hidden: true }, h('p', { class: 'confirm-text', text: message }), h('div', { class: 'confirm-actions' }, yes, no));
  const text = /** @type {HTMLElement} */ (box.firstElementChild);
  text.id = `confirm-${Math.random().toString(36).slice(2)}`;
  // The question names the dialog (a dialog without a name is announced as nothing).
  box.setAttribute('aria-labelledby', text.id);
  yes.addEventListener('click', () => {
    box.hidden = true;
    if (keep != null) asked.delete(keep);
    onConfirm();
  });
  no.addEventListener('click', () => {
    box.hidden = true;
    if (keep != null) asked.delete(keep);
  });
  if (keep != null && asked.has(keep)) box.hidden = false;
  return {
    box,
    ask() {
      box.hidden = false;
      if (keep != null) asked.add(keep);
      yes.focus();
    },
  };
}

/**
 * A notice that stays while the last copied secret could not be cleared from the clipboard
 * (whatever the browser: the worker keeps the outcome), with a button to dismiss it. It follows
 * the outcome as it changes (storage.session), so it shows while the page is open too.
 */
export function clipboardNotice() {
  const text = h('p', { class: 'clipboard-notice-text' });
  const dismiss = h('button', { type: 'button', class: 'clipboard-notice-dismiss' }, t('clipboardNoticeDismiss'));
  const notice = h('div', { class: 'clipboard-notice problem', role: 'alert', hidden: true }, text, dismiss);
  const show = async (/** @type {boolean} */ dismissing) => {
    const reply = await ask({ type: MESSAGES.clipboardStatus, ...(dismissing ? { dismiss: true } : {}) });
    const state = reply.ok ? reply.clipboard : null;
    const failed = state?.state === 'failed' && !state.dismissed;
    notice.hidden = !failed;
    notice.dataset.state = state?.state ?? 'none';
    if (failed) text.textContent = t('clipboardNotCleared', new Date(state.at).toLocaleTimeString(), state.reason ?? '?');
  };
  dismiss.addEventListener('click', () => show(true));
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && 'clipboard' in changes) show(false);
  });
  show(false);
  return notice;
}

/**
 * One finding: severity, message, fix, and the corrected value with its copy button.
 * `secret`: the value it is about is a secret (its corrected value is never shown).
 * @param {FindingView | LiveFinding} finding
 * @param {{secret?: boolean}} [options]
 */
export function findingItem(finding, { secret = false } = {}) {
  const item = h(
    'li',
    { class: `finding ${finding.severity}`, 'data-code': finding.code },
    h(
      'div',
      { class: 'finding-head' },
      h('span', { class: `badge ${finding.severity}`, text: severityLabel(finding.severity) }),
      prose('span', 'message', finding.message),
    ),
  );
  if (finding.fix) item.append(prose('p', 'fix', finding.fix));
  // The value with its white space drawn by the core (␠, ⍽ …; a secret's masked), so it and
  // the corrected value do not look the same.
  if ('shown_value' in finding && finding.shown_value) {
    item.append(
      h(
        'div',
        { class: 'shown' },
        h('span', { class: 'fixed-label', text: t('valueAsGiven') }),
        h('code', { class: 'shown-value', text: finding.shown_value }),
      ),
    );
  }
  if ('fixed_value' in finding && finding.fixed_value) {
    const shownFixed = 'shown_fixed_value' in finding && finding.shown_fixed_value;
    item.append(
      h(
        'div',
        { class: 'fixed' },
        h('span', { class: 'fixed-label', text: t('corrected') }),
        h('code', { class: 'fixed-value', text: secret ? t('correctedSecretHidden') : shownFixed || finding.fixed_value }),
        copyButton(finding.fixed_value, t('correctedValue'), { secret }),
      ),
    );
  }
  return item;
}

/**
 * A checklist's progress bar with its text (the popup's strip, the checklist page's card).
 * @param {Progress} progress
 * @param {{label: string, text: string, big?: boolean, textId?: string}} options
 */
export function progressBar(progress, { label, text, big = false, textId }) {
  return h('div', { class: big ? 'progress big' : 'progress' },
    h('div', {
      class: 'progress-track',
      role: 'progressbar',
      'aria-label': label,
      'aria-valuemin': '0',
      'aria-valuemax': '100',
      'aria-valuenow': String(progress.percent),
      'aria-valuetext': t('stepsDone', progress.done, progress.total),
    }, h('div', { class: 'progress-fill', style: `width: ${progress.percent}%` })),
    h('span', { class: 'progress-text', id: textId, text }));
}

// ---- files and pages ---------------------------------------------------------------------------

/**
 * Saves `text` as a file (an <a download> click: no downloads permission needed).
 * @param {string} filename
 * @param {string} text
 * @param {string} type
 */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: filename, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Text for a Markdown line, escaped only where Markdown would read it as markup: emphasis, code,
 * links and tables (`\\ ` * _ [ ] | ~`), an HTML tag (`<` before a letter, `/`, `!` or `?`), an
 * entity (`&` before `#` or a name and `;`), and at the start of the text a heading, a list item
 * or a quote. Parentheses, `#` and `+` within a line stay as they are: a person reads the
 * handout as written.
 * @param {unknown} text
 */
export function md(text) {
  return String(text ?? '')
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#|[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^(\s*)([#>+-]|\d+[.)])/, (_, space, mark) => `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`);
}

/**
 * File-name-safe text.
 * @param {unknown} text
 */
export const slug = (text) =>
  String(text ?? '')
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'tenant';

/**
 * The partner picker's options: [['', t('anyPartner')], [id, name] …].
 * @param {readonly Partner[] | null | undefined} partners
 * @param {{any?: boolean}} [options]
 * @returns {[string, string][]}
 */
export function partnerOptions(partners, { any = true } = {}) {
  /** @type {[string, string][]} */
  const out = any ? [['', t('anyPartner')]] : [];
  for (const p of partners ?? []) out.push([p.id, p.name]);
  return out;
}

/**
 * Opens an extension page in a new tab (`path` from the extension's root: shared/paths.js).
 * @param {string} path
 */
export async function openPage(path) {
  await chrome.tabs.create({ url: chrome.runtime.getURL(path) });
}
