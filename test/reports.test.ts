import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../src/lint.js';
import { allRules } from '../rules/index.js';
import { toSarif } from '../src/report/sarif.js';
import { formatJson } from '../src/report/json.js';
import { formatText } from '../src/report/text.js';
import { lineHashes } from '../src/report/fingerprint.js';
import type { Report } from '../src/report/types.js';
import { sarifValidator } from './sarif-schema.js';

const validate = sarifValidator();
const fixtureDir = new URL('./fixtures/', import.meta.url).pathname;

async function reportFor(path: string, text: string): Promise<Report> {
  const result = await lintText(text, path);
  return { files: [{ path, text, findings: result.findings, error: null }], rules: allRules, rootDir: process.cwd() };
}

function allFixtures(dir = fixtureDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFixtures(join(dir, entry.name)) : entry.name.endsWith('.Dockerfile') || entry.name === 'Dockerfile' ? [join(dir, entry.name)] : [],
  );
}

describe('SARIF', () => {
  const fixtures = allFixtures();

  test('there are fixtures to validate', () => {
    expect(fixtures.length).toBeGreaterThan(5);
  });

  test.each(fixtures.map((f) => [f.slice(fixtureDir.length)]))('SARIF of %s validates against the official 2.1.0 schema', async (name) => {
    const text = readFileSync(join(fixtureDir, name), 'utf8');
    const sarif = toSarif(await reportFor(`test/fixtures/${name}`, text));
    const valid = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test('results carry what GitHub code scanning needs', async () => {
    const text = 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\n';
    const sarif = toSarif(await reportFor('docker/Dockerfile', text));
    const run = sarif.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'layerlint', semanticVersion: expect.any(String), informationUri: expect.stringMatching(/^https:/) });
    const rule = run.tool.driver.rules!.find((r) => r.id === 'multiple-cmd')!;
    expect(rule).toMatchObject({ name: 'MultipleCmd', defaultConfiguration: { level: 'warning' }, properties: { tags: ['runtime'] } });
    expect(rule.fullDescription?.text).toContain('DL4003');
    expect(rule.helpUri).toMatch(/docs\/rules\/multiple-cmd\.md$/);
    const result = run.results![0];
    expect(result).toMatchObject({ ruleId: 'multiple-cmd', level: 'warning' });
    expect(run.tool.driver.rules![result.ruleIndex!].id).toBe('multiple-cmd');
    expect(result.locations![0].physicalLocation).toEqual({
      artifactLocation: { uri: 'docker/Dockerfile', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 10 },
    });
    expect(result.relatedLocations![0].physicalLocation!.region!.startLine).toBe(3);
    expect(result.partialFingerprints!.primaryLocationLineHash).toMatch(/^[0-9a-f]+:1$/);
  });

  test('security rules carry security-severity and the security tag', async () => {
    const rule = toSarif({ files: [], rules: allRules, rootDir: '/' }).runs[0].tool.driver.rules!.find((r) => r.id === 'untrusted-registry')!;
    expect(rule.properties).toMatchObject({ tags: ['security'], 'security-severity': expect.stringMatching(/^\d+\.\d$/) });
  });

  test('our fingerprint survives unrelated lines moving; the line hash identifies the line', async () => {
    const base = 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\n';
    const moved = 'FROM alpine:3.19\nLABEL a=b\n\nCMD ["a"]\nCMD ["b"]\n';
    const fp = async (text: string) => toSarif(await reportFor('Dockerfile', text)).runs[0].results![0].partialFingerprints!;
    expect((await fp(base))['layerlint/v1']).toBe((await fp(moved))['layerlint/v1']);
    expect((await fp(base)).primaryLocationLineHash).toBe((await fp(moved)).primaryLocationLineHash);
  });

  test('line hashes: identical lines are numbered, whitespace is ignored, CRLF equals LF', () => {
    const hashes = lineHashes('a\nb\na\n');
    expect(hashes.get(1)).not.toBe(hashes.get(2));
    expect(lineHashes('x y\n').get(1)).toBe(lineHashes('xy\n').get(1));
    expect(lineHashes('a\r\nb\r\n').get(1)).toBe(lineHashes('a\nb\n').get(1));
  });

  test('files outside the source root get absolute file URIs, never ../', async () => {
    const report = await reportFor('/elsewhere/Dockerfile', 'FROM alpine\nCMD ["a"]\nCMD ["b"]\n');
    const uri = toSarif({ ...report, rootDir: '/work/repo' }).runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri;
    expect(uri).toBe('file:///elsewhere/Dockerfile');
  });
});

describe('JSON and text', () => {
  test('JSON has the documented shape with 1-based positions', async () => {
    const json = JSON.parse(formatJson(await reportFor('Dockerfile', 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\n')));
    expect(json).toMatchObject({ formatVersion: 1, tool: { name: 'layerlint' }, summary: { files: 1, findings: 1, warning: 1 } });
    expect(json.files[0].findings[0]).toMatchObject({
      ruleId: 'multiple-cmd',
      severity: 'warning',
      category: 'runtime',
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 10,
    });
    expect(json.files[0].findings[0].fix.edits[0]).toMatchObject({ line: 2, column: 1, endLine: 3, endColumn: 1, newText: '' });
  });

  test('text is file:line:col severity id message, then a summary', async () => {
    const text = formatText(await reportFor('Dockerfile', 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\n'), { color: false });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Dockerfile:2:1 warning multiple-cmd This CMD is overridden by the CMD on line 3/);
    expect(lines.at(-1)).toBe('1 finding (1 warning) in 1 file');
  });
});
