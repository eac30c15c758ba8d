import { stageChain, type Instruction, type Rule } from '../src/kit/index.js';

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
    recommended: true,
    description: "A relative WORKDIR is used before any absolute WORKDIR, so it depends on the base image's working directory.",
    hadolint: ['DL3000'],
    buildkit: ['WorkdirRelativePath'],
    fixSafety: 'safe',
  },
  check({ parsed, report }) {
    // `word` is the path as Docker reads it: WORKDIR '/app' is absolute.
    const isAbsolute = (workdir: Instruction) => ABSOLUTE.test(workdir.word ?? '');
    for (const stage of parsed.stages) {
      const earlierStages = stageChain(parsed, stage.index).slice(0, -1);
      let absoluteSeen = earlierStages.some((index) => parsed.stages[index].instructions.some((i) => i.keyword === 'WORKDIR' && isAbsolute(i)));
      for (const instruction of stage.instructions.filter((i) => i.keyword === 'WORKDIR')) {
        if (isAbsolute(instruction)) {
          absoluteSeen = true;
        } else if (!absoluteSeen) {
          const written = instruction.argumentsText.trim();
          // Inside the quotes, if any: 'app' becomes '/app'.
          const absolute = written.replace(/^(['"]?)(\.\/)?/, '$1/');
          report({
            message: `WORKDIR ${written} is relative and no absolute WORKDIR was set before it, so where it lands depends on the base image; use an absolute path such as ${absolute}.`,
            range: instruction.argumentsRange ?? instruction.range,
            fix: instruction.argumentsRange
              ? { description: 'Make the path absolute.', edits: [{ range: instruction.argumentsRange, newText: absolute }] }
              : undefined,
          });
        }
      }
    }
  },
};

export default rule;
