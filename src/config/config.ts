/**
 * `.layerlint.yaml`: found from the Dockerfile's folder upward (stopping at the repository root),
 * or given with --config. YAML only (parsed as data: no format that can run code), validated
 * against schema/config.schema.json.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_NAMES, DEFAULT_CONFIG, type Config, type Profile, type Threshold } from '../core/config.js';
import { closestRuleName, closestSelector, isKnownSelector, isRuleName } from '../runner/selection.js';
import { allRules } from '../../rules/index.js';
import { fileErrorInWords, UserError } from '../util/errors.js';
import { validate as validateGenerated } from './config-validator.generated.js';

/** The nearest config file from `startDir` upward; stops after a folder holding `.git`. */
export function findConfigFile(startDir: string): string | null {
  return configFileFinder()(startDir);
}

/**
 * findConfigFile with a memory of the folders it has looked at: in a batch, Dockerfiles share
 * parent folders, and each folder is looked at once (2,000 Dockerfiles in sibling folders: ~80 ms of
 * existsSync calls before, measured).
 */
export function configFileFinder(): (startDir: string) => string | null {
  const known = new Map<string, string | null>();
  return (startDir) => {
    const visited: string[] = [];
    let found: string | null = null;
    for (let dir = resolve(startDir); ;) {
      if (known.has(dir)) {
        found = known.get(dir)!;
        break;
      }
      visited.push(dir);
      found = CONFIG_NAMES.map((name) => join(dir, name)).find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
      const parent = dirname(dir);
      if (found || existsSync(join(dir, '.git')) || parent === dir) break;
      dir = parent;
    }
    for (const dir of visited) known.set(dir, found);
    return found;
  };
}

export interface ConfigLookup {
  /** The config file for a Dockerfile in `folder`, or null when none applies. */
  fileFor(folder: string): string | null;
  /** The config for a Dockerfile in `folder`: the file's, or the defaults. Rejects with a UserError on an invalid file. */
  configFor(folder: string): Promise<Config>;
}

/**
 * The one way lint, measure and the language server find a Dockerfile's config: the file given with
 * --config when there is one, else the nearest config file from the Dockerfile's folder upward.
 * `remember`: keep what was found and loaded for the lookup's lifetime (a batch lint, where Dockerfiles
 * share folders and configs); the language server does not, so an edited config takes effect at once.
 */
export function configLookup(options: { explicit?: string | null; remember: boolean }): ConfigLookup {
  const findUpward = options.remember ? configFileFinder() : findConfigFile;
  const loaded = new Map<string, Promise<Config>>();
  const fileFor = (folder: string) => options.explicit ?? findUpward(folder);
  return {
    fileFor,
    configFor(folder) {
      const file = fileFor(folder);
      if (!file) return Promise.resolve(DEFAULT_CONFIG);
      if (!options.remember) return loadConfig(file);
      if (!loaded.has(file)) loaded.set(file, loadConfig(file));
      return loaded.get(file)!;
    },
  };
}

type SchemaError = { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> };

/**
 * schema/config.schema.json's validator, compiled by ajv when the schema changes
 * (scripts/config-validator.mjs) rather than at every start: loading ajv and compiling the schema took
 * ~50 ms of every lint that reads a config (2 cores; a one-file lint with one went from 146 to 81 ms).
 */
const validateConfig = validateGenerated as unknown as ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** ajv's error → `rules.multiple-cmd: must be one of off, error, …`. */
function describeError(error: SchemaError): string {
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    return `unknown key '${path ? `${path}.` : ''}${key}'`;
  }
  if (error.keyword === 'enum') {
    return `'${path}' must be one of ${(error.params.allowedValues as string[]).join(', ')}`;
  }
  return `'${path || '(top level)'}' ${error.message ?? 'is invalid'}`;
}

export async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read config ${file}: ${fileErrorInWords(error)}`);
  }
  // Named exports under tsc/Node, a default object once esbuild bundles the CommonJS build.
  const yaml = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
  const parse = yaml.parse ?? yaml.default!.parse;
  let data: unknown;
  try {
    data = text.trim() === '' ? {} : parse(text, { schema: 'core' });
  } catch (error) {
    throw new UserError(`invalid config ${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (data === null || data === undefined) data = {};
  if (!validateConfig(data)) {
    throw new UserError(`invalid config ${file}: ${describeError(validateConfig.errors![0])}`);
  }
  const raw = data as Record<string, unknown>;
  for (const name of (raw['extend-select'] as string[] | undefined) ?? []) {
    if (!isKnownSelector(name, allRules)) {
      const nearest = closestSelector(name, allRules);
      throw new UserError(`invalid config ${file}: 'extend-select' names an unknown rule or group '${name}'${nearest ? ` (did you mean ${nearest}?)` : ''}`);
    }
  }
  checkRuleNames(raw, file);
  return {
    failureThreshold: (raw['failure-threshold'] as Threshold | undefined) ?? null,
    extends: (raw.extends as Profile | undefined) ?? 'recommended',
    select: null,
    extendSelect: (raw['extend-select'] as string[] | undefined) ?? [],
    ignored: (raw.ignored as string[] | undefined) ?? [],
    rules: (raw.rules as Config['rules'] | undefined) ?? {},
    trustedRegistries: (raw['trusted-registries'] as string[] | undefined) ?? [],
    labelSchema: (raw['label-schema'] as Config['labelSchema'] | undefined) ?? {},
    strictLabels: (raw['strict-labels'] as boolean | undefined) ?? false,
    disableIgnorePragma: (raw['disable-ignore-pragma'] as boolean | undefined) ?? false,
    source: file,
  };
}

/** A mistyped rule in `ignored:` or `rules:` would change nothing and say nothing: it is an error, with the nearest name. */
function checkRuleNames(raw: Record<string, unknown>, file: string): void {
  for (const name of (raw.ignored as string[] | undefined) ?? []) {
    if (isRuleName(name, allRules)) continue;
    const nearest = closestRuleName(name, allRules);
    throw new UserError(`invalid config ${file}: 'ignored' names an unknown rule '${name}'${nearest ? ` (did you mean ${nearest}?)` : ''}`);
  }
  const ids = new Set(allRules.map((rule) => rule.meta.id));
  for (const name of Object.keys((raw.rules as Record<string, unknown> | undefined) ?? {})) {
    if (ids.has(name) || /^SC\d{4}$/.test(name)) continue;
    // `rules:` is keyed by rule id; a hadolint code or BuildKit name is pointed at its rule.
    const rule = allRules.find((candidate) => [...(candidate.meta.hadolint ?? []), ...(candidate.meta.buildkit ?? [])].includes(name));
    const hint = rule
      ? ` (${name} is rule ${rule.meta.id}: write that id)`
      : closestRuleName(name, allRules)
        ? ` (did you mean ${closestRuleName(name, allRules)}?)`
        : '';
    throw new UserError(`invalid config ${file}: 'rules' names an unknown rule '${name}'${hint}`);
  }
}
