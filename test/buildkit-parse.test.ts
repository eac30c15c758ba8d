/**
 * A differential test of the parser against BuildKit's own (test/buildkit-verdict.ts asks the real
 * engine): layerlint must agree with every verdict, with no build-stopping finding where BuildKit
 * accepts and one on line N where it rejects. Needs the engine (see test/engine-available.ts).
 *
 * The engine's BuildKit is older than the one `docker buildx` ships (Debian's docker.io 20.10): it has no
 * heredocs and does not know the newer flags (`--link`, `--parents`, `--exclude`…). Files using those
 * are left out of the real-file part, each with that reason; layerlint follows the current BuildKit.
 * test/buildkit-parse-fuzz.test.ts does the same on generated files.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import Docker from 'dockerode';
import { buildkitVerdict, closeDocker, layerlintRejectedLines, realDockerfiles, sameVerdict } from './buildkit-verdict.js';
import { RUN_ENGINE_TESTS } from './engine-available.js';

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
  'WORKDIR, USER, STOPSIGNAL, MAINTAINER take the rest of the line as one argument':
    'FROM busybox:local\nWORKDIR a b\nUSER a b\nSTOPSIGNAL a b\nMAINTAINER a b\n',
  'ENV name with no value': 'FROM busybox:local\nENV K\n',
  'ENV name=value then a bare word': 'FROM busybox:local\nENV A=1 \\\n  B\n',
  'ENV legacy form, quoted and escaped values': 'FROM busybox:local\nENV A "x y"\nENV B=a\\ b C="d e" D=\nLABEL "a b"=c e=f\n',
  'LABEL with an end-of-line #': 'FROM busybox:local\nLABEL a=1 # note\n',
  'ARG and ENV blank names': 'FROM busybox:local\nARG A B=1 =3\n',
  'HEALTHCHECK NONE with arguments': 'FROM busybox:local\nHEALTHCHECK NONE x\n',
  'HEALTHCHECK NONE ignores its flags': 'FROM busybox:local\nHEALTHCHECK --foo NONE\n',
  'HEALTHCHECK of an unknown type': 'FROM busybox:local\nHEALTHCHECK FOO true\n',
  'HEALTHCHECK CMD with no command': 'FROM busybox:local\nHEALTHCHECK --interval=5s CMD [ ]\n',
  'HEALTHCHECK durations Go accepts': 'FROM busybox:local\nHEALTHCHECK --interval=1m30s --timeout=.5s --start-period=+5.s --retries=+2 cmd ["true"]\n',
  'HEALTHCHECK interval without a unit': 'FROM busybox:local\nHEALTHCHECK --interval=5 CMD true\n',
  'HEALTHCHECK interval below 1ms': 'FROM busybox:local\nHEALTHCHECK --timeout=1us CMD true\n',
  'HEALTHCHECK negative retries': 'FROM busybox:local\nHEALTHCHECK --retries=-1 CMD true\n',
  'ONBUILD ONBUILD': 'FROM busybox:local\nONBUILD onbuild RUN x\n',
  'ONBUILD with a trigger the line parser refuses': 'FROM busybox:local\nONBUILD ENV A=1 B\n',
  'ONBUILD with an unknown trigger (accepted: it runs in a child image)': 'FROM busybox:local\nONBUILD FOO bar\n',
  'a stage name starting with a digit': 'FROM busybox:local AS 1st\n',
  'a stage name in capitals with - _ .': 'FROM busybox:local AS My-Stage_1.0\n',
  'a JSON array of non-strings': 'FROM busybox:local\nRUN ["echo", 1]\n',
  'VOLUME with an empty path': 'FROM busybox:local\nVOLUME ["/data", " "]\n',
};

const describeEngine = RUN_ENGINE_TESTS ? describe : describe.skip;

describeEngine('parse verdicts agree with BuildKit (real engine)', () => {
  let docker: Docker;
  beforeAll(() => {
    docker = new Docker();
  });
  afterAll(() => closeDocker(docker));

  test.each(Object.entries(CASES))(
    '%s',
    async (_name, dockerfile) => {
      const [buildkit, ours] = await Promise.all([buildkitVerdict(docker, dockerfile), layerlintRejectedLines(dockerfile)]);
      if (buildkit.accepted) expect({ ours, buildkit: buildkit.message }).toEqual({ ours: [], buildkit: buildkit.message });
      else if (buildkit.line !== null) expect({ ours, buildkit: buildkit.message }).toEqual({ ours: [buildkit.line], buildkit: buildkit.message });
      else expect(ours.length).toBeGreaterThan(0);
    },
    60_000,
  );

  test('every real Dockerfile of the audit sets gets the same verdict (newer syntax left out, each with its reason)', async () => {
    const disagreements: string[] = [];
    const leftOut: string[] = [];
    let compared = 0;
    for (const { name, text: asWritten } of realDockerfiles()) {
      // A `# syntax=` line would make the engine pull a frontend image: made a plain comment, same length.
      const text = asWritten.replace(/^(#\s*)syntax(\s*=)/im, '$1xyntax$2');
      const newer = /^\s*(RUN|COPY|ADD)\b[^\n]*<<-?\s*\\?["']?[A-Za-z_]/im.test(text)
        ? 'heredocs'
        : /--(link|parents|exclude|checksum|keep-git-dir|chmod)\b/.test(text)
          ? 'a flag newer than the engine'
          : null;
      if (newer) {
        leftOut.push(`${name}: ${newer}`);
        continue;
      }
      const [buildkit, ours] = await Promise.all([buildkitVerdict(docker, text), layerlintRejectedLines(text)]);
      compared += 1;
      if (!sameVerdict(buildkit, ours))
        disagreements.push(`${name}: BuildKit ${buildkit.accepted ? 'accepts' : buildkit.message}; layerlint parse-error lines ${JSON.stringify(ours)}`);
    }
    const listed = leftOut.length > 20 ? `${leftOut.slice(0, 20).join('; ')}; …` : leftOut.join('; ');
    process.stderr.write(`buildkit-parse: ${compared} real files compared, ${leftOut.length} left out (${listed})\n`);
    expect(compared).toBeGreaterThan(30);
    expect(disagreements).toEqual([]);
  }, 3_600_000);
});
