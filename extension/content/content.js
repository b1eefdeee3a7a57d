// @ts-check
// The content script (a classic script: the build puts the modules it uses in front of this
// file, imports and exports stripped: shared/generated/lists.js, shared/messages.js,
// shared/findings.js and snapshot.js, which provide `VALUE_KINDS`, `MESSAGES`, `worstSeverity`,
// `snapshot` and `KEPT_ATTRIBUTES`; content-globals.d.ts declares them for the type check).
//
// Page-agnostic: it knows nothing of Workday's pages. It snapshots the document once at idle,
// sends the snapshot (JSON text) to the service worker, and sends again, debounced, whenever the
// single-page app changes the page. The worker answers with the snapshot nodes that hold
// captured values; a small inert mark goes beside each. Password values are never read
// (snapshot.js drops them); page text is only ever set as text, never as HTML.
//
// The marks tell the page nothing: each is a plain built-in `<span>` (not a custom element name,
// which the page could register first and so run code of its own in it) with no attribute or
// class naming wdcap, holding a closed shadow root; what wdcap judged (the kind, the severity,
// the findings' messages) lives only inside that root, out of the page's reach. The content
// script knows its marks by identity (a WeakSet), not by anything the page could copy.
//
// Injected twice into one page (the same isolated world), the second copy does nothing while
// the first still runs, and takes over when the first has stopped (its extension context went
// away on an update or reload): one observer, one set of marks, at any time. The build wraps
// this file and snapshot.js in one function scope, so a second copy can run at all.

/**
 * @import { Mark, SnapshotReply } from '../shared/messages.js'
 */

