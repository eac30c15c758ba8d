import { stageChain, startsInRoot, type Rule } from '../src/kit/index.js';

/**
 * `COPY app.py .` lands in the base image's working directory, which you do not see in this file and
 * which changes when the base does. Fine once a WORKDIR is set in the stage or a stage it builds FROM.
 * Only for base images known to have none (debian, alpine, python, node …: the files land in `/`): an
 * image that sets a WORKDIR of its own (php's /var/www/html, a project's base image such as searxng/base)
 * is meant to be copied into that way.
 */
const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\$)/;

const rule: Rule = {
  meta: {
    id: 'copy-relative-dest-without-workdir',
    category: 'hygiene',
    severity: 'warning',
    recommended: true,
    description: 'COPY or ADD has a relative destination but no WORKDIR was set, so the base image decides where files go.',
    hadolint: ['DL3045'],
  },
  check({ parsed, report }) {
    for (const stage of parsed.stages) {
      const chain = stageChain(parsed, stage.index);
      const root = parsed.stages[chain[0]].from.from;
      if (!root || !startsInRoot(root.imageName)) continue;
      const inherited = chain.slice(0, -1).some((index) => parsed.stages[index].instructions.some((i) => i.keyword === 'WORKDIR'));
      let workdirSet = inherited;
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'WORKDIR') workdirSet = true;
        const dest = instruction.copy?.destination.replace(/^["']|["']$/g, '');
        if (workdirSet || dest === undefined || dest === '' || ABSOLUTE.test(dest)) continue;
        report({
          message: `${instruction.keyword} to the relative path ${dest} with no WORKDIR set: the files land in the base image's working directory; set WORKDIR first or use an absolute path.`,
          range: instruction.range,
        });
      }
    }
  },
};

export default rule;
