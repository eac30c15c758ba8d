#!/usr/bin/env node
/**
 * Bundle the CLI with esbuild into dist/bundle/ for a fast cold start (one file to load instead of
 * hundreds). Code splitting keeps `measure` and `lsp` in their own chunks, loaded only by those
 * commands. dockerode (native optional deps) and web-tree-sitter (finds its .wasm next to itself)
 * stay in node_modules. bin/layerlint uses the bundle when it exists, else dist/src.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

// Chunk names carry content hashes: start empty so old chunks do not pile up.
rmSync(new URL('../dist/bundle', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { main: new URL('../src/cli/main.ts', import.meta.url).pathname },
  outdir: new URL('../dist/bundle', import.meta.url).pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  external: ['dockerode', 'web-tree-sitter', 'ssh2', 'cpu-features'],
  // CommonJS dependencies inside an ES module bundle still call require().
  banner: { js: 'import { createRequire as __layerlintRequire } from "node:module"; const require = __layerlintRequire(import.meta.url);' },
  // See scripts/shims/string-width.mjs: the same widths for help text, without loading ICU at every start.
  alias: { 'string-width': new URL('./shims/string-width.mjs', import.meta.url).pathname },
  logLevel: 'warning',
});
