import { commandLabel, unpinnedInstall, type Rule } from '../src/kit/index.js';

/**
 * An install without versions gives a different image whenever the repository moves on, and a cached
 * layer hides that until the cache is gone. One rule for every package manager hadolint checks; the
 * message names the tool and the packages. Info, not warning: pinning distribution packages (apt, apk)
 * also breaks builds when the mirror drops the old version, a trade-off each team makes itself.
 */
const rule: Rule = {
  meta: {
    id: 'unpinned-package',
    category: 'hygiene',
    severity: 'info',
    recommended: false,
    optInBecause:
      "Pinning distribution packages is each team's trade-off (a pinned version that leaves the mirror breaks the build); official images leave them unpinned on purpose and rebuild often.",
    description: 'A package install names packages without versions, so rebuilds silently get different ones.',
    hadolint: ['DL3008', 'DL3013', 'DL3016', 'DL3018', 'DL3028', 'DL3033', 'DL3037', 'DL3041', 'DL3062'],
  },
  check({ parsed, report }) {
    for (const { command } of parsed.runCommands) {
      const found = unpinnedInstall(command);
      if (!found) continue;
      const names = found.packages.slice(0, 4).join(', ') + (found.packages.length > 4 ? ` and ${found.packages.length - 4} more` : '');
      report({
        message: `${commandLabel(command)} installs ${names} without a version, so each rebuild may get different ones; pin them (${found.packages[0].replace(/@latest$/, '')}${found.separator}<version>) or install from a lock file.`,
        range: command.range,
        properties: { hadolint: found.hadolint, packages: found.packages },
      });
    }
  },
};

export default rule;
