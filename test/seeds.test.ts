/**
 * The Dockerfile examples of the seed articles (Docker tutorial blog posts, copied verbatim into
 * test/fixtures/seeds/), with the exact findings each must get: anything else is a false positive.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { findings } from './helpers.js';

const expected: Record<string, { source: string; findings: string[] }> = {
  'make-cleanup-before.Dockerfile': {
    source: '002 (Docker docs example, "before"): RUN make /app then RUN rm -r $HOME/.cache',
    findings: ['5:missing-multi-stage', '6:cleanup-in-separate-layer', '7:shell-form-cmd'],
  },
  'make-cleanup-after.Dockerfile': {
    source: '002 ("after"): the cleanup merged into the make RUN, so no cleanup finding',
    findings: ['5:missing-multi-stage', '7:shell-form-cmd'],
  },
  'ubuntu-make.Dockerfile': {
    source: '004 (copy-on-write): FROM ubuntu:15.04, COPY, RUN make, shell-form CMD',
    findings: ['3:missing-multi-stage', '4:shell-form-cmd'],
  },
  'gradle-multistage.Dockerfile': {
    source: '000: gradle build stage → amazoncorretto runtime, with trailing # comments that Docker does not treat as comments',
    // cache-mount-missing is an opt-in suggestion (these tests run every rule): gradle's downloads could be cached.
    findings: ['3:inline-comment', '4:inline-comment', '5:cache-mount-missing'],
  },
  'gradle-reordered.Dockerfile': {
    source: '000: the same multi-stage build, EXPOSE/ENTRYPOINT moved above the COPY --from; nothing to report but the opt-in cache-mount suggestion',
    findings: ['5:cache-mount-missing'],
  },
  'alpine-mkdir-copy.Dockerfile': {
    source: '002: repeated mkdir/COPY to show which instructions make layers',
    findings: [
      '1:latest-base-image',
      '4:copy-relative-dest-without-workdir',
      '5:copy-relative-dest-without-workdir',
      '6:copy-relative-dest-without-workdir',
      '8:consecutive-run',
      '10:consecutive-run',
      '11:consecutive-run',
      '12:copy-relative-dest-without-workdir',
    ],
  },
  'nginx-instructions.Dockerfile': {
    source: '004: one line per instruction kind (ADD tar, ADD URL, COPY variants)',
    findings: [],
  },
  'ping-cmd.Dockerfile': {
    source: '004: apk update && apk add … && rm -rf /var/cache/apk/* in one RUN (clean), exec-form CMD; `From` and an empty continuation line',
    findings: ['1:instruction-casing', '1:latest-base-image', '3:unpinned-package', '4:empty-continuation-line'],
  },
  'ping-entrypoint.Dockerfile': {
    source: '004: ENTRYPOINT ["ping", "-c", "3", "8.8.8.8"] with the defaults baked in',
    findings: ['1:instruction-casing', '1:latest-base-image', '3:unpinned-package', '4:empty-continuation-line', '7:entrypoint-without-cmd-defaults'],
  },
  'ping-entrypoint-cmd.Dockerfile': {
    source: '004: the fixed version, ENTRYPOINT ["ping"] + CMD ["-c", "3", "8.8.8.8"]',
    findings: ['1:instruction-casing', '1:latest-base-image', '3:unpinned-package', '4:empty-continuation-line'],
  },
};

describe('seed examples get exactly the findings they should', () => {
  test.each(Object.entries(expected))('%s', async (file, { findings: want }) => {
    const text = readFileSync(new URL(`./fixtures/seeds/${file}`, import.meta.url), 'utf8');
    const got = (await findings(text)).map((f) => `${f.range.start.line + 1}:${f.ruleId}`);
    expect(got).toEqual(want);
  });
});
