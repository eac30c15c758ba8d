/**
 * The bash grammar (tree-sitter-bash), from one of two interchangeable tree-sitter runtimes:
 *
 * - native: the `tree-sitter` Node binding (an optional dependency; prebuilt for Linux, macOS and
 *   Windows on x64 and arm64). Loads in ~10 ms: the grammar is machine code already.
 * - wasm: `web-tree-sitter`, which runs everywhere Node does. Loads in ~45 ms on a 2-core machine:
 *   the 210 KB runtime and the 1.4 MB grammar are compiled by V8 at every start (Node 20 cannot
 *   cache compiled WebAssembly), most of it when the first script is parsed.
 *
 * Both run the same grammar (tree-sitter-bash ships the .wasm and the prebuilt binaries) on the same
 * tree-sitter version (0.25: web-tree-sitter 0.26+ recovers from syntax errors differently), and give
 * the same trees; test/shell-grammar.test.ts checks that on generated scripts. One known difference:
 * the grammar asks the C library whether a character is a letter, so a word starting with a non-ASCII
 * letter where a name may stand (`ÉTAT=1 make`) is a command word natively on Linux, as in bash, but
 * an assignment in the WebAssembly build.
 *
 * The native one is used when it loads, except for big batches (WASM_BATCH_SIZE); a missing or
 * unloadable binding (no prebuild for the platform, musl, another ABI) falls back to wasm.
 * LAYERLINT_SHELL_PARSER=wasm or =native picks one (tests, benchmarks, or to step around a broken
 * binding).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UserError } from '../util/errors.js';

export type ShellGrammarBackend = 'native' | 'wasm';

export interface SyntaxPoint {
  row: number;
  column: number;
}

/** The part of a tree-sitter node that the shell walker reads; both runtimes' nodes have it. */
export interface SyntaxNode {
  readonly id: number;
  readonly type: string;
  readonly text: string;
  readonly startPosition: SyntaxPoint;
  readonly endPosition: SyntaxPoint;
  readonly hasError: boolean;
  readonly namedChildren: (SyntaxNode | null)[];
  readonly namedChildCount: number;
  namedChild(index: number): SyntaxNode | null;
  childForFieldName(fieldName: string): SyntaxNode | null;
  childrenForFieldName(fieldName: string): (SyntaxNode | null)[];
}

export interface SyntaxTree {
  readonly rootNode: SyntaxNode;
  /** Frees the tree's memory now (wasm); native trees are freed by the garbage collector. */
  delete?(): void;
}

export interface ShellGrammar {
  backend: ShellGrammarBackend;
  /** Why the WebAssembly build is in use, when it is (verbose output). */
  whyWasm?: string;
  parse(script: string): SyntaxTree | null;
}

/**
 * From this many Dockerfiles on, `layerlint lint` prefers the WebAssembly build. It loads ~35 ms
 * slower, but each script's tree is cheaper to walk from JavaScript than through the native binding
 * (which creates a JavaScript object per node through N-API): measured on the bench corpus, 1.30 against
 * 1.44 ms per file on a first pass, 0.78 against 0.96 ms warmed up, and 155 against 210 MB peak RSS
 * for 2,000 files. The load costs itself back after ~240 files.
 */
export const WASM_BATCH_SIZE = 250;

/**
 * Up to this many Dockerfiles, the WebAssembly grammar runs well in a Node started without
 * `--liftoff-only` even where V8 reads that flag only at start (keepWasmOnBaselineCompiler): measured
 * on Node 24, the bench's Dockerfiles 20 at a time 0.16 s and 78 MB, 50 at a time 0.72 s and 580 MB.
 * From here on, src/cli/relaunch.ts starts a Node with the flag.
 */
export const WASM_FILES_WITHOUT_START_FLAG = 10;

const require = createRequire(import.meta.url);

/**
 * Load the grammar: `wanted` (LAYERLINT_SHELL_PARSER) if set, else `preferred`; the native binding
 * falls back to wasm when it does not load.
 */
