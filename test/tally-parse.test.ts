/**
 * An optional second oracle for the parse differential: tally (a Go Dockerfile linter that embeds a
 * current BuildKit parser). The engine in CI has an older BuildKit that knows neither heredocs nor the
 * newer flags; tally knows both, so this run covers the files test/buildkit-parse.test.ts leaves out and
 * generated files with heredocs (test/parse-fuzz-files.ts, newer syntax on).
 *
 * Developer-side only: tally is not a dependency of layerlint (a 70 MB binary). Get it with
 * `npm pack @wharflab/tally-linux-x64`, unpack it and run `TALLY=…/package/bin/tally npm run parse:tally`;
 * without TALLY the test is skipped.
 * TALLY_RUNS sets the number of generated files (default 500); PARSE_CORPUS adds a directory of real
 * Dockerfiles (see test/buildkit-verdict.ts).
 */
import { describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { layerlintRejectedLines, realDockerfiles, sameVerdict, type Verdict } from './buildkit-verdict.js';
import { generatedDockerfiles } from './parse-fuzz-files.js';

const TALLY = process.env.TALLY;
const RUNS = Number(process.env.TALLY_RUNS ?? 500);
const CONCURRENCY = 4;
const run = promisify(execFile);

if (!TALLY) process.stderr.write('tally-parse: TALLY is not set (the path of a tally binary): skipping the tally oracle.\n');

/** tally exits 2 with "failed to lint …: <BuildKit's parse error>" when BuildKit's parser rejects the file. */
async function tallyVerdict(directory: string, dockerfile: string): Promise<Verdict> {
  const path = join(directory, 'Dockerfile');
  writeFileSync(path, dockerfile);
  try {
    await run(TALLY!, ['lint', '--slow-checks', 'off', '--ignore', '*', path], { timeout: 60_000 });
    return { accepted: true, line: null, message: '' };
  } catch (error) {
    const { code, stderr } = error as { code?: number; stderr?: string };
    if (code !== 2) throw error;
    // tally's own rules crash on some generated files (a Go panic, also exit 2): no verdict from it.
    if ((stderr ?? '').includes('panic:')) return { accepted: false, line: null, message: 'tally crashed' };
    const message = (stderr ?? '').trim().replace(/^Error: failed to lint \S+: /, '');
    const line = message.match(/parse error on line (\d+)/);
    return { accepted: false, line: line ? Number(line[1]) : null, message };
  }
}

/**
 * Disagreements with a known reason, each with what the file must contain for it to apply. Any other
 * disagreement fails the test.
 */
const KNOWN_DIFFERENCES: { reason: string; explains(text: string): boolean }[] = [
  {
    // BuildKit splits COPY/ADD arguments at blanks before it reads escapes: `ADD \ K` is two words, `\` and `K`.
    reason: 'an escaped blank in COPY/ADD arguments: BuildKit splits there, dockerfile-ast keeps one word',
    explains: (text) => /^(ADD|COPY)\b[^\n]*\\ /im.test(text),
  },
  {
    // BuildKit's parseOnBuild refuses these triggers (the engine says "FROM isn't allowed as an ONBUILD
    // trigger"); tally lets them pass its parser (`tally lint` with its rules off exits 0).
    reason: 'ONBUILD with ONBUILD, FROM or MAINTAINER as trigger: BuildKit (and the engine) refuse it, tally accepts it',
    explains: (text) => /^ONBUILD\s+(--\S+\s+)*(ONBUILD|FROM|MAINTAINER)\b/im.test(text),
  },
];

async function compare(files: { name: string; text: string }[]): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'layerlint-tally-'));
  const disagreements: string[] = [];
  let next = 0;
  let crashed = 0;
  const explained = new Map<string, number>();
  const worker = async (slot: number) => {
    const directory = join(root, String(slot));
    mkdirSync(directory);
    while (next < files.length) {
      const { name, text } = files[next++];
      const [tally, ours] = await Promise.all([tallyVerdict(directory, text), layerlintRejectedLines(text)]);
      const known = sameVerdict(tally, ours) ? undefined : KNOWN_DIFFERENCES.find((difference) => difference.explains(text));
      if (tally.message === 'tally crashed') crashed += 1;
      else if (known) explained.set(known.reason, (explained.get(known.reason) ?? 0) + 1);
      else if (!sameVerdict(tally, ours))
        disagreements.push(
          `${name}: ${JSON.stringify(text)}\n  tally: ${tally.accepted ? 'accepts' : tally.message}\n  layerlint rejects lines: ${JSON.stringify(ours)}`,
        );
    }
  };
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, slot) => worker(slot)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  if (crashed > 0) process.stderr.write(`tally-parse: tally crashed on ${crashed} of ${files.length} files (left out)\n`);
  for (const [reason, count] of explained) process.stderr.write(`tally-parse: ${count} explained: ${reason}\n`);
  return disagreements;
}

const describeTally = TALLY ? describe : describe.skip;

describeTally("parse verdicts agree with tally's current BuildKit parser (optional oracle)", () => {
  test('every real Dockerfile of the audit sets, heredocs and newer flags included', async () => {
    const files = realDockerfiles();
    const disagreements = await compare(files);
    process.stderr.write(`tally-parse: ${files.length} real files, ${disagreements.length} disagreements\n`);
    expect(disagreements).toEqual([]);
  }, 600_000);

  test(`${RUNS} generated files with heredocs and the newer flags`, async () => {
    const files = generatedDockerfiles(RUNS, { newerSyntax: true }).map((text, index) => ({ name: `generated #${index}`, text }));
    const disagreements = await compare(files);
    process.stderr.write(`tally-parse: ${files.length} generated files, ${disagreements.length} disagreements\n`);
    expect(disagreements.slice(0, 10)).toEqual([]);
  }, 3_600_000);
});
