import { commandLabel, systemPackageCall, type Rule } from '../src/kit/index.js';

/**
 * `zypper dist-upgrade` / `apt-get dist-upgrade` may move the image to another release and remove
 * packages; that belongs in a new base image tag. (A plain `upgrade` for security fixes is fine: Docker's
 * own guide now recommends it, which is why hadolint dropped DL3005.)
 */
const DIST_UPGRADE = new Set(['dist-upgrade', 'dup', 'full-upgrade']);

const rule: Rule = {
  meta: {
    id: 'dist-upgrade',
    category: 'hygiene',
    severity: 'warning',
    recommended: false,
    optInBecause:
      'Upgrading the packages of the base image in a build is a common, deliberate choice for security fixes; hadolint dropped its own upgrade rules for that reason.',
    description: 'A RUN does a distribution upgrade, which can change the release under the base image.',
    hadolint: ['DL3035'],
  },
  check({ parsed, report }) {
    for (const { command } of parsed.runCommands) {
      const call = systemPackageCall(command);
      if (!call || !DIST_UPGRADE.has(call.subcommand) || (call.manager !== 'zypper' && call.manager !== 'apt')) continue;
      report({
        message: `${commandLabel(command)} can move the image to a different release and remove packages; use a newer base image tag instead (a plain upgrade for security fixes is fine).`,
        range: command.range,
      });
    }
  },
};

export default rule;
