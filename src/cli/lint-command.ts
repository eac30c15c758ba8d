/** `layerlint lint [files..]`: lint Dockerfiles and print a report. */
import { dirname, relative, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { lintText, type LintResult } from '../lint.js';
import { preferShellParser, shellParserBackend } from '../parse/shell.js';
import { checkShellParserSetting, shellGrammarForBatch, WASM_BATCH_SIZE } from '../parse/shell-grammar.js';
import type { Config, Threshold } from '../core/config.js';
import { configLookup } from '../config/config.js';
import { loadBuildContext, type BuildContext } from '../model/context.js';
import { allRules } from '../../rules/index.js';
import { SEVERITY_RANK, type Finding } from '../core/findings.js';
import { type Rule } from '../runner/types.js';
import { closestSelector, isKnownSelector } from '../runner/selection.js';
import { formatText } from '../report/text.js';
import { formatJson } from '../report/json.js';
import { formatSarif } from '../report/sarif.js';
import { formatCheckstyle, formatCodeclimate, formatGithub, formatGnu } from '../report/line-formats.js';
import type { FileReport, Report } from '../report/types.js';
import { UserError } from '../util/errors.js';
import { forEachInOrder } from '../util/in-order.js';
import { defaultCacheDir, LintCache, type CachedLint } from '../cache/lint-cache.js';
import { expandInputs, isStdin, readDockerfileSource } from './inputs.js';
import type { FileFix, FixTally } from './fix-files.js';
import { parseOutputs, writeReport } from './output.js';
import { stdoutIsTerminal, writeErr, writeOut } from './terminal.js';
import { slowNodeStartNoteForThisProcess } from './node-startup.js';
import { relaunchForBatch } from './relaunch.js';

/** What the report needs of a file's lint, whether it ran or came from the cache. */
type LintOutcome = Pick<LintResult, 'findings' | 'ruleFailures' | 'extraRules'>;

interface FileOutcome {
  shownPath: string;
  readError: string | null;
  text: string | null;
  config: Config | null;
  result: LintOutcome | null;
  /** With --fix or --diff: what the fixes did (the file is already written with --fix). */
  fix?: FileFix;
}

export const LINT_FORMATS = ['text', 'json', 'sarif', 'gnu', 'github', 'checkstyle', 'codeclimate', 'gitlab'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintCommandOptions {
  files: string[];
  format: LintFormat;
  /** `-o` values: `[FORMAT:]PATH`, `-` for stdout; none: the `format` report on stdout. */
  outputs: string[];
  overwrite: boolean;
  failureThreshold: Threshold | null;
  config: string | null;
  context: string | null;
  target: string | null;
  stdinFilename: string;
  color: boolean | null;
  /** A shellcheck path, 'off', or null to use `shellcheck` from PATH when there is one. */
  shellcheck: string | null;
  /** `--select`: selectors that replace the config's profile, or null. */
  select: string[] | null;
  /** `--extend-select`: selectors added to it. */
  extendSelect: string[];
  /** hadolint's command-line options, added to every config: `--ignore`, `--trusted-registry`, `--require-label`, `--strict-labels`. */
  ignore: string[];
  trustedRegistries: string[];
  requiredLabels: Config['labelSchema'];
  strictLabels: boolean;
  verbose: boolean;
  /** Keep and reuse each file's findings on disk (src/cache/lint-cache.ts). */
  cache: boolean;
  /** Where; null: the user's cache folder. */
  cacheDir: string | null;
  /** `--fix`: apply the fixes and write the files (stdin: the fixed text to stdout, the report to stderr). */
  fix?: boolean;
  /** `--diff`: print what --fix would change as a unified diff, change nothing. */
  diff?: boolean;
  /** `--unsafe-fixes`: the fixes that change behaviour too. */
  unsafeFixes?: boolean;
}

/**
 * A comma-separated `--select` / `--extend-select` value as a list of known selectors; an unknown name
 * is a usage error naming the nearest known one. Given twice, the lists are joined.
 */
export function selectorList(value: unknown, option: string): string[] | null {
  if (value === undefined || value === null) return null;
  const names = (Array.isArray(value) ? value : [value])
    .flatMap((item) => String(item).split(','))
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!isKnownSelector(name, allRules)) {
      const nearest = closestSelector(name, allRules);
      throw new UserError(`${option}: unknown rule or group '${name}'${nearest ? ` (did you mean ${nearest}?)` : ''}; run 'layerlint rules' for the list`);
    }
  }
  return names;
}

