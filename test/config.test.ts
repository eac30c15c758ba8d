import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFileFinder, findConfigFile, loadConfig } from '../src/config/config.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'layerlint-config-'));
}

describe('config', () => {
  test('a valid config is read', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '.layerlint.yaml'),
      'failure-threshold: warning\nignored: [DL3008]\nrules:\n  multiple-cmd: error\ntrusted-registries: [docker.io, "*.gcr.io"]\n',
    );
    const config = await loadConfig(join(dir, '.layerlint.yaml'));
    expect(config).toMatchObject({
      failureThreshold: 'warning',
      ignored: ['DL3008'],
      rules: { 'multiple-cmd': 'error' },
      trustedRegistries: ['docker.io', '*.gcr.io'],
    });
  });

  test('label-schema and strict-labels are read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.layerlint.yaml'), 'label-schema:\n  org.opencontainers.image.source: url\nstrict-labels: true\n');
    expect(await loadConfig(join(dir, '.layerlint.yaml'))).toMatchObject({ labelSchema: { 'org.opencontainers.image.source': 'url' }, strictLabels: true });
  });

  test.each([
    ['unknown top-level key', 'failure-treshold: error\n', "unknown key 'failure-treshold'"],
    ['bad severity', 'rules:\n  multiple-cmd: loud\n', "'rules.multiple-cmd' must be one of off, error, warning, info, style"],
    ['bad threshold', 'failure-threshold: high\n', "'failure-threshold' must be one of"],
    ['wrong type', 'ignored: DL3008\n', "'ignored' must be array"],
    ['not YAML', 'rules: [\n', 'not valid YAML'],
    ['unknown label format', 'label-schema:\n  version: number\n', "'label-schema.version' must be one of text, url"],
  ])('%s gives a one-line error naming the key', async (_name, text, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, '.layerlint.yaml'), text);
    const error = await loadConfig(join(dir, '.layerlint.yaml')).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
  });

  test('YAML tags that could construct objects are not honoured (data only)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.layerlint.yaml'), 'ignored: !!js/function "function(){}"\n');
    const error = await loadConfig(join(dir, '.layerlint.yaml')).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/invalid config/);
  });

  test('lookup walks up from the Dockerfile folder and stops at the repository root', () => {
    const root = tempDir();
    mkdirSync(join(root, 'repo', '.git'), { recursive: true });
    mkdirSync(join(root, 'repo', 'services', 'api'), { recursive: true });
    writeFileSync(join(root, '.layerlint.yaml'), '{}\n');
    expect(findConfigFile(join(root, 'repo', 'services', 'api'))).toBeNull();
    writeFileSync(join(root, 'repo', '.layerlint.yml'), '{}\n');
    expect(findConfigFile(join(root, 'repo', 'services', 'api'))).toBe(join(root, 'repo', '.layerlint.yml'));
  });

  test('a batch finder gives what findConfigFile gives, folder by folder, in any order', () => {
    const root = tempDir();
    mkdirSync(join(root, 'repo', '.git'), { recursive: true });
    for (const dir of ['services/api', 'services/web', 'tools/ci', 'own/inner']) mkdirSync(join(root, 'repo', dir), { recursive: true });
    writeFileSync(join(root, '.layerlint.yaml'), '{}\n'); // beyond the repository root: never found
    writeFileSync(join(root, 'repo', 'services', '.layerlint.yml'), '{}\n');
    writeFileSync(join(root, 'repo', 'own', '.layerlint.yaml'), '{}\n');
    const folders = ['services/api', 'tools/ci', 'services/web', 'own/inner', 'services', 'own', 'tools', '.', 'services/api'].map((dir) =>
      join(root, 'repo', dir),
    );
    const find = configFileFinder();
    expect(folders.map((dir) => find(dir))).toEqual(folders.map((dir) => findConfigFile(dir)));
    expect(find(join(root, 'repo', 'services', 'web'))).toBe(join(root, 'repo', 'services', '.layerlint.yml'));
    expect(find(join(root, 'repo', 'tools', 'ci'))).toBeNull();
  });
});
