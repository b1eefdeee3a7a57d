// The page snapshotter: walks the DOM once and returns the compact snapshot the wasm core
// reads (wire format: src/snapshot.rs). Page-agnostic: it knows nothing of Workday's pages, only
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
]);

// `wdcap-mark` is the content script's own mark beside a captured value: never page content.
export const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'wdcap-mark']);

export const MAX_NODES = 2000000;

const BLANK = /^\s*$/;

/**
 * Snapshot `root` and its subtree.
 * @returns {{snapshot: object, elements: Node[], truncated: boolean}} `elements[i]` is the DOM
 *   node behind `snapshot.nodes[i]` (the content script uses it to mark captured values).
 */
export function snapshot(root, { url, title, lang, maxNodes = MAX_NODES } = {}) {
  const doc = root.ownerDocument || root;
  const nodes = [];
  const elements = [];
  let truncated = false;
  const stack = [root, -1];
  while (stack.length) {
    const parent = stack.pop();
    const node = stack.pop();
    if (nodes.length >= maxNodes) {
      truncated = true;
      break;
    }
    if (node.nodeType === 1) {
      const tag = node.localName;
      if (SKIPPED_TAGS.has(tag)) continue;
      const entry = parent < 0 ? { t: tag } : { p: parent, t: tag };
      let attrs = null;
      for (const attr of node.attributes) {
        if (KEPT_ATTRIBUTES.has(attr.name)) {
          (attrs ||= {})[attr.name] = attr.value;
        }
      }
      if (tag === 'input') {
        // The live state, not the markup's: what the admin sees now.
        const type = (node.type || '').toLowerCase();
        attrs ||= {};
        if (type === 'password') delete attrs.value;
        else if (type === 'checkbox' || type === 'radio') {
          if (node.checked) attrs.checked = '';
          else delete attrs.checked;
        } else if (node.value) attrs.value = node.value;
      }
      if (attrs) entry.a = attrs;
      const index = nodes.length;
      nodes.push(entry);
      elements.push(node);
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i], index);
    } else if (node.nodeType === 3 && parent >= 0) {
      const text = node.nodeValue;
      nodes.push({ p: parent, x: BLANK.test(text) ? ' ' : text });
      elements.push(node);
    }
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
