import { describe, expect, test } from '@jest/globals';
import { dockerfile, findings, hits, parse } from '../helpers.js';
import rule from '../../rules/parse-error.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe('parse-error', () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet on RUN, CMD and ENTRYPOINT with nothing after them: BuildKit builds them (an empty command)',
        code: 'FROM alpine:3.19\nRUN\nENTRYPOINT\nCMD\n',
      },
      {
        name: 'quiet on boolean flags standing alone and on flags with values',
        code: dockerfile`
      FROM --platform=\$BUILDPLATFORM alpine:3.19 AS build
      RUN --mount=type=cache,target=/var/cache/apk --network=host apk add git
      FROM alpine:3.19
      COPY --link --from=build /etc/hostname /x
      ADD --keep-git-dir https://github.com/moby/buildkit.git /src
      COPY --parents --chmod=644 a/b.txt /dst/
    `,
      },
      {
        name: 'quiet on every ENV and LABEL form BuildKit takes: legacy, quoted, escaped, empty values, continued',
        code: dockerfile`
      FROM alpine:3.19
      ENV JAVA_HOME /opt/java with spaces
      ENV A="x y" B=a\\ b C= D=''
      LABEL "com.example.name"="a b" \\
            org.opencontainers.image.title=app
      ENV E=1 \\
          F=2
      ARG X Y= Z=1
    `,
      },
      {
        name: 'quiet on a valid file with global ARGs, heredocs, ONBUILD and lower-case keywords',
        code: dockerfile`
      # syntax=docker/dockerfile:1
      ARG BASE=alpine:3.19
      FROM \${BASE}
      run echo lower-case is valid
      RUN <<EOF
      echo heredoc
      EOF
      ONBUILD RUN echo later
    `,
      },
    ],
    invalid: [
      {
        name: 'fires on an unknown instruction, RUN before FROM, an instruction that needs arguments without them',
        code: dockerfile`
      RUN echo before
      FROM alpine:3.19
      FORM alpine
      WORKDIR
    `,
        findings: [1, 3, 4],
      },
      { name: 'fires on an empty file and on a file with no FROM (1)', code: '', findings: [1] },
      { name: 'fires on an empty file and on a file with no FROM (2)', code: 'ARG A=1\n', findings: [1] },
      {
        name: 'fires on FROM with words other than an image and AS name (BuildKit: "one or three arguments")',
        code: dockerfile`
      FROM debian:12 extra
      FROM alpine AS
      FROM alpine base final
      FROM alpine as final
    `,
        findings: [1, 2, 3],
      },
      {
        name: 'fires on a stage name BuildKit cannot use and an image name with an open quote; capitals are lower-cased, - _ . allowed',
        code: dockerfile`
      FROM alpine AS 1st
      FROM alpine AS a:b
      FROM alpine AS Build-Env_1.0
      FROM "alpine
    `,
        findings: [1, 2, 4],
      },
      {
        name: 'fires on a JSON array of non-strings and an empty VOLUME path, in ONBUILD triggers too',
        code: dockerfile`
      FROM alpine:3.19
      CMD ["sleep", 10]
      VOLUME ["/data", ""]
      ONBUILD ENV A=1 B
      ONBUILD RUN ["make", true]
      ONBUILD FOO bar
      COPY ["a", "b"] /c/
    `,
        findings: [2, 3, 4, 5],
      },
    ],
  });

  test('says once that an empty or comment-only file fails', async () => {
    const [empty] = await findings('');
    expect(empty.message).toBe('The Dockerfile is empty; docker build fails here.');
    const [commentOnly] = await findings('# nothing here\n\n');
    expect(commentOnly.message).toBe('The Dockerfile has no instructions, only comments or blank lines; docker build fails here.');
  });

  test('fires on a flag that needs a value written without `=` (BuildKit: "missing a value on flag")', async () => {
    const text = dockerfile`
      FROM node:20 AS build
      RUN --mount type=cache,target=/root/.npm npm ci
      FROM --platform linux/amd64 nginx:1.27
      HEALTHCHECK --interval 30s CMD wget -q -O- http://localhost/
      COPY --from build /app/public/ /usr/share/nginx/html/
    `;
    expect(await ruleHits(rule, text)).toEqual([2, 3, 4, 5]);
    const messages = (await lintRule(rule, text)).filter((f) => f.ruleId === 'parse-error').map((f) => f.message);
    expect(messages).toContain('Missing a value on flag --from (write --from=build); docker build fails here.');
    expect(messages).toContain('Missing a value on flag --platform (write --platform=linux/amd64); docker build fails here.');
  });

  test('fires on a flag the instruction does not have (BuildKit: "unknown flag"); flag names are case-sensitive', async () => {
    const text = dockerfile`
      FROM alpine:3.19
      COPY --chmown=app:app app /app
      RUN --mount=type=cache,target=/root/.cache --cache=yes true
      COPY --FROM=alpine:3.19 /etc/os-release /
      HEALTHCHECK --start-interval=1s --retries=3 CMD true
    `;
    expect(await ruleHits(rule, text)).toEqual([2, 3, 4]);
    const [chmown] = (await lintRule(rule, text)).filter((f) => f.ruleId === 'parse-error');
    expect(chmown.message).toBe('Unknown flag --chmown for COPY (its flags: --from, --chown, --chmod, --exclude, --link, --parents); docker build fails here.');
    expect(chmown.range.start).toEqual({ line: 1, character: 5 });
  });

  test('fires on a leading --word of an instruction without flags (BuildKit reads it as a flag); ARG drops it unread', async () => {
    const text = 'FROM alpine:3.19\nENV --x=1 A=b\nARG --foo VERSION=1\nLABEL a=--b\nCMD --help\nARG --foo\n';
    expect(await ruleHits(rule, text)).toEqual([2, 5, 6]);
    const cmd = (await lintRule(rule, text)).find((f) => f.ruleId === 'parse-error' && f.range.start.line === 4);
    expect(cmd?.message).toBe(
      'Unknown flag --help for CMD, which takes no flags; an argument starting with -- goes in the JSON form: CMD ["--help", …]; docker build fails here.',
    );
  });

  test('fires on SHELL not in JSON form and COPY/ADD without a destination; invalid-exec-form leaves SHELL to it', async () => {
    const text = dockerfile`
      FROM alpine:3.19
      SHELL /bin/bash -c
      SHELL ["/bin/bash",]
      SHELL ["/bin/bash", "-c"]
      COPY app
      ADD ["a"]
      COPY <<EOF /etc/motd
      hello
      EOF
      COPY a b /dst/
    `;
    expect(await ruleHits(rule, text)).toEqual([2, 3, 5, 6]);
    expect(await hits('invalid-exec-form', text)).toEqual([]);
  });

  test('COPY --from without `=` is read as its fix would be: no unused stage, one source', async () => {
    const parsed = await parse('FROM node:20 AS build\nRUN npm run build\nFROM nginx:1.27\nCOPY --from build /app/public /usr/share/nginx/html/\n');
    expect(parsed.stages[1].instructions[0].copy).toMatchObject({ from: 'build', sources: ['/app/public'] });
    expect(
      await hits('unused-stage', 'FROM node:20 AS build\nRUN npm run build\nFROM nginx:1.27\nCOPY --from build /app/public /usr/share/nginx/html/\n'),
    ).toEqual([]);
  });

  test('fires on ENV and LABEL pairs BuildKit refuses: a name alone, a bare word after name=value, a blank name', async () => {
    const text = dockerfile`
      FROM alpine:3.19
      ENV PATH
      ENV A=1 B
      LABEL version=1.0 # release
      ENV =v
      ARG A B=1 =3
    `;
    expect(await ruleHits(rule, text)).toEqual([2, 3, 4, 5, 6]);
    const messages = (await lintRule(rule, text)).filter((f) => f.ruleId === 'parse-error').map((f) => f.message);
    expect(messages[0]).toContain('`PATH` has no value (write PATH=<value>)');
    expect(messages[1]).toContain('`B` has no =');
    expect(messages[2]).toContain('no end-of-line comments');
  });

  test('fires on HEALTHCHECK forms BuildKit refuses; quiet on NONE with flags and on Go durations', async () => {
    const text = dockerfile`
      FROM alpine:3.19
      HEALTHCHECK NONE curl -f localhost
      HEALTHCHECK curl -f localhost
      HEALTHCHECK --interval=30s CMD
      HEALTHCHECK --interval=30 CMD true
      HEALTHCHECK --timeout=500us CMD true
      HEALTHCHECK --retries=-1 CMD true
      HEALTHCHECK --retries=three CMD true
      HEALTHCHECK --interval=1m30s --timeout=.5s --start-period=0 --retries=+3 cmd ["true"]
      HEALTHCHECK --anything NONE
    `;
    expect(await ruleHits(rule, text)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const messages = (await lintRule(rule, text)).filter((f) => f.ruleId === 'parse-error').map((f) => f.message);
    expect(messages[1]).toContain('Unknown type `CURL` in HEALTHCHECK (try CMD)');
    expect(messages[3]).toContain('--interval=30s');
  });

  test("reports a problem in arguments continued onto later lines on the instruction's first line, as BuildKit does", async () => {
    const found = (await lintRule(rule, 'FROM alpine:3.19\nFROM \\\n  alpine extra\n')).filter((f) => f.ruleId === 'parse-error');
    expect(found.map((f) => [f.range.start.line, f.range.end.line])).toEqual([[1, 2]]);
  });

  test('other findings on an instruction docker build stops at are dropped: the parse error comes first', async () => {
    const rules = (await findings('FROM alpine:3.19\nLABEL a=1 # note\nCMD [1, 2]\nONBUILD FROM x\n')).map((f) => `${f.range.start.line + 1} ${f.ruleId}`);
    expect(rules).toEqual(['2 parse-error', '3 parse-error', '4 onbuild-invalid-trigger']);
  });
});
