import { stageChain, type LayerModel, type ParsedDockerfile, type Rule, type StageModel } from '../src/kit/index.js';

/**
 * A stage nothing builds: no other stage uses it (FROM, COPY --from, RUN --mount=from), and it is
 * neither the target nor the last stage. BuildKit skips it silently, the legacy builder builds it for
 * nothing. A stage another stage uses is not reported even when the target does not reach it: in a
 * Dockerfile with several targets (`test`, `api`, `worker`) deleting it would break one of them.
 */

/**
 * Evidently meant for `--target`: a runnable image (a CMD or ENTRYPOINT of its own or of a stage it is
 * built on: uptime-kuma's `FROM release AS nightly`), or a bare `FROM <stage> AS <alias>`.
 */
function isDeliberateTarget(model: LayerModel, stage: StageModel): boolean {
  const runnable = stageChain(model.parsed, stage.stage.index).some((index) =>
    model.parsed.stages[index].instructions.some((instruction) => instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT'),
  );
  return runnable || (stage.stage.instructions.length === 0 && stage.stage.baseStageIndex !== null);
}

/**
 * A stage chosen by a build argument (`ARG JS_SRC=js-builder` … `FROM ${JS_SRC}` or `COPY --from=${SRC}`)
 * can be any stage the build passes: which ones are used is only known to the build command.
 */
function stageChosenByVariable(parsed: ParsedDockerfile): boolean {
  return parsed.instructions.some(
    (instruction) =>
      (instruction.from?.imageRaw.includes('$') ?? false) ||
      (instruction.copy?.from?.includes('$') ?? false) ||
      instruction.flags.some((flag) => flag.name === 'mount' && (flag.options.from ?? '').includes('$')),
  );
}

function usedByAnotherStage(model: LayerModel, index: number): boolean {
  return model.stages.some((other) => other.stage.index !== index && other.dependsOn.includes(index));
}

const rule: Rule = {
  meta: {
    id: 'unused-stage',
    category: 'stages',
    severity: 'info',
    recommended: true,
    description: 'A stage is not the target or the last stage, no other stage uses it, and it is not a runnable image of its own.',
  },
  check({ model, parsed, report }) {
    const last = model.stages.length - 1;
    const target = parsed.stages[model.targetStage];
    const targetName = target?.name ?? String(model.targetStage);
    if (stageChosenByVariable(parsed)) return;
    for (const stage of model.stages) {
      const index = stage.stage.index;
      if (index === model.targetStage || index === last || usedByAnotherStage(model, index) || isDeliberateTarget(model, stage)) continue;
      const name = stage.stage.name ?? String(index);
      const notBuilt = model.targetStage === last ? '`docker build` without --target' : `\`docker build --target ${targetName}\``;
      report({
        message: `Stage ${name} is not used by any other stage (through FROM, COPY --from or RUN --mount=from) and ${notBuilt} does not build it; delete it, or build it on purpose with --target ${name}.`,
        range: stage.stage.from.range,
      });
    }
  },
};

export default rule;
