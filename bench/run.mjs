// The browser benchmark (`make bench`): figures, never assertions. Prints one table.
//
//   1. snapshot + analysis per page, in headless Chromium, with the extension's own built code
//      (dist/chrome/content/snapshot.js, dist/chrome/worker/core.js + pkg/) loaded in a page served from
//      loopback, next to a bare TreeWalker pass over the same DOM in the same run;
//   2. re-analysis after one small SPA mutation on the 10 000-row page;
//   3. service-worker cold start to first analysis, in the extension itself (the simulator serves
//      the View API Clients page; the worker is stopped first, so the page's snapshot starts it);
//   4. wasm + JS glue size, raw and gzipped.
// Each timing is the median of RUNS runs (default 9) after WARMUP untimed ones (default 2).
// Options: --json (the figures as JSON), --headed; ONLY=pages|cold in the environment. Needs
// `make build` (dist/chrome), or WDCAP_EXTENSION_DIR pointing at another build.

import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join, resolve, dirname, normalize, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { cases } from './pages.mjs';
import { launch, waitFor, currentWorker, VIEW_API_CLIENTS_URL, CHROMIUM } from '../tests/e2e/harness.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(process.env.WDCAP_EXTENSION_DIR ?? join(ROOT, 'dist', 'chrome'));
const RUNS = Number(process.env.RUNS ?? 9);
const WARMUP = Number(process.env.WARMUP ?? 2);
const COLD_RUNS = Number(process.env.COLD_RUNS ?? 5);
const asJson = process.argv.includes('--json');
const headed = process.argv.includes('--headed');

