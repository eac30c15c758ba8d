/**
 * What docker build would reject, as BuildKit's parser and instruction parser report it: each problem
 * becomes a parse-error finding at BuildKit's line. The checks follow BuildKit's current sources
 * (parser/, instructions/parse.go, instructions/bflag.go); test/buildkit-parse.test.ts compares them with
 * the engine's BuildKit.
 */
import type { Instruction, ParsedDockerfile, ParseProblem, Range } from './types.js';

export const KNOWN_INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/** BuildKit parses `RUN`, `CMD` and `ENTRYPOINT` with nothing after them (an empty command); the rest need arguments. */
const ARGUMENTS_OPTIONAL = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

export function findProblems(parsed: ParsedDockerfile, instructionCount: number): ParseProblem[] {
  const problems: ParseProblem[] = [];
  const fileStart: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (parsed.text.trim() === '') {
    problems.push({ message: 'the Dockerfile is empty', range: fileStart });
    return problems;
  }
  if (instructionCount === 0) {
    problems.push({ message: 'the Dockerfile has no instructions, only comments or blank lines', range: fileStart });
    return problems;
  }
  if (parsed.stages.length === 0) {
    problems.push({ message: 'no FROM instruction: there is no build stage', range: parsed.instructions[0].range });
  }
  for (const instruction of parsed.instructions) {
    if (!KNOWN_INSTRUCTIONS.has(instruction.keyword)) {
      problems.push({ message: `unknown instruction: ${instruction.keywordAsWritten}`, range: instruction.keywordRange });
    } else if (instruction.stageIndex < 0 && instruction.keyword !== 'ARG') {
      problems.push({ message: `${instruction.keyword} before the first FROM: only ARG may come before FROM`, range: instruction.keywordRange });
    } else if (instruction.argumentsText.trim() === '' && instruction.heredocs.length === 0 && !ARGUMENTS_OPTIONAL.has(instruction.keyword)) {
      problems.push({ message: `${instruction.keyword} requires arguments`, range: instruction.keywordRange });
    } else {
      // One problem per instruction: `FROM --platform linux/amd64 alpine` needs only the `=`.
      const flagged = flagProblems(instruction);
      problems.push(...(flagged.length > 0 ? flagged : argumentProblems(instruction)));
    }
  }
  return problems;
}

/**
 * BuildKit's flags, by instruction (its instructions/parse.go and bflag.go; the labs flags too, which a
 * `# syntax=…-labs` line enables). A flag that takes a value written without `=` stops the build with
 * "missing a value on flag"; a flag it does not know, with "unknown flag". Boolean flags (`--link`,
 * `--parents`, `--keep-git-dir`, `--unpack`) may stand alone.
 */
const FLAGS: Record<string, { values: string[]; booleans: string[] }> = {
  FROM: { values: ['platform'], booleans: [] },
  COPY: { values: ['from', 'chown', 'chmod', 'exclude'], booleans: ['link', 'parents'] },
  ADD: { values: ['chown', 'chmod', 'checksum', 'exclude'], booleans: ['link', 'keep-git-dir', 'unpack'] },
  RUN: { values: ['mount', 'network', 'security', 'device'], booleans: [] },
  HEALTHCHECK: { values: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'], booleans: [] },
};

/**
 * BuildKit takes the leading `--words` of every instruction for flags; those without flags of their own
 * then stop with "unknown flag" (`CMD --help`, `ENV --x=1 …`). ARG and STOPSIGNAL never read flags.
 */
const FLAGS_NOT_READ = new Set(['ARG', 'STOPSIGNAL']);

/** The instruction's arguments split at blanks, as BuildKit's instruction parser counts them. */
function argumentWords(instruction: Instruction): string[] {
  return instruction.argumentsText.trim().split(/\s+/);
}

/** `CMD --port 8080`: the first leading `--word` of an instruction that has no flags. */
function flagOfFlaglessInstruction(instruction: Instruction): ParseProblem[] {
  if (!instruction.argumentsRange) return [];
  const words = argumentWords(instruction);
  const first = words[0];
  if (!/^--[^=\s]/.test(first)) return [];
  if (FLAGS_NOT_READ.has(instruction.keyword)) {
    // The flags are dropped unread: `ARG --foo` is an ARG with no name.
    if (!words.every((word) => word.startsWith('--'))) return [];
    return [{ message: `${instruction.keyword} requires an argument (BuildKit takes ${first} for a flag and ignores it)`, range: instruction.argumentsRange }];
  }
  const name = first.slice(2).split('=')[0];
  const start = instruction.argumentsRange.start;
  const hint = instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT'
    ? `; an argument starting with -- goes in the JSON form: ${instruction.keyword} ["${first}", …]` : '';
  return [{
    message: `unknown flag --${name} for ${instruction.keyword}, which takes no flags${hint}`,
    range: { start, end: { line: start.line, character: start.character + first.length } },
  }];
}

/** `COPY --from build /app ./` (the value must follow `=`), `COPY --chmown=app /a /b` (no such flag). */
function flagProblems(instruction: Instruction): ParseProblem[] {
  const known = FLAGS[instruction.keyword];
  if (!known) return flagOfFlaglessInstruction(instruction);
  return instruction.flags.flatMap((flag): ParseProblem[] => {
    if (known.values.includes(flag.name)) {
      if (flag.value !== null) return [];
      const next = argumentWords(instruction)[0];
      const fix = next && !next.startsWith('--') ? `--${flag.name}=${next}` : `--${flag.name}=<value>`;
      return [{ message: `missing a value on flag --${flag.name} (write ${fix})`, range: flag.range }];
    }
    // A bare `--` ends the flags (bflag.go).
    if (known.booleans.includes(flag.name) || flag.name === '') return [];
    const all = [...known.values, ...known.booleans].map((name) => `--${name}`).join(', ');
    return [{ message: `unknown flag --${flag.name} for ${instruction.keyword} (its flags: ${all})`, range: flag.range }];
  });
}

/** The argument checks of BuildKit's instruction parser that layerlint makes (instructions/parse.go). */
function argumentProblems(instruction: Instruction): ParseProblem[] {
  const range = instruction.argumentsRange ?? instruction.keywordRange;
  switch (instruction.keyword) {
    case 'FROM':
      return fromArgumentProblems(instruction);
    case 'COPY':
    case 'ADD': {
      const copy = instruction.copy;
      if (!copy || copy.sources.length + copy.heredocSources.length > 0) return [];
      return [{ message: `${instruction.keyword} requires at least two arguments, the sources and a destination`, range }];
    }
    case 'SHELL':
      if (instruction.form === 'exec') return instruction.execArgs?.length === 0 ? [{ message: 'SHELL requires at least one argument', range }] : [];
      return [{ message: 'SHELL requires the arguments in JSON form, e.g. SHELL ["/bin/bash", "-o", "pipefail", "-c"]', range }];
    default:
      return [];
  }
}

/** BuildKit takes `FROM image` or `FROM image AS name`, nothing else ("FROM requires either one or three arguments"). */
function fromArgumentProblems(instruction: Instruction): ParseProblem[] {
  const words = argumentWords(instruction);
  if (words.length === 1 || (words.length === 3 && words[1].toUpperCase() === 'AS')) return [];
  const message = `FROM takes an image, optionally followed by AS and a stage name, not \`${words.join(' ')}\``;
  return [{ message, range: instruction.argumentsRange ?? instruction.keywordRange }];
}
