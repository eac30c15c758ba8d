import type { Rule } from '../src/engine/types.js';
import { broadSources, instructionLabel } from '../src/model/queries.js';

/**
 * With a broad COPY, everything in the build context is sent to the engine and copied: `.git` and
 * `node_modules` change all the time, so the COPY misses the cache on edits that do not matter, and
 * they bloat the image. Only checked when the context is known (--context).
 */
const JUNK = ['.git', 'node_modules'];

const rule: Rule = {
  meta: {
    id: 'missing-dockerignore',
    category: 'cache',
    severity: 'warning',
    recommended: true,
    description: 'A broad COPY copies a build context that has no .dockerignore, or whose .dockerignore does not exclude .git or node_modules.',
  },
  check({ model, report }) {
    const context = model.context;
    if (!context) return;
    const broad = model.steps.find((step) => broadSources(step).length > 0);
    if (!broad) return;
    const present = JUNK.filter((name) => context.topLevel.includes(name));
    if (!context.dockerignore) {
      const also = present.length > 0 ? `, including ${present.join(' and ')}` : '';
      report({
        message: `${instructionLabel(broad.instruction)} copies the whole build context${also}, and there is no .dockerignore; add one listing .git, node_modules and build output.`,
        range: broad.instruction.range,
        fix: { description: 'Create .dockerignore next to the Dockerfile with at least `.git`, `node_modules` and your build output.' },
      });
      return;
    }
    const notIgnored = present.filter((name) => !context.isIgnored(name));
    if (notIgnored.length === 0) return;
    report({
      message: `${instructionLabel(broad.instruction)} copies ${notIgnored.join(' and ')}, which ${context.dockerignore.path} does not exclude; add ${notIgnored.join(' and ')} to it.`,
      range: broad.instruction.range,
      fix: { description: `Add ${notIgnored.map((n) => `\`${n}\``).join(' and ')} to .dockerignore.` },
    });
  },
};

export default rule;
