#!/usr/bin/env node
/**
 * Bundle the CLI with esbuild for a fast cold start: dist/bundle/main.cjs holds what a lint needs,
 * dist/bundle/vendor.cjs the packages only other commands load (VENDOR_PACKAGES). Then save V8's code
 * cache for each (dist/bundle/<name>.<V8 version>.cache, bin/load-bundle.js) by running the CLI once
 * for each.
 *
 * CommonJS: vm.Script, which takes a code cache, runs classic scripts only, and esbuild splits code
 * only in ES modules. Lazily imported parts (measure, lsp, the config's YAML parser) are in the files
 * but their modules are not evaluated until a command imports them. dockerode (native optional deps)
 * and the native tree-sitter binding stay in node_modules; the .wasm files are read from node_modules.
 * bin/layerlint uses the bundle when it exists, else dist/src.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const root = new URL('..', import.meta.url);
const packageJson = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
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
 * And one that lets a package's JavaScript be bundled at all: tree-sitter's index.js finds its binding
 * from its own folder, which in the bundle is the bundle's.
 */
const PACKAGE_PATCHES = [
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
    // Bundled (scripts/shims/bundled-native.mjs), it finds its binding in its installed folder, not the bundle's.
    file: /node_modules[\\/]tree-sitter[\\/]index\.js$/,
    patches: [
      [
        'const binding = typeof process.versions.bun === "string" ?\n    // Statically analyzable enough for `bun build --compile` to embed the tree-sitter.node napi addon\n    require(`./prebuilds/${process.platform}-${process.arch}/tree-sitter.node`) :\n    require(\'node-gyp-build\')(__dirname);',
        "const binding = require('node-gyp-build')(require('node:path').dirname(require.resolve('tree-sitter')));",
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
    for (const { file, patches } of PACKAGE_PATCHES) {
      build.onLoad({ filter: file }, (args) => {
        let source = readFileSync(args.path, 'utf8');
        for (const [from, to] of patches) {
          if (!source.includes(from)) throw new Error(`bundle: a patched package changed, patch it again: "${from}" is not in ${args.path}`);
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

/**
 * What a one-file lint never loads goes in a second bundle, vendor.cjs: yargs (every command line but
 * the usual lint lines, src/cli/quick-lint-args.ts), the language server's libraries, measure's
 * protobufjs and tar-stream, and the WebAssembly grammar (big batches). main.cjs loads it, with its
 * own code cache, the first time it imports one of these (bin/load-bundle.js). A lint then reads,
 * and keeps in memory, 0.5 MB of code instead of 1.06 MB.
 */
const VENDOR_PACKAGES = ['yargs', 'web-tree-sitter', 'vscode-languageserver/node', 'protobufjs', 'tar-stream'];
/**
 * main.cjs imports each as a CommonJS module (its module.exports). yargs is an ES module with a default
 * export only, which is what it hands over.
 */
const ES_MODULE_DEFAULT_EXPORTS = new Set(['yargs']);

/** In main.cjs, each vendor package is a module that asks vendor.cjs for it (the banner's __layerlintVendor). */
const vendorSplit = {
  name: 'vendor-split',
  setup(build) {
    const filter = new RegExp(`^(${VENDOR_PACKAGES.map((name) => name.replace(/[./-]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'vendor' }));
    build.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => ({
      contents: `module.exports = __layerlintVendor(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** vendor.cjs's entry: a function per package, so that loading the bundle evaluates none of them. */
const vendorEntry = VENDOR_PACKAGES.map(
  (name) => `  ${JSON.stringify(name)}: () => require(${JSON.stringify(name)})${ES_MODULE_DEFAULT_EXPORTS.has(name) ? '.default' : ''},`,
).join('\n');

const common = {
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
  // See scripts/shims/string-width.mjs: the same widths for help text, without loading ICU at every start.
  alias: {
    'string-width': new URL('scripts/shims/string-width.mjs', root).pathname,
    // Its CommonJS build: the ES one declares its own `require`, which breaks inside a CommonJS bundle.
    'web-tree-sitter': new URL('node_modules/web-tree-sitter/tree-sitter.cjs', root).pathname,
  },
  define: {
    // Our modules (and yargs) find files relative to import.meta.url: the config schema, the rule docs.
    'import.meta.url': '__layerlintModuleUrl',
    // What src/meta.ts would read from package.json at every start (the bundle is built from this one).
    LAYERLINT_PACKAGE_FACTS: JSON.stringify({ version: packageJson.version, homepage: packageJson.homepage }),
  },
  metafile: true,
  logLevel: 'warning',
};
const moduleUrl = 'var __layerlintModuleUrl = require("node:url").pathToFileURL(__filename).href;';

/**
 * tree-sitter's JavaScript goes in main.cjs (scripts/shims/bundled-native.mjs) when it is installed here
 * (an optional dependency); its binary, and the bash grammar, stay in node_modules.
 */
const treeSitterPackage = (() => {
  try {
    return JSON.parse(readFileSync(createRequire(import.meta.url).resolve('tree-sitter/package.json'), 'utf8'));
  } catch {
    return null;
  }
})();
const bundledNative = treeSitterPackage
  ? {
      inject: [new URL('scripts/shims/bundled-native.mjs', root).pathname],
      define: { ...common.define, LAYERLINT_BUNDLED_TREE_SITTER_VERSION: JSON.stringify(treeSitterPackage.version) },
      external: common.external.filter((name) => name !== 'tree-sitter'),
      // The patched index.js asks where tree-sitter is installed at run time: meant, not a missed import.
      logOverride: { 'require-resolve-not-external': 'silent' },
    }
  : {};
if (!treeSitterPackage) console.error('bundle: tree-sitter is not installed; the bundle will load its JavaScript from node_modules');

const main = await build({
  ...common,
  ...bundledNative,
  entryPoints: [new URL('src/cli/main.ts', root).pathname],
  outfile: new URL('dist/bundle/main.cjs', root).pathname,
  banner: { js: `${moduleUrl}var __layerlintVendor = (name) => require("../../bin/load-bundle.js").vendorPackage(__dirname, name);` },
  plugins: [startupDiet, vendorSplit],
});
const vendor = await build({
  ...common,
  stdin: { contents: `module.exports = {\n${vendorEntry}\n};`, resolveDir: new URL('.', root).pathname, sourcefile: 'vendor-entry.js' },
  outfile: new URL('dist/bundle/vendor.cjs', root).pathname,
  banner: { js: moduleUrl },
  plugins: [startupDiet],
});

// A package in both bundles runs as two copies: fine for the stateless ones that are there now (the
// LSP protocol's types, which dockerfile-ast uses too); a new one is worth a look.
const packagesOf = (result) =>
  new Set(
    Object.values(result.metafile.outputs)
      .flatMap((output) => Object.keys(output.inputs))
      .map((input) => input.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1])
      .filter(Boolean),
  );
const inBoth = [...packagesOf(main)].filter((name) => packagesOf(vendor).has(name));
const EXPECTED_IN_BOTH = ['vscode-languageserver-types'];
if (inBoth.some((name) => !EXPECTED_IN_BOTH.includes(name))) console.error(`bundle: packages in both main.cjs and vendor.cjs: ${inBoth.join(', ')}`);

// Node reads a file of pure ASCII straight into a one-byte string; one character outside ASCII makes
// the whole bundle a two-byte string, slower to read and to scan (a µ in a regex did).
for (const name of ['main.cjs', 'vendor.cjs']) {
  const bundleText = readFileSync(new URL(`dist/bundle/${name}`, root), 'latin1');
  // eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
  const nonAscii = bundleText.search(/[^\x00-\x7f]/);
  if (nonAscii >= 0) {
    console.error(
      `bundle: a character outside ASCII in ${name} at offset ${nonAscii} (${JSON.stringify(bundleText.slice(Math.max(0, nonAscii - 40), nonAscii + 20))}): write it as an escape in the source`,
    );
    process.exit(1);
  }
}

// One lint of every example compiles what a lint needs (parse, model, all rules, the text report, and
// the ShellCheck run when shellcheck is on PATH, as it is by default for users who have it); the
// launcher saves that bytecode as it exits.
// --no-cache: findings reused from the lint cache would leave the rules uncompiled, and out of the code cache.
// --config: a lint that reads a config file starts ~8 ms sooner with the YAML parser's bytecode cached.
// vendor.cjs's cache comes from `layers`, a command line yargs reads (bin/load-bundle.js: LAYERLINT_WRITE_CODE_CACHE
// names the bundle whose cache a run writes).
const example = new URL('examples/node-app/Dockerfile', root).pathname;
const codeCacheRuns = {
  'main.cjs': ['lint', '--no-cache', '--config', new URL('scripts/code-cache.layerlint.yaml', root).pathname, new URL('examples', root).pathname],
  'vendor.cjs': ['layers', example],
};
for (const [bundle, args] of Object.entries(codeCacheRuns)) {
  const run = spawnSync(process.execPath, [new URL('bin/layerlint', root).pathname, ...args], {
    env: { ...process.env, LAYERLINT_WRITE_CODE_CACHE: bundle, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const cacheWritten = readdirSync(new URL('dist/bundle', root)).some((name) => name.startsWith(`${bundle}.`) && name.endsWith('.cache'));
  if (run.status === 2 || !cacheWritten) {
    console.error(`bundle: the code cache of ${bundle} was not written; the CLI works without it, only slower to start`);
  }
}
