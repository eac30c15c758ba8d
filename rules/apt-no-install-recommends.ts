import type { Rule } from '../src/engine/types.js';
import { hasOption } from '../src/model/knowledge/package-managers.js';
import { commandLabel, insertAfterWord } from '../src/model/queries.js';

/**
 * `apt-get install` without `--no-install-recommends` pulls in recommended packages, often tens of MB.
 * Stage-aware: only stages that make up the final image (a builder stage's extras never ship).
 */
const rule: Rule = {
  meta: {
    id: 'apt-no-install-recommends',
    category: 'size',
    severity: 'info',
    recommended: true,
    description: 'An apt-get install without --no-install-recommends installs recommended packages into the final image.',
    hadolint: ['DL3015'],
  },
  check({ model, report }) {
    for (const stage of model.stages.filter((s) => s.inFinalImage)) {
      for (const step of stage.steps) {
        for (const call of step.systemPackages) {
          if (call.manager !== 'apt' || call.action !== 'install' || call.command.program === 'aptitude') continue;
          const disabled = hasOption(call, '--no-install-recommends') || call.options.some((o) => /APT::Install-Recommends=("?)(false|0|no)\1/i.test(o));
          if (disabled) continue;
          const subcommand = call.command.argv.indexOf(call.subcommand);
          const edit = insertAfterWord(call.command, subcommand, ' --no-install-recommends');
          report({
            message: `${commandLabel(call.command)} also installs every recommended package, which is rarely needed in an image; add --no-install-recommends.`,
            range: call.command.range,
            fix: { description: 'Add --no-install-recommends.', edits: edit ? [edit] : undefined },
          });
        }
      }
    }
  },
};

export default rule;
