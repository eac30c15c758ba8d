import { TAR_ARCHIVE, type Rule } from '../src/kit/index.js';

/**
 * ADD does two magic things COPY does not: it fetches URLs and it unpacks local tar archives. For plain
 * local files it is COPY with surprises (a file that happens to be a tar gets extracted). Not flagged:
 * URLs, git repositories, tar archives (where extraction is the point), heredocs.
 */
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

const rule: Rule = {
  meta: {
    id: 'add-instead-of-copy',
    category: 'hygiene',
    severity: 'warning',
    recommended: false,
    optInBecause: 'ADD of a plain local file copies it exactly as COPY does; preferring COPY is hygiene, not a fix.',
    description: "ADD copies plain local files; COPY does the same without ADD's URL and auto-extract surprises.",
    hadolint: ['DL3020'],
    fixSafety: 'safe',
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions) {
      const copy = instruction.copy;
      if (instruction.keyword !== 'ADD' || !copy || copy.sources.length === 0 || copy.heredocSources.length > 0) continue;
      if (copy.sources.some((source) => REMOTE.test(source) || TAR_ARCHIVE.test(source) || source.includes('$'))) continue;
      const keyword = instruction.keywordAsWritten === instruction.keywordAsWritten.toLowerCase() ? 'copy' : 'COPY';
      report({
        message: `ADD of local files (${copy.sources.join(', ')}) behaves like COPY, except that it would silently unpack a tar archive; use COPY.`,
        range: instruction.keywordRange,
        fix: { description: 'Use COPY.', edits: [{ range: instruction.keywordRange, newText: keyword }] },
      });
    }
  },
};

export default rule;
