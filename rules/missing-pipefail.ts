import { isBefore, sameRange, type Instruction, type Rule, type ShellCommand, type ShellPipeline } from '../src/kit/index.js';

/**
 * A RUN's status is its last command's: in `curl -fsSL $URL | tar -xz` a failed download leaves tar
 * with empty input, the step "succeeds" and the broken layer is cached. `set -o pipefail` (or a SHELL
 * with `-o pipefail`) makes the pipeline fail. Not flagged, unlike hadolint's DL4006: pipelines whose
 * producers cannot fail (echo, printf), `yes | …`, which pipefail would break (yes dies of SIGPIPE), and
 * checks like `clamscan --version | grep -q 1.4` (isQueryCheck).
 */
const HARMLESS_PRODUCERS = new Set(['echo', 'printf', 'true', 'yes']);

function shellHasPipefail(shell: string[]): boolean {
  return shell.some((word, i) => word === 'pipefail' && i > 0 && /^-[a-z]*o$/.test(shell[i - 1]));
}

/** Commands that only read and print: failing, they print nothing for a grep to match. */
const QUERIES = new Set(['cat', 'env', 'file', 'getent', 'id', 'ldd', 'locale', 'ls', 'printenv', 'uname', 'which']);

function isQuery(command: ShellCommand): boolean {
  return QUERIES.has(command.program) || command.argv.slice(1).some((word) => word === '--version' || word === '-version' || word === 'version');
}

/**
 * `clamscan --version | grep -F "ClamAV 1.4"`, `locale -a | grep -q en_US.utf8`: a check whose answer
 * is grep's status. A query that fails prints nothing to match, so the pipeline fails anyway, and
 * nothing is produced that could be cached broken. Not a check: `grep -v` (succeeds on any other
 * output) or grep's output written to a file (that is data).
 */
function isQueryCheck(instruction: Instruction, pipeline: ShellPipeline): boolean {
  if (pipeline.programs.length !== 2 || pipeline.programs[1] !== 'grep') return false;
  const inside = (instruction.script?.commands ?? []).filter(
    (command) => !isBefore(command.range.start, pipeline.range.start) && !isBefore(pipeline.range.end, command.range.end),
  );
  if (inside.length !== 2) return false;
  const [query, grep] = inside;
  const inverted = grep.argv.slice(1).some((word) => word === '--invert-match' || /^-[A-Za-z]*v/.test(word));
  const intoFile = grep.redirects.some((redirect) => redirect.target !== '/dev/null');
  return !inverted && !intoFile && isQuery(query);
}

/**
 * True when the script runs `set -o pipefail` (or `set -euo pipefail`) before the pipeline. Inside
 * `sh -c "…"` every command has the range of the `sh -c` command, so one there counts as before.
 */
function setBefore(instruction: Instruction, pipeline: ShellPipeline): boolean {
  return (instruction.script?.commands ?? []).some((command) => {
    const { argv, range } = command;
    const before = isBefore(range.start, pipeline.range.start) || sameRange(range, pipeline.range);
    return before && command.program === 'set' && argv.some((word, i) => word === 'pipefail' && i > 0 && /^-[a-z]*o$/.test(argv[i - 1]));
  });
}

/** How to add pipefail: SHELL does not apply to an exec-form RUN (`RUN ["sh", "-c", "a | b"]`), which names its own shell. */
function advice(instruction: Instruction): string {
  if (instruction.form === 'exec') return 'run it as ["bash", "-o", "pipefail", "-c", "…"] (a SHELL instruction does not apply to exec form)';
  return 'add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it, or start the RUN with `set -o pipefail &&` in a shell that has it (bash, ash; not dash)';
}

const rule: Rule = {
  meta: {
    id: 'missing-pipefail',
    category: 'hygiene',
    severity: 'warning',
    recommended: false,
    optInBecause:
      'Most pipes in real Dockerfiles end in a command that fails by itself on bad input (sha256sum -c, tar, gpg --verify, xargs apt-mark), so pipefail would change nothing; on official images every finding was of that kind.',
    description: 'A RUN pipes commands without pipefail, so a failure before the last | goes unnoticed and gets cached.',
    hadolint: ['DL4006'],
  },
  check({ parsed, report }) {
    for (const instruction of parsed.runInstructions) {
      if (instruction.form !== 'exec' && shellHasPipefail(instruction.shell)) continue;
      const pipeline = (instruction.script?.pipelines ?? []).find(
        (candidate) =>
          !candidate.programs.slice(0, -1).every((program) => HARMLESS_PRODUCERS.has(program)) &&
          !setBefore(instruction, candidate) &&
          !isQueryCheck(instruction, candidate),
      );
      if (!pipeline) continue;
      const producers = [...new Set(pipeline.programs.slice(0, -1).filter((p) => p !== ''))].join(', ') || 'an earlier command';
      report({
        message: `If ${producers} fails, this pipeline still succeeds (its status is ${pipeline.programs.at(-1) || 'the last command'}'s) and the broken result is cached; ${advice(instruction)}.`,
        range: pipeline.range,
      });
    }
  },
};

export default rule;
