/**
 * What a rule is and what it reports. A rule module (rules/<id>.ts) exports
 * `{ meta, check }`: meta describes it, check reads the model and calls context.report().
 */
import type { Category, FixSafety, LabelFormat, ReportInput, Severity } from '../core/findings.js';
import type { ParsedDockerfile } from '../parse/types.js';
import type { LayerModel } from '../model/types.js';

export interface RuleMeta {
  /** Stable kebab-case id: it appears in suppressions, configs and SARIF. Never rename. */
  id: string;
  category: Category;
  severity: Severity;
  /**
   * On in the default profile (`recommended`)? Only rules whose findings experts act on: precise, and
   * about cache, size, a build that breaks, runtime behaviour or security. The rest run with
   * `extends: strict`, `--extend-select <id>` or a severity in `rules:`.
   */
  recommended: boolean;
  /** Why an opt-in rule is off by default (one sentence, shown by `layerlint rules` and the docs). */
  optInBecause?: string;
  /** One sentence: what the rule finds. */
  description: string;
  /** hadolint codes this rule stands for, so `# hadolint ignore=DLxxxx` suppresses it. */
  hadolint?: string[];
  /** BuildKit check names this rule stands for, so `# check=skip=Name` suppresses it. */
  buildkit?: string[];
  /**
   * For a rule whose fixes have edits: whether they are safe (`lint --fix` applies them) or unsafe (only
   * with `--unsafe-fixes`); `mixed` when each fix says (Fix.safety), the ones that do not being unsafe.
   * Edits of a rule that does not say are taken as unsafe.
   */
  fixSafety?: FixSafety | 'mixed';
}

export interface RuleSettings {
  trustedRegistries: string[];
  /** Required labels and the format of their values (`.layerlint.yaml` label-schema). */
  labelSchema: Record<string, LabelFormat>;
  strictLabels: boolean;
}

export interface RuleContext {
  model: LayerModel;
  parsed: ParsedDockerfile;
  settings: RuleSettings;
  /** Every rule of this run, selected or not (for rules about rule names, as in suppression comments). */
  knownRules: readonly Rule[];
  report(finding: ReportInput): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
