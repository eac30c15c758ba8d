/**
 * The options of `layerlint lint`, in one table that both command-line parsers read: yargs
 * (src/cli/main.ts: help, every other command, every usage error) and the quick parser
 * (src/cli/quick-lint-args.ts), which reads the usual lint command lines without loading yargs.
 * Both hand what they parsed to lintOptionsFromArgs, so a lint runs the same whichever parsed it.
 */
import { SEVERITIES } from '../core/findings.js';
import type { Threshold } from '../core/config.js';
import { UserError } from '../util/errors.js';
import { LINT_FORMATS, selectorList, type LintCommandOptions, type LintFormat } from './lint-command.js';
import { refuseMistypedCommand, repeated, requiredLabels, ruleNameList } from './option-checks.js';
import { STDIN_PATH } from './inputs.js';

/** yargs' option definitions (the fields the quick parser reads: alias, type or choices, default). */
export const LINT_OPTIONS = {
  format: { alias: 'f', choices: LINT_FORMATS, default: 'text' as LintFormat, describe: 'Output format' },
  output: {
    alias: 'o',
    type: 'string',
    describe: 'Write a report to a file: [FORMAT:]PATH, - for stdout; repeatable (-o sarif:results.sarif -o text:-)',
  },
  overwrite: { type: 'boolean', default: false, describe: 'Allow -o to replace an existing non-empty file' },
  'failure-threshold': {
    alias: 't',
    choices: [...SEVERITIES, 'none'] as const,
    describe: 'Lowest severity that makes the exit code 1 (default: info)',
  },
  fail: { type: 'boolean', default: true, describe: '--no-fail: exit 0 whatever the findings (as -t none)' },
  ignore: { type: 'string', describe: 'Turn a rule off: its id, hadolint code or BuildKit name (repeatable)' },
  'trusted-registry': { type: 'string', describe: 'A registry base images may come from (repeatable; turns untrusted-registry on)' },
  'require-label': {
    type: 'string',
    describe: 'A label every image must have, as LABEL[:FORMAT] (repeatable; formats: text, url, semver, hash, rfc3339, spdx, email)',
  },
  'strict-labels': { type: 'boolean', default: false, describe: 'Only the labels --require-label names are allowed' },
  config: { alias: 'c', type: 'string', describe: 'Config file (default: .layerlint.yaml found upward from each Dockerfile)' },
  context: { type: 'string', describe: 'Build context directory: resolves COPY sources and reads .dockerignore' },
  target: { type: 'string', describe: 'Stage to build (default: the last stage)' },
  'stdin-filename': { type: 'string', default: 'Dockerfile', describe: 'Name reported for a Dockerfile read from stdin' },
  color: { type: 'boolean', describe: 'Force colours on or off (default: on for a terminal; NO_COLOR turns them off)' },
  shellcheck: { type: 'string', describe: 'ShellCheck binary for RUN scripts (default: shellcheck on PATH; off: none)' },
  select: {
    type: 'string',
    describe: 'Rules to run instead of the profile: strict, recommended, categories, rule ids, DL/SC codes (comma-separated)',
  },
  'extend-select': { type: 'string', describe: 'Rules to run on top of the profile (e.g. unpinned-package,SC2086)' },
  cache: {
    type: 'boolean',
    default: true,
    describe: 'Reuse the findings of unchanged files from the cache (--no-cache: lint every file afresh)',
  },
  'cache-dir': { type: 'string', describe: 'Cache folder (default: $XDG_CACHE_HOME/layerlint or ~/.cache/layerlint)' },
  verbose: { alias: 'v', type: 'boolean', default: false, describe: 'Say which optional checks were skipped and why' },
  fix: { type: 'boolean', default: false, describe: 'Apply the safe fixes and rewrite the files (- : the fixed text to stdout)' },
  diff: {
    type: 'boolean',
    default: false,
    describe: 'Print what --fix would change as a unified diff; change nothing (exit 1 when there is a diff)',
  },
  'unsafe-fixes': {
    type: 'boolean',
    default: false,
    describe: 'With --fix or --diff: also the fixes that change behaviour or need your judgement',
  },
} as const;

export type LintOptionName = keyof typeof LINT_OPTIONS;

/**
 * A lint command line as parsed, under yargs' camelCase names. An option that may be repeated
 * (src/cli/option-checks.ts) is one string, or several when given several times.
 */
export interface LintArgs {
  files: string[];
  format: string;
  output?: string | string[];
  overwrite: boolean;
  failureThreshold?: string;
  fail: boolean;
  ignore?: string | string[];
  trustedRegistry?: string | string[];
  requireLabel?: string | string[];
  strictLabels: boolean;
  config?: string;
  context?: string;
  target?: string;
  stdinFilename: string;
  color?: boolean;
  shellcheck?: string;
  select?: string | string[];
  extendSelect?: string | string[];
  cache: boolean;
  cacheDir?: string;
  verbose: boolean;
  fix: boolean;
  diff: boolean;
  unsafeFixes: boolean;
}

/**
 * An `-o` value as parseOutputs reads it. main() hands every lone `-` on as STDIN_PATH, so that yargs
 * keeps it as a file name; after `-o` it is stdout, as the help says, not a report written to stdin.
 */
function outputPath(value: string): string {
  return value === STDIN_PATH ? '-' : value;
}

/** What runLint is given for a parsed lint command line; the checks yargs does not make fail here. */
export function lintOptionsFromArgs(args: LintArgs): LintCommandOptions {
  if (args.fix && args.diff) throw new UserError('--fix and --diff cannot be used together: --diff only shows what --fix would do');
  if (args.unsafeFixes && !args.fix && !args.diff) throw new UserError('--unsafe-fixes goes with --fix or --diff');
  refuseMistypedCommand(args.files);
  return {
    select: selectorList(args.select, '--select'),
    extendSelect: selectorList(args.extendSelect, '--extend-select') ?? [],
    ignore: ruleNameList(repeated(args.ignore), '--ignore'),
    trustedRegistries: repeated(args.trustedRegistry),
    requiredLabels: requiredLabels(repeated(args.requireLabel)),
    strictLabels: args.strictLabels,
    files: args.files,
    format: args.format as LintFormat,
    outputs: repeated(args.output).map(outputPath),
    overwrite: args.overwrite,
    failureThreshold: args.fail ? ((args.failureThreshold as Threshold | undefined) ?? null) : 'none',
    config: args.config ?? null,
    context: args.context ?? null,
    target: args.target ?? null,
    stdinFilename: args.stdinFilename,
    color: args.color ?? null,
    shellcheck: args.shellcheck ?? null,
    verbose: args.verbose,
    cache: args.cache,
    cacheDir: args.cacheDir ?? null,
    fix: args.fix,
    diff: args.diff,
    unsafeFixes: args.unsafeFixes,
  };
}
