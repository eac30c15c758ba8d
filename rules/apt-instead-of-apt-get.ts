import { commandLabel, startsFromBusybox, systemPackageCall, type Instruction, type Rule, type ShellCommand, type TextEdit } from '../src/kit/index.js';

/**
 * `apt` is for people at a terminal: its output and options are not stable and it warns so when scripted.
 * One finding per RUN, as hadolint's DL3027 (`apt update && apt install …` is one mistake, not two), with
 * one quick fix that renames every apt of the RUN.
 */
const QUERIES = new Set(['search', 'show', 'policy', 'showsrc', 'depends', 'rdepends']);
/**
 * What apt-get does under the same name. Anything else (`apt list`, `apt full-upgrade`, or `apt add`,
 * Alpine's apk written as apt) has no apt-get of that name: renaming it would not work, so no finding.
 */
const APT_GET = new Set([
  'update',
  'upgrade',
  'install',
  'reinstall',
  'remove',
  'purge',
  'autoremove',
  'dist-upgrade',
  'clean',
  'autoclean',
  'source',
  'build-dep',
  'download',
  'check',
  'satisfy',
  'changelog',
]);

/** `apt -y install curl` → install (options and their values skipped). */
function subcommandOf(command: ShellCommand): string {
  return systemPackageCall(command)?.subcommand ?? command.argv[1];
}

function replacementFor(command: ShellCommand): string {
  return QUERIES.has(subcommandOf(command)) ? 'apt-cache' : 'apt-get';
}

/** The edit renaming `apt` where its word is known (not inside `sh -c "…"`, not in an exec-form array). */
function renameEdit(command: ShellCommand): TextEdit | null {
  const nameRange = command.wordRanges[0];
  return command.name === 'apt' && nameRange !== command.range ? { range: nameRange, newText: replacementFor(command) } : null;
}

const rule: Rule = {
  meta: {
    id: 'apt-instead-of-apt-get',
    category: 'hygiene',
    severity: 'warning',
    recommended: false,
    optInBecause: 'The apt command works in scripts (it only warns that its interface may change); using apt-get instead is good hygiene, not a fix.',
    description: 'A RUN uses apt, whose interface is not stable for scripts; use apt-get or apt-cache.',
    hadolint: ['DL3027'],
    fixSafety: 'safe',
  },
  check({ parsed, report }) {
    const aptByRun = new Map<Instruction, ShellCommand[]>();
    for (const { instruction, command } of parsed.runCommands) {
      if (command.program !== 'apt' || command.argv.length < 2) continue;
      if (!APT_GET.has(subcommandOf(command)) && !QUERIES.has(subcommandOf(command))) continue;
      // On Alpine there is no apt at all (nor apt-get): the mistake is another one.
      if (instruction.stageIndex >= 0 && startsFromBusybox(parsed, instruction.stageIndex)) continue;
      aptByRun.set(instruction, [...(aptByRun.get(instruction) ?? []), command]);
    }
    for (const commands of aptByRun.values()) {
      const [first, ...others] = commands;
      const replacements = [...new Set(commands.map(replacementFor))];
      const use = replacements.length === 1 ? replacements[0] : 'apt-get (apt-cache for queries)';
      const edits = commands.map(renameEdit).filter((edit) => edit !== null);
      const shown =
        commands
          .slice(0, 3)
          .map((command) => commandLabel(command))
          .join(', ') + (commands.length > 3 ? ` and ${commands.length - 3} more` : '');
      report({
        message: `${shown}: apt's command-line interface is not stable for scripts ("WARNING: apt does not have a stable CLI interface"); use ${use}.`,
        range: first.range,
        related: others.map((command) => ({ range: command.range, message: `also ${commandLabel(command)}` })),
        fix: { description: `Use ${use}.`, edits: edits.length > 0 ? edits : undefined },
      });
    }
  },
};

export default rule;
