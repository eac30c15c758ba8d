#!/usr/bin/env node
/**
 * Bundle the CLI with esbuild into dist/bundle/main.cjs for a fast cold start, then save V8's code
 * cache for it (dist/bundle/main.cjs.<V8 version>.cache, bin/load-bundle.js) by linting the bundled examples once.
 *
 * CommonJS, one file: vm.Script, which takes a code cache, runs classic scripts only, and esbuild
 * splits code only in ES modules. Lazily imported parts (measure, lsp, ajv) are in the file but
 * their modules are not evaluated until a command imports them. dockerode (native optional deps)
 * and the native tree-sitter binding stay in node_modules; the .wasm files are read from node_modules. bin/layerlint uses
 * the bundle when it exists, else dist/src.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const root = new URL('..', import.meta.url);
rmSync(new URL('dist/bundle', root), { recursive: true, force: true });

/**
 * Work a lint would do for nothing (~9 ms of a ~110 ms start, with src/cli/terminal.ts). Patched as
 * the bundle is built; the build fails if a patched line changes.
 * - yargs' platform shim reads process.stdout.columns as it loads, which creates the stdout stream
 *   (tty, net, stream), and imports assert for two internal checks: the width is read when yargs asks
 *   for it, and the checks are two local functions.
 * - yargs lays out the whole help text after starting a named command (`layerlint lint …`: cliui,
 *   wrap-ansi, string-width; 18 M instructions, ~3–4 ms), in case the handler later asks for help.
 *   Ours never does (usage errors are one line, src/cli/main.ts); `--help` still lays it out.
 * - chalk detects colour support with os and tty as it loads; we always give chalk a level
 *   (src/report/text.ts), so it gets chalk's own browser version of that module, which touches neither.
 */
const YARGS_PATCHES = [
  {
    file: /yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/,
    patches: [
      [
        "import { notStrictEqual, strictEqual } from 'assert'",
        'const strictEqual = (actual, expected, message) => { if (actual !== expected) throw new Error(message ?? `${actual} !== ${expected}`) };\n' +
          'const notStrictEqual = (actual, expected, message) => { if (actual === expected) throw new Error(message ?? `${actual} === ${expected}`) };',
      ],
      [
        "stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null",
        "get stdColumns() { return typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null }",
      ],
    ],
  },
  {
    file: /yargs[\\/]build[\\/]lib[\\/]command\.js$/,
    patches: [['yargs.getInternalMethods().getUsageInstance().cacheHelpMessage();', '/* help text laid out only when asked for (scripts/bundle.mjs) */']],
  },
];

const startupDiet = {
  name: 'startup-diet',
  setup(build) {
    for (const { file, patches } of YARGS_PATCHES) {
      build.onLoad({ filter: file }, (args) => {
        let source = readFileSync(args.path, 'utf8');
        for (const [from, to] of patches) {
          if (!source.includes(from)) throw new Error(`bundle: yargs changed, patch it again: "${from}" is not in ${args.path}`);
          source = source.replace(from, to);
        }
        return { contents: source, loader: 'js', resolveDir: dirname(args.path) };
      });
    }
    build.onResolve({ filter: /^#supports-color$/ }, (args) => ({
      path: createRequire(args.importer).resolve('./vendor/supports-color/browser.js'),
    }));
  },
};

await build({
  entryPoints: [new URL('src/cli/main.ts', root).pathname],
  outfile: new URL('dist/bundle/main.cjs', root).pathname,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  // Native code, found at run time next to its package: the tree-sitter binding and the bash grammar
  // (src/parse/shell-grammar.ts), dockerode's optional ssh2 and cpu-features.
  external: ['dockerode', 'ssh2', 'cpu-features', 'tree-sitter', 'tree-sitter-bash'],
  // import() stays a require(): vm.Script cannot import, and a code cache would break the loader callback.
  supported: { 'dynamic-import': false },
  // Our modules find package.json, the config schema and the rule docs relative to import.meta.url.
  define: { 'import.meta.url': '__layerlintModuleUrl' },
  banner: { js: 'var __layerlintModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  // See scripts/shims/string-width.mjs: the same widths for help text, without loading ICU at every start.
  alias: {
    'string-width': new URL('scripts/shims/string-width.mjs', root).pathname,
    // Its CommonJS build: the ES one declares its own `require`, which breaks inside a CommonJS bundle.
    'web-tree-sitter': new URL('node_modules/web-tree-sitter/tree-sitter.cjs', root).pathname,
  },
  plugins: [startupDiet],
  logLevel: 'warning',
});

// Node reads a file of pure ASCII straight into a one-byte string; one character outside ASCII makes
// the whole 1.2 MB bundle a two-byte string, slower to read and to scan (a µ in a regex did).
const bundleText = readFileSync(new URL('dist/bundle/main.cjs', root), 'latin1');
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
const nonAscii = bundleText.search(/[^\x00-\x7f]/);
if (nonAscii >= 0) {
  console.error(
    `bundle: a character outside ASCII at offset ${nonAscii} (${JSON.stringify(bundleText.slice(Math.max(0, nonAscii - 40), nonAscii + 20))}): write it as an escape in the source`,
  );
  process.exit(1);
}

// One lint of every example compiles what a lint needs (parse, model, all rules, the text report, and
// the ShellCheck run when shellcheck is on PATH, as it is by default for users who have it); the
// launcher saves that bytecode as it exits.
// --no-cache: findings reused from the lint cache would leave the rules uncompiled, and out of the code cache.
// --config: a lint that reads a config file starts ~8 ms sooner with the YAML parser's bytecode cached.
const codeCacheLint = ['lint', '--no-cache', '--config', new URL('scripts/code-cache.layerlint.yaml', root).pathname, new URL('examples', root).pathname];
const lint = spawnSync(process.execPath, [new URL('bin/layerlint', root).pathname, ...codeCacheLint], {
  env: { ...process.env, LAYERLINT_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const cacheWritten = readdirSync(new URL('dist/bundle', root)).some((name) => /^main\.cjs\..+\.cache$/.test(name));
if (lint.status === 2 || !cacheWritten) {
  console.error('bundle: the code cache was not written; the CLI works without it, only slower to start');
}
