/**
 * `lint --fix`, `--diff`, `--unsafe-fixes`: the fix engine (overlaps, a fixed point, refusals), bytes
 * kept as they were, and the command line as a user runs it.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lintText } from '../src/lint.js';
import { fixText } from '../src/fix/fix-engine.js';
import { lineEndingOf } from '../src/fix/line-endings.js';
import { fixableText, fixedBytes, fixFile } from '../src/cli/fix-files.js';
import { expandInputs } from '../src/cli/inputs.js';
import { defaultConfig } from '../src/core/config.js';
import type { Finding } from '../src/core/findings.js';
import type { Rule } from '../src/runner/types.js';
import { allRules } from '../rules/index.js';
import parseError from '../rules/parse-error.js';
import { dockerfile } from './helpers.js';

const STRICT = { ...defaultConfig(), extends: 'strict' as const };
const bin = new URL('../bin/layerlint', import.meta.url).pathname;
const root = new URL('..', import.meta.url).pathname;

function layerlint(args: string[], options: { cwd?: string; input?: string | Buffer } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, input: options.input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString() };
}

const lintWith = (rules: Rule[]) => async (text: string) => (await lintText(text, 'Dockerfile', { config: STRICT, rules })).findings;
const lintAll = lintWith(allRules);

describe('the fix engine', () => {
  test('applies safe fixes to a fixed point; unsafe ones only when asked', async () => {
    const text = 'from debian:12\nRUN apt-get install curl\nCMD python app.py\n';
    const safe = await fixText(text, lintAll, { unsafe: false });
    expect(safe.text).toBe('FROM debian:12\nRUN apt-get install -y curl\nCMD ["python", "app.py"]\n');
    expect(safe.applied.map((fix) => fix.ruleId).sort()).toEqual(['install-without-yes', 'instruction-casing', 'shell-form-cmd']);
    expect(safe.remaining.some((finding) => finding.ruleId === 'apt-no-install-recommends' && finding.fix?.safety === 'unsafe')).toBe(true);
    const unsafe = await fixText(text, lintAll, { unsafe: true });
    expect(unsafe.text).toContain('apt-get install -y --no-install-recommends curl');
    // A second run finds nothing more to fix.
    expect((await fixText(unsafe.text, lintAll, { unsafe: true })).applied).toEqual([]);
  });

  test('edits of two fixes that touch the same text: one wins, the other is found again on the new text', async () => {
    // Two rules that each rewrite the whole FROM line: they cannot both apply in one round.
    const rewrite = (id: string, to: string): Rule => ({
      meta: { id, category: 'hygiene', severity: 'info', recommended: true, description: 'Test.', fixSafety: 'safe' },
      check({ parsed, report }) {
        const from = parsed.stages[0].from;
        if (!from.argumentsText.includes(to))
          report({
            message: id,
            range: from.range,
            fix: { description: id, edits: [{ range: from.argumentsRange!, newText: `${from.argumentsText} ${to}` }] },
          });
      },
    });
    const outcome = await fixText('FROM debian:12\n', lintWith([rewrite('a-rule', 'AS a'), rewrite('b-rule', '# b')]), { unsafe: false });
    expect(outcome.applied.map((fix) => fix.ruleId)).toEqual(['a-rule', 'b-rule']);
    expect(outcome.passes).toBe(2);
  });

  test('a fix that makes the file fail to parse is refused, with the reason, and the others are kept', async () => {
    const breaker: Rule = {
      meta: { id: 'breaker', category: 'hygiene', severity: 'info', recommended: true, description: 'Test.', fixSafety: 'safe' },
      check({ parsed, report }) {
        const from = parsed.stages[0].from;
        report({ message: 'break', range: from.range, fix: { description: 'open a quote', edits: [{ range: from.argumentsRange!, newText: '"debian:12' }] } });
      },
    };
    const lint = lintWith([breaker, parseError, ...allRules.filter((rule) => rule.meta.id === 'install-without-yes')]);
    const outcome = await fixText('FROM debian:12\nRUN apt-get install curl\n', lint, { unsafe: false });
    expect(outcome.text).toBe('FROM debian:12\nRUN apt-get install -y curl\n');
    expect(outcome.refused).toEqual([{ ruleId: 'breaker', line: 1, description: 'open a quote', safety: 'safe', why: 'the fixed file no longer parses' }]);
  });
});

describe('bytes outside the edits stay as they were', () => {
  const files = [...expandInputs([join(root, 'test'), join(root, 'examples')])].sort();

  test('every Dockerfile of the repository and the audit set: no fix, the same bytes', async () => {
    expect(files.length).toBeGreaterThan(80);
    const noFixes = async (text: string) => (await lintAll(text)).map((finding): Finding => ({ ...finding, fix: null }));
    for (const file of files) {
      const bytes = readFileSync(file);
      const fixable = fixableText(bytes);
      if (!fixable) continue;
      const fixed = await fixFile(file, fixable.text, bytes, noFixes, { unsafe: true, diff: true });
      expect({ file, changed: fixed.changed, diff: fixed.diff }).toEqual({ file, changed: false, diff: null });
      expect(fixedBytes(fixable.text, fixable).equals(bytes)).toBe(true);
    }
  });

  test('every Dockerfile of the repository, every fix: still parses, a fixed point, and the lines no fix touched are the same', async () => {
    let changedFiles = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const outcome = await fixText(text, lintAll, { unsafe: true });
      if (outcome.text === text) continue;
      changedFiles++;
      const parseErrors = (findings: Finding[]) => findings.filter((finding) => finding.ruleId === 'parse-error').length;
      expect({ file, parseErrors: parseErrors(outcome.remaining) }).toEqual({ file, parseErrors: parseErrors(await lintAll(text)) });
      expect({ file, again: (await fixText(outcome.text, lintAll, { unsafe: true })).applied }).toEqual({ file, again: [] });
      // Every line of the fixed text that is not new comes from the original, in order.
      const original = text.split('\n');
      let at = 0;
      const kept = outcome.text.split('\n').filter((line) => {
        const found = original.indexOf(line, at);
        if (found < 0) return false;
        at = found + 1;
        return true;
      });
      expect(kept.length).toBeGreaterThan(0);
    }
    expect(changedFiles).toBeGreaterThan(10);
  });

  test('a BOM and CRLF line endings are kept, and a line a fix adds gets CRLF too', async () => {
    const text = 'FROM debian:12\r\nWORKDIR /app # the app\r\nRUN useradd -u 100000 app\r\nCMD ["a"]\r\nCMD ["b"]\r\n';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const fixable = fixableText(bytes)!;
    expect(fixable.bom).toBe(true);
    expect(lineEndingOf(fixable.text)).toBe('\r\n');
    const outcome = await fixFile('Dockerfile', fixable.text, bytes, lintAll, { unsafe: true, diff: false });
    const written = outcome.bytes!.toString('utf8');
    expect(written.startsWith('\ufeffFROM debian:12\r\n# the app\r\nWORKDIR /app\r\n')).toBe(true);
    expect(written).toContain('useradd -l -u 100000 app\r\n');
    expect(written).not.toContain('CMD ["a"]');
    expect(written.replace(/\r\n/g, '')).not.toContain('\n');
  });

  test('a file that is not UTF-8 is not fixed: its other bytes would be lost', async () => {
    const bytes = Buffer.concat([Buffer.from('FROM debian:12\n# caf'), Buffer.from([0xe9]), Buffer.from('\nRUN apt-get install curl\n')]);
    const decoded = new TextDecoder('utf-8').decode(bytes);
    const outcome = await fixFile('Dockerfile', decoded, bytes, lintAll, { unsafe: false, diff: false });
    expect(outcome.changed).toBe(false);
    expect(outcome.note).toMatch(/not UTF-8/);
  });
});

describe('layerlint lint --fix / --diff on the command line', () => {
  const BEFORE = dockerfile`
    FROM debian:12
    RUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*
    CMD ["a"]
    CMD python app.py
  `;
  const AFTER = BEFORE.replace('install curl', 'install -y curl').replace('CMD ["a"]\n', '').replace('CMD python app.py', 'CMD ["python", "app.py"]');

  function project(text = BEFORE): string {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-fix-'));
    writeFileSync(join(dir, 'Dockerfile'), text);
    return join(dir, 'Dockerfile');
  }

  test('--diff prints a unified diff, changes nothing, exits 1; with nothing to fix, nothing and 0', () => {
    const file = project();
    const { code, stdout, stderr } = layerlint(['lint', '--diff', '--no-cache', file]);
    expect(code).toBe(1);
    expect(stdout.toString()).toContain('-RUN apt-get update && apt-get install curl');
    expect(stdout.toString()).toContain('+RUN apt-get update && apt-get install -y curl');
    expect(stdout.toString()).toMatch(/^--- a\/.*Dockerfile\n\+\+\+ b\//);
    expect(stderr).toMatch(/Would fix 3 findings in 1 file/);
    expect(readFileSync(file, 'utf8')).toBe(BEFORE);
    const clean = layerlint(['lint', '--diff', '--no-cache', project(AFTER)]);
    expect({ code: clean.code, stdout: clean.stdout.toString() }).toEqual({ code: 0, stdout: '' });
  });

  test('--fix rewrites the file (its mode kept), reports what remains and what --unsafe-fixes would do', () => {
    const file = project();
    chmodSync(file, 0o640);
    const { code, stdout } = layerlint(['lint', '--fix', '--no-cache', file]);
    expect(readFileSync(file, 'utf8')).toBe(AFTER);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(stdout.toString()).toMatch(/apt-no-install-recommends .*\[unsafe fix available\]/);
    expect(stdout.toString()).toMatch(/Fixed 3 findings in 1 file, 1 remaining; 1 of them has an unsafe fix \(--unsafe-fixes\)\.\n$/);
    expect(code).toBe(1);
    // The folder holds only the Dockerfile: no temporary file left behind.
    expect(spawnSync('ls', ['-A', dirname(file)], { encoding: 'utf8' }).stdout.trim()).toBe('Dockerfile');
  });

  test('--fix --unsafe-fixes applies the unsafe fixes too', () => {
    const file = project();
    const { code } = layerlint(['lint', '--fix', '--unsafe-fixes', '--no-cache', file]);
    expect(readFileSync(file, 'utf8')).toBe(AFTER.replace('install -y curl', 'install -y --no-install-recommends curl'));
    expect(code).toBe(0);
  });

  test('stdin: the fixed Dockerfile on stdout, byte for byte, the report on stderr', () => {
    const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BEFORE.replace(/\n/g, '\r\n'))]);
    const { stdout, stderr } = layerlint(['lint', '--fix', '--no-cache', '-'], { input });
    expect(stdout.equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(AFTER.replace(/\n/g, '\r\n'))]))).toBe(true);
    expect(stderr).toMatch(/Fixed 3 findings/);
    const unchanged = layerlint(['lint', '--fix', '--no-cache', '-'], { input: AFTER });
    expect(unchanged.stdout.toString()).toBe(AFTER);
  });

  test('usage errors in one line: --fix with --diff, --unsafe-fixes alone', () => {
    for (const args of [['--fix', '--diff'], ['--unsafe-fixes']]) {
      const { code, stderr } = layerlint(['lint', ...args, project()]);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
