#!/usr/bin/env node
/**
 * The layer analysis alone (no engine), on synthetic layer listings: a layer of N files under one
 * folder, then a layer that deletes them — one whiteout per file, or the folder at once, or an
 * opaque folder. Prints the time per case and the ratio to the smallest N of the same case, so a
 * cost that grows faster than the number of files shows at once. Part of `npm run bench:measure`;
 * runs alone with `node scripts/bench-analysis.mjs` after `npm run build`.
 */
import { analyzeLayers } from '../dist/src/measure/analysis.js';

const SIZES = (process.env.BENCH_DELETIONS ?? '20000,40000,200000').split(',').map(Number);

function listing(entries, whiteouts = [], opaqueDirs = []) {
  return { archivePath: 'synthetic', entries: new Map(entries), whiteouts, opaqueDirs };
}

function layersFor(count, how) {
  const files = [['app', { size: 0, kind: 'dir' }], ['app/node_modules', { size: 0, kind: 'dir' }]];
  for (let i = 0; i < count; i++) files.push([`app/node_modules/pkg${i % 500}/file${i}.js`, { size: 100, kind: 'file' }]);
  const base = listing([['usr/bin/sh', { size: 1000, kind: 'file' }], ...files]);
  const paths = files.filter(([, entry]) => entry.kind === 'file').map(([path]) => path);
  if (how === 'one whiteout per file') return [base, listing([], paths)];
  if (how === 'the folder at once') return [base, listing([], ['app/node_modules'])];
  return [base, listing([['app/node_modules', { size: 0, kind: 'dir' }]], [], ['app/node_modules'])];
}

function time(layers) {
  const started = process.hrtime.bigint();
  const analysis = analyzeLayers(layers);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, hidden: analysis.wastedBytes };
}

console.log('layer analysis: N files in one layer, deleted by the next (median of 3; "deleting" = both layers minus the first alone)');
for (const how of ['one whiteout per file', 'the folder at once', 'an opaque folder']) {
  let first = null;
  for (const count of SIZES) {
    const layers = layersFor(count, how);
    const median = (runs) => runs.sort((a, b) => a.seconds - b.seconds)[1];
    const added = median([0, 1, 2].map(() => time(layers.slice(0, 1))));
    const both = median([0, 1, 2].map(() => time(layers)));
    const deleting = Math.max(0, both.seconds - added.seconds);
    first ??= { count, deleting };
    const ratio = deleting / first.deleting / (count / first.count);
    console.log(`  ${how.padEnd(22)} N=${String(count).padStart(7)}: both layers ${(both.seconds * 1000).toFixed(0).padStart(6)} ms, of which deleting ${(deleting * 1000).toFixed(0).padStart(6)} ms (${both.hidden} B hidden); deleting time per file vs N=${first.count}: ${ratio.toFixed(2)}×`);
  }
}
console.log(`  peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
