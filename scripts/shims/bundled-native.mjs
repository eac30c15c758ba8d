/**
 * The JavaScript of the native shell grammar's loaders, in the bundle only (scripts/bundle.mjs injects
 * this module): node-gyp-build and tree-sitter's index.js. Their bytecode then comes with the code
 * cache instead of being compiled at every start; the binaries stay in node_modules.
 * src/parse/shell-grammar.ts uses them when they are there.
 *
 * Both are require()s inside functions, which esbuild bundles as modules evaluated on first call: a lint
 * whose files all come from the lint cache loads no grammar and evaluates neither, and tree-sitter's
 * index.js loads its binding, which may be missing (an optional dependency).
 */
/* global LAYERLINT_BUNDLED_TREE_SITTER_VERSION -- defined by scripts/bundle.mjs */
/* eslint-disable @typescript-eslint/no-require-imports */

export const LAYERLINT_BUNDLED_NATIVE = {
  nodeGypBuild: (packageDir) => require('node-gyp-build')(packageDir),
  /** tree-sitter's version at build time: its index.js goes with its binding, and the one installed may be another. */
  treeSitterVersion: LAYERLINT_BUNDLED_TREE_SITTER_VERSION,
  requireTreeSitter: () => require('tree-sitter'),
};
