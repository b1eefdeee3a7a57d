// @ts-check
// The findings about no single value of a tenant (the core groups them by the partner's checklist
// step, each naming the object it is about: the group's, the client's name), after the values:
// one fold per step, its title and count in view, its findings folded away until opened (the
// values and their own findings lead). What the user opened stays open across re-renders.

import { findingItem, h, tn } from '../../shared/ui.js';

/** @import { FindingGroup } from '../../shared/generated/core-types' */

/**
 * @param {string} tenantKey the record key (what is remembered as opened is per tenant)
 * @param {FindingGroup[]} groups
 * @param {Set<string>} opened the folds the user opened, kept by the page across renders
 */
export function findingGroups(tenantKey, groups, opened) {
  return groups.map((g) => {
    const key = `findings\u0000${tenantKey}\u0000${g.step ?? ''}\u0000${g.title}`;
    const fold = h('details', { class: 'finding-group', 'data-step': g.step ?? '', open: opened.has(key) },
      h('summary', {},
        h('span', { class: 'group-title', text: g.title }),
        h('span', { class: `count ${worst(g)}`, text: tn('findings', g.count) })),
      h('ul', { class: 'findings general' }, g.findings.map((f) => findingItem(f))));
    fold.addEventListener('toggle', () => (/** @type {HTMLDetailsElement} */ (fold).open ? opened.add(key) : opened.delete(key)));
    return fold;
  });
}

/**
 * The worst severity in a group (its count's colour).
 * @param {FindingGroup} g
 */
function worst(g) {
  return ['error', 'warning', 'info'].find((s) => g.findings.some((f) => f.severity === s)) ?? 'info';
}
