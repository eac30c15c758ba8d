/**
 * Questions rules ask of the layer model, kept here so each rule file stays about its own logic.
 */
import type { Instruction, Range, ShellCommand } from '../parse/types.js';
import type { CopySource, LayerModel, LayerStep, StageModel } from './types.js';
import { stepsInImageOf } from './build.js';

/** A COPY/ADD from the build context that takes the whole context or a source tree. */
export function broadSources(step: LayerStep): CopySource[] {
  return step.cache.contextSources.filter((source) => source.volatility === 'broad');
}

/** Steps in the image of `stage` (its base stages' steps included) that come before `step`. */
export function earlierStepsInImage(model: LayerModel, stage: StageModel, step: LayerStep): LayerStep[] {
  return stepsInImageOf(model, stage.stage.index).filter((candidate) => candidate.id < step.id);
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

/** True when an explicit SHELL instruction is in effect (BuildKit then stops recommending exec form). */
export function hasExplicitShell(instruction: Instruction): boolean {
  return instruction.shell.join(' ') !== '/bin/sh -c';
}
