/**
 * The lint cache: each file's findings (ours and ShellCheck's) kept on disk, so that a re-run on
 * unchanged files (pre-commit, CI, an editor's save) skips parsing, the rules and ShellCheck.
 *
 * Never wrong: an entry is found by a hash of everything its findings depend on — the Dockerfile's
 * text and shown path, the resolved config, the running build of layerlint, the ShellCheck binary, the
 * target stage and the build context's file list and .dockerignore — and it records the context files
 * the rules read (package.json, workspace manifests), which are compared again before it is used.
 * Safe under concurrent runs: an entry is written to a temporary file and renamed into place, so a
 * reader sees a whole entry or none. Bounded: when a run has written entries and the cache is over its
 * size, the least recently used entries are removed.
 */
import { createRequire } from 'node:module';
import { closeSync, fstatSync, futimesSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { writeFileAtomically } from '../util/atomic-write.js';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Config } from '../core/config.js';
import type { Finding } from '../core/findings.js';
import type { RuleMeta } from '../runner/types.js';
import type { BuildContext } from '../model/context.js';
import { readContextFile } from '../model/workspaces.js';
import { CODE_FILE, VERSION } from '../meta.js';

/** Bumped when the entry format changes: old entries are then simply never found. */
const FORMAT = 'lint-v1';
export const DEFAULT_CACHE_MAX_BYTES = 64 * 1024 * 1024;
/** An entry used again is marked as recently used at most once a day (one write less per hit). */
const TOUCH_AFTER_MS = 24 * 60 * 60 * 1000;
/** A temporary file this old was left by a run that died between writing and renaming. */
const STALE_TEMP_MS = 60 * 60 * 1000;

export interface CachedLint {
  findings: Finding[];
  /** The ShellCheck codes found (one rule each in the report). */
  extraRules: RuleMeta[];
}

interface Entry extends CachedLint {
  /** Context files the lint read, with a hash of their text (null: not in the context or unreadable). */
  contextReads: [string, string | null][];
}

/** What the run's entries all share; a change in any of them makes every key new. */
export interface RunIdentity {
  shellcheck: string | null;
  target: string | null;
  context: BuildContext | null;
}

