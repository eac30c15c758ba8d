/**
 * The build context (`--context DIR`): which files `docker build` would send, after .dockerignore.
 * Used to resolve COPY sources to real files and for the .dockerignore rules.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import dockerignoreModule from '@balena/dockerignore';

// The package is CommonJS with a TypeScript `export default`: under NodeNext the callable is `.default`.
const dockerignore = (dockerignoreModule as unknown as { default: typeof dockerignoreModule.default }).default ?? dockerignoreModule;

/** Stop listing after this many files: a context this large is itself a finding, not something to walk forever. */
export const MAX_CONTEXT_FILES = 100_000;

export interface BuildContext {
  dir: string;
  dockerignore: { path: string; patterns: string[] } | null;
  /** Files sent to the engine, as relative POSIX paths. */
  files: string[];
  /** Top-level entries of the directory that .dockerignore excludes. */
  ignoredTopLevel: string[];
  /** Top-level entries of the directory, ignored or not (`.git`, `node_modules`, …). */
  topLevel: string[];
  truncated: boolean;
  isIgnored(relativePath: string): boolean;
  /** When set, every context file the model or a rule reads is added to it (the lint cache records them). */
  readLog?: string[];
}

function readPatterns(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Read a build context directory. Throws a plain Error with a one-line message when it cannot. */
export function loadBuildContext(dir: string, dockerfileName = 'Dockerfile'): BuildContext {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new Error(`build context '${dir}' does not exist`);
  }
  if (!isDir) throw new Error(`build context '${dir}' is not a directory`);
  // Docker reads <Dockerfile>.dockerignore first, then .dockerignore.
  const candidates = [join(dir, `${dockerfileName}.dockerignore`), join(dir, '.dockerignore')];
  const ignoreFile = candidates.find((file) => {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
  const patterns = ignoreFile ? readPatterns(ignoreFile) : [];
  const matcher = dockerignore({ ignorecase: false }).add(patterns);
  const isIgnored = (relativePath: string) => patterns.length > 0 && matcher.ignores(relativePath);

  const files: string[] = [];
  let truncated = false;
  const topLevel = readdirSync(dir);
  const walk = (relative: string) => {
    if (truncated) return;
    let entries: string[];
    try {
      entries = readdirSync(join(dir, relative));
    } catch {
      return;
    }
    for (const name of entries) {
      const path = relative ? `${relative}/${name}` : name;
      let stat;
      try {
        stat = lstatSync(join(dir, path));
      } catch {
        continue;
      }
      // A directory excluded by a pattern may still hold re-included files (`!dir/keep`), so only skip
      // it outright when no pattern starts with `!`.
      const ignored = isIgnored(path);
      if (stat.isDirectory()) {
        if (!ignored || patterns.some((p) => p.startsWith('!'))) walk(path);
      } else if (!ignored) {
        files.push(path);
        if (files.length >= MAX_CONTEXT_FILES) {
          truncated = true;
          return;
        }
      }
    }
  };
  walk('');
  return {
    dir,
    dockerignore: ignoreFile ? { path: ignoreFile, patterns } : null,
    files,
    topLevel,
    ignoredTopLevel: topLevel.filter((name) => isIgnored(name)),
    truncated,
    isIgnored,
  };
}
