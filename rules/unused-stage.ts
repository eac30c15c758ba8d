import type { Rule } from '../src/engine/types.js';

/** A stage the target never uses: BuildKit skips it silently, the legacy builder builds it for nothing. */
const rule: Rule = {
  meta: {
    id: 'unused-stage',
    category: 'stages',
    severity: 'info',
    description: 'A stage is not the target and nothing the target depends on uses it.',
  },
  check({ model, parsed, report }) {
    const target = parsed.stages[model.targetStage];
    for (const stage of model.stages) {
      if (stage.isBuilt) continue;
      const name = stage.stage.name ?? String(stage.stage.index);
      report({
        message: `Stage ${name} is not used by the target stage ${target?.name ?? model.targetStage} (through FROM or COPY --from), so it is not part of the image; delete it, or build it on purpose with --target ${name}.`,
        range: stage.stage.from.range,
      });
    }
  },
};

export default rule;
