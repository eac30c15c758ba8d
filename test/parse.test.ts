import { describe, expect, test } from '@jest/globals';
import { dockerfile, hits, parse } from './helpers.js';

describe('parse: stages, ARG/ENV scoping, directives', () => {
  test('global ARG defaults resolve in FROM, including ${VAR:-default}', async () => {
    const parsed = await parse(dockerfile`
      ARG BASE=debian
      ARG TAG
      FROM \${BASE}:\${TAG:-12-slim} AS build
      FROM build AS final
    `);
    expect(parsed.globalArgs).toHaveLength(2);
    expect(parsed.stages[0].from.from?.image).toBe('debian:12-slim');
    expect(parsed.stages[0].name).toBe('build');
    expect(parsed.stages[1].baseStageIndex).toBe(0);
  });

  test('a global ARG is not visible in a stage unless redeclared', async () => {
    const parsed = await parse(dockerfile`
      ARG VERSION=1.2
      FROM alpine:3.19
      RUN echo $VERSION
      ARG VERSION
      RUN echo $VERSION
    `);
    const [first, , second] = parsed.stages[0].instructions;
    expect(first.script?.commands[0].argv).toEqual(['echo', '$VERSION']);
    expect(second.script?.commands[0].argv).toEqual(['echo', '1.2']);
  });

  test('ENV, USER and WORKDIR state follows the stage and is inherited by FROM <stage>', async () => {
    const parsed = await parse(dockerfile`
      FROM alpine:3.19 AS base
      ENV APP=/srv/app
      WORKDIR $APP
      USER app
      FROM base
      RUN ls
    `);
    const run = parsed.stages[1].instructions[0];
    expect(run.workdir).toBe('/srv/app');
    expect(run.user).toBe('app');
  });

  test('WORKDIR and USER are read as one word, as Docker does: quotes removed, no expansion inside single quotes', async () => {
    const parsed = await parse(dockerfile`
      FROM alpine:3.19
      ARG NAME=web
      WORKDIR "/srv/$NAME app"
      WORKDIR 'logs'
      USER '$NAME'
      USER "$NAME":"staff"
      RUN ls
    `);
    const [workdir, relativeWorkdir, literalUser, user, run] = parsed.stages[0].instructions.slice(1);
    expect(workdir.word).toBe('/srv/web app');
    expect(relativeWorkdir.word).toBe('logs');
    expect(literalUser.word).toBe('$NAME');
    expect(user.word).toBe('web:staff');
    expect(run.workdir).toBe('/srv/web app/logs');
    expect(run.user).toBe('web:staff');
    expect(run.word).toBeNull();
  });

  test('parser directives: syntax, escape and check=skip', async () => {
    const parsed = await parse('# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=JSONArgsRecommended,StageNameCasing\nFROM scratch\n');
    expect(parsed.directives.syntax).toBe('docker/dockerfile:1');
    expect(parsed.directives.escape).toBe('`');
    expect(parsed.directives.checkSkip).toEqual(['JSONArgsRecommended', 'StageNameCasing']);
  });

  test('exec form is decoded with JSON.parse, keeping spaces and escapes', async () => {
    const parsed = await parse('FROM alpine\nCMD ["echo", "hello  world", "\\u0041"]\n');
    const cmd = parsed.stages[0].instructions[0];
    expect(cmd.form).toBe('exec');
    expect(cmd.execArgs).toEqual(['echo', 'hello  world', 'A']);
  });

  test('an exec-form RUN is one command, taken as written; ["sh", "-c", "…"] has its script analysed', async () => {
    const parsed = await parse(
      'FROM alpine\nARG V=1\nRUN ["sudo", "pip", "install", "flask==$V"]\nRUN --network=none ["/bin/sh", "-c", "apk add curl && rm -rf /tmp/x | cat"]\n',
    );
    const [, pip, sh] = parsed.stages[0].instructions;
    // No shell runs, so $V is not expanded; sudo is looked through as in shell form.
    expect(pip.script?.commands.map((c) => [c.program, c.argv, c.wrappers])).toEqual([['pip', ['pip', 'install', 'flask==$V'], ['sudo']]]);
    expect(pip.script?.commands[0].range).toEqual(pip.argumentsRange);
    expect(sh.script?.commands.map((c) => c.program)).toEqual(['sh', 'apk', 'rm', 'cat']);
    expect(sh.script?.pipelines.map((p) => p.programs)).toEqual([['rm', 'cat']]);
    expect(sh.argumentsRange?.start).toEqual({ line: 3, character: 19 }); // the `[`, after the flag
    // Word ranges are the command's: no quick fix may insert shell words into the JSON array.
    expect(sh.script?.commands.every((c) => c.wordRanges.every((r) => r === c.range))).toBe(true);
    expect(parsed.runCommands).toHaveLength(5);
  });

  test('single quotes and trailing commas are not exec form', async () => {
    const parsed = await parse('FROM alpine\nCMD [\'echo\', \'hi\']\nENTRYPOINT ["a",]\nRUN ["sh", 1]\n');
    const [cmd, entrypoint, run] = parsed.stages[0].instructions;
    expect(cmd.form).toBe('shell');
    expect(cmd.execFormError).toMatch(/double quotes/);
    expect(entrypoint.execFormError).not.toBeNull();
    expect(run.execFormError).toMatch(/only strings/);
  });

  test('heredocs: RUN <<EOF body is parsed as the script at its own lines', async () => {
    const parsed = await parse(dockerfile`
      FROM debian:12
      RUN <<EOF
      apt-get update
      apt-get install -y curl
      EOF
      COPY <<CONF /etc/app.conf
      key=value
      CONF
    `);
    const [run, copy] = parsed.stages[0].instructions;
    expect(run.script?.commands.map((c) => c.argv[1])).toEqual(['update', 'install']);
    expect(run.script?.commands[1].range.start.line).toBe(3);
    expect(copy.copy?.sources).toEqual([]);
    expect(copy.copy?.destination).toBe('/etc/app.conf');
    expect(copy.heredocs[0].content).toBe('key=value');
  });

  test('ONBUILD triggers are parsed like instructions', async () => {
    const parsed = await parse('FROM alpine\nONBUILD RUN apk add curl\n');
    const trigger = parsed.stages[0].instructions[0].onbuildTrigger;
    expect(trigger?.keyword).toBe('RUN');
    expect(trigger?.script?.commands[0].argv).toEqual(['apk', 'add', 'curl']);
  });

  test('comment lines inside a continuation are dropped, as Docker does', async () => {
    const parsed = await parse('FROM alpine\nRUN echo one \\\n  # note\n  two\n');
    const run = parsed.stages[0].instructions[0];
    expect(run.argumentsText).toBe('echo one   two');
    expect(run.script?.commands.map((c) => c.argv)).toEqual([['echo', 'one', 'two']]);
  });

  test('backtick escape continues lines', async () => {
    const parsed = await parse('# escape=`\nFROM alpine\nRUN echo a `\n  b\n');
    expect(parsed.stages[0].instructions[0].script?.commands[0].argv).toEqual(['echo', 'a', 'b']);
  });

  test('problems: unknown instruction, instruction before FROM, empty file, no FROM', async () => {
    expect((await parse('RUN echo\nFROM alpine\nFORM x\n')).problems.map((p) => p.message)).toEqual([
      'RUN before the first FROM: only ARG may come before FROM',
      'unknown instruction: FORM',
    ]);
    expect((await parse('')).problems[0].message).toMatch(/empty/);
    expect((await parse('ARG A=1\n')).problems[0].message).toMatch(/no FROM/);
  });

  test('heredocs as BuildKit reads them: on a file descriptor (5<<EOF, 0<<EOF), several per line, none inside quotes', async () => {
    const text = [
      'FROM alpine:3.19',
      'RUN 0<<-"SCRIPT"',
      '\techo hi',
      '\tSCRIPT',
      'RUN 5<<EOF cat /proc/self/fd/5 > /f',
      'echo is data here',
      'EOF',
      'RUN cat /proc/self/fd/5 /proc/self/fd/6 5<<ONE 6<<TWO > /g',
      'first',
      'ONE',
      'second',
      'TWO',
      'RUN echo "a <<b" && echo \'c <<d\'',
      'RUN ls',
      '',
    ].join('\n');
    const parsed = await parse(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.text).toBe(text);
    const runs = parsed.stages[0].instructions;
    expect(runs.map((i) => i.range.start.line + 1)).toEqual([2, 5, 8, 13, 14]);
    expect(runs[0].heredocs.map((h) => h.content)).toEqual(['\techo hi']);
    expect(runs[0].script?.commands.map((c) => c.argv)).toEqual([['echo', 'hi']]);
    expect(runs[2].heredocs.map((h) => h.name)).toEqual(['ONE', 'TWO']);
    expect(runs[3].script?.commands.map((c) => c.argv)).toEqual([
      ['echo', 'a <<b'],
      ['echo', 'c <<d'],
    ]);
  });

  test('a BOM and CRLF line endings parse like plain text', async () => {
    const parsed = await parse('\ufeffFROM alpine:3.19\r\nRUN apk add --no-cache curl\r\n');
    expect(parsed.stages[0].from.from?.image).toBe('alpine:3.19');
    expect(parsed.stages[0].instructions[0].script?.commands[0].argv).toEqual(['apk', 'add', '--no-cache', 'curl']);
  });

  test('COPY details: flags, sources, destination', async () => {
    const parsed = await parse('FROM alpine\nCOPY --from=build --chown=app:app --chmod=755 a b /dst/\n');
    expect(parsed.stages[0].instructions[0].copy).toMatchObject({ sources: ['a', 'b'], destination: '/dst/', from: 'build', chown: 'app:app', chmod: '755' });
  });
});

