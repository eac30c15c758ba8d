import { imageRuntime, lineOf, toExecForm, type Rule } from '../src/kit/index.js';

/** `ENTRYPOINT ["app"]` + `CMD --port 80`: the container runs `app /bin/sh -c "--port 80"`. */
const rule: Rule = {
  meta: {
    id: 'exec-entrypoint-shell-cmd',
    category: 'runtime',
    severity: 'warning',
    recommended: true,
    description: 'An exec-form ENTRYPOINT is combined with a shell-form CMD, so the CMD reaches the entrypoint as `/bin/sh -c …` arguments.',
    fixSafety: 'unsafe',
  },
  check({ model, report }) {
    const { entrypoint, cmd } = imageRuntime(model);
    if (!entrypoint || !cmd || entrypoint.form !== 'exec' || cmd.form !== 'shell' || cmd.execFormError) return;
    const args = [...(entrypoint.execArgs ?? []), ...cmd.shell, cmd.argumentsText.trim()];
    const exec = toExecForm(cmd);
    report({
      message: `With the exec-form ENTRYPOINT on line ${lineOf(entrypoint.range)}, this shell-form CMD is passed as \`${cmd.shell.join(' ')} "…"\`, so the container runs ${JSON.stringify(args)}; write the CMD in exec form ${exec ?? '["arg1", "arg2"]'}.`,
      range: cmd.range,
      related: [{ range: entrypoint.range, message: 'the ENTRYPOINT that receives the CMD' }],
      fix:
        exec && cmd.argumentsRange
          ? { description: 'Convert the CMD to exec form.', edits: [{ range: cmd.argumentsRange, newText: exec }] }
          : { description: 'Write the CMD as a JSON array of arguments.' },
    });
  },
};

export default rule;
