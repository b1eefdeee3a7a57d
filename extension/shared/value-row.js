// @ts-check
// One value as the popup, the side panel and Verify show it, written once: its title and facts,
// the value (a secret masked, as length and fingerprint, until Show; in class mode not shown at
// all), Show/Hide for a secret, Copy, and its findings with their fixes. The row's colour is its
// worst finding's severity.

import { copyButton, findingItem, h, masked, t } from './ui.js';
import { worstSeverity } from './findings.js';

/**
 * @import { FindingView } from './generated/core-types'
 * @import { Child, Leaf } from './ui.js'
 */

/**
 * What the row needs of a value: a ParamView (or the popup's TenantParam).
 * @typedef {{kind: string, value: string, secret: boolean, length?: number, fingerprint?: string}} RowValue
 */

/**
 * @typedef {object} ValueRowOptions
 * @property {RowValue} param
 * @property {FindingView[]} findings the findings about this value
 * @property {Child} label the row's title (text, or elements)
 * @property {string} copyWhat what Copy says it copies
 * @property {string | null} meta the facts after the title (label, line, API client …)
 * @property {Set<string>} revealed the keys of the secrets shown in clear (kept by the page across renders)
 * @property {string} revealKey this value's key in `revealed`
 * @property {boolean} classMode secrets are not shown at all
 * @property {Record<string, string>} [data] more attributes of the row (data-index …)
 * @property {(hidden: boolean) => Leaf[]} [details] what goes between the value and its findings
 * @property {() => Node} [noFindings] what shows when there is no finding
 */

/**
 * @param {ValueRowOptions} options
 * @returns {HTMLLIElement}
 */
export function valueRow({ param, findings, label, copyWhat, meta, revealed, revealKey, classMode, data = {}, details, noFindings }) {
  const hidden = param.secret && classMode;
  const code = h('code', { class: 'value-text' });
  const show = () => {
    if (hidden) {
      code.textContent = t('hiddenInClassMode');
      code.classList.add('masked');
      return;
    }
    const clear = !param.secret || revealed.has(revealKey);
    code.textContent = clear ? param.value : masked(param);
    code.classList.toggle('masked', !clear);
  };
  show();
  const actions = h('div', { class: 'value-actions' });
  if (param.secret && !hidden) {
    const shown = () => revealed.has(revealKey);
    const toggle = h('button', { type: 'button', class: 'reveal', 'aria-pressed': String(shown()) }, shown() ? t('hide') : t('show'));
    toggle.addEventListener('click', () => {
      if (shown()) revealed.delete(revealKey);
      else revealed.add(revealKey);
      toggle.textContent = shown() ? t('hide') : t('show');
      toggle.setAttribute('aria-pressed', String(shown()));
      show();
    });
    actions.append(toggle);
  }
  if (!hidden) actions.append(copyButton(param.value, copyWhat, { secret: param.secret }));

  const item = h(
    'li',
    { class: `value sev-${worstSeverity(findings)}`, 'data-kind': param.kind, ...data },
    h('div', { class: 'value-head' }, h('span', { class: 'value-label' }, label), meta ? h('span', { class: 'value-meta', text: meta }) : null),
    h('div', { class: 'value-row' }, code, actions),
    details?.(hidden) ?? [],
  );
  if (findings.length) {
    item.append(h('ul', { class: 'findings' }, findings.map((f) => findingItem(f, { secret: param.secret }))));
  } else if (noFindings) {
    item.append(noFindings());
  }
  return item;
}
