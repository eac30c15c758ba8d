import type { Rule } from '../src/kit/index.js';

/**
 * `COPY config.json /app/` when .dockerignore excludes config.json: the build fails ("not found") or,
 * for a directory, copies nothing. Needs the build context (`--context`); globs and variables are skipped.
 */
function contextPath(source: string): string {
  return source
    .replace(/^\.?\/+/, '')
    .replace(/\/+$/, '')
    .replace(/^\.$/, '');
}

const rule: Rule = {
  meta: {
    id: 'copy-ignored-file',
    category: 'syntax',
    severity: 'warning',
    recommended: true,
    description: 'COPY or ADD names a file that .dockerignore excludes from the build context.',
    buildkit: ['CopyIgnoredFile'],
  },
  check({ model, report }) {
    const context = model.context;
    if (!context?.dockerignore) return;
    for (const step of model.steps) {
      const copy = step.instruction.copy;
      if (!copy || copy.from !== null) continue;
      for (const source of copy.sources) {
        const path = contextPath(source);
        if (path === '' || /[*?[$]/.test(source) || /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || !context.isIgnored(path)) continue;
        report({
          message: `${source} is excluded by ${context.dockerignore.path.split('/').pop()}, so it is not in the build context: this ${step.instruction.keyword} fails or copies nothing; remove the exclusion or the ${step.instruction.keyword}.`,
          range: step.instruction.range,
        });
      }
    }
  },
};

export default rule;
