// Jest's globalSetup and globalTeardown: the CLI keeps a lint cache in the user's cache folder by
// default; the tests give it a folder of their own, made fresh for the run and removed after it, so
// no test reads what another run (or the developer's own use) left.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function setup() {
  process.env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), 'layerlint-test-cache-'));
}

export function teardown() {
  if (process.env.XDG_CACHE_HOME?.includes('layerlint-test-cache-')) rmSync(process.env.XDG_CACHE_HOME, { recursive: true, force: true });
}
