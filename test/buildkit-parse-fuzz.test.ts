/**
 * The parse differential on generated Dockerfiles: each one goes to BuildKit in the real engine
 * (test/buildkit-verdict.ts) and through layerlint, and the verdicts must agree. `npm test` runs
 * PARSE_FUZZ_RUNS files (default 400); `npm run fuzz:parse` runs 10,000. The files are those of
 * test/parse-fuzz-files.ts, without the syntax newer than the engine's BuildKit.
 *
 * Where the engine's BuildKit (Debian's docker.io 20.10) is older than the current one layerlint
 * follows, the difference is listed in KNOWN_ENGINE_DIFFERENCES with its reason; any other disagreement
 * fails the test with the file that shows it.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import Docker from 'dockerode';
import { goDuration } from '../src/parse/argument-problems.js';
import { buildkitVerdict, closeDocker, layerlintRejectedLines, sameVerdict, type Verdict } from './buildkit-verdict.js';
import { RUN_ENGINE_TESTS } from './engine-available.js';
import { generatedDockerfiles } from './parse-fuzz-files.js';

const RUNS = Number(process.env.PARSE_FUZZ_RUNS ?? 400);
/** Requests in flight at once: the engine parses them in parallel. */
const CONCURRENCY = 4;

/**
 * Where the engine's BuildKit rejects a file that the current BuildKit (and layerlint) accepts: each
 * test names what the file must contain for the difference to explain the disagreement.
 */
const KNOWN_ENGINE_DIFFERENCES: { reason: string; explains(text: string, buildkit: Verdict): boolean; eitherWay?: boolean }[] = [
  {
    // Old: json.NewDecoder(…).Decode reads the array and ignores what follows; current: json.Unmarshal
    // refuses trailing text, so `CMD [1] x` is a shell-form command.
    reason: 'the engine reads a JSON array followed by more text as JSON; current BuildKit runs the line in a shell',
    explains: (text) => text.split('\n').some((lineText) => jsonArrayWithTrailingText(lineText)),
    // Either way round: `SHELL ["sh"] x` is JSON to the engine (accepted), shell form to current BuildKit (refused).
    eitherWay: true,
  },
  {
    // Old: retries must be at least 1 and an interval of 0 is refused; current: 0 means "the default".
    reason: 'the engine refuses HEALTHCHECK --retries=0 and zero intervals; current BuildKit takes 0 as the default',
    explains: (text) =>
      /--retries=[+-]?0+(\s|$)/.test(text) || [...text.matchAll(/--(?:interval|timeout|start-period)=(\S+)/g)].some((match) => goDuration(match[1]) === 0),
  },
  {
    // The engine's frontend had these RUN flags in its labs channel only; current BuildKit has them.
    reason: 'the engine does not know RUN --network, --security and --device; current BuildKit does',
    explains: (_text, buildkit) => /Unknown flag: (network|security|device)$/.test(buildkit.message),
    // The engine stops there; layerlint goes on and may report later lines the engine never reached.
    eitherWay: true,
  },
];

function jsonArrayWithTrailingText(lineText: string): boolean {
  const start = lineText.indexOf('[');
  if (start < 0) return false;
  const rest = lineText.slice(start);
  for (let end = rest.indexOf(']'); end >= 0; end = rest.indexOf(']', end + 1)) {
    if (rest.slice(end + 1).trim() === '') return false;
    try {
      if (Array.isArray(JSON.parse(rest.slice(0, end + 1)))) return true;
    } catch {
      // not a whole array yet: try the next `]`
    }
  }
  return false;
}

const describeEngine = RUN_ENGINE_TESTS ? describe : describe.skip;

describeEngine('parse verdicts agree with BuildKit on generated Dockerfiles (real engine)', () => {
  let docker: Docker;
  beforeAll(() => {
    docker = new Docker();
  });
  afterAll(() => closeDocker(docker));

  test(`${RUNS} generated files`, async () => {
    const files = generatedDockerfiles(RUNS, { newerSyntax: false });
    const results: { text: string; buildkit: Verdict; ours: number[] }[] = [];
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const text = files[next++];
        const [buildkit, ours] = await Promise.all([buildkitVerdict(docker, text), layerlintRejectedLines(text)]);
        results.push({ text, buildkit, ours });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const explained = new Map<string, number>();
    const unexplained: string[] = [];
    let rejectedByBuildkit = 0;
    for (const { text, buildkit, ours } of results) {
      if (!buildkit.accepted) rejectedByBuildkit += 1;
      if (sameVerdict(buildkit, ours)) continue;
      // Most differences are the engine refusing what current BuildKit (and layerlint) accept.
      const engineOnlyRefuses = !buildkit.accepted && ours.length === 0;
      const known = KNOWN_ENGINE_DIFFERENCES.find((difference) => (difference.eitherWay || engineOnlyRefuses) && difference.explains(text, buildkit));
      if (known) explained.set(known.reason, (explained.get(known.reason) ?? 0) + 1);
      else
        unexplained.push(
          `${JSON.stringify(text)}\n  BuildKit: ${buildkit.accepted ? 'accepts' : buildkit.message}\n  layerlint rejects lines: ${JSON.stringify(ours)}`,
        );
    }
    const agreed = results.length - unexplained.length - [...explained.values()].reduce((a, b) => a + b, 0);
    process.stderr.write(
      `buildkit-parse-fuzz: ${results.length} files (${rejectedByBuildkit} rejected by BuildKit); same verdict on ${agreed}; ` +
        `engine differences ${[...explained].map(([reason, count]) => `${count}: ${reason}`).join('; ') || 'none'}; unexplained ${unexplained.length}\n`,
    );
    expect(results).toHaveLength(RUNS);
    expect(unexplained.slice(0, 10)).toEqual([]);
  }, 3_600_000);
});
