import { commandLabel, hasOption, insertAfterWord, startsFromBusybox, stepsInImageOf, type Instruction, type LayerModel, type Rule } from '../src/kit/index.js';

/**
 * Without a TTY, wget's default progress bar prints a line per few KB: megabytes of build log for one
 * download. GNU wget's: BusyBox's wget (Alpine's unless `apk add wget`) has no --progress, and the
 * advice would break the build.
 */

/** Is this RUN's wget BusyBox's? On an Alpine or BusyBox base, when no earlier step installed GNU wget. */
function busyboxWget(model: LayerModel, instruction: Instruction): boolean {
  if (instruction.stageIndex < 0 || !startsFromBusybox(model.parsed, instruction.stageIndex)) return false;
  const installs = stepsInImageOf(model, instruction.stageIndex)
    .filter((step) => step.instruction.range.start.line <= instruction.range.start.line)
    .flatMap((step) => step.systemPackages);
  return !installs.some((call) => call.action === 'install' && call.packages.some((name) => /^wget([=<>~].*)?$/.test(name)));
}

const rule: Rule = {
  meta: {
    id: 'wget-without-progress',
    category: 'hygiene',
    severity: 'info',
    recommended: false,
    optInBecause: 'Progress lines only lengthen the build log; they change nothing in the image or the cache.',
    description: 'A wget without --progress or -q floods the build log with progress lines.',
    hadolint: ['DL3047'],
    fixSafety: 'safe',
  },
  check({ model, parsed, report }) {
    for (const { instruction, command } of parsed.runCommands) {
      if (command.program !== 'wget' || busyboxWget(model, instruction)) continue;
      const quiet =
        hasOption(command.argv, ['--progress', '--quiet', '--no-verbose', '--output-file', '--append-output', '--show-progress'], 'qoa') ||
        command.argv.includes('-nv');
      if (quiet) continue;
      const edit = insertAfterWord(command, 0, ' --progress=dot:giga');
      report({
        message: `${commandLabel(command)} prints a progress line every few kilobytes into the build log; add --progress=dot:giga (or -q / -nv).`,
        range: command.range,
        fix: { description: 'Add --progress=dot:giga.', edits: edit ? [edit] : undefined },
      });
    }
  },
};

export default rule;
