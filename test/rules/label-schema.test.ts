import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';
import { defaultConfig } from '../../src/core/config.js';
import type { LabelFormat } from '../../src/core/findings.js';

const rule = 'label-schema';
const schema = (labelSchema: Record<string, LabelFormat>, strictLabels = false) => ({ config: { ...defaultConfig(), labelSchema, strictLabels } });

describe(rule, () => {
  test('a missing required label is reported at the final FROM', async () => {
    const found = (await findings('FROM alpine:3 AS build\nFROM alpine:3\nLABEL a=1\n', schema({ a: 'text', b: 'url' }))).filter((f) => f.ruleId === rule);
    expect(found.map((f) => [f.range.start.line + 1, f.properties.hadolint])).toEqual([[2, 'DL3049']]);
  });

  test('each format is checked', async () => {
    const formats: Record<string, LabelFormat> = { u: 'url', s: 'semver', h: 'hash', t: 'rfc3339', l: 'spdx', e: 'email' };
    const bad = 'FROM alpine:3\nLABEL u=github.com/x\nLABEL s=1.2\nLABEL h=xyz\nLABEL t=2024-05-01\nLABEL l="MIT OR"\nLABEL e=me\n';
    const good = 'FROM alpine:3\nLABEL u=https://github.com/x s=1.2.3-rc.1 h=0123abc t=2024-05-01T12:00:00Z l="Apache-2.0 OR MIT" e=me@example.com\n';
    expect(await hits(rule, bad, schema(formats))).toEqual([2, 3, 4, 5, 6, 7]);
    expect(await hits(rule, good, schema(formats))).toEqual([]);
  });

  test('strict-labels reports labels outside the schema', async () => {
    expect(await hits(rule, 'FROM alpine:3\nLABEL a=1 extra=2\n', schema({ a: 'text' }, true))).toEqual([2]);
    expect(await hits(rule, 'FROM alpine:3\nLABEL a=1 extra=2\n', schema({ a: 'text' }))).toEqual([]);
  });

  test('quiet: no schema; labels of builder stages are not the image\'s; labels inherited through FROM <stage> count', async () => {
    expect(await hits(rule, 'FROM alpine:3\n')).toEqual([]);
    expect(await hits(rule, 'FROM alpine:3 AS base\nLABEL a=1\nFROM base\n', schema({ a: 'text' }))).toEqual([]);
  });
});
