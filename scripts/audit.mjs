#!/usr/bin/env node
// Keeps score on real Dockerfiles (npm run audit). Lints every file of test/audit/files (the audit set) and
// test/audit/held-out/files (judged only after the rules were tuned on the audit set) with the default profile,
// compares each finding with its verdict in the set's expectations.tsv, and prints precision per rule and
// findings per file. Exits 1 when a finding judged true is gone, when a finding nobody has judged appears, or
// when a judged finding's message changed (judge it again): each expectations.tsv is a ledger.
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
import { DEFAULT_CONFIG, defaultConfig } from '../dist/src/core/config.js';
import { loadBuildContext } from '../dist/src/model/context.js';
import { findShellcheck } from '../dist/src/shellcheck/shellcheck.js';

const SETS = [
  { name: 'audit set', root: new URL('../test/audit/', import.meta.url).pathname },
  { name: 'held-out set', root: new URL('../test/audit/held-out/', import.meta.url).pathname },
];
const VERDICTS = ['true', 'advice-breaks', 'false', 'debatable'];
const args = new Set(process.argv.slice(2));
const shellcheck = findShellcheck();
const STRICT = { ...defaultConfig(), extends: 'strict' };

/** A short fingerprint of a message: a changed message must be judged again. */
const fingerprint = (message) => createHash('sha1').update(message).digest('hex').slice(0, 8);

function readTsv(file) {
  const [header, ...rows] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  const names = header.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((value, i) => [names[i], value])));
}

function count(findings) {
  const counts = Object.fromEntries([...VERDICTS, 'unjudged'].map((v) => [v, 0]));
  for (const f of findings) counts[f.verdict] += 1;
  return counts;
}

function precision(c) {
  const judged = c.true + c['advice-breaks'] + c.false;
  return judged === 0 ? '   -' : `${Math.round((100 * c.true) / judged)} %`.padStart(4);
}

async function auditSet({ name, root }) {
  const sources = readTsv(join(root, 'SOURCES.tsv'));
  const expectations = readTsv(join(root, 'expectations.tsv'));
  const expected = new Map(expectations.map((e) => [`${e.slug}:${e.line}:${e.rule}`, e]));
  for (const e of expectations) {
    if (!VERDICTS.includes(e.verdict) && e.verdict !== 'unjudged')
      throw new Error(`${root}expectations.tsv: ${e.slug}:${e.line} ${e.rule}: unknown verdict '${e.verdict}'`);
  }
  const findings = [];
  let strictTotal = 0;
  const strictOfficial = [];
  for (const { slug } of sources) {
    const dir = join(root, 'files', slug);
    const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    // A folder with more than the Dockerfile is the build context the rules read.
    const context = readdirSync(dir).length > 1 ? loadBuildContext(dir) : null;
    const result = await lintText(text, `${slug}/Dockerfile`, { config: DEFAULT_CONFIG, context, shellcheck });
    for (const finding of result.findings) {
      findings.push({
        slug,
        line: String(finding.range.start.line + 1),
        rule: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        fingerprint: fingerprint(finding.message),
      });
    }
    const strict = (await lintText(text, `${slug}/Dockerfile`, { config: STRICT, context, shellcheck })).findings.length;
    strictTotal += strict;
    if (slug.startsWith('official-')) strictOfficial.push(strict);
  }

  const problems = [];
  const seen = new Set();
  const unjudged = [];
  for (const finding of findings) {
    const key = `${finding.slug}:${finding.line}:${finding.rule}`;
    seen.add(key);
    const verdict = expected.get(key);
    if (!verdict || verdict.verdict === 'unjudged') {
      problems.push(`${name}: new finding, judge it: ${key} ${finding.message}`);
      if (!verdict) unjudged.push(finding);
    } else if (verdict.fingerprint !== finding.fingerprint) {
      problems.push(`${name}: message changed, judge it again: ${key} ${finding.message}`);
    }
    finding.verdict = verdict?.verdict ?? 'unjudged';
    finding.reason = verdict?.reason ?? '';
  }
  const gone = [];
  for (const e of expectations) {
    const key = `${e.slug}:${e.line}:${e.rule}`;
    if (seen.has(key) || (e.rule.startsWith('SC') && !shellcheck)) continue;
    if (e.verdict === 'true' || e.verdict === 'advice-breaks') problems.push(`${name}: a finding judged ${e.verdict} is gone: ${key} (${e.reason})`);
    else gone.push(`${key} (${e.verdict}: ${e.reason})`);
  }

  const official = sources.filter((s) => s.slug.startsWith('official-')).map((s) => s.slug);
  const perOfficial = (filter) => (official.length === 0 ? 0 : findings.filter((f) => official.includes(f.slug) && filter(f)).length / official.length);
  const withFindings = official.filter((slug) => findings.some((f) => f.slug === slug)).length;
  const out = [];
  out.push(`${name}: ${sources.length} real Dockerfiles (${official.length} official images, ${sources.length - official.length} applications)`);
  out.push(`  findings: ${findings.length} with the defaults, ${strictTotal} with --select strict`);
  if (official.length > 0) {
    const strictPerOfficial = strictOfficial.reduce((a, b) => a + b, 0) / official.length;
    out.push(
      `  official images: ${perOfficial(() => true).toFixed(2)} findings per file (${perOfficial((f) => f.severity === 'error' || f.severity === 'warning').toFixed(2)} warnings or errors), ${withFindings} of ${official.length} files with a finding; strict: ${strictPerOfficial.toFixed(2)} per file`,
    );
  }
  out.push('  rule                               true  breaks  false  debatable  precision');
  const byRule = new Map();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const row = (label, c) =>
    `  ${label.padEnd(34)} ${String(c.true).padStart(4)}  ${String(c['advice-breaks']).padStart(6)}  ${String(c.false).padStart(5)}  ${String(c.debatable).padStart(9)}  ${precision(c)}`;
  for (const [rule, list] of [...byRule].sort((a, b) => a[0].localeCompare(b[0]))) out.push(row(rule, count(list)));
  out.push(row('all', count(findings)));
  if (args.has('--list')) for (const f of findings) out.push(`    ${f.slug}:${f.line} ${f.rule} [${f.verdict}] ${f.reason}`);
  if (gone.length > 0) {
    out.push(`  gone since judged (remove them from ${name === 'audit set' ? '' : 'held-out/'}expectations.tsv): ${gone.length}`);
    for (const line of gone) out.push(`    ${line}`);
  }
  if (args.has('--write-new') && unjudged.length > 0) {
    const file = join(root, 'expectations.tsv');
    if (!existsSync(file)) throw new Error(`no ${file}`);
    appendFileSync(
      file,
      unjudged.map((f) => `${f.slug}\t${f.line}\t${f.rule}\tunjudged\t${f.fingerprint}\t${f.message.replace(/\s+/g, ' ').slice(0, 120)}\n`).join(''),
    );
    out.push(`  appended ${unjudged.length} unjudged findings to expectations.tsv`);
  }
  return { out, problems };
}

const lines = [
  `default profile${shellcheck ? ', ShellCheck on' : ', ShellCheck not on PATH'}; precision = true / (true + advice breaks + false), debatable findings counted apart`,
];
const problems = [];
for (const set of SETS) {
  const result = await auditSet(set);
  lines.push('', ...result.out);
  problems.push(...result.problems);
}
process.stdout.write(`${lines.join('\n')}\n`);
if (problems.length > 0) {
  process.stderr.write(`\naudit: ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exitCode = 1;
}
