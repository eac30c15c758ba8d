import { stageChain, type LayerModel, type Rule } from '../src/kit/index.js';

/**
 * `COPY --from=builder / /` copies the builder's whole filesystem (compilers, caches, package lists)
 * over the final image: the multi-stage split then saves nothing. Copy the artefacts you built.
 *
 * Only for a stage of this Dockerfile that runs commands (so it has an operating system with a shell).
 * An image named directly, or a stage that only renames one (`FROM tonistiigi/xx AS xx`), may be a
 * scratch image made to be copied whole: tonistiigi/xx and docker/awesome-compose's
 * `COPY --from=gloursdocker/docker / /` are used exactly that way, on purpose.
 */
function buildsAnOperatingSystem(model: LayerModel, stageIndex: number): boolean {
  return stageChain(model.parsed, stageIndex).some((index) => model.parsed.stages[index].instructions.some((instruction) => instruction.keyword === 'RUN'));
}

const rule: Rule = {
  meta: {
    id: 'copy-from-entire-filesystem',
    category: 'size',
    severity: 'warning',
    recommended: true,
    description: "COPY --from copies the other stage's whole filesystem (/) instead of the files needed.",
    hadolint: ['DL3067'],
  },
  check({ model, report }) {
    for (const step of model.steps) {
      const { instruction } = step;
      const copy = instruction.copy;
      if (instruction.keyword !== 'COPY' || !copy?.from || !copy.sources.some((source) => /^\/+(\.)?$/.test(source))) continue;
      if (step.copy?.fromStage === null || step.copy?.fromStage === undefined || !buildsAnOperatingSystem(model, step.copy.fromStage)) continue;
      report({
        message: `COPY --from=${copy.from} / copies that stage's entire filesystem, build tools and caches included; copy only the built files (e.g. COPY --from=${copy.from} /app/dist /app).`,
        range: instruction.range,
      });
    }
  },
};

export default rule;