(() => {
  'use strict';

  // This world's running copy: {running(), stop()}. A symbol in the registry, not a plain name,
  // so that nothing on the page side can collide with it (it is not visible there anyway).
  const INSTANCE = Symbol.for('wdcap/content-script');
  const world = /** @type {{[INSTANCE]?: {running(): boolean, stop(): void}}} */ (/** @type {unknown} */ (globalThis));
  const previous = world[INSTANCE];
  if (previous?.running()) return;
  previous?.stop();

  const DEBOUNCE_MS = 300;
  const MAX_WAIT_MS = 2000; // a page that never stops changing is still read this often
  const COLORS = { error: '#c62828', warning: '#b26a00', info: '#1565c0', ok: '#2e7d32' };
  // The mark's tooltip, in the browser's language (extension/_locales).
  const say = (/** @type {string} */ key, /** @type {string[]} */ ...subs) => chrome.i18n.getMessage(key, subs) || key;
  /** @type {Record<string, string>} */
  const SEVERITY_WORDS = { error: 'markError', warning: 'markWarning', info: 'markInfo', ok: 'markOk' };

  let stopped = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let firstPending = 0;
  /** @type {{json: string, elements: Node[]} | null} the newest snapshot */
  let latest = null;
  /** @type {{json: string, reply: SnapshotReply} | null} the newest answer */
  let answered = null;
  /** @type {string | null} the JSON being analysed */
  let inFlight = null;
  /** @type {Set<HTMLElement>} */
  const marks = new Set();
  /** Every mark this copy made, by identity: snapshots skip them, and their own changes are ours. */
  /** @type {WeakSet<Node>} */
  const made = new WeakSet();

  /** @param {Node | null | undefined} node */
  const isMark = (node) => node != null && made.has(node);

  // ---- marks ----------------------------------------------------------------------------

  function clearMarks() {
    for (const mark of marks) mark.remove();
    marks.clear();
  }

  // Elements a mark must not go inside (void, form controls, links and buttons: a mark inside
  // a link would take part in its click).
  const ATOMIC = new Set(['input', 'textarea', 'select', 'img', 'br', 'hr', 'a', 'button', 'label', 'svg']);

  /**
   * The last child element that shows text (not a mark, not an aria-hidden copy).
   * @param {Element} element
   */
  function lastShownChild(element) {
    for (let child = element.lastElementChild; child; child = child.previousElementSibling) {
      if (isMark(child) || child.getAttribute('aria-hidden') === 'true') continue;
      if (ATOMIC.has(child.localName) || (child.textContent ?? '').trim() !== '') return child;
    }
    return null;
  }

  /**
   * Puts the mark right after the value's visible text, as deep as it goes.
   * @param {Element} element
   * @param {HTMLElement} mark
   */
  function place(element, mark) {
    let target = element;
    while (!ATOMIC.has(target.localName)) {
      const child = lastShownChild(target);
      if (!child) {
        target.append(mark);
        return;
      }
      target = child;
    }
    target.after(mark);
  }

  /**
   * @param {CSSStyleDeclaration} style
   * @param {Record<string, string>} props
   */
  const important = (style, props) => {
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value, 'important');
  };

  /** What a mark shows beside its colour, by severity: a shape, and a word (the short message). */
  const GLYPHS = { error: '\u2715', warning: '!', info: 'i', ok: '\u2713' };
  /** @type {Record<string, string>} */
  const SHORT_WORDS = { error: 'markShortError', warning: 'markShortWarning', info: 'markShortInfo', ok: 'markShortOk' };

  /**
   * Opens wdcap's side panel at the value a mark is about. Sent straight from the click or key
   * press (the user's gesture), before anything is awaited: the worker opens the panel in it.
   * @param {Mark[]} entries
   */
  function openAt(entries) {
    const first = entries[0];
    chrome.runtime.sendMessage({ type: MESSAGES.openAt, kind: first.kind, label: first.label ?? null }).catch(() => {
      if (!chrome.runtime?.id) stop();
    });
  }

  /** @param {Mark[]} entries the marks of one node */
  function createMark(entries) {
    const severity = worstSeverity(entries);
    // A built-in element: the page cannot have defined it, so no code of the page's runs in it.
    // Its light DOM and attributes say nothing of what wdcap judged; the same for every mark.
    const host = document.createElement('span');
    important(host.style, {
      display: 'inline-block',
      margin: '0 0 0 6px',
      padding: '0',
      'vertical-align': 'middle',
      'line-height': 'normal',
      position: 'static',
    });
    // Closed shadow root: the mark's text, colour and what it is about stay out of the page's
    // reach (its textContent, innerText, queries and attribute reads). Inside it, the mark is a
    // button for keyboards and screen readers alike: a tab stop, a name (what was captured and
    // the judgement), the findings as its description; Enter, Space or a click opens the side
    // panel at the value.
    const shadow = host.attachShadow({ mode: 'closed' });
    const badge = document.createElement('span');
    badge.dataset.kind = entries.map((e) => e.kind).join(' ');
    badge.dataset.severity = severity;
    badge.setAttribute('role', 'button');
    badge.tabIndex = 0;
    important(badge.style, {
      display: 'inline-flex',
      'align-items': 'center',
      gap: '3px',
      padding: '0 5px 0 3px',
      'border-radius': '8px',
      background: COLORS[severity],
      color: '#fff',
      font: '700 11px/16px system-ui, sans-serif',
      'box-shadow': '0 0 0 1.5px #fff',
      cursor: 'pointer',
      'user-select': 'none',
      'white-space': 'nowrap',
    });
    const glyph = document.createElement('span');
    glyph.setAttribute('aria-hidden', 'true');
    glyph.textContent = GLYPHS[severity];
    const word = document.createElement('span');
    word.textContent = say(SHORT_WORDS[severity]);
    badge.append(glyph, word);
    const what = (/** @type {Mark} */ e) => e.label || (Object.hasOwn(VALUE_KINDS, e.kind) && chrome.i18n.getMessage(`kind_${e.kind}`)) || e.kind;
    const names = entries.map((e) => say('markCaptured', what(e), SEVERITY_WORDS[e.severity] ? say(SEVERITY_WORDS[e.severity]) : e.severity));
    /** @type {string[]} */
    const findings = [];
    for (const e of entries) for (const m of e.messages ?? []) findings.push(`\u2022 ${m}`);
    badge.setAttribute('aria-label', names.join('; '));
    const described = document.createElement('span');
    described.id = 'judgement';
    described.hidden = true;
    described.textContent = [...findings, say('markOpen')].join(' ');
    badge.setAttribute('aria-describedby', described.id);
    badge.title = [...names, ...findings, say('markOpen')].join('\n');
    badge.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      openAt(entries);
    });
    badge.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      event.stopPropagation();
      openAt(entries);
    });
    shadow.append(badge, described);
    made.add(host);
    return host;
  }

  /**
   * @param {SnapshotReply} reply
   * @param {Node[]} elements
   */
  function render(reply, elements) {
    clearMarks();
    /** @type {Map<number, Mark[]>} */
    const byNode = new Map();
    for (const mark of reply.marks ?? []) {
      if (!Number.isInteger(mark.node)) continue;
      const list = byNode.get(mark.node) ?? [];
      list.push(mark);
      byNode.set(mark.node, list);
    }
    for (const [index, entries] of byNode) {
      /** @type {Node | null | undefined} */
      let element = elements[index];
      if (element && element.nodeType === 3) element = element.parentElement;
      if (!element || element.nodeType !== 1 || !element.isConnected) continue;
      const mark = createMark(entries);
      place(/** @type {Element} */ (element), mark);
      marks.add(mark);
    }
  }

  // ---- snapshots ------------------------------------------------------------------------

  function stop() {
    stopped = true;
    clearTimeout(timer);
    observer.disconnect();
    clearMarks();
  }

  /**
   * The address this document was loaded from, as the browser recorded the navigation: a page
   * can change its own address (history.pushState), not that record. The worker keeps a capture
   * only when the tenant it names agrees with the tab's.
   * @returns {string | null}
   */
  function loadUrl() {
    try {
      const [entry] = performance.getEntriesByType('navigation');
      return entry?.name || null;
    } catch {
      return null;
    }
  }

  async function capture() {
    timer = undefined;
    firstPending = 0;
    if (stopped) return;
    const taken = snapshot(document.documentElement, { skip: isMark });
    const json = JSON.stringify(taken.snapshot);
    latest = { json, elements: taken.elements };
    if (answered && answered.json === json) {
      // Same content (perhaps re-rendered nodes): same answer, marks on the current nodes.
      render(answered.reply, taken.elements);
      return;
    }
    if (inFlight === json) return; // its answer will be rendered on these nodes
    inFlight = json;
    let reply;
    try {
      reply = await chrome.runtime.sendMessage({
        type: MESSAGES.snapshot,
        snapshot: json,
        url: taken.snapshot.url,
        title: taken.snapshot.title,
        loadUrl: loadUrl(),
      });
    } catch (e) {
      // The extension was reloaded or removed: this copy of the script is orphaned.
      if (!chrome.runtime?.id) stop();
      return;
    } finally {
      if (inFlight === json) inFlight = null;
    }
    if (stopped || !latest || latest.json !== json) return; // a newer snapshot is on its way
    if (!reply || !reply.ok) {
      clearMarks();
      return;
    }
    answered = { json, reply };
    render(reply, latest.elements);
  }

  function schedule() {
    if (stopped) return;
    const now = Date.now();
    if (!firstPending) firstPending = now;
    clearTimeout(timer);
    timer = setTimeout(capture, Math.max(0, Math.min(DEBOUNCE_MS, firstPending + MAX_WAIT_MS - now)));
  }

  /**
   * True for changes the marks themselves made (adding or removing a mark).
   * @param {MutationRecord} record
   */
  function ours(record) {
    if (isMark(record.target)) return true;
    if (record.type !== 'childList') return false;
    const nodes = [...record.addedNodes, ...record.removedNodes];
    return nodes.length > 0 && nodes.every(isMark);
  }

  const observer = new MutationObserver((records) => {
    if (records.some((r) => !ours(r))) schedule();
  });

  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: [...KEPT_ATTRIBUTES],
  });
  // Typing changes an input's value without a DOM mutation.
  document.addEventListener('input', schedule, true);
  document.addEventListener('change', schedule, true);
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) schedule();
  });

  // Running until stopped, or until the extension context is gone (an orphaned copy that has
  // not yet noticed, because the page has not changed since).
  world[INSTANCE] = { running: () => !stopped && Boolean(chrome.runtime?.id), stop };
  capture();
})();
