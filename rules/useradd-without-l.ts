import { commandLabel, hasOption, insertAfterWord, type Rule } from '../src/kit/index.js';

/**
 * useradd records the user in /var/log/lastlog and faillog, sparse files indexed by UID. Docker's
 * layer tar does not keep them sparse, so a UID like 100000000 writes gigabytes of zeros into the
 * layer. `-l` (--no-log-init) skips the lastlog entry. Only large UIDs matter (hadolint: more than 5 digits).
 */
const rule: Rule = {
  meta: {
    id: 'useradd-without-l',
    category: 'size',
    severity: 'warning',
    recommended: true,
    description: 'A useradd with a large UID and without -l writes a huge sparse lastlog file into the layer.',
    hadolint: ['DL3046'],
    fixSafety: 'safe',
  },
  check({ parsed, report }) {
    for (const { command } of parsed.runCommands) {
      if (command.program !== 'useradd' || hasOption(command.argv, ['--no-log-init'], 'l')) continue;
      const uidIndex = command.argv.findIndex((word) => word === '-u' || word === '--uid');
      const inline = command.argv.map((word) => word.match(/^(?:-u|--uid=)(\d+)$/)?.[1]).find(Boolean);
      const uid = inline ?? (uidIndex > 0 ? command.argv[uidIndex + 1] : undefined);
      if (!uid || !/^\d{6,}$/.test(uid)) continue;
      const edit = insertAfterWord(command, 0, ' -l');
      report({
        message: `${commandLabel(command)} with UID ${uid} writes a sparse lastlog file of about ${Math.round((Number(uid) * 292) / 1e6)} MB into the layer; add -l (--no-log-init).`,
        range: command.range,
        fix: { description: 'Add -l.', edits: edit ? [edit] : undefined },
      });
    }
  },
};

export default rule;
