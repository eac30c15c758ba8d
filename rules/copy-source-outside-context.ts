import { normalizePath, type Rule } from '../src/kit/index.js';

/**
 * `COPY ../certs/server.crt /app/certs/`: a build reads only its context, and no path can leave it.
 * BuildKit joins a source to the context's root, so `..` above the root is dropped and it silently
 * copies `certs/server.crt` of the context, or fails with "not found" (moby/buildkit#2130, #2131);
 * the classic builder fails with "forbidden path outside the build context". Either way the parent
 * directory's file is never copied.
 */
function climbsAboveRoot(path: string): boolean {
  let depth = 0;
  for (const part of path.split('/')) {
    if (part === '..') depth -= 1;
    else if (part !== '' && part !== '.') depth += 1;
    if (depth < 0) return true;
  }
  return false;
}

const rule: Rule = {
  meta: {
    id: 'copy-source-outside-context',
    category: 'syntax',
    severity: 'warning',
    recommended: true,
    description:
      'A COPY/ADD source climbs out of the build context with `..`; Docker never reads the parent directory, BuildKit copies a path inside the context instead.',
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions) {
      const copy = instruction.copy;
      // With --from the source is a path in that stage or image, where `..` above / is just /.
      if (!copy || copy.from !== null) continue;
      for (const source of copy.sources) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.includes('$') || !climbsAboveRoot(source)) continue;
        const inside = normalizePath(source).slice(1) || '.';
        report({
          message: `${instruction.keyword} source \`${source}\` is outside the build context, which a build cannot read: BuildKit copies the context's \`${inside}\` instead (or fails: not found), the classic builder fails. Write it relative to the context (\`${inside}\`, if that is the file meant), or make the directory that holds it the context (\`docker build -f <dir>/Dockerfile ..\`).`,
          range: instruction.range,
          properties: { source, resolvedInContext: inside },
        });
      }
    }
  },
};

export default rule;
