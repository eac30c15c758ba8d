import { referencedVariables, stageChain, type Rule } from '../src/kit/index.js';

/**
 * In `ENV A=/opt B=$A/bin`, $A is substituted with A's value from before this ENV, not /opt: if A
 * was never set, B becomes "/bin". Flagged only then (as hadolint's DL3044): when A was set before,
 * reading its old value (`PATH=$PATH:…` style) may be what the author wants.
 */
const rule: Rule = {
  meta: {
    id: 'env-self-reference',
    category: 'syntax',
    severity: 'error',
    recommended: true,
    description: 'ENV refers to a variable that the same ENV defines, which it cannot see yet.',
    hadolint: ['DL3044'],
  },
  check({ parsed, report }) {
    for (const stage of parsed.stages) {
      const defined = new Set(parsed.globalArgs.flatMap((arg) => arg.pairs.map((pair) => pair.name)));
      const earlier = stageChain(parsed, stage.index)
        .slice(0, -1)
        .flatMap((index) => parsed.stages[index].instructions);
      for (const instruction of [...earlier, ...stage.instructions]) {
        const isOwn = instruction.stageIndex === stage.index;
        if (isOwn && instruction.keyword === 'ENV') {
          const names = new Set(instruction.pairs.map((pair) => pair.name));
          for (const pair of instruction.pairs) {
            const bad = referencedVariables(pair.value ?? '').find((name) => names.has(name) && name !== pair.name && !defined.has(name));
            if (bad) {
              report({
                message: `${pair.name} refers to $${bad}, which this same ENV defines: it is substituted with ${bad}'s value from before this line (none), not the new one; set ${bad} in an earlier ENV.`,
                range: pair.nameRange,
              });
            }
          }
        }
        if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') instruction.pairs.forEach((pair) => defined.add(pair.name));
      }
    }
  },
};

export default rule;
