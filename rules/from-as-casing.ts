import type { Range, Rule } from '../src/kit/index.js';

/** `FROM alpine as build` or `from alpine AS build`: the AS keyword should match FROM's case. */
const rule: Rule = {
  meta: {
    id: 'from-as-casing',
    category: 'hygiene',
    severity: 'style',
    recommended: false,
    optInBecause: 'Style only: the casing of AS changes neither the build nor the image.',
    description: 'The AS keyword in FROM does not match the case of FROM.',
    buildkit: ['FromAsCasing'],
    fixSafety: 'safe',
  },
  check({ parsed, report }) {
    for (const stage of parsed.stages) {
      const { from } = stage;
      const nameRange = from.from?.stageNameRange;
      if (!nameRange) continue;
      const line = parsed.lines[nameRange.start.line] ?? '';
      const match = line.slice(0, nameRange.start.character).match(/\s(as)\s+$/i);
      if (!match) continue;
      const keyword = from.keywordAsWritten;
      const as = match[1];
      const upper = keyword === keyword.toUpperCase();
      const lower = keyword === keyword.toLowerCase();
      if ((upper && as === 'AS') || (lower && as === 'as') || (!upper && !lower)) continue;
      const start = match.index! + 1;
      const range: Range = { start: { line: nameRange.start.line, character: start }, end: { line: nameRange.start.line, character: start + 2 } };
      const wanted = upper ? 'AS' : 'as';
      report({
        message: `'${as}' and '${keyword}' keywords' casing do not match; write ${keyword} … ${wanted}.`,
        range,
        fix: { description: `Write ${wanted}.`, edits: [{ range, newText: wanted }] },
      });
    }
  },
};

export default rule;
