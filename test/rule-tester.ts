/**
 * The rule tester: a rule's tests as one table of cases, as ESLint's RuleTester has them.
 *
 *   ruleTester(rule, {
 *     valid: ['FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n'],
 *     invalid: [{ code: 'FROM debian:12\nRUN apt-get install -y curl\n', findings: [{ line: 2, message: /--no-install-recommends/ }],
 *                 output: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n' }],
 *   });
 *
 * Each case is a jest test that lints its code with this rule alone (and parse-error, whose findings
 * decide which instructions Docker rejects, as in a real run), with every rule on (`extends: strict`)
 * unless the case gives a config. A valid case has no finding. An invalid case has exactly the findings
 * listed, in order: a number is a 1-based line; an object may also say the column, the end, the message
 * (exact text or a pattern), the severity and the lines of the related locations. `output` is the text
 * after applying every edit of the findings' fixes (null: no finding offers edits).
 */
import { describe, expect, test } from '@jest/globals';
import { lintText, type LintOptions } from '../src/lint.js';
import { defaultConfig, type Config } from '../src/core/config.js';
import type { Finding, Severity, TextEdit } from '../src/core/findings.js';
import { applyTextEdits } from '../src/core/text-edits.js';
import type { Rule } from '../src/runner/types.js';
import parseError from '../rules/parse-error.js';
import { allRules } from '../rules/index.js';

const STRICT: Config = Object.freeze({ ...defaultConfig(), extends: 'strict' as const });

export interface ExpectedFinding {
  /** 1-based line where the finding starts. */
  line: number;
  /** 1-based column where it starts. */
  column?: number;
  endLine?: number;
  endColumn?: number;
  message?: string | RegExp;
  severity?: Severity;
  /** 1-based lines of its related locations, in order. */
  related?: number[];
}

interface CaseBase {
  /** What the case shows; defaults to the code's first instruction after FROM. */
  name?: string;
  code: string;
  /** Lint options: a build context, a target, a config (default: every rule on). */
  options?: LintOptions;
}

export type ValidCase = string | CaseBase;

export interface InvalidCase extends CaseBase {
  findings: (number | ExpectedFinding)[];
  /** The text after applying the fixes' edits; null when no finding offers edits; unchecked when absent. */
  output?: string | null;
}

/** The findings of `rule` alone on `code`. */
export async function lintRule(rule: Rule, code: string, options: LintOptions = {}): Promise<Finding[]> {
  const rules = rule === parseError ? [rule] : [rule, parseError];
  const result = await lintText(code, 'Dockerfile', { config: STRICT, ...options, rules, knownRules: allRules });
  if (result.ruleFailures.length > 0) throw new Error(`${rule.meta.id} threw: ${result.ruleFailures.map((failure) => failure.message).join('; ')}`);
  return result.findings.filter((finding) => finding.ruleId === rule.meta.id);
}

/** The 1-based lines of the findings of `rule` alone on `code`, for compact assertions. */
export async function ruleHits(rule: Rule, code: string, options: LintOptions = {}): Promise<number[]> {
  return (await lintRule(rule, code, options)).map((finding) => finding.range.start.line + 1);
}

/** Every fix edit of the findings applied to the code, or null when none has edits. */
export function fixedText(code: string, findings: Finding[]): string | null {
  const edits: TextEdit[] = findings.flatMap((finding) => finding.fix?.edits ?? []);
  return edits.length === 0 ? null : applyTextEdits(code, edits);
}

function title(testCase: ValidCase): string {
  if (typeof testCase !== 'string' && testCase.name) return testCase.name;
  const code = typeof testCase === 'string' ? testCase : testCase.code;
  const lines = code
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const shown = (lines.find((line) => !/^from\s/i.test(line)) ?? lines[0] ?? '(empty)').replace(/\s+/g, ' ');
  return shown.length > 70 ? `${shown.slice(0, 69)}…` : shown;
}

/** The finding as the expectation describes it: only the facts the expectation states. */
function asExpected(finding: Finding, expected: ExpectedFinding): Record<string, unknown> {
  const actual: Record<string, unknown> = { line: finding.range.start.line + 1 };
  if (expected.column !== undefined) actual.column = finding.range.start.character + 1;
  if (expected.endLine !== undefined) actual.endLine = finding.range.end.line + 1;
  if (expected.endColumn !== undefined) actual.endColumn = finding.range.end.character + 1;
  if (expected.message !== undefined) actual.message = finding.message;
  if (expected.severity !== undefined) actual.severity = finding.severity;
  if (expected.related !== undefined) actual.related = finding.related.map((related) => related.range.start.line + 1);
  return actual;
}

function expectation(expected: ExpectedFinding): Record<string, unknown> {
  const { message, ...rest } = expected;
  return message === undefined ? rest : { ...rest, message: typeof message === 'string' ? message : expect.stringMatching(message) };
}

export function ruleTester(rule: Rule, cases: { valid?: ValidCase[]; invalid?: InvalidCase[] }): void {
  describe(`${rule.meta.id} (rule tester)`, () => {
    for (const testCase of cases.valid ?? []) {
      const { code, options } = typeof testCase === 'string' ? { code: testCase, options: undefined } : testCase;
      test(`valid: ${title(testCase)}`, async () => {
        const found = await lintRule(rule, code, options);
        expect(found.map((finding) => `${finding.range.start.line + 1}: ${finding.message}`)).toEqual([]);
      });
    }
    for (const testCase of cases.invalid ?? []) {
      test(`invalid: ${title(testCase)}`, async () => {
        if (testCase.findings.length === 0) throw new Error('an invalid case lists at least one finding (a case without any is valid)');
        const found = await lintRule(rule, testCase.code, testCase.options);
        const expected = testCase.findings.map((entry) => (typeof entry === 'number' ? { line: entry } : entry));
        // Compared as lists: a missing, extra or misplaced finding shows in one diff.
        expect(found.map((finding, i) => asExpected(finding, expected[i] ?? { line: 0 }))).toEqual(expected.map(expectation));
        if (testCase.output !== undefined) expect(fixedText(testCase.code, found)).toBe(testCase.output);
      });
    }
  });
}
