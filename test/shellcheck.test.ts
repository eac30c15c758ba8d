/**
 * ShellCheck on RUN scripts with Debian's real shellcheck (.ci/run installs it). Without it the
 * tests are skipped loudly, and fail under CI=true.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintText } from '../src/lint.js';
import { findShellcheck } from '../src/shellcheck/shellcheck.js';
import { defaultConfig, type Config } from '../src/core/config.js';
import { toSarif } from '../src/report/sarif.js';
import { allRules } from '../rules/index.js';
import { STRICT_CONFIG } from './helpers.js';
import { sarifValidator } from './sarif-schema.js';

const shellcheck = findShellcheck();
if (!shellcheck)
  process.stderr.write(
    `\n*** ShellCheck tests: no shellcheck on PATH (apt-get install shellcheck). ${process.env.CI === 'true' ? 'CI=true: they FAIL.' : 'SKIPPING them.'}\n\n`,
  );
const describeShellcheck = shellcheck || process.env.CI === 'true' ? describe : describe.skip;
const bin = new URL('../bin/layerlint', import.meta.url).pathname;

async function sc(text: string) {
  const result = await lintText(text, 'Dockerfile', { shellcheck: shellcheck ?? 'shellcheck', config: STRICT_CONFIG });
  expect(result.ruleFailures).toEqual([]);
  return result.findings.filter((f) => f.ruleId.startsWith('SC')).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}:${f.ruleId}`);
}

describeShellcheck('ShellCheck', () => {
  test('findings land on the right Dockerfile line and column, continuations and heredocs included', async () => {
    expect(await sc('FROM alpine:3.19\nRUN echo ok && \\\n    rm -rf $DIR/\nRUN <<EOF\ncd /tmp\nEOF\n')).toEqual(['3:12:SC2086', '3:12:SC2115', '5:1:SC2164']);
  });

  test('ARG and ENV names in scope count as assigned; the SHELL decides the dialect', async () => {
    expect(await sc('FROM alpine:3.19\nARG version\nENV lower=1\nRUN echo "$version $lower"\n')).toEqual([]);
    expect(await sc('FROM alpine:3.19\nRUN [[ -f /x ]] && echo y\n')).toEqual(['2:5:SC3010']);
    expect(await sc('FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN [[ -f /x ]] && echo y\n')).toEqual([]);
    expect(await sc('FROM mcr.microsoft.com/powershell\nSHELL ["pwsh", "-Command"]\nRUN $x = 1; rm -rf $DIR/\n')).toEqual([]);
  });

  test('an error at the end of a script is placed at its end, not on the next instruction', async () => {
    const result = await lintText('FROM alpine:3.19\nRUN if true; then echo x\nCMD ["a"]\n', 'Dockerfile', { shellcheck });
    const endOfInput = result.findings.filter((f) => f.ruleId === 'SC1072');
    expect(endOfInput.map((f) => f.range)).toEqual([{ start: { line: 1, character: 24 }, end: { line: 1, character: 24 } }]);
  });

  test('exec-form RUN is not a shell script; a clean script has no findings', async () => {
    expect(await sc('FROM alpine:3.19\nRUN ["rm", "-rf", "$DIR/"]\nRUN apk add --no-cache curl\n')).toEqual([]);
  });

  test('suppressed like any rule: # hadolint ignore=SC2086, config off', async () => {
    const text = 'FROM alpine:3.19\n# hadolint ignore=SC2086\nRUN cp $SRC /dst\n';
    expect(await sc(text)).toEqual([]);
    const result = await lintText('FROM alpine:3.19\nRUN cp $SRC /dst\n', 'Dockerfile', {
      shellcheck,
      config: { ...defaultConfig(), rules: { SC2086: 'off' } },
    });
    expect(result.findings.map((f) => f.ruleId)).not.toContain('SC2086');
  });

  test('one shellcheck process per Dockerfile, not per RUN', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-sc-'));
    const log = join(dir, 'calls.log');
    const wrapper = join(dir, 'shellcheck-wrapper');
    writeFileSync(wrapper, `#!/bin/sh\necho call >> '${log}'\nexec '${shellcheck}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.19\nRUN cp $A /a\nRUN cp $B /b\nRUN <<EOF\ncd /x\nEOF\n');
    const result = spawnSync(process.execPath, [bin, 'lint', join(dir, 'Dockerfile'), '--shellcheck', wrapper, '--select', 'strict', '-f', 'json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(result.stdout).files[0].findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('SC'))).toHaveLength(3);
    expect(readFileSync(log, 'utf8')).toBe('call\n');
  });

  test('by default only ShellCheck errors are reported; warnings and infos are opt-in (SC, one code, strict)', async () => {
    // SC2086 (info) and SC2155 (warning) are idioms in expert Dockerfiles; SC1073/SC1072 (error): a script that cannot parse.
    const text = 'FROM alpine:3.19\nRUN export GNUPGHOME="$(mktemp -d)"; apk add $PKGS\nRUN if true; then echo x\n';
    const ids = async (config: Config) =>
      [...new Set((await lintText(text, 'Dockerfile', { shellcheck, config })).findings.map((f) => f.ruleId).filter((id) => id.startsWith('SC')))].sort();
    const byDefault = await ids(defaultConfig());
    expect(byDefault.length).toBeGreaterThan(0);
    expect(byDefault).not.toContain('SC2086');
    expect(byDefault).not.toContain('SC2155');
    expect(await ids({ ...defaultConfig(), extendSelect: ['SC2086'] })).toEqual([...byDefault, 'SC2086'].sort());
    expect(await ids({ ...defaultConfig(), extendSelect: ['SC'] })).toEqual(await ids(STRICT_CONFIG));
    expect(await ids(STRICT_CONFIG)).toEqual(expect.arrayContaining(['SC2086', 'SC2155']));
  });

  test('SARIF carries SC rules with the ShellCheck wiki as help and validates', async () => {
    const text = 'FROM alpine:3.19\nRUN cp $SRC /dst\n';
    const result = await lintText(text, 'Dockerfile', { shellcheck });
    const sarif = toSarif({
      files: [{ path: 'Dockerfile', text, findings: result.findings, error: null }],
      rules: [...allRules, ...result.extraRules],
      rootDir: '/',
    });
    expect(sarifValidator()(sarif)).toBe(true);
    expect(sarif.runs[0].tool.driver.rules!.find((r) => r.id === 'SC2086')!.helpUri).toBe('https://www.shellcheck.net/wiki/SC2086');
  });

  test('a bad --shellcheck path is a usage error; --shellcheck off and --verbose without shellcheck say so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-sc-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.19\nRUN cp $SRC /dst\n');
    const bad = spawnSync(process.execPath, [bin, 'lint', 'Dockerfile', '--shellcheck', '/nope/shellcheck'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--shellcheck: '\/nope\/shellcheck' is not an executable file/);
    const off = spawnSync(process.execPath, [bin, 'lint', 'Dockerfile', '--shellcheck', 'off', '-f', 'json'], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(off.stdout).summary.findings).toBe(0);
    const missing = spawnSync(process.execPath, [bin, 'lint', 'Dockerfile', '--verbose'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: '/nonexistent' },
    });
    expect(missing.stderr.match(/ShellCheck \(SCxxxx\) checks of RUN scripts were skipped/g)).toHaveLength(1);
  });

  test("several files: ShellCheck runs for the next files while one is checked, later files' scripts share a call, a script repeated in several files is checked once, and the report keeps the files' order", () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-sc-order-'));
    const log = join(dir, 'calls.log');
    const wrapper = join(dir, 'slow-shellcheck');
    // The first call (the first file's) is the slowest: with files in flight at once, it finishes after the others started.
    // Each call logs how many scripts it was given (its arguments after the three options).
    writeFileSync(
      wrapper,
      `#!/bin/sh\nif [ -e '${log}' ]; then echo $(($# - 3)) >> '${log}'; else echo $(($# - 3)) >> '${log}'; sleep 1; fi\nexec '${shellcheck}' "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    const names = ['first', 'second', 'third', 'fourth'];
    names.forEach((name, i) => {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'Dockerfile'), `FROM alpine:3.19\n${'RUN true\n'.repeat(i)}RUN cp $${name.toUpperCase()} /x\n`);
    });
    const result = spawnSync(
      process.execPath,
      [bin, 'lint', ...names.map((name) => join(dir, name, 'Dockerfile')), '--shellcheck', wrapper, '--select', 'strict', '-f', 'json'],
      { encoding: 'utf8' },
    );
    const files = JSON.parse(result.stdout).files as { path: string; findings: { ruleId: string; line: number }[] }[];
    expect(files.map((file) => file.path.split('/').at(-2))).toEqual(names);
    expect(files.map((file) => file.findings.filter((f) => f.ruleId === 'SC2086').map((f) => f.line))).toEqual([[2], [3], [4], [5]]);
    // Every distinct RUN script checked once (`true`, repeated in three files, and the four cp's); the files
    // waiting while the first call sleeps go together.
    const scriptsPerCall = readFileSync(log, 'utf8').split('\n').filter(Boolean).map(Number);
    expect(scriptsPerCall.reduce((sum, count) => sum + count, 0)).toBe(5);
    expect(scriptsPerCall.length).toBeLessThan(4);
  });

  test('a script repeated in several files is checked once and reported at its place in each file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-sc-repeat-'));
    const log = join(dir, 'calls.log');
    const wrapper = join(dir, 'counting-shellcheck');
    writeFileSync(wrapper, `#!/bin/sh\necho $(($# - 3)) >> '${log}'\nexec '${shellcheck}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    const files = [0, 3, 7].map((padding) => {
      const file = join(dir, `${padding}.dockerfile`);
      writeFileSync(file, `FROM alpine:3.19\n${'LABEL a=b\n'.repeat(padding)}RUN cp $SRC /dst\n`);
      return file;
    });
    const result = spawnSync(process.execPath, [bin, 'lint', ...files, '--shellcheck', wrapper, '--select', 'strict', '-f', 'json', '--no-cache'], {
      encoding: 'utf8',
    });
    const lines = (JSON.parse(result.stdout).files as { findings: { ruleId: string; line: number; column: number }[] }[]).map((file) =>
      file.findings.filter((f) => f.ruleId === 'SC2086').map((f) => `${f.line}:${f.column}`),
    );
    expect(lines).toEqual([['2:8'], ['5:8'], ['9:8']]);
    expect(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(Number)
        .reduce((sum, count) => sum + count, 0),
    ).toBe(1);
  });

  test("a call that fails for one file's script: the other files of its batch are checked alone and keep their findings", () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-sc-broken-'));
    const wrapper = join(dir, 'breaking-shellcheck');
    // Fails as a crash would (no JSON) whenever one of its scripts holds the marker.
    writeFileSync(
      wrapper,
      `#!/bin/sh\nfor file; do case "$file" in -*) ;; *) if grep -q BREAKS "$file"; then echo crashed >&2; exit 3; fi ;; esac; done\nsleep 0.3\nexec '${shellcheck}' "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    const names = ['a', 'b', 'c', 'd', 'e'];
    names.forEach((name) => {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'Dockerfile'), `FROM alpine:3.19\nRUN cp $${name.toUpperCase()} /x${name === 'd' ? ' # BREAKS' : ''}\n`);
    });
    const result = spawnSync(
      process.execPath,
      [bin, 'lint', ...names.map((name) => join(dir, name, 'Dockerfile')), '--shellcheck', wrapper, '--select', 'strict', '-f', 'json', '--no-cache'],
      { encoding: 'utf8' },
    );
    const files = JSON.parse(result.stdout).files as { path: string; findings: { ruleId: string }[] }[];
    expect(files.map((file) => file.findings.some((f) => f.ruleId === 'SC2086'))).toEqual([true, true, true, false, true]);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^layerlint: ShellCheck was skipped for .*d\/Dockerfile: shellcheck failed/)]);
  });
});
