/**
 * Generated Dockerfiles for the parse differentials (test/buildkit-parse-fuzz.test.ts against the
 * engine, test/tally-parse.test.ts against tally's current BuildKit parser). They mix the instruction
 * forms BuildKit's parser checks (flags, ENV/LABEL pairs, JSON arrays, HEALTHCHECK, ONBUILD, stage names)
 * with the line-level ones (continuations with blanks after the backslash, comments and blank lines
 * inside). `newerSyntax` adds what only a current BuildKit reads: heredocs and the newer flags.
 * The same count and options always give the same files.
 */
import fc from 'fast-check';

const KEYWORDS = [
  'RUN',
  'COPY',
  'ADD',
  'CMD',
  'ENTRYPOINT',
  'ENV',
  'ARG',
  'LABEL',
  'WORKDIR',
  'USER',
  'EXPOSE',
  'VOLUME',
  'SHELL',
  'HEALTHCHECK',
  'ONBUILD',
  'STOPSIGNAL',
  'MAINTAINER',
  'FORM',
  'FROM',
  'run',
  'Env',
];
const WORDS = [
  'busybox:local',
  'AS',
  'as',
  'build',
  '1st',
  'My-Stage.1',
  'a:b',
  '${BASE}',
  '$HOME',
  '.',
  '/app',
  'a',
  '--from=build',
  '--from',
  '--chown=1:1',
  '--mount=type=cache,target=/c',
  '--mount',
  '--network=none',
  '--platform=linux/amd64',
  '--foo',
  '--',
  'echo',
  'hi',
  '&&',
  '["sh", "-c", "echo hi"]',
  '["a",]',
  '["a", 1]',
  '[1]',
  '[]',
  '[""]',
  '[',
  ']',
  '"x',
  "'y z'",
  '"a b"',
  '#',
  '# c',
  'KEY=value',
  'A="b c"',
  'B=a\\ b',
  'K',
  '=v',
  'x=',
  '80/tcp',
  '65536',
  'CMD',
  'cmd',
  'NONE',
  'RUN',
  'ONBUILD',
  'FROM',
  'MAINTAINER',
  'ENV',
  '--interval=5s',
  '--interval=5',
  '--timeout=1m30s',
  '--timeout=1us',
  '--start-period=.5s',
  '--retries=3',
  '--retries=-1',
  '--retries=x',
  'SIGTERM',
  '\\',
];
const NEWER_WORDS = [
  '--link',
  '--parents',
  '--exclude=*.md',
  '--chmod=755',
  '--start-interval=2s',
  '--checksum=sha256:0',
  '--keep-git-dir',
  '--unpack',
  '--interval=0',
  '--retries=0',
  '--link=false',
  '<<EOF',
  '<<-EOT',
  '<<"X"',
];
/** Heredocs whole, body and terminator included, as instructions of their own. */
const HEREDOCS = [
  'RUN <<EOF\necho hi\nEOF',
  'COPY <<EOF /x\nhello\nEOF',
  'RUN <<-EOT bash\n\techo a\n\tEOT',
  'RUN <<A cat && <<B cat\na\nA\nb\nB',
  'RUN cat <<\\EOF > /x\n$HOME\nEOF',
  'RUN <<EOF\necho a \\\nEOF',
  'COPY <<EOF\nno destination\nEOF',
  'RUN python3 <<"X"\nprint(1)\nX',
];

function dockerfiles(newerSyntax: boolean): fc.Arbitrary<string> {
  const words = newerSyntax ? [...WORDS, ...NEWER_WORDS] : WORDS;
  const instruction = fc
    .tuple(fc.constantFrom(...KEYWORDS), fc.array(fc.constantFrom(...words), { maxLength: 5 }))
    .map(([keyword, chosen]) => `${keyword} ${chosen.join(' ')}`);
  /** How a line ends: most end there; some continue, with blanks after the backslash, into a comment or a blank line. */
  const ending = fc.constantFrom('', '', '', '', ' \\', ' \\  ', '\\\n# inside', ' \\\n', '\\\t');
  const line = fc.tuple(instruction, ending).map(([text, end]) => `${text}${end}`);
  const other = fc.constantFrom('', '# c', '  ');
  const lines = newerSyntax
    ? fc.oneof({ weight: 8, arbitrary: line }, { weight: 1, arbitrary: other }, { weight: 2, arbitrary: fc.constantFrom(...HEREDOCS) })
    : fc.oneof({ weight: 8, arbitrary: line }, { weight: 1, arbitrary: other });
  return fc.array(lines, { minLength: 1, maxLength: 5 }).map((chosen) => `FROM busybox:local AS build\n${chosen.join('\n')}\n`);
}

export function generatedDockerfiles(count: number, { newerSyntax }: { newerSyntax: boolean }): string[] {
  return fc.sample(dockerfiles(newerSyntax), { numRuns: count, seed: 2026 });
}
