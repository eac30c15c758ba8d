import type { Rule } from '../src/engine/types.js';
import { stageChain } from '../src/parse/dockerfile.js';

/**
 * A relative WORKDIR depends on the base image's working directory, which can change under you.
 * As BuildKit's WorkdirRelativePath (more precise than hadolint's DL3000): fine once an absolute
 * WORKDIR was set earlier in the stage or the stages it is built FROM.
 */
const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\$)/;

const rule: Rule = {
  meta: {
    id: 'workdir-relative',
    category: 'hygiene',
    severity: 'warning',
    description: 'A relative WORKDIR is used before any absolute WORKDIR, so it depends on the base image\'s working directory.',
    hadolint: ['DL3000'],
    buildkit: ['WorkdirRelativePath'],
  },
  check({ parsed, report }) {
    for (const stage of parsed.stages) {
      const earlierStages = stageChain(parsed, stage.index).slice(0, -1);
      let absoluteSeen = earlierStages.some((index) => parsed.stages[index].instructions.some((i) => i.keyword === 'WORKDIR' && ABSOLUTE.test(i.argumentsText.trim())));
      for (const instruction of stage.instructions.filter((i) => i.keyword === 'WORKDIR')) {
        const path = instruction.argumentsText.trim();
        if (ABSOLUTE.test(path)) {
          absoluteSeen = true;
        } else if (!absoluteSeen) {
          report({
            message: `WORKDIR ${path} is relative and no absolute WORKDIR was set before it, so where it lands depends on the base image; use an absolute path such as /${path.replace(/^\.\//, '')}.`,
            range: instruction.argumentsRange ?? instruction.range,
            fix: instruction.argumentsRange ? { description: 'Make the path absolute.', edits: [{ range: instruction.argumentsRange, newText: `/${path.replace(/^\.\//, '')}` }] } : undefined,
          });
        }
      }
    }
  },
};

export default rule;
