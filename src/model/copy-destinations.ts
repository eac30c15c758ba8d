/**
 * Where the files of a COPY/ADD land, by Docker's rules: a file source into a directory keeps its
 * name (`COPY run.sh /app/` writes /app/run.sh), a directory source copies its contents (`COPY src
 * /app` writes below /app), an ADD of a local tar archive extracts it. Rules ask "could this COPY
 * have written that path?" (a later chmod, rm or tar of it) instead of "is it below the destination?",
 * which blamed `COPY pyproject.toml /app/` for /app/run.sh.
 */
import { basename } from '../parse/shell-names.js';
import { hasGlob, pathDepth, pathsOverlap } from '../util/paths.js';
import { looksLikeFile } from './copy-sources.js';
import { TAR_ARCHIVE } from './knowledge/archives.js';
import type { CopySource, CopyWrite } from './types.js';

/**
 * Is the destination a directory for sure? Written with a trailing slash or as `.`, the working
 * directory itself (it exists), or the target of several sources or a glob (Docker requires a
 * directory then).
 */
function isDirectoryDestination(written: string, resolved: string, workdir: string, sources: CopySource[]): boolean {
  return /(^|\/)\.{0,2}$/.test(written) || resolved === workdir || sources.length > 1 || sources.some((source) => hasGlob(source.path));
}

/** The name a source's file gets in a destination directory: a URL's last path segment, a heredoc's name. */
function fileName(source: CopySource): string {
  if (source.volatility === 'inline') return source.path.replace(/^<<-?["']?|["']$/g, '');
  if (source.volatility === 'remote') return basename(source.path.replace(/[?#].*$/, '').replace(/\/+$/, ''));
  return basename(source.path.replace(/\/+$/, ''));
}

/**
 * The paths a COPY/ADD writes. `written` is the destination as written, `destination` the same
 * resolved to an absolute path. A destination without a trailing slash is ambiguous for one file (a
 * new file of that name, or into an existing directory), so both places are listed.
 */
export function copyWrites(keyword: string, sources: CopySource[], written: string, destination: string, workdir: string): CopyWrite[] {
  const intoDirectory = isDirectoryDestination(written, destination, workdir, sources);
  const writes: CopyWrite[] = [];
  for (const source of sources) {
    const extracted = keyword === 'ADD' && source.volatility !== 'remote' && source.volatility !== 'inline' && TAR_ARCHIVE.test(source.path);
    const isFile = !extracted && (source.volatility === 'remote' || source.volatility === 'inline' || looksLikeFile(source));
    if (!isFile) {
      writes.push({ source: source.path, path: destination, tree: true });
      continue;
    }
    const inDirectory = `${destination === '/' ? '' : destination}/${fileName(source)}`;
    if (!intoDirectory) writes.push({ source: source.path, path: destination, tree: false });
    writes.push({ source: source.path, path: inDirectory, tree: false });
  }
  return writes;
}

/**
 * Could this write have put something at `path` (which may hold globs) or below it? A tree write
 * overlaps anything at or below its directory and the directories above it; a file write only the
 * file itself and the directories above it (`chown -R app /app` covers /app/run.sh).
 */
export function mayWrite(write: CopyWrite, path: string): boolean {
  if (!pathsOverlap(path, write.path)) return false;
  return write.tree || pathDepth(path) <= pathDepth(write.path);
}
