import { describe, expect, test } from '@jest/globals';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dockerfile } from '../helpers.js';
import rule from '../../rules/permission-change-separate-layer.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: a directory changed without -R (only the directory itself changes), one file inside a downloaded tree',
        code: dockerfile`
      FROM debian:12
      COPY app /app
      RUN chown nobody /app
      RUN git clone https://github.com/x/tool.git /opt/tool
      RUN chmod 755 /opt/tool && chmod +x /opt/tool/install.sh
      RUN wget -qO- https://x.io/a.tgz | tar -xz -C /usr/local/bin
      RUN chmod +x /usr/local/bin/a
    `,
      },
      {
        name: 'quiet: one script inside a copied tree (it costs only its own bytes; COPY --chmod would change every file) (1)',
        code: 'FROM eclipse-temurin:21-jdk\nWORKDIR /app\nCOPY . .\nRUN chmod +x ./gradlew && ./gradlew build\n',
      },
      {
        name: 'quiet: one script inside a copied tree (it costs only its own bytes; COPY --chmod would change every file) (2)',
        code: 'FROM python:3.12-slim\nCOPY . /app\nRUN chmod +x /app/scripts/*.sh\n',
      },
      {
        name: 'quiet: the changed file was not written by any COPY (only other files of its directory were)',
        code: dockerfile`
      FROM python:3.12-slim
      COPY requirements.txt /app/
      RUN pip install --no-cache-dir -r /app/requirements.txt && printf '#!/bin/sh\n' > /app/run.sh
      RUN chmod +x /app/run.sh
    `,
      },
      {
        name: 'quiet: COPY --chown/--chmod, chown of files the RUN creates, or a builder stage (1)',
        code: dockerfile`
      FROM node:20
      COPY --chown=node:node . /app
      RUN mkdir /data && chown node /data
      RUN chmod 700 /root
    `,
      },
      {
        name: 'quiet: COPY --chown/--chmod, chown of files the RUN creates, or a builder stage (2)',
        code: 'FROM node:20 AS build\nCOPY . /app\nRUN chown -R node /app\nFROM node:20-slim\nCOPY --from=build /app/dist /dist\n',
      },
    ],
    invalid: [
      {
        name: 'fires on chown -R / chmod of what COPY or ADD created',
        code: dockerfile`
      FROM node:20
      WORKDIR /app
      COPY . .
      RUN chown -R node:node /app
      ADD https://x.io/tool /usr/local/bin/tool
      RUN chmod +x /usr/local/bin/tool
      COPY entrypoint.sh /entrypoint.sh
      RUN chmod 755 /entrypoint.sh
    `,
        findings: [4, 6, 8],
      },
      {
        name: 'an exec-form RUN (RUN ["chmod", "+x", …]) too: the file lands in the WORKDIR named without a slash',
        code: dockerfile`
      FROM python:3.11
      WORKDIR /srv
      COPY docker_entrypoint.sh /srv
      RUN ["chmod", "+x", "/srv/docker_entrypoint.sh"]
    `,
        findings: [4],
      },
      { name: 'relative targets resolve against WORKDIR', code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN chmod -R g+w .\n', findings: [4] },
    ],
  });

  test('fires on chmod/chown of what an earlier RUN downloaded, cloned or extracted; the quick fix moves a lone chmod into that RUN', async () => {
    const text = dockerfile`
      FROM debian:12
      RUN curl -fsSLo /usr/local/bin/kubectl https://dl.k8s.io/release/v1.30.0/bin/linux/amd64/kubectl
      RUN chmod +x /usr/local/bin/kubectl
      RUN git clone --depth 1 https://github.com/shopware/shopware.git /app/
      RUN chown -R www-data /app/ && echo cloned
      RUN wget -qO /tmp/jdk.tgz https://x.io/jdk.tgz && tar -xzf /tmp/jdk.tgz -C /opt/jdk && rm /tmp/jdk.tgz
      RUN chown -R app /opt
    `;
    const found = (await lintRule(rule, text)).filter((f) => f.ruleId === rule.meta.id);
    expect(found.map((f) => f.range.start.line + 1)).toEqual([3, 5, 7]);
    expect(found[0].message).toContain('(download of kubectl)');
    expect(found[0].message).toContain('do it in that RUN instead (… && chmod +x /usr/local/bin/kubectl)');
    const fixed = TextDocument.applyEdits(TextDocument.create('x', 'dockerfile', 1, text), found[0].fix!.edits!);
    expect(fixed).toContain('kubectl \\\n    && chmod +x /usr/local/bin/kubectl\nRUN git clone');
    expect(await ruleHits(rule, fixed)).toEqual([5, 7]); // the fixed RUN now spans two lines
    // The chown RUN also echoes: no edit, and the description does not claim it can be deleted.
    expect(found[1].fix).toEqual({ description: 'Move the chown into the RUN on line 4.' });
  });

  test('names the COPY that wrote the file, not another COPY into the same directory (regression)', async () => {
    const text = dockerfile`
      FROM python:3.12-slim
      WORKDIR /app
      COPY docker/entrypoint.sh /app/
      COPY requirements.txt /app/
      RUN pip install --no-cache-dir -r requirements.txt
      RUN chmod +x entrypoint.sh
    `;
    const found = (await lintRule(rule, text)).filter((f) => f.ruleId === rule.meta.id);
    expect(found.map((f) => f.related?.[0].range.start.line)).toEqual([2]);
    expect(found[0].message).toContain('`COPY docker/entrypoint.sh /app/` on line 3');
  });
});

