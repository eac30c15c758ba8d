/**
 * Classify COPY/ADD sources by how often they change (their volatility), and resolve them to
 * context files when the build context is known.
 */
import { ALL_MANIFEST_PATTERNS, MANIFESTS, type Ecosystem } from './knowledge/dependencies.js';
import { basename } from '../parse/shell-names.js';
import { globToRegExp, hasGlob } from '../util/paths.js';
import type { BuildContext } from './context.js';
import type { CopySource, Volatility } from './types.js';

/** File names without an extension that are files, not source directories. */
const EXTENSIONLESS_FILES = new Set([
  'Makefile',
  'Dockerfile',
  'Containerfile',
  'LICENSE',
  'README',
  'Procfile',
  'Gemfile',
  'Pipfile',
  'Rakefile',
  'Justfile',
  'gradlew',
  'mvnw',
  'VERSION',
  'NOTICE',
  'CHANGELOG',
]);

function cleanSource(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '') || '.';
}

function isWholeContext(path: string): boolean {
  return ['.', '*', '**', '**/*', './*'].includes(path) || path === '';
}

export function ecosystemsOfManifest(fileName: string): Ecosystem[] {
  return (Object.keys(MANIFESTS) as Ecosystem[]).filter((ecosystem) => MANIFESTS[ecosystem].some((pattern) => globToRegExp(pattern).test(fileName)));
}

function isManifestName(fileName: string): boolean {
  return ALL_MANIFEST_PATTERNS.some((pattern) => globToRegExp(pattern).test(fileName) || (hasGlob(fileName) && globToRegExp(fileName).test(pattern)));
}

/** Files of the context a source copies (a directory copies everything below it). */
export function matchContextFiles(source: string, context: BuildContext): string[] {
  const clean = cleanSource(source);
  if (isWholeContext(clean)) return context.files;
  if (hasGlob(clean)) {
    const pattern = globToRegExp(clean);
    return context.files.filter((file) => pattern.test(file) || file.split('/').some((_, i, parts) => pattern.test(parts.slice(0, i + 1).join('/'))));
  }
  return context.files.filter((file) => file === clean || file.startsWith(`${clean}/`));
}

function classify(source: string, context: BuildContext | null): { volatility: Volatility; ecosystems: Ecosystem[]; matchedFiles: string[] | null } {
  const clean = cleanSource(source);
  if (/^(https?|git|ssh):\/\/|^git@/.test(source)) return { volatility: 'remote', ecosystems: [], matchedFiles: null };
  const matchedFiles = context ? matchContextFiles(source, context) : null;
  if (isWholeContext(clean)) return { volatility: 'broad', ecosystems: [], matchedFiles };
  const name = basename(clean);
  if (isManifestName(name)) {
    const single = matchedFiles === null || matchedFiles.length <= 1 || matchedFiles.every((f) => isManifestName(basename(f)));
    if (single) return { volatility: 'manifest', ecosystems: ecosystemsOfManifest(name), matchedFiles };
  }
  if (matchedFiles !== null) {
    // With a context we know whether it is one file or a tree of sources.
    const isTree = matchedFiles.length > 1 || (matchedFiles.length === 1 && matchedFiles[0] !== clean);
    return { volatility: isTree || hasGlob(clean) ? 'broad' : 'static', ecosystems: [], matchedFiles };
  }
  // Without a context: globs and extension-less names (`src`, `app/`) are trees of sources.
  return { volatility: hasGlob(clean) || looksLikeDirectory(source) ? 'broad' : 'static', ecosystems: [], matchedFiles };
}

/** Without a context, by its name: `src` and `app/` are directories, `app.py` and `Makefile` files. */
function looksLikeDirectory(path: string): boolean {
  const name = basename(cleanSource(path));
  return path.endsWith('/') || (!name.includes('.') && !EXTENSIONLESS_FILES.has(name));
}

/**
 * Is the source one file (not a directory, glob or the whole context)? Known with a context; by its
 * name otherwise, also for sources from another stage or image.
 */
export function looksLikeFile(source: CopySource): boolean {
  const clean = cleanSource(source.path);
  if (isWholeContext(clean) || hasGlob(clean)) return false;
  if (source.matchedFiles !== null) return source.matchedFiles.length === 1 && source.matchedFiles[0] === clean;
  return !looksLikeDirectory(source.path);
}

export function classifySources(sources: string[], context: BuildContext | null): CopySource[] {
  return sources.map((path) => ({ path, ...classify(path, context) }));
}
