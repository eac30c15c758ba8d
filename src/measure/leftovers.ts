/**
 * Bytes a final image carries that no program needs at run time: package indexes and download
 * caches of system package managers (the same directories the lint rules know), and the download
 * caches of language package managers in any home. Unlike wasted bytes (hidden by a later layer),
 * these are still visible, so deleting them in the RUN that wrote them (or a cache mount) makes the
 * image smaller.
 */
import { SYSTEM_CACHE_PATHS } from '../model/knowledge/package-managers.js';

export interface LeftoverKind {
  what: string;
  /** Matches an image path (no leading slash). */
  test(path: string): boolean;
}

const under = (prefix: string) => (path: string) => path.startsWith(`${prefix}/`);
/** `root/…` or `home/<user>/…`: the tools write below the home of the user that runs them. */
const HOME = '(?:root|home/[^/]+)';
const inHome = (rest: string) => {
  const pattern = new RegExp(`^${HOME}/${rest}/`);
  return (path: string) => pattern.test(path);
};

export const LEFTOVER_KINDS: LeftoverKind[] = [
  ...Object.values(SYSTEM_CACHE_PATHS)
    .flat()
    .map(({ path, what }) => ({ what, test: under(path.replace(/^\//, '')) })),
  { what: 'pip cache', test: inHome('\\.cache/pip') },
  { what: 'npm cache', test: inHome('\\.npm/_cacache') },
  { what: 'yarn cache', test: (path) => under('usr/local/share/.cache/yarn')(path) || inHome('\\.cache/yarn')(path) },
  { what: 'pnpm store', test: inHome('\\.local/share/pnpm/store') },
  { what: 'Go build cache', test: inHome('\\.cache/go-build') },
  { what: 'Go module download cache', test: (path) => /^(?:go|root\/go|home\/[^/]+\/go)\/pkg\/mod\/cache\/download\//.test(path) },
  { what: 'Cargo registry cache', test: (path) => under('usr/local/cargo/registry/cache')(path) || inHome('\\.cargo/registry/cache')(path) },
  { what: 'Composer cache', test: (path) => inHome('\\.composer/cache')(path) || inHome('\\.cache/composer')(path) },
];

export function leftoverKind(path: string): string | null {
  return LEFTOVER_KINDS.find((kind) => kind.test(path))?.what ?? null;
}
