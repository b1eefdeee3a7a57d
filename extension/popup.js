// The popup: the values captured on the current tab's tenant (then any other tenant captured
// this session), grouped by the page they came from, each with a copy button and its findings.
// Everything is built with DOM calls and textContent: no captured text is ever parsed as HTML.
//
// The "current tab" is `?tab=<tabId>` when given (the tests and the demo open the popup in a
// tab of its own), else the active tab of the current window.

const KIND_TITLES = {
  rest_endpoint: 'Workday REST API Endpoint',
  token_endpoint: 'Token Endpoint',
  authorization_endpoint: 'Authorization Endpoint',
  soap_endpoint: 'SOAP Web Service Endpoint',
  raas_url: 'RaaS report URL',
  ui_url: 'Workday UI URL',
  client_id: 'Client ID',
  client_secret: 'Client Secret',
  refresh_token: 'Refresh Token',
  org_id: 'Organization ID',
  isu_username: 'Integration System User',
};

// The partner ids the core knows (`wdcap check --integration`); labels for people.
const PARTNERS = [
  ['', 'Any partner'],
  ['defender-for-cloud-apps', 'Microsoft Defender for Cloud Apps'],
  ['viva-learning', 'Microsoft Viva Learning'],
  ['kombo', 'Kombo'],
  ['ten-thousand-coffees', 'Ten Thousand Coffees (WorkOS)'],
];

const SEVERITY_LABELS = { error: 'Error', warning: 'Warning', info: 'Note' };
const ENVIRONMENT_LABELS = { production: 'production', implementation: 'implementation', sandbox: 'sandbox', preview: 'preview' };

const app = document.getElementById('app');
let tabId = null;
const revealed = new Set(); // "tenant\0index" of secrets shown in clear
const opened = new Set(); // other tenants whose section the user opened (kept across refreshes)

/** Creates an element: h('div', {class: 'x', onclick: f}, child, 'text', …). */
function h(tag, props = {}, ...children) {
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

async function ask(message) {
  try {
    const reply = await chrome.runtime.sendMessage({ ...message, tabId });
    return reply ?? { ok: false, error: { code: 'no_answer', message: 'the extension did not answer' } };
  } catch (e) {
    return { ok: false, error: { code: 'unreachable', message: String(e?.message ?? e) } };
  }
}

async function currentTabId() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  try {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

// ---- small pieces ---------------------------------------------------------------------------

function copyButton(value, what) {
  const button = h('button', { type: 'button', class: 'copy', 'aria-label': `Copy ${what}`, title: `Copy ${what}` }, 'Copy');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(value);
      button.textContent = 'Copied';
      button.classList.add('done');
    } catch {
      button.textContent = 'Failed';
    }
    setTimeout(() => {
      button.textContent = 'Copy';
      button.classList.remove('done');
    }, 1500);
  });
  return button;
}

const masked = (p) => `\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022  ${p.length ?? '?'} chars \u00b7 sha256:${p.fingerprint ?? '?'}`;

