import { isShellProgram, type Rule } from '../src/kit/index.js';

/**
 * Exec form runs the program directly, without a shell: `&&`, `|`, `>`, `$VAR` and globs reach it as
 * literal arguments. `["sh", "-c", "…"]` is fine: the shell interprets its script.
 */
const OPERATOR = /^(&&|\|\||\||;|>|>>|<|2>&1|&)$/;
const VARIABLE = /\$(\{[A-Za-z_][A-Za-z0-9_]*|[A-Za-z_][A-Za-z0-9_]*)/;

function shellFeature(args: string[]): string | null {
  for (const arg of args) {
    if (OPERATOR.test(arg)) return `\`${arg}\``;
    if (VARIABLE.test(arg)) return `the variable \`${arg.match(VARIABLE)![0]}\``;
    if (/[^&|]&&[^&]|\s\|\s/.test(` ${arg} `)) return `\`${arg}\``;
  }
  return null;
}

const rule: Rule = {
  meta: {
    id: 'exec-form-shell-syntax',
    category: 'runtime',
    severity: 'warning',
    recommended: true,
    description: 'An exec-form command uses shell syntax (&&, |, >, $VAR) that exec form does not interpret.',
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions) {
      if (instruction.form !== 'exec' || !instruction.execArgs || !['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(instruction.keyword)) continue;
      const [program, ...args] = instruction.execArgs;
      if (!program || isShellProgram(program)) continue;
      const feature = shellFeature(args);
      if (!feature) continue;
      report({
        message: `Exec form runs ${program} without a shell, so ${feature} is passed to it as a literal argument; use shell form or ["sh", "-c", "…"].`,
        range: instruction.argumentsRange ?? instruction.range,
        fix: { description: 'Wrap the command: ["sh", "-c", "<command line>"], or write it in shell form.' },
      });
    }
  },
};

export default rule;
