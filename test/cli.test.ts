/**
 * The built CLI, spawned as a user runs it (npm test builds first).
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sarifValidator } from './sarif-schema.js';
import { isDockerfileName } from '../src/cli/inputs.js';

const bin = new URL('../bin/layerlint', import.meta.url).pathname;
const root = new URL('..', import.meta.url).pathname;

function layerlint(args: string[], options: { cwd?: string; input?: string | Buffer } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'layerlint-cli-'));
}

const BAD = 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\n';
const GOOD = 'FROM alpine:3.19\nCMD ["b"]\n';

/** One line on stderr, no stack trace. */
function expectOneLineError(stderr: string, pattern: RegExp) {
  expect(stderr).toMatch(pattern);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('layerlint lint', () => {
  test('findings: exit 1 with file:line:col lines and a summary', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), BAD);
    const { code, stdout } = layerlint(['lint', 'Dockerfile'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Dockerfile:2:1 warning multiple-cmd /m);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 finding (1 warning) in 1 file');
  });

  test('clean file: exit 0; lint is the default command; Dockerfile in cwd is the default file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), GOOD);
    const { code, stdout } = layerlint([], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe('no findings in 1 file\n');
  });

  test('--failure-threshold decides the exit code', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), BAD);
    expect(layerlint(['Dockerfile', '-t', 'error'], { cwd: dir }).code).toBe(0);
    expect(layerlint(['Dockerfile', '-t', 'warning'], { cwd: dir }).code).toBe(1);
    expect(layerlint(['Dockerfile', '-t', 'none'], { cwd: dir }).code).toBe(0);
  });

  test('stdin with -', () => {
    const { code, stdout } = layerlint(['lint', '-', '--stdin-filename', 'svc/Dockerfile'], { input: BAD });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^svc\/Dockerfile:2:1 warning multiple-cmd/m);
  });

  test('directories are searched for Dockerfile*, *.dockerfile and Containerfile*', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'a', 'Dockerfile.prod'), BAD);
    writeFileSync(join(dir, 'api.dockerfile'), GOOD);
    writeFileSync(join(dir, 'Containerfile'), GOOD);
    writeFileSync(join(dir, 'Dockerfile.dockerignore'), 'x\n');
    writeFileSync(join(dir, 'node_modules', 'Dockerfile'), BAD);
    // Templates, code and docs named after a Dockerfile (webdevops/Dockerfile, docker-library, moby/buildkit).
    const notDockerfiles = ['Dockerfile.jinja2', 'Dockerfile-linux.template', 'Dockerfile.tmpl', 'Dockerfile.md', 'Dockerfile.go', 'dockerfile_copy_test.go'];
    for (const name of notDockerfiles) writeFileSync(join(dir, name), '{{ from }}\n');
    const { code, stdout } = layerlint(['lint', '.', '-f', 'json'], { cwd: dir });
    expect(code).toBe(1);
    // In code-unit order, whatever the machine's locale (a locale's collation would put Containerfile last).
    expect(JSON.parse(stdout).files.map((f: { path: string }) => f.path)).toEqual(['Containerfile', 'a/Dockerfile.prod', 'api.dockerfile']);
    // Named on the command line, a template is linted (and its template syntax reported).
    expect(layerlint(['lint', 'Dockerfile.jinja2'], { cwd: dir }).stdout).toMatch(/parse-error/);
  });

  test('the pre-commit hooks leave out the same names as the directory search', () => {
    const hooks = readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8');
    const exclude = [...hooks.matchAll(/^ {2}exclude: '(.*)'$/gm)].map((match) => match[1]);
    const files = [...hooks.matchAll(/^ {2}files: '(.*)'$/gm)].map((match) => match[1]);
    expect(exclude).toHaveLength(3);
    expect(new Set(exclude).size).toBe(1);
    expect(new Set(files).size).toBe(1);
    const hookTakes = (name: string) => new RegExp(files[0]).test(name) && !new RegExp(exclude[0]).test(name);
    const names = [
      'Dockerfile',
      'Dockerfile.prod',
      'Dockerfile-alpine',
      'api.dockerfile',
      'Containerfile',
      'Dockerfile.dockerignore',
      'Dockerfile.jinja2',
      'Dockerfile-linux.template',
      'Dockerfile.in',
      'Dockerfile.md',
      'Dockerfile.yml',
      'dockerfile_test.go',
      'README.md',
    ];
    expect(names.filter(hookTakes)).toEqual(names.filter(isDockerfileName));
    expect(new Set(exclude).size).toBe(1);
    expect(new Set(files).size).toBe(1);
  });

  test('-f sarif -o writes a valid SARIF file and refuses to overwrite without --overwrite', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), BAD);
    expect(layerlint(['Dockerfile', '-f', 'sarif', '-o', 'out.sarif'], { cwd: dir }).code).toBe(1);
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expect(sarifValidator()(sarif)).toBe(true);
    writeFileSync(join(dir, 'mine.txt'), 'precious');
    const refused = layerlint(['Dockerfile', '-o', 'mine.txt'], { cwd: dir });
    expect(refused.code).toBe(2);
    expectOneLineError(refused.stderr, /already exists; pass --overwrite/);
    expect(readFileSync(join(dir, 'mine.txt'), 'utf8')).toBe('precious');
    expect(layerlint(['Dockerfile', '-o', 'mine.txt', '--overwrite'], { cwd: dir }).code).toBe(1);
  });

  test('a config file found upward changes severities; an invalid one is a one-line error', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'svc'));
    writeFileSync(join(dir, 'svc', 'Dockerfile'), BAD);
    writeFileSync(join(dir, '.layerlint.yaml'), 'rules:\n  multiple-cmd: off\n');
    expect(layerlint(['svc/Dockerfile'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, '.layerlint.yaml'), 'rules:\n  multiple-cmd: loud\n');
    const bad = layerlint(['svc/Dockerfile'], { cwd: dir });
    expect(bad.code).toBe(2);
    expectOneLineError(bad.stderr, /invalid config .*'rules\.multiple-cmd' must be one of/);
  });
});

