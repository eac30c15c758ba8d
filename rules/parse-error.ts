import type { Rule } from '../src/kit/index.js';

/** Reports what the parser could not make sense of; the rest of the file is still linted. */
const rule: Rule = {
  meta: {
    id: 'parse-error',
    category: 'syntax',
    severity: 'error',
    recommended: true,
    description: 'The Dockerfile has a syntax error that docker build would reject.',
    hadolint: ['DL1000', 'DL3061'],
  },
  check({ parsed, report }) {
    for (const problem of parsed.problems) {
      report({ message: `${problem.message[0].toUpperCase()}${problem.message.slice(1)}; docker build fails here.`, range: problem.range });
    }
  },
};

export default rule;