const GOALS = {
  ratio: 1.5, // × a bare TreeWalker pass
  largePageMs: 50,
  mutationMs: 2,
  coldStartMs: 30,
  sizeGzBytes: 120 * 1024,
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

/** Loopback server: /ext/* = dist/chrome, /bench/* = bench/, /case/<id> = a benchmark page. */
function serve(pages) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    // Cross-origin isolation gives performance.now() its fine resolution (5 µs, not 100 µs).
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cache-Control': 'no-store' };
    let body;
    let type;
    const page = path.startsWith('/case/') && pages.get(path.slice(6));
    if (page) {
      body = page.html.replace('</head>', '<script type="module" src="/bench/probe.mjs"></script></head>');
      type = TYPES['.html'];
    } else {
      const [base, prefix] = path.startsWith('/ext/') ? [DIST, '/ext/'] : path.startsWith('/bench/') ? [join(ROOT, 'bench'), '/bench/'] : [];
      const file = base && normalize(join(base, path.slice(prefix.length)));
      if (!file || !file.startsWith(base + '/') || !existsSync(file)) {
        res.writeHead(404, headers).end('not found');
        return;
      }
      body = readFileSync(file);
      type = TYPES[extname(file)] ?? 'application/octet-stream';
    }
    res.writeHead(200, { ...headers, 'Content-Type': type }).end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function pageFigures() {
  const list = cases(ROOT);
  const server = await serve(new Map(list.map((c) => [c.id, c])));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: false,
    args: [...(headed ? [] : ['--headless=new']), '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const out = [];
  try {
    for (const c of list) {
      const page = await browser.newPage();
      page.on('pageerror', (e) => console.error(`bench: page error on ${c.id}: ${e.message}`));
      await page.goto(`${base}/case/${c.id}`);
      await page.waitForFunction(() => window.wdcapBench);
      const version = await page.evaluate(() => window.wdcapBench.ready());
      const runs = await page.evaluate((o) => window.wdcapBench.measure(o), { url: c.url, runs: RUNS, warmup: WARMUP });
      const row = { id: c.id, name: c.name, version, ...summarise(runs) };
      if (c.mutate) row.mutation = summarise(await page.evaluate((o) => window.wdcapBench.mutate(o), { url: c.url, runs: RUNS, warmup: WARMUP }));
      out.push(row);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

function summarise(runs) {
  const pick = (k) => median(runs.map((r) => r[k]));
  return {
    walk: pick('walk'),
    snapshot: pick('snapshot'),
    encode: pick('encode'),
    analyse: pick('analyse'),
    total: pick('total'),
    ratio: median(runs.map((r) => r.total / r.walk)),
    nodes: runs[0].nodes,
    bytes: runs[0].bytes,
    page: runs[0].page,
    params: runs[0].params,
    runs: runs.length,
  };
}

/**
 * Service-worker cold start to first analysis, in the extension: the worker is stopped, then a
 * Workday page loads; its snapshot message starts the worker, which records (globalThis.wdcapStats,
 * in ms since the worker started) when its first analyseSnapshot result came back.
 */
async function coldStart() {
  const browser = await launch({ headless: !headed });
  const figures = [];
  try {
    const cdpPage = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(cdpPage);
    for (let i = 0; i < COLD_RUNS; i++) {
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await waitFor(() => browser.context.serviceWorkers().length === 0, { what: 'the worker to stop' }).catch(() => {});
      const page = await browser.context.newPage();
      await page.goto(VIEW_API_CLIENTS_URL);
      const stats = await waitFor(
        async () => {
          const worker = await currentWorker(browser.context);
          const s = await worker.evaluate(() => ({ ...globalThis.wdcapStats }));
          return s.firstAnalysisMs != null ? s : null;
        },
        { what: 'the first analysis' },
      );
      figures.push(stats);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return {
    toFirstAnalysis: median(figures.map((s) => s.firstAnalysisMs)),
    ready: median(figures.map((s) => s.readyMs)),
    firstCall: median(figures.map((s) => s.firstAnalysisCallMs)),
    runs: figures.length,
  };
}

function sizes() {
  const files = ['pkg/wdcap_bg.wasm', 'pkg/wdcap.js', 'worker/core.js'];
  const each = files.map((f) => {
    const bytes = readFileSync(join(DIST, f));
    return { file: f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  });
  return { files: each, raw: each.reduce((a, f) => a + f.raw, 0), gz: each.reduce((a, f) => a + f.gz, 0) };
}

function machine() {
  let chromiumVersion = '';
  try {
    chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    chromiumVersion = 'unknown';
  }
  return { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', chromium: chromiumVersion, node: process.version };
}

const ms = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const met = (ok) => (ok ? 'met' : 'NOT met');

function table(result) {
  const rows = [['figure', 'value', 'goal', '']];
  for (const p of result.pages) {
    rows.push([
      `${p.name} (${p.nodes} nodes, page=${p.page ?? 'none'}): snapshot+encode+analyse`,
      `${ms(p.total)} ms (${ms(p.snapshot)} + ${ms(p.encode)} + ${ms(p.analyse)})`,
      p.id === 'headcount_10000' ? `≤ ${GOALS.largePageMs} ms` : '',
      p.id === 'headcount_10000' ? met(p.total <= GOALS.largePageMs) : '',
    ]);
    rows.push([`  bare TreeWalker pass, same DOM`, `${ms(p.walk)} ms`, '', '']);
    rows.push([`  ratio (median of per-run ratios)`, `${p.ratio.toFixed(1)}×`, `≤ ${GOALS.ratio}×`, met(p.ratio <= GOALS.ratio)]);
    if (p.mutation) {
      rows.push([
        `  after one cell changes: full re-analysis`,
        `${ms(p.mutation.total)} ms`,
        `≤ ${GOALS.mutationMs} ms`,
        met(p.mutation.total <= GOALS.mutationMs),
      ]);
    }
  }
  const c = result.coldStart ?? { toFirstAnalysis: NaN, ready: NaN, firstCall: NaN };
  rows.push([
    'worker cold start → first analyseSnapshot result',
    `${ms(c.toFirstAnalysis)} ms (script ready ${ms(c.ready)}, first call ${ms(c.firstCall)})`,
    `≤ ${GOALS.coldStartMs} ms`,
    met(c.toFirstAnalysis <= GOALS.coldStartMs),
  ]);
  const s = result.size;
  rows.push([`wasm + JS glue (${s.files.map((f) => f.file).join(' + ')})`, `${kb(s.raw)} raw, ${kb(s.gz)} gz`, `≤ ${kb(GOALS.sizeGzBytes)} gz`, met(s.gz <= GOALS.sizeGzBytes)]);
  for (const f of s.files) rows.push([`  ${f.file}`, `${kb(f.raw)} raw, ${kb(f.gz)} gz`, '', '']);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  const m = result.machine;
  return [
    `wdcap browser benchmark — ${result.version}; median of ${RUNS} runs (${WARMUP} warm-up), cold start median of ${COLD_RUNS}`,
    `machine: ${m.nproc} × ${m.cpu}; ${m.chromium}; node ${m.node}`,
    line(rows[0]),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

// ONLY=pages or ONLY=cold runs one part (comparing builds back to back); the table shows the rest
// as not measured.
const only = process.env.ONLY ?? '';
const pages = only === 'cold' ? [] : await pageFigures();
const coldStartFigures = only === 'pages' ? null : await coldStart();
const result = { version: pages[0]?.version ?? '', machine: machine(), pages, coldStart: coldStartFigures, size: sizes(), goals: GOALS };
console.log(asJson ? JSON.stringify(result, null, 2) : table(result));
