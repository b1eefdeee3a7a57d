// @ts-check
// The page snapshotter: walks the DOM once and returns the compact snapshot the wasm core
// reads (wire format: the core's Snapshot, src/snapshot.rs). Page-agnostic: it knows nothing of Workday's pages, only
// which attributes recognisers use. It never records a password input's value.
//
// This file is an ES module (the service worker, the wasm browser tests and the benchmarks
// import it); the build turns it into a classic script for the content script.

export const KEPT_ATTRIBUTES = new Set([
  'data-automation-id',
  'data-automation-label',
  'data-testid',
  'data-row-id',
  'data-clipboard-text',
  'role',
  'aria-hidden',
  'aria-label',
  'aria-checked',
  'aria-selected',
  'aria-level',
  'title',
  'id',
  'for',
  'href',
  'type',
  'checked',
  'value',
  // Newer builds: an input names its label, a region still loading says so, widgets and popups
  // are named by the last two. The content script watches these same attributes, so a spinner
  // hidden or an `aria-busy` cleared sends the settled page again.
  'aria-labelledby',
  'aria-busy',
  'data-uxi-widget-type',
  'data-automation-widget',
]);

// The content script's own marks beside captured values are never page content: it passes
// `skip`, which knows them by identity.
export const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head']);

export const MAX_NODES = 2000000;

const BLANK = /^\s*$/;

/**
 * One node of a snapshot: its parent's index (none: the root), and an element's tag and kept
 * attributes, or a text's text.
 * @typedef {{p?: number, t?: string, a?: Record<string, string>, x?: string}} SnapshotNode
 */

/**
 * A page's snapshot as it crosses to the core (JSON).
 * @typedef {{v: 1, url: string, title: string, lang: string, nodes: SnapshotNode[]}} Snapshot
 */

/**
 * Snapshot `root` and its subtree.
 * @param {Node} root
 * @param {{url?: string, title?: string, lang?: string, maxNodes?: number, skip?: (node: Node) => boolean}} [options]
 *   `skip`: elements left out with their subtree (the content script's own marks)
 * @returns {{snapshot: Snapshot, elements: Node[], truncated: boolean}} `elements[i]` is the DOM
 *   node behind `snapshot.nodes[i]` (the content script uses it to mark captured values).
 */
export function snapshot(root, { url, title, lang, maxNodes = MAX_NODES, skip } = {}) {
  const doc = root.ownerDocument || /** @type {Document} */ (root);
  /** @type {SnapshotNode[]} */
  const nodes = [];
  /** @type {Node[]} */
  const elements = [];
  let truncated = false;
  // Pre-order through firstChild/nextSibling (no live NodeList reads, no stack of every
  // pending sibling): `parent` is the snapshot index of the element being walked into,
  // `parents` the indexes of its ancestors.
  /** @type {number[]} */
  const parents = [];
  let parent = -1;
  /** @type {Node | null} */
  let node = root;
  while (node) {
    if (nodes.length >= maxNodes) {
      truncated = true;
      break;
    }
    const type = node.nodeType;
    let index = -1;
    if (type === 1) {
      const element = /** @type {Element} */ (node);
      const tag = element.localName;
      if (!SKIPPED_TAGS.has(tag) && !skip?.(node)) {
        /** @type {SnapshotNode} */
        const entry = parent < 0 ? { t: tag } : { p: parent, t: tag };
        /** @type {Record<string, string> | null} */
        let attrs = null;
        if (element.hasAttributes()) {
          const list = element.attributes;
          for (let i = 0; i < list.length; i++) {
            const attr = list[i];
            if (KEPT_ATTRIBUTES.has(attr.name)) (attrs ||= {})[attr.name] = attr.value;
          }
        }
        if (tag === 'input') {
          // The live state, not the markup's: what the admin sees now.
          const input = /** @type {HTMLInputElement} */ (element);
          const inputType = (input.type || '').toLowerCase();
          attrs ||= {};
          if (inputType === 'password') delete attrs.value;
          else if (inputType === 'checkbox' || inputType === 'radio') {
            if (input.checked) attrs.checked = '';
            else delete attrs.checked;
          } else if (input.value) attrs.value = input.value;
        }
        if (attrs) entry.a = attrs;
        index = nodes.length;
        nodes.push(entry);
        elements.push(node);
      }
    } else if (type === 3 && parent >= 0) {
      const text = /** @type {string} */ (node.nodeValue);
      nodes.push({ p: parent, x: BLANK.test(text) ? ' ' : text });
      elements.push(node);
    }
    if (index >= 0 && node.firstChild) {
      parents.push(parent);
      parent = index;
      node = node.firstChild;
      continue;
    }
    // Next sibling, or the next sibling of the nearest ancestor that has one; never past root.
    while (node !== root && !node.nextSibling) {
      node = /** @type {Node} */ (node.parentNode);
      parent = /** @type {number} */ (parents.pop());
    }
    node = node === root ? null : node.nextSibling;
  }
  return {
    snapshot: {
      v: 1,
      url: url ?? doc.location?.href ?? '',
      title: title ?? doc.title ?? '',
      lang: lang ?? doc.documentElement?.lang ?? '',
      nodes,
    },
    elements,
    truncated,
  };
}
