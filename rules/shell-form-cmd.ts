import { imageRuntime, hasExplicitShell, toExecForm, type Rule } from '../src/kit/index.js';

/**
 * `CMD python app.py` starts the main process under `/bin/sh -c`; unless the command is `exec`ed, the
 * shell stays PID 1 and docker stop's SIGTERM does not reach the process. Checked on the image's
 * effective CMD when there is no ENTRYPOINT (with one, see exec-entrypoint-shell-cmd).
 */
const rule: Rule = {
  meta: {
    id: 'shell-form-cmd',
    category: 'runtime',
    severity: 'warning',
    recommended: true,
    description: "The image's CMD starts its process in shell form without exec, so the process does not receive stop signals.",
    hadolint: ['DL3025'],
    buildkit: ['JSONArgsRecommended'],
    fixSafety: 'safe',
  },
  check({ model, report }) {
    const { entrypoint, cmd } = imageRuntime(model);
    if (!cmd || entrypoint || cmd.form !== 'shell' || cmd.execFormError || hasExplicitShell(cmd)) return;
    // `exec node app` (or `cd /app && exec node app`): the process takes the shell's place as PID 1.
    if (cmd.script?.commands.some((command) => command.wrappers[0] === 'exec')) return;
    const exec = toExecForm(cmd);
    const program = cmd.script?.commands.at(-1)?.program ?? 'the process';
    report({
      message: `Shell-form CMD starts ${program} under \`${cmd.shell.join(' ')}\`, so the shell is PID 1 and docker stop's SIGTERM does not reach ${program}; use exec form ${exec ?? '(or start the last command with `exec`)'}.`,
      range: cmd.range,
      fix:
        exec && cmd.argumentsRange
          ? { description: 'Convert to exec form.', edits: [{ range: cmd.argumentsRange, newText: exec }] }
          : { description: 'Prefix the long-running command with `exec`, or move the logic into an entrypoint script.' },
    });
  },
};

export default rule;
