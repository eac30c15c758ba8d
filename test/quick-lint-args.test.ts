/**
 * The quick parser of lint command lines (src/cli/quick-lint-args.ts) against yargs (mainWithYargs in
 * src/cli/main.ts): on every line the quick parser takes, runLint must be given exactly what yargs
 * would give it, or fail with the same message.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { mainWithYargs } from '../src/cli/main.js';
import { quickLintArgs } from '../src/cli/quick-lint-args.js';
import { lintOptionsFromArgs } from '../src/cli/lint-options.js';
import type { LintCommandOptions } from '../src/cli/lint-command.js';
import { STDIN_PATH } from '../src/cli/inputs.js';
import { COMMANDS } from '../src/cli/option-checks.js';
import { spawnSync } from 'node:child_process';

type Outcome = { options: LintCommandOptions } | { error: string };

async function viaYargs(words: string[]): Promise<Outcome> {
  let options: LintCommandOptions | undefined;
  try {
    await mainWithYargs(words, async (given) => {
      options = given;
      return 0;
    });
  } catch (error) {
    return { error: (error as Error).message };
  }
  return options ? { options } : { error: 'yargs ran no lint' };
}

/** null: the quick parser leaves the line to yargs. */
function viaQuickParser(words: string[]): Outcome | null {
  const args = quickLintArgs(words);
  if (!args) return null;
  try {
    return { options: lintOptionsFromArgs(args) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Pieces of command lines: every option in each of its forms, good and bad values, and words yargs reads its own way. */
const PIECES: string[][] = [
  ['lint'],
  ['layers'],
  ['rules'],
  ['Dockerfile'],
  ['app/Dockerfile.prod'],
  ['.'],
  [STDIN_PATH],
  ['1'],
  ['010'],
  ['0x1f'],
  ['1e3'],
  ['true'],
  ['false'],
  ['--'],
  ['lnt'],
  ['--format', 'json'],
  ['--format=sarif'],
  ['-f', 'gnu'],
  ['-fjson'],
  ['-f', 'yaml'],
  ['--format'],
  ['--output', 'report.sarif'],
  ['-o', 'sarif:results.sarif'],
  ['-o', STDIN_PATH],
  ['-o=text:out.txt'],
  ['--overwrite'],
  ['--no-overwrite'],
  ['--failure-threshold', 'warning'],
  ['-t', 'none'],
  ['-t', 'fatal'],
  ['--failure-threshold=error'],
  ['--failureThreshold', 'error'],
  ['--fail'],
  ['--no-fail'],
  ['--ignore', 'DL3008'],
  ['--ignore', 'apt-no-install-recommends,DL3009'],
  ['--ignore', 'no-such-rule'],
  ['--trusted-registry', 'docker.io'],
  ['--require-label', 'maintainer:email'],
  ['--require-label', 'version:semverish'],
  ['--strict-labels'],
  ['--config', '.layerlint.yaml'],
  ['-c', 'ci.yaml'],
  ['--no-config'],
  ['--context', '.'],
  ['--target', 'build'],
  ['--stdin-filename', 'Containerfile'],
  ['--color'],
  ['--no-color'],
  ['--color', 'false'],
  ['--color=true'],
  ['--shellcheck', 'off'],
  ['--shellcheck=/usr/bin/shellcheck'],
  ['--select', 'recommended'],
  ['--select', 'cache,SC2086'],
  ['--extend-select', 'unpinned-package'],
  ['--extend-select', 'nonsense'],
  ['--cache'],
  ['--no-cache'],
  ['--cache-dir', '/tmp/layerlint-cache'],
  ['--verbose'],
  ['-v'],
  ['-vf', 'json'],
  ['--fix'],
  ['--diff'],
  ['--unsafe-fixes'],
  ['--help'],
  ['-h'],
  ['--version'],
  ['--bogus'],
  ['-x'],
];

const commandLine = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...PIECES), { maxLength: 7 }))
  .map(([lintFirst, pieces]) => [...(lintFirst ? ['lint'] : []), ...pieces.flat()]);

describe('quick lint command-line parser', () => {
  test('reads the usual lint lines itself', () => {
    const usual = [
      [],
      ['lint'],
      ['Dockerfile'],
      ['lint', 'Dockerfile'],
      ['lint', '--no-cache', '--shellcheck', 'off', 'Dockerfile'],
      ['lint', '-f', 'sarif', '-o', 'sarif:results.sarif', '-o', 'text:-', '.'],
      ['lint', '--format=json', '--failure-threshold', 'warning', 'a/Dockerfile', 'b/Dockerfile'],
      ['lint', '--config', 'ci.yaml', '--ignore', 'DL3008', '--ignore', 'DL3009', '.'],
      ['lint', '--fix', STDIN_PATH, '--stdin-filename', 'Containerfile'],
      ['--verbose', 'lint', 'Dockerfile'],
    ];
    for (const words of usual) expect({ words, args: quickLintArgs(words) }).toEqual({ words, args: expect.any(Object) });
  });

  test('leaves help, other commands and every doubtful line to yargs', () => {
    const doubtful = [
      ['--help'],
      ['lint', '--help'],
      ['--version'],
      ['layers', 'Dockerfile'],
      ['rules'],
      ['lint', '-fjson', 'Dockerfile'],
      ['lint', '-vf', 'json', 'Dockerfile'],
      ['lint', '--fix', 'false', 'Dockerfile'],
      ['lint', '--', 'Dockerfile'],
      ['lint', '--format', 'yaml', 'Dockerfile'],
      ['lint', '--verbose', '--verbose'],
      ['lint', '--no-cache', '--cache'],
      ['lint', '--config', 'a.yaml', '--config', 'b.yaml'],
      ['lint', '--no-config'],
      ['lint', '--failureThreshold', 'error'],
      ['lint', '--format'],
    ];
    for (const words of doubtful) expect({ words, args: quickLintArgs(words) }).toEqual({ words, args: null });
  });

  test('knows every command yargs has: a line for another command is never read as a lint of files', () => {
    const help = spawnSync(process.execPath, [new URL('../bin/layerlint', import.meta.url).pathname, '--help'], { encoding: 'utf8' }).stdout;
    const commandsSection = help.slice(help.indexOf('Commands:'), help.indexOf('\n\n', help.indexOf('Commands:')));
    const commandsInHelp = [...commandsSection.matchAll(/^ {2}layerlint (\w+)/gm)].map((match) => match[1]);
    expect(commandsInHelp.sort()).toEqual([...COMMANDS].sort());
    for (const command of COMMANDS.filter((name) => name !== 'lint')) expect(quickLintArgs([command, 'Dockerfile'])).toBeNull();
  });

  test('a repeatable option keeps every value in order, whichever name gave it', () => {
    const options = lintOptionsFromArgs(quickLintArgs(['-o', 'a.sarif', '--output', 'b.txt', '-o', '-', 'Dockerfile'])!);
    expect(options.outputs).toEqual(['a.sarif', 'b.txt', '-']);
  });

  test('on every generated line it takes, runLint gets what yargs would give it', async () => {
    let taken = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(commandLine, async (words) => {
        runs += 1;
        const quick = viaQuickParser(words);
        if (quick === null) return;
        taken += 1;
        expect({ words, outcome: quick }).toEqual({ words, outcome: await viaYargs(words) });
      }),
      { numRuns: 600, seed: 20261207 },
    );
    // The property says nothing if the quick parser gives every line to yargs.
    expect(taken / runs).toBeGreaterThan(0.15);
  });
});
