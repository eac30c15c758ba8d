#!/usr/bin/env node
/**
 * Every finding of every rule (the strict profile) on a set of Dockerfiles, one JSON line per file, for
 * checking that a change of the code leaves behaviour alone: run it before and after, then compare.
 *
 *   node scripts/findings-snapshot.mjs OUT.jsonl [DIR ...]
 *
 * With no DIR it reads every Dockerfile of this repository (test data, examples). A Dockerfile whose folder
 * holds other files is linted with that folder as its build context, as the audit set's are. ShellCheck is
 * left out: its findings pass through the rule runner unchanged, and it would make the run slow.
 * Runs the built linter (dist/): `npm run build` first.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { lintText } from '../dist/src/lint.js';
import { defaultConfig } from '../dist/src/core/config.js';
import { loadBuildContext } from '../dist/src/model/context.js';
import { expandInputs } from '../dist/src/cli/inputs.js';

const [out, ...dirs] = process.argv.slice(2);
if (!out) {
  console.error('usage: node scripts/findings-snapshot.mjs OUT.jsonl [DIR ...]');
  process.exit(2);
}
const repoRoot = new URL('..', import.meta.url).pathname;
const roots = dirs.length > 0 ? dirs : [join(repoRoot, 'test'), join(repoRoot, 'examples')];
const config = { ...defaultConfig(), extends: 'strict' };

const lines = [];
let findingCount = 0;
for (const root of roots) {
  for (const path of expandInputs([root]).sort()) {
    const text = readFileSync(path, 'utf8');
    const folder = dirname(path);
    const hasContext = readdirSync(folder).some((name) => join(folder, name) !== path && statSync(join(folder, name)).isFile());
    let result;
    try {
      result = await lintText(text, relative(repoRoot, path), { config, context: hasContext ? loadBuildContext(folder) : null });
    } catch (error) {
      lines.push(JSON.stringify({ path: relative(repoRoot, path), error: String(error.message) }));
      continue;
    }
    findingCount += result.findings.length;
    lines.push(JSON.stringify({ path: relative(repoRoot, path), findings: result.findings, ruleFailures: result.ruleFailures }));
  }
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${lines.length} files, ${findingCount} findings -> ${out}`);
