import { describe, expect, test } from '@jest/globals';
import { dockerfile } from '../helpers.js';
import rule from '../../rules/shell-state-lost.js';
import { lintRule, ruleTester } from '../rule-tester.js';

async function only(text: string) {
  return (await lintRule(rule, text)).filter((finding) => finding.ruleId === rule.meta.id);
}

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: the change is used in the same RUN, a real command runs, cd alone, RUN true, exec form, sh -c',
        code: dockerfile`
      FROM python:3.12-slim
      RUN export PIP_NO_CACHE_DIR=1 && pip install flask
      RUN . /venv/bin/activate && pip install -r requirements.txt
      RUN set -eux; apt-get update; rm -rf /var/lib/apt/lists/*
      RUN cd /app
      RUN true
      RUN ["sh", "-c", "export A=1"]
      RUN sh -c 'export A=1'
      RUN poetry install && poetry run pytest
      RUN export VERSION=$(cat VERSION) && echo "$VERSION" > /version
      RUN export DIR=$(mkdir -p /opt/x && echo /opt/x)
      RUN export LOG=$(curl -fsSLo /tmp/a https://example.com/a && echo ok)
      RUN export LOG=$(make > /tmp/build.log)
      RUN export OUT=$(make)
      RUN export N=$(find /tmp -delete)
      RUN export S=$(sed -i s/a/b/ /etc/x)
      RUN export T=$(git tag v1) D=$(dpkg -i /tmp/x.deb)
      RUN source env.sh > /tmp/log
      CMD export A=1
    `,
      },
      {
        name: 'quiet: builtins that only print (a diagnostic in the build log), scripts sourced to do work (1)',
        code: dockerfile`
      FROM debian:12
      SHELL ["/bin/bash", "-c"]
      RUN ulimit -a
      RUN umask
      RUN set -o
      RUN export -p
      RUN declare
      RUN alias
      RUN shopt -p
      RUN . ./install-deps.sh
      RUN source /opt/build.sh
    `,
      },
    ],
    invalid: [
      {
        name: 'fires on a RUN that only exports, assigns, unsets, sources, sets options or activates',
        code: dockerfile`
      FROM python:3.12-slim
      SHELL ["/bin/bash", "-c"]
      RUN export NODE_ENV=production
      RUN PATH=/opt/tool/bin:$PATH
      RUN unset HTTP_PROXY
      RUN source /venv/bin/activate
      RUN set -o pipefail
      RUN conda activate ml
      RUN umask 002
      RUN shopt -s globstar
      RUN export A=1 && cd /srv && alias ll="ls -l"
      RUN <<EOF
      export B=2
      EOF
      ONBUILD RUN export C=3
      RUN if [ -f .env ]; then export D=4; fi
      RUN export GIT_SHA=$(cat .git/$(cut -d' ' -f2 .git/HEAD))
      RUN export ARCH="$(dpkg --print-architecture)" V=$(wget -qO- https://example.com/v | head -1)
      RUN poetry shell
    `,
        findings: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19],
      },
      {
        name: 'quiet: builtins that only print (a diagnostic in the build log), scripts sourced to do work (2), but this case fires',
        code: dockerfile`
      FROM debian:12
      SHELL ["/bin/bash", "-c"]
      RUN ulimit -n 65535
      RUN source /opt/ros/humble/setup.bash
      RUN . "$HOME/.cargo/env"
      RUN source ~/.bashrc
      RUN . ./.env
    `,
        findings: [3, 4, 5, 6, 7],
      },
    ],
  });

  test('says what to write instead: ENV, the virtualenv, SHELL, conda run, WORKDIR', async () => {
    const [exported, venv, pipefail, conda, mixed] = await only(dockerfile`
      FROM python:3.12-slim
      WORKDIR /app
      RUN export A=1 PATH=/opt/bin:$PATH
      RUN . .venv/bin/activate
      RUN set -eo pipefail
      RUN conda activate ml
      RUN unset HTTP_PROXY && cd /srv
    `);
    expect(exported.message).toContain('`export A=1 PATH=/opt/bin:$PATH`');
    expect(exported.message).toContain('use `ENV A=1 PATH=/opt/bin:$PATH`');
    expect(venv.message).toContain('`ENV VIRTUAL_ENV=/app/.venv PATH="/app/.venv/bin:$PATH"`');
    expect(pipefail.message).toContain('`SHELL ["/bin/bash", "-eo", "pipefail", "-c"]`');
    expect(conda.message).toContain('`SHELL ["conda", "run", "-n", "ml", "/bin/bash", "-c"]`');
    expect(mixed.message).toContain('`ENV HTTP_PROXY=`');
    expect(mixed.message).toContain('`WORKDIR /srv`');
  });

  test('a quick fix to ENV only for plain values ($ in ENV would expand from ENV and ARG, not from the shell)', async () => {
    const [plain, quoted, expanding, alone, trigger] = await only(dockerfile`
      FROM node:20
      RUN export NODE_ENV=production
      RUN A=1 B="x y"
      RUN export PATH=$HOME/bin:$PATH
      RUN export DEBUG
      ONBUILD RUN export C=3
    `);
    expect(plain.fix?.edits).toEqual([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 30 } }, newText: 'ENV NODE_ENV=production' }]);
    expect(quoted.fix?.edits?.[0].newText).toBe('ENV A=1 B="x y"');
    expect(expanding.fix?.edits).toBeUndefined();
    expect(alone.fix?.edits).toBeUndefined();
    expect(alone.message).toContain('`ENV DEBUG=…`');
    // Inside ONBUILD only the trigger is replaced: ONBUILD ENV C=3.
    expect(trigger.fix?.edits?.[0]).toEqual({ range: { start: { line: 5, character: 8 }, end: { line: 5, character: 22 } }, newText: 'ENV C=3' });
  });
});
