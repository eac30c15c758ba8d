import type { Rule } from '../src/engine/types.js';

/**
 * `COPY --from=builder / /` copies the builder's whole filesystem (compilers, caches, package lists)
 * over the final image: the multi-stage split then saves nothing. Copy the artefacts you built.
 */
const rule: Rule = {
  meta: {
    id: 'copy-from-entire-filesystem',
    category: 'size',
    severity: 'warning',
    recommended: true,
    description: 'COPY --from copies the other stage\'s whole filesystem (/) instead of the files needed.',
    hadolint: ['DL3067'],
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions) {
      const copy = instruction.copy;
      if (instruction.keyword !== 'COPY' || !copy?.from || !copy.sources.some((source) => /^\/+(\.)?$/.test(source))) continue;
      report({
        message: `COPY --from=${copy.from} / copies that stage's entire filesystem, build tools and caches included; copy only the built files (e.g. COPY --from=${copy.from} /app/dist /app).`,
        range: instruction.range,
      });
    }
  },
};

export default rule;