describe('bad input: a clear one-line message and the right exit code', () => {
  test('missing file: one line on stderr, the report (on stdout) counts it apart from the files linted', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), BAD);
    const { code, stdout, stderr } = layerlint(['lint', 'Dockerfile', 'does-not-exist/Dockerfile'], { cwd: dir });
    expect(code).toBe(2);
    expectOneLineError(stderr, /^layerlint: 'does-not-exist\/Dockerfile' does not exist$/m);
    expect(stdout).not.toMatch(/does-not-exist/);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 finding (1 warning) in 1 file; 1 file could not be read');
  });

  test('missing file in JSON mode: stdout stays JSON with the same counts as the text summary, the error goes to stderr', () => {
    const { code, stdout, stderr } = layerlint(['lint', 'nope', 'test/fixtures/seeds/gradle-multistage.Dockerfile', '-f', 'json']);
    expect(code).toBe(2);
    const report = JSON.parse(stdout);
    expect(report.files[0].error).toMatch(/does not exist/);
    expect(report.summary).toMatchObject({ files: 1, unreadable: 1 });
    expectOneLineError(stderr, /does not exist/);
  });

  test('directory with no Dockerfile', () => {
    const { code, stderr } = layerlint(['lint', tempDir()]);
    expect(code).toBe(2);
    expectOneLineError(stderr, /no Dockerfile found in directory/);
  });

  test('binary file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
    const { code, stderr } = layerlint(['Dockerfile'], { cwd: dir });
    expect(code).toBe(2);
    expectOneLineError(stderr, /is a binary file/);
  });

  test('a file with comments in a legacy encoding is linted (docker builds it), with one note naming the lines', () => {
    const dir = tempDir();
    const gbkComment = Buffer.from([0x23, 0x20, 0xd6, 0xd0, 0xce, 0xc4, 0x0a]); // `# 中文` in GBK
    writeFileSync(
      join(dir, 'Dockerfile'),
      Buffer.concat([Buffer.from('FROM debian:12\n'), gbkComment, Buffer.from('RUN apt-get update\nLABEL a="\xe9t\xe9"\n', 'latin1')]),
    );
    const { code, stdout, stderr } = layerlint(['Dockerfile'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/Dockerfile:3:5 warning package-index-alone/);
    expect(stderr.trim().split('\n')).toEqual([
      "layerlint: note: 'Dockerfile' is not UTF-8 on lines 2, 4 (a legacy encoding?): linted with those bytes as U+FFFD; docker build reads bytes and is not affected",
    ]);
  });

  test('a 10 MB file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), `FROM alpine\n${'RUN echo x\n'.repeat(1_000_000)}`);
    const { code, stderr } = layerlint(['Dockerfile'], { cwd: dir });
    expect(code).toBe(2);
    expectOneLineError(stderr, /is 10\.5 MiB, larger than the 4 MiB a Dockerfile may be/);
  });

  test('an empty file is a parse-error finding (docker build rejects it), exit 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), '');
    const { code, stdout, stderr } = layerlint(['Dockerfile'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/Dockerfile:1:1 error parse-error The Dockerfile is empty/);
    expect(stderr).toBe('');
  });

  test('one bad file among good ones: the others are still linted, exit 2', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), BAD);
    const { code, stdout } = layerlint(['Dockerfile', 'missing'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toMatch(/multiple-cmd/);
    expect(stdout).toMatch(/1 file could not be read/);
  });

  test('unknown option, unknown rule, unknown target', () => {
    const option = layerlint(['lint', '--frobnicate']);
    expect(option.code).toBe(2);
    expectOneLineError(option.stderr, /Unknown argument: frobnicate/);
    // yargs lays this one out over three lines
    const choice = layerlint(['lint', '--format', 'yaml']);
    expect(choice.code).toBe(2);
    expectOneLineError(choice.stderr, /Invalid values: Argument: format, Given: "yaml", Choices: "text", "json"/);
    const rule = layerlint(['rules', 'no-such-rule']);
    expect(rule.code).toBe(2);
    expectOneLineError(rule.stderr, /unknown rule 'no-such-rule'/);
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), GOOD);
    const target = layerlint(['layers', 'Dockerfile', '--target', 'nope'], { cwd: dir });
    expect(target.code).toBe(2);
    expectOneLineError(target.stderr, /target stage 'nope' not found/);
  });

  test('-o - is stdout, in each of its forms (a lone - reaches the options as /dev/stdin)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), BAD);
    for (const form of [['-o', '-'], ['--output', '-'], ['--output=-'], ['-o', 'gnu:-']]) {
      const { code, stdout, stderr } = layerlint(['lint', '-f', 'gnu', ...form, 'Dockerfile'], { cwd: dir });
      expect({ form, code, stderr }).toEqual({ form, code: 1, stderr: '' });
      expect(stdout).toMatch(/^Dockerfile:2:1: warning: .*\[multiple-cmd\]$/m);
    }
  });

  test('a missing --context directory', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), GOOD);
    const { code, stderr } = layerlint(['Dockerfile', '--context', 'nowhere'], { cwd: dir });
    expect(code).toBe(2);
    expectOneLineError(stderr, /build context 'nowhere' does not exist/);
  });
});

