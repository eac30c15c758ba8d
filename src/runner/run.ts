/**
 * Run rules over a layer model: apply the config (off, severity overrides, ignored), drop
 * suppressed findings, and return them sorted by position.
 */
import type { Config } from '../core/config.js';
import type { LayerModel } from '../model/types.js';
import { collectSuppressions, isSuppressed } from './suppressions.js';
import type { Finding, Severity } from '../core/findings.js';
import type { Rule, RuleContext } from './types.js';
import { compareCodeUnits } from '../util/order.js';
import { isSelected } from './selection.js';

export interface RuleRunResult {
  findings: Finding[];
  /** Rules that threw: a bug in layerlint, reported on stderr without stopping the run. */
  ruleFailures: { ruleId: string; message: string }[];
}

/**
 * Is this rule off under the config: not in the selected profile, or ignored as a whole (under its id,
 * a BuildKit name, or every one of its hadolint codes)? A rule standing for several hadolint codes, like
 * unpinned-package for DL3008 and DL3013, stays on when only some are ignored; findingIgnored() then
 * drops the findings of those.
 */
function isOff(rule: Rule, config: Config): boolean {
  if (!isSelected(rule, config)) return true;
  if (config.ignored.length === 0) return config.rules[rule.meta.id] === 'off';
  const codes = rule.meta.hadolint ?? [];
  return (
    [rule.meta.id, ...(rule.meta.buildkit ?? [])].some((name) => config.ignored.includes(name)) ||
    (codes.length > 0 && codes.every((code) => config.ignored.includes(code))) ||
    config.rules[rule.meta.id] === 'off'
  );
}

/** A finding of a rule with several hadolint codes, whose own code (or, if it names none, any of the rule's codes) is ignored. */
function findingIgnored(rule: Rule, code: string | undefined, config: Config): boolean {
  if (config.ignored.length === 0) return false;
  const codes = rule.meta.hadolint ?? [];
  return code !== undefined ? config.ignored.includes(code) : codes.some((c) => config.ignored.includes(c));
}

export function effectiveSeverity(rule: Rule, config: Config): Severity {
  const override = config.rules[rule.meta.id];
  return override && override !== 'off' ? override : rule.meta.severity;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || compareCodeUnits(a.ruleId, b.ruleId);
}

/**
 * The severity each rule runs with under a config, null when the config turns it off. Worked out
 * once per config and rule, not for every file: a batch lints thousands of files with one config
 * (looking a rule's id up in config.rules for each file was 1.5 % of a lint).
 */
const severitiesByConfig = new WeakMap<Config, Map<Rule, Severity | null>>();

function severityUnder(rule: Rule, config: Config): Severity | null {
  let severities = severitiesByConfig.get(config);
  if (!severities) severitiesByConfig.set(config, (severities = new Map()));
  let severity = severities.get(rule);
  if (severity === undefined) severities.set(rule, (severity = isOff(rule, config) ? null : effectiveSeverity(rule, config)));
  return severity;
}

/** `knownRules`: every rule of the run, selected or not (default: `rules`); a test may run one rule among all. */
export function runRules(model: LayerModel, rules: Rule[], config: Config, knownRules: readonly Rule[] = rules): RuleRunResult {
  const parsed = model.parsed;
  const suppressions = config.disableIgnorePragma ? null : collectSuppressions(parsed, knownRules);
  const findings: Finding[] = [];
  const ruleFailures: RuleRunResult['ruleFailures'] = [];
  const seen = new Set<string>();
  const settings = { trustedRegistries: config.trustedRegistries, labelSchema: config.labelSchema, strictLabels: config.strictLabels };
  for (const rule of rules) {
    const severity = severityUnder(rule, config);
    if (severity === null) continue;
    const context: RuleContext = {
      model,
      parsed,
      settings,
      knownRules,
      report(input) {
        // The hadolint code of this very finding, for rules that stand for several (properties.hadolint).
        const code = typeof input.properties?.hadolint === 'string' ? input.properties.hadolint : undefined;
        if (findingIgnored(rule, code, config)) return;
        if (suppressions && isSuppressed(suppressions, parsed, rule.meta.id, input.range.start.line, code)) return;
        const key = `${rule.meta.id}|${input.range.start.line}:${input.range.start.character}|${input.message}`;
        if (seen.has(key)) return;
        seen.add(key);
        findings.push({
          ruleId: rule.meta.id,
          severity,
          message: input.message,
          range: input.range,
          related: input.related ?? [],
          fix: input.fix?.edits?.length
            ? { ...input.fix, safety: input.fix.safety ?? (rule.meta.fixSafety === 'safe' ? 'safe' : 'unsafe') }
            : (input.fix ?? null),
          properties: input.properties ?? {},
        });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      ruleFailures.push({ ruleId: rule.meta.id, message: (error as Error).message });
    }
  }
  return { findings: withoutFindingsOnRejectedInstructions(findings, parsed).sort(compareFindings), ruleFailures };
}

/**
 * Where docker build stops on an instruction (a parse-error finding), other findings about that same
 * instruction are dropped: Docker never reads it as they assume (`CMD [1, 2]` is no shell-form CMD,
 * `ONBUILD FROM x` needs saying once), and the fix comes first.
 */
function withoutFindingsOnRejectedInstructions(findings: Finding[], parsed: LayerModel['parsed']): Finding[] {
  const rejectedLines = findings.filter((finding) => finding.ruleId === 'parse-error').map((finding) => finding.range.start.line);
  if (rejectedLines.length === 0) return findings;
  const rejected = parsed.instructions.filter((instruction) =>
    rejectedLines.some((line) => line >= instruction.range.start.line && line <= instruction.range.end.line),
  );
  if (rejected.length === 0) return findings;
  return findings.filter(
    (finding) =>
      finding.ruleId === 'parse-error' ||
      !rejected.some((instruction) => finding.range.start.line >= instruction.range.start.line && finding.range.start.line <= instruction.range.end.line),
  );
}
