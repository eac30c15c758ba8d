import type { Rule } from '../src/kit/index.js';

/**
 * `COPY a.txt b.txt /app` fails: with several sources the destination must be a directory written
 * with a trailing slash. `.` and `..` count as directories (Docker accepts them, hadolint does not).
 */
const rule: Rule = {
  meta: {
    id: 'copy-multiple-sources-dest',
    category: 'syntax',
    severity: 'error',
    recommended: true,
    description: 'COPY or ADD has several sources but the destination does not end with /, so the build fails.',
    hadolint: ['DL3021'],
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions) {
      const copy = instruction.copy;
      if (!copy || copy.sources.length + copy.heredocSources.length < 2) continue;
      // `COPY . . # comment` has "sources" only because the comment is read as words: inline-comment reports the cause.
      if (copy.sources.some((source) => source.startsWith('#')) || copy.destination.startsWith('#')) continue;
      const dest = copy.destination;
      if (dest === '' || dest.endsWith('/') || dest.includes('$') || /(^|\/)\.{1,2}$/.test(dest)) continue;
      report({
        message: `${instruction.keyword} has ${copy.sources.length + copy.heredocSources.length} sources, so the destination must be a directory ending in /: write ${dest}/.`,
        range: instruction.range,
      });
    }
  },
};

export default rule;
