import { describe, expect, test } from '@jest/globals';
import { dockerfile, findings } from './helpers.js';
import { defaultConfig } from '../src/core/config.js';

const twoCmds = (prefix = '') => `FROM alpine:3.19\n${prefix}CMD ["a"]\nCMD ["b"]\n`;
const ids = async (text: string, config = defaultConfig()) => (await findings(text, { config })).map((f) => f.ruleId);

describe('rule runner: suppressions and config', () => {
  test('baseline: the rule fires', async () => {
    expect(await ids(twoCmds())).toEqual(['multiple-cmd']);
  });

  test('# layerlint ignore= on the line above suppresses that instruction only', async () => {
    expect(await ids(twoCmds('# layerlint ignore=multiple-cmd\n'))).toEqual([]);
    const other = 'FROM alpine:3.19\n# layerlint ignore=multiple-cmd\nRUN true\nCMD ["a"]\nCMD ["b"]\n';
    expect(await ids(other)).toEqual(['multiple-cmd']);
  });

  test('# layerlint global ignore= anywhere suppresses the whole file', async () => {
    expect(await ids(`${twoCmds()}# layerlint global ignore=multiple-cmd\n`)).toEqual([]);
  });

  test('# hadolint ignore=DL4003 maps to multiple-cmd; other codes do not', async () => {
    expect(await ids(twoCmds('# hadolint ignore=DL4003\n'))).toEqual([]);
    expect(await ids(twoCmds('# hadolint ignore=DL3008\n'))).toEqual(['multiple-cmd']);
  });

  test('a hadolint code of a rule that stands for several suppresses only its own findings', async () => {
    const strict = (): ReturnType<typeof defaultConfig> => ({ ...defaultConfig(), extends: 'strict' });
    const pins = (prefix = '', config = strict()) =>
      findings(`FROM debian:12\n${prefix}RUN apt-get install -y curl && pip install flask\n`, { config }).then((found) =>
        found.filter((f) => f.ruleId === 'unpinned-package').map((f) => f.properties.hadolint),
      );
    expect(await pins()).toEqual(['DL3008', 'DL3013']);
    expect(await pins('# hadolint ignore=DL3008\n')).toEqual(['DL3013']);
    expect(await pins('# hadolint global ignore=DL3013\n')).toEqual(['DL3008']);
    expect(await pins('', { ...strict(), ignored: ['DL3008'] })).toEqual(['DL3013']);
    expect(await pins('# layerlint ignore=unpinned-package\n')).toEqual([]);
    const every = ['DL3008', 'DL3013', 'DL3016', 'DL3018', 'DL3028', 'DL3033', 'DL3037', 'DL3041', 'DL3062'];
    expect(await pins('', { ...strict(), ignored: every })).toEqual([]);
  });

  test('BuildKit check=skip as a directive and above an instruction', async () => {
    expect(await ids(`# check=skip=MultipleInstructionsDisallowed\n${twoCmds()}`)).toEqual([]);
    expect(await ids(twoCmds('# check=skip=MultipleInstructionsDisallowed\n'))).toEqual([]);
    expect(await ids(`# check=skip=all\n${twoCmds()}`)).toEqual([]);
  });

  test('config: off, ignored (by id or hadolint code), severity override, disable-ignore-pragma', async () => {
    const config = defaultConfig();
    expect(await ids(twoCmds(), { ...config, rules: { 'multiple-cmd': 'off' } })).toEqual([]);
    expect(await ids(twoCmds(), { ...config, ignored: ['DL4003'] })).toEqual([]);
    const overridden = await findings(twoCmds(), { config: { ...config, rules: { 'multiple-cmd': 'error' } } });
    expect(overridden[0].severity).toBe('error');
    expect(await ids(twoCmds('# layerlint ignore=multiple-cmd\n'), { ...config, disableIgnorePragma: true })).toEqual(['multiple-cmd']);
  });

  test('a broken file still gets findings for what parsed, plus parse-error', async () => {
    const result = await findings(dockerfile`
      FROM alpine:3.19
      CMD ["a"]
      FORM oops
      CMD ["b"]
    `);
    expect(result.map((f) => `${f.range.start.line + 1}:${f.ruleId}`)).toEqual(['2:multiple-cmd', '3:parse-error']);
  });

  test('findings are sorted by position', async () => {
    const result = await findings('FROM alpine\nCMD [\'x\']\nCMD ["y"]\nFORM\n');
    const lines = result.map((f) => f.range.start.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe('files without a stage', () => {
  test.each([[''], ['ROM alpine:3.19\nCMD ["x"]\n'], ['ARG A=1\n'], ['# just a comment\n']])('%j: only parse-error, no rule fails', async (text) => {
    const { lintText } = await import('../src/lint.js');
    const result = await lintText(text, 'Dockerfile');
    expect(result.ruleFailures).toEqual([]);
    expect(new Set(result.findings.map((f) => f.ruleId))).toEqual(new Set(['parse-error']));
  });
});
