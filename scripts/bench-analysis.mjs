#!/usr/bin/env node
/**
 * The layer analysis alone (no engine), on synthetic layer listings: a layer of N files under one
 * folder, then a layer that deletes them — one whiteout per file, or the folder at once, or an
 * opaque folder. Each case runs in a process of its own, so its peak RSS is its own. Prints the
 * time of both layers, of the first alone (the baseline, same process), and the time per file
 * against the smallest N, so a cost that grows faster than the number of files shows at once. Part of `npm run bench:measure`; alone: `node scripts/bench-analysis.mjs` after `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { analyzeLayers } from '../dist/src/measure/analysis.js';

const SIZES = (process.env.BENCH_DELETIONS ?? '20000,200000').split(',').map(Number);
const CASES = ['one whiteout per file', 'the folder at once', 'an opaque folder'];

function listing(entries, whiteouts = [], opaqueDirs = []) {
  return { archivePath: 'synthetic', entries: new Map(entries), whiteouts, opaqueDirs };
}

function layersFor(count, how) {
  const files = [
    ['app', { size: 0, kind: 'dir' }],
    ['app/node_modules', { size: 0, kind: 'dir' }],
  ];
  for (let i = 0; i < count; i++) files.push([`app/node_modules/pkg${i % 500}/file${i}.js`, { size: 100, kind: 'file' }]);
  const base = listing([['usr/bin/sh', { size: 1000, kind: 'file' }], ...files]);
  const paths = files.filter(([, entry]) => entry.kind === 'file').map(([path]) => path);
  if (how === CASES[0]) return [base, listing([], paths)];
  if (how === CASES[1]) return [base, listing([], ['app/node_modules'])];
  return [base, listing([['app/node_modules', { size: 0, kind: 'dir' }]], [], ['app/node_modules'])];
}

function time(layers) {
  const started = process.hrtime.bigint();
  const analysis = analyzeLayers(layers);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, hidden: analysis.wastedBytes };
}

/** In the child: one case, median of 3, as JSON. */
function runOne(how, count) {
  // Warm the JIT on a tenth of the size first: a cold first call would be timed as part of the first layer.
  const warm = layersFor(Math.ceil(count / 10), how);
  for (let i = 0; i < 3; i++) time(warm);
  const layers = layersFor(count, how);
  const median = (runs) => runs.sort((a, b) => a.seconds - b.seconds)[2];
  const added = median([0, 1, 2, 3, 4].map(() => time(layers.slice(0, 1))));
  const both = median([0, 1, 2, 3, 4].map(() => time(layers)));
  console.log(JSON.stringify({ both: both.seconds, added: added.seconds, hidden: both.hidden, rssMb: process.resourceUsage().maxRSS / 1024 }));
}

if (process.argv[2] === '--one') {
  runOne(process.argv[3], Number(process.argv[4]));
} else {
  console.log('layer analysis: N files in one layer, deleted by the next (median of 5 after a warm-up; RSS: the whole process, listings included)');
  for (const how of CASES) {
    let first = null;
    for (const count of SIZES) {
      const child = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--one', how, String(count)], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr);
      const result = JSON.parse(child.stdout);
      first ??= { count, both: result.both };
      const ratio = (result.both / first.both / (count / first.count)).toFixed(2);
      console.log(
        `  ${how.padEnd(22)} N=${String(count).padStart(7)}: both layers ${(result.both * 1000).toFixed(0).padStart(5)} ms (the first alone ${(result.added * 1000).toFixed(0).padStart(5)} ms; ${result.hidden} B hidden), time per file vs N=${first.count}: ${ratio}×; peak RSS ${result.rssMb.toFixed(0)} MB`,
      );
    }
  }
}
