/**
 * Dockerfile text → ParsedDockerfile. Wraps dockerfile-ast and works around what it gets wrong
 * (its exec-form arrays drop escapes and spaces): exec-form JSON is decoded with JSON.parse, RUN scripts are
 * parsed by a real shell parser, and ARG/ENV scoping follows Docker's rules.
 *
 * It never throws on bad input: what does not parse becomes a ParseProblem.
 */
import { DockerfileParser, type Instruction as AstInstruction, type Flag as AstFlag } from 'dockerfile-ast';
import { NO_COMMAND_FORM, readCommandForm } from './command-form.js';
import { withTokenCache } from './dockerfile-ast-cache.js';
import './dockerfile-ast-continuations.js';
import type {
  Comment,
  Position,
  CopyDetails,
  Directives,
  Flag,
  FromDetails,
  Heredoc,
  Instruction,
  KeyValue,
  ParsedDockerfile,
  Range,
  ShellScript,
} from './types.js';
import { alignHeredocs } from './heredoc-alignment.js';
import { expandVariables, processWord, splitWords, type VariableLookup } from './variables.js';
import { continueAfterTrailingBlanks, endsWithContinuation } from './continuations.js';
import { findProblems } from './problems.js';
import { emptyScript, isPosixShell, parseExecFormCommand, parseShellScript } from './shell.js';
import { normalizePath } from '../util/paths.js';

export { KNOWN_INSTRUCTIONS } from './problems.js';
const COMMAND_INSTRUCTIONS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL']);
const HEREDOC_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD']);
export const DEFAULT_SHELL = ['/bin/sh', '-c'];

/** What is in scope while walking a stage: the state Docker's builder keeps. */
interface Scope {
  args: Map<string, string | undefined>;
  env: Map<string, string>;
  user: string;
  workdir: string;
  shell: string[];
}

function newScope(): Scope {
  return { args: new Map(), env: new Map(), user: 'root', workdir: '/', shell: DEFAULT_SHELL };
}

function copyScope(scope: Scope): Scope {
  return { args: new Map(), env: new Map(scope.env), user: scope.user, workdir: scope.workdir, shell: scope.shell };
}

export function homeOf(user: string): string {
  const name = user.split(':')[0];
  return name === 'root' || name === '0' || name === '' ? '/root' : `/home/${name}`;
}

function lookupIn(scope: Scope, withHome: boolean): VariableLookup {
  return (name) => {
    if (scope.env.has(name)) return scope.env.get(name);
    if (scope.args.has(name)) return scope.args.get(name);
    if (withHome && name === 'HOME') return homeOf(scope.user);
    return undefined;
  };
}

/**
 * Arguments as Docker's builder sees them: comment lines and empty lines inside a continuation
 * dropped, continuations joined. (dockerfile-ast keeps indented comment lines.) Not for heredocs,
 * whose bodies are kept as they are.
 */
