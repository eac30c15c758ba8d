/**
 * ParsedDockerfile (+ optional build context) → LayerModel.
 */
import type { Instruction, ParsedDockerfile, ShellCommand } from '../parse/types.js';
import { referencedVariables, expandVariables } from '../parse/variables.js';
import { homeOf, stageChain } from '../parse/dockerfile.js';
import { resolveAgainst } from '../util/paths.js';
import { systemPackageCall } from './knowledge/package-managers.js';
import { dependencyInstall } from './knowledge/dependencies.js';
import { buildCall } from './knowledge/build-tools.js';
import { baseImageEnv } from './knowledge/base-image-env.js';
import { classifySources } from './copy-sources.js';
import { copyWrites } from './copy-destinations.js';
import { commandDirectories, runEffects } from './effects.js';
import type { BuildContext } from './context.js';
import type { CopySource, FileEffect, LayerModel, LayerStep, StageModel } from './types.js';

export interface ModelOptions {
  context?: BuildContext | null;
  /** `--target`: name or index of the stage to build; the last stage by default. */
  target?: string | null;
}

const LAYER_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD']);

export function findStage(parsed: ParsedDockerfile, nameOrIndex: string): number | null {
  const byName = parsed.stages.findIndex((stage) => stage.name?.toLowerCase() === nameOrIndex.toLowerCase());
  if (byName >= 0) return byName;
  return /^\d+$/.test(nameOrIndex) && Number(nameOrIndex) < parsed.stages.length ? Number(nameOrIndex) : null;
}

/**
 * The environment visible to a RUN, as the parser resolved it: the variables a stage has before
 * instruction `before` (at its end when null): the ENV of the stage it is built FROM, or the ENV its
 * base image is known to set, then its own ENV and (not inherited by a stage built FROM it) ARG values.
 */
function stageEnv(parsed: ParsedDockerfile, stageIndex: number, before: number | null, withArgs = true): Map<string, string> {
  const stage = parsed.stages[stageIndex];
  if (!stage) return new Map();
  const values =
    stage.baseStageIndex !== null
      ? stageEnv(parsed, stage.baseStageIndex, null, false)
      : new Map(Object.entries(baseImageEnv(stage.from.from?.imageName ?? '')));
  for (const earlier of stage.instructions) {
    if (before !== null && earlier.index >= before) break;
    if (earlier.keyword === 'ENV' || (withArgs && earlier.keyword === 'ARG')) {
      for (const pair of earlier.pairs)
        if (pair.value !== null)
          values.set(
            pair.name,
            expandVariables(pair.value, (n) => values.get(n)),
          );
    }
  }
  return values;
}

/** The commands of the RUNs before `instruction` in its stage and the stages it is built FROM, base first. */
function earlierRunCommands(parsed: ParsedDockerfile, instruction: Instruction): ShellCommand[] {
  return stageChain(parsed, instruction.stageIndex)
    .flatMap((index) => parsed.stages[index].instructions)
    .filter((earlier) => earlier.keyword === 'RUN' && earlier.index < instruction.index)
    .flatMap((earlier) => earlier.script?.commands ?? []);
}

function envLookup(parsed: ParsedDockerfile, instruction: Instruction): (name: string) => string | undefined {
  const values = stageEnv(parsed, instruction.stageIndex, instruction.index);
  return (name) => values.get(name);
}

function mountedPaths(instruction: Instruction): string[] {
  return instruction.flags
    .filter((flag) => flag.name === 'mount' && ['cache', 'tmpfs', 'bind', 'secret'].includes(flag.options.type ?? 'bind'))
    .map((flag) => flag.options.target ?? flag.options.dst ?? flag.options.destination ?? '')
    .filter(Boolean)
    .map((target) => resolveAgainst(target, instruction.workdir, homeOf(instruction.user)));
}

/** The stage a `--from=` names: an earlier stage's name (any case) or index; null for an image. */
function stageNamed(parsed: ParsedDockerfile, from: string, beforeStage: number): number | null {
  const index = parsed.stages.findIndex((s, i) => i < beforeStage && (s.name?.toLowerCase() === from.toLowerCase() || String(i) === from));
  return index >= 0 ? index : null;
}

