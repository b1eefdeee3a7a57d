// What the extension's pages share (popup, side panel, verify, checklist, options): messages
// through chrome.i18n, building DOM without ever parsing text as HTML, copy buttons (a copied
// secret is cleared from the clipboard again after the time set in the options), findings,
// the user's settings in chrome.storage.local.
//
// Thin glue only: what a value is, what is wrong with it and how to fix it comes from the wasm
// core; this file only shows it.

// ---- messages ---------------------------------------------------------------------------------

/** The message `key` of the browser's language (`_locales/<lang>/messages.json`). */
export function t(key, ...subs) {
  const text = chrome.i18n.getMessage(key, subs.map(String));
  return text || key; // a missing message shows its key (the i18n test keeps them complete)
}

const plurals = new Intl.PluralRules(uiLanguage());

/** `<key>_one` or `<key>_other` for `n`, with `n` as the first substitution. */
export function tn(key, n, ...subs) {
  const form = plurals.select(n) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}`, n, ...subs);
}

export function uiLanguage() {
  try {
    return chrome.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/**
 * Fills the static text of a page: `data-i18n` (text), `data-i18n-title`, `data-i18n-aria-label`,
 * `data-i18n-placeholder` name message keys; the document's language follows the browser's.
 */
export function localize(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const [attr, data] of [
    ['title', 'i18nTitle'],
    ['aria-label', 'i18nAriaLabel'],
    ['placeholder', 'i18nPlaceholder'],
  ]) {
    for (const el of root.querySelectorAll(`[data-${data.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`)) {
      el.setAttribute(attr, t(el.dataset[data]));
    }
  }
  if (root === document) {
    document.documentElement.lang = uiLanguage();
    if (document.documentElement.dataset.i18nDocTitle) document.title = t(document.documentElement.dataset.i18nDocTitle);
  }
}

// ---- DOM ---------------------------------------------------------------------------------------

/** Creates an element: h('div', {class: 'x', onclick: f}, child, 'text', …). */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Text with `backtick` spans shown as code (still only text nodes, never parsed HTML). */
export function prose(tag, cls, text) {
  const el = h(tag, { class: cls });
  String(text ?? '')
    .split('`')
    .forEach((part, i) => {
      if (part) el.append(i % 2 ? h('code', { text: part }) : document.createTextNode(part));
    });
  return el;
}

/** Says `text` to screen readers (a polite live region, created on first use). */
export function announce(text) {
  let region = document.getElementById('wdcap-announce');
  if (!region) {
    region = h('div', { id: 'wdcap-announce', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    document.body.append(region);
  }
  region.textContent = '';
  setTimeout(() => {
    region.textContent = text;
  }, 50);
}

// ---- the worker ----------------------------------------------------------------------------------

/** A message to the service worker; never throws. */
export async function ask(message) {
  try {
    const reply = await chrome.runtime.sendMessage(message);
    return reply ?? { ok: false, error: { code: 'no_answer', message: t('errorNoAnswer') } };
  } catch (e) {
    return { ok: false, error: { code: 'unreachable', message: String(e?.message ?? e) } };
  }
}

// ---- settings ----------------------------------------------------------------------------------

export const SETTINGS_KEY = 'settings';
export const CLEAR_CHOICES = [0, 15, 30, 60, 120, 300];
export const DEFAULT_SETTINGS = Object.freeze({ clipboardClearSeconds: 60, classMode: false, lastPartner: null });

/** The user's settings (non-secret, chrome.storage.local), defaults filled in. */
export async function loadSettings() {
  const stored = (await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] ?? {};
  return { ...DEFAULT_SETTINGS, ...stored };
}

export async function saveSettings(patch) {
  const next = { ...(await loadSettings()), ...patch };
  await chrome.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

// ---- values ------------------------------------------------------------------------------------

export const KINDS = [
  'rest_endpoint',
  'token_endpoint',
  'authorization_endpoint',
  'soap_endpoint',
  'raas_url',
  'ui_url',
  'client_id',
  'client_secret',
  'refresh_token',
  'org_id',
  'isu_username',
];

export const kindTitle = (kind) => (KINDS.includes(kind) ? t(`kind_${kind}`) : kind);

export const severityLabel = (severity) =>
  ({ error: t('severityError'), warning: t('severityWarning'), info: t('severityInfo') })[severity] ?? severity;

export const environmentLabel = (env) =>
  ({
    production: t('envProduction'),
    implementation: t('envImplementation'),
    sandbox: t('envSandbox'),
    preview: t('envPreview'),
    development: t('envDevelopment'),
  })[env] ?? env;

/** A secret as shown before "Show": dots, length and fingerprint (never the value). */
export function masked(p) {
  return t('maskedSecret', p.length ?? '?', p.fingerprint ?? '?');
}

/** A copy button. A copied secret is cleared from the clipboard after the time set in the options. */
export function copyButton(value, what, { secret = false, label } = {}) {
  const idle = label ?? t('copy');
  // The accessible name holds the visible text ("Copy …"), and says what is copied.
  const name = label ? `${label} — ${what}` : t('copyWhat', what);
  const button = h('button', { type: 'button', class: 'copy', 'aria-label': name, title: name }, idle);
  let timer = null;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(value);
      button.textContent = t('copied');
      button.classList.add('done');
      if (secret) {
        const reply = await ask({ type: 'wdcap/secret-copied' });
        announce(reply?.ok && reply.seconds ? t('copiedSecretClears', reply.seconds) : t('copiedWhat', what));
      } else {
        announce(t('copiedWhat', what));
      }
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

/**
 * One finding: severity, message, fix, and the corrected value with its copy button.
 * `secret`: the value it is about is a secret (its corrected value is never shown).
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
  if (finding.fixed_value) {
    item.append(
      h(
        'div',
        { class: 'fixed' },
        h('span', { class: 'fixed-label', text: t('corrected') }),
        h('code', { class: 'fixed-value', text: secret ? t('correctedSecretHidden') : finding.fixed_value }),
        copyButton(finding.fixed_value, t('correctedValue'), { secret }),
      ),
    );
  }
  return item;
}

/** Counts of findings by severity. */
export function counts(findings) {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings ?? []) c[f.severity] = (c[f.severity] ?? 0) + 1;
  return c;
}

/** Saves `text` as a file (an <a download> click: no downloads permission needed). */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: filename, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Text for a Markdown line: characters Markdown would read as markup are escaped. */
export function md(text) {
  return String(text ?? '')
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

/** File-name-safe text. */
export const slug = (text) =>
  String(text ?? '')
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'tenant';

/** The partner picker's options: [['', t('anyPartner')], [id, name] …]. */
export function partnerOptions(partners, { any = true } = {}) {
  const out = any ? [['', t('anyPartner')]] : [];
  for (const p of partners ?? []) out.push([p.id, p.name]);
  return out;
}

/** Opens an extension page in a new tab. */
export async function openPage(path) {
  await chrome.tabs.create({ url: chrome.runtime.getURL(path) });
}
