/**
 * Named questions rules ask of the layer model, so that each rule file stays about its own logic and
 * the same loop is not written again in every rule.
 */
import type { Instruction } from '../parse/types.js';
import type { CopySource, LayerModel, LayerStep, StageModel } from '../model/types.js';
import { stepsInImageOf } from '../model/build.js';
import { stageChain } from '../parse/dockerfile.js';
import type { ParsedDockerfile } from '../parse/types.js';
import { isShellItself } from '../parse/shell-names.js';

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
    return words.length > 1 || (words.length === 1 && !isShellItself(words[0]));
  });
}

/** True when an explicit SHELL instruction is in effect (BuildKit then stops recommending exec form). */
export function hasExplicitShell(instruction: Instruction): boolean {
  return instruction.shell.join(' ') !== '/bin/sh -c';
}

/** The stages whose layers ship: the final image's stage and the stages it is built FROM. */
export function shippedStages(model: LayerModel): StageModel[] {
  return model.stages.filter((stage) => stage.inFinalImage);
}

export interface ShippedStep {
  stage: StageModel;
  step: LayerStep;
  /** The steps of the same stage after this one. */
  later: LayerStep[];
}

/**
 * Each step of the stages that ship, in order, with the steps after it in its stage: the loop of the
 * rules about bytes in the image (a builder stage's layers are never pulled, so its bytes cost nothing).
 */
export function shippedSteps(model: LayerModel): ShippedStep[] {
  return shippedStages(model).flatMap((stage) => stage.steps.map((step, index) => ({ stage, step, later: stage.steps.slice(index + 1) })));
}

/** The ENTRYPOINT and CMD of the image being built (the target stage, or the last). */
export function imageRuntime(model: LayerModel): Runtime {
  return effectiveRuntime(model, model.targetStage);
}

/** Does this COPY/ADD take the whole build context or a source tree? */
export function isBroadCopy(step: LayerStep): boolean {
  return broadSources(step).length > 0;
}

/**
 * The first broad COPY/ADD before `step`: among the steps of its own stage (`within: 'stage'`, for advice
 * to move the step above it), or of the whole image, base stages included (`within: 'image'`).
 */
export function broadCopyBefore(model: LayerModel, stage: StageModel, step: LayerStep, within: 'stage' | 'image'): LayerStep | undefined {
  const earlier = within === 'stage' ? earlierStepsInStage(stage, step) : earlierStepsInImage(model, stage, step);
  return earlier.find(isBroadCopy);
}

/**
 * Does the stage start (at the root of its FROM chain) from Alpine or BusyBox, whose wget, tar and
 * friends are BusyBox applets that take fewer options than GNU's? An unknown or variable base: no.
 */
export function startsFromBusybox(parsed: ParsedDockerfile, stageIndex: number): boolean {
  const root = parsed.stages[stageChain(parsed, stageIndex)[0]]?.from.from;
  return /alpine|busybox/i.test(`${root?.imageName ?? ''}:${root?.tag ?? ''}`);
}

/**
 * A RUN in plain shell form: no flags (a --mount or --network of its own) and no heredoc. The fixes that
 * move or merge RUN text take only these: the text of such a RUN is its whole script.
 */
export function isPlainRun(instruction: Instruction | undefined): instruction is Instruction {
  return instruction?.keyword === 'RUN' && instruction.form === 'shell' && instruction.flags.length === 0 && instruction.heredocs.length === 0;
}
