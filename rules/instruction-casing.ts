import type { Rule } from '../src/engine/types.js';
import type { Instruction } from '../src/parse/types.js';

/**
 * Instructions are case-insensitive, but a file that mixes `RUN` and `run` (or writes `Run`) is harder
 * to scan. As BuildKit's ConsistentInstructionCasing: the majority case wins; mixed-case words always lose.
 */
const rule: Rule = {
  meta: {
    id: 'instruction-casing',
    category: 'hygiene',
    severity: 'style',
    description: 'An instruction keyword is not in the case most of the file uses.',
    buildkit: ['ConsistentInstructionCasing'],
  },
  check({ parsed, report }) {
    const all = parsed.instructions.flatMap((i) => (i.onbuildTrigger ? [i, i.onbuildTrigger] : [i]));
    const upper = all.filter((i) => i.keywordAsWritten === i.keywordAsWritten.toUpperCase()).length;
    const lower = all.filter((i) => i.keywordAsWritten === i.keywordAsWritten.toLowerCase()).length;
    const wantUpper = upper >= lower;
    const fits = (i: Instruction) => i.keywordAsWritten === (wantUpper ? i.keywordAsWritten.toUpperCase() : i.keywordAsWritten.toLowerCase());
    for (const instruction of all.filter((i) => !fits(i))) {
      const wanted = wantUpper ? instruction.keywordAsWritten.toUpperCase() : instruction.keywordAsWritten.toLowerCase();
      report({
        message: `Write ${wanted}, not ${instruction.keywordAsWritten}: the rest of the file uses ${wantUpper ? 'upper' : 'lower'}case instructions.`,
        range: instruction.keywordRange,
        fix: { description: `Write ${wanted}.`, edits: [{ range: instruction.keywordRange, newText: wanted }] },
      });
    }
  },
};

export default rule;