describe('rule profiles: a quiet default, strict, --select and --extend-select', () => {
  // Shaped like the official images (docker-library): legacy ENV form, unpinned packages, wget progress, pipes
  // ending in a checker. Nothing an expert would change: exit 0 with the defaults, today's findings with strict.
  const expertFile =
    'FROM debian:bookworm-slim\nENV GOSU_VERSION 1.17\nRUN set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates wget; rm -rf /var/lib/apt/lists/*; \\\n\twget -O gosu.tgz "https://example.org/gosu-$GOSU_VERSION.tgz"; echo "abc *gosu.tgz" | sha256sum -c -; tar -xzf gosu.tgz -C /usr/local/bin; rm gosu.tgz\nCMD ["bash"]\n';

  test('an expert-written file passes with the defaults and keeps its findings under --select strict', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), expertFile);
    const quiet = layerlint(['lint', join(dir, 'Dockerfile'), '--shellcheck', 'off']);
    expect(quiet.stdout).toContain('no findings');
    expect(quiet.code).toBe(0);
    const strict = layerlint(['lint', join(dir, 'Dockerfile'), '--shellcheck', 'off', '--select', 'strict', '-f', 'json']);
    expect(strict.code).toBe(1);
    expect(
      JSON.parse(strict.stdout)
        .files[0].findings.map((f: { ruleId: string }) => f.ruleId)
        .sort(),
    ).toEqual(['cache-mount-missing', 'legacy-key-value-format', 'unpinned-package', 'wget-without-progress']);
  });

  test('--extend-select adds rules by id, hadolint code or category; --select replaces the profile; a config can extend strict', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), expertFile);
    const ids = (args: string[], cwd?: string) =>
      JSON.parse(layerlint(['lint', join(dir, 'Dockerfile'), '--shellcheck', 'off', '-f', 'json', ...args], { cwd }).stdout)
        .files[0].findings.map((f: { ruleId: string }) => f.ruleId)
        .sort();
    expect(ids(['--extend-select', 'DL3008'])).toEqual(['unpinned-package']);
    expect(ids(['--extend-select', 'wget-without-progress,syntax'])).toEqual(['legacy-key-value-format', 'wget-without-progress']);
    expect(ids(['--extend-select', 'cache'])).toEqual(['cache-mount-missing']);
    expect(ids(['--select', 'unpinned-package'])).toEqual(['unpinned-package']);
    writeFileSync(join(dir, '.layerlint.yaml'), 'extends: strict\nrules:\n  unpinned-package: off\n');
    expect(ids([])).toEqual(['cache-mount-missing', 'legacy-key-value-format', 'wget-without-progress']);
    writeFileSync(join(dir, '.layerlint.yaml'), 'rules:\n  wget-without-progress: warning\n');
    expect(ids([])).toEqual(['wget-without-progress']);
  });

  test('an unknown name in --select or extend-select is a one-line error with the nearest name', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), expertFile);
    const cli = layerlint(['lint', join(dir, 'Dockerfile'), '--extend-select', 'unpined-package']);
    expect(cli.code).toBe(2);
    expectOneLineError(cli.stderr, /--extend-select: unknown rule or group 'unpined-package' \(did you mean unpinned-package\?\)/);
    writeFileSync(join(dir, '.layerlint.yaml'), 'extend-select: [wget-without-progres]\n');
    const config = layerlint(['lint', join(dir, 'Dockerfile')]);
    expect(config.code).toBe(2);
    expectOneLineError(config.stderr, /'extend-select' names an unknown rule or group 'wget-without-progres' \(did you mean wget-without-progress\?\)/);
  });
});

