import type { Rule } from '../src/engine/types.js';
import { commandLabel, runCommands } from '../src/model/queries.js';

/** `apt` is for people at a terminal: its output and options are not stable and it warns so when scripted. */
const rule: Rule = {
  meta: {
    id: 'apt-instead-of-apt-get',
    category: 'hygiene',
    severity: 'warning',
    description: 'A RUN uses apt, whose interface is not stable for scripts; use apt-get or apt-cache.',
    hadolint: ['DL3027'],
  },
  check({ parsed, report }) {
    for (const { command } of runCommands(parsed)) {
      if (command.program !== 'apt' || command.argv.length < 2) continue;
      const isSearch = ['search', 'show', 'policy', 'showsrc', 'depends', 'rdepends'].includes(command.argv[1]);
      const replacement = isSearch ? 'apt-cache' : 'apt-get';
      const nameRange = command.wordRanges[0];
      const rewritable = command.name === 'apt' && nameRange !== command.range;
      report({
        message: `${commandLabel(command)}: apt's command-line interface is not stable for scripts ("WARNING: apt does not have a stable CLI interface"); use ${replacement}.`,
        range: command.range,
        fix: { description: `Use ${replacement}.`, edits: rewritable ? [{ range: nameRange, newText: replacement }] : undefined },
      });
    }
  },
};

export default rule;
