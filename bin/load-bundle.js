/**
 * How bin/layerlint starts the CLI quickly: dist/bundle/main.cjs is the whole CLI in one CommonJS
 * file (scripts/bundle.mjs). Loading it through vm.Script lets V8 reuse the bytecode saved in
 * main.cjs.cache at build time instead of compiling every function a lint needs (measured: 237 →
 * 192 ms median cold start). A cache that does not fit this Node, this file or V8's flags as they are
 * now is rejected by V8, and the code is compiled as usual. So the cache is written under V8's
 * default flags, the ones every start reads it under (src/parse/shell-grammar.ts sets one later).
 */
'use strict';
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');

/**
 * Run a CommonJS bundle with its code cache; returns its exports and what became of the cache
 * ('accepted', 'rejected' or 'missing'). With `writeCache`, the bytecode of everything compiled
 * by the time the process is about to exit is saved next to the bundle.
 */
function loadBundle(file, { writeCache = false } = {}) {
  const cacheFile = `${file}.cache`;
  const cachedData = existsSync(cacheFile) && !writeCache ? readFileSync(cacheFile) : undefined;
  // The wrapper Node itself puts around a CommonJS module, on the same line (positions in stack traces stay right).
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  if (writeCache) process.once('beforeExit', () => writeFileSync(cacheFile, script.createCachedData()));
  const cache = cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
  return { exports: module.exports, cache };
}

module.exports = { loadBundle };