/**
 * The config with the command line's options applied (selection, `--ignore`, registries, labels); one
 * derived config per config, so rule severities are still worked out once per batch.
 */
function withCommandLineOptions(options: LintCommandOptions): (config: Config) => Config {
  const { select, extendSelect, ignore, trustedRegistries, requiredLabels, strictLabels } = options;
  if (select === null && extendSelect.length + ignore.length + trustedRegistries.length === 0 && Object.keys(requiredLabels).length === 0 && !strictLabels) {
    return (config) => config;
  }
  const derived = new WeakMap<Config, Config>();
  return (config) => {
    let result = derived.get(config);
    if (!result) {
      result = {
        ...config,
        select: select ?? config.select,
        extendSelect: [...config.extendSelect, ...extendSelect],
        ignored: [...config.ignored, ...ignore],
        trustedRegistries: [...config.trustedRegistries, ...trustedRegistries],
        labelSchema: { ...config.labelSchema, ...requiredLabels },
        strictLabels: config.strictLabels || strictLabels,
      };
      derived.set(config, result);
    }
    return result;
  };
}

/**
 * Files in flight per shellcheck process when ShellCheck is on: enough that a process starting finds
 * a full call's scripts waiting (src/shellcheck/runner.ts). 265 real Dockerfiles on 2 cores, ~110
 * scripts per call: 16 in flight 7.5–7.8 s (~28 per call), 48 6.0–6.1 s, 64 5.8–5.9 s, 96 5.9–6.2 s.
 */
const FILES_IN_FLIGHT_PER_PROCESS = 64;

/** Which shellcheck to run, if any. An explicit path that is not executable is a usage error. */
async function resolveShellcheck(option: string | null, verbose: boolean): Promise<string | null> {
  if (option === 'off') return null;
  const { findShellcheck } = await import('../shellcheck/shellcheck.js');
  const found = findShellcheck(option);
  if (option && !found) throw new UserError(`--shellcheck: '${option}' is not an executable file`);
  if (!found && verbose)
    writeErr(
      'layerlint: shellcheck is not on PATH, so the ShellCheck (SCxxxx) checks of RUN scripts were skipped (apt-get install shellcheck, or --shellcheck PATH)\n',
    );
  return found;
}

export function exceedsThreshold(findings: Finding[], threshold: Threshold): boolean {
  if (threshold === 'none') return false;
  return findings.some((finding) => SEVERITY_RANK[finding.severity] <= SEVERITY_RANK[threshold]);
}

/** One config per folder: found upward from each Dockerfile (stdin: the working directory) unless --config names one. */
function configResolver(explicit: string | null): (dockerfile: string) => Promise<Config> {
  const lookup = configLookup({ explicit, remember: true });
  return (dockerfile) => lookup.configFor(isStdin(dockerfile) ? process.cwd() : dirname(resolve(dockerfile)));
}

function displayPath(path: string): string {
  // Inside the working directory: a clean relative path; outside it: the path as the user wrote it.
  const shown = relative(process.cwd(), resolve(path));
  return shown === '' || shown.startsWith('..') ? path : shown;
}

