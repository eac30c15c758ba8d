/**
 * Run rules over a layer model: apply the config (off, severity overrides, ignored), drop
 * suppressed findings, and return them sorted by position.
 */
import type { Config } from '../config/config.js';
import type { LayerModel } from '../model/types.js';
import { collectSuppressions, isSuppressed } from './suppressions.js';
import type { Finding, Rule, RuleContext, Severity } from './types.js';

export interface RuleRunResult {
  findings: Finding[];
  /** Rules that threw: a bug in layerlint, reported on stderr without stopping the run. */
  ruleFailures: { ruleId: string; message: string }[];
}

/** Is this rule ignored by the config, under its id or one of its hadolint/BuildKit names? */
function isIgnored(rule: Rule, config: Config): boolean {
  const names = [rule.meta.id, ...(rule.meta.hadolint ?? []), ...(rule.meta.buildkit ?? [])];
  return names.some((name) => config.ignored.includes(name)) || config.rules[rule.meta.id] === 'off';
}

export function effectiveSeverity(rule: Rule, config: Config): Severity {
  const override = config.rules[rule.meta.id];
  return override && override !== 'off' ? override : rule.meta.severity;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line
    || a.range.start.character - b.range.start.character
    || a.ruleId.localeCompare(b.ruleId);
}

export function runRules(model: LayerModel, rules: Rule[], config: Config): RuleRunResult {
  const parsed = model.parsed;
  const suppressions = config.disableIgnorePragma ? null : collectSuppressions(parsed, rules);
  const findings: Finding[] = [];
  const ruleFailures: RuleRunResult['ruleFailures'] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (isIgnored(rule, config)) continue;
    const severity = effectiveSeverity(rule, config);
    const context: RuleContext = {
      model,
      parsed,
      settings: { trustedRegistries: config.trustedRegistries, labelSchema: config.labelSchema, strictLabels: config.strictLabels },
      report(input) {
        if (suppressions && isSuppressed(suppressions, parsed, rule.meta.id, input.range.start.line)) return;
        const key = `${rule.meta.id}|${input.range.start.line}:${input.range.start.character}|${input.message}`;
        if (seen.has(key)) return;
        seen.add(key);
        findings.push({
          ruleId: rule.meta.id,
          severity,
          message: input.message,
          range: input.range,
          related: input.related ?? [],
          fix: input.fix ?? null,
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
  return { findings: findings.sort(compareFindings), ruleFailures };
}
