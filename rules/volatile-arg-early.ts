import { lineOf, moveInstructionBefore, referencedVariables, type LayerStep, type Rule } from '../src/kit/index.js';

/**
 * Every RUN after an ARG uses it implicitly (as an environment variable), so when its value changes
 * every later RUN misses the cache (Docker's build cache rules). ARGs that change on every build
 * (dates, commit ids, build numbers) should be declared just before their first use.
 */
const VOLATILE =
  /^(BUILD_?(DATE|TIME|TIMESTAMP|NUMBER|NUM|ID)|TIMESTAMP|DATE|NOW|(GIT_?)?(COMMIT|SHA|REVISION|REV|HASH)(_?(SHA|HASH|ID|REF))?|GIT_?(REF|TAG|BRANCH|DESCRIBE)|VCS_?REF|SOURCE_?(COMMIT|VERSION)|(APP_?|RELEASE_?|IMAGE_?|BUILD_?)?VERSION|RELEASE|CACHE_?BUST|NO_?CACHE|CI_(COMMIT_SHA|PIPELINE_ID|JOB_ID)|GITHUB_(SHA|RUN_ID|RUN_NUMBER))$/i;

function isExpensive(step: LayerStep): boolean {
  return (
    step.instruction.keyword === 'RUN' &&
    (step.systemPackages.length > 0 || step.dependencyInstalls.length > 0 || step.builds.length > 0 || step.created.some((e) => e.kind === 'download'))
  );
}

function uses(step: LayerStep, name: string): boolean {
  const { instruction } = step;
  if (referencedVariables(instruction.argumentsText).includes(name)) return true;
  return (instruction.script?.commands ?? []).some((c) => c.argv.some((word) => word.includes(name)));
}

const rule: Rule = {
  meta: {
    id: 'volatile-arg-early',
    category: 'cache',
    severity: 'warning',
    recommended: true,
    description: 'An ARG whose value changes every build is declared before expensive RUN steps, so all of them miss the cache on every build.',
    // Unsafe: a script the RUNs between call may read the variable, which no longer reaches them.
    fixSafety: 'unsafe',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      stage.steps.forEach((step, index) => {
        if (step.instruction.keyword !== 'ARG') return;
        for (const pair of step.instruction.pairs) {
          if (!VOLATILE.test(pair.name)) continue;
          const later = stage.steps.slice(index + 1);
          const firstUse = later.find((candidate) => uses(candidate, pair.name));
          const busted = later.filter((candidate) => isExpensive(candidate) && (!firstUse || candidate.id < firstUse.id));
          if (busted.length === 0) continue;
          const where = firstUse ? `just before its first use on line ${lineOf(firstUse.instruction.range)}` : 'where it is used, or not at all';
          report({
            message: `ARG ${pair.name} changes every build and every RUN after it misses the cache, so ${busted.length} expensive step(s) from line ${lineOf(busted[0].instruction.range)} re-run each time; declare it ${where}.`,
            range: pair.nameRange,
            related: busted.map((b) => ({ range: b.instruction.range, message: 'rebuilt whenever the ARG changes' })),
            fix:
              firstUse && step.instruction.pairs.length === 1
                ? { description: `Move \`ARG ${pair.name}\` ${where}.`, edits: moveInstructionBefore(model.parsed, step.instruction, firstUse.instruction) }
                : { description: `Move \`ARG ${pair.name}\` ${where}.` },
          });
        }
      });
    }
  },
};

export default rule;
