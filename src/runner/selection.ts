/**
 * Which rules run: a profile chosen by the config (`extends: recommended | strict`) or replaced on the
 * command line (`--select`), widened with `--extend-select` or a severity in `rules:`, and narrowed by
 * `ignored:` and `rules: {id: off}`. The default profile, `recommended`, holds only the rules whose
 * findings were worth acting on in real Dockerfiles (see each rule's meta.recommended); `strict` is every
 * rule and every ShellCheck code, as layerlint ran before it had profiles.
 *
 * A selector is a profile (recommended, strict, all), a category (cache, size, …), a rule id, a hadolint
 * code (DL3008), a BuildKit check name (JSONArgsRecommended), `SC` (every ShellCheck code) or one
 * ShellCheck code (SC2086). Names are matched case-insensitively.
 */
import { PROFILES, type Profile } from '../core/config.js';
import { CATEGORIES } from '../core/findings.js';
import type { Rule } from './types.js';
import { closestName } from '../util/names.js';

/** `all` is ruff's word for the same thing as strict: every rule. */
const EVERY_RULE = new Set(['strict', 'all']);

const SHELLCHECK_CODE = /^sc\d{4}$/;

/** Does this selector name this rule (or a group the rule belongs to)? */
export function selects(selector: string, rule: Rule): boolean {
  const name = selector.toLowerCase();
  const { meta } = rule;
  if (EVERY_RULE.has(name)) return true;
  if (name === 'recommended') return meta.recommended;
  if (name === 'sc') return SHELLCHECK_CODE.test(meta.id.toLowerCase());
  if (name === meta.category || name === meta.id.toLowerCase()) return true;
  return [...(meta.hadolint ?? []), ...(meta.buildkit ?? [])].some((alias) => alias.toLowerCase() === name);
}

/**
 * Is this a name a selector may use? Rule ids, hadolint codes and BuildKit names come from `rules`;
 * every ShellCheck code is valid, since which ones a file produces is only known once it is checked.
 */
export function isKnownSelector(selector: string, rules: Rule[]): boolean {
  const name = selector.toLowerCase();
  if (EVERY_RULE.has(name) || name === 'recommended' || name === 'sc' || SHELLCHECK_CODE.test(name)) return true;
  if ((CATEGORIES as readonly string[]).includes(name)) return true;
  return rules.some((rule) => selects(name, rule));
}

/** Every name of every rule: ids, hadolint codes, BuildKit check names. */
function ruleNames(rules: Rule[]): string[] {
  return rules.flatMap((rule) => [rule.meta.id, ...(rule.meta.hadolint ?? []), ...(rule.meta.buildkit ?? [])]);
}

/**
 * Is this the name of a rule, as `ignored:`, `rules:`, `--ignore` and pragmas take them: an id, a hadolint
 * code or a BuildKit check name, written as the rule writes it, or any ShellCheck code (SC2086).
 */
export function isRuleName(name: string, rules: Rule[]): boolean {
  return /^SC\d{4}$/.test(name) || ruleNames(rules).includes(name);
}

/** The nearest rule name to a mistyped one (edit distance ≤ 2, or the same letters in other case). */
export function closestRuleName(name: string, rules: Rule[]): string | null {
  return nearest(name, ruleNames(rules));
}

/** The nearest known name to a mistyped one (edit distance ≤ 2), for "did you mean …". */
export function closestSelector(selector: string, rules: Rule[]): string | null {
  return nearest(selector, [...PROFILES, 'all', ...CATEGORIES, ...ruleNames(rules)]);
}

function nearest(mistyped: string, names: string[]): string | null {
  return closestName(mistyped, names) ?? null;
}

/** The part of a config that decides which rules run. */
export interface Selection {
  extends: Profile;
  /** Replaces the profile when set (`--select`). */
  select: string[] | null;
  /** Added to the profile or the selection (`--extend-select`). */
  extendSelect: string[];
  /** Per-rule severities from `rules:`: a severity turns an opt-in rule on, `off` turns any rule off. */
  rules: Record<string, string>;
}

/** Is the rule selected (before `ignored:` and `off`, which the rule runner applies)? */
export function isSelected(rule: Rule, selection: Selection): boolean {
  const base = selection.select ?? [selection.extends];
  if (base.some((selector) => selects(selector, rule))) return true;
  if (selection.extendSelect.some((selector) => selects(selector, rule))) return true;
  const severity = selection.rules[rule.meta.id];
  return severity !== undefined && severity !== 'off';
}