export async function loadShellGrammar(wanted = process.env.LAYERLINT_SHELL_PARSER, preferred: ShellGrammarBackend = 'native'): Promise<ShellGrammar> {
  checkShellParserSetting(wanted);
  if (wanted === 'wasm') return { ...(await loadWasmGrammar()), whyWasm: 'LAYERLINT_SHELL_PARSER=wasm' };
  if (!wanted && preferred === 'wasm')
    return { ...(await loadWasmGrammar()), whyWasm: `${WASM_BATCH_SIZE} files or more: it loads slower than the native binding but walks each script faster` };
  try {
    return loadNativeGrammar();
  } catch (error) {
    if (wanted === 'native') throw new UserError(`LAYERLINT_SHELL_PARSER=native, but the native tree-sitter binding does not load: ${firstLine(error)}`);
    return { ...(await loadWasmGrammar()), whyWasm: `the native binding does not load: ${firstLine(error)}` };
  }
}

/**
 * A LAYERLINT_SHELL_PARSER that is neither "native" nor "wasm" is a usage error, said before any file is
 * linted (a lint whose files all come from the cache never loads a grammar).
 */
export function checkShellParserSetting(wanted = process.env.LAYERLINT_SHELL_PARSER): void {
  if (wanted !== undefined && wanted !== '' && wanted !== 'native' && wanted !== 'wasm') {
    throw new UserError(`LAYERLINT_SHELL_PARSER must be "native" or "wasm", not "${wanted}"`);
  }
}

/**
 * The grammar a lint of fileCount Dockerfiles uses: LAYERLINT_SHELL_PARSER's, else wasm for a big
 * batch, else native when the binding loads (this loads it, as the lint would), else wasm.
 */
export function shellGrammarForBatch(fileCount: number, wanted = process.env.LAYERLINT_SHELL_PARSER): ShellGrammarBackend {
  if (wanted === 'native' || wanted === 'wasm') return wanted;
  if (fileCount >= WASM_BATCH_SIZE) return 'wasm';
  try {
    requireNativeGrammar();
    return 'native';
  } catch {
    return 'wasm';
  }
}

/**
 * True when `--liftoff-only` set at run time keeps the WebAssembly grammar on V8's baseline compiler:
 * up to V8 12.4 (Node 22), not from V8 12.9 (Node 23) on; no Node release has a V8 in between.
 * Tested on Node 20, 22, 23, 24 and 26.
 */
export function liftoffOnlyWorksAtRunTime(v8Version = process.versions.v8): boolean {
  const [major, minor] = v8Version.split('.').map(Number);
  return major < 12 || (major === 12 && minor <= 4);
}

interface NativeParser {
  setLanguage(language: unknown): void;
  parse(input: string): SyntaxTree;
}

/** The binding and the bash grammar, native; throws when either does not load. */
function requireNativeGrammar(): { Parser: new () => NativeParser; language: object } {
  return { Parser: requireTreeSitter(), language: requireBashBinding() };
}

function loadNativeGrammar(): ShellGrammar {
  const { Parser, language } = requireNativeGrammar();
  const parser = new Parser();
  parser.setLanguage(language);
  return { backend: 'native', parse: (script) => parser.parse(script) };
}

const FIRST_COPY = Symbol.for('layerlint.tree-sitter');

/**
 * require('tree-sitter'), once per process. Its index.js patches the native classes' prototypes as it
 * runs; evaluated a second time in one process (jest evaluates modules once per test file), the second
 * copy captures the first one's patches and Tree.rootNode turns undefined (node-tree-sitter#181).
 * The first copy is kept on the native binding object, which every copy shares, and reused.
 */
function requireTreeSitter(): new () => NativeParser {
  const packageDir = dirname(require.resolve('tree-sitter'));
  const binding = nodeGypBinding(packageDir) as Record<symbol, unknown>;
  binding[FIRST_COPY] ??= treeSitterScript(packageDir);
  return binding[FIRST_COPY] as new () => NativeParser;
}

/**
 * node-gyp-build and tree-sitter's index.js as the bundle carries them (scripts/shims/bundled-native.mjs),
 * compiled in its code cache: ~2 ms sooner than requiring them from node_modules. Undefined outside the
 * bundle (dist/src, tests).
 */
declare const LAYERLINT_BUNDLED_NATIVE: { nodeGypBuild: (dir: string) => object; treeSitterVersion: string; requireTreeSitter: () => unknown } | undefined;
const bundledNative = typeof LAYERLINT_BUNDLED_NATIVE === 'undefined' ? undefined : LAYERLINT_BUNDLED_NATIVE;

