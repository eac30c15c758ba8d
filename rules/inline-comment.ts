import type { Rule } from '../src/kit/index.js';

/**
 * `WORKDIR /src # create the folder`: a Dockerfile comment must start the line. Elsewhere `#` is an
 * ordinary argument: that WORKDIR is a folder named "/src # create the folder", and
 * `COPY . . # copy everything` copies files called `#`, `copy` … (the build fails). RUN and shell-form
 * CMD/ENTRYPOINT are left alone: there the shell treats `#` as a comment.
 */
const CHECKED = new Set(['WORKDIR', 'COPY', 'ADD', 'ENV', 'LABEL', 'EXPOSE', 'FROM', 'USER', 'ARG', 'VOLUME', 'STOPSIGNAL', 'ONBUILD']);

/** Offset of a ` #` outside quotes, or -1. */
function commentStart(text: string): number {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\') i++;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && i > 0 && /\s/.test(text[i - 1])) return i;
  }
  return -1;
}

const rule: Rule = {
  meta: {
    id: 'inline-comment',
    category: 'syntax',
    severity: 'error',
    recommended: true,
    description: 'A `#` after arguments is not a comment in a Dockerfile; it becomes part of the arguments.',
    fixSafety: 'unsafe',
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions) {
      if (!CHECKED.has(instruction.keyword) || !instruction.argumentsRange || instruction.argumentsRange.start.line !== instruction.argumentsRange.end.line)
        continue;
      const raw = instruction.rawArgumentsText;
      const at = commentStart(raw);
      if (at < 0) continue;
      const start = { line: instruction.argumentsRange.start.line, character: instruction.argumentsRange.start.character + at };
      const kept = raw.slice(0, at).trimEnd();
      report({
        message: `\`${raw.slice(at).trim().slice(0, 40)}\` is not a comment: ${instruction.keyword} receives it as arguments (\`${instruction.keyword} ${raw.trim().slice(0, 60)}\`); put the comment on its own line above.`,
        range: { start, end: instruction.argumentsRange.end },
        fix: {
          description: 'Move the comment to its own line above the instruction.',
          edits: [
            {
              range: { start: { line: instruction.range.start.line, character: 0 }, end: { line: instruction.range.start.line, character: 0 } },
              newText: `${raw.slice(at).trim()}\n`,
            },
            {
              range: { start: { line: start.line, character: instruction.argumentsRange.start.character + kept.length }, end: instruction.argumentsRange.end },
              newText: '',
            },
          ],
        },
      });
    }
  },
};

export default rule;
