/**
 * The argument checks of BuildKit's parser, instruction by instruction: what `docker build` rejects
 * before it runs anything. Two layers of BuildKit make them, and both stop the build:
 * - its line parsers (parser/line_parsers.go): ENV/LABEL pairs, JSON arrays of strings;
 * - its instruction parser (instructions/parse.go): counts, names, HEALTHCHECK, ONBUILD triggers.
 * Checks BuildKit makes later, when it runs a step (a port number in EXPOSE, a signal name in
 * STOPSIGNAL), are not parse errors and are left to the rules.
 */
import { flagParts, type BuildKitView } from './buildkit-view.js';
import type { Instruction, ParseProblem } from './types.js';

/** The view of another instruction (an ONBUILD trigger) as BuildKit reads it. */
type ViewOf = (instruction: Instruction) => BuildKitView;

export function argumentProblems(instruction: Instruction, view: BuildKitView, escape: string, viewOf: ViewOf): ParseProblem[] {
  const range = instruction.argumentsRange ?? instruction.keywordRange;
  const problem = (message: string): ParseProblem[] => [{ message, range }];
  const lineParserMessage = lineParserProblem(instruction.keyword, view, escape);
  if (lineParserMessage) return problem(lineParserMessage);
  const heredocMessage = unterminatedHeredoc(instruction);
  if (heredocMessage) return problem(heredocMessage);
  switch (instruction.keyword) {
    case 'FROM':
      return fromArgumentProblems(view).flatMap(problem);
    case 'COPY':
    case 'ADD':
      return copyArgumentProblems(instruction, view).flatMap(problem);
    case 'SHELL':
      if (instruction.form === 'exec') return instruction.execArgs?.length === 0 ? problem('SHELL requires at least one argument') : [];
      return problem('SHELL requires the arguments in JSON form, e.g. SHELL ["/bin/bash", "-o", "pipefail", "-c"]');
    case 'ENV':
    case 'LABEL':
    case 'ARG': {
      // In the legacy form (`ENV NAME value`) the first word is the only name; the rest is its value.
      const words = buildkitWords(view.args, escape);
      const names = instruction.keyword === 'ARG' || words[0]?.includes('=') ? words : words.slice(0, 1);
      const blank = names.find((word) => word.startsWith('='));
      return blank === undefined ? [] : problem(`${instruction.keyword} names can not be blank: \`${blank}\` has nothing before the =`);
    }
    case 'VOLUME': {
      const paths = jsonArray(view.args);
      return paths?.some((path) => typeof path === 'string' && path.trim() === '') ? problem('VOLUME specified can not be an empty string') : [];
    }
    case 'HEALTHCHECK':
      return healthcheckProblems(view).flatMap(problem);
    case 'ONBUILD':
      return onbuildProblems(instruction, escape, viewOf);
    default:
      return [];
  }
}

/**
 * What BuildKit's line parsers reject (they run on ONBUILD triggers too): ENV and LABEL as `name value`
 * or all `name=value` words; a JSON array that holds anything but strings.
 */
function lineParserProblem(keyword: string, view: BuildKitView, escape: string): string | null {
  if (keyword === 'ENV' || keyword === 'LABEL') {
    const words = buildkitWords(view.args, escape);
    if (words.length === 0) return null;
    if (!words[0].includes('=')) {
      // The legacy form `ENV NAME value`: the name, then the whole rest of the line as its value.
      return view.args.split(/\s+/).length < 2 ? `${keyword} must have two arguments: \`${words[0]}\` has no value (write ${words[0]}=<value>)` : null;
    }
    const bare = words.find((word) => !word.includes('='));
    if (bare === undefined) return null;
    const hint = bare.startsWith('#')
      ? 'Dockerfiles have no end-of-line comments: put the comment on its own line'
      : 'quote a value that has spaces: NAME="a b"';
    return `${keyword} mixes its two forms: after \`${words[0]}\` every word must be name=value, and \`${bare}\` has no = (${hint})`;
  }
  if (JSON_ARRAY_INSTRUCTIONS.has(keyword)) {
    const text = keyword === 'HEALTHCHECK' ? healthcheckCommand(view).command : view.args;
    const array = jsonArray(text);
    if (array && !array.every((item) => typeof item === 'string')) {
      return `when using JSON array syntax, arrays must be comprised of strings only: quote every element of ${text.trim()}`;
    }
  }
  return null;
}

