/**
 * Tests of `measure` need a real Docker engine and the local base image busybox:local
 * (scripts/engine-setup.sh makes both; .ci/run runs it). Without them the tests are skipped with
 * a loud message locally, and fail under CI=true.
 */
import { describe } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function engineReady(): { ready: boolean; reason: string } {
  const info = spawnSync('docker', ['image', 'inspect', 'busybox:local', '--format', '{{.Id}}'], { encoding: 'utf8', timeout: 10_000 });
  if (info.error) return { ready: false, reason: `the docker CLI is not available (${info.error.message})` };
  if (info.status !== 0) return { ready: false, reason: `no engine or no busybox:local image (${(info.stderr || '').trim().split('\n')[0]})` };
  return { ready: true, reason: '' };
}

export const ENGINE = engineReady();
export const RUN_ENGINE_TESTS = ENGINE.ready || process.env.CI === 'true';

if (!ENGINE.ready) {
  const message = `\n\n*** layerlint measure tests: ${ENGINE.reason}.\n*** Run scripts/engine-setup.sh to start an engine. ${process.env.CI === 'true' ? 'CI=true: the tests run and FAIL.' : 'SKIPPING them.'}\n\n`;
  process.stderr.write(message);
}

const LOCK = join(tmpdir(), 'layerlint-engine-tests.lock');

function holderAlive(): boolean {
  try {
    const pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The test files that build images take turns on the engine: jest may run files side by side, and
 * two files building at once slow each other down (the Ctrl-C test interrupts a build at a point it
 * waits for). An atomic mkdir is the lock; a lock whose holder died is taken over.
 */
export async function lockEngine(): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch {
      if (!holderAlive()) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** The realistic Debian base (scripts/debian-base-setup.sh, run by engine-setup). */
export const DEBIAN_BASE = 'layerlint-debian:bookworm';

/**
 * `describe` for tests that run apt on the Debian base: skipped with a loud message when the image is
 * missing, except under CI=true, where they run and fail.
 */
export function describeWithDebianBase(what: string): typeof describe | typeof describe.skip {
  const ready = ENGINE.ready && spawnSync('docker', ['image', 'inspect', DEBIAN_BASE], { encoding: 'utf8' }).status === 0;
  if (!ready) {
    process.stderr.write(
      `\n*** ${what} tests: no ${DEBIAN_BASE} image (run scripts/engine-setup.sh). ${process.env.CI === 'true' ? 'CI=true: they FAIL.' : 'SKIPPING them.'}\n\n`,
    );
  }
  return ready || process.env.CI === 'true' ? describe : describe.skip;
}
