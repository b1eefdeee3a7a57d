// A CPU profile of the wasm core on one benchmark page: where analyseSnapshot's time
// goes, by function, self and total time. Not part of `make bench`.
//
//   node bench/profile.mjs [case id, default headcount_10000] [runs, default 5]
//
// The module must keep its name section for the profile to name wasm functions: build a copy
// with `WDCAP_DIST=/tmp/x WDCAP_KEEP_NAMES=1 scripts/build-extension.sh` and point
// WDCAP_EXTENSION_DIR at /tmp/x/chrome. Uses Chromium's sampling profiler over CDP
// (Profiler.start / Profiler.stop, 100 µs interval).

import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname, normalize, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { cases } from './pages.mjs';
import { CHROMIUM } from '../tests/e2e/harness.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(process.env.WDCAP_EXTENSION_DIR ?? join(ROOT, 'dist', 'chrome'));
const id = process.argv[2] ?? 'headcount_10000';
const runs = Number(process.argv[3] ?? 5);
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

const c = cases(ROOT).find((x) => x.id === id);
if (!c) throw new Error(`no case ${id}`);
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cache-Control': 'no-store' };
  if (path === '/case') {
    res.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] }).end(c.html.replace('</head>', '<script type="module" src="/bench/probe.mjs"></script></head>'));
    return;
  }
  const [base, prefix] = path.startsWith('/ext/') ? [DIST, '/ext/'] : path.startsWith('/bench/') ? [join(ROOT, 'bench'), '/bench/'] : [];
  const file = base && normalize(join(base, path.slice(prefix.length)));
  if (!file || !file.startsWith(base + '/') || !existsSync(file)) {
    res.writeHead(404, headers).end('not found');
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: false, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/case`);
  await page.waitForFunction(() => window.wdcapBench);
  await page.evaluate(() => window.wdcapBench.ready());
  await page.evaluate((url) => window.wdcapBench.measure({ url, runs: 1, warmup: 1 }), c.url);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const figures = await page.evaluate((o) => window.wdcapBench.measure(o), { url: c.url, runs, warmup: 0 });
  const { profile } = await cdp.send('Profiler.stop');

  // Self time per node from the samples, then per function name; total time = self time of the
  // node and every descendant, counted once per function per sample stack.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const ch of n.children ?? []) parent.set(ch, n.id);
  const self = new Map();
  const total = new Map();
  const deltas = profile.timeDeltas;
  let sum = 0;
  profile.samples.forEach((sid, i) => {
    const dt = (deltas[i + 1] ?? deltas[i]) / 1000;
    sum += dt;
    const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
    const leaf = byId.get(sid);
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set();
    for (let id = sid; id !== undefined; id = parent.get(id)) {
      const nm = name(byId.get(id));
      if (seen.has(nm)) continue;
      seen.add(nm);
      total.set(nm, (total.get(nm) ?? 0) + dt);
    }
  });
  const analyse = figures.map((f) => f.analyse);
  console.log(`${c.name}: ${runs} runs, analyse ${analyse.map((x) => x.toFixed(1)).join(', ')} ms; ${sum.toFixed(0)} ms sampled`);
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log('\nself time (ms, all runs):');
  for (const [k, v] of top(self, 40)) console.log(`${v.toFixed(1).padStart(8)}  ${k.slice(0, 140)}`);
  console.log('\ntotal time (ms, all runs):');
  for (const [k, v] of top(total, 50)) console.log(`${v.toFixed(1).padStart(8)}  ${k.slice(0, 140)}`);
} finally {
  await browser.close();
  server.close();
}
