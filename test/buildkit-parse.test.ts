/**
 * A differential test of the parser against BuildKit's own: every Dockerfile here is sent to the real
 * engine (`POST /build?version=2`, the engine's embedded BuildKit) with a target that names no stage.
 * BuildKit parses the whole file first: a file it rejects fails with "dockerfile parse error line N",
 * a file it accepts fails only with "target stage … could not be found", so nothing is built and no image
 * is made. layerlint must agree: no parse-error finding where BuildKit accepts, one on line N where it
 * rejects. Needs the engine (see test/engine-available.ts).
 *
 * The engine's BuildKit is older than the one `docker buildx` ships (Debian's docker.io 20.10): it has no
 * heredocs and does not know the newer flags (`--link`, `--parents`, `--exclude`…). Files using those
 * are left out of the real-file part, each with that reason; layerlint follows the current BuildKit.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import Docker from 'dockerode';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import tarStream from 'tar-stream';
import { lintText } from '../src/lint.js';
import { RUN_ENGINE_TESTS } from './engine-available.js';

const NO_SUCH_TARGET = 'layerlint-parse-only';

interface Verdict {
  accepted: boolean;
  /** 1-based line BuildKit names, when it names one. */
  line: number | null;
  message: string;
}

async function buildkitVerdict(docker: Docker, dockerfile: string): Promise<Verdict> {
  const pack = tarStream.pack();
  pack.entry({ name: 'Dockerfile' }, dockerfile);
  pack.entry({ name: 'a' }, 'a\n');
  pack.finalize();
  const response = await docker.buildImage(pack as unknown as NodeJS.ReadableStream, {
    version: '2', networkmode: 'none', target: NO_SUCH_TARGET,
  } as Docker.ImageBuildOptions);
  let message = '';
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(response, (error: Error | null) => (error ? reject(error) : resolve()), (event: { errorDetail?: { message?: string } }) => {
      if (event.errorDetail?.message) message = event.errorDetail.message;
    });
  });
  if (message === '') throw new Error('the engine built the file: the parse-only target was not honoured');
  // `FROM ${BASE}` with no default for BASE fails after the parse, before the target is looked up: the
  // file parsed, and its build needs `--build-arg BASE=…` (home-assistant's BUILD_FROM).
  const accepted = message.includes(`target stage ${NO_SUCH_TARGET} could not be found`) || /base name \(.*\) should not be blank/.test(message);
  const line = message.match(/dockerfile parse error line (\d+)/);
  return { accepted, line: line ? Number(line[1]) : null, message };
}

async function layerlintParseErrors(dockerfile: string): Promise<number[]> {
  const { findings } = await lintText(dockerfile, 'Dockerfile');
  return findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.range.start.line + 1);
}

