#!/usr/bin/env node
/**
 * What `lint --fix` does to real Dockerfiles: for each rule, how many findings its fixes resolve (safe
 * fixes alone, then with the unsafe ones), how many files change, and whether every fixed file still
 * parses as well as before. Every rule on (the strict profile), the way the audit set's folders are
 * linted (a folder holding more than the Dockerfile is its build context). Runs the built linter.
 *
 *   node scripts/fix-audit.mjs [DIR ...]      (default: test/audit/files and test/audit/held-out/files)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lintText } from '../dist/src/lint.js';
import { defaultConfig } from '../dist/src/core/config.js';
import { loadBuildContext } from '../dist/src/model/context.js';
import { expandInputs } from '../dist/src/cli/inputs.js';
import { fixText } from '../dist/src/fix/fix-engine.js';

const root = new URL('..', import.meta.url).pathname;
const dirs = process.argv.slice(2);
const roots = dirs.length > 0 ? dirs : [join(root, 'test/audit/files'), join(root, 'test/audit/held-out/files')];
const config = { ...defaultConfig(), extends: 'strict' };

const perRule = new Map();
const row = (ruleId) => perRule.get(ruleId) ?? perRule.set(ruleId, { withEdit: 0, safe: 0, unsafe: 0 }).get(ruleId);
const totals = { files: 0, changedSafe: 0, changedUnsafe: 0, parseWorse: 0, notFixedPoint: 0, refused: 0 };

for (const path of roots.flatMap((dir) => expandInputs([dir])).sort()) {
  const text = readFileSync(path, 'utf8');
  const folder = dirname(path);
  const hasContext = readdirSync(folder).some((name) => join(folder, name) !== path && statSync(join(folder, name)).isFile());
  const options = { config, context: hasContext ? loadBuildContext(folder) : null };
  const lint = async (candidate) => (await lintText(candidate, path, options)).findings;
  totals.files++;
  const findings = await lint(text);
  for (const finding of findings) if (finding.fix?.edits?.length) row(finding.ruleId).withEdit++;
  const parseErrors = (list) => list.filter((finding) => finding.ruleId === 'parse-error').length;
  for (const unsafe of [false, true]) {
    const outcome = await fixText(text, lint, { unsafe });
    for (const fix of outcome.applied) row(fix.ruleId)[unsafe ? 'unsafe' : 'safe']++;
    if (outcome.text !== text) totals[unsafe ? 'changedUnsafe' : 'changedSafe']++;
    if (parseErrors(outcome.remaining) > parseErrors(findings)) totals.parseWorse++;
    if ((await fixText(outcome.text, lint, { unsafe })).applied.length > 0) totals.notFixedPoint++;
    if (unsafe) totals.refused += outcome.refused.length;
  }
}

console.log(`${totals.files} Dockerfiles; changed by the safe fixes: ${totals.changedSafe}, with the unsafe ones too: ${totals.changedUnsafe}`);
console.log(`fixed files that parse worse than before: ${totals.parseWorse}; not at a fixed point: ${totals.notFixedPoint}; fixes refused: ${totals.refused}`);
console.log('\nrule                                   findings with an edit   resolved (safe)   resolved (with unsafe)');
for (const [ruleId, counts] of [...perRule].sort((a, b) => b[1].withEdit - a[1].withEdit)) {
  console.log(`${ruleId.padEnd(40)} ${String(counts.withEdit).padStart(8)} ${String(counts.safe).padStart(17)} ${String(counts.unsafe).padStart(22)}`);
}
