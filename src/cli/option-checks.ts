/**
 * Checks of the command line that yargs does not make: options given twice, a mistyped command, rule
 * names, `--require-label` values. Each failure is one UserError line.
 */
import { existsSync } from 'node:fs';
import { LABEL_FORMATS, type LabelFormat } from '../core/findings.js';
import { closestRuleName, isRuleName } from '../runner/selection.js';
import { editDistance } from '../util/names.js';
import { allRules } from '../../rules/index.js';
import { UserError } from '../util/errors.js';

/**
 * The values of an option that may be given several times. (Not yargs' `array: true`, which would also
 * take the file names after it: `-o out.sarif Dockerfile`.)
 */
export function repeated(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** Options that may be given several times; any other given twice is refused, naming it. */
export const REPEATABLE_OPTIONS: ReadonlySet<string> = new Set([
  'files',
  'output',
  'ignore',
  'trusted-registry',
  'require-label',
  'build-arg',
  'select',
  'extend-select',
  'changed',
  'changed-arg',
]);

export function refuseRepeatedOptions(argv: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(argv)) {
    // yargs keeps each option under its name, its aliases and its camelCase form: the long name is checked.
    if (name.length < 2 || name === '$0' || /[A-Z]/.test(name) || REPEATABLE_OPTIONS.has(name) || !Array.isArray(value)) continue;
    throw new UserError(`--${name} was given ${value.length} times (${value.join(', ')}); give it once`);
  }
}

/** The commands src/cli/main.ts gives yargs (test/quick-lint-args.test.ts checks them against `--help`). */
export const COMMANDS = ['lint', 'layers', 'measure', 'lsp', 'rules'] as const;

/** `layerlint lnit Dockerfile`: a first word that is no file and is close to a command is a typo, not a Dockerfile. */
export function refuseMistypedCommand(files: string[]): void {
  const [first] = files;
  if (first === undefined || existsSync(first) || /[./\\]/.test(first)) return;
  const command = COMMANDS.find((name) => editDistance(first.toLowerCase(), name) <= 2);
  if (command) throw new UserError(`unknown command '${first}' (did you mean 'layerlint ${command}'?); run 'layerlint --help' for the commands`);
}

/** `--ignore` values: rule ids, hadolint codes, BuildKit check names; an unknown one is refused with the nearest name. */
export function ruleNameList(values: string[], option: string): string[] {
  const names = values
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!isRuleName(name, allRules)) {
      const nearest = closestRuleName(name, allRules);
      throw new UserError(`${option}: unknown rule '${name}'${nearest ? ` (did you mean ${nearest}?)` : ''}; run 'layerlint rules' for the list`);
    }
  }
  return names;
}

/** `--require-label org.opencontainers.image.source:url` (hadolint's LABEL:FORMAT; the format defaults to text). */
export function requiredLabels(values: string[]): Record<string, LabelFormat> {
  const labels: Record<string, LabelFormat> = {};
  for (const value of values) {
    const colon = value.lastIndexOf(':');
    const [name, format] = colon > 0 ? [value.slice(0, colon), value.slice(colon + 1)] : [value, 'text'];
    if (!(LABEL_FORMATS as readonly string[]).includes(format)) {
      throw new UserError(`--require-label ${value}: unknown format '${format}' (one of ${LABEL_FORMATS.join(', ')})`);
    }
    labels[name] = format as LabelFormat;
  }
  return labels;
}
