import type { Rule } from '../src/kit/index.js';

/** `FROM x AS scratch`: `scratch` is the empty image and `context` the build context, so other stages cannot reach this one by name. */
const RESERVED = new Set(['scratch', 'context']);

const rule: Rule = {
  meta: {
    id: 'reserved-stage-name',
    category: 'stages',
    severity: 'warning',
    recommended: true,
    description: 'A stage is named scratch or context, names Docker reserves for other things.',
    hadolint: ['DL3063'],
    buildkit: ['ReservedStageName'],
  },
  check({ parsed, report }) {
    for (const stage of parsed.stages) {
      if (!stage.name || !RESERVED.has(stage.name.toLowerCase())) continue;
      report({
        message: `"${stage.name}" is reserved (${stage.name.toLowerCase() === 'scratch' ? 'the empty image' : 'the build context in COPY --from'}), so FROM/COPY --from ${stage.name} will not mean this stage; rename it.`,
        range: stage.from.from?.stageNameRange ?? stage.from.range,
      });
    }
  },
};

export default rule;
