/**
 * Tests of `measure` need a real Docker engine and the local base image busybox:local
 * (scripts/engine-setup.sh makes both; .ci/run runs it). Without them the tests are skipped with
 * a loud message locally, and fail under CI=true.
 */
import { spawnSync } from 'node:child_process';

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
