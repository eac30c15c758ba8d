/**
 * The parsed form of a Dockerfile: our own model, built from dockerfile-ast's tree.
 * Rules never see dockerfile-ast objects; they read these plain records.
 *
 * Positions (src/core/findings.ts) are 0-based (line and UTF-16 character), like LSP and dockerfile-ast.
 */
import type { Position, Range } from '../core/findings.js';

export type { Position, Range };

/** A `--name=value` flag on RUN/COPY/ADD/FROM/HEALTHCHECK. */
export interface Flag {
  name: string;
  value: string | null;
  range: Range;
  /** Comma-separated options, e.g. `--mount=type=cache,target=/x` gives {type: 'cache', target: '/x'}. */
  options: Record<string, string>;
}

/** One simple command of a RUN script: `FOO=1 apt-get install -y curl`. */
export interface ShellCommand {
  /** argv[0] as written after unquoting, e.g. `/usr/bin/apt-get` or `apt-get`. */
  name: string;
  /** argv[0] without its directory, e.g. `apt-get`. Wrappers such as sudo/env are already stripped. */
  program: string;
  /** Full argv, unquoted, with ARG/ENV values known at this point substituted. */
  argv: string[];
  /** Where each argv word is in the Dockerfile (same length as argv). */
  wordRanges: Range[];
  /** Wrappers looked through to find the program (`sudo`, `env`, `nohup` …), outermost first. */
  wrappers: string[];
  /**
   * Every word of the command, the wrappers and their options included (`xargs -a packages.txt apt-get
   * install`): what the command reads may be named there. The same array as argv when there is no wrapper.
   */
  words: string[];
  /** Inline assignments before the command (`FOO=1 cmd`). */
  assignments: Record<string, string>;
  /**
   * Variables that an earlier `export NAME=value` (or `declare -x`) of the same shell put in the
   * environment, as this command inherits them (`assignments` win over them).
   */
  exported: Record<string, string>;
  /** Output redirections: `> file`, `>> file`. */
  redirects: { operator: string; target: string }[];
  /** Where the command is in the Dockerfile. */
  range: Range;
}

/** A pipeline `a | b | c`: its commands in order (only the simple commands directly in it). */
export interface ShellPipeline {
  /** argv[0] (program) of each stage, in order; '' for a stage that is not a simple command (a subshell, a loop). */
  programs: string[];
  range: Range;
}

/**
 * A statement that changes only the running shell: `export A=1`, `declare`, `readonly`, `local`,
 * `unset`, or a bare `NAME=value`. Each RUN starts a new shell, so none of it reaches a later
 * instruction. (Builtins such as cd, source or set are ordinary ShellCommands.)
 */
export interface ShellStateChange {
  /** `export`, `declare`, `typeset`, `readonly`, `local`, `unset`, or `assignment` for a bare `NAME=value`. */
  keyword: string;
  /** The statement's words after the keyword, as written (quotes kept), e.g. [`-x`, `A=1`]. */
  words: string[];
  /** The variables it sets or unsets. */
  names: string[];
  range: Range;
}

export interface ShellScript {
  commands: ShellCommand[];
  /** Statements of this shell (not of a `sh -c` it starts) that change only its own variables, in order. */
  stateChanges: ShellStateChange[];
  /** Every `|` / `|&` pipeline, in order. */
  pipelines: ShellPipeline[];
  /** True when the shell parser met a syntax error (the commands are then partial). */
  hasError: boolean;
  /** False for a non-POSIX SHELL (PowerShell, cmd): commands is then empty. */
  analysed: boolean;
}

export interface Heredoc {
  name: string;
  content: string;
  contentRange: Range | null;
  /** False when no line ends it: BuildKit stops with "unterminated heredoc". */
  terminated: boolean;
}

export type CommandForm = 'exec' | 'shell' | 'none';

export interface CopyDetails {
  sources: string[];
  destination: string;
  /** `--from=` value as written. */
  from: string | null;
  chown: string | null;
  chmod: string | null;
  link: boolean;
  /** Sources given inline as heredocs (`COPY <<EOF /file`). */
  heredocSources: string[];
}

