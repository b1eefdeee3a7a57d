// Prints the table of `make bench-native` from criterion's saved estimates
// (<target>/criterion/<group>/<case>/new/estimates.json), with the machine and each goal, and the
// ticket queue's peak memory (<target>/tmp/wdcap-queue-bench/memory.json).
// Usage: node benches/table.mjs [criterion dir]   (default: $CARGO_TARGET_DIR or ./target)

import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';

const dir = process.argv[2] ?? join(process.env.CARGO_TARGET_DIR || 'target', 'criterion');

const CHECK = [
  ['1KB', 1_000],
  ['100KB', 100_000],
  ['1MB', 1_000_000],
  ['10MB', 10_000_000],
];
const PAGES = ['view_api_clients', 'maintain_permissions_500', 'headcount_10000'];

function estimate(group, id) {
  const file = join(dir, group, id, 'new', 'estimates.json');
  if (!existsSync(file)) return null;
  const e = JSON.parse(readFileSync(file, 'utf8'));
  return { mean: e.mean.point_estimate, lo: e.mean.confidence_interval.lower_bound, hi: e.mean.confidence_interval.upper_bound };
}

const ms = (ns) => (ns / 1e6).toFixed(ns < 1e6 ? 3 : 2);
const pad = (s, n) => String(s).padEnd(n);

const cpu = os.cpus();
console.log(`machine: ${cpu.length} cores, ${cpu[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}`);
console.log('');
console.log(`${pad('benchmark', 42)} ${pad('mean ms', 10)} ${pad('95% CI ms', 18)} ${pad('per MB ms', 10)} goal`);

let failed = false;
let perMb1 = null;
for (const [id, bytes] of CHECK) {
  const e = estimate('check', id);
  if (!e) { console.log(`${pad(`check/${id}`, 42)} (not run)`); failed = true; continue; }
  const perMb = e.mean / (bytes / 1e6);
  if (id === '1MB') perMb1 = perMb;
  let goal = 'linear';
  if (id === '1MB') goal = `<= 20 ms: ${e.mean <= 20e6 ? 'met' : 'MISSED'}`;
  if (id === '10MB' && perMb1) goal = `linear: ${(perMb / perMb1).toFixed(2)}x the 1 MB cost per MB`;
  console.log(`${pad(`wdcap check ${id}`, 42)} ${pad(ms(e.mean), 10)} ${pad(`${ms(e.lo)}–${ms(e.hi)}`, 18)} ${pad(ms(perMb), 10)} ${goal}`);
}
const GROUP_NAMES = { analyse: 'analyse_snapshot', worker_path: 'worker path (JSON in+out)', scan: 'scan (HTML+analyse)' };
for (const group of ['analyse', 'worker_path', 'scan']) {
  for (const id of PAGES) {
    const e = estimate(group, id);
    const name = `${GROUP_NAMES[group]} ${id}`;
    if (!e) { console.log(`${pad(name, 42)} (not run)`); failed = true; continue; }
    console.log(`${pad(name, 42)} ${pad(ms(e.mean), 10)} ${pad(`${ms(e.lo)}–${ms(e.hi)}`, 18)} ${pad('', 10)} ${group === 'analyse' && id === 'headcount_10000' ? '(browser goal incl. snapshot: <= 50 ms)' : ''}`);
  }
}
// Ticket queues: `wdcap check` on a 10 000-ticket CSV export, as a process.
for (const [id, label] of [['csv_10000_jobs_1', '1 core (--jobs 1)'], ['csv_10000_all_cores', `all ${cpu.length} cores`]]) {
  const e = estimate('queue', id);
  const name = `wdcap check, 10 000-ticket CSV, ${label}`;
  if (!e) { console.log(`${pad(name, 42)} (not run)`); failed = true; continue; }
  console.log(`${pad(name, 42)} ${pad(ms(e.mean), 10)} ${pad(`${ms(e.lo)}–${ms(e.hi)}`, 18)} ${pad('', 10)} ${Math.round(10_000 / (e.mean / 1e9))} tickets/s`);
}
// Peak memory on large inputs (written by the queue benchmark).
const memory = join(dir, '..', 'tmp', 'wdcap-queue-bench', 'memory.json');
if (existsSync(memory)) {
  for (const m of JSON.parse(readFileSync(memory, 'utf8'))) {
    console.log(`${pad(`wdcap check --format ndjson, ${m.case}`, 42)} ${(m.bytes / 2 ** 20).toFixed(0)} MiB in ${m.seconds} s, peak resident memory ${(m.peak_rss / 2 ** 20).toFixed(1)} MiB`);
  }
} else {
  console.log('peak memory of ticket queues: (not run)');
  failed = true;
}
process.exit(failed ? 1 : 0);
