/**
 * The usual `layerlint lint` command lines, read without yargs. Loading, building and running yargs
 * took ~8 ms of a one-file lint's ~45 ms above bare Node (2 cores, Node 20): more than parsing the
 * Dockerfile and running every rule on it. Node's own parseArgs (node:util) reads the same options
 * from the same table (src/cli/lint-options.ts) in well under a millisecond.
 *
 * This parser only says yes when it is sure yargs would read the line the same way; anything else
 * (help, --version, another command, an unknown or repeated option, a choice not on the list, a short
 * option with its value attached, `--`, a word yargs might read as a value) returns null and yargs
 * reads the line, with its help and its error messages. test/quick-lint-args.test.ts checks the two
 * against each other on generated command lines.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LINT_OPTIONS, type LintArgs, type LintOptionName } from './lint-options.js';
import { COMMANDS, REPEATABLE_OPTIONS } from './option-checks.js';

/** The commands that are not lint: their lines go to yargs. */
const OTHER_COMMANDS: ReadonlySet<string> = new Set(COMMANDS.filter((command) => command !== 'lint'));

/** Prefix parseArgs is told about for each boolean option: Node 20's parseArgs has no `--no-` form of its own. */
const NEGATION = 'no-';

type OptionDefinition = (typeof LINT_OPTIONS)[LintOptionName] & { alias?: string; type?: string; choices?: readonly string[]; default?: unknown };

const definitions = Object.entries(LINT_OPTIONS) as [LintOptionName, OptionDefinition][];

function parseArgsOptions(): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, definition] of definitions) {
    const boolean = definition.type === 'boolean';
    options[name] = {
      type: boolean ? 'boolean' : 'string',
      multiple: REPEATABLE_OPTIONS.has(name),
      ...(definition.alias ? { short: definition.alias } : {}),
    };
    if (boolean) options[`${NEGATION}${name}`] = { type: 'boolean' };
  }
  return options;
}

const camelCase = (name: string): string => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * Words yargs reads differently from parseArgs: `true` and `false` after a boolean option are its
 * value to yargs, a file name to parseArgs.
 */
const YARGS_VALUE_WORDS = new Set(['true', 'false']);

/** The parsed lint command line, or null when yargs must read it. */
export function quickLintArgs(argv: readonly string[]): LintArgs | null {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: parseArgsOptions(), allowPositionals: true, strict: true, tokens: true });
  } catch {
    return null; // an unknown option, a value missing: yargs says what is wrong
  }
  const given = new Map<LintOptionName, unknown>();
  for (const token of parsed.tokens) {
    if (token.kind === 'option-terminator') return null;
    if (token.kind === 'positional') {
      if (YARGS_VALUE_WORDS.has(token.value)) return null;
      continue;
    }
    // One option per word, as `--name`, `--name=value` or `-x value`: no `-xvalue`, no `-xy`.
    const word = argv[token.index];
    if (word !== token.rawName && !(token.rawName.startsWith('--') && word === `${token.rawName}=${token.value}`)) return null;
    const negated = !(token.name in LINT_OPTIONS);
    const name = (negated ? token.name.slice(NEGATION.length) : token.name) as LintOptionName;
    // Given twice: yargs refuses it (src/cli/option-checks.ts), or for a boolean has its own way to choose.
    if (given.has(name) && !REPEATABLE_OPTIONS.has(name)) return null;
    const value = token.value ?? !negated;
    const definition: OptionDefinition = LINT_OPTIONS[name];
    if (definition.choices && !definition.choices.includes(value as string)) return null;
    given.set(name, REPEATABLE_OPTIONS.has(name) ? [...((given.get(name) as string[] | undefined) ?? []), value] : value);
  }

  const positionals = [...parsed.positionals];
  if (positionals[0] === 'lint') positionals.shift();
  else if (positionals[0] !== undefined && OTHER_COMMANDS.has(positionals[0])) return null;

  const args: Record<string, unknown> = { files: positionals };
  for (const [name, definition] of definitions) {
    const value = given.has(name) ? given.get(name) : definition.default;
    if (value !== undefined) args[camelCase(name)] = value;
  }
  return args as unknown as LintArgs;
}
