import { commandLabel, stageChain, type Rule } from '../src/kit/index.js';

/**
 * Images without a /bin/sh of their own (distroless, scratch): linking one in (`ln -s /busybox/sh /bin/sh` on
 * distroless:debug, seen in grafana/loki) adds a shell for scripts run at runtime, which SHELL cannot do.
 */
const NO_BIN_SH = /^(scratch|gcr\.io\/distroless\/.*|cgr\.dev\/chainguard\/.*)$/;

/** Relinking /bin/sh changes the shell of every later script in the image (and of the base's tools); SHELL changes it for RUN only. */
const rule: Rule = {
  meta: {
    id: 'ln-bin-sh',
    category: 'hygiene',
    severity: 'warning',
    recommended: true,
    description: 'A RUN relinks /bin/sh; use the SHELL instruction to choose the shell for RUN.',
    hadolint: ['DL4005'],
  },
  check({ parsed, report }) {
    for (const { command, instruction } of parsed.runCommands) {
      if (command.program !== 'ln' || command.argv.at(-1) !== '/bin/sh') continue;
      const root = parsed.stages[stageChain(parsed, instruction.stageIndex)[0]]?.from.from;
      if (root && NO_BIN_SH.test(root.imageName.toLowerCase())) continue;
      const target =
        command.argv
          .slice(1, -1)
          .filter((word) => !word.startsWith('-'))
          .at(-1) ?? '/bin/bash';
      report({
        message: `${commandLabel(command)} replaces /bin/sh for every program in the image; to run RUN steps with another shell use SHELL ["${target}", "-c"].`,
        range: command.range,
      });
    }
  },
};

export default rule;
