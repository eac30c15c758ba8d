/**
 * What docker build would reject, as BuildKit's parser and instruction parser report it: each problem
 * becomes a parse-error finding at BuildKit's line. The checks follow BuildKit's current sources
 * (parser/, instructions/parse.go, instructions/bflag.go) and read each instruction as BuildKit does
 * (buildkit-view.ts); test/buildkit-parse.test.ts and test/buildkit-parse-fuzz.test.ts compare them with
 * the engine's BuildKit.
 */
import { argumentProblems, buildkitWords, isHealthcheckNone } from './argument-problems.js';
import { buildkitView, flagParts, type BuildKitView } from './buildkit-view.js';
import type { Instruction, ParsedDockerfile, ParseProblem, Range } from './types.js';
import { own } from '../util/own.js';

export const KNOWN_INSTRUCTIONS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

/** BuildKit parses `RUN`, `CMD` and `ENTRYPOINT` with nothing after them (an empty command); the rest need arguments. */
const ARGUMENTS_OPTIONAL = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

/**
 * The problems of a parsed file. `linesAsWritten` are the file's lines before layerlint's own
 * rewriting for dockerfile-ast (continuations.ts), which BuildKit's reading must not see.
 */
export function findProblems(parsed: ParsedDockerfile, instructionCount: number, linesAsWritten: string[]): ParseProblem[] {
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
  const escape = parsed.directives.escape;
  const viewOf = (instruction: Instruction) => buildkitView(linesAsWritten, instruction.keywordRange.end, escape);
  for (const instruction of parsed.instructions) {
    if (!KNOWN_INSTRUCTIONS.has(instruction.keyword)) {
      problems.push({ message: `unknown instruction: ${instruction.keywordAsWritten}`, range: instruction.keywordRange });
    } else if (instruction.stageIndex < 0 && instruction.keyword !== 'ARG') {
      problems.push({ message: `${instruction.keyword} before the first FROM: only ARG may come before FROM`, range: instruction.keywordRange });
    } else {
      // One problem per instruction: `FROM --platform linux/amd64 alpine` needs only the `=`.
      const view = viewOf(instruction);
      const found = flagProblems(instruction, view, escape);
      if (found.length === 0 && !hasArguments(instruction, view, escape)) {
        found.push({ message: `${instruction.keyword} requires arguments`, range: instruction.keywordRange });
      }
      if (found.length === 0) found.push(...argumentProblems(instruction, view, escape, viewOf));
      problems.push(...found.map((problem) => startingOnTheInstructionLine(problem, instruction)));
    }
  }
  return problems;
}

/** Whether BuildKit sees any argument after the flags (ENV, LABEL and ARG split theirs into words first: a lone `\` is none). */
function hasArguments(instruction: Instruction, view: BuildKitView, escape: string): boolean {
  if (ARGUMENTS_OPTIONAL.has(instruction.keyword) || instruction.heredocs.length > 0) return true;
  if (['ENV', 'LABEL', 'ARG'].includes(instruction.keyword)) return buildkitWords(view.args, escape).length > 0;
  return view.args !== '';
}

/**
 * BuildKit names the line an instruction starts on; a problem in arguments continued onto later lines
 * (`FROM \` then `  image extra`) is shown from the keyword to the end of what is wrong.
 */
function startingOnTheInstructionLine(problem: ParseProblem, instruction: Instruction): ParseProblem {
  if (problem.range.start.line === instruction.range.start.line) return problem;
  return { ...problem, range: { start: instruction.keywordRange.start, end: problem.range.end } };
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

/** Where a flag is in the file: dockerfile-ast's range for it when it has one, else the instruction's arguments. */
function flagRange(instruction: Instruction, name: string): Range {
  return instruction.flags.find((flag) => flag.name === name)?.range ?? instruction.argumentsRange ?? instruction.keywordRange;
}

/** `COPY --from build /app ./` (the value must follow `=`), `COPY --chmown=app /a /b`, `CMD --help` (no such flag). */
function flagProblems(instruction: Instruction, view: BuildKitView, escape: string): ParseProblem[] {
  if (view.flags.length === 0) return [];
  const keyword = instruction.keyword;
  if (FLAGS_NOT_READ.has(keyword)) {
    // The flags are dropped unread: `ARG --foo` is an ARG with no name.
    if (view.args !== '' && buildkitWords(view.args, escape).length > 0) return [];
    return [
      {
        message: `${keyword} requires an argument (BuildKit takes ${view.flags[0]} for a flag and ignores it)`,
        range: instruction.argumentsRange ?? instruction.keywordRange,
      },
    ];
  }
  // BuildKit reads HEALTHCHECK's flags only for CMD: `HEALTHCHECK --anything NONE` passes.
  if (keyword === 'HEALTHCHECK' && isHealthcheckNone(view)) return [];
  const known = own(FLAGS, keyword);
  if (!known) {
    const word = view.flags[0];
    const start = instruction.argumentsRange?.start ?? instruction.keywordRange.end;
    const hint = keyword === 'CMD' || keyword === 'ENTRYPOINT' ? `; an argument starting with -- goes in the JSON form: ${keyword} ["${word}", …]` : '';
    return [
      {
        message: `unknown flag --${flagParts(word).name} for ${keyword}, which takes no flags${hint}`,
        range: { start, end: { line: start.line, character: start.character + word.length } },
      },
    ];
  }
  return view.flags.flatMap((word): ParseProblem[] => {
    const { name, value } = flagParts(word);
    const range = flagRange(instruction, name);
    if (known.values.includes(name)) {
      if (value !== null) return [];
      const next = view.args.split(/\s+/)[0];
      const fix = next && !next.startsWith('--') ? `--${name}=${next}` : `--${name}=<value>`;
      return [{ message: `missing a value on flag --${name} (write ${fix})`, range }];
    }
    if (known.booleans.includes(name)) return [];
    const all = [...known.values, ...known.booleans].map((flag) => `--${flag}`).join(', ');
    return [{ message: `unknown flag --${name} for ${keyword} (its flags: ${all})`, range }];
  });
}
