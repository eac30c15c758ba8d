/**
 * The bundle bin/layerlint runs (npm test builds it first) and its V8 code cache: the cache is
 * what makes a cold start ~60 ms faster, and nothing else would notice if it stopped being used.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const loader = join(root, 'bin/load-bundle.js');
const bundle = join(root, 'dist/bundle/main.cjs');
const vendorBundle = join(root, 'dist/bundle/vendor.cjs');

/** Loads a bundle as bin/layerlint does; a file, so that Node's options (which name the cache) are only the test's. */
const loadScript = join(mkdtempSync(join(tmpdir(), 'layerlint-load-')), 'load.mjs');
writeFileSync(
  loadScript,
  `import { loadBundle, FLAGS_CHANGED, WORTH_CACHING } from ${JSON.stringify(loader)};
const [file, save, changeFlags] = process.argv.slice(2);
const { cache, exports } = loadBundle(file, { save });
globalThis[WORTH_CACHING] = true; // as a lint does
if (changeFlags === 'yes') globalThis[FLAGS_CHANGED] = true;
process.stdout.write(JSON.stringify({ cache, exportsRun: typeof exports.run }));
`,
);

/** Load a bundle in a fresh Node, as bin/layerlint does, and say what became of its cache. */
function loadInFreshNode(file: string, { save = 'never', nodeOptions = [] as string[], changeFlags = false } = {}): { cache: string; exportsRun: string } {
  const result = spawnSync(process.execPath, [...nodeOptions, loadScript, file, save, changeFlags ? 'yes' : 'no'], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  expect(result.stderr.slice(0, 300)).toBe('');
  return JSON.parse(result.stdout);
}

/**
 * A copy of the bundle, without its caches, where it finds package.json as in a checkout (dist/bundle/
 * under the root); with vendor.cjs, the packages a lint does not load, unless told otherwise.
 */
function bundleCopy({ withVendor = true } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-bundle-'));
  mkdirSync(join(dir, 'dist/bundle'), { recursive: true });
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  copyFileSync(bundle, join(dir, 'dist/bundle/main.cjs'));
  if (withVendor) copyFileSync(vendorBundle, join(dir, 'dist/bundle/vendor.cjs'));
  return join(dir, 'dist/bundle/main.cjs');
}

/** bin/layerlint of a package made of a bundle copy, using this checkout's node_modules (or another); traceModules: NODE_DEBUG=module on stderr. */
function cliOf(copy: string, { nodeModules = join(root, 'node_modules'), traceModules = false } = {}): (...args: string[]) => SpawnSyncReturns<string> {
  const packageRoot = dirname(dirname(dirname(copy)));
  mkdirSync(join(packageRoot, 'bin'));
  for (const name of ['layerlint', 'load-bundle.js', 'package.json']) copyFileSync(join(root, 'bin', name), join(packageRoot, 'bin', name));
  symlinkSync(nodeModules, join(packageRoot, 'node_modules'));
  return (...args) =>
    spawnSync(process.execPath, [join(packageRoot, 'bin/layerlint'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', NODE_DEBUG: traceModules ? 'module' : '' },
    });
}

/** The files Node loaded as modules, from NODE_DEBUG=module's lines on stderr. */
const modulesLoaded = (stderr: string) => [...stderr.matchAll(/^MODULE \d+: load "([^"]+)"/gm)].map((match) => match[1]);

const cacheFiles = (file: string) =>
  readdirSync(dirname(file))
    .filter((name) => name.endsWith('.cache'))
    .sort();
const v8 = process.versions.v8;

describe('bundle and code cache', () => {
  test('the cache written at build time, one per V8 version, is accepted by this Node', () => {
    expect(cacheFiles(bundle)).toContain(`main.cjs.${v8}.cache`);
    expect(loadInFreshNode(bundle)).toEqual({ cache: 'accepted', exportsRun: 'function' });
  });

  test('without a cache file the CLI loads, and a lint saves one for this Node that the next start accepts', () => {
    const copy = bundleCopy();
    expect(loadInFreshNode(copy, { save: 'never' })).toEqual({ cache: 'missing', exportsRun: 'function' });
    expect(cacheFiles(copy)).toEqual([]);
    expect(loadInFreshNode(copy, { save: 'when-missing' })).toEqual({ cache: 'missing', exportsRun: 'function' });
    expect(cacheFiles(copy)).toEqual([`main.cjs.${v8}.cache`]);
    expect(loadInFreshNode(copy, { save: 'when-missing' }).cache).toBe('accepted');
  });

  test('a cache that does not fit is rejected, the CLI still loads, and the cache is written again', () => {
    const copy = bundleCopy();
    writeFileSync(`${copy}.${v8}.cache`, Buffer.alloc(4096, 7));
    expect(loadInFreshNode(copy, { save: 'when-missing' })).toEqual({ cache: 'rejected', exportsRun: 'function' });
    expect(loadInFreshNode(copy).cache).toBe('accepted');
  });

  test('a Node started with V8 options (which V8 checks a cache against) gets its own cache; --v8-pool-size does not matter', () => {
    const copy = bundleCopy();
    loadInFreshNode(copy, { save: 'when-missing' });
    expect(loadInFreshNode(copy, { nodeOptions: ['--stack-size=2000'] }).cache).toBe('missing');
    loadInFreshNode(copy, { save: 'when-missing', nodeOptions: ['--stack-size=2000'] });
    expect(cacheFiles(copy)).toHaveLength(2);
    expect(loadInFreshNode(copy, { nodeOptions: ['--stack-size=2000'] }).cache).toBe('accepted');
    expect(loadInFreshNode(copy).cache).toBe('accepted');
    expect(loadInFreshNode(copy, { nodeOptions: ['--v8-pool-size=1'] }).cache).toBe('accepted');
  });

  test('no cache is saved by a process that changed V8 flags at run time, nor beyond MAX_CACHE_FILES', () => {
    const copy = bundleCopy();
    loadInFreshNode(copy, { save: 'when-missing', changeFlags: true });
    expect(cacheFiles(copy)).toEqual([]);
    for (let i = 0; i < 8; i++) writeFileSync(`${copy}.other-node-${i}.cache`, 'x');
    loadInFreshNode(copy, { save: 'when-missing' });
    expect(cacheFiles(copy)).not.toContain(`main.cjs.${v8}.cache`);
  });

  test('a cache that cannot be read or replaced (here a folder by its name) is skipped quietly, leaving no temporary file', () => {
    const copy = bundleCopy();
    mkdirSync(join(`${copy}.${v8}.cache`, 'in-the-way'), { recursive: true });
    expect(loadInFreshNode(copy, { save: 'when-missing' })).toEqual({ cache: 'missing', exportsRun: 'function' });
    expect(readdirSync(dirname(dirname(copy)))).toEqual(['bundle']);
  });

  test('the CLI saves a missing cache from a lint, also without the word lint, not from --version (the saving run decides what the cache holds)', () => {
    const copy = bundleCopy();
    const packageRoot = dirname(dirname(dirname(copy)));
    const cli = cliOf(copy);
    expect(cli('--version').status).toBe(0);
    expect(cacheFiles(copy)).toEqual([]);
    const dockerfile = join(packageRoot, 'Dockerfile');
    writeFileSync(dockerfile, 'FROM alpine:3.19\nRUN apk add --no-cache curl\nCMD ["sh"]\n');
    expect(cli('rules').status).toBe(0);
    expect(cacheFiles(copy)).toEqual([]);
    expect(cli(dockerfile, '--shellcheck', 'off').stderr).toBe('');
    expect(cacheFiles(copy)).toEqual([`main.cjs.${v8}.cache`]);
    expect(loadInFreshNode(copy).cache).toBe('accepted');
  });

  test('the build saved vendor.cjs a cache too, which this Node accepts', () => {
    expect(cacheFiles(vendorBundle)).toContain(`vendor.cjs.${v8}.cache`);
    expect(loadInFreshNode(vendorBundle).cache).toBe('accepted');
  });

  test('a lint needs main.cjs alone (vendor.cjs holds what it does not load); yargs and the rest come from vendor.cjs', () => {
    const withoutVendor = bundleCopy({ withVendor: false });
    const lint = cliOf(withoutVendor);
    const dockerfile = join(dirname(withoutVendor), 'Dockerfile');
    writeFileSync(dockerfile, 'FROM alpine:3.19\nRUN apk add curl\nCMD ["sh"]\n');
    const linted = lint('lint', '--no-cache', '--shellcheck', 'off', '-f', 'json', dockerfile);
    expect(linted.stderr).toBe('');
    expect(JSON.parse(linted.stdout).files[0].findings.map((finding: { ruleId: string }) => finding.ruleId)).toContain('package-cache-left');
    const cli = cliOf(bundleCopy());
    // The bundle's version is package.json's, written in as it was built (scripts/bundle.mjs).
    expect(cli('--version').stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    expect(cli('layers', dockerfile).stdout).toMatch(/FROM alpine:3\.19/);
  });
  test("tree-sitter's JavaScript comes from the bundle, only its binary from node_modules; another installed version is required as installed", () => {
    const dockerfile = join(mkdtempSync(join(tmpdir(), 'layerlint-bundle-')), 'Dockerfile');
    writeFileSync(dockerfile, 'FROM alpine:3.19\nRUN apk update && apk add curl\n');
    const ruleIds = (run: SpawnSyncReturns<string>) => JSON.parse(run.stdout).files[0].findings.map((finding: { ruleId: string }) => finding.ruleId);
    const lintArgs = ['lint', '--no-cache', '--shellcheck', 'off', '-f', 'json', dockerfile];

    const bundled = cliOf(bundleCopy(), { traceModules: true })(...lintArgs);
    const loaded = modulesLoaded(bundled.stderr);
    expect(loaded.some((file) => /tree-sitter[\\/].*\.node$/.test(file))).toBe(true);
    expect(loaded.filter((file) => /tree-sitter[\\/]index\.js$|node-gyp-build/.test(file))).toEqual([]);

    // node_modules as here, but with a tree-sitter of another version than the bundle's.
    const otherModules = mkdtempSync(join(tmpdir(), 'layerlint-modules-'));
    for (const name of readdirSync(join(root, 'node_modules'))) {
      if (name !== 'tree-sitter') symlinkSync(join(root, 'node_modules', name), join(otherModules, name));
    }
    cpSync(join(root, 'node_modules/tree-sitter'), join(otherModules, 'tree-sitter'), { recursive: true });
    const manifest = join(otherModules, 'tree-sitter/package.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), version: '0.0.0-other' }));
    const installed = cliOf(bundleCopy(), { nodeModules: otherModules, traceModules: true })(...lintArgs);
    expect(modulesLoaded(installed.stderr)).toContain(join(otherModules, 'tree-sitter/index.js'));
    expect(ruleIds(installed)).toEqual(ruleIds(bundled));
    expect(ruleIds(bundled).length).toBeGreaterThan(0);
  });
});
