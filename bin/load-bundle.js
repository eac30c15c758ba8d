/**
 * How bin/layerlint starts the CLI quickly: dist/bundle/main.cjs is the whole CLI in one CommonJS
 * file (scripts/bundle.mjs). Loading it through vm.Script lets V8 reuse the bytecode of an earlier
 * run (a "code cache") instead of compiling every function a lint needs: measured, 237 → 192 ms
 * median cold start on Node 20, and a lint's own part 120–200 → 45–80 ms on Node 24.
 *
 * V8 accepts a cache only from its own version and under the same V8 flags (`--max-old-space-size`
 * in NODE_OPTIONS is one); any other cache is rejected and the code compiled as usual. So there is
 * one cache file per V8 version and set of Node options, next to the bundle: the build writes the one
 * for the Node that built it (by linting the bundled examples once), and a Node that finds none
 * writes its own as it exits, when it can write there (an npm package installed by root cannot be;
 * it then starts as it would without a cache). Node's own module.enableCompileCache() (Node 22.1+)
 * was measured too: its cache of the bundle holds 214 KB of bytecode against this one's 777 KB, and a
 * one-file lint's own part took 97–113 ms against 52–80 ms on Node 24.
 */
'use strict';
const { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { basename, dirname, join } = require('node:path');
const { Script } = require('node:vm');

/** Cache files kept next to one bundle at most: one per Node version and option set seen. */
const MAX_CACHE_FILES = 8;

/** Marks a process that changed V8's flags at run time (src/parse/shell-grammar.ts): a cache it wrote would not fit. */
const FLAGS_CHANGED = Symbol.for('layerlint.v8FlagsChangedAtRunTime');

/**
 * Marks a process that did what the cache is for, a lint (src/cli/lint-command.ts): the run that saves
 * decides what the cache holds, and one from `--version` would hold almost nothing.
 */
const WORTH_CACHING = Symbol.for('layerlint.codeCacheWorthy');

/** FNV-1a, 32 bits, in hex: a short stable name for a set of options (node:crypto costs ~2 ms to load). */
function shortHash(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * The cache file for this Node: main.cjs.<V8 version>.cache, with a hash of Node's options when it has
 * any. `--v8-pool-size` (src/cli/relaunch.ts) is left out: V8 accepts the same cache with it (tested).
 */
function cacheFileFor(file, execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? '') {
  const options = [...execArgv, ...nodeOptions.split(/\s+/)].filter((option) => option && !option.startsWith('--v8-pool-size')).join(' ');
  return `${file}.${process.versions.v8}${options ? `-${shortHash(options)}` : ''}.cache`;
}

/** Write atomically (runs side by side may both write), and only where allowed; a cache is never worth an error. */
function saveCache(file, cacheFile, data) {
  let temporary = null;
  try {
    const prefix = `${basename(file)}.`;
    const existing = readdirSync(dirname(file)).filter((name) => name.startsWith(prefix) && name.endsWith('.cache'));
    if (existing.length >= MAX_CACHE_FILES && !existsSync(cacheFile)) return;
    // Written one folder up (dist/, same file system), so that `npm pack` never lists a half-written file.
    temporary = join(dirname(dirname(file)), `.${basename(cacheFile)}.${process.pid}.tmp`);
    writeFileSync(temporary, data);
    renameSync(temporary, cacheFile);
  } catch {
    // A read-only install, a full disk: start without a cache next time, as before.
    try {
      if (temporary !== null) rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do: this runs as the process exits.
    }
  }
}

/** The cache's bytes, or undefined when there is none that can be read. */
function readCache(cacheFile) {
  try {
    return existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Run a CommonJS bundle with its code cache; returns its exports and what became of the cache
 * ('accepted', 'rejected' or 'missing'). As the process exits, the bytecode of everything compiled by
 * then is saved as the cache: `save` 'always' (the build), 'when-missing' (or rejected; only by a
 * process marked WORTH_CACHING) or 'never'.
 */
function loadBundle(file, { save = 'never' } = {}) {
  const cacheFile = cacheFileFor(file);
  const cachedData = save === 'always' ? undefined : readCache(cacheFile);
  // The wrapper Node itself puts around a CommonJS module, on the same line (positions in stack traces stay right).
  // Read as latin1: the build refuses a bundle with a byte outside ASCII (scripts/bundle.mjs), where
  // latin1 and UTF-8 read the same, and latin1 makes the string without decoding (~0.3 ms less for main.cjs).
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'latin1')}\n})`;
  // V8 keeps the script's name in the code cache, and the build's cache ships in the package: the name
  // is the bundle's place in the package, not the absolute path of the tree that built it.
  const script = new Script(source, { filename: `layerlint/dist/bundle/${basename(file)}`, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const cache = cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
  if (save === 'always' || (save === 'when-missing' && cache !== 'accepted')) {
    process.once('exit', () => {
      if (globalThis[FLAGS_CHANGED] || (save !== 'always' && !globalThis[WORTH_CACHING])) return;
      saveCache(file, cacheFile, script.createCachedData());
    });
  }
  return { exports: module.exports, cache };
}

/**
 * How a bundle's cache is saved: 'always' in the build run that names it in LAYERLINT_WRITE_CODE_CACHE
 * (scripts/bundle.mjs: a lint for main.cjs, a command line yargs reads for vendor.cjs), else 'when-missing'.
 */
function saveModeFor(file) {
  return process.env.LAYERLINT_WRITE_CODE_CACHE === basename(file) ? 'always' : 'when-missing';
}

/** vendor.cjs's exports, once loaded: a function per package (scripts/bundle.mjs). */
let vendorExports = null;

/** A package from vendor.cjs, next to main.cjs in `bundleDir`: what main.cjs gets when it imports one (scripts/bundle.mjs). */
function vendorPackage(bundleDir, name) {
  if (vendorExports === null) {
    const file = join(bundleDir, 'vendor.cjs');
    vendorExports = loadBundle(file, { save: saveModeFor(file) }).exports;
  }
  return vendorExports[name]();
}

module.exports = { loadBundle, cacheFileFor, saveModeFor, vendorPackage, FLAGS_CHANGED, WORTH_CACHING };
