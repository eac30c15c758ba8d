import type { Rule } from '../src/kit/index.js';

/**
 * `RUN cd /app && make` runs the whole step somewhere else, and the next RUN is back where it was;
 * WORKDIR says it once and every later step sees it. Unlike hadolint's DL3003, a `cd` in the middle
 * of a script (into a directory the script just made: `git clone x && cd x && make`) is not flagged.
 */
const rule: Rule = {
  meta: {
    id: 'cd-instead-of-workdir',
    category: 'hygiene',
    severity: 'warning',
    recommended: false,
    optInBecause: '`cd dir && cmd` inside one RUN is a correct, common idiom; WORKDIR is only a clearer way to say it.',
    description: 'A RUN starts with cd into a directory; WORKDIR states it once for every later step.',
    hadolint: ['DL3003'],
  },
  check({ parsed, report }) {
    for (const instruction of parsed.runInstructions) {
      const first = instruction.script?.commands[0];
      if (!first || first.program !== 'cd' || first.argv.length !== 2 || /^[-~$]/.test(first.argv[1])) continue;
      report({
        message: `This RUN starts with \`cd ${first.argv[1]}\`; use \`WORKDIR ${first.argv[1]}\` before it, so later steps run there too and readers see where they are.`,
        range: first.range,
      });
    }
  },
};

export default rule;
