#!/usr/bin/env node
// postinstall: build dist/ when installed from a source checkout (git clone, pre-commit's
// node hook install), where src/ and TypeScript are present. A published package ships dist/
// and has no src/, so this does nothing there. (Not `prepare`: npm pack would print its banner
// on stdout, where pre-commit expects only the tarball name.)
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url);
const tsc = new URL('node_modules/typescript/bin/tsc', root);
if (existsSync(new URL('src/cli/main.ts', root)) && existsSync(tsc)) {
  const result = spawnSync(process.execPath, [tsc.pathname, '-p', new URL('tsconfig.build.json', root).pathname], { stdio: ['ignore', 2, 2] });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // The bundle is an optimisation: without esbuild, bin/layerlint runs dist/src.
  if (existsSync(new URL('node_modules/esbuild', root))) {
    const bundled = spawnSync(process.execPath, [new URL('scripts/bundle.mjs', root).pathname], { stdio: ['ignore', 2, 2] });
    process.exit(bundled.status ?? 1);
  }
}
