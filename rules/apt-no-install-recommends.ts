import { shippedSteps, commandLabel, hasOption, insertAfterWord, type Rule } from '../src/kit/index.js';

/**
 * `apt-get install` without `--no-install-recommends` pulls in recommended packages, often tens of MB.
 * Stage-aware: only stages that make up the final image (a builder stage's extras never ship).
 * Not `apt-get build-dep`: build dependencies are installed to be purged again (the official images'
 * fallback for architectures without packages). One finding per RUN, with one fix for every install in it
 * (laravel/sail's one RUN has six installs).
 */
const rule: Rule = {
  meta: {
    id: 'apt-no-install-recommends',
    category: 'size',
    severity: 'info',
    recommended: true,
    description: 'An apt-get install without --no-install-recommends installs recommended packages into the final image.',
    hadolint: ['DL3015'],
    fixSafety: 'unsafe',
  },
  check({ model, report }) {
    for (const { step } of shippedSteps(model)) {
      const installs = step.systemPackages.filter(
        (call) =>
          call.manager === 'apt' &&
          call.action === 'install' &&
          call.subcommand !== 'build-dep' &&
          call.command.program !== 'aptitude' &&
          !hasOption(call.command.argv, ['--no-install-recommends']) &&
          !call.options.some((o) => /APT::Install-Recommends=("?)(false|0|no)\1/i.test(o)),
      );
      if (installs.length === 0) continue;
      const edits = installs.map((call) => insertAfterWord(call.command, call.command.argv.indexOf(call.subcommand), ' --no-install-recommends'));
      const more = installs.length > 1 ? ` (and ${installs.length - 1} more install${installs.length > 2 ? 's' : ''} in this RUN)` : '';
      report({
        message: `${commandLabel(installs[0].command)}${more} also installs every recommended package, which is rarely needed in an image; add --no-install-recommends.`,
        range: installs[0].command.range,
        related: installs.slice(1).map((call) => ({ range: call.command.range, message: 'also without --no-install-recommends' })),
        fix: {
          description: 'Add --no-install-recommends.',
          edits: edits.every((edit) => edit !== null) ? (edits as NonNullable<(typeof edits)[number]>[]) : undefined,
        },
      });
    }
  },
};

export default rule;
