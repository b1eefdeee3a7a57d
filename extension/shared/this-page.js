// @ts-check
// The "This page" strip at the top of the popup and the side panel: the page wdcap read in the
// current tab and what it read there (the values' kinds, the settings in the core's words), or
// that the page is still loading, or that wdcap does not know this page. Then it lists the pages
// of the chosen partner's guide that wdcap does read, each with the Workday task to search for,
// and offers "Copy page structure for a bug report": the structure the core made of the page
// (every value shaped, never a captured one). Rendering only: what was read and how it is said
// are the core's (the worker keeps them per tab, this-page.js).

import { copyButton, h, kindTitle, t, tn } from './ui.js';

/**
 * @import { Partner } from './generated/core-types'
 * @import { ThisPage } from './messages.js'
 */

/**
 * The pages of `partner`'s guide wdcap reads, each with the task to search for in Workday.
 * @param {Partner} partner
 */
function guidePages(partner) {
  const steps = partner.steps.filter((s) => s.evidence_page != null && s.task);
  return h('div', { class: 'this-page-guide' },
    h('p', { text: t('thisPageGuidePages', partner.name) }),
    h('ul', {}, steps.map((s) =>
      h('li', { 'data-page': s.evidence_page ?? '' },
        h('span', { class: 'step-title', text: s.title }), ' \u2014 ',
        h('span', { class: 'task', text: t('thisPageSearchFor', s.task ?? '') })))));
}

/**
 * The strip, or null when there is nothing to say (no Workday tenant page in the tab).
 * @param {ThisPage | null} page
 * @param {Partner | null} partner the tab's tenant's partner, when one is chosen
 * @returns {HTMLElement | null}
 */
export function thisPageStrip(page, partner) {
  if (!page || page.state === 'other') return null;
  const strip = h('section', { class: `this-page ${page.state}`, 'data-state': page.state, 'aria-labelledby': 'this-page-heading' },
    h('h2', { id: 'this-page-heading', text: t('thisPageHeading') }));
  if (page.state === 'loading') {
    strip.append(h('p', { class: 'this-page-status', role: 'status', text: t('thisPageLoading') }));
    return strip;
  }
  if (page.state === 'recognised') {
    strip.append(h('p', { class: 'this-page-name', text: t('thisPageRead', page.title) }));
    const kinds = [...new Set(page.kinds)];
    const read = h('ul', { class: 'this-page-read' });
    if (kinds.length) {
      read.append(h('li', { class: 'this-page-values', text: tn('thisPageValues', page.kinds.length, kinds.map(kindTitle).join(', ')) }));
    }
    for (const said of page.said) read.append(h('li', { class: 'this-page-setting', text: said }));
    if (!read.childElementCount) read.append(h('li', { text: t('thisPageNothingRead') }));
    strip.append(read);
    return strip;
  }
  // A tenant page no recogniser claims.
  strip.append(h('p', { class: 'this-page-status', text: page.title ? t('thisPageUnknownNamed', page.title) : t('thisPageUnknown') }));
  if (page.kinds.length) {
    strip.append(h('p', { class: 'this-page-urls', text: tn('thisPageUrls', page.kinds.length, [...new Set(page.kinds)].map(kindTitle).join(', ')) }));
  }
  strip.append(partner ? guidePages(partner) : h('p', { class: 'hint', text: t('thisPageChoosePartner') }));
  if (page.structure) {
    const copy = copyButton(page.structure, t('thisPageStructureWhat'), { label: t('thisPageCopyStructure') });
    copy.classList.add('copy-structure');
    strip.append(h('p', { class: 'hint', text: t('thisPageStructureNote') }), copy);
  }
  return strip;
}
