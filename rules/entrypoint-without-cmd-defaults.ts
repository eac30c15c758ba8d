import { basename, isShellProgram, imageRuntime, type Rule } from '../src/kit/index.js';

/**
 * `ENTRYPOINT ["ping", "-c", "3", "8.8.8.8"]` with no CMD: users cannot change the target without
 * --entrypoint. `ENTRYPOINT ["ping"]` + `CMD ["-c", "3", "8.8.8.8"]` makes them overridable defaults.
 * Interpreters running a program (`java -jar app.jar`, `python app.py`) are the program, not defaults.
 */
const LAUNCHERS = new Set([
  'java',
  'python',
  'python3',
  'node',
  'ruby',
  'perl',
  'php',
  'dotnet',
  'deno',
  'bun',
  'tini',
  'dumb-init',
  'gosu',
  'su-exec',
  'docker-entrypoint.sh',
  'uvicorn',
  'gunicorn',
]);

const rule: Rule = {
  meta: {
    id: 'entrypoint-without-cmd-defaults',
    category: 'runtime',
    severity: 'info',
    recommended: false,
    optInBecause: 'Some images are designed to take their arguments only from ENTRYPOINT; whether defaults belong in CMD is a design choice.',
    description: 'An exec-form ENTRYPOINT bakes in its default arguments and there is no CMD, so `docker run IMAGE args` cannot override them.',
    fixSafety: 'unsafe',
  },
  check({ model, report }) {
    const { entrypoint, cmd } = imageRuntime(model);
    const args = entrypoint?.execArgs;
    if (!entrypoint || cmd || !args || args.length < 2 || LAUNCHERS.has(basename(args[0])) || isShellProgram(args[0]) || /\.(sh|py|js|rb|pl)$/.test(args[0]))
      return;
    const [program, ...defaults] = args;
    const suggestion = `ENTRYPOINT ${JSON.stringify([program])} with CMD ${JSON.stringify(defaults)}`;
    report({
      message: `The arguments ${JSON.stringify(defaults)} are fixed in the ENTRYPOINT and there is no CMD, so \`docker run IMAGE …\` cannot replace them; use ${suggestion}.`,
      range: entrypoint.range,
      fix: entrypoint.argumentsRange
        ? {
            description: `Split into ${suggestion}.`,
            edits: [{ range: entrypoint.argumentsRange, newText: `${JSON.stringify([program])}\nCMD ${JSON.stringify(defaults).replace(/","/g, '", "')}` }],
          }
        : undefined,
    });
  },
};

export default rule;