describe('parse: continuation edge cases', () => {
  test('regression (fuzzer): bare CR line endings, a backtick escape and a trailing backslash terminate', async () => {
    const parsed = await parse('# escape=`\rFROM alpine\rRUN echo a \\\rCMD ["x"]\r');
    expect(parsed.stages).toHaveLength(1);
    expect(parsed.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'CMD']);
  });

  test('an empty line inside a continuation does not end the command (Docker skips it)', async () => {
    const parsed = await parse('FROM alpine\nRUN apk update && apk add iputils \\\n\n  && rm -rf /var/cache/apk/*\n');
    const run = parsed.stages[0].instructions[0];
    expect(run.script?.hasError).toBe(false);
    expect(run.script?.commands.map((c) => c.program)).toEqual(['apk', 'apk', 'rm']);
    expect(run.script?.commands[2].range.start.line).toBe(3);
  });

  test('blanks after the escape character still continue the line, as BuildKit reads it', async () => {
    const parsed = await parse('FROM debian:12\nRUN apt-get install -y \\  \n    curl \\\t\n && rm -rf /var/lib/apt/lists/*\nCMD ["curl"]\n');
    expect(parsed.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'CMD']);
    const run = parsed.stages[0].instructions[0];
    expect(run.script?.commands.map((c) => c.program)).toEqual(['apt-get', 'rm']);
    expect(run.script?.commands[0].argv).toContain('curl');
    // Positions stay those of the file as written.
    expect(run.script?.commands[1].range.start.line).toBe(3);
    expect(parsed.stages[0].instructions[1].range.start.line).toBe(4);
  });

  test('the same with a backtick escape directive', async () => {
    const parsed = await parse('# escape=`\nFROM alpine\nRUN apk add `  \n  curl\n');
    expect(parsed.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN']);
    expect(parsed.stages[0].instructions[0].script?.commands[0].argv).toContain('curl');
  });

  test('an escaped backslash at the end of a line ends the instruction (BuildKit: the escape is not itself escaped)', async () => {
    const parsed = await parse('FROM alpine\nRUN echo C:\\\\\nCMD ["sh"]\nRUN echo a\\\\  \nRUN b\n');
    expect(parsed.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'CMD', 'RUN', 'RUN']);
    expect(parsed.instructions[1].argumentsText).toBe('echo C:\\\\');
  });

  test('a heredoc body line ending in a backslash does not hide the terminator after it', async () => {
    const parsed = await parse('FROM alpine\nRUN <<EOF\necho a \\\nEOF\nCMD ["sh"]\n');
    expect(parsed.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'CMD']);
    expect(parsed.instructions[1].heredocs).toEqual([expect.objectContaining({ name: 'EOF', content: 'echo a \\', terminated: true })]);
    expect(parsed.problems).toEqual([]);
  });

  test('an escaped blank before the continuation character still continues the line', async () => {
    const parsed = await parse('FROM alpine\nEXPOSE 80 \\ \\\n  443\nCMD ["sh"]\n');
    expect(parsed.instructions.map((i) => i.keyword)).toEqual(['FROM', 'EXPOSE', 'CMD']);
    expect(parsed.instructions[1].range.end.line).toBe(2);
  });

  test('a heredoc body and a comment line ending in a backslash and blanks are left as written', async () => {
    const parsed = await parse('FROM alpine\n# a note \\ \nRUN <<EOF\necho a \\ \nEOF\nCMD ["sh"]\n');
    expect(parsed.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'CMD']);
    expect(parsed.stages[0].instructions[0].heredocs[0].content).toBe('echo a \\ ');
  });
});

