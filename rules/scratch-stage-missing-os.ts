import { stageChain, type Instruction, type ParsedDockerfile, type Rule } from '../src/kit/index.js';

/**
 * A stage built FROM scratch has no operating system: no /bin/sh for a shell-form RUN (the build fails:
 * `/bin/sh: no such file or directory`) and no /etc/passwd for `USER name` (the container fails to start:
 * `unable to find user`). Only when nothing copied into the stage before could have brought them: an ADD
 * (it may unpack a root filesystem), or a COPY into /, /bin, /usr or /etc.
 */
const MAY_BRING_OS = /^\/(bin|usr|etc)?\/?$|^\/(bin|usr\/bin|etc)\/.*$/;

function mayHaveBroughtOs(instruction: Instruction): boolean {
  if (instruction.keyword === 'ADD') return true;
  if (instruction.keyword !== 'COPY' || !instruction.copy) return false;
  const destination = instruction.copy.destination.replace(/^["']|["']$/g, '');
  return MAY_BRING_OS.test(destination) || instruction.copy.sources.some((source) => /^\/?(bin|etc|usr)?\/?$/.test(source));
}

/** The instructions of the stage's chain before `instruction`, if the chain starts FROM scratch; else null. */
function scratchHistoryBefore(parsed: ParsedDockerfile, instruction: Instruction): Instruction[] | null {
  const chain = stageChain(parsed, instruction.stageIndex);
  if (parsed.stages[chain[0]]?.from.from?.image.toLowerCase() !== 'scratch') return null;
  return chain
    .flatMap((index) => parsed.stages[index].instructions)
    .filter((earlier) => earlier.stageIndex !== instruction.stageIndex || earlier.index < instruction.index);
}

const rule: Rule = {
  meta: {
    id: 'scratch-stage-missing-os',
    category: 'runtime',
    severity: 'error',
    recommended: true,
    description:
      'A stage built FROM scratch runs a shell-form RUN (there is no /bin/sh) or names a USER (there is no /etc/passwd), and nothing copied them in.',
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions) {
      const runNeedsShell = instruction.keyword === 'RUN' && instruction.form === 'shell';
      const user = instruction.keyword === 'USER' ? instruction.argumentsText.trim().split(':')[0] : '';
      const userByName = user !== '' && !/^\d+$/.test(user) && !user.includes('$');
      if (!runNeedsShell && !userByName) continue;
      const history = scratchHistoryBefore(parsed, instruction);
      if (history === null || history.some(mayHaveBroughtOs)) continue;
      report({
        message: runNeedsShell
          ? 'This stage is built FROM scratch, which has no /bin/sh, and nothing was copied in that provides one: this RUN fails the build; do this work in a stage with an operating system and COPY --from it the result.'
          : `This stage is built FROM scratch, which has no /etc/passwd, so the container cannot start as user ${user}; use a numeric USER (e.g. USER 65532:65532) or COPY an /etc/passwd that defines ${user}.`,
        range: instruction.range,
      });
    }
  },
};

export default rule;
