/**
 * Robustness: random and mutated Dockerfiles through parse → model → every rule → every formatter.
 * No exception may escape, no rule may fail, every SARIF must validate. `npm test` runs a few
 * thousand cases; `npm run fuzz` runs FUZZ_RUNS (default 100,000).
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { lintText } from '../src/lint.js';
import { allRules } from '../rules/index.js';
import type { Report } from '../src/report/types.js';
import { formatText } from '../src/report/text.js';
import { formatJson } from '../src/report/json.js';
import { toSarif } from '../src/report/sarif.js';
import { formatCheckstyle, formatCodeclimate, formatGithub, formatGnu } from '../src/report/line-formats.js';
import { formatLayersJson, formatLayersText } from '../src/report/layers.js';
import { sarifValidator } from './sarif-schema.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);
const validate = sarifValidator();
/** A single Dockerfile taking longer than this is a hang, reported as a counterexample. */
const CASE_TIMEOUT_MS = 2000;

const KEYWORDS = [
  'FROM',
  'RUN',
  'COPY',
  'ADD',
  'CMD',
  'ENTRYPOINT',
  'ENV',
  'ARG',
  'LABEL',
  'WORKDIR',
  'USER',
  'EXPOSE',
  'VOLUME',
  'SHELL',
  'HEALTHCHECK',
  'ONBUILD',
  'STOPSIGNAL',
  'MAINTAINER',
  'FORM',
  'from',
  'Run',
];
const WORDS = [
  'alpine:3.19',
  'AS',
  'build',
  'scratch',
  '${BASE}',
  '$HOME',
  '${V:-x}',
  '${',
  '.',
  './',
  '/app',
  '*',
  'src',
  'package.json',
  '--from=build',
  '--from=0',
  '--chown=1:1',
  '--chmod=755',
  '--mount=type=cache,target=/root/.cache',
  '--platform=$BUILDPLATFORM',
  'apt-get',
  'update',
  'install',
  '-y',
  '&&',
  '||',
  '|',
  ';',
  '>',
  '/tmp/x',
  'rm',
  '-rf',
  '/var/lib/apt/lists/*',
  'npm',
  'ci',
  'pip',
  '-r',
  'requirements.txt',
  'curl',
  '-o',
  'https://x.io/a.tgz',
  'tar',
  '-xzf',
  'make',
  'go',
  'build',
  'chmod',
  '+x',
  '["sh", "-c", "echo hi"]',
  "['a', 'b']",
  '["a",]',
  '[',
  ']',
  '"unterminated',
  "'single",
  '\\',
  '`',
  '<<EOF',
  '<<-EOT',
  '<<"X"',
  '#',
  '# comment',
  'KEY=value',
  'A="b c"',
  '80/tcp',
  '65536',
  'CMD',
  'exec',
  'sh',
  '-c',
  '$(uname -m)',
  '{',
  '}',
  '(',
  ')',
];

const word = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);
const instruction = fc
  .tuple(fc.constantFrom(...KEYWORDS), fc.array(word, { maxLength: 8 }), fc.constantFrom('', ' \\', '\\', ' `'))
  .map(([keyword, words, end]) => `${keyword} ${words.join(' ')}${end}`);
const line = fc.oneof(
  { weight: 10, arbitrary: instruction },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '# escape=`',
      '# escape=\\',
      '# syntax=docker/dockerfile:1',
      '# check=skip=all',
      '# layerlint ignore=multiple-cmd',
      '# hadolint global ignore=DL3008',
      '# check=skip=JSONArgsRecommended',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom('EOF', 'EOT', 'X', '\tEOT', 'apt-get update', 'echo $HOME', '  && rm -rf /tmp/*', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', 'RUN echo \u0000', '\ufeffFROM x', 'RUN ' + 'a'.repeat(5000), 'ENV ' + 'X=1 '.repeat(300)) },
);
const dockerfile = fc
  .tuple(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, eol, bom]) => `${bom ? '\ufeff' : ''}${lines.join(eol)}`);

async function lintEverything(text: string): Promise<void> {
  const result = await lintText(text, 'fuzz/Dockerfile');
  expect(result.ruleFailures).toEqual([]);
  const report: Report = { files: [{ path: 'fuzz/Dockerfile', text, findings: result.findings, error: null }], rules: allRules, rootDir: '/repo' };
  formatText(report, { color: true });
  JSON.parse(formatJson(report));
  formatGnu(report);
  formatGithub(report);
  formatCheckstyle(report);
  JSON.parse(formatCodeclimate(report));
  formatLayersText(result.model);
  JSON.parse(formatLayersJson(result.model));
  const sarif = toSarif(report);
  if (!validate(sarif)) throw new Error(`invalid SARIF: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  for (const finding of result.findings) {
    expect(finding.range.start.line).toBeGreaterThanOrEqual(0);
    expect(finding.range.start.character).toBeGreaterThanOrEqual(0);
  }
}

describe('fuzz: nothing escapes, every SARIF validates', () => {
  test(`${RUNS} generated Dockerfiles`, async () => {
    await fc.assert(fc.asyncProperty(dockerfile, lintEverything), {
      numRuns: RUNS,
      timeout: CASE_TIMEOUT_MS,
      seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
    });
  }, 3_600_000);

  test('mutations of the seed fixtures (bytes dropped, duplicated, swapped)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('./fixtures/seeds/', import.meta.url);
    const seeds = readdirSync(dir).map((name) => readFileSync(new URL(name, dir), 'utf8'));
    const mutated = fc
      .tuple(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('drop', 'dup', 'swap', 'insert')), { maxLength: 6 }),
        fc.string({ maxLength: 3 }),
      )
      .map(([seed, edits, insert]) =>
        edits.reduce((text, [a, b, op]) => {
          const i = a % (text.length + 1);
          const j = b % (text.length + 1);
          if (op === 'drop') return text.slice(0, Math.min(i, j)) + text.slice(Math.max(i, j));
          if (op === 'dup') return text.slice(0, j) + text.slice(Math.min(i, j), Math.max(i, j)) + text.slice(j);
          if (op === 'swap') return text.slice(0, i) + text.slice(j) + text.slice(i, j);
          return text.slice(0, i) + insert + text.slice(i);
        }, seed),
      );
    await fc.assert(fc.asyncProperty(mutated, lintEverything), { numRuns: Math.ceil(RUNS / 5), timeout: CASE_TIMEOUT_MS });
  }, 3_600_000);
});
