import { describe, expect, test } from '@jest/globals';
import { TextDocument } from 'vscode-languageserver-textdocument';
import rule from '../../rules/apt-no-install-recommends.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: flag present, APT::Install-Recommends=false, other apt subcommands, a builder stage (1)',
        code: [
          'FROM debian:12',
          'RUN apt-get install -y --no-install-recommends curl',
          'RUN apt-get -o APT::Install-Recommends=false install -y git',
          'RUN apt-get update && apt-get remove -y vim',
        ].join('\n'),
      },
      {
        name: 'quiet: flag present, APT::Install-Recommends=false, other apt subcommands, a builder stage (2)',
        code: 'FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM debian:12-slim\n',
      },
    ],
    invalid: [
      {
        name: 'fires on apt-get/apt install without it, in the final image',
        code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN sudo apt install -y git\n',
        findings: [2, 3],
      },
    ],
  });

  test('the quick fix inserts the flag after install', async () => {
    const text = 'FROM debian:12\nRUN apt-get update && apt-get -q install -y curl\n';
    const [finding] = (await lintRule(rule, text)).filter((f) => f.ruleId === rule.meta.id);
    const fixed = TextDocument.applyEdits(TextDocument.create('x', 'dockerfile', 1, text), finding.fix!.edits!);
    expect(fixed).toBe('FROM debian:12\nRUN apt-get update && apt-get -q install --no-install-recommends -y curl\n');
    expect(await ruleHits(rule, fixed)).toEqual([]);
  });

  test('no text edit where the words\' places are unknown: exec form (JSON) and sh -c "…"', async () => {
    const text = 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\nRUN sh -c "apt-get install -y git"\n';
    const found = (await lintRule(rule, text)).filter((f) => f.ruleId === rule.meta.id);
    expect(found.map((f) => f.range.start.line + 1)).toEqual([2, 3]);
    expect(found.map((f) => f.fix?.edits)).toEqual([undefined, undefined]);
  });
});

describe('apt-no-install-recommends: one finding per RUN, not build-dep', () => {
  // Shaped like laravel/sail: six apt-get installs in one RUN.
  test('one finding per RUN, every install fixed by its quick fix', async () => {
    const found = (
      await lintRule(rule, 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl && apt-get install -y nodejs && apt-get install -y yarn\n')
    ).filter((f) => f.ruleId === 'apt-no-install-recommends');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('and 2 more installs in this RUN');
    expect(found[0].related).toHaveLength(2);
    expect(found[0].fix?.edits).toHaveLength(3);
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet for apt-get build-dep',
        code: 'FROM debian:12-slim\nRUN apt-get update && apt-get build-dep -y postgresql-common && apt-get source --compile postgresql-common\n',
      },
    ],
  });
});
