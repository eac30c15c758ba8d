/** Fix builders: the text edits several rules offer as quick fixes. */
import type { Fix, ReportInput, TextEdit } from '../core/findings.js';
import type { Instruction, ParsedDockerfile, ShellCommand, Stage } from '../parse/types.js';
import { isPlainRun } from './queries.js';

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

/**
 * Move what a RUN does to the end of an earlier RUN (`… && rm -rf /tmp/x`) and delete it: edits only
 * when the RUN does nothing else (`movedOnly`) and both are plain shell-form RUNs of one stage;
 * otherwise the description alone. `what` names it in the description: `cleanup`, `chmod`.
 */
export function moveIntoEarlierRun(target: Instruction, moved: Instruction, movedOnly: boolean, what: string): Fix {
  const line = target.range.start.line + 1;
  if (!movedOnly) return { description: `Move the ${what} into the RUN on line ${line}.` };
  const script = moved.form === 'exec' && moved.execArgs ? moved.execArgs.join(' ') : moved.argumentsText.trim();
  const description = `Move the ${what} into the RUN on line ${line} (\`… && ${script}\`) and delete this RUN.`;
  if (!isPlainRun(target) || !isPlainRun(moved) || target.stageIndex !== moved.stageIndex) return { description };
  const edits: TextEdit[] = [{ range: { start: target.range.end, end: target.range.end }, newText: ` \\\n    && ${script}` }, deleteInstruction(moved)];
  return { description, edits };
}

/** An edit that inserts text right after argv word `index` of a command (for quick fixes). */
export function insertAfterWord(command: ShellCommand, index: number, text: string): TextEdit | null {
  const at = command.wordRanges[index]?.end;
  // Commands found inside `sh -c "…"` carry the outer command's range as every word's range: no safe place to insert.
  if (!at || command.wordRanges[0] === command.range) return null;
  return { range: { start: at, end: at }, newText: text };
}

/**
 * Move an instruction, with the comment lines directly above it, to just above `target` (an earlier or
 * a later instruction). Its lines are moved as written, continuations and indentation included.
 */
export function moveInstructionBefore(parsed: ParsedDockerfile, moved: Instruction, target: Instruction): TextEdit[] {
  const down = target.range.start.line > moved.range.end.line;
  let first = moved.range.start.line;
  while (first > 0 && /^\s*#/.test(parsed.lines[first - 1]) && (down || first - 1 > target.range.end.line)) first--;
  const last = moved.range.end.line;
  const text = parsed.lines.slice(first, last + 1).join('\n') + '\n';
  const at = { line: target.range.start.line, character: 0 };
  return [
    { range: { start: at, end: at }, newText: text },
    { range: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } }, newText: '' },
  ];
}