describe('heredocs that hadolint misreads (its issues #1137, #1051, #1019, #923, #960)', () => {
  test('#1137: `RUN <<EOF bash` runs the body with bash; the next RUN right after the terminator is read', async () => {
    const text = 'FROM debian:12\nRUN <<EOF bash\n    set -euxo pipefail\n    echo 123 | cat\nEOF\nRUN echo next\n';
    const parsed = await parse(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'RUN']);
    expect(await hits('missing-pipefail', text)).toEqual([]);
  });

  test('#1051: a delimiter quoted with a backslash (`<<-\\EOT`, `<<\\EOF`) is a heredoc', async () => {
    const parsed = await parse('FROM debian:12\nCOPY <<-\\EOT /data.txt\n  echo $X\nEOT\nRUN <<\\EOF\necho hi\nEOF\n');
    const [copy, run] = parsed.stages[0].instructions;
    expect(copy.copy).toMatchObject({ sources: [], heredocSources: ['<<-\\EOT'], destination: '/data.txt' });
    expect(run.script?.commands.map((c) => c.argv)).toEqual([['echo', 'hi']]);
  });

  test('#1019 and #923: a heredoc after a line continuation, and commands continued after it', async () => {
    const parsed = await parse(dockerfile`
      FROM golang:1.22
      RUN ls && \
          cat <<EOF >> go.mod && \
          cat go.mod
      replace (
          github.com/user/repo => ../dir
      )
      EOF
      RUN foo && \
          bar <<BAR
      blah
      BAR
      CMD ["go", "run", "."]
    `);
    expect(parsed.problems).toEqual([]);
    expect(parsed.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'RUN', 'CMD']);
    const [first, second] = parsed.stages[0].instructions;
    expect(first.script?.commands.map((c) => c.program)).toEqual(['ls', 'cat', 'cat']);
    expect(first.heredocs.map((h) => h.name)).toEqual(['EOF']);
    expect(second.heredocs.map((h) => h.content)).toEqual(['blah']);
  });

  test('#960: a comment right after the terminator', async () => {
    const parsed = await parse('FROM alpine:3.19\nRUN <<EOF\n    echo "test"\nEOF\n# comment\nCOPY <<EOF /index.html\nhi\nEOF\n#\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'COPY']);
  });
});

