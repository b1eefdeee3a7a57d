// The simulated Workday page's own script (served by sim/server.mjs; runs in the page, not in the
// extension). Like Workday's client-side rendering (the Workday notes' "The admin UI's DOM": "content arrives after
// load and changes without navigation"), the shell page comes empty; this script fetches the
// page's content, shows the page header first, the rest a few hundred milliseconds later, and
// follows in-app links without reloading the document (history.pushState).
//
// The HTML it inserts is the simulator's own fixture HTML (fake data), parsed by the browser in
// an inert <template> first.

(() => {
  'use strict';

  const root = document.getElementById('wdcap-sim-root');
  let generation = 0;

  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms || 0)));

  function loading() {
    const div = document.createElement('div');
    div.className = 'sim-loading';
    div.setAttribute('role', 'progressbar');
    div.setAttribute('aria-label', 'Loading');
    div.textContent = 'Loading\u2026';
    return div;
  }

  function message(text) {
    const div = document.createElement('div');
    div.className = 'sim-message';
    div.textContent = text;
    return div;
  }

  async function show(path) {
    const mine = ++generation;
    root.setAttribute('aria-busy', 'true');
    root.removeAttribute('data-sim-page');
    root.removeAttribute('data-sim-build');
    root.replaceChildren(loading());
    let page;
    try {
      const response = await fetch(`/wdcap-sim/page.json?path=${encodeURIComponent(path)}`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      page = await response.json();
    } catch (e) {
      if (mine === generation) {
        root.replaceChildren(message(`This page could not be loaded (${e.message}).`));
        root.removeAttribute('aria-busy');
      }
      return;
    }
    if (mine !== generation) return;
    const template = document.createElement('template');
    template.innerHTML = page.body;

    // Step 1: the page header (and the tab title), the rest still loading.
    await wait(page.delays.header);
    if (mine !== generation) return;
    document.title = page.title || 'Workday';
    if (page.lang) document.documentElement.lang = page.lang;
    const header = template.content.querySelector('[data-automation-id="pageHeader"]');
    root.replaceChildren(...(header ? [header.cloneNode(true)] : []), loading());

    // Step 2: everything.
    await wait(page.delays.body);
    if (mine !== generation) return;
    root.replaceChildren(template.content);
    root.removeAttribute('aria-busy');
    root.setAttribute('data-sim-page', page.ref);
    if (page.build) root.setAttribute('data-sim-build', page.build);
  }

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || (link.target && link.target !== '_self')) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !url.pathname.endsWith('.htmld')) return;
    event.preventDefault();
    history.pushState(null, '', url.href);
    show(url.pathname + url.search);
  });

  window.addEventListener('popstate', () => show(location.pathname + location.search));

  show(location.pathname + location.search);
})();
