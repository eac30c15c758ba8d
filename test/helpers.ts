import { lintText, modelDockerfile, type LintOptions } from '../src/lint.js';
import { parseDockerfile } from '../src/parse/dockerfile.js';
import { loadShellParser } from '../src/parse/shell.js';
import type { Finding } from '../src/core/findings.js';
import type { LayerModel } from '../src/model/types.js';
import type { ParsedDockerfile } from '../src/parse/types.js';
import { defaultConfig, type Config } from '../src/core/config.js';

/**
 * Every rule on (`extends: strict`): a rule's tests show what the rule finds whether or not it is in
 * the default profile. Tests of the default profile pass DEFAULT_CONFIG (or a config) themselves.
 */
export const STRICT_CONFIG: Config = Object.freeze({ ...defaultConfig(), extends: 'strict' as const });

/** Strip the common indentation of a template literal so fixtures read naturally in tests. */
export function dockerfile(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const indent = Math.min(
    ...text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => l.match(/^ */)![0].length),
  );
  return text
    .split('\n')
    .map((l) => l.slice(indent))
    .join('\n');
}

export async function parse(text: string): Promise<ParsedDockerfile> {
  await loadShellParser();
  return parseDockerfile(text, 'Dockerfile');
}

export async function model(text: string, options: LintOptions = {}): Promise<LayerModel> {
  return modelDockerfile(text, 'Dockerfile', options);
}

export async function findings(text: string, options: LintOptions = {}): Promise<Finding[]> {
  return (await lintText(text, 'Dockerfile', { config: STRICT_CONFIG, ...options })).findings;
}

/** Findings of one rule, as `line:ruleId` (1-based lines) for compact assertions. */
export async function hits(ruleId: string, text: string, options: LintOptions = {}): Promise<number[]> {
  return (await findings(text, options)).filter((f) => f.ruleId === ruleId).map((f) => f.range.start.line + 1);
}
