/**
 * `layerlint layers`: the simulated layer model, so a user can see the facts a rule relied on.
 */
import type { LayerModel, LayerStep, StageModel, FileEffect } from '../model/types.js';

const MAX_INSTRUCTION = 48;

/** An instruction's text on one line, cut at `max` characters with an ellipsis. */
export function oneLine(text: string, max: number): string {
  const flat = text
    .replace(/\\\r?\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function stageTitle(model: LayerModel, stage: StageModel): string {
  const from = stage.stage.from.from;
  const name = stage.stage.name ? ` "${stage.stage.name}"` : '';
  const role = stage.isTarget
    ? 'target: the image'
    : stage.inFinalImage
      ? 'base of the target: in the image'
      : stage.isBuilt
        ? 'built, not in the image'
        : `not built for target ${model.parsed.stages[model.targetStage]?.name ?? model.targetStage}`;
  return `Stage ${stage.stage.index}${name}: FROM ${from?.image || '?'} (${role})`;
}

function cacheInputs(step: LayerStep): string {
  const parts: string[] = [];
  for (const source of step.copy?.sources ?? []) {
    const files = source.matchedFiles ? `, ${source.matchedFiles.length} files` : '';
    parts.push(`${source.path} [${source.volatility}${files}]`);
  }
  for (const source of step.cache.mountedSources) parts.push(`mount ${source.path} [${source.volatility}]`);
  const args = step.instruction.keyword === 'RUN' ? step.cache.argsInScope : step.cache.argsUsed;
  if (args.length > 0) parts.push(`ARG ${args.join(' ')}`);
  return parts.length > 0 ? parts.join('; ') : 'text';
}

function effectText(effect: FileEffect): string {
  const likely = effect.certainty === 'likely' ? ' (likely)' : '';
  if (effect.kind === 'packages' || effect.what === effect.path) return `${effect.kind === 'packages' ? effect.what : effect.path}${likely}`;
  return `${effect.path} (${effect.what})${likely}`;
}

/** For RUN/CMD/ENTRYPOINT/SHELL: how Docker will run it. */
function formText(step: LayerStep): string | null {
  const { instruction } = step;
  if (instruction.form === 'exec') return `exec form: runs ${JSON.stringify(instruction.execArgs)} directly, no shell`;
  if (instruction.form !== 'shell' || instruction.keyword === 'RUN') return null;
  const invalid = instruction.execFormError ? ` (not valid JSON: ${instruction.execFormError})` : '';
  return `shell form${invalid}: runs ${JSON.stringify([...instruction.shell, instruction.argumentsText.trim()])}`;
}

const CACHE_INPUTS_WIDTH = 34;

/** The instruction as written, its flags included (`COPY --from=build /src/dist ./dist`), on one line. */
export function instructionText(step: LayerStep): string {
  const { instruction } = step;
  const flags = instruction.flags.map((flag) => (flag.value === null ? `--${flag.name}` : `--${flag.name}=${flag.value}`));
  return [instruction.keywordAsWritten, ...flags, instruction.argumentsText].join(' ');
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function formatLayersText(model: LayerModel): string {
  const out: string[] = [
    `${model.parsed.path}: ${model.stages.length} stage(s), ${model.steps.filter((s) => s.createsLayer).length} layer(s) from RUN/COPY/ADD`,
  ];
  for (const stage of model.stages) {
    out.push('', stageTitle(model, stage));
    out.push(`  ${pad('line', 5)} ${pad('instruction', MAX_INSTRUCTION)} ${pad('layer', 5)} ${pad('cache inputs', CACHE_INPUTS_WIDTH)} rebuilt by`);
    for (const step of stage.steps) {
      const line = String(step.instruction.range.start.line + 1);
      const text = oneLine(instructionText(step), MAX_INSTRUCTION);
      // A cache-inputs list longer than its column is cut there and given whole on a line of its own.
      const inputs = cacheInputs(step);
      out.push(
        `  ${pad(line, 5)} ${pad(text, MAX_INSTRUCTION)} ${pad(step.createsLayer ? 'yes' : '-', 5)} ${pad(oneLine(inputs, CACHE_INPUTS_WIDTH), CACHE_INPUTS_WIDTH)} ${step.rebuiltBy.join(', ') || '-'}`,
      );
      if (inputs.length > CACHE_INPUTS_WIDTH) out.push(`        cache inputs: ${inputs}`);
      const form = formText(step);
      if (form) out.push(`        ${form}`);
      for (const call of step.dependencyInstalls) out.push(`        installs ${call.ecosystem} dependencies from ${call.manifests.join(' ')}`);
      for (const call of step.builds) out.push(`        builds with ${call.tool}`);
      for (const effect of step.created) out.push(`        creates ${effectText(effect)}`);
      for (const effect of step.deleted) out.push(`        deletes ${effectText(effect)}`);
      for (const mount of step.mountedPaths) out.push(`        mounts ${mount} (not stored in the layer)`);
    }
  }
  return `${out.join('\n')}\n`;
}

function range(r: { start: { line: number; character: number } }) {
  return { line: r.start.line + 1, column: r.start.character + 1 };
}

export function layersToJson(model: LayerModel) {
  return {
    path: model.parsed.path,
    targetStage: model.targetStage,
    context: model.context ? { dir: model.context.dir, dockerignore: model.context.dockerignore?.path ?? null, files: model.context.files.length } : null,
    stages: model.stages.map((stage) => ({
      index: stage.stage.index,
      name: stage.stage.name,
      baseImage: stage.stage.from.from?.image ?? null,
      baseStage: stage.stage.baseStageIndex,
      dependsOn: stage.dependsOn,
      isTarget: stage.isTarget,
      isBuilt: stage.isBuilt,
      inFinalImage: stage.inFinalImage,
      steps: stage.steps.map((step) => ({
        ...range(step.instruction.range),
        instruction: step.instruction.keyword,
        text: oneLine(step.instruction.argumentsText, 200),
        createsLayer: step.createsLayer,
        form: step.instruction.form,
        execArgs: step.instruction.execArgs,
        cache: {
          argsInScope: step.cache.argsInScope,
          argsUsed: step.cache.argsUsed,
          sources: (step.copy?.sources ?? []).map((s) => ({
            path: s.path,
            volatility: s.volatility,
            ecosystems: s.ecosystems,
            files: s.matchedFiles?.length ?? null,
          })),
          fromStage: step.cache.fromStage,
          mountedSources: step.cache.mountedSources.map((s) => ({ path: s.path, volatility: s.volatility, files: s.matchedFiles?.length ?? null })),
          mountedStages: step.cache.mountedStages,
          remote: step.cache.remote,
        },
        rebuiltBy: step.rebuiltBy,
        systemPackages: step.systemPackages.map((c) => ({ manager: c.manager, action: c.action, packages: c.packages, options: c.options })),
        dependencyInstalls: step.dependencyInstalls.map((c) => ({ ecosystem: c.ecosystem, manifests: c.manifests })),
        builds: step.builds.map((c) => c.tool),
        creates: step.created.map((e) => ({ path: e.path, kind: e.kind, what: e.what, certainty: e.certainty, packages: e.packages, ...range(e.range) })),
        deletes: step.deleted.map((e) => ({ path: e.path, kind: e.kind, what: e.what, packages: e.packages, ...range(e.range) })),
        mounts: step.mountedPaths,
      })),
    })),
  };
}

export function formatLayersJson(model: LayerModel): string {
  return `${JSON.stringify(layersToJson(model), null, 2)}\n`;
}
