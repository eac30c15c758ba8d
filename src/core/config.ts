/**
 * What a config says, as every layer reads it: the rule runner applies it, src/config/ loads and checks
 * it, the CLI and the language server pass it on. Types and defaults only, so that the runner needs
 * nothing from the loader (which itself needs the runner's rule names to check a config).
 */
import type { LabelFormat, Severity } from './findings.js';

export const PROFILES = ['recommended', 'strict'] as const;
export type Profile = (typeof PROFILES)[number];

/** The names of a config file, looked for from a Dockerfile's folder upward. */
export const CONFIG_NAMES = ['.layerlint.yaml', '.layerlint.yml'];

export type Threshold = Severity | 'none';

export interface Config {
  failureThreshold: Threshold | null;
  /** The rule profile: `recommended` (the default: only rules that are precise and matter) or `strict` (every rule). */
  extends: Profile;
  /** Selectors that replace the profile (`--select`), or null to use it. */
  select: string[] | null;
  /** Selectors added to the profile (`--extend-select`). */
  extendSelect: string[];
  ignored: string[];
  /** Per-rule severity; a severity also turns on a rule the profile leaves off. */
  rules: Record<string, Severity | 'off'>;
  trustedRegistries: string[];
  /** Labels the final image must have, with the format of each value (hadolint's label-schema). */
  labelSchema: Record<string, LabelFormat>;
  /** With a label schema: labels outside it are reported too. */
  strictLabels: boolean;
  disableIgnorePragma: boolean;
  /** The file it came from, or null for the defaults. */
  source: string | null;
}

export function defaultConfig(): Config {
  return {
    failureThreshold: null,
    extends: 'recommended',
    select: null,
    extendSelect: [],
    ignored: [],
    rules: {},
    trustedRegistries: [],
    labelSchema: {},
    strictLabels: false,
    disableIgnorePragma: false,
    source: null,
  };
}

/**
 * The one config of every file without a config file, shared so that work done once per config
 * (the rules' severities, src/runner/run.ts) is done once per batch. Never changed.
 */
export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze(defaultConfig());