/** Small files for each construct; the base is the engine's local busybox image (nothing is pulled). */
const CASES: Record<string, string> = {
  'blanks after the continuation backslash': 'FROM busybox:local\nRUN echo one \\  \n    two > /out\n',
  'blanks after a backtick continuation': '# escape=`\nFROM busybox:local\nRUN echo one `\t\n    two\n',
  'comments and blank lines inside a continued RUN': 'FROM busybox:local\nRUN echo a \\\n# a comment\n\n  && echo b\n',
  'global ARG, lower-case keyword, JSON with escapes, ONBUILD, HEALTHCHECK':
    'ARG BASE=busybox:local\nFROM ${BASE} AS base\nrun echo lower\nCMD ["sh", "-c", "echo \\"quoted\\" \\\\ done"]\nONBUILD RUN echo later\nHEALTHCHECK --interval=30s --retries=3 CMD true\nCOPY --chown=1:1 a /a\n',
  'COPY --from without =': 'FROM busybox:local AS build\nRUN echo x > /x\nFROM busybox:local\nCOPY --from build /x /x\n',
  'FROM with an extra word': 'FROM busybox:local extra\nRUN true\n',
  'FROM … AS with no name': 'FROM busybox:local AS\nRUN true\n',
  'FROM with three words, the middle not AS': 'FROM busybox:local base final\n',
  'an unknown COPY flag': 'FROM busybox:local\nCOPY --chmown=1 a /a\n',
  'a flag in capitals': 'FROM busybox:local AS b\nFROM busybox:local\nCOPY --FROM=b /bin/true /t\n',
  'RUN --mount without =': 'FROM busybox:local\nRUN --mount type=cache,target=/c true\n',
  'HEALTHCHECK --interval without =': 'FROM busybox:local\nHEALTHCHECK --interval 5s CMD true\n',
  'FROM --platform without =': 'FROM --platform linux/amd64 busybox:local\n',
  'a leading --word on an instruction without flags': 'FROM busybox:local\nENV A=1\nCMD --help\n',
  'ARG drops a leading --word unread': 'FROM busybox:local\nARG --foo VERSION=1\n',
  'ARG with only a --word': 'FROM busybox:local\nARG --foo\n',
  'SHELL not in JSON form': 'FROM busybox:local\nSHELL /bin/sh -c\n',
  'SHELL with a trailing comma': 'FROM busybox:local\nSHELL ["/bin/sh",]\n',
  'COPY with one argument': 'FROM busybox:local\nCOPY a\n',
  'an unknown instruction': 'FROM busybox:local\nFORM busybox:local\n',
  'RUN and CMD with no arguments (accepted: an empty command)': 'FROM busybox:local\nRUN\nCMD\n',
  'WORKDIR with no arguments': 'FROM busybox:local\nWORKDIR\n',
};

const describeEngine = RUN_ENGINE_TESTS ? describe : describe.skip;

describeEngine('parse verdicts agree with BuildKit (real engine)', () => {
  let docker: Docker;
  beforeAll(() => {
    docker = new Docker();
  });
  afterAll(() => {
    (docker?.modem as unknown as { agent?: { destroy(): void } })?.agent?.destroy();
  });

  test.each(Object.entries(CASES))('%s', async (_name, dockerfile) => {
    const [buildkit, ours] = await Promise.all([buildkitVerdict(docker, dockerfile), layerlintParseErrors(dockerfile)]);
    if (buildkit.accepted) expect({ ours, buildkit: buildkit.message }).toEqual({ ours: [], buildkit: buildkit.message });
    else if (buildkit.line !== null) expect({ ours, buildkit: buildkit.message }).toEqual({ ours: [buildkit.line], buildkit: buildkit.message });
    else expect(ours.length).toBeGreaterThan(0);
  }, 60_000);

  test('every real Dockerfile of the audit sets gets the same verdict (newer syntax left out, each with its reason)', async () => {
    const dirs = ['test/audit/files', 'test/audit/held-out/files'];
    const disagreements: string[] = [];
    const leftOut: string[] = [];
    let compared = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir).sort()) {
        // A `# syntax=` line would make the engine pull a frontend image: made a plain comment, same length.
        const text = readFileSync(join(dir, name, 'Dockerfile'), 'utf8').replace(/^(#\s*)syntax(\s*=)/im, '$1xyntax$2');
        const newer = /^\s*(RUN|COPY|ADD)\b[^\n]*<<-?\s*\\?["']?[A-Za-z_]/im.test(text) ? 'heredocs'
          : /--(link|parents|exclude|checksum|keep-git-dir|chmod)\b/.test(text) ? 'a flag newer than the engine' : null;
        if (newer) {
          leftOut.push(`${name}: ${newer}`);
          continue;
        }
        const [buildkit, ours] = await Promise.all([buildkitVerdict(docker, text), layerlintParseErrors(text)]);
        compared += 1;
        const agree = buildkit.accepted ? ours.length === 0 : buildkit.line === null ? ours.length > 0 : ours.includes(buildkit.line);
        if (!agree) disagreements.push(`${name}: BuildKit ${buildkit.accepted ? 'accepts' : buildkit.message}; layerlint parse-error lines ${JSON.stringify(ours)}`);
      }
    }
    process.stderr.write(`buildkit-parse: ${compared} real files compared, ${leftOut.length} left out (${leftOut.join('; ')})\n`);
    expect(compared).toBeGreaterThan(30);
    expect(disagreements).toEqual([]);
  }, 300_000);
});
