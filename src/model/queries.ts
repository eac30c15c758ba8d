/**
 * Questions rules ask of the layer model, kept here so each rule file stays about its own logic.
 */
import type { Instruction, ParsedDockerfile, Range, ShellCommand } from '../parse/types.js';
import type { TextEdit } from '../engine/types.js';
import type { CopySource, LayerModel, LayerStep, StageModel } from './types.js';
import { stepsInImageOf } from './build.js';
import { basename } from '../parse/shell.js';

/** A COPY/ADD from the build context that takes the whole context or a source tree. */
export function broadSources(step: LayerStep): CopySource[] {
  return step.cache.contextSources.filter((source) => source.volatility === 'broad');
}

/** Steps in the image of `stage` (its base stages' steps included) that come before `step`. */
export function earlierStepsInImage(model: LayerModel, stage: StageModel, step: LayerStep): LayerStep[] {
  return stepsInImageOf(model, stage.stage.index).filter((candidate) => candidate.id < step.id);
}

/**
 * The steps of this stage before `step`. Advice to move a step above another is only ever about these:
 * a step in a parent stage (`FROM base AS child`) cannot be moved without moving it into another stage,
 * where the tool it runs may not exist yet, or where it bloats every image built on that parent.
 */
export function earlierStepsInStage(stage: StageModel, step: LayerStep): LayerStep[] {
  return stage.steps.filter((candidate) => candidate.id < step.id);
}

/** The first broad COPY/ADD among steps. */
export function firstBroadCopy(steps: LayerStep[]): LayerStep | undefined {
  return steps.find((step) => broadSources(step).length > 0);
}

/** `COPY . .` as written, for messages. */
export function instructionLabel(instruction: Instruction, max = 60): string {
  const text = `${instruction.keywordAsWritten} ${instruction.argumentsText}`.replace(/\s+/g, ' ').trim();
  return `\`${text.length > max ? `${text.slice(0, max - 1)}…` : text}\``;
}

export function commandLabel(command: ShellCommand, max = 50): string {
  const text = command.argv.join(' ');
  return `\`${text.length > max ? `${text.slice(0, max - 1)}…` : text}\``;
}

export function lineOf(range: Range): number {
  return range.start.line + 1;
}

export interface Runtime {
  entrypoint: Instruction | null;
  cmd: Instruction | null;
}

/**
 * The ENTRYPOINT and CMD an image built to `stageIndex` runs with: the last of each in the stage
 * chain, except that setting ENTRYPOINT resets a CMD inherited from a base stage (Docker's rule).
 */
export function effectiveRuntime(model: LayerModel, stageIndex: number): Runtime {
  const runtime: Runtime = { entrypoint: null, cmd: null };
  for (const step of stepsInImageOf(model, stageIndex)) {
    const { instruction } = step;
    if (instruction.keyword === 'CMD') runtime.cmd = instruction;
    if (instruction.keyword === 'ENTRYPOINT') {
      if (runtime.cmd && runtime.cmd.stageIndex !== instruction.stageIndex) runtime.cmd = null;
      runtime.entrypoint = instruction;
    }
  }
  return runtime;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'fish']);

/**
 * Does an image built to `stageIndex` start an application? Not when it has no CMD or ENTRYPOINT of its
 * own making, or only a bare shell (`CMD ["/bin/bash"]`): a toolbox, dev or CI image, whose compilers
 * are the point.
 */
export function runsAnApplication(model: LayerModel, stageIndex: number): boolean {
  const { entrypoint, cmd } = effectiveRuntime(model, stageIndex);
  return [entrypoint, cmd].some((instruction) => {
    if (instruction === null) return false;
    const words = instruction.execArgs ?? instruction.argumentsText.trim().split(/\s+/).filter(Boolean);
    return words.length > 1 || (words.length === 1 && !SHELLS.has(basename(words[0])));
  });
}

/** True when an explicit SHELL instruction is in effect (BuildKit then stops recommending exec form). */
export function hasExplicitShell(instruction: Instruction): boolean {
  return instruction.shell.join(' ') !== '/bin/sh -c';
}

/**
 * Every RUN of the file, the RUNs of ONBUILD triggers included. Computed with the parse, not memoised
 * here: a WeakMap's values are promoted to the old generation by the young-generation collector.
 */
export function runInstructions(parsed: ParsedDockerfile): Instruction[] {
  return parsed.runInstructions;
}

/** Every simple command of every RUN (ONBUILD RUNs included), with its instruction. */
export function runCommands(parsed: ParsedDockerfile): { instruction: Instruction; command: ShellCommand }[] {
  return parsed.runCommands;
}

/** True when argv has any of the options: `-y`, `--yes`, `--yes=…`, or a short option cluster containing one (`-qy`). */
export function hasCommandOption(argv: string[], long: string[], short = ''): boolean {
  return argv.slice(1).some((word) => {
    if (word === '--') return false;
    if (word.startsWith('--')) return long.some((name) => word === name || word.startsWith(`${name}=`));
    // A cluster of short options: the letters up to the first non-letter (`-qO-` is -q and -O with value `-`).
    const letters = word.match(/^-([A-Za-z]+)/)?.[1] ?? '';
    return short !== '' && [...letters].some((letter) => short.includes(letter));
  });
}

/** An edit that inserts text right after argv word `index` of a command (for quick fixes). */
export function insertAfterWord(command: ShellCommand, index: number, text: string): TextEdit | null {
  const at = command.wordRanges[index]?.end;
  // Commands found inside `sh -c "…"` carry the outer command's range as every word's range: no safe place to insert.
  if (!at || command.wordRanges[0] === command.range) return null;
  return { range: { start: at, end: at }, newText: text };
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** The candidate closest to `name` (case-insensitive) within `maxDistance` edits, for "did you mean". */
export function closestName(name: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(candidate.toLowerCase(), name.toLowerCase());
    if (distance <= maxDistance && distance < (best?.distance ?? Infinity)) best = { name: candidate, distance };
  }
  return best?.name;
}
