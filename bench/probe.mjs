// Runs inside the benchmark page (served from loopback by bench/run.mjs) with the extension's own
// built code: dist/chrome/content/snapshot.js (the snapshotter the content script runs) and
// dist/chrome/worker/core.js + pkg/ (the wasm core as the service worker loads it).
//
// window.wdcapBench.measure() times, per run and over the same DOM:
//   walk     a bare TreeWalker pass (elements + text) — the floor any snapshot pays;
//   snapshot extension/content/snapshot.js's walk;
//   encode   JSON.stringify of the snapshot (what crosses to the worker and into wasm);
//   analyse  core.analyseSnapshot (JSON decode, recognisers, checks, report).
// window.wdcapBench.mutate() changes one cell (an SPA update) and times the same path again.

import { snapshot } from '/ext/content/snapshot.js';
import * as core from '/ext/worker/core.js';

function walk(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let n = 0;
  let kinds = 0;
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    n += 1;
    kinds += node.nodeType; // touch each node so the pass cannot be optimised away
  }
  return n + kinds;
}

async function once(url) {
  const root = document.documentElement;
  const t0 = performance.now();
  const walked = walk(root);
  const t1 = performance.now();
  const taken = snapshot(root, { url });
  const t2 = performance.now();
  const json = JSON.stringify(taken.snapshot);
  const t3 = performance.now();
  const result = await core.analyseSnapshot(json, {});
  const t4 = performance.now();
  if (!result.ok) throw new Error(`analyseSnapshot failed: ${result.error.code}: ${result.error.message}`);
  return {
    walk: t1 - t0,
    snapshot: t2 - t1,
    encode: t3 - t2,
    analyse: t4 - t3,
    total: t4 - t1,
    nodes: taken.snapshot.nodes.length,
    walked,
    bytes: json.length,
    page: result.report.page,
    params: result.report.params.length,
  };
}

let cell = 0;
/** One small SPA change: a different number in one grid cell, somewhere in the page. */
function changeOneCell() {
  const cells = document.querySelectorAll('[role="gridcell"]');
  const target = cells[(cell++ * 7919) % cells.length];
  target.textContent = String((Number(target.textContent) || 0) + 1);
}

window.wdcapBench = {
  async ready() {
    const loaded = await core.version();
    if (!loaded.ok) throw new Error(loaded.error.message);
    return loaded.value;
  },
  /** `runs` timed runs after `warmup` untimed ones; every run's figures. */
  async measure({ url, runs, warmup }) {
    for (let i = 0; i < warmup; i++) await once(url);
    const out = [];
    for (let i = 0; i < runs; i++) out.push(await once(url));
    return out;
  },
  /** Each run: one cell changes, then the extension's full re-analysis path runs again. */
  async mutate({ url, runs, warmup }) {
    const out = [];
    for (let i = 0; i < warmup + runs; i++) {
      changeOneCell();
      // Let the mutation settle as an SPA update would (a task boundary).
      await new Promise((r) => setTimeout(r, 0));
      const figures = await once(url);
      if (i >= warmup) out.push(figures);
    }
    return out;
  },
};
