import type { Rule } from '../src/engine/types.js';
import { systemPackageCall } from '../src/model/knowledge/package-managers.js';
import { commandLabel } from '../src/model/queries.js';

/**
 * `RUN apt-get update` on its own: Docker caches that layer, so a later `RUN apt-get install` (or one
 * edited months later) installs from the stale index; the usual result is 404s for removed packages.
 */
const rule: Rule = {
  meta: {
    id: 'package-index-alone',
    category: 'cache',
    severity: 'warning',
    description: 'A package index update runs in a RUN with no install, so the cached index goes stale for later installs.',
  },
  check({ model, report }) {
    for (const step of model.steps) {
      const calls = (step.instruction.script?.commands ?? []).map(systemPackageCall).filter((call) => call !== null);
      for (const update of calls.filter((call) => call.action === 'update')) {
        const installsToo = calls.some((call) => call.manager === update.manager && (call.action === 'install' || call.action === 'upgrade'));
        if (installsToo) continue;
        report({
          message: `${commandLabel(update.command)} runs without an install in the same RUN, so Docker caches the index and later installs use a stale one; update and install in one RUN.`,
          range: update.command.range,
          fix: { description: 'Join the update with the install that needs it: `RUN apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*`.' },
        });
      }
    }
  },
};

export default rule;
