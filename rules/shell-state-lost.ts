import { commandLabel, contains, normalizePath, type Instruction, type Rule, type ShellCommand, type ShellStateChange } from '../src/kit/index.js';

/**
 * `RUN export NODE_ENV=production`, `RUN source venv/bin/activate`, `RUN set -o pipefail`, `RUN poetry shell`: each RUN is
 * a new shell that ends with the step, so a RUN that only changes its own shell changes nothing for
 * the next RUN or the container. A common mistake, and a silent one: the next `RUN pip install`
 * installs outside the virtualenv. Reported only when every statement of the RUN is of that kind
 * (`export A=1 && make` uses A in the same shell, which is fine). hadolint has no such rule; a RUN of
 * `cd` alone is left to cd-instead-of-workdir (DL3003).
 */

/** Builtins (and shell functions) whose effect ends with the shell that runs them. */
const SHELL_ONLY = new Set(['cd', 'pushd', 'popd', 'source', '.', 'set', 'shopt', 'umask', 'ulimit', 'alias', 'unalias', 'hash', 'trap']);
/** Commands that do nothing: `RUN true` alone is a known workaround, never reported by itself. */
const NO_OP = new Set(['true', ':']);
/** An `export`/`NAME=value` word that ENV reads the same way: no expansion, escapes or single quotes. */
const PLAIN_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=("[^"$`\\]*"|[^\s"'$`\\;&|<>()]*)$/;

/**
 * Files sourced to set up a shell's environment (a virtualenv's activate, .env files, profiles, rc
 * files, cargo's env, ROS's setup.bash, oneAPI's setvars.sh, nvm.sh, os-release). Any other sourced
 * script may do real work (`. ./install.sh`) and is not reported.
 */
const ENVIRONMENT_FILE =
  /(^|\/)(bin\/activate|[^/]*\.env|\.?env|[^/]*env\.sh|environment|\.(bash_)?profile|profile|\.[a-z]*rc|setup\.(ba|z)?sh|[^/]*vars\.sh|nvm\.sh|conda\.sh|os-release)$/;

/** A builtin called only to print something (`set`, `ulimit -a`, `umask`, `alias`): that output is its effect. */
function printsOnly(program: string, args: string[]): boolean {
  switch (program) {
    case 'set':
      return args.length === 0 || (args.length === 1 && /^[-+]o$/.test(args[0]));
    case 'umask':
      return args.every((arg) => arg === '-S' || arg === '-p');
    case 'ulimit':
      return !args.some((arg) => /^(\d+|unlimited)$/.test(arg));
    case 'alias':
      return !args.some((arg) => arg.includes('='));
    case 'shopt':
      return !args.some((arg) => arg === '-s' || arg === '-u');
    case 'trap':
    case 'hash':
      return args.length === 0 || /^-[lpt]$/.test(args[0]);
    default:
      return false;
  }
}

function isShellOnly(command: ShellCommand): boolean {
  if (command.redirects.some((redirect) => redirect.target !== '/dev/null')) return false;
  const [, ...args] = command.argv;
  if (command.program === 'conda') return ['activate', 'deactivate'].includes(args[0] ?? '');
  // `poetry shell` and `pipenv shell` start a shell of their own, which in a build reads no input and exits.
  if (command.program === 'poetry' || command.program === 'pipenv') return args[0] === 'shell';
  if (command.program === 'source' || command.program === '.') return ENVIRONMENT_FILE.test(args[0] ?? '');
  return SHELL_ONLY.has(command.program) && !printsOnly(command.program, args);
}

/** Programs that print a value and change nothing: what `NAME=$(…)` is usually computed with. */
const READS_ONLY = new Set([
  'cat',
  'cut',
  'git',
  'date',
  'uname',
  'arch',
  'dpkg',
  'dpkg-architecture',
  'grep',
  'sed',
  'awk',
  'head',
  'tail',
  'tr',
  'jq',
  'echo',
  'printf',
  'basename',
  'dirname',
  'realpath',
  'readlink',
  'nproc',
  'id',
  'whoami',
  'hostname',
  'ls',
  'find',
  'lsb_release',
  'getconf',
  'sha256sum',
  'md5sum',
  'wc',
  'sort',
  'curl',
  'wget',
  'test',
  'expr',
]);

