/**
 * The change a rebuild prediction is about (`layerlint layers --changed PATH… --since REF`): which
 * build-context files changed, as `docker build` would see them (inside the context, not excluded
 * by .dockerignore), and, when the Dockerfile itself changed since REF, its old text.
 */
import { createRequire } from 'node:module';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { BuildContext } from '../model/context.js';
import { UserError } from '../util/errors.js';

export interface CollectedChanges {
  /** Context-relative POSIX paths docker would send. */
  files: string[];
  deletedFiles: string[];
  /** Changed paths that rebuild nothing, and why (`README.md: excluded by .dockerignore`). */
  skipped: string[];
  /** The Dockerfile's text at REF when it changed since (null: unchanged, or no --since); '' when it did not exist. */
  oldDockerfile: string | null;
}

function git(cwd: string, args: string[]): Buffer {
  // node:child_process is loaded when git is asked: every lint loads this module, and only `layers --since` needs it.
  const { execFileSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

function gitTopLevel(dir: string): string {
  try {
    return git(dir, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch {
    throw new UserError(`--since needs a git repository: '${dir}' is not inside one`);
  }
}

/** Absolute paths of the files that differ between REF and the working tree, untracked files included. */
function filesChangedSince(ref: string, dir: string): { top: string; paths: string[] } {
  const top = gitTopLevel(dir);
  try {
    git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new UserError(`--since: '${ref}' is not a commit of the git repository at ${top}`);
  }
  const list = (args: string[]) => git(top, args).toString('utf8').split('\0').filter(Boolean);
  // --no-renames: a renamed file is both a deleted and an added path, as the build context sees it.
  const changed = list(['diff', '--name-only', '--no-renames', '-z', ref, '--']);
  const untracked = list(['ls-files', '--others', '--exclude-standard', '-z']);
  return { top, paths: [...new Set([...changed, ...untracked])].map((path) => join(top, path)) };
}

function oldText(top: string, ref: string, absolutePath: string): string {
  const path = relative(top, absolutePath).split(sep).join('/');
  try {
    return git(top, ['show', `${ref}:${path}`]).toString('utf8');
  } catch {
    return ''; // not in REF: the Dockerfile is new
  }
}

const toPosix = (path: string) => path.split(sep).join('/');

export function collectChanges(options: { changed: string[]; since: string | null; context: BuildContext; dockerfilePath: string }): CollectedChanges {
  const contextDir = resolve(options.context.dir);
  const dockerfile = resolve(options.dockerfilePath);
  const result: CollectedChanges = { files: [], deletedFiles: [], skipped: [], oldDockerfile: null };
  const paths = options.changed.map((path) => resolve(path));
  const named = new Set(paths);
  if (options.since !== null) {
    const { top, paths: sincePaths } = filesChangedSince(options.since, contextDir);
    paths.push(...sincePaths);
    if (sincePaths.includes(dockerfile)) result.oldDockerfile = oldText(top, options.since, dockerfile);
  }
  // Changes elsewhere in a repository are counted, not listed: in a monorepo they are most of them.
  let outsideFromGit = 0;
  const contextFiles = new Set(options.context.files);
  const added = new Set<string>();
  const add = (file: string, exists: boolean) => {
    if (added.has(file)) return;
    added.add(file);
    result.files.push(file);
    if (!exists) result.deletedFiles.push(file);
  };
  for (const path of [...new Set(paths)]) {
    const inside = relative(contextDir, path);
    const shown = toPosix(relative(process.cwd(), path)) || '.';
    if (inside.startsWith('..') || isAbsolute(inside)) {
      if (named.has(path)) result.skipped.push(`${shown}: outside the build context`);
      else if (path !== dockerfile) outsideFromGit++;
      continue;
    }
    const file = toPosix(inside);
    if (existsSync(path) && statSync(path).isDirectory()) {
      // A folder stands for the context files below it.
      const below = options.context.files.filter((f) => file === '' || f.startsWith(`${file}/`));
      if (below.length === 0) result.skipped.push(`${shown}: no file of the build context is in it`);
      for (const f of below) add(f, true);
    } else if (contextFiles.has(file)) {
      add(file, true);
    } else if (options.context.isIgnored(file)) {
      result.skipped.push(
        `${shown}: excluded by ${options.context.dockerignore ? relative(process.cwd(), options.context.dockerignore.path) || '.dockerignore' : '.dockerignore'}`,
      );
    } else if (!existsSync(path)) {
      add(file, false);
    } else {
      result.skipped.push(`${shown}: not sent with the build context`);
    }
  }
  if (outsideFromGit > 0) result.skipped.push(`${outsideFromGit} changed file(s) outside the build context`);
  return result;
}
