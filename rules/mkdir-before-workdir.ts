import { resolveAgainst, type Rule } from '../src/kit/index.js';

/** `RUN mkdir -p /app` then `WORKDIR /app`: WORKDIR creates the directory itself, so the RUN is a layer for nothing. */
const rule: Rule = {
  meta: {
    id: 'mkdir-before-workdir',
    category: 'size',
    severity: 'info',
    recommended: false,
    optInBecause: 'The extra layer holds one empty directory and costs almost nothing; dropping it is tidiness, not a fix.',
    description: 'A RUN that only creates the directory the next WORKDIR names adds a layer WORKDIR makes unneeded.',
    fixSafety: 'unsafe',
  },
  check({ parsed, report }) {
    for (const stage of parsed.stages) {
      stage.instructions.forEach((instruction, i) => {
        const next = stage.instructions[i + 1];
        const commands = instruction.script?.commands ?? [];
        if (
          instruction.keyword !== 'RUN' ||
          next?.keyword !== 'WORKDIR' ||
          instruction.flags.length > 0 ||
          commands.length !== 1 ||
          commands[0].program !== 'mkdir'
        )
          return;
        const options = commands[0].argv.slice(1).filter((word) => word.startsWith('-'));
        const paths = commands[0].argv.slice(1).filter((word) => !word.startsWith('-'));
        const written = next.argumentsText.trim().replace(/^(["'])(.*)\1$/, '$2');
        if (written.includes('$')) return;
        // The WORKDIR instruction's own `workdir` is the one in effect before it.
        const workdir = resolveAgainst(written, next.workdir, '/root');
        if (
          paths.length !== 1 ||
          options.some((option) => option !== '-p' && option !== '--parents') ||
          resolveAgainst(paths[0], instruction.workdir, '/root') !== workdir
        )
          return;
        report({
          message: `WORKDIR ${workdir} on the next line creates the directory itself; this RUN only adds a layer, so drop it.`,
          range: instruction.range,
          related: [{ range: next.range, message: 'creates the directory' }],
          fix: { description: 'Delete this RUN.', edits: [{ range: { start: instruction.range.start, end: next.range.start }, newText: '' }] },
        });
      });
    }
  },
};

export default rule;
