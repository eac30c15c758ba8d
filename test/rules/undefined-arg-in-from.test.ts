import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';

const rule = 'undefined-arg-in-from';

describe(rule, () => {
  test('fires on undeclared variables in the image and the platform, suggesting the nearest name', async () => {
    const found = (await findings('ARG NODE_VERSION=22\nFROM node:${NODE_VERSON}\nFROM --platform=$BUILDPLATFROM alpine:3\n')).filter((f) => f.ruleId === rule);
    expect(found.map((f) => f.range.start.line + 1)).toEqual([2, 3]);
    expect(found[0].message).toContain('did you mean $NODE_VERSION');
    expect(found[1].message).toContain('did you mean $BUILDPLATFORM');
  });

  test('an ARG declared only inside a stage is explained', async () => {
    const [finding] = (await findings('FROM alpine:3\nARG BASE=debian\nFROM ${BASE}\n')).filter((f) => f.ruleId === rule);
    expect(finding.message).toContain('move `ARG BASE` above the first FROM');
  });

  test('quiet: global ARGs, platform ARGs, ${X:-default}', async () => {
    expect(await hits(rule, 'ARG TAG=3\nFROM alpine:${TAG}\nFROM --platform=$BUILDPLATFORM golang:1\nFROM ${BASE:-debian}:12\nFROM build_${TARGETARCH}\n')).toEqual([]);
  });
});
