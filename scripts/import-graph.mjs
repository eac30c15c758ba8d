#!/usr/bin/env node
/**
 * Which folders import which: the project's structure as its imports say it, for reviews of a
 * restructuring (run it before and after). Reads the TypeScript sources of src/ and rules/ as text.
 *
 *   node scripts/import-graph.mjs          folder -> folder, with how many import lines
 *   node scripts/import-graph.mjs --rules  also every src/ file the rules import from
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function sources(folder) {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** src/model/knowledge/x.ts -> src/model; rules/x.ts -> rules; src/lint.ts -> src (the root module). */
function folderOf(path) {
  const parts = path.split('/');
  return parts[0] === 'src' && parts.length > 2 ? `src/${parts[1]}` : parts.length > 1 && parts[0] === 'src' ? 'src' : parts[0];
}

const edges = new Map();
const ruleImports = new Map();
for (const file of [...sources('src'), ...sources('rules')]) {
  const text = readFileSync(join(root, file), 'utf8');
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    if (!specifier.startsWith('.')) continue;
    const target = relative(root, resolve(root, dirname(file), specifier)).replace(/\.js$/, '.ts');
    const from = folderOf(file);
    const to = folderOf(target);
    if (from === to) continue;
    const key = `${from} -> ${to}`;
    edges.set(key, (edges.get(key) ?? 0) + 1);
    if (from === 'rules') ruleImports.set(target, (ruleImports.get(target) ?? 0) + 1);
  }
}

for (const [edge, count] of [...edges].sort(([a], [b]) => a.localeCompare(b))) console.log(`${edge.padEnd(40)} ${count}`);
console.log(`\nrules import from ${ruleImports.size} src file(s)`);
if (process.argv.includes('--rules')) {
  for (const [file, count] of [...ruleImports].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(3)}  ${file}`);
}