const JSON_ARRAY_INSTRUCTIONS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME', 'HEALTHCHECK']);

/** `RUN <<EOF` with no line `EOF` after it: BuildKit's parser stops ("unterminated heredoc"). */
function unterminatedHeredoc(instruction: Instruction): string | null {
  const unterminated = instruction.heredocs.find((heredoc) => !heredoc.terminated);
  return unterminated ? `unterminated heredoc: no line \`${unterminated.name}\` ends the heredoc, so it runs to the end of the file` : null;
}

/** The value when the text is a JSON array (BuildKit's test: it parses as one); null when it is not. */
function jsonArray(text: string): unknown[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * BuildKit's word splitting for ENV, LABEL and ARG (parseWords): blanks separate words, quotes group
 * them and stay in the word, the escape character keeps the next character in the word.
 */
export function buildkitWords(text: string, escape: string): string[] {
  const words: string[] = [];
  let word = '';
  // A word that had quotes counts even when empty (`""`); a lone escape character at the end is dropped.
  let blankOK = false;
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = '';
  for (let i = 0; i <= text.length; i++) {
    const char = text.charAt(i);
    if (phase === 'spaces') {
      if (i === text.length) break;
      if (/\s/.test(char)) continue;
      phase = 'word';
    }
    if (i === text.length) {
      if (blankOK || word !== '') words.push(word);
      break;
    }
    if (phase === 'word') {
      if (/\s/.test(char)) {
        if (blankOK || word !== '') words.push(word);
        word = '';
        blankOK = false;
        phase = 'spaces';
        continue;
      }
      if (char === '"' || char === "'") {
        quote = char;
        blankOK = true;
        phase = 'quote';
      } else if (char === escape) {
        if (i + 1 === text.length) continue;
        word += char;
        i++;
      }
      word += text.charAt(i);
      continue;
    }
    if (char === quote) phase = 'word';
    else if (char === escape && quote !== "'") {
      if (i + 1 === text.length) {
        phase = 'word';
        continue;
      }
      word += char;
      i++;
    }
    word += text.charAt(i);
  }
  return words;
}

/** BuildKit's COPY/ADD: sources and a destination, and the destination no heredoc. */
function copyArgumentProblems(instruction: Instruction, view: BuildKitView): string[] {
  const copy = instruction.copy;
  if (!copy) return [];
  // BuildKit counts the words split at blanks, quotes or not (`ADD "x y` is two); heredocs and JSON
  // arrays as read.
  const count =
    instruction.heredocs.length > 0 || jsonArray(view.args)
      ? copy.sources.length + copy.heredocSources.length + 1
      : view.args.split(/\s+/).filter(Boolean).length;
  if (count < 2) return [`${instruction.keyword} requires at least two arguments, the sources and a destination`];
  // `COPY a <<EOF`: the heredoc is the last word, where the destination goes.
  if (instruction.heredocs.length > 0 && /^<<-?/.test(copy.destination)) {
    return [`${instruction.keyword} cannot accept a heredoc as a destination: write the destination after it (${instruction.keyword} <<EOF /path/file)`];
  }
  return [];
}

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

/** BuildKit takes `FROM image` or `FROM image AS name`, nothing else, and a name it can use in `--from`. */
function fromArgumentProblems(view: BuildKitView): string[] {
  const words = view.args.split(/\s+/);
  // BuildKit expands the image name as a shell word before it builds anything: an open quote stops it.
  const quote = ['"', "'"].find((mark) => (words[0].split(mark).length - 1) % 2 === 1);
  if (quote) return [`the image name \`${words[0]}\` opens a ${quote === '"' ? 'double' : 'single'} quote it does not close`];
  if (words.length === 3 && words[1].toUpperCase() === 'AS') {
    if (STAGE_NAME.test(words[2].toLowerCase())) return [];
    return [`invalid name for build stage: \`${words[2]}\`; a stage name starts with a letter and has only letters, digits, -, _ and .`];
  }
  if (words.length === 1) return [];
  return [`FROM takes an image, optionally followed by AS and a stage name, not \`${words.join(' ')}\``];
}

/** `HEALTHCHECK [flags] CMD command` or `HEALTHCHECK NONE`: the type word and the text after it. */
function healthcheckCommand(view: BuildKitView): { type: string; command: string } {
  const type = /^\S*/.exec(view.args)![0];
  return { type: type.toUpperCase(), command: view.args.slice(type.length).trim() };
}

/** The view is that of a HEALTHCHECK: is it `HEALTHCHECK NONE`? */
export function isHealthcheckNone(view: BuildKitView): boolean {
  return healthcheckCommand(view).type === 'NONE';
}

function healthcheckProblems(view: BuildKitView): string[] {
  const { type, command } = healthcheckCommand(view);
  if (type === 'NONE') return command === '' ? [] : [`HEALTHCHECK NONE takes no arguments, and \`${command}\` follows it`];
  if (type !== 'CMD') return [`Unknown type \`${type}\` in HEALTHCHECK (try CMD): write HEALTHCHECK [options] CMD <command>`];
  if (command === '' || /^\[\s*\]$/.test(command)) return ['Missing command after HEALTHCHECK CMD'];
  const problems: string[] = [];
  for (const { name, value } of view.flags.map(flagParts)) {
    if (value === null || value === '') continue;
    if (name === 'retries') {
      if (!/^[+-]?\d+$/.test(value) || Math.abs(Number(value)) > 2 ** 31 - 1) problems.push(`--retries=${value} is not a whole number`);
      else if (Number(value) < 0) problems.push(`--retries cannot be negative (${value})`);
      continue;
    }
    const nanoseconds = goDuration(value);
    if (nanoseconds === null) problems.push(`--${name}=${value} is not a duration: give a number with a unit, e.g. --${name}=30s (units: ns, us, ms, s, m, h)`);
    else if (nanoseconds !== 0 && nanoseconds < 1e6) problems.push(`--${name}=${value}: the interval cannot be less than 1ms`);
  }
  return problems;
}

// µ written as escapes (U+00B5 micro sign, U+03BC Greek mu, both of which Go takes): one character
// outside ASCII made the whole bundle a two-byte string for V8 to read and scan (scripts/bundle.mjs).
const DURATION_UNITS: Record<string, number> = { ns: 1, us: 1e3, '\u00b5s': 1e3, '\u03bcs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go's time.ParseDuration, which BuildKit uses for the HEALTHCHECK intervals: nanoseconds, or null. */
export function goDuration(text: string): number | null {
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[-+]/, '');
  if (body === '0') return 0;
  if (body === '') return null;
  let total = 0;
  const part = /(\d*)(?:\.(\d*))?(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/y;
  let position = 0;
  while (position < body.length) {
    part.lastIndex = position;
    const match = part.exec(body);
    if (!match || (match[1] === '' && (match[2] ?? '') === '')) return null;
    total += Number(`${match[1] || '0'}.${match[2] || '0'}`) * DURATION_UNITS[match[3]];
    position = part.lastIndex;
  }
  return sign * total;
}

/**
 * ONBUILD's trigger goes through BuildKit's line parser too. The triggers BuildKit refuses outright
 * (ONBUILD, FROM, MAINTAINER) have their own rule, onbuild-invalid-trigger (hadolint's DL3043).
 */
function onbuildProblems(instruction: Instruction, escape: string, viewOf: ViewOf): ParseProblem[] {
  const trigger = instruction.onbuildTrigger;
  const message = trigger && (lineParserProblem(trigger.keyword, viewOf(trigger), escape) ?? unterminatedHeredoc(trigger));
  return message ? [{ message, range: trigger.argumentsRange ?? instruction.keywordRange }] : [];
}