function dockerArgumentsText(raw: string, escape: string): string {
  if (!raw.includes('\n')) return raw.trim();
  const lines = raw.split(/\r?\n/).filter((line, i) => i === 0 || !/^\s*(#|$)/.test(line));
  let text = '';
  for (const line of lines) {
    const trimmed = line.replace(/\s+$/, '');
    text += endsWithContinuation(trimmed, escape) ? trimmed.slice(0, -1) : `${line}\n`;
  }
  return text.replace(/\n$/, '').trim();
}

function readDirectives(ast: ReturnType<typeof DockerfileParser.parse>): Directives {
  const directives: Directives = { syntax: null, escape: ast.getEscapeCharacter(), checkSkip: [], checkSkipAll: false };
  for (const directive of ast.getDirectives()) {
    const name = directive.getName().toLowerCase();
    const value = directive.getValue();
    if (name === 'syntax') directives.syntax = value;
    if (name === 'check') {
      for (const part of value.split(';')) {
        const [key, list] = part.split('=');
        if (key.trim() !== 'skip' || !list) continue;
        const names = list
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        if (names.includes('all')) directives.checkSkipAll = true;
        directives.checkSkip.push(...names);
      }
    }
  }
  return directives;
}

function readFlags(instruction: AstInstruction): Flag[] {
  const getFlags = (instruction as unknown as { getFlags?: () => AstFlag[] }).getFlags;
  if (typeof getFlags !== 'function') return [];
  return getFlags.call(instruction).map((flag) => {
    const options: Record<string, string> = {};
    for (const option of flag.getOptions()) options[option.getName()] = option.getValue() ?? '';
    return { name: flag.getName(), value: flag.getValue(), range: flag.getRange(), options };
  });
}

function textInRange(lines: string[], range: Range | null): string {
  if (!range) return '';
  if (range.start.line === range.end.line) return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  const parts = [(lines[range.start.line] ?? '').slice(range.start.character)];
  for (let line = range.start.line + 1; line < range.end.line; line++) parts.push(lines[line] ?? '');
  parts.push((lines[range.end.line] ?? '').slice(0, range.end.character));
  return parts.join('\n');
}

function readHeredocs(instruction: AstInstruction, lines: string[]): Heredoc[] {
  type AstHeredoc = { getName(): string; getContentRange(): Range | null; getDelimiterRange(): Range | null };
  const getHeredocs = (instruction as unknown as { getHeredocs?: () => AstHeredoc[] }).getHeredocs;
  if (typeof getHeredocs !== 'function') return [];
  const lastLine = instruction.getRange().end.line;
  let bodyStart = instruction.getRange().start.line + 1;
  return getHeredocs.call(instruction).map((heredoc) => {
    const name = heredoc.getName();
    bodyStart = heredoc.getContentRange()?.start.line ?? heredoc.getDelimiterRange()?.start.line ?? bodyStart;
    // The terminator is found here, line by line, as BuildKit does: dockerfile-ast's own Heredoc takes a
    // body line ending in `\` for a continuation and misses the terminator right after it.
    let terminator = bodyStart;
    while (terminator <= lastLine && lines[terminator] !== name && lines[terminator]?.replace(/^\t+/, '') !== name) terminator++;
    if (terminator > lastLine) {
      const contentRange = heredoc.getContentRange();
      return { name, contentRange, content: textInRange(lines, contentRange), terminated: false };
    }
    const contentRange: Range | null =
      terminator === bodyStart ? null : { start: { line: bodyStart, character: 0 }, end: { line: terminator - 1, character: lines[terminator - 1].length } };
    bodyStart = terminator + 1;
    return { name, contentRange, content: textInRange(lines, contentRange), terminated: true };
  });
}

/**
 * Make a RUN's raw arguments (flags are not part of them) safe for a shell parser without moving
 * any character: Docker's comment lines inside a continuation are blanked (keeping the
 * continuation), and a backtick escape becomes a backslash.
 */
function shellSource(raw: string, escape: string): string {
  let text = raw;
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const continued = /\\\r?$/.test(lines[i - 1]);
    // Docker drops comment lines and (deprecated) empty lines inside a continuation; bash would
    // end the command there. Turning them into a lone `\` keeps the continuation and every row.
    if (/^\s*#/.test(lines[i])) lines[i] = ' '.repeat(Math.max(0, lines[i].length - 1)) + '\\';
    else if (continued && lines[i].trim() === '') lines[i] += '\\';
  }
  text = lines.join('\n');
  if (escape === '`') text = text.replace(/`(\r?\n)/g, '\\$1');
  return text;
}

/** A piece of shell script in the Dockerfile and where its first character is. */
export interface ScriptSource {
  text: string;
  origin: Position;
}

/**
 * The shell script(s) a RUN executes, as text a shell parser can read with positions unchanged:
 * the heredoc bodies of `RUN <<EOF`, or the arguments (continuations and all). Empty for exec form
 * and for a non-POSIX SHELL. Shared by the RUN parser and ShellCheck.
 */
export function runScriptSources(instruction: Omit<Instruction, 'script'>, escape: string): ScriptSource[] {
  if (instruction.keyword !== 'RUN' || instruction.form !== 'shell' || !isPosixShell(instruction.shell) || !instruction.argumentsRange) return [];
  const commandLine = instruction.rawArgumentsText.split('\n')[0];
  // `RUN <<EOF` with nothing else on the line: the heredoc body is the script. The delimiter may be quoted
  // (`<<"EOF"`, `<<\EOF`: no expansion in the body).
  const bareHeredoc = instruction.heredocs[0] && /^\s*(<<-?\s*\\?["']?[A-Za-z0-9_]+["']?\s*)+$/.test(commandLine);
  if (!bareHeredoc) return [{ text: shellSource(instruction.rawArgumentsText, escape), origin: instruction.argumentsRange.start }];
  return instruction.heredocs
    .filter((heredoc) => heredoc.contentRange && !/^#!(?!.*\b(sh|bash|ash|dash)\b)/.test(heredoc.content))
    .map((heredoc) => ({ text: heredoc.content, origin: heredoc.contentRange!.start }));
}

function readRunScript(instruction: Omit<Instruction, 'script'>, escape: string, lookup: VariableLookup): ShellScript {
  if (!isPosixShell(instruction.shell)) return emptyScript(false);
  const combined = emptyScript(true);
  for (const source of runScriptSources(instruction, escape)) {
    const script = parseShellScript(source.text, source.origin, lookup);
    combined.commands.push(...script.commands);
    combined.pipelines.push(...script.pipelines);
    combined.stateChanges.push(...script.stateChanges);
    combined.hasError ||= script.hasError;
  }
  return combined;
}

/** The lines of an instruction up to where its heredoc bodies begin: the first line and those it continues onto. */
function lineBeforeHeredocBodies(raw: string, escape: string): string {
  const lines = raw.split(/\r?\n/);
  let end = 1;
  // Comment and blank lines inside a continuation keep it going.
  for (let continued = endsWithContinuation(lines[0].trimEnd(), escape); end < lines.length && continued; end++) {
    if (lines[end].trim() !== '' && !/^\s*#/.test(lines[end])) continued = endsWithContinuation(lines[end].trimEnd(), escape);
  }
  return lines.slice(0, end).join('\n');
}

function readCopy(
  rawArgumentsText: string,
  argumentsText: string,
  flags: Flag[],
  words: string[],
  heredocs: Heredoc[],
  lookup: VariableLookup,
  escape: string,
): CopyDetails {
  const flag = (name: string) => flags.find((f) => f.name === name)?.value ?? null;
  // dockerfile-ast also splits heredoc bodies into words: with heredocs only the instruction's own
  // line (continued lines included) is COPY's; the bodies follow it.
  const ownWords =
    heredocs.length > 0
      ? dockerArgumentsText(lineBeforeHeredocBodies(rawArgumentsText, escape), escape).split(/\s+/)
      : /["']/.test(argumentsText)
        ? splitWords(argumentsText)
        : words;
  // Flags lead (BuildKit reads `--words` up to the first other word or a bare `--`); a later `--x` is a path.
  const flagCount = ownWords.findIndex((word) => !word.startsWith('--') || word === '--');
  let positional = flagCount < 0 ? [] : ownWords.slice(ownWords[flagCount] === '--' ? flagCount + 1 : flagCount);
  let from = flag('from');
  // `COPY --from build /app ./` stops the build (a parse problem says so). It is read as its fix,
  // `--from=build`, would be: otherwise the rules would also report an unused stage and a second source.
  if (flags.some((f) => f.name === 'from' && f.value === null) && positional.length > 2) {
    from = processWord(positional[0], lookup);
    positional = positional.slice(1);
  }
  // Quotes are removed as BuildKit does: `COPY a b "dir/"` copies into dir/, `ADD "https://…" /x` downloads.
  let paths = positional.map((word) => processWord(word, lookup));
  const json = readCommandForm(argumentsText.replace(/^(\s*--\S+\s+)*/, ''));
  if (json.form === 'exec' && json.execArgs) paths = json.execArgs.map((word) => expandVariables(word, lookup));
  const heredocNames = new Set(heredocs.map((h) => h.name));
  const isHeredocMarker = (word: string) => /^<<-?/.test(word) && heredocNames.has(word.replace(/^<<-?\\?["']?|["']$/g, ''));
  const sources = paths.slice(0, -1);
  return {
    sources: sources.filter((s) => !isHeredocMarker(s)),
    heredocSources: sources.filter(isHeredocMarker),
    destination: paths.at(-1) ?? '',
    from,
    chown: flag('chown'),
    chmod: flag('chmod'),
    link: flags.some((f) => f.name === 'link' && f.value !== 'false'),
  };
}

function readFrom(ast: AstInstruction, globalArgs: Map<string, string | undefined>): FromDetails {
  const from = ast as unknown as {
    getImage(): string | null;
    getImageName(): string | null;
    getImageTag(): string | null;
    getImageDigest(): string | null;
    getRegistry(): string | null;
    getBuildStage(): string | null;
    getBuildStageRange(): Range | null;
    getPlatformFlag(): AstFlag | null;
  };
  const imageRaw = from.getImage() ?? '';
  // As BuildKit reads it: quotes removed (`FROM debian:bookworm-"${TAG}"` in jenkinsci/docker), variables expanded.
  const image = processWord(imageRaw, (name) => globalArgs.get(name));
  const digestAt = image.indexOf('@');
  const beforeDigest = digestAt >= 0 ? image.slice(0, digestAt) : image;
  const lastSlash = beforeDigest.lastIndexOf('/');
  const tagColon = beforeDigest.lastIndexOf(':');
  const hasTag = tagColon > lastSlash;
  const firstPart = image.split('/')[0];
  const registry = image.includes('/') && (/[.:]/.test(firstPart) || firstPart === 'localhost') ? firstPart : null;
  return {
    imageRaw,
    image,
    imageName: hasTag ? beforeDigest.slice(0, tagColon) : beforeDigest,
    tag: hasTag ? beforeDigest.slice(tagColon + 1) : null,
    digest: digestAt >= 0 ? image.slice(digestAt + 1) : null,
    registry,
    stageName: from.getBuildStage(),
    stageNameRange: from.getBuildStageRange(),
    platform: from.getPlatformFlag()?.getValue() ?? null,
  };
}

function readPairs(ast: AstInstruction): KeyValue[] {
  const withProperties = ast as unknown as { getProperties?: () => { getName(): string; getValue(): string | null; getNameRange(): Range }[] };
  if (typeof withProperties.getProperties !== 'function') return [];
  // dockerfile-ast's getValue() is the unquoted value, although the name reads like the raw one.
  return withProperties.getProperties().map((p) => ({ name: p.getName(), value: p.getValue(), nameRange: p.getNameRange() }));
}

interface BuildContext {
  lines: string[];
  /** The file text and the offset where each line starts, to cut exact source text (CR/CRLF kept). */
  text: string;
  lineStarts: number[];
  escape: string;
  scope: Scope;
  stageIndex: number;
  index: number;
  globalArgs: Map<string, string | undefined>;
}

function buildInstruction(ast: AstInstruction, ctx: BuildContext): Instruction {
  const keyword = ast.getKeyword().toUpperCase();
  // dockerfile-ast re-tokenises the arguments on every accessor call: call each once, and only when needed.
  // (getRawArgumentsContent and getArgumentsRange each call getArguments again, so they are rebuilt from one call.)
  const astArguments = ast.getArguments();
  const argumentsRange: Range | null =
    astArguments.length > 0 ? { start: astArguments[0].getRange().start, end: astArguments[astArguments.length - 1].getRange().end } : null;
  const offset = (p: Position) => (ctx.lineStarts[p.line] ?? ctx.text.length) + p.character;
  const rawArgumentsText = argumentsRange ? ctx.text.slice(offset(argumentsRange.start), offset(argumentsRange.end)) : '';
  // Flags (`--mount=…`) sit between the keyword and the arguments; the raw arguments exclude them.
  const beforeArguments = textInRange(ctx.lines, { start: ast.getInstructionRange().end, end: argumentsRange?.start ?? ast.getRange().end });
  const flags = beforeArguments.includes('--') ? readFlags(ast) : [];
  const isCopy = keyword === 'COPY' || keyword === 'ADD';
  const words = isCopy ? astArguments.map((argument) => argument.getValue()) : [];
  // BuildKit reads heredocs in RUN, COPY and ADD only (an ONBUILD trigger is one of those, built on its own).
  const heredocs = rawArgumentsText.includes('<<') && HEREDOC_INSTRUCTIONS.has(keyword) ? readHeredocs(ast, ctx.lines) : [];
  const argumentsText = heredocs.length > 0 ? (ast.getArgumentsContent() ?? '') : dockerArgumentsText(rawArgumentsText, ctx.escape);
  const isCommand = COMMAND_INSTRUCTIONS.has(keyword) || keyword === 'HEALTHCHECK';
  // HEALTHCHECK [opts] CMD <command>: the form is that of the command after CMD.
  const commandText = keyword === 'HEALTHCHECK' ? argumentsText.replace(/^(\s*--\S+\s+)*\s*CMD\s+/i, '') : argumentsText;
  const lookup = lookupIn(ctx.scope, keyword === 'RUN');
  const commandForm = isCommand ? readCommandForm(commandText) : NO_COMMAND_FORM;
  // One object literal with every field, the script filled in after. Spreading a partial object into
  // the instruction (`{ ...base, script }`) made V8 copy it field by field (40 % of this function's own
  // time) into objects every rule then read more slowly: the bench's first pass went 960–1,027 →
  // 1,122–1,168 files/s without it.
  const instruction: Instruction = {
    index: ctx.index,
    keyword,
    keywordAsWritten: ast.getInstruction(),
    range: ast.getRange(),
    keywordRange: ast.getInstructionRange(),
    argumentsRange,
    argumentsText,
    rawArgumentsText,
    flags,
    words,
    form: commandForm.form,
    execArgs: commandForm.execArgs,
    execFormError: commandForm.execFormError,
    script: null,
    heredocs,
    stageIndex: ctx.stageIndex,
    copy: isCopy ? readCopy(rawArgumentsText, argumentsText, flags, words, heredocs, lookup, ctx.escape) : null,
    from: keyword === 'FROM' ? readFrom(ast, ctx.globalArgs) : null,
    pairs: keyword === 'ARG' || keyword === 'ENV' || keyword === 'LABEL' ? readPairs(ast) : [],
    word: keyword === 'WORKDIR' || keyword === 'USER' ? processWord(argumentsText.trim(), lookup) : null,
    onbuildTrigger: null,
    user: ctx.scope.user,
    workdir: ctx.scope.workdir,
    shell: ctx.scope.shell,
  };
  if (keyword === 'RUN' && instruction.form === 'shell') instruction.script = readRunScript(instruction, ctx.escape, lookup);
  else if (keyword === 'RUN' && instruction.form === 'exec' && instruction.execArgs && instruction.argumentsRange) {
    instruction.script = parseExecFormCommand(instruction.execArgs, instruction.argumentsRange, lookup);
  } else if ((keyword === 'CMD' || keyword === 'ENTRYPOINT') && instruction.form === 'shell' && isPosixShell(ctx.scope.shell) && instruction.argumentsRange) {
    instruction.script = parseShellScript(shellSource(instruction.rawArgumentsText, ctx.escape), instruction.argumentsRange.start, lookup);
  }
  if (keyword === 'ONBUILD') {
    const trigger = (ast as unknown as { getTriggerInstruction(): AstInstruction | null }).getTriggerInstruction();
    if (trigger) instruction.onbuildTrigger = buildInstruction(trigger, { ...ctx, scope: copyScope(ctx.scope) });
  }
  return instruction;
}

/** Update the builder state after an instruction, as Docker does. */
function applyToScope(instruction: Instruction, scope: Scope, globalArgs: Map<string, string | undefined>): void {
  const lookup = lookupIn(scope, false);
  switch (instruction.keyword) {
    case 'ARG':
      for (const pair of instruction.pairs) {
        // `ARG NAME` in a stage takes the global default; `ARG NAME=x` sets its own.
        const value = pair.value !== null ? expandVariables(pair.value, lookup) : globalArgs.get(pair.name);
        scope.args.set(pair.name, value);
      }
      break;
    case 'ENV':
      for (const pair of instruction.pairs) scope.env.set(pair.name, expandVariables(pair.value ?? '', lookup));
      break;
    case 'USER':
      scope.user = instruction.word || scope.user;
      break;
    case 'WORKDIR': {
      // An absolute WORKDIR replaces the current one; a relative one is joined to it.
      const dir = instruction.word ?? '';
      scope.workdir = normalizePath(dir.startsWith('/') ? dir : `${scope.workdir}/${dir}`);
      break;
    }
    case 'SHELL':
      if (instruction.execArgs && instruction.execArgs.length > 0) scope.shell = instruction.execArgs;
      break;
  }
}

/**
 * A stage and the stages it is built FROM, base first: [root, …, stageIndex]. Empty when the index
 * names no stage (a file without FROM).
 */
export function stageChain(parsed: ParsedDockerfile, stageIndex: number): number[] {
  const chain: number[] = [];
  for (let index: number | null = stageIndex; index !== null && parsed.stages[index] && !chain.includes(index); index = parsed.stages[index].baseStageIndex)
    chain.unshift(index);
  return chain;
}

export function parseDockerfile(input: string, path: string): ParsedDockerfile {
  return withTokenCache(() => parseWithTokenCache(input, path));
}

function parseWithTokenCache(input: string, path: string): ParsedDockerfile {
  const asWritten = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let text = asWritten;
  let ast = DockerfileParser.parse(text);
  // A continuation with blanks after the escape character, as BuildKit reads it (src/parse/continuations.ts).
  const continuedText = continueAfterTrailingBlanks(text, ast.getEscapeCharacter());
  if (continuedText !== text) {
    text = continuedText;
    ast = DockerfileParser.parse(text);
  }
  // Parsed again, rarely, where dockerfile-ast and BuildKit disagree on heredocs (`RUN 5<<EOF …`).
  const aligned = alignHeredocs(text, ast.getEscapeCharacter());
  if (aligned !== text) ast = DockerfileParser.parse(aligned);
  // Line breaks as dockerfile-ast counts them (its ranges index into these lines): \r\n, \n or a lone \r.
  const lines = text.split(/\r\n|\r|\n/);
  const lineStarts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) lineStarts.push(match.index + match[0].length);
  const directives = readDirectives(ast);
  const comments: Comment[] = ast.getComments().map((c) => ({ text: c.getContent().replace(/^#\s*/, '').trim(), range: c.getRange() }));
  const parsed: ParsedDockerfile = {
    path,
    text,
    lines,
    directives,
    globalArgs: [],
    stages: [],
    instructions: [],
    comments,
    problems: [],
    runInstructions: [],
    runCommands: [],
  };
  const globalArgs = new Map<string, string | undefined>();
  const stageScopes: Scope[] = [];
  let scope = newScope();
  const asts = ast.getInstructions();
  for (const node of asts) {
    const keyword = node.getKeyword().toUpperCase();
    let stageIndex = parsed.stages.length - 1;
    if (keyword === 'FROM') {
      stageIndex = parsed.stages.length;
      scope = newScope();
    }
    const instruction = buildInstruction(node, {
      lines,
      text,
      lineStarts,
      escape: directives.escape,
      scope,
      stageIndex,
      index: parsed.instructions.length,
      globalArgs,
    });
    parsed.instructions.push(instruction);
    if (keyword === 'FROM') {
      const name = instruction.from?.stageName ?? null;
      const image = (instruction.from?.image ?? '').toLowerCase();
      const base = parsed.stages.findIndex((stage) => stage.name !== null && stage.name.toLowerCase() === image);
      if (base >= 0) scope = copyScope(stageScopes[base]);
      instruction.user = scope.user;
      instruction.workdir = scope.workdir;
      instruction.shell = scope.shell;
      parsed.stages.push({ index: stageIndex, name, from: instruction, baseStageIndex: base >= 0 ? base : null, instructions: [] });
      stageScopes.push(scope);
    } else if (stageIndex < 0) {
      if (keyword === 'ARG') {
        parsed.globalArgs.push(instruction);
        // A default may use the global ARGs above it (`ARG TAG=${RUBY_VERSION}-slim`): BuildKit expands it in order.
        for (const pair of instruction.pairs)
          globalArgs.set(pair.name, pair.value === null ? undefined : expandVariables(pair.value, (name) => globalArgs.get(name)));
      }
    } else {
      parsed.stages[stageIndex].instructions.push(instruction);
      applyToScope(instruction, scope, globalArgs);
    }
  }
  parsed.problems = findProblems(parsed, asts.length, asWritten.split(/\r\n|\r|\n/));
  for (const instruction of parsed.instructions) {
    if (instruction.keyword === 'RUN') parsed.runInstructions.push(instruction);
    if (instruction.onbuildTrigger?.keyword === 'RUN') parsed.runInstructions.push(instruction.onbuildTrigger);
  }
  for (const instruction of parsed.runInstructions) {
    for (const command of instruction.script?.commands ?? []) parsed.runCommands.push({ instruction, command });
  }
  return parsed;
}
