/**
 * The GitHub Action: action.yml's shape, its lint script run as Actions would run it, and the SARIF
 * checked against GitHub's ingestion rules by @microsoft/sarif-multitool (which always exits 0,
 * so its output is parsed and any error-level result fails the test).
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { sarifValidator } from './sarif-schema.js';

const root = new URL('..', import.meta.url).pathname;
const multitool = join(root, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

function runAction(cwd: string, inputs: Record<string, string>) {
  const githubOutput = join(cwd, 'github-output.txt');
  writeFileSync(githubOutput, '');
  const env: Record<string, string> = { ...(process.env as Record<string, string>), GITHUB_OUTPUT: githubOutput, NO_COLOR: '1' };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const result = spawnSync('bash', [join(root, 'scripts/github-action.sh')], { cwd, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs: readFileSync(githubOutput, 'utf8') };
}

/** Error- and warning-level results of the multitool's validation. */
function multitoolProblems(sarifPath: string): { level: string; ruleId: string; message: string }[] {
  const out = join(mkdtempSync(join(tmpdir(), 'layerlint-multitool-')), 'validation.sarif');
  const run = spawnSync(multitool, ['validate', sarifPath, '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning;Note', '-o', out, '--log', 'ForceOverwrite'], {
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  expect(existsSync(out)).toBe(true);
  const results = JSON.parse(readFileSync(out, 'utf8')).runs[0].results ?? [];
  return results
    .filter((r: { level: string }) => r.level === 'error' || r.level === 'warning')
    .map((r: { level: string; ruleId: string; message: { text?: string; arguments?: string[] } }) => ({
      level: r.level,
      ruleId: r.ruleId,
      message: r.message.text ?? (r.message.arguments ?? []).join(' '),
    }));
}

describe('action.yml', () => {
  test('is a composite action with the documented inputs and outputs', () => {
    const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
    expect(Object.keys(action.inputs)).toEqual(['paths', 'format', 'output-file', 'config', 'failure-threshold', 'annotations']);
    expect(Object.keys(action.outputs)).toEqual(['sarif-file', 'exit-code']);
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) expect(step.shell).toBe('bash');
  });

  test('the lint step writes SARIF, prints annotations, sets outputs and fails on findings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-action-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\n');
    const result = runAction(dir, { paths: '.', format: 'sarif', 'output-file': 'out.sarif', 'failure-threshold': 'warning', annotations: 'true' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::warning file=Dockerfile,line=2,col=1,.*title=layerlint multiple-cmd::/m);
    expect(result.outputs).toBe('sarif-file=out.sarif\nexit-code=1\n');
    expect(sarifValidator()(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')))).toBe(true);
    expect(runAction(dir, { paths: '.', 'output-file': 'out.sarif', 'failure-threshold': 'error' }).code).toBe(0);
  });
});

describe('SARIF against GitHub ingestion rules (sarif-multitool)', () => {
  test('our SARIF of every fixture and example has no error or warning', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'layerlint-sarif-')), 'all.sarif');
    spawnSync(process.execPath, [join(root, 'bin/layerlint'), 'lint', 'test/fixtures', 'examples', '-f', 'sarif', '-o', out], { cwd: root });
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    expect(sarif.runs[0].results.length).toBeGreaterThan(20);
    expect(multitoolProblems(out)).toEqual([]);
  });

  test('the check can fail: a broken SARIF (column 0, no rule descriptions) is reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-sarif-'));
    const broken = join(dir, 'broken.sarif');
    writeFileSync(
      broken,
      JSON.stringify({
        version: '2.1.0',
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        runs: [
          {
            tool: { driver: { name: 'x', rules: [{ id: 'r' }] } },
            results: [
              {
                ruleId: 'r',
                message: { text: 'm' },
                locations: [{ physicalLocation: { artifactLocation: { uri: 'Dockerfile' }, region: { startLine: 1, startColumn: 0 } } }],
              },
            ],
          },
        ],
      }),
    );
    const problems = multitoolProblems(broken);
    expect(problems.some((p) => p.level === 'error')).toBe(true);
  });
});