describe('COPY and ADD arguments as BuildKit reads them', () => {
  test('quotes are removed from shell-form sources and destination', async () => {
    const parsed = await parse('FROM debian:12\nCOPY a "b c" "dir/"\nADD "https://example.com/x.tgz" /x\n');
    const [copy, add] = parsed.stages[0].instructions;
    expect(copy.copy?.sources).toEqual(['a', 'b c']);
    expect(copy.copy?.destination).toBe('dir/');
    expect(add.copy?.sources).toEqual(['https://example.com/x.tgz']);
  });
});

describe('names every JavaScript object inherits', () => {
  // `RUN __proto__ \` made the shell parser throw (the fuzz test found it): lookup tables keyed by what a
  // Dockerfile says must not answer for inherited names.
  test('as programs, wrappers, package-manager subcommands, base images and flags: no rule fails', async () => {
    const { lintText } = await import('../src/lint.js');
    const { STRICT_CONFIG } = await import('./helpers.js');
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
    const text = [
      ...names.map((name) => `FROM ${name} AS stage-${names.indexOf(name)}`),
      ...names.flatMap((name) => [`RUN ${name} \\\n  x`, `RUN sudo ${name} -y`, `RUN apt-get ${name} curl`, `RUN pip ${name}`]),
      `COPY --${names[1]}=x a b`,
      '',
    ].join('\n');
    const result = await lintText(text, 'Dockerfile', { config: STRICT_CONFIG });
    expect(result.ruleFailures).toEqual([]);
    expect(result.parsed.stages).toHaveLength(names.length);
  });
});