/** tree-sitter's index.js: the bundle's copy when it is the installed version's, else the installed one. */
function treeSitterScript(packageDir: string): unknown {
  const installedVersion = (require(join(packageDir, 'package.json')) as { version: string }).version;
  return bundledNative?.treeSitterVersion === installedVersion ? bundledNative.requireTreeSitter() : require('tree-sitter');
}

/**
 * The bash grammar's native binding, without the node-types table its package's index.js also loads
 * (a 51 KB JSON file). Without that table tree-sitter gives every node the one SyntaxNode class instead
 * of generating ~150 subclasses (with new Function) as the language is set: ~3 ms less at every start
 * (measured), and ~0.5 ms less for not reading the JSON. A node's type is then asked of the binding, a
 * little slower per node; batches that large use the WebAssembly build anyway (WASM_BATCH_SIZE).
 */
function requireBashBinding(): object {
  return nodeGypBinding(dirname(require.resolve('tree-sitter-bash/package.json')));
}

/** A package's native binding, found as its own index.js finds it: node-gyp-build (its dependency) on its folder. */
function nodeGypBinding(packageDir: string): object {
  const nodeGypBuild = bundledNative?.nodeGypBuild ?? createRequire(join(packageDir, 'package.json'))('node-gyp-build');
  return nodeGypBuild(packageDir) as object;
}

async function loadWasmGrammar(): Promise<ShellGrammar> {
  if (!process.env.LAYERLINT_WRITE_CODE_CACHE) keepWasmOnBaselineCompiler();
  const { Parser, Language } = await import('web-tree-sitter');
  // Named here rather than found next to web-tree-sitter's own script, which the bundle inlines.
  const runtimeWasm = require.resolve('web-tree-sitter/tree-sitter.wasm');
  await Parser.init({
    // Compiled and instantiated synchronously: emscripten's default, an async WebAssembly.instantiate,
    // left the main thread idle for longer on Node 20 (measured: 17–21 ms against 2 ms for the runtime).
    instantiateWasm(imports: WebAssembly.Imports, receiveInstance: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
      const module = new WebAssembly.Module(readFileSync(runtimeWasm));
      receiveInstance(new WebAssembly.Instance(module, imports), module);
      return {};
    },
  });
  const parser = new Parser();
  // Bytes rather than a path: Language.load would otherwise read the 1.4 MB file asynchronously.
  parser.setLanguage(await Language.load(readFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'))));
  return { backend: 'wasm', parse: (script) => parser.parse(script) as SyntaxTree | null };
}

/**
 * V8's baseline compiler (Liftoff) only, for the 1.4 MB grammar. Its optimising tier compiles the
 * grammar's lexer, one huge function, once it has run enough: ~0.5 s of CPU and ~500 MB of memory,
 * and a process that is about to exit waits for that compile to finish (measured on Node 24: a
 * one-file lint 0.65 s and 570 MB instead of 0.08 s and 60 MB; 2,000 files 789–985 files/s and
 * 600 MB instead of 1,243–1,310 files/s and 140 MB).
 * Two flags, because V8 changed which one it reads once the process runs: `--liftoff-only` still
 * works when set at run time up to Node 22 (V8 12.4) and no longer from Node 23 (V8 12.9) on, where
 * only a tiering budget no lint can spend does (tested on Node 20, 22, 23, 24 and 26). Set here rather
 * than at start: loading node:v8 costs ~1.5 ms that a lint with the native grammar need not pay.
 * Not while the build writes the code cache, which V8 checks against the flags in force at start
 * (bin/load-bundle.js).
 */
function keepWasmOnBaselineCompiler(): void {
  // Given as Node started (src/cli/relaunch.ts does so on Node 23+): in force already, and a process
  // that changes no flag can save its code cache.
  if (process.execArgv.includes('--liftoff-only')) return;
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--liftoff-only --wasm-tiering-budget=2000000000');
  // bin/load-bundle.js then writes no code cache from this process: V8 would reject it under the flags a Node starts with.
  (globalThis as Record<symbol, unknown>)[Symbol.for('layerlint.v8FlagsChangedAtRunTime')] = true;
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}
