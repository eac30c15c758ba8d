import { imageRuntime, hasExplicitShell, toExecForm, type Rule } from '../src/kit/index.js';

/**
 * `ENTRYPOINT node server.js` runs `/bin/sh -c "node server.js"`: the shell is PID 1, `docker stop`'s
 * SIGTERM never reaches node (it is killed after the timeout), and CMD and `docker run` arguments are
 * silently ignored. Only the image's effective ENTRYPOINT is checked.
 */
const rule: Rule = {
  meta: {
    id: 'shell-form-entrypoint',
    category: 'runtime',
    severity: 'warning',
    recommended: true,
    description: "The image's ENTRYPOINT is in shell form, so /bin/sh is PID 1, signals are not forwarded and CMD and run arguments are ignored.",
    hadolint: ['DL3025'],
    buildkit: ['JSONArgsRecommended'],
    fixSafety: 'unsafe',
  },
  check({ model, report }) {
    const { entrypoint } = imageRuntime(model);
    if (!entrypoint || entrypoint.form !== 'shell' || entrypoint.execFormError || hasExplicitShell(entrypoint)) return;
    const exec = toExecForm(entrypoint);
    report({
      message: `Shell-form ENTRYPOINT runs as \`${entrypoint.shell.join(' ')} "…"\`, so the shell is PID 1: docker stop's SIGTERM is not forwarded and CMD and \`docker run\` arguments are ignored; use exec form ${exec ?? '["executable", "arg"]'}.`,
      range: entrypoint.range,
      fix:
        exec && entrypoint.argumentsRange
          ? { description: 'Convert to exec form.', edits: [{ range: entrypoint.argumentsRange, newText: exec }] }
          : { description: 'Write the ENTRYPOINT as a JSON array; move shell logic into a script that ends with `exec "$@"`.' },
    });
  },
};

export default rule;
