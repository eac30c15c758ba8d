import { commandLabel, hasOption, insertAfterWord, type Rule } from '../src/kit/index.js';

/** Without a TTY, wget's default progress bar prints a line per few KB: megabytes of build log for one download. */
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
  check({ parsed, report }) {
    for (const { command } of parsed.runCommands) {
      if (command.program !== 'wget') continue;
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