export async function runLint(options: LintCommandOptions): Promise<number> {
  checkShellParserSetting();
  const files = expandInputs(options.files);
  // Some batches are linted faster by a Node started with other options (src/cli/relaunch.ts).
  const relaunchedExitCode = await relaunchForBatch(files.length, () => shellGrammarForBatch(files.length), options.verbose);
  if (relaunchedExitCode !== null) return relaunchedExitCode;
  // A big batch is linted faster with the WebAssembly grammar (see WASM_BATCH_SIZE); otherwise the
  // grammar is native. Either way it loads when the first shell instruction needs it.
  if (files.length >= WASM_BATCH_SIZE) preferShellParser('wasm');
  const fileConfigFor = configResolver(options.config);
  if (options.config) await fileConfigFor('-');
  const outputs = parseOutputs(options.outputs, options.format, LINT_FORMATS);
  const applyOptions = withCommandLineOptions(options);
  const configFor = async (file: string) => applyOptions(await fileConfigFor(file));
  const context: BuildContext | null = options.context ? loadContextOrFail(options.context) : null;
  const shellcheck = await resolveShellcheck(options.shellcheck, options.verbose);
  // Loaded with ShellCheck only, as resolveShellcheck loads the rest of it.
  const shellcheckRunner = shellcheck ? new (await import('../shellcheck/runner.js')).ShellcheckRunner(shellcheck, availableParallelism()) : null;
  const cache = options.cache ? new LintCache(options.cacheDir ?? defaultCacheDir(), { shellcheck, target: options.target, context }) : null;
  if (cache && context) context.readLog = [];
  const extraRules = new Map<string, Rule>();
  const reports: FileReport[] = [];
  let threshold: Threshold = options.failureThreshold ?? 'info';
  let failed = false;
  let hadReadError = false;
  const fixing = options.fix === true || options.diff === true;
  // Loaded only to fix: a plain lint (every pre-commit run) does not evaluate the fix engine or the diff library.
  const { addToTally, fixFile, tallyInWords, writeFixedFile } = fixing ? await import('./fix-files.js') : ({} as typeof import('./fix-files.js'));
  const tally: FixTally = { applied: 0, filesChanged: 0, remaining: 0, unsafeAvailable: 0 };
  const diffs: string[] = [];
  /** With `lint --fix -`: the Dockerfile to give back on stdout, fixed or as it came. */
  let stdinOutput: Buffer | null = null;
  /** A file's fixes: refused ones said on stderr, the rest counted, the diff kept for the end. */
  const takeFix = (shownPath: string, fix: FileFix, reported: Finding[]) => {
    if (fix.note) writeErr(`layerlint: ${fix.note}\n`);
    for (const refused of fix.outcome.refused) {
      writeErr(`layerlint: fix refused: ${shownPath}:${refused.line} ${refused.ruleId} (${refused.description}): ${refused.why}\n`);
    }
    addToTally(tally, fix.outcome, fix.changed, reported, options.unsafeFixes ?? false);
    if (fix.diff) diffs.push(fix.diff);
  };
  /** One file, up to its findings; what it has to say goes on stderr when its turn comes (file order). */
  const lintOne = async (file: string): Promise<FileOutcome> => {
    const shownPath = isStdin(file) ? options.stdinFilename : displayPath(file);
    let config: Config;
    let text: string;
    let fix: FileFix | undefined;
    try {
      config = await configFor(file);
      const source = await readDockerfileSource(file);
      text = source.text;
      if (fixing) {
        const lint = async (candidate: string) => (await lintText(candidate, shownPath, { config, context, target: options.target })).findings;
        fix = await fixFile(shownPath, text, source.bytes, lint, { unsafe: options.unsafeFixes ?? false, diff: options.diff ?? false });
        // Written now, so that a run stopped later still leaves each file whole, fixed or not.
        if (options.fix && fix.bytes && !isStdin(file)) writeFixedFile(file, fix.bytes);
        if (options.fix) text = fix.outcome.text;
      }
      if (isStdin(file)) stdinOutput = fix?.bytes ?? source.bytes;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      return { shownPath, readError: error.message, text: null, config: null, result: null };
    }
    if (options.diff) return { shownPath, readError: null, text, config, result: { findings: [], ruleFailures: [], extraRules: [] }, fix };
    const key = cache?.key(text, shownPath, config);
    const cached = key ? cache!.read(key, context) : null;
    if (cached) return { shownPath, readError: null, text, config, result: fromCache(cached), fix };
    const readsBefore = context?.readLog?.length ?? 0;
    const result = await lintText(text, shownPath, { config, context, target: options.target, shellcheckRunner });
    // A failed rule or ShellCheck run is tried again next time, not remembered.
    if (key && result.ruleFailures.length === 0) {
      // The reads since this file started: with files in flight together, maybe some of theirs too (a
      // superset only makes the entry more careful).
      const contextReads = context?.readLog?.slice(readsBefore) ?? [];
      cache!.write(key, { findings: result.findings, extraRules: result.extraRules.map((rule) => rule.meta) }, context, contextReads);
    }
    // Only what the report needs: the parse and the model are dropped as soon as the file is done.
    return {
      shownPath,
      readError: null,
      text,
      config,
      result: { findings: result.findings, ruleFailures: result.ruleFailures, extraRules: result.extraRules },
      fix,
    };
  };
  const takeOutcome = ({ shownPath, readError, text, config, result, fix }: FileOutcome) => {
    // A file that cannot be read, or whose folder's config is invalid, is said on stderr; the other files
    // are still linted, and the exit code is 2.
    if (readError !== null || !result || !config) {
      hadReadError = true;
      writeErr(`layerlint: ${readError}${readError?.includes(shownPath) ? '' : ` (${shownPath} was not linted)`}\n`);
      reports.push({ path: shownPath, text: null, findings: [], error: readError });
      return;
    }
    if (fix) takeFix(shownPath, fix, result.findings);
    threshold = options.failureThreshold ?? config.failureThreshold ?? 'info';
    for (const rule of result.extraRules) extraRules.set(rule.meta.id, rule);
    for (const failure of result.ruleFailures) {
      const detail =
        failure.ruleId === 'shellcheck'
          ? `ShellCheck was skipped for ${shownPath}: ${failure.message}`
          : `rule ${failure.ruleId} failed on ${shownPath}: ${failure.message} (a bug: please report it)`;
      writeErr(`layerlint: ${detail}\n`);
    }
    if (exceedsThreshold(result.findings, threshold)) failed = true;
    reports.push({ path: shownPath, text, findings: result.findings, error: null });
  };
  // With ShellCheck, many files are in flight at once: while one shellcheck process per core runs, the
  // next files are parsed and their scripts queue up for the next calls.
  const width = shellcheckRunner ? shellcheckRunner.processes * FILES_IN_FLIGHT_PER_PROCESS : 1;
  try {
    await forEachInOrder(files, width, lintOne, takeOutcome);
  } finally {
    shellcheckRunner?.close();
  }
  if (options.diff) {
    writeOut(diffs.join(''));
    writeErr(`layerlint: ${tallyInWords(tally, true)}\n`);
    if (hadReadError) return 2;
    return diffs.length > 0 ? 1 : 0;
  }
  const report: Report = { files: reports, rules: [...allRules, ...extraRules.values()], rootDir: process.cwd() };
  if (options.fix) report.fix = { summary: tallyInWords(tally, false), markUnsafe: !options.unsafeFixes };
  // `lint --fix -`: the fixed Dockerfile is the output; the report goes to stderr.
  const stdinFixed = options.fix === true && files.length === 1 && isStdin(files[0]);
  if (stdinFixed) writeOut(stdinOutput ?? Buffer.alloc(0));
  const color = options.color ?? (stdoutIsTerminal() && !process.env.NO_COLOR);
  const formatters: Record<LintFormat, () => string> = {
    text: () => formatText(report, { color }),
    json: () => formatJson(report),
    sarif: () => formatSarif(report),
    gnu: () => formatGnu(report),
    github: () => formatGithub(report),
    checkstyle: () => formatCheckstyle(report),
    codeclimate: () => formatCodeclimate(report),
    gitlab: () => formatCodeclimate(report),
  };
  cache?.prune();
  if (options.verbose && cache) {
    writeErr(
      `layerlint: cache ${options.cacheDir ?? defaultCacheDir()}: ${cache.hits} of ${files.length} files reused${cache.writeFailure ? `; not written: ${cache.writeFailure}` : ''}\n`,
    );
  }
  const shellParser = shellParserBackend();
  if (options.verbose && shellParser?.whyWasm) {
    writeErr(`layerlint: RUN scripts were parsed with tree-sitter's WebAssembly build (${shellParser.whyWasm})\n`);
  }
  const slowStart = options.verbose ? slowNodeStartNoteForThisProcess() : null;
  if (slowStart) writeErr(`layerlint: ${slowStart}\n`);
  for (const output of outputs) {
    const rendered = output.format === 'text' && output.path !== '-' ? formatText(report, { color: false }) : formatters[output.format]();
    if (output.path === '-') (stdinFixed ? writeErr : writeOut)(rendered);
    else writeReport(output.path, rendered, options.overwrite);
  }
  // bin/load-bundle.js may now save V8's code cache for this Node: this run compiled what a lint needs,
  // unless every file came from the lint cache (the rules never ran, so their code was never compiled).
  if (!cache || cache.misses > 0) (globalThis as Record<symbol, unknown>)[Symbol.for('layerlint.codeCacheWorthy')] = true;
  if (hadReadError) return 2;
  return failed ? 1 : 0;
}

/** A cached lint as the report takes it: the ShellCheck codes as rules with nothing left to check. */
function fromCache(cached: CachedLint): LintOutcome {
  return { findings: cached.findings, ruleFailures: [], extraRules: cached.extraRules.map((meta) => ({ meta, check() {} })) };
}

function loadContextOrFail(dir: string): BuildContext {
  try {
    return loadBuildContext(dir);
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}