export interface FromDetails {
  /** Image as written (`${BASE}:3`). */
  imageRaw: string;
  /** Image with global ARG defaults substituted (`alpine:3`). */
  image: string;
  imageName: string;
  tag: string | null;
  digest: string | null;
  registry: string | null;
  stageName: string | null;
  stageNameRange: Range | null;
  platform: string | null;
}

export interface KeyValue {
  name: string;
  value: string | null;
  nameRange: Range;
}

export interface Instruction {
  /** Position in the file's list of instructions. */
  index: number;
  /** Upper-case keyword (`RUN`); unknown words are kept as written, upper-cased. */
  keyword: string;
  /** The keyword as written (`run`, `From`). */
  keywordAsWritten: string;
  range: Range;
  keywordRange: Range;
  argumentsRange: Range | null;
  /** Arguments with continuations joined, as Docker sees them. */
  argumentsText: string;
  /** Arguments exactly as in the file (continuations and comment lines kept). */
  rawArgumentsText: string;
  flags: Flag[];
  /** COPY/ADD only: the instruction's words, split on white space (dockerfile-ast's split, quotes kept); [] otherwise. */
  words: string[];
  /** For RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK CMD: exec (JSON array) or shell form. */
  form: CommandForm;
  /** Exec-form argv, decoded with JSON.parse (dockerfile-ast drops escapes and spaces). */
  execArgs: string[] | null;
  /** Set when the arguments start with `[` but are not a valid JSON array of strings: Docker then runs them in a shell. */
  execFormError: string | null;
  /** The RUN script (shell form, heredocs included), or the shell-form CMD/ENTRYPOINT command. */
  script: ShellScript | null;
  heredocs: Heredoc[];
  /** Index into ParsedDockerfile.stages; -1 for instructions before the first FROM. */
  stageIndex: number;
  copy: CopyDetails | null;
  from: FromDetails | null;
  /** ARG declarations (`ARG A=1 B`) and ENV/LABEL pairs. */
  pairs: KeyValue[];
  /** WORKDIR and USER: the argument as Docker reads it (quotes removed, ARG/ENV values known here substituted); null otherwise. */
  word: string | null;
  /** For ONBUILD: the trigger, parsed like any instruction (stageIndex of the ONBUILD). */
  onbuildTrigger: Instruction | null;
  /** USER in effect when this instruction runs (for `~` and $HOME). */
  user: string;
  /** WORKDIR in effect when this instruction runs. */
  workdir: string;
  /** SHELL in effect (`["/bin/sh","-c"]` by default). */
  shell: string[];
}

export interface Stage {
  index: number;
  name: string | null;
  from: Instruction;
  /** The stage this one builds on (`FROM builder`), if any. */
  baseStageIndex: number | null;
  /** Instructions after FROM, in order (the FROM itself is `from`). */
  instructions: Instruction[];
}

export interface Comment {
  /** Text after `#`, trimmed. */
  text: string;
  range: Range;
}

export interface ParseProblem {
  message: string;
  range: Range;
}

export interface Directives {
  syntax: string | null;
  escape: string;
  /** BuildKit's `# check=skip=A,B;error=true`. */
  checkSkip: string[];
  checkSkipAll: boolean;
}

export interface ParsedDockerfile {
  /** Path as the user gave it (or `-` for stdin). */
  path: string;
  text: string;
  lines: string[];
  directives: Directives;
  /** ARGs before the first FROM. */
  globalArgs: Instruction[];
  stages: Stage[];
  /** Every instruction, in file order. */
  instructions: Instruction[];
  comments: Comment[];
  problems: ParseProblem[];
  /** Every RUN, the RUNs of ONBUILD triggers included (they run in child images); a dozen rules walk them. */
  runInstructions: Instruction[];
  /** Every simple command of those RUNs, with its instruction. */
  runCommands: { instruction: Instruction; command: ShellCommand }[];
}
