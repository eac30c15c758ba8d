import { isPosixShellProgram, isShellItself, imageRuntime, lineOf, type Rule } from '../src/kit/index.js';

/**
 * `ENTRYPOINT ["sh", "-c", "echo hello"]` + `CMD ["world"]`: the CMD's words become `$0 $1 …` of the
 * script, so unless the script reads them they are silently dropped.
 */

const rule: Rule = {
  meta: {
    id: 'sh-c-entrypoint-with-cmd',
    category: 'runtime',
    severity: 'warning',
    recommended: true,
    description: 'ENTRYPOINT ["sh", "-c", "…"] is combined with a CMD whose words become $0, $1 … of the script instead of part of the command.',
  },
  check({ model, report }) {
    const { entrypoint, cmd } = imageRuntime(model);
    const args = entrypoint?.execArgs;
    if (!entrypoint || !cmd || !args || args.length !== 3 || !(isPosixShellProgram(args[0]) && isShellItself(args[0])) || !/^-[a-z]*c$/.test(args[1])) return;
    const script = args[2];
    if (/\$\{?[0-9@*]/.test(script)) return;
    report({
      message: `The CMD on line ${lineOf(cmd.range)} reaches \`${args[0]} -c "${script}"\` as $0, $1 …, which the script never reads, so it is ignored; append "$@" handling to the script (e.g. \`${script} "$0" "$@"\`) or drop -c and use an entrypoint script.`,
      range: entrypoint.range,
      related: [{ range: cmd.range, message: 'the CMD whose words are dropped' }],
      fix: { description: 'Make the script use its arguments ("$0" "$@") or turn it into an entrypoint script that ends with exec "$@".' },
    });
  },
};

export default rule;
