/**
 * The JavaScript of the native shell grammar's loaders, in the bundle only (scripts/bundle.mjs injects
 * this module): node-gyp-build and tree-sitter's index.js. Their bytecode then comes with the code
 * cache instead of being compiled at every start; the binaries stay in node_modules.
 * src/parse/shell-grammar.ts uses them when they are there.
 */
/* global LAYERLINT_BUNDLED_TREE_SITTER_VERSION -- defined by scripts/bundle.mjs */
import nodeGypBuild from 'node-gyp-build';

export const LAYERLINT_BUNDLED_NATIVE = {
  nodeGypBuild,
  /** tree-sitter's version at build time: its index.js goes with its binding, and the one installed may be another. */
  treeSitterVersion: LAYERLINT_BUNDLED_TREE_SITTER_VERSION,
  /** Evaluated on first call only: it loads the binding, which may be missing (an optional dependency). */
  // A require, which esbuild bundles as a module evaluated on first call; an import would evaluate it as the bundle loads.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  requireTreeSitter: () => require('tree-sitter'),
};
