import { describe, expect, test } from '@jest/globals';
import { defaultConfig } from '../../src/core/config.js';
import type { LabelFormat } from '../../src/core/findings.js';
import rule from '../../rules/label-schema.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

const schema = (labelSchema: Record<string, LabelFormat>, strictLabels = false) => ({ config: { ...defaultConfig(), labelSchema, strictLabels } });

describe(rule.meta.id, () => {
  test('a missing required label is reported at the final FROM', async () => {
    const found = (await lintRule(rule, 'FROM alpine:3 AS build\nFROM alpine:3\nLABEL a=1\n', schema({ a: 'text', b: 'url' }))).filter(
      (f) => f.ruleId === rule.meta.id,
    );
    expect(found.map((f) => [f.range.start.line + 1, f.properties.hadolint])).toEqual([[2, 'DL3049']]);
  });

  test('each format is checked', async () => {
    const formats: Record<string, LabelFormat> = { u: 'url', s: 'semver', h: 'hash', t: 'rfc3339', l: 'spdx', e: 'email' };
    const bad = 'FROM alpine:3\nLABEL u=github.com/x\nLABEL s=1.2\nLABEL h=xyz\nLABEL t=2024-05-01\nLABEL l="MIT OR"\nLABEL e=me\n';
    const good = 'FROM alpine:3\nLABEL u=https://github.com/x s=1.2.3-rc.1 h=0123abc t=2024-05-01T12:00:00Z l="Apache-2.0 OR MIT" e=me@example.com\n';
    expect(await ruleHits(rule, bad, schema(formats))).toEqual([2, 3, 4, 5, 6, 7]);
    expect(await ruleHits(rule, good, schema(formats))).toEqual([]);
  });
  ruleTester(rule, {
    valid: [
      { name: 'strict-labels reports labels outside the schema (2)', code: 'FROM alpine:3\nLABEL a=1 extra=2\n', options: schema({ a: 'text' }) },
      {
        name: "quiet: no schema; labels of builder stages are not the image's; labels inherited through FROM <stage> count (1)",
        code: 'FROM alpine:3\n',
      },
      {
        name: "quiet: no schema; labels of builder stages are not the image's; labels inherited through FROM <stage> count (2)",
        code: 'FROM alpine:3 AS base\nLABEL a=1\nFROM base\n',
        options: schema({ a: 'text' }),
      },
    ],
    invalid: [
      {
        name: 'strict-labels reports labels outside the schema (1)',
        code: 'FROM alpine:3\nLABEL a=1 extra=2\n',
        options: schema({ a: 'text' }, true),
        findings: [2],
      },
    ],
  });
});
