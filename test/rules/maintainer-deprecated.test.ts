import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';

const rule = 'maintainer-deprecated';

describe(rule, () => {
  test('fires with a label fix', async () => {
    const [finding] = (await findings('FROM alpine:3.19\nMAINTAINER Jane <j@x.io>\n')).filter((f) => f.ruleId === rule);
    expect(finding.fix?.edits?.[0].newText).toBe('LABEL org.opencontainers.image.authors="Jane <j@x.io>"');
  });

  test('quiet with the label', async () => {
    expect(await hits(rule, 'FROM alpine:3.19\nLABEL org.opencontainers.image.authors="Jane"\n')).toEqual([]);
  });
});
