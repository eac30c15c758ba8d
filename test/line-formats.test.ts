import { describe, expect, test } from '@jest/globals';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lintText } from '../src/lint.js';
import { allRules } from '../rules/index.js';
import { formatCheckstyle, formatCodeclimate, formatGithub, formatGnu } from '../src/report/line-formats.js';
import type { Report } from '../src/report/types.js';

const TEXT = 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\nRUN apk update\n';

async function report(text: string, path = 'svc/Dockerfile'): Promise<Report> {
  const result = await lintText(text, path);
  return { files: [{ path, text, findings: result.findings, error: null }], rules: allRules, rootDir: '/' };
}

describe('gnu', () => {
  test('file:line:col: severity: message [rule]', async () => {
    const lines = formatGnu(await report(TEXT))
      .trimEnd()
      .split('\n');
    expect(lines[0]).toMatch(/^svc\/Dockerfile:2:1: warning: This CMD is overridden .* \[multiple-cmd\]$/);
    for (const line of lines) expect(line).toMatch(/^[^:]+:\d+:\d+: (error|warning|note): .+ \[[a-z-]+\]$/);
  });
});

describe('github workflow commands', () => {
  test('::level file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message', async () => {
    const lines = formatGithub(await report(TEXT))
      .trimEnd()
      .split('\n');
    expect(lines[0]).toMatch(/^::warning file=svc\/Dockerfile,line=2,col=1,endLine=2,endColumn=10,title=layerlint multiple-cmd::This CMD/);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:,]+::[^\n]+$/);
  });

  test('commas, colons, percent signs and newlines are escaped', async () => {
    const r = await report(TEXT, 'a,b:c%.Dockerfile');
    r.files[0].findings[0] = { ...r.files[0].findings[0], message: 'line one\nline 100%' };
    const first = formatGithub(r).split('\n')[0];
    expect(first).toContain('file=a%2Cb%3Ac%25.Dockerfile');
    expect(first).toMatch(/::line one%0Aline 100%25$/);
  });
});

describe('checkstyle', () => {
  test('is well-formed XML with one <error> per finding', async () => {
    const xml = formatCheckstyle(await report(TEXT));
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const errors = [doc.checkstyle.file.error].flat();
    expect(errors.length).toBe((await lintText(TEXT, 'x')).findings.length);
    expect(errors[0]).toMatchObject({ line: '2', column: '1', severity: 'warning', source: 'layerlint.multiple-cmd' });
  });

  test('messages with <, &, quotes and control characters stay valid XML', async () => {
    const r = await report(TEXT);
    r.files[0].findings[0] = { ...r.files[0].findings[0], message: 'a <b> & "c" \u0001 \'d\'' };
    expect(XMLValidator.validate(formatCheckstyle(r))).toBe(true);
  });
});

describe('codeclimate / gitlab', () => {
  test('issues have the fields GitLab code quality reads', async () => {
    const issues = JSON.parse(formatCodeclimate(await report(TEXT)));
    for (const issue of issues) {
      expect(issue).toMatchObject({
        type: 'issue',
        check_name: expect.any(String),
        description: expect.any(String),
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}(-\d+)?$/),
      });
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(issue.location).toMatchObject({ path: 'svc/Dockerfile', lines: { begin: expect.any(Number) } });
    }
  });

  test('fingerprints are stable across runs and when unrelated lines move; distinct per finding', async () => {
    const first = JSON.parse(formatCodeclimate(await report(TEXT))).map((i: { fingerprint: string }) => i.fingerprint);
    const again = JSON.parse(formatCodeclimate(await report(TEXT))).map((i: { fingerprint: string }) => i.fingerprint);
    const moved = JSON.parse(formatCodeclimate(await report(`FROM alpine:3.19\nLABEL x=y\n\n${TEXT.split('\n').slice(1).join('\n')}`))).map(
      (i: { fingerprint: string }) => i.fingerprint,
    );
    expect(again).toEqual(first);
    expect(moved).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });
});