/**
 * What a RUN's mounts read: bind mounts of the build context (source defaults to its root) and
 * bind or cache mounts filled from a stage. Secret, SSH and tmpfs mounts read neither.
 */
function mountInputsOf(instruction: Instruction, parsed: ParsedDockerfile, context: BuildContext | null): { sources: CopySource[]; stages: number[] } {
  const sources: string[] = [];
  const stages: number[] = [];
  for (const flag of instruction.flags) {
    const type = flag.options.type ?? 'bind';
    if (flag.name !== 'mount' || (type !== 'bind' && type !== 'cache')) continue;
    const from = flag.options.from;
    if (from !== undefined) {
      const stage = stageNamed(parsed, from, instruction.stageIndex);
      if (stage !== null && !stages.includes(stage)) stages.push(stage);
    } else if (type === 'bind') sources.push(flag.options.source ?? flag.options.src ?? '.');
  }
  return { sources: classifySources(sources, context), stages };
}

function buildStep(parsed: ParsedDockerfile, instruction: Instruction, id: number, argsInScope: string[], context: BuildContext | null): LayerStep {
  const commands = instruction.script?.commands ?? [];
  const directories = commandDirectories(instruction);
  const mounts = instruction.keyword === 'RUN' ? mountedPaths(instruction) : [];
  const mountInputs = instruction.keyword === 'RUN' ? mountInputsOf(instruction, parsed, context) : { sources: [], stages: [] };
  const effects =
    instruction.keyword === 'RUN'
      ? runEffects(instruction, envLookup(parsed, instruction), mounts, () => earlierRunCommands(parsed, instruction))
      : { created: [] as FileEffect[], deleted: [] as FileEffect[] };
  let copy: LayerStep['copy'] = null;
  let fromStage: number | null = null;
  let remote = false;
  let contextSources: CopySource[] = [];
  if (instruction.copy) {
    const from = instruction.copy.from;
    fromStage = from !== null ? stageNamed(parsed, from, instruction.stageIndex) : null;
    let sources = classifySources(instruction.copy.sources, from === null ? context : null);
    if (from !== null) sources = sources.map((s) => ({ ...s, volatility: fromStage !== null ? 'stage' : 'image', matchedFiles: null }));
    sources.push(...instruction.copy.heredocSources.map((path) => ({ path, volatility: 'inline' as const, ecosystems: [], matchedFiles: null })));
    remote = sources.some((s) => s.volatility === 'remote');
    if (from === null) contextSources = sources.filter((s) => s.volatility !== 'remote' && s.volatility !== 'inline');
    const destination = resolveAgainst(instruction.copy.destination || '.', instruction.workdir, homeOf(instruction.user));
    const writes = copyWrites(instruction.keyword, sources, instruction.copy.destination, destination, instruction.workdir);
    copy = { sources, destination, writes, fromStage, fromImage: from !== null && fromStage === null ? from : null };
    effects.created.push({
      path: destination,
      kind: 'copy',
      certainty: 'certain',
      range: instruction.range,
      what: `files copied by ${instruction.keyword} ${instruction.copy.sources.join(' ')}`.trim(),
    });
    if (instruction.keyword === 'ADD' && remote) {
      effects.created.push({
        path: destination,
        kind: 'download',
        certainty: 'certain',
        range: instruction.range,
        what: `download by ADD ${instruction.copy.sources.join(' ')}`,
      });
    }
  }
  return {
    id,
    stageIndex: instruction.stageIndex,
    instruction,
    createsLayer: LAYER_INSTRUCTIONS.has(instruction.keyword),
    cache: {
      argsInScope: instruction.keyword === 'RUN' ? argsInScope : [],
      argsUsed: referencedVariables(instruction.argumentsText).filter((name) => argsInScope.includes(name)),
      contextSources,
      fromStage,
      mountedSources: mountInputs.sources,
      mountedStages: mountInputs.stages,
      remote,
    },
    copy,
    systemPackages: commands.map(systemPackageCall).filter((c) => c !== null),
    dependencyInstalls: commands.map((command, i) => dependencyInstall(command, directories[i])).filter((c) => c !== null),
    builds: commands.map((command, i) => buildCall(command, directories[i])).filter((c) => c !== null),
    created: effects.created,
    deleted: effects.deleted,
    mountedPaths: mounts,
    rebuiltBy: [],
  };
}

