/** Text edits several rules offer as quick fixes. */
import type { Instruction, Stage } from '../parse/types.js';
import type { ReportInput, TextEdit } from './types.js';

/** Remove an instruction's whole lines (continuations included). */
export function deleteInstruction(instruction: Instruction): TextEdit {
  return { range: { start: { line: instruction.range.start.line, character: 0 }, end: { line: instruction.range.end.line + 1, character: 0 } }, newText: '' };
}

/** One finding per CMD/ENTRYPOINT/HEALTHCHECK that a later one in the same stage overrides. */
export function overriddenInstructions(stage: Stage, keyword: string): ReportInput[] {
  const all = stage.instructions.filter((instruction) => instruction.keyword === keyword);
  const last = all.at(-1);
  return all.slice(0, -1).map((overridden) => ({
    message: `This ${keyword} is overridden by the ${keyword} on line ${last!.range.start.line + 1}, so it never runs; delete it or merge the two.`,
    range: overridden.range,
    related: [{ range: last!.range, message: `the ${keyword} that takes effect` }],
    fix: { description: `Delete the overridden ${keyword}.`, edits: [deleteInstruction(overridden)] },
  }));
}
