import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/maintainer-deprecated.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('fires with a label fix', async () => {
    const [finding] = (await lintRule(rule, 'FROM alpine:3.19\nMAINTAINER Jane <j@x.io>\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.fix?.edits?.[0].newText).toBe('LABEL org.opencontainers.image.authors="Jane <j@x.io>"');
  });
  ruleTester(rule, {
    valid: [{ name: 'quiet with the label', code: 'FROM alpine:3.19\nLABEL org.opencontainers.image.authors="Jane"\n' }],
  });
});
