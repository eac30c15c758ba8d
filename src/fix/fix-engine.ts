/**
 * `lint --fix`: apply the findings' fix edits to a Dockerfile's text, re-lint, and go on until nothing
 * more applies (a fixed point, at most MAX_PASSES rounds). Used by the command line and the language
 * server's "fix all" alike.
 *
 * Each round takes the fixes allowed (safe ones; unsafe ones too with `unsafe`) in the order of the
 * file, and leaves out any whose edits overlap an edit already taken: it waits for the next round,
 * where it is found again on the text the others left. A round's text is checked before it is kept:
 * when it gains an error-level finding (a parse error among them) that the text before did not have,
 * each fix of the round is tried alone, and the ones that break the file are refused, with the reason.
 * Bytes outside the edits are never touched (src/core/text-edits.ts), and added lines end as the file's do.
 */
import type { Finding, FixSafety } from '../core/findings.js';
import { applyTextEdits, editOffsets, editsOverlap } from '../core/text-edits.js';
import { inLineEndings, lineEndingOf } from './line-endings.js';

export const MAX_PASSES = 10;

/** Lints a text and gives its findings (the caller's config, context and rules). */
export type LintForFix = (text: string) => Promise<Finding[]>;

export interface FixRecord {
  ruleId: string;
  /** 1-based line of the finding, in the text of the round that applied or refused it. */
  line: number;
  description: string;
  safety: FixSafety;
}

export interface RefusedFix extends FixRecord {
  why: string;
}

export interface FixOutcome {
  /** The text with every fix applied that could be; the input itself when none could. */
  text: string;
  applied: FixRecord[];
  refused: RefusedFix[];
  /** The findings of the final text. */
  remaining: Finding[];
  passes: number;
}

export interface FixOptions {
  /** Apply unsafe fixes too (`--unsafe-fixes`). */
  unsafe: boolean;
}

function allowed(finding: Finding, options: FixOptions): boolean {
  if (!finding.fix?.edits?.length) return false;
  return finding.fix.safety === 'safe' || options.unsafe;
}

/** A finding's identity across rounds, for fixes refused once: not tried again. */
function refusalKey(finding: Finding, text: string): string {
  const edits = finding.fix!.edits!.map((edit) => {
    const { start, end } = editOffsets(text, edit);
    return `${text.slice(start, end)}→${edit.newText}`;
  });
  return `${finding.ruleId}|${edits.join('|')}`;
}

function record(finding: Finding): FixRecord {
  return { ruleId: finding.ruleId, line: finding.range.start.line + 1, description: finding.fix!.description, safety: finding.fix!.safety ?? 'unsafe' };
}

/** Error-level findings per rule: a round may not add one the text before did not have. */
function errorCounts(findings: Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) if (finding.severity === 'error') counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

function gainedError(before: Map<string, number>, after: Finding[]): string | null {
  for (const [ruleId, count] of errorCounts(after)) {
    if (count > (before.get(ruleId) ?? 0)) return ruleId === 'parse-error' ? 'the fixed file no longer parses' : `the fixed file gains an error (${ruleId})`;
  }
  return null;
}

/** The fixes of one round that can be applied together: no two edit the same text. */
function compatibleFixes(text: string, findings: Finding[]): Finding[] {
  const taken: { start: number; end: number }[] = [];
  const chosen: Finding[] = [];
  for (const finding of findings) {
    const spans = finding.fix!.edits!.map((edit) => editOffsets(text, edit));
    // A fix whose own edits overlap cannot be applied at all; one that overlaps another waits a round.
    const selfOverlap = spans.some((a, i) => spans.some((b, j) => i < j && editsOverlap(a, b)));
    if (selfOverlap || spans.some((span) => taken.some((other) => editsOverlap(span, other)))) continue;
    taken.push(...spans);
    chosen.push(finding);
  }
  return chosen;
}

export async function fixText(original: string, lintText: LintForFix, options: FixOptions): Promise<FixOutcome> {
  // Rules write their edits with `\n`; a CRLF file gets CRLF in the lines a fix adds (src/fix/line-endings.ts).
  const eol = lineEndingOf(original);
  const lint = async (candidate: string) => inLineEndings(await lintText(candidate), eol);
  let text = original;
  let findings = await lint(text);
  const applied: FixRecord[] = [];
  const refused: RefusedFix[] = [];
  const refusedKeys = new Set<string>();
  let passes = 0;
  while (passes < MAX_PASSES) {
    const candidates = findings.filter((finding) => allowed(finding, options) && !refusedKeys.has(refusalKey(finding, text)));
    const round = compatibleFixes(text, candidates);
    if (round.length === 0) break;
    passes++;
    const errorsBefore = errorCounts(findings);
    let next = applyTextEdits(
      text,
      round.flatMap((finding) => finding.fix!.edits!),
    );
    let nextFindings = await lint(next);
    let kept = round;
    if (gainedError(errorsBefore, nextFindings) !== null) {
      // Some fix of the round breaks the file: try each alone, keep the ones that do not.
      kept = [];
      for (const finding of round) {
        const alone = await lint(applyTextEdits(text, finding.fix!.edits!));
        const why = gainedError(errorsBefore, alone);
        if (why === null) kept.push(finding);
        else {
          refused.push({ ...record(finding), why });
          refusedKeys.add(refusalKey(finding, text));
        }
      }
      next = applyTextEdits(
        text,
        kept.flatMap((finding) => finding.fix!.edits!),
      );
      nextFindings = kept.length > 0 ? await lint(next) : findings;
      const why = kept.length > 0 ? gainedError(errorsBefore, nextFindings) : null;
      if (why !== null) {
        // Each is fine alone but not together: refuse them all this time rather than guess.
        for (const finding of kept) {
          refused.push({ ...record(finding), why: `${why} together with the other fixes of its round` });
          refusedKeys.add(refusalKey(finding, text));
        }
        kept = [];
        next = text;
        nextFindings = findings;
      }
    }
    applied.push(...kept.map(record));
    text = next;
    findings = nextFindings;
  }
  return { text, applied, refused, remaining: findings, passes };
}