/** `$XDG_CACHE_HOME/layerlint`, else the platform's per-user cache folder. */
export function defaultCacheDir(): string {
  if (process.env.XDG_CACHE_HOME) return join(process.env.XDG_CACHE_HOME, 'layerlint');
  if (process.platform === 'win32' && process.env.LOCALAPPDATA) return join(process.env.LOCALAPPDATA, 'layerlint', 'cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'layerlint');
  return join(homedir(), '.cache', 'layerlint');
}

/**
 * node:crypto, loaded when the first key is made: loading it costs ~4 ms of every start, which a lint
 * with --no-cache need not pay. Synchronous, as the keys are made.
 */
let crypto: typeof import('node:crypto') | null = null;

function sha256(text: string): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** A file's identity without reading it: a rebuilt bundle or an upgraded ShellCheck gets a new one. */
function fileIdentity(path: string): string {
  try {
    const stat = statSync(path);
    return `${path}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
  } catch {
    return `${path}:missing`;
  }
}

function contextIdentity(context: BuildContext | null): unknown {
  if (!context) return null;
  return { dir: resolve(context.dir), ignore: context.dockerignore, files: context.files, topLevel: context.topLevel, truncated: context.truncated };
}

export class LintCache {
  private readonly root: string;
  private readonly runKey: string;
  private readonly configKeys = new WeakMap<Config, string>();
  private readonly contextHashes = new Map<string, string | null>();
  private written = 0;
  /** Why writing stopped (a read-only or full disk), or null: reads go on either way. */
  writeFailure: string | null = null;
  hits = 0;
  misses = 0;

  constructor(
    dir: string,
    run: RunIdentity,
    private readonly maxBytes = DEFAULT_CACHE_MAX_BYTES,
  ) {
    this.root = join(dir, FORMAT);
    this.runKey = sha256(
      JSON.stringify({
        version: VERSION,
        code: fileIdentity(CODE_FILE),
        shellcheck: run.shellcheck ? fileIdentity(run.shellcheck) : null,
        target: run.target,
        context: contextIdentity(run.context),
      }),
    );
  }

  /** The key of one file's lint under one config. */
  key(text: string, shownPath: string, config: Config): string {
    let configKey = this.configKeys.get(config);
    if (configKey === undefined) {
      configKey = sha256(JSON.stringify(config));
      this.configKeys.set(config, configKey);
    }
    return sha256(`${this.runKey}\0${configKey}\0${shownPath}\0${text}`);
  }

  private pathOf(key: string): string {
    return join(this.root, key.slice(0, 2), `${key.slice(2)}.json`);
  }

  private contextFileHash(context: BuildContext, file: string): string | null {
    if (!this.contextHashes.has(file)) {
      // Read without adding to the context's read log: the cache's own reads are not the rules'.
      const text = readContextFile({ ...context, readLog: undefined }, file);
      this.contextHashes.set(file, text === null ? null : sha256(text));
    }
    return this.contextHashes.get(file)!;
  }

  /** The cached findings, or null when there are none or a context file they read has changed. */
  read(key: string, context: BuildContext | null): CachedLint | null {
    let entry: Entry;
    try {
      const fd = openSync(this.pathOf(key), 'r');
      try {
        entry = JSON.parse(readFileSync(fd, 'utf8')) as Entry;
        if (Date.now() - fstatSync(fd).mtimeMs > TOUCH_AFTER_MS) futimesSync(fd, new Date(), new Date());
      } finally {
        closeSync(fd);
      }
    } catch {
      this.misses++;
      return null;
    }
    const readsUnchanged = entry.contextReads.every(([file, hash]) => context !== null && this.contextFileHash(context, file) === hash);
    if (!readsUnchanged) {
      this.misses++;
      return null;
    }
    this.hits++;
    return { findings: entry.findings, extraRules: entry.extraRules };
  }

  /** Keep a file's findings. `contextReads`: the context files read while it was linted. */
  write(key: string, result: CachedLint, context: BuildContext | null, contextReads: Iterable<string>): void {
    if (this.writeFailure !== null) return;
    const reads = context ? [...new Set(contextReads)].sort().map((file): [string, string | null] => [file, this.contextFileHash(context, file)]) : [];
    const entry: Entry = { findings: result.findings, extraRules: result.extraRules, contextReads: reads };
    const path = this.pathOf(key);
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(join(this.root, key.slice(0, 2)), { recursive: true });
      writeFileAtomically(path, JSON.stringify(entry), temporary);
      this.written++;
    } catch (error) {
      this.writeFailure = (error as Error).message.split('\n')[0];
    }
  }

  /** After a run that wrote entries: remove the least recently used ones while the cache is over its size. */
  prune(): void {
    if (this.written === 0) return;
    const entries: { path: string; size: number; used: number }[] = [];
    let total = 0;
    let folders: string[];
    try {
      folders = readdirSync(this.root);
    } catch {
      return;
    }
    const now = Date.now();
    for (const folder of folders) {
      let names: string[];
      try {
        names = readdirSync(join(this.root, folder));
      } catch {
        continue;
      }
      for (const name of names) {
        const path = join(this.root, folder, name);
        try {
          const stat = statSync(path);
          if (name.endsWith('.tmp')) {
            if (now - stat.mtimeMs > STALE_TEMP_MS) unlinkSync(path);
            continue;
          }
          entries.push({ path, size: stat.size, used: stat.mtimeMs });
          total += stat.size;
        } catch {
          // Removed by a concurrent run.
        }
      }
    }
    if (total <= this.maxBytes) return;
    // Down to 80 %, so that the next runs do not each prune a few entries.
    entries.sort((a, b) => a.used - b.used);
    for (const entry of entries) {
      if (total <= this.maxBytes * 0.8) break;
      try {
        unlinkSync(entry.path);
      } catch {
        // Removed by a concurrent run.
      }
      total -= entry.size;
    }
  }
}
