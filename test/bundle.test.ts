/**
 * The bundle bin/layerlint runs (npm test builds it first) and its V8 code cache: the cache is
 * what makes a cold start ~60 ms faster, and nothing else would notice if it stopped being used.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const loader = join(root, 'bin/load-bundle.js');
const bundle = join(root, 'dist/bundle/main.cjs');

/** Load a bundle in a fresh Node, as bin/layerlint does, and say what became of its cache. */
function loadInFreshNode(file: string): { cache: string; exportsRun: string } {
  const script = `import { loadBundle } from ${JSON.stringify(loader)};
    const { cache, exports } = loadBundle(${JSON.stringify(file)});
    process.stdout.write(JSON.stringify({ cache, exportsRun: typeof exports.run }));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(result.stderr.slice(0, 300)).toBe('');
  return JSON.parse(result.stdout);
}

/** A copy of the bundle where it finds package.json as in a checkout (dist/bundle/ under the root). */
function bundleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-bundle-'));
  mkdirSync(join(dir, 'dist/bundle'), { recursive: true });
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  copyFileSync(bundle, join(dir, 'dist/bundle/main.cjs'));
  return join(dir, 'dist/bundle/main.cjs');
}

describe('bundle and code cache', () => {
  test('the cache written at build time is accepted by this Node', () => {
    expect(loadInFreshNode(bundle)).toEqual({ cache: 'accepted', exportsRun: 'function' });
  });

  test('a cache that does not fit is rejected and the CLI still loads', () => {
    const copy = bundleCopy();
    writeFileSync(`${copy}.cache`, Buffer.alloc(4096, 7));
    expect(loadInFreshNode(copy)).toEqual({ cache: 'rejected', exportsRun: 'function' });
  });

  test('without a cache file the CLI loads too', () => {
    expect(loadInFreshNode(bundleCopy())).toEqual({ cache: 'missing', exportsRun: 'function' });
  });
});