/**
 * `export GIT_SHA=$(cut -d' ' -f2 .git/HEAD)`: commands inside a variable's value that only compute
 * the value are lost with it. Not a command that may do work (`export OUT=$(make)`), writes a file
 * (a redirect, curl -o, `sed -i`), or changes the repository (`git commit` is not `git rev-parse`).
 */
function computesLostValue(command: ShellCommand, changes: ShellStateChange[]): boolean {
  if (!READS_ONLY.has(command.program) || !changes.some((change) => contains(change.range, command.range))) return false;
  if (command.redirects.some((redirect) => redirect.target !== '/dev/null')) return false;
  const args = command.argv.slice(1);
  if (command.program === 'git') return ['rev-parse', 'describe', 'log', 'show', 'rev-list'].includes(args[0] ?? '');
  if (command.program === 'dpkg') return args[0] === '--print-architecture';
  if (command.program === 'sed') return !args.some((word) => /^(-[a-zA-Z]*i|--in-place)/.test(word));
  if (command.program === 'find') return !args.some((word) => /^-(delete|exec|execdir|ok|fprint)/.test(word));
  // curl -o FILE, wget -O FILE (but `wget -qO-` prints), --output, --remote-name, -P DIR.
  if (command.program === 'curl' || command.program === 'wget')
    return !args.some((word) => /^(-[a-zA-Z]*[oOP]|--output|--remote-name)/.test(word) && !word.endsWith('O-'));
  return true;
}

/** `export -p`, `declare`, `readonly` without names: they print the variables, which is all they do. */
function isQuery(change: ShellStateChange): boolean {
  return change.names.length === 0;
}

/** What to write instead, for one command that only changes the shell. */
function commandAdvice(command: ShellCommand, instruction: Instruction): string {
  const [, ...args] = command.argv;
  switch (command.program) {
    case 'cd':
    case 'pushd':
    case 'popd':
      return args[0] && !args[0].startsWith('-')
        ? `use \`WORKDIR ${args[0]}\` for the directory of later steps`
        : 'use WORKDIR for the directory of later steps';
    case 'source':
    case '.': {
      const file = args[0] ?? '';
      if (/(^|\/)bin\/activate$/.test(file)) {
        const venv = normalizePath(
          file.startsWith('/') ? file.replace(/\/?bin\/activate$/, '') : `${instruction.workdir}/${file.replace(/\/?bin\/activate$/, '')}`,
        );
        return `to use the virtualenv in later steps, set \`ENV VIRTUAL_ENV=${venv} PATH="${venv}/bin:$PATH"\``;
      }
      return `source ${file || 'it'} in the RUN that needs it (\`RUN . ${file || 'FILE'} && …\`), or set what later steps need with ENV`;
    }
    case 'set': {
      const bash = args.includes('pipefail') || args.includes('-o') ? '/bin/bash' : (instruction.shell[0] ?? '/bin/sh');
      return `for every later RUN, use \`SHELL [${[bash, ...args, '-c'].map((word) => JSON.stringify(word)).join(', ')}]\``;
    }
    case 'shopt':
      return args[0] === '-s' && args[1] ? `for every later RUN, use \`SHELL ["/bin/bash", "-O", "${args[1]}", "-c"]\`` : 'set it in the RUN that needs it';
    case 'conda': {
      const environment = args[0] === 'activate' ? (args.slice(1).find((arg) => !arg.startsWith('-')) ?? 'base') : null;
      return environment
        ? `use \`SHELL ["conda", "run", "-n", "${environment}", "/bin/bash", "-c"]\`, or \`conda run -n ${environment} …\` in the RUN that needs it`
        : 'nothing of it outlives this RUN';
    }
    case 'poetry':
    case 'pipenv':
      return `\`${command.program} shell\` starts a shell of its own, which ends at once in a build: use \`${command.program} run …\` in the RUN that needs the environment, or put the virtualenv's bin first on PATH with ENV`;
    case 'ulimit':
      return "set it in the RUN that needs it (`ulimit … && …`); the container's limits come from `docker run --ulimit`";
    case 'umask':
      return `set it in the RUN that needs it (\`umask ${args[0] ?? '022'} && …\`)`;
    default:
      return 'nothing of it outlives this RUN: put it in the RUN that needs it, or drop it';
  }
}