/** Stages whose files a step reads: COPY --from, RUN --mount=from. */
export function stagesReadBy(step: LayerStep): number[] {
  return step.cache.fromStage !== null ? [step.cache.fromStage, ...step.cache.mountedStages] : step.cache.mountedStages;
}

/** Names of the cache inputs that make this step itself miss the cache. */
function ownTriggers(step: LayerStep, stageNames: (index: number) => string): string[] {
  const triggers = new Set<string>();
  for (const source of [...step.cache.contextSources, ...step.cache.mountedSources]) {
    if (source.volatility === 'broad') triggers.add('any source edit');
    if (source.volatility === 'manifest') triggers.add(`edit of ${source.path}`);
    if (source.volatility === 'static') triggers.add(`edit of ${source.path}`);
  }
  if (step.cache.remote) triggers.add('remote content change');
  for (const stage of stagesReadBy(step)) triggers.add(`rebuild of stage ${stageNames(stage)}`);
  for (const arg of step.instruction.keyword === 'RUN' ? step.cache.argsInScope : step.cache.argsUsed) triggers.add(`ARG ${arg}`);
  return [...triggers];
}

function reachableStages(stages: StageModel[], target: number): Set<number> {
  const seen = new Set<number>();
  const visit = (index: number) => {
    if (seen.has(index)) return;
    seen.add(index);
    for (const dependency of stages[index].dependsOn) visit(dependency);
  };
  visit(target);
  return seen;
}

export function buildLayerModel(parsed: ParsedDockerfile, options: ModelOptions = {}): LayerModel {
  const context = options.context ?? null;
  const steps: LayerStep[] = [];
  const stages: StageModel[] = [];
  const stageName = (index: number) => parsed.stages[index]?.name ?? String(index);
  for (const stage of parsed.stages) {
    const model: StageModel = { stage, steps: [], dependsOn: [], inFinalImage: false, isTarget: false, isBuilt: false };
    if (stage.baseStageIndex !== null) model.dependsOn.push(stage.baseStageIndex);
    // A stage built FROM another starts with that stage's rebuild triggers.
    const inherited = stage.baseStageIndex !== null ? [`rebuild of stage ${stageName(stage.baseStageIndex)}`] : [];
    const cumulative = new Set<string>(inherited);
    const args: string[] = [];
    for (const instruction of stage.instructions) {
      const step = buildStep(parsed, instruction, steps.length, [...args], context);
      if (instruction.keyword === 'ARG') for (const pair of instruction.pairs) if (!args.includes(pair.name)) args.push(pair.name);
      for (const trigger of ownTriggers(step, stageName)) cumulative.add(trigger);
      step.rebuiltBy = [...cumulative];
      for (const read of stagesReadBy(step)) if (!model.dependsOn.includes(read)) model.dependsOn.push(read);
      steps.push(step);
      model.steps.push(step);
    }
    stages.push(model);
  }
  let targetStage = Math.max(0, stages.length - 1);
  if (options.target) {
    const found = findStage(parsed, options.target);
    if (found === null) throw new Error(`target stage '${options.target}' not found in ${parsed.path}`);
    targetStage = found;
  }
  if (stages.length > 0) {
    stages[targetStage].isTarget = true;
    for (const index of reachableStages(stages, targetStage)) stages[index].isBuilt = true;
    // The shipped image is the target stage plus the chain of stages it is built FROM.
    for (const index of stageChain(parsed, targetStage)) stages[index].inFinalImage = true;
  }
  // Rules ask for these often; computed here rather than memoised in a WeakMap (whose values the
  // young-generation collector promotes to the old generation).
  const stepsInImage = stages.map((_, index) => stageChain(parsed, index).flatMap((chained) => stages[chained].steps));
  return { parsed, stages, steps, targetStage, context, stepsInImage };
}

/** Layer steps a stage's image contains: its base stages' steps, then its own. */
export function stepsInImageOf(model: LayerModel, stageIndex: number): LayerStep[] {
  return model.stepsInImage[stageIndex] ?? [];
}
