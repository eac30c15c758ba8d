import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/undefined-arg-in-from.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('fires on undeclared variables in the image and the platform, suggesting the nearest name', async () => {
    const found = (await lintRule(rule, 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSON}\nFROM --platform=$BUILDPLATFROM alpine:3\n')).filter(
      (f) => f.ruleId === rule.meta.id,
    );
    expect(found.map((f) => f.range.start.line + 1)).toEqual([2, 3]);
    expect(found[0].message).toContain('did you mean $NODE_VERSION');
    expect(found[1].message).toContain('did you mean $BUILDPLATFORM');
  });

  test('an ARG declared only inside a stage is explained', async () => {
    const [finding] = (await lintRule(rule, 'FROM alpine:3\nARG BASE=debian\nFROM ${BASE}\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.message).toContain('move `ARG BASE` above the first FROM');
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: global ARGs, platform ARGs, ${X:-default}',
        code: 'ARG TAG=3\nFROM alpine:${TAG}\nFROM --platform=$BUILDPLATFORM golang:1\nFROM ${BASE:-debian}:12\nFROM build_${TARGETARCH}\n',
      },
    ],
  });
});
