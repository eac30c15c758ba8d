import { commandLabel, hasOption, insertAfterWord, own, systemPackageCall, type Rule } from '../src/kit/index.js';

/**
 * Without `-y` these package managers stop to ask "Do you want to continue?"; with no terminal in a
 * build the answer is "no" and the step fails (or, worse, hangs on some versions). microdnf and apk
 * never ask, so they are not checked.
 */
const ASSUME_YES: Record<string, { long: string[]; short: string; code: string }> = {
  'apt-get': { long: ['--yes', '--assume-yes', '--force-yes'], short: 'y', code: 'DL3014' },
  apt: { long: ['--yes', '--assume-yes'], short: 'y', code: 'DL3014' },
  yum: { long: ['--assumeyes'], short: 'y', code: 'DL3030' },
  zypper: { long: ['--no-confirm', '--non-interactive'], short: 'yn', code: 'DL3034' },
  dnf: { long: ['--assumeyes'], short: 'y', code: 'DL3038' },
  dnf5: { long: ['--assumeyes'], short: 'y', code: 'DL3038' },
};

const rule: Rule = {
  meta: {
    id: 'install-without-yes',
    category: 'hygiene',
    severity: 'warning',
    recommended: true,
    description: 'A package install does not answer yes in advance (-y), so it stops at a prompt no one can answer.',
    hadolint: ['DL3014', 'DL3030', 'DL3034', 'DL3038'],
    fixSafety: 'safe',
  },
  check({ parsed, report }) {
    for (const { command } of parsed.runCommands) {
      const options = own(ASSUME_YES, command.program);
      const call = options ? systemPackageCall(command) : null;
      if (!options || !call || !['install', 'upgrade', 'remove'].includes(call.action)) continue;
      // apt-get: -q=2 implies -y, however it is written (-qq, -q -q, -q=2, --quiet=2).
      const quietFlags = command.argv.filter((w) => /^-q+$/.test(w)).reduce((sum, w) => sum + w.length - 1, 0);
      const quietTwice = /^apt/.test(command.program) && (quietFlags >= 2 || command.argv.some((w) => /^(-q=?|--quiet=)[2-9]$/.test(w)));
      const configured = call.options.some((option) => /Assume-Yes=(true|1|yes)/i.test(option));
      if (hasOption(command.argv, options.long, options.short) || quietTwice || configured) continue;
      const edit = insertAfterWord(command, command.argv.indexOf(call.subcommand), ' -y');
      report({
        message: `${commandLabel(command)} will ask for confirmation, which a build cannot give; add -y.`,
        range: command.range,
        fix: { description: 'Add -y.', edits: edit ? [edit] : undefined },
        properties: { hadolint: options.code },
      });
    }
  },
};

export default rule;
