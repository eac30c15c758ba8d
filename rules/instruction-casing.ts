import { KNOWN_INSTRUCTIONS, type Instruction, type Rule } from '../src/kit/index.js';

/**
 * Instructions are case-insensitive, but a file that mixes `RUN` and `run` (or writes `Run`) is harder
 * to scan. As BuildKit's ConsistentInstructionCasing: the majority case wins; mixed-case words always lose.
 */
const rule: Rule = {
  meta: {
    id: 'instruction-casing',
    category: 'hygiene',
    severity: 'style',
    recommended: false,
    optInBecause: 'Style only: the casing of an instruction keyword changes neither the build nor the image.',
    description: 'An instruction keyword is not in the case most of the file uses.',
    buildkit: ['ConsistentInstructionCasing'],
    fixSafety: 'safe',
  },
  check({ parsed, report }) {
    const all: Instruction[] = [];
    let upper = 0;
    let lower = 0;
    for (const instruction of parsed.instructions) {
      for (const one of instruction.onbuildTrigger ? [instruction, instruction.onbuildTrigger] : [instruction]) {
        // An unknown word (a stray line: parse-error reports it) is no instruction and has no say in the casing.
        if (!KNOWN_INSTRUCTIONS.has(one.keyword)) continue;
        all.push(one);
        if (one.keywordAsWritten === one.keyword) upper++;
        else if (one.keywordAsWritten === one.keywordAsWritten.toLowerCase()) lower++;
      }
    }
    if (upper === all.length || lower === all.length) return;
    const wantUpper = upper >= lower;
    const fits = (i: Instruction) => i.keywordAsWritten === (wantUpper ? i.keyword : i.keywordAsWritten.toLowerCase());
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
