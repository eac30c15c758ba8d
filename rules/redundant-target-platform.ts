import type { Rule } from '../src/kit/index.js';

/** `FROM --platform=$TARGETPLATFORM` says what FROM does anyway: stages are built for the target platform by default. */
const rule: Rule = {
  meta: {
    id: 'redundant-target-platform',
    category: 'hygiene',
    severity: 'info',
    recommended: false,
    optInBecause: 'Style only: the flag is redundant and harmless.',
    description: 'FROM --platform=$TARGETPLATFORM is the default and can be removed.',
    hadolint: ['DL3065'],
    buildkit: ['RedundantTargetPlatform'],
    fixSafety: 'safe',
  },
  check({ parsed, report }) {
    for (const stage of parsed.stages) {
      const flag = stage.from.flags.find((f) => f.name === 'platform');
      if (!flag || !/^\$(\{TARGETPLATFORM\}|TARGETPLATFORM)$/.test(flag.value ?? '')) continue;
      report({
        message: '--platform=$TARGETPLATFORM is what FROM uses by default; remove it.',
        range: flag.range,
        fix: {
          description: 'Remove the flag.',
          edits: [{ range: { start: flag.range.start, end: { line: flag.range.end.line, character: flag.range.end.character + 1 } }, newText: '' }],
        },
      });
    }
  },
};

export default rule;