/** What to write instead of the variables a RUN sets or unsets: one ENV for all that it sets. */
function variableAdvice(changes: ShellStateChange[]): string[] {
  const advice: string[] = [];
  const set = changes.filter((change) => change.keyword !== 'unset');
  const names = [...new Set(set.flatMap((change) => change.names))];
  if (names.length > 0) {
    const words = set.flatMap((change) => change.words.filter((word) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)));
    const assigned = new Set(words.map((word) => word.slice(0, word.indexOf('='))));
    const env = [...words, ...names.filter((name) => !assigned.has(name)).map((name) => `${name}=…`)].join(' ');
    advice.push(`to set ${names.join(', ')} for later steps, use \`ENV ${env}\` (or ARG, for the build only)`);
  }
  const unset = [...new Set(changes.filter((change) => change.keyword === 'unset').flatMap((change) => change.names))];
  if (unset.length > 0)
    advice.push(`ENV cannot remove a variable: to clear ${unset.join(', ')} for later steps, use \`ENV ${unset.map((name) => `${name}=`).join(' ')}\``);
  return advice;
}

function label(change: ShellStateChange): string {
  const text = change.keyword === 'assignment' ? change.words[0] : [change.keyword, ...change.words].join(' ');
  return `\`${text.length > 50 ? `${text.slice(0, 49)}…` : text}\``;
}

/** `RUN export A=1 B=2` (or `RUN A=1`) with plain values: the same as `ENV A=1 B=2`, as an edit. */
function envEdit(instruction: Instruction, changes: ShellStateChange[], commands: ShellCommand[]): string | null {
  if (commands.length > 0 || instruction.flags.length > 0 || instruction.heredocs.length > 0) return null;
  if (
    !changes.every(
      (change) =>
        (change.keyword === 'export' || change.keyword === 'assignment') &&
        change.words.length > 0 &&
        change.words.every((word) => PLAIN_ASSIGNMENT.test(word)),
    )
  )
    return null;
  return `ENV ${changes.flatMap((change) => change.words).join(' ')}`;
}

const capitalised = (text: string) => text[0].toUpperCase() + text.slice(1);

const rule: Rule = {
  meta: {
    id: 'shell-state-lost',
    category: 'hygiene',
    severity: 'warning',
    recommended: true,
    description: 'A RUN only changes its own shell (export, source, set, cd …), which ends with it; later steps never see the change.',
    fixSafety: 'unsafe',
  },
  check({ parsed, report }) {
    for (const instruction of parsed.runInstructions) {
      const script = instruction.script;
      if (!script || instruction.form !== 'shell' || !script.analysed || script.hasError) continue;
      const changes = script.stateChanges;
      const commands = script.commands.filter((command) => !NO_OP.has(command.program) && !computesLostValue(command, changes));
      if (!commands.every(isShellOnly)) continue;
      if (changes.some(isQuery) || (changes.length === 0 && commands.length === 0)) continue;
      // `RUN cd /app` alone: cd-instead-of-workdir says it.
      if (changes.length === 0 && commands.every((command) => command.program === 'cd')) continue;
      const what = [...changes.map(label), ...commands.map((command) => commandLabel(command))];
      const advice = [...new Set([...variableAdvice(changes), ...commands.map((command) => commandAdvice(command, instruction))])].join('; ');
      const env = envEdit(instruction, changes, commands);
      report({
        message: `This RUN only changes its own shell (${what.slice(0, 3).join(', ')}${what.length > 3 ? ', …' : ''}), which ends with the RUN: later instructions and the container never see it. ${capitalised(advice)}.`,
        range: instruction.range,
        fix: env
          ? { description: `Replace the RUN with \`${env}\`.`, edits: [{ range: instruction.range, newText: env }] }
          : { description: `${capitalised(advice)}.` },
      });
    }
  },
};

export default rule;
