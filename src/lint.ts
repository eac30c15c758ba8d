/**
 * The lint pipeline for one Dockerfile: text → parse → layer model → rules → findings.
 */
import { parseDockerfile } from './parse/dockerfile.js';
import { loadShellParser, shellParserLoaded } from './parse/shell.js';
import type { ParsedDockerfile } from './parse/types.js';
import { buildLayerModel } from './model/build.js';
import type { BuildContext } from './model/context.js';
import type { LayerModel } from './model/types.js';
import { runRules } from './runner/run.js';
import type { Finding } from './core/findings.js';
import type { Rule } from './runner/types.js';
import { DEFAULT_CONFIG, type Config } from './core/config.js';
import { allRules } from '../rules/index.js';
import type { ShellcheckRunner } from './shellcheck/runner.js';

export interface LintOptions {
  config?: Config;
  /** Path of a shellcheck binary to run on RUN scripts; null or absent: no ShellCheck. */
  shellcheck?: string | null;
  /** A runner shared by a batch of files (their scripts checked together); takes the place of `shellcheck`. */
  shellcheckRunner?: ShellcheckRunner | null;
  context?: BuildContext | null;
  target?: string | null;
  rules?: Rule[];
  /** Every rule the run knows of, for the rules about rule names (default: the rules run). */
  knownRules?: readonly Rule[];
}

export interface LintResult {
  path: string;
  parsed: ParsedDockerfile;
  model: LayerModel;
  findings: Finding[];
  ruleFailures: { ruleId: string; message: string }[];
  /** Rules made for this file beyond allRules (one per ShellCheck code found). */
  extraRules: Rule[];
}

/** Instructions whose arguments are shell scripts; without any, the shell parser is not needed. */
const SHELL_INSTRUCTION = /^\s*(RUN|CMD|ENTRYPOINT|ONBUILD|HEALTHCHECK)\b/im;

/** Parse and model a Dockerfile (what `layerlint layers` shows). */
export async function modelDockerfile(text: string, path: string, options: LintOptions = {}): Promise<LayerModel> {
  if (!shellParserLoaded() && SHELL_INSTRUCTION.test(text)) await loadShellParser();
  const parsed = parseDockerfile(text, path);
  return buildLayerModel(parsed, { context: options.context ?? null, target: options.target ?? null });
}

export async function lintText(text: string, path: string, options: LintOptions = {}): Promise<LintResult> {
  const model = await modelDockerfile(text, path, options);
  let extraRules: Rule[] = [];
  const ruleFailures: LintResult['ruleFailures'] = [];
  if (options.shellcheckRunner || options.shellcheck) {
    // Loaded only when ShellCheck runs: it spawns a process and writes temp files.
    const { shellcheckRules } = await import('./shellcheck/shellcheck.js');
    const { runShellcheck } = await import('./shellcheck/runner.js');
    try {
      const found = options.shellcheckRunner ? options.shellcheckRunner.check(model.parsed) : runShellcheck(model.parsed, options.shellcheck!);
      extraRules = shellcheckRules(await found);
    } catch (error) {
      ruleFailures.push({ ruleId: 'shellcheck', message: (error as Error).message });
    }
  }
  const rules = [...(options.rules ?? allRules), ...extraRules];
  const result = runRules(model, rules, options.config ?? DEFAULT_CONFIG, options.knownRules ? [...options.knownRules, ...extraRules] : rules);
  return { path, parsed: model.parsed, model, findings: result.findings, ruleFailures: [...ruleFailures, ...result.ruleFailures], extraRules };
}
