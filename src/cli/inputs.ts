/**
 * Which files to lint, and reading them safely: every way a file can be unusable becomes a
 * one-line message, never an exception escaping to the user.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileErrorInWords, UserError } from '../util/errors.js';
import { compareCodeUnits } from '../util/order.js';
import { writeErr } from './terminal.js';

/** Dockerfiles are small; anything this large is not one (and would only waste memory). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor', 'dist', 'build', 'target']);

/** `-` on the command line; yargs drops a lone `-`, so main() passes it on as /dev/stdin. */
export const STDIN_PATH = '/dev/stdin';

export function isStdin(path: string): boolean {
  return path === '-' || path === STDIN_PATH;
}

/**
 * Files named like Dockerfiles that are not ones: BuildKit's per-Dockerfile ignore file, templates a
 * Dockerfile is generated from (`Dockerfile.jinja2` in webdevops/Dockerfile, `Dockerfile-linux.template`
 * in the official images' repositories: 1,600 parse errors on the templates of 3,500 real files), and
 * code, docs, patches and editor leftovers about one. Named on the command line, they are still linted.
 */
const NOT_A_DOCKERFILE =
  /\.(dockerignore|jinja2?|j2|template|tmpl|tpl|in|erb|mustache|hbs|go|py|js|ts|rs|md|txt|sh|json|ya?ml|toml|orig|bak|rej|swp|patch|diff)$/i;

export function isDockerfileName(name: string): boolean {
  if (NOT_A_DOCKERFILE.test(name)) return false;
  return /^(Dockerfile|Containerfile)([.-].*)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
}

function findInDirectory(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    // Code-unit order, as `LC_ALL=C ls` lists them: the same report on every machine.
    for (const entry of entries.sort((a, b) => compareCodeUnits(a.name, b.name))) {
      const path = join(current, entry.name);
      if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) walk(path);
      else if (entry.isFile() && isDockerfileName(entry.name)) found.push(path);
    }
  };
  walk(dir);
  return found;
}

/**
 * Expand the command-line paths: `-` is stdin, a directory is searched for Dockerfiles,
 * anything else is taken as a file (and reported if it cannot be read).
 */
export function expandInputs(paths: string[]): string[] {
  if (paths.length === 0) {
    try {
      if (statSync('Dockerfile').isFile()) return ['Dockerfile'];
    } catch {
      // fall through to the error below
    }
    throw new UserError('no Dockerfile given and none in the current directory (try: layerlint lint path/to/Dockerfile)');
  }
  const files: string[] = [];
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = !isStdin(path) && statSync(path).isDirectory();
    } catch {
      // a missing path is reported when it is read
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const found = findInDirectory(path);
    if (found.length === 0) throw new UserError(`no Dockerfile found in directory '${path}' (looked for Dockerfile*, Containerfile*, *.dockerfile)`);
    files.push(...found);
  }
  return files;
}

function tooLarge(bytes: number, label: string): UserError {
  return new UserError(`${label} is ${(bytes / 1024 / 1024).toFixed(1)} MiB, larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB a Dockerfile may be`);
}

/** A Dockerfile's text, and a note when some of its bytes were not UTF-8. */
export interface DockerfileText {
  text: string;
  note: string | null;
  /** The bytes it was decoded from (`lint --fix` writes them back with only the fixes changed). */
  bytes?: Buffer;
}

/**
 * Decode bytes as a Dockerfile. BuildKit reads bytes: a comment in a legacy encoding (Latin-1, GBK)
 * builds fine, so it is linted too, those bytes read as U+FFFD, with a note naming the lines.
 * Throws UserError for what is no Dockerfile at all (too large, binary).
 */
export function decodeDockerfile(bytes: Buffer, label: string): DockerfileText {
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(bytes.length, label);
  if (bytes.includes(0)) throw new UserError(`${label} is a binary file (it contains NUL bytes), not a Dockerfile`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), note: null };
  } catch {
    const lines = notUtf8Lines(bytes);
    const shown = lines.length > 5 ? `${lines.slice(0, 5).join(', ')} and ${lines.length - 5} more` : lines.join(', ');
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      note: `${label} is not UTF-8 on line${lines.length > 1 ? 's' : ''} ${shown} (a legacy encoding?): linted with those bytes as U+FFFD; docker build reads bytes and is not affected`,
    };
  }
}

/** 1-based numbers of the lines that are not valid UTF-8. */
function notUtf8Lines(bytes: Buffer): number[] {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const lines: number[] = [];
  let start = 0;
  for (let line = 1; start <= bytes.length; line += 1) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    try {
      strict.decode(bytes.subarray(start, stop));
    } catch {
      lines.push(line);
    }
    start = stop + 1;
  }
  return lines;
}

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > MAX_FILE_BYTES) break;
  }
  return Buffer.concat(chunks);
}

/** The text of a Dockerfile (a path or `-`); the note about bytes that are not UTF-8, if any, goes to stderr. */
export async function readDockerfile(path: string): Promise<string> {
  return (await readDockerfileSource(path)).text;
}

/** readDockerfile, with the bytes the text came from. */
export async function readDockerfileSource(path: string): Promise<{ text: string; bytes: Buffer }> {
  const { text, note, bytes } = await readDockerfileBytes(path);
  if (note) writeErr(`layerlint: note: ${note}\n`);
  return { text, bytes: bytes! };
}

async function readDockerfileBytes(path: string): Promise<DockerfileText> {
  if (isStdin(path)) {
    const bytes = await readStdin();
    return { ...decodeDockerfile(bytes, 'standard input'), bytes };
  }
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UserError(`'${path}' is not a regular file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `'${path}' does not exist` : `cannot read '${path}' (${fileErrorInWords(error)})`);
  }
  if (size > MAX_FILE_BYTES) throw tooLarge(size, `'${path}'`);
  try {
    const bytes = readFileSync(path);
    return { ...decodeDockerfile(bytes, `'${path}'`), bytes };
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot read '${path}' (${fileErrorInWords(error)})`);
  }
}
