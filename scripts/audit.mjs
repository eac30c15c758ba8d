#!/usr/bin/env node
// Keeps score on real Dockerfiles (npm run audit). Lints every file of test/audit/files with the default
// profile, compares each finding with its verdict in test/audit/expectations.tsv, and prints precision per
// rule and findings per file. Exits 1 when a finding judged true is gone, when a finding nobody has judged
// appears, or when a judged finding's message changed (judge it again): the file is the ledger.
//
//   npm run audit                 figures, and the check
//   npm run audit -- --list       also every finding with its verdict
//   npm run audit -- --write-new  append unjudged findings to expectations.tsv with verdict `unjudged`
//
// Runs the built linter (dist/), with ShellCheck when it is on PATH (the default profile keeps only its errors).
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../dist/src/lint.js';
import { DEFAULT_CONFIG, defaultConfig } from '../dist/src/config/config.js';
import { loadBuildContext } from '../dist/src/model/context.js';
import { findShellcheck } from '../dist/src/shellcheck/shellcheck.js';

const root = new URL('../test/audit/', import.meta.url).pathname;
const VERDICTS = ['true', 'advice-breaks', 'false', 'debatable'];
const args = new Set(process.argv.slice(2));

/** A short fingerprint of a message: a changed message must be judged again. */
const fingerprint = (message) => createHash('sha1').update(message).digest('hex').slice(0, 8);

function readTsv(file) {
  const [header, ...rows] = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() && !line.startsWith('#'));
  const names = header.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((value, i) => [names[i], value])));
}

const sources = readTsv(join(root, 'SOURCES.tsv'));
const expectations = readTsv(join(root, 'expectations.tsv'));
const expected = new Map(expectations.map((e) => [`${e.slug}:${e.line}:${e.rule}`, e]));
for (const e of expectations) {
  if (!VERDICTS.includes(e.verdict) && e.verdict !== 'unjudged') throw new Error(`expectations.tsv: ${e.slug}:${e.line} ${e.rule}: unknown verdict '${e.verdict}'`);
}

const shellcheck = findShellcheck();
const strict = { ...defaultConfig(), extends: 'strict' };
const findings = [];
const strictCounts = new Map();
for (const { slug } of sources) {
  const dir = join(root, 'files', slug);
  const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
  // A folder with more than the Dockerfile is the build context the rules read.
  const context = readdirSync(dir).length > 1 ? loadBuildContext(dir) : null;
  const result = await lintText(text, `${slug}/Dockerfile`, { config: DEFAULT_CONFIG, context, shellcheck });
  for (const finding of result.findings) {
    findings.push({ slug, line: String(finding.range.start.line + 1), rule: finding.ruleId, severity: finding.severity, message: finding.message, fingerprint: fingerprint(finding.message) });
  }
  strictCounts.set(slug, (await lintText(text, `${slug}/Dockerfile`, { config: strict, context, shellcheck })).findings.length);
}

const problems = [];
const seen = new Set();
const unjudged = [];
for (const finding of findings) {
  const key = `${finding.slug}:${finding.line}:${finding.rule}`;
  seen.add(key);
  const verdict = expected.get(key);
  if (!verdict || verdict.verdict === 'unjudged') {
    problems.push(`new finding, judge it: ${key} ${finding.message}`);
    if (!verdict) unjudged.push(finding);
  } else if (verdict.fingerprint !== finding.fingerprint) {
    problems.push(`message changed, judge it again: ${key} ${finding.message}`);
  }
  finding.verdict = verdict?.verdict ?? 'unjudged';
  finding.reason = verdict?.reason ?? '';
}
const gone = [];
for (const e of expectations) {
  const key = `${e.slug}:${e.line}:${e.rule}`;
  if (seen.has(key)) continue;
  if (e.rule.startsWith('SC') && !shellcheck) continue;
  if (e.verdict === 'true' || e.verdict === 'advice-breaks') problems.push(`a finding judged ${e.verdict} is gone: ${key} (${e.reason})`);
  else gone.push(`${key} (${e.verdict}: ${e.reason})`);
}

// Figures.
const official = sources.filter((s) => s.slug.startsWith('official-')).map((s) => s.slug);
const perOfficial = (filter) => findings.filter((f) => official.includes(f.slug) && filter(f)).length / official.length;
const strictOfficial = official.reduce((sum, slug) => sum + strictCounts.get(slug), 0) / official.length;
const officialWithFindings = official.filter((slug) => findings.some((f) => f.slug === slug && f.severity !== 'style')).length;
const out = [];
out.push(`audit: ${sources.length} real Dockerfiles (${official.length} official images, ${sources.length - official.length} applications), default profile${shellcheck ? ', ShellCheck on' : ', ShellCheck not on PATH'}`);
out.push(`  findings: ${findings.length} with the defaults, ${[...strictCounts.values()].reduce((a, b) => a + b, 0)} with --select strict`);
out.push(`  official images: ${perOfficial(() => true).toFixed(2)} findings per file (${perOfficial((f) => f.severity === 'error' || f.severity === 'warning').toFixed(2)} warnings or errors), ${officialWithFindings} of ${official.length} files with a finding; strict: ${strictOfficial.toFixed(2)} per file`);
const byRule = new Map();
for (const f of findings) {
  const counts = byRule.get(f.rule) ?? Object.fromEntries([...VERDICTS, 'unjudged'].map((v) => [v, 0]));
  counts[f.verdict] += 1;
  byRule.set(f.rule, counts);
}
const total = Object.fromEntries([...VERDICTS, 'unjudged'].map((v) => [v, findings.filter((f) => f.verdict === v).length]));
const precision = (c) => {
  const judged = c.true + c['advice-breaks'] + c.false;
  return judged === 0 ? '   -' : `${Math.round((100 * c.true) / judged)} %`.padStart(4);
};
out.push('');
out.push('  rule                               true  breaks  false  debatable  precision');
for (const [rule, c] of [...byRule].sort((a, b) => a[0].localeCompare(b[0]))) {
  out.push(`  ${rule.padEnd(34)} ${String(c.true).padStart(4)}  ${String(c['advice-breaks']).padStart(6)}  ${String(c.false).padStart(5)}  ${String(c.debatable).padStart(9)}  ${precision(c)}`);
}
out.push(`  ${'all'.padEnd(34)} ${String(total.true).padStart(4)}  ${String(total['advice-breaks']).padStart(6)}  ${String(total.false).padStart(5)}  ${String(total.debatable).padStart(9)}  ${precision(total)}`);
out.push('  (precision: true / (true + advice breaks + false); debatable findings are counted apart)');
if (args.has('--list')) {
  out.push('');
  for (const f of findings) out.push(`  ${f.slug}:${f.line} ${f.rule} [${f.verdict}] ${f.reason}`);
}
if (gone.length > 0) {
  out.push('');
  out.push(`  gone since judged (remove them from expectations.tsv): ${gone.length}`);
  for (const line of gone) out.push(`    ${line}`);
}
if (args.has('--write-new') && unjudged.length > 0) {
  const file = join(root, 'expectations.tsv');
  if (!existsSync(file)) throw new Error('no expectations.tsv');
  appendFileSync(file, unjudged.map((f) => `${f.slug}\t${f.line}\t${f.rule}\tunjudged\t${f.fingerprint}\t${f.message.replace(/\s+/g, ' ').slice(0, 120)}\n`).join(''));
  out.push(`  appended ${unjudged.length} unjudged findings to expectations.tsv`);
}
process.stdout.write(`${out.join('\n')}\n`);
if (problems.length > 0) {
  process.stderr.write(`\naudit: ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exitCode = 1;
}
