import { commandLabel, own, type Rule } from '../src/kit/index.js';

/**
 * Commands that do nothing useful while an image builds: no process survives a RUN, there is no
 * terminal, and nobody looks at the screen. hadolint's list (DL3001). More precise than hadolint:
 * `ssh` in a RUN with `--mount=type=ssh` is the documented way to reach private hosts, so it is allowed.
 */
const POINTLESS: Record<string, string> = {
  free: "memory figures of the build machine are not the container's",
  kill: 'no process survives the end of a RUN',
  mount: 'mounts made in a RUN vanish with it (use RUN --mount)',
  ps: 'no other process runs during a build step',
  service: 'a service started in a RUN stops when the RUN ends; start it from CMD/ENTRYPOINT',
  shutdown: 'there is no system to shut down',
  ssh: 'it needs credentials the image should not hold (use RUN --mount=type=ssh)',
  top: 'there is no terminal in a build',
  vim: 'there is no terminal to edit in during a build',
};

const rule: Rule = {
  meta: {
    id: 'pointless-command',
    category: 'hygiene',
    severity: 'info',
    recommended: true,
    description: 'A RUN calls a command that makes no sense while building an image (service, ps, top, vim, ssh …).',
    hadolint: ['DL3001'],
  },
  check({ parsed, report }) {
    for (const { instruction, command } of parsed.runCommands) {
      const why = own(POINTLESS, command.program);
      if (!why) continue;
      if (command.program === 'ssh' && instruction.flags.some((flag) => flag.name === 'mount' && flag.options.type === 'ssh')) continue;
      report({ message: `${commandLabel(command)} is pointless in a build: ${why}.`, range: command.range });
    }
  },
};

export default rule;
