/**
 * What changed between two versions of a Dockerfile, instruction by instruction, for the rebuild
 * prediction (`layerlint layers --since REF`): which instructions are new or edited, which were
 * removed (the step after a removed one has a new parent), and which global ARG defaults changed.
 *
 * Stages are matched by name, else by position; inside a stage the instructions are aligned by a
 * longest common subsequence of their text, so inserting one line marks that line, not every
 * line after it.
 */
import type { Instruction, ParsedDockerfile, Stage } from '../parse/types.js';
import type { InstructionChange } from './rebuild.js';

/** An instruction's text as the cache sees it: keyword, flags, arguments and heredoc bodies, blanks collapsed. */
function cacheText(parsed: ParsedDockerfile, instruction: Instruction): string {
  const lines = parsed.lines.slice(instruction.range.start.line, instruction.range.end.line + 1).join('\n');
  return lines
    .replace(/\\\r?\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\S+/, (keyword) => keyword.toUpperCase());
}

function oldStageFor(oldParsed: ParsedDockerfile, stage: Stage): Stage | null {
  if (stage.name) {
    const named = oldParsed.stages.find((old) => old.name?.toLowerCase() === stage.name!.toLowerCase());
    if (named) return named;
  }
  const byPosition = oldParsed.stages[stage.index];
  return byPosition && (!byPosition.name || !stage.name || byPosition.name.toLowerCase() === stage.name.toLowerCase()) ? byPosition : null;
}

/** Pairs of positions (old, new) of a longest common subsequence of two lists of texts. */
function commonSubsequence(before: string[], after: string[]): [number, number][] {
  const lengths = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      lengths[i][j] = before[i] === after[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < before.length && j < after.length;) {
    if (before[i] === after[j]) pairs.push([i++, j++]);
    else if (lengths[i + 1][j] >= lengths[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

const lineOf = (instruction: Instruction) => instruction.range.start.line + 1;

function stageChanges(oldParsed: ParsedDockerfile, newParsed: ParsedDockerfile, stage: Stage): InstructionChange[] {
  const old = oldStageFor(oldParsed, stage);
  if (!old) return [{ stageIndex: stage.index, position: -1, keyword: 'FROM', reason: `the stage of line ${lineOf(stage.from)} is new` }];
  if (cacheText(oldParsed, old.from) !== cacheText(newParsed, stage.from)) {
    return [{ stageIndex: stage.index, position: -1, keyword: 'FROM', reason: `FROM on line ${lineOf(stage.from)} changed` }];
  }
  const before = old.instructions.map((instruction) => cacheText(oldParsed, instruction));
  const after = stage.instructions.map((instruction) => cacheText(newParsed, instruction));
  const kept = commonSubsequence(before, after);
  const keptOld = new Set(kept.map(([i]) => i));
  const keptNew = new Set(kept.map(([, j]) => j));
  // Instructions between the same two kept ones (a "gap") with the same keyword were edited; the
  // others in a gap were added or removed.
  const gapOfNew = (position: number) => kept.filter(([, j]) => j < position).length;
  const gapOfOld = (position: number) => kept.filter(([i]) => i < position).length;
  const removed = old.instructions.map((instruction, position) => ({ instruction, position })).filter(({ position }) => !keptOld.has(position));
  const changes: InstructionChange[] = [];
  stage.instructions.forEach((instruction, position) => {
    if (keptNew.has(position)) return;
    const gap = gapOfNew(position);
    const edited = removed.findIndex((r) => gapOfOld(r.position) === gap && r.instruction.keyword === instruction.keyword);
    if (edited >= 0) removed.splice(edited, 1);
    changes.push({
      stageIndex: stage.index,
      position,
      keyword: instruction.keyword,
      reason: `${instruction.keyword} on line ${lineOf(instruction)} ${edited >= 0 ? 'changed' : 'added'}`,
    });
  });
  for (const { instruction, position: oldPosition } of removed) {
    // The removed instruction's successor: the new position of the next kept old instruction.
    const next = kept.find(([i]) => i > oldPosition);
    const position = next ? next[1] : stage.instructions.length;
    changes.push({
      stageIndex: stage.index,
      position,
      keyword: instruction.keyword,
      reason: `${instruction.keyword} of old line ${lineOf(instruction)} removed`,
    });
  }
  return changes;
}

/** Global ARGs whose default differs (or that appeared or went). */
function changedGlobalArgs(oldParsed: ParsedDockerfile, newParsed: ParsedDockerfile): string[] {
  const defaults = (parsed: ParsedDockerfile) => new Map(parsed.globalArgs.flatMap((arg) => arg.pairs.map((pair) => [pair.name, pair.value] as const)));
  const before = defaults(oldParsed);
  const after = defaults(newParsed);
  return [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name));
}

export interface DockerfileChanges {
  instructions: InstructionChange[];
  /** Global ARGs whose default changed: stages that use them in FROM or redeclare them see a new value. */
  args: string[];
}

export function diffDockerfiles(oldParsed: ParsedDockerfile, newParsed: ParsedDockerfile): DockerfileChanges {
  const args = changedGlobalArgs(oldParsed, newParsed);
  const instructions = newParsed.stages.flatMap((stage) => {
    // A FROM that names a changed global ARG pulls another base image.
    const fromUsesArg = args.some((name) => new RegExp(`\\$\\{?${name}\\b`).test(stage.from.argumentsText));
    if (fromUsesArg)
      return [{ stageIndex: stage.index, position: -1, keyword: 'FROM', reason: `FROM on line ${lineOf(stage.from)} uses a changed global ARG` }];
    return stageChanges(oldParsed, newParsed, stage);
  });
  return { instructions, args };
}
