// @ts-check
// "Add a value" in the popup and the side panel: for a value wdcap reads on no page, the admin
// picks its kind (the core's list of kinds that may be given by hand, generated), pastes it, and
// says whether it is the tenant's or one API client's. The worker keeps it through the core like
// any capture (handlers/hand.js), marked as given by hand; the view comes back with it checked.
// A secret is typed into a password field: it is not shown on the screen while it is typed.

import { announce, ask, h, kindTitle, slug, t } from './ui.js';
import { MESSAGES } from './messages.js';
import { HAND_KINDS, VALUE_KINDS } from './generated/lists.js';

/**
 * @import { TenantView } from './generated/core-types'
 * @import { Failure } from './messages.js'
 * @import { ViewState } from './types.js'
 */

/**
 * @typedef {object} AddValueOptions
 * @property {string} tenantKey the record key
 * @property {TenantView} view the tenant's view (its API client cards)
 * @property {number | null} tabId the tab the popup shows (the answer is its view)
 * @property {(state: ViewState | Failure) => void} onAdded renders the answer
 * @property {Set<string>} opened the sections the user opened, kept across renders
 */

/**
 * The "Add a value" section of one tenant: collapsed until asked for.
 * @param {AddValueOptions} options
 * @returns {HTMLDetailsElement}
 */
export function addValueSection({ tenantKey, view, tabId, onAdded, opened }) {
  const id = `add-${slug(tenantKey)}`;
  const openKey = `add\u0000${tenantKey}`;
  const details = /** @type {HTMLDetailsElement} */ (h('details', { class: 'add-value', open: opened.has(openKey) }));
  details.addEventListener('toggle', () => (details.open ? opened.add(openKey) : opened.delete(openKey)));
  details.append(h('summary', { text: t('addValue') }));

  const kind = /** @type {HTMLSelectElement} */ (
    h('select', { id: `${id}-kind`, class: 'add-kind' }, HAND_KINDS.map((k) => h('option', { value: k, text: kindTitle(k) })))
  );
  const value = /** @type {HTMLInputElement} */ (
    h('input', { id: `${id}-value`, class: 'add-text', type: 'text', autocomplete: 'off', spellcheck: 'false', required: true })
  );
  const secretKind = () => VALUE_KINDS[/** @type {keyof typeof VALUE_KINDS} */ (kind.value)]?.secret === true;
  const fitInput = () => {
    value.type = secretKind() ? 'password' : 'text';
  };
  kind.addEventListener('change', fitInput);
  fitInput();
  const names = [...new Set(view.clients.map((c) => c.name).filter((n) => n != null))];
  const target = /** @type {HTMLSelectElement} */ (
    h('select', { id: `${id}-for`, class: 'add-for' },
      h('option', { value: '', text: t('addValueForTenant', view.tenant ?? t('thisTenant')) }),
      names.map((n) => h('option', { value: /** @type {string} */ (n), text: t('addValueForClient', /** @type {string} */ (n)) })))
  );
  const problem = h('p', { class: 'add-problem problem', role: 'alert', hidden: true });
  const form = h('form', { class: 'add-form', novalidate: true },
    h('label', { for: kind.id, text: t('addValueKind') }), kind,
    h('label', { for: value.id, text: t('addValueText') }), value,
    h('label', { for: target.id, text: t('addValueFor') }), target,
    problem,
    h('div', { class: 'add-actions' }, h('button', { type: 'submit', class: 'add-submit' }, t('addValueButton'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!value.value.trim()) {
      problem.textContent = t('addValueEmpty');
      problem.hidden = false;
      value.focus();
      return;
    }
    const reply = await ask({
      type: MESSAGES.addValue,
      key: tenantKey,
      kind: /** @type {import('./generated/core-types').ParamKind} */ (kind.value),
      value: value.value,
      client: target.value || null,
      tabId,
    });
    if (!reply.ok) {
      problem.textContent = t('couldNotAdd', reply.error.message);
      problem.hidden = false;
      return;
    }
    value.value = '';
    opened.delete(openKey);
    onAdded(reply);
    announce(t('addedValue', kindTitle(kind.value)));
  });
  details.append(form);
  return details;
}
