import { instructionLabel, moveIntoEarlierRun, type Instruction, type Rule } from '../src/kit/index.js';

/**
 * Two short RUNs in a row make two layers and two cache entries where one would do. Merging big RUNs
 * hurts caching, so both RUNs are adjacent (comments aside), have the same flags (a different --mount
 * cannot be merged), and hold at most two commands each: hadolint's DL3059 counts the same way (its
 * comment says it leaves `&&` chains alone; its code skips only RUNs of more than two commands).
 * A heredoc RUN is never asked to merge (hadolint #1137). More precise than DL3059: only in stages whose
 * layers ship (the final image and the stages it is built FROM); a builder stage's layers are never pulled.
 */
function flagsKey(instruction: Instruction): string {
  return instruction.flags
    .map((flag) => `${flag.name}=${flag.value ?? ''}`)
    .sort()
    .join(' ');
}

function mergeable(instruction: Instruction): boolean {
  return (
    instruction.keyword === 'RUN' &&
    instruction.form === 'shell' &&
    instruction.heredocs.length === 0 &&
    instruction.script !== null &&
    instruction.script.analysed &&
    !instruction.script.hasError &&
    instruction.script.commands.length > 0 &&
    instruction.script.commands.length <= 2
  );
}

const rule: Rule = {
  meta: {
    id: 'consecutive-run',
    category: 'size',
    severity: 'info',
    recommended: false,
    optInBecause:
      'One more small layer costs little, and experts keep steps apart on purpose (a comment per step, cache reuse); merging them is a matter of taste.',
    description: 'Two short RUNs follow each other with the same flags; one RUN makes one layer instead of two.',
    // Unsafe: the second RUN's commands then run in the first's shell (its cd, its variables).
    fixSafety: 'unsafe',
    hadolint: ['DL3059'],
  },
  check({ model, parsed, report }) {
    const deletes = new Set(model.steps.filter((step) => step.deleted.length > 0).map((step) => step.instruction));
    for (const stage of parsed.stages) {
      if (!model.stages[stage.index].inFinalImage) continue;
      stage.instructions.forEach((instruction, i) => {
        const previous = stage.instructions[i - 1];
        if (!previous || !mergeable(previous) || !mergeable(instruction) || flagsKey(previous) !== flagsKey(instruction)) return;
        if (deletes.has(instruction)) return;
        report({
          message: `${instructionLabel(instruction)} directly follows another short RUN (line ${previous.range.start.line + 1}); join them with && into one RUN to save a layer.`,
          range: instruction.range,
          related: [{ range: previous.range, message: 'the RUN before' }],
          fix: moveIntoEarlierRun(previous, instruction, true, 'commands'),
        });
      });
    }
  },
};

export default rule;
