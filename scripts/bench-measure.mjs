#!/usr/bin/env node
/**
 * npm run bench:measure — on this machine's engine:
 *  1. wall time of a plain build vs `layerlint measure` of the same Dockerfile (both --no-cache), with the
 *     classic builder and with BuildKit;
 *  2. peak memory (RSS) of `layerlint measure` analysing an image of several hundred MB made from local files.
 * Needs a running engine and busybox:local (scripts/engine-setup.sh). Prints figures; asserts nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/layerlint');
const MB = 1_000_000;
const TOTAL_MB = Number(process.env.BENCH_IMAGE_MB ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function docker(...args) {
  const result = spawnSync('docker', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`docker ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** Run a command, sampling its peak RSS from /proc (VmHWM), and time it. */
function runMeasured(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let peakKb = 0;
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const sample = setInterval(() => {
      try {
        const hwm = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/);
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        /* exited */
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(sample);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code === 0) resolve({ seconds, peakMb: peakKb / 1024 });
      else reject(new Error(`${command} exited ${code}: ${stderr}`));
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function makeContext(totalMb, files) {
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-bench-'));
  mkdirSync(join(dir, 'data'));
  const chunk = randomBytes(MB); // incompressible, so sizes are real
  for (let i = 0; i < files; i++) {
    const size = Math.round((totalMb * MB) / files);
    const buffers = [];
    for (let written = 0; written < size; written += MB) buffers.push(chunk.subarray(0, Math.min(MB, size - written)));
    writeFileSync(join(dir, 'data', `file-${i}.bin`), Buffer.concat(buffers));
  }
  writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox:local\nCOPY data /data\nRUN rm -f /data/file-0.bin\nCMD ["sh"]\n');
  return dir;
}

async function main() {
  docker('image', 'inspect', 'busybox:local');
  console.log(`layerlint measure benchmark (${RUNS} runs each, median; image of ${TOTAL_MB} MB from local files)`);
  const dir = makeContext(TOTAL_MB, 60);
  try {
    const builders = {
      classic: { plain: [], measured: [] },
      buildkit: { plain: [], measured: [] },
    };
    let peak = 0;
    for (let i = 0; i < RUNS; i++) {
      for (const [builder, times] of Object.entries(builders)) {
        const tag = `layerlint-bench:${process.pid}-${builder}-${i}`;
        // The plain build: the docker CLI for the classic builder; for BuildKit, the engine API as measure
        // uses it (this CLI has no buildx), the context tar posted by curl.
        const plain =
          builder === 'classic'
            ? await runMeasured('docker', ['build', '--no-cache', '--network', 'none', '-q', '-t', tag, dir], { DOCKER_BUILDKIT: '0' })
            : await runMeasured('sh', [
                '-c',
                `tar -C "$1" -c . | curl -sf --unix-socket /var/run/docker.sock -X POST -H 'Content-Type: application/x-tar' --data-binary @- "http://localhost/build?version=2&nocache=1&networkmode=none&t=$2" > /dev/null`,
                'sh',
                dir,
                tag,
              ]);
        times.plain.push(plain.seconds);
        docker('rmi', '-f', tag);
        const run = await runMeasured(process.execPath, [bin, 'measure', '--context', dir, '--network', 'none', '--no-cache', '-q', '--builder', builder]);
        times.measured.push(run.seconds);
        peak = Math.max(peak, run.peakMb);
      }
    }
    for (const [builder, times] of Object.entries(builders)) {
      const p = median(times.plain);
      const m = median(times.measured);
      console.log(
        `${builder.padEnd(8)} plain build ${p.toFixed(2)} s; layerlint measure (build + export + analysis + report) ${m.toFixed(2)} s (+${(m - p).toFixed(2)} s, ${(((m - p) / p) * 100).toFixed(0)} %)`,
      );
    }
    console.log(`peak RSS of layerlint measure: ${peak.toFixed(0)} MB while analysing a ${TOTAL_MB} MB image`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench:measure: ${error.message}`);
  process.exit(1);
});
