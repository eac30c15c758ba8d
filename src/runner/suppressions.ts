/**
 * Inline suppressions:
 *   # layerlint ignore=<id>[,<id>]          the next instruction
 *   # layerlint global ignore=<id>[,<id>]   the whole file
 *   # hadolint ignore=DL3008,SC2086         next instruction, mapped through each rule's meta.hadolint
 *   # hadolint global ignore=...            whole file
 *   # check=skip=JSONArgsRecommended        BuildKit: a parser directive (whole file) or above an instruction
 */
import type { Instruction, ParsedDockerfile } from '../parse/types.js';
import type { Rule } from './types.js';

export interface Suppressions {
  /** Rule ids suppressed for the whole file; '*' means all. `id#DL3008` suppresses only that code's findings. */
  global: Set<string>;
  /** Rule ids suppressed per instruction index (same forms). */
  byInstruction: Map<number, Set<string>>;
}

const PRAGMA = /^(layerlint|hadolint)\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+?)(\s+#.*)?$/;
const CHECK_SKIP = /^check\s*=\s*skip\s*=\s*([A-Za-z0-9_,\s]+)/;

/**
 * The rule names a `# layerlint [global] ignore=…` comment gives, with where the comment is; null for any
 * other comment. (hadolint's and BuildKit's comments may name their own checks that layerlint does not
 * have: those are theirs, not typos.)
 */
export function layerlintPragmaNames(text: string): string[] | null {
  const pragma = text.match(PRAGMA);
  if (!pragma || pragma[1] !== 'layerlint') return null;
  return pragma[3]
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Map a name from any tool's vocabulary to our rule ids; a layerlint pragma takes hadolint codes and BuildKit names too. */
function idsFor(name: string, tool: 'layerlint' | 'hadolint' | 'buildkit', rules: readonly Rule[]): string[] {
  if (tool === 'layerlint') {
    const alias = rules.find((rule) => [...(rule.meta.hadolint ?? []), ...(rule.meta.buildkit ?? [])].includes(name));
    return [alias ? alias.meta.id : name];
  }
  if (tool === 'hadolint' && /^SC\d+$/.test(name)) return [name];
  if (tool === 'buildkit' && name === 'all') return ['*'];
  return (
    rules
      .filter((rule) => (tool === 'hadolint' ? rule.meta.hadolint : rule.meta.buildkit)?.includes(name))
      // A hadolint code of a rule that stands for several codes suppresses that code's findings only.
      .map((rule) => (tool === 'hadolint' && (rule.meta.hadolint?.length ?? 0) > 1 ? `${rule.meta.id}#${name}` : rule.meta.id))
  );
}

/** Does a suppression set cover this finding? `code` is the finding's own hadolint code, if its rule gives one. */
function covers(ids: Set<string>, ruleId: string, code: string | undefined): boolean {
  if (ids.has('*') || ids.has(ruleId)) return true;
  if (code !== undefined) return ids.has(`${ruleId}#${code}`);
  // A finding that names no code: any of its rule's codes suppresses it.
  return [...ids].some((id) => id.startsWith(`${ruleId}#`));
}

function parseComment(text: string, rules: readonly Rule[]): { global: boolean; ids: string[] } | null {
  const pragma = text.match(PRAGMA);
  if (pragma) {
    const tool = pragma[1] as 'layerlint' | 'hadolint';
    const names = pragma[3]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return { global: Boolean(pragma[2]), ids: names.flatMap((name) => idsFor(name, tool, rules)) };
  }
  const check = text.match(CHECK_SKIP);
  if (check) {
    const names = check[1]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return { global: false, ids: names.flatMap((name) => idsFor(name, 'buildkit', rules)) };
  }
  return null;
}

export function collectSuppressions(parsed: ParsedDockerfile, rules: readonly Rule[]): Suppressions {
  const global = new Set<string>();
  const byInstruction = new Map<number, Set<string>>();
  for (const name of parsed.directives.checkSkip) for (const id of idsFor(name, 'buildkit', rules)) global.add(id);
  if (parsed.directives.checkSkipAll) global.add('*');
  const instructions = parsed.instructions;
  for (const comment of parsed.comments) {
    const parsedComment = parseComment(comment.text, rules);
    if (!parsedComment) continue;
    if (parsedComment.global) {
      for (const id of parsedComment.ids) global.add(id);
      continue;
    }
    // The pragma applies to the first instruction that starts after it (comments and blank lines between are fine).
    const next = instructions.find((instruction) => instruction.range.start.line > comment.range.start.line);
    if (!next) continue;
    const set = byInstruction.get(next.index) ?? new Set<string>();
    for (const id of parsedComment.ids) set.add(id);
    byInstruction.set(next.index, set);
  }
  return { global, byInstruction };
}

function instructionAt(parsed: ParsedDockerfile, line: number): Instruction | undefined {
  return parsed.instructions.find((instruction) => instruction.range.start.line <= line && instruction.range.end.line >= line);
}

export function isSuppressed(suppressions: Suppressions, parsed: ParsedDockerfile, ruleId: string, line: number, code?: string): boolean {
  if (covers(suppressions.global, ruleId, code)) return true;
  const instruction = instructionAt(parsed, line);
  const ids = instruction ? suppressions.byInstruction.get(instruction.index) : undefined;
  return Boolean(ids && covers(ids, ruleId, code));
}