describe('permission-change-separate-layer: setcap, and a chown that changes nothing', () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: setcap of a copied file (COPY cannot set capabilities, so there is no better way)',
        code: 'FROM debian:12\nCOPY app /usr/bin/app\nRUN setcap cap_net_bind_service=+ep /usr/bin/app\n',
      },
      {
        name: 'quiet: chown --from an owner the COPY did not give the files (1)',
        code: 'FROM alpine:3.20\nCOPY --chown=nobody:nobody conf /etc/conf\nRUN chown --from=root:root -R nobody /etc/conf\n',
      },
    ],
    invalid: [
      {
        name: 'setcap of a file an earlier RUN downloaded rewrites it, like chmod',
        code: 'FROM debian:12\nRUN curl -fsSLo /usr/local/bin/app https://x.io/app\nRUN setcap cap_net_bind_service=+ep /usr/local/bin/app\nCMD ["app"]\n',
        findings: [3],
      },
      {
        name: 'quiet: chown --from an owner the COPY did not give the files (2), but this case fires',
        code: 'FROM alpine:3.20\nCOPY --chown=app:app conf /etc/conf\nRUN chown --from=app -R nobody /etc/conf\n',
        findings: [3],
      },
    ],
  });
});

describe('permission-change-separate-layer: the fix', () => {
  ruleTester(rule, {
    invalid: [
      {
        name: 'a chmod of exactly the copied file becomes COPY --chmod (safe)',
        code: 'FROM debian:12\nCOPY entrypoint.sh /usr/local/bin/entrypoint.sh\nRUN chmod 755 /usr/local/bin/entrypoint.sh\n',
        findings: [{ line: 3, message: /use COPY --chmod=755 instead/ }],
        output: 'FROM debian:12\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/entrypoint.sh\n',
      },
      {
        name: 'a chown of the copied files becomes COPY --chown',
        code: 'FROM debian:12\nCOPY a.conf b.conf /etc/app/\nRUN chown app:app /etc/app/a.conf /etc/app/b.conf\n',
        findings: [3],
        output: 'FROM debian:12\nCOPY --chown=app:app a.conf b.conf /etc/app/\n',
      },
      {
        name: 'no edit for a directory (chown -R of /app also changes /app, which COPY --chown leaves to root), a symbolic mode, or a RUN that does more',
        code: 'FROM debian:12\nCOPY . /app\nRUN chown -R app /app\nCOPY run.sh /run.sh\nRUN chmod +x /run.sh\nCOPY x.sh /x.sh\nRUN chmod 755 /x.sh && /x.sh\n',
        findings: [3, 5, 7],
        output: null,
      },
    ],
  });
});