function relativeTime(at) {
  if (!Number.isFinite(at)) return '';
  const seconds = Math.round((at - Date.now()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return rtf.format(seconds, 'second');
  if (Math.abs(seconds) < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  return rtf.format(Math.round(seconds / 3600), 'hour');
}

function pageName(view, pageId) {
  const title = view.pages?.[pageId]?.title;
  if (title) return title;
  if (!pageId) return 'Other';
  return pageId.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Text with `backtick` spans shown as code (still only text nodes, never parsed HTML). */
function prose(tag, cls, text) {
  const el = h(tag, { class: cls });
  String(text)
    .split('`')
    .forEach((part, i) => {
      if (part) el.append(i % 2 ? h('code', { text: part }) : document.createTextNode(part));
    });
  return el;
}

// ---- findings -------------------------------------------------------------------------------

function findingItem(finding, param) {
  const item = h(
    'li',
    { class: `finding ${finding.severity}`, 'data-code': finding.code },
    h('div', { class: 'finding-head' },
      h('span', { class: `badge ${finding.severity}`, text: SEVERITY_LABELS[finding.severity] ?? finding.severity }),
      prose('span', 'message', finding.message)),
  );
  if (finding.fix) item.append(prose('p', 'fix', finding.fix));
  if (finding.fixed_value) {
    const secret = Boolean(param?.secret);
    item.append(
      h('div', { class: 'fixed' },
        h('span', { class: 'fixed-label', text: 'Corrected' }),
        h('code', { class: 'fixed-value', text: secret ? 'corrected secret (hidden)' : finding.fixed_value }),
        copyButton(finding.fixed_value, 'corrected value')),
    );
  }
  return item;
}

// ---- one value -------------------------------------------------------------------------------

function valueItem(view, param, index) {
  const title = param.label || KIND_TITLES[param.kind] || param.kind;
  const key = `${view.tenant}\u0000${index}`;
  const code = h('code', { class: 'value-text' });
  const show = () => {
    code.textContent = param.secret && !revealed.has(key) ? masked(param) : param.value;
    code.classList.toggle('masked', param.secret && !revealed.has(key));
  };
  show();
  const actions = h('div', { class: 'value-actions' });
  if (param.secret) {
    const toggle = h('button', { type: 'button', class: 'reveal', 'aria-pressed': String(revealed.has(key)) },
      revealed.has(key) ? 'Hide' : 'Show');
    toggle.addEventListener('click', () => {
      if (revealed.has(key)) revealed.delete(key);
      else revealed.add(key);
      toggle.textContent = revealed.has(key) ? 'Hide' : 'Show';
      toggle.setAttribute('aria-pressed', String(revealed.has(key)));
      show();
    });
    actions.append(toggle);
  }
  actions.append(copyButton(param.value, title));

  // Where a URL's environment or data center is not the only one of the tenant, say which.
  const where = param.host && hosts(view).mixed ? [param.environment, param.data_center].filter(Boolean).join(' \u00b7 ') : null;
  const meta = [param.name, where].filter(Boolean);
  const item = h(
    'li',
    { class: `value sev-${param.severity ?? 'ok'}`, 'data-kind': param.kind },
    h('div', { class: 'value-head' },
      h('span', { class: 'value-label', text: title }),
      meta.length ? h('span', { class: 'value-meta', text: meta.join(' \u2014 ') }) : null),
    h('div', { class: 'value-row' }, code, actions),
  );
  if (param.findings?.length) {
    item.append(h('ul', { class: 'findings' }, param.findings.map((f) => findingItem(f, param))));
  }
  return item;
}

// ---- one tenant -----------------------------------------------------------------------------

function ssoControl(view) {
  const name = `sso-${view.tenant}`;
  const group = h('fieldset', { class: 'sso' }, h('legend', { text: 'Tenant uses SAML SSO?' }));
  const choices = h('div', { class: 'segmented', role: 'radiogroup' });
  for (const [value, label] of [['unknown', "Don't know"], ['yes', 'Yes'], ['no', 'No']]) {
    const id = `${name}-${value}`;
    const input = h('input', { type: 'radio', name, id, value, checked: view.prefs?.sso === value });
    input.addEventListener('change', async () => {
      if (input.checked) render(await ask({ type: 'wdcap/set-prefs', tenant: view.tenant, sso: value }));
    });
    choices.append(input, h('label', { for: id, text: label }));
  }
  group.append(choices);
  return group;
}

function partnerControl(view) {
  const select = h('select', { class: 'partner', 'aria-label': 'Integration partner' });
  for (const [value, label] of PARTNERS) {
    select.append(h('option', { value, selected: (view.prefs?.integration ?? '') === value, text: label }));
  }
  select.addEventListener('change', async () => {
    render(await ask({ type: 'wdcap/set-prefs', tenant: view.tenant, integration: select.value || null }));
  });
  return h('label', { class: 'partner-label' }, h('span', { text: 'Partner' }), select);
}

function summary(view) {
  const parts = [];
  const n = view.params?.length ?? 0;
  parts.push(plural(n, 'value'));
  const c = view.counts ?? {};
  if (c.error) parts.push(h('span', { class: 'count error', text: plural(c.error, 'error') }));
  if (c.warning) parts.push(h('span', { class: 'count warning', text: plural(c.warning, 'warning') }));
  if (!c.error && !c.warning && n) parts.push(h('span', { class: 'count ok', text: 'no problems found' }));
  const out = h('span', { class: 'summary' });
  parts.forEach((p, i) => {
    if (i) out.append(' \u00b7 ');
    out.append(p);
  });
  return out;
}

/** The environments and data centers the tenant's URLs name. */
function hosts(view) {
  const urls = (view.params ?? []).filter((p) => p.host);
  const envs = [...new Set(urls.map((p) => p.environment).filter(Boolean))];
  const dcs = [...new Set(urls.map((p) => p.data_center).filter(Boolean))];
  return { envs, dcs, mixed: envs.length > 1 || dcs.length > 1 };
}

function tenantChips(view) {
  const { envs, dcs } = hosts(view);
  return [...envs.map((e) => ENVIRONMENT_LABELS[e] ?? e), ...dcs].map((t) => h('span', { class: 'chip', text: t }));
}

function tenantBody(view) {
  const body = h('div', { class: 'tenant-body' });
  if (view.error) {
    body.append(h('p', { class: 'problem', text: `These values could not be checked: ${view.error.message}` }));
    return body;
  }
  body.append(h('div', { class: 'controls' }, ssoControl(view), partnerControl(view)));
  if (view.empty || !view.params?.length) {
    body.append(
      h('p', { class: 'hint' },
        `Nothing captured for ${view.tenant || 'this tenant'} yet. Open `,
        h('strong', { text: 'View API Clients' }),
        ' (or another supported task) in Workday and its values appear here.'),
    );
    return body;
  }
  if (view.findings?.length) {
    body.append(h('ul', { class: 'findings general' }, view.findings.map((f) => findingItem(f, null))));
  }
  // Group by the page each value came from, most recently visited first.
  const groups = new Map();
  view.params.forEach((param, index) => {
    const page = param.page ?? '';
    if (!groups.has(page)) groups.set(page, []);
    groups.get(page).push([param, index]);
  });
  const ordered = [...groups.keys()].sort((a, b) => (view.pages?.[b]?.at ?? 0) - (view.pages?.[a]?.at ?? 0));
  for (const page of ordered) {
    const at = view.pages?.[page]?.at;
    body.append(
      h('section', { class: 'page', 'data-page': page },
        h('h3', {},
          h('span', { text: pageName(view, page) }),
          at ? h('span', { class: 'when', text: relativeTime(at) }) : null),
        h('ul', { class: 'values' }, groups.get(page).map(([param, index]) => valueItem(view, param, index)))),
    );
  }
  const forget = h('button', { type: 'button', class: 'forget' }, `Forget ${view.tenant || 'these values'}`);
  forget.addEventListener('click', async () => render(await ask({ type: 'wdcap/forget', tenant: view.tenant })));
  body.append(h('div', { class: 'tenant-foot' }, forget));
  return body;
}

function tenantSection(view, open) {
  const name = view.tenant || '(no tenant)';
  const head = h('div', { class: 'tenant-head' },
    h('h2', {}, h('span', { class: 'tenant-name', text: name }), ...tenantChips(view)),
    summary(view));
  if (view.current) {
    return h('section', { class: 'tenant current', 'data-tenant': view.tenant }, head, tenantBody(view));
  }
  const details = h('details', { class: 'tenant other', 'data-tenant': view.tenant, open: open || opened.has(view.tenant) },
    h('summary', {}, head),
    tenantBody(view));
  details.addEventListener('toggle', () => (details.open ? opened.add(view.tenant) : opened.delete(view.tenant)));
  return details;
}

// ---- the whole popup ------------------------------------------------------------------------

function render(state) {
  if (!state?.ok) {
    app.replaceChildren(h('p', { class: 'problem', text: `wdcap could not load its values: ${state?.error?.message ?? 'unknown error'}` }));
    return;
  }
  const version = document.getElementById('version');
  version.textContent = state.version ? `v${state.version.split(' ')[0]}` : '';
  version.title = state.version ?? '';
  const nodes = [];
  if (state.current == null) {
    nodes.push(
      h('p', { class: 'hint' },
        state.tenants.length
          ? 'This tab is not a Workday tenant page. Values captured this session:'
          : 'Open a Workday admin page (such as View API Clients) and wdcap captures the connection values it shows.'),
    );
  }
  const others = state.tenants.filter((t) => !t.current);
  for (const view of state.tenants.filter((t) => t.current)) nodes.push(tenantSection(view));
  if (others.length && state.current != null) nodes.push(h('h2', { class: 'others', text: 'Other tenants this session' }));
  for (const view of others) nodes.push(tenantSection(view, state.current == null && state.tenants.length === 1));
  app.replaceChildren(...nodes);
  document.body.dataset.ready = 'true';
}

let refreshTimer = null;

/** New captures (another page read while the popup is open) show without reopening it. */
function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(async () => render(await ask({ type: 'wdcap/view' })), 150);
}

async function main() {
  tabId = await currentTabId();
  render(await ask({ type: 'wdcap/view' }));
  chrome.storage.onChanged.addListener((_changes, area) => {
    if (area === 'session') refreshSoon();
  });
}

main();
