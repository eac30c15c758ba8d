import type { Rule } from '../src/kit/index.js';

/** RUN already runs as the current USER; sudo adds a setuid binary and unpredictable TTY/environment behaviour. */
const rule: Rule = {
  meta: {
    id: 'sudo-in-run',
    category: 'security',
    severity: 'error',
    recommended: true,
    description: 'A RUN uses sudo; switch users with USER instead.',
    hadolint: ['DL3004'],
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions.flatMap((i) => (i.onbuildTrigger ? [i, i.onbuildTrigger] : [i]))) {
      const command = instruction.keyword === 'RUN' ? instruction.script?.commands.find((c) => c.wrappers.includes('sudo') || c.program === 'sudo') : undefined;
      if (!command) continue;
      report({
        message:
          'sudo in a RUN: the build already runs as the current USER, and sudo brings a setuid binary and TTY/environment surprises; use USER root … USER app around the steps that need it.',
        range: command.range,
      });
    }
  },
};

export default rule;