describe('layerlint layers and rules', () => {
  test('layers prints the model of a seed example', () => {
    const { code, stdout } = layerlint(['layers', 'test/fixtures/seeds/make-cleanup-before.Dockerfile']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Stage 0: FROM ubuntu:18\.04 \(target: the image\)/);
    expect(stdout).toMatch(/COPY \. \/app\s+yes\s+\. \[broad\]/);
    expect(stdout).toMatch(/deletes \/root\/\.cache/);
    expect(stdout).toMatch(/creates \/root\/\.cache \(build cache that make and the compilers it runs write\) \(likely\)/);
  });

  test('layers shows each instruction with its flags, and a long cache-inputs list on a line of its own', () => {
    const { code, stdout } = layerlint(['layers', 'test/fixtures/seeds/gradle-multistage.Dockerfile']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^ {2}11 +COPY --from=build \/src\/build\/libs\/\*\.jar app\.jar +yes +\/src\/build\/libs\/\*\.jar \[stage\] +rebuild of stage build$/m,
    );
    // Every table row keeps its columns apart: the cut cache inputs end in … and a blank before "rebuilt by".
    expect(stdout).toMatch(/ yes +\. \[broad\]; .*… any source edit$/m);
    expect(stdout).toMatch(/^ {8}cache inputs: \. \[broad\]; \. \[broad\]; # \[broad\];/m);
  });

  test('layers --format json', () => {
    const { code, stdout } = layerlint(['layers', 'test/fixtures/seeds/gradle-multistage.Dockerfile', '-f', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.stages.map((s: { name: string | null }) => s.name)).toEqual(['build', null]);
    expect(json.stages[1].dependsOn).toEqual([0]);
  });

  test('rules lists every rule; rules <id> prints its docs page', () => {
    const list = layerlint(['rules']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^multiple-cmd\s+runtime\s+warning/m);
    // Which rules are on by default, and why each opt-in rule is not.
    const [onByDefault, optIn] = list.stdout.split(/^Opt-in/m);
    expect(onByDefault).toMatch(/^On by default \(\d+\)/);
    expect(onByDefault).toMatch(/^multiple-cmd /m);
    expect(optIn).toMatch(/^unpinned-package .*\n\s+off by default: Pinning distribution packages/m);
    const doc = layerlint(['rules', 'DL4003']);
    expect(doc.stdout).toMatch(/^# multiple-cmd/);
  });
});

describe('layerlint lint: writing the report', () => {
  // The report is written with writeSync on fd 1 (src/cli/terminal.ts), not through process.stdout.
  const report = () => {
    const dir = tempDir();
    for (let n = 0; n < 120; n++) {
      mkdirSync(join(dir, `app${n}`));
      writeFileSync(
        join(dir, `app${n}`, 'Dockerfile'),
        `FROM node:20\nCOPY . .\nRUN npm ci && apt-get update\nRUN rm -rf /var/lib/apt/lists/*\nCMD node app${n}.js\n`,
      );
    }
    return dir;
  };
  const shell = (script: string) => spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  test('a slow reader of a pipe gets every byte of a large report', () => {
    const dir = report();
    const whole = layerlint(['lint', '--format', 'json', dir]).stdout;
    expect(whole.length).toBeGreaterThan(65_536 * 2); // more than a pipe holds
    const slow = shell(`"${process.execPath}" "${bin}" lint --format json "${dir}" | (sleep 0.5; wc -c)`);
    expect(Number(slow.stdout.trim())).toBe(Buffer.byteLength(whole));
  });

  test('a reader that goes away (| head -1) ends the write quietly: no error, the exit code of the findings', () => {
    const dir = report();
    const result = shell(`"${process.execPath}" "${bin}" lint "${dir}" | head -1`);
    expect(result.stdout.split('\n')[0]).toMatch(/Dockerfile:\d+:\d+ \w+ /);
    expect(result.stderr).toBe('');
    const status = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" lint "${dir}" | head -1 > /dev/null; echo \${PIPESTATUS[0]}`], {
      encoding: 'utf8',
    });
    expect(status.stdout.trim()).toBe('1');
  });
});

describe('options and names are checked, never guessed (hadolint users switching)', () => {
  test('a single-valued option given twice is refused, naming it; nothing crashes', () => {
    for (const args of [
      ['-f', 'json', '-f', 'sarif'],
      ['--target', 'a', '--target', 'b'],
      ['-t', 'error', '-t', 'warning'],
    ]) {
      const { code, stderr } = layerlint(['lint', 'test/fixtures/seeds/gradle-multistage.Dockerfile', ...args]);
      expect(code).toBe(2);
      expectOneLineError(stderr, /^layerlint: --(format|target|failure-threshold) was given 2 times \(.*\); give it once$/m);
    }
  });

  test('a mistyped command is named as one, not linted as a missing file', () => {
    const { code, stdout, stderr } = layerlint(['lnit', 'Dockerfile']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expectOneLineError(stderr, /unknown command 'lnit' \(did you mean 'layerlint lint'\?\)/);
    expectOneLineError(layerlint(['layer', 'x']).stderr, /did you mean 'layerlint layers'/);
  });

  test('unknown rule names: in --ignore and in the config, an error with the nearest name', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), BAD);
    expectOneLineError(
      layerlint(['lint', 'Dockerfile', '--ignore', 'multiple-cmdd'], { cwd: dir }).stderr,
      /--ignore: unknown rule 'multiple-cmdd' \(did you mean multiple-cmd\?\)/,
    );
    writeFileSync(join(dir, '.layerlint.yaml'), 'rules:\n  multiple-cmdd: off\n');
    let result = layerlint(['lint', 'Dockerfile'], { cwd: dir });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /'rules' names an unknown rule 'multiple-cmdd' \(did you mean multiple-cmd\?\)/);
    writeFileSync(join(dir, '.layerlint.yaml'), 'ignored: [DL9999]\n');
    result = layerlint(['lint', 'Dockerfile'], { cwd: dir });
    expectOneLineError(result.stderr, /'ignored' names an unknown rule 'DL9999'/);
    // hadolint codes, BuildKit names and ShellCheck codes are rule names too.
    writeFileSync(join(dir, '.layerlint.yaml'), 'ignored: [DL4003, MultipleInstructionsDisallowed, SC2086]\n');
    expect(layerlint(['lint', 'Dockerfile'], { cwd: dir }).code).toBe(0);
  });

  test("hadolint's flags: --no-fail, --ignore (repeatable), --trusted-registry, --require-label, --strict-labels", () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), 'FROM quay.io/x/app:1\nLABEL extra=1\nCMD ["a"]\nCMD ["b"]\n');
    const ids = (...args: string[]) => {
      const result = layerlint(['lint', 'Dockerfile', '-f', 'json', ...args], { cwd: dir });
      return { code: result.code, ids: JSON.parse(result.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId) };
    };
    expect(ids().ids).toEqual(['multiple-cmd']);
    expect(ids('--no-fail')).toEqual({ code: 0, ids: ['multiple-cmd'] });
    expect(ids('--ignore', 'DL4003').ids).toEqual([]);
    expect(ids('--trusted-registry', 'docker.io', '--trusted-registry', 'ghcr.io').ids).toContain('untrusted-registry');
    expect(ids('--trusted-registry', 'quay.io').ids).not.toContain('untrusted-registry');
    expect(ids('--require-label', 'org.opencontainers.image.source:url').ids).toContain('label-schema');
    expect(ids('--require-label', 'extra', '--strict-labels').ids).not.toContain('label-schema');
    expect(ids('--require-label', 'version', '--strict-labels').ids.filter((id: string) => id === 'label-schema')).toHaveLength(2);
  });

  test('several reports from one lint: -o FORMAT:PATH, - for stdout; the file names after -o stay files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), BAD);
    const { code, stdout } = layerlint(['lint', '-o', 'sarif:out.sarif', '-o', 'text:-', 'Dockerfile'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Dockerfile:2:1 warning multiple-cmd /m);
    expect(sarifValidator()(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')))).toBe(true);
    expectOneLineError(layerlint(['lint', '-o', 'a', '-o', 'json:a', 'Dockerfile'], { cwd: dir }).stderr, /-o names 'a' twice/);
  });

  test('-o to a character device, a FIFO or /dev/stdout writes there; a symbolic link keeps pointing at the report', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), GOOD);
    expect(layerlint(['lint', 'Dockerfile', '-o', '/dev/null'], { cwd: dir })).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const viaStdout = layerlint(['lint', 'Dockerfile', '-o', '/dev/stdout', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(viaStdout.stdout).summary.files).toBe(1);
    symlinkSync('real.txt', join(dir, 'link.txt'));
    expect(layerlint(['lint', 'Dockerfile', '-o', 'link.txt'], { cwd: dir }).code).toBe(0);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe('no findings in 1 file\n');
  });

  test('an invalid config in one folder: the other files are linted, the bad config is said on stderr, exit 2', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'Dockerfile'), BAD);
    writeFileSync(join(dir, 'b', 'Dockerfile'), BAD);
    writeFileSync(join(dir, 'b', '.layerlint.yaml'), 'failure-threshold: loud\n');
    const { code, stdout, stderr } = layerlint(['lint', '.'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toMatch(/^a\/Dockerfile:2:1 warning multiple-cmd/m);
    expectOneLineError(stderr, /invalid config .*b\/\.layerlint\.yaml.*\(b\/Dockerfile was not linted\)/);
  });

  test('plain words: layers without a file, measure with a missing context, a config that does not exist', () => {
    expectOneLineError(layerlint(['layers']).stderr, /^layerlint: layers needs a Dockerfile: layerlint layers path\/to\/Dockerfile$/m);
    expectOneLineError(layerlint(['measure', '--context', '/nonexistent-context']).stderr, /the build context '\/nonexistent-context' does not exist/);
    expectOneLineError(
      layerlint(['lint', 'test/fixtures/seeds/gradle-multistage.Dockerfile', '-c', '/nonexistent.yaml']).stderr,
      /cannot read config \/nonexistent\.yaml: no such file or directory/,
    );
  });

  test('--help ends with the exit codes and examples', () => {
    const { stdout } = layerlint(['--help']);
    expect(stdout).toMatch(/Exit codes: 0 .*; 1 .*; 2 bad input/);
    expect(stdout).toMatch(/Examples:\n {2}layerlint lint \. -o sarif:layerlint\.sarif -o text:-/);
  });
});
