import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFileFinder, configLookup, findConfigFile, loadConfig } from '../src/config/config.js';
import { DEFAULT_CONFIG } from '../src/core/config.js';
import { configValidatorSource } from '../scripts/config-validator.mjs';

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
    ['empty rule name', 'ignored:\n  - ""\n', "'ignored.0' must NOT have fewer than 1 characters"],
    ['a rule named twice', 'ignored:\n  - DL3008\n  - DL3008\n', "'ignored' must NOT have duplicate items"],
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

describe('one config lookup for lint, measure and the language server', () => {
  const root = mkdtempSync(join(tmpdir(), 'layerlint-lookup-'));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'app'), { recursive: true });
  writeFileSync(join(root, '.layerlint.yaml'), 'extends: strict\n');

  test('--config wins over the file found upward', async () => {
    const other = join(root, 'other.yaml');
    writeFileSync(other, 'ignored: [multiple-cmd]\n');
    const lookup = configLookup({ explicit: other, remember: true });
    expect(lookup.fileFor(join(root, 'app'))).toBe(other);
    expect((await lookup.configFor(join(root, 'app'))).ignored).toEqual(['multiple-cmd']);
  });

  test('without a file, the shared defaults', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'layerlint-lookup-bare-'));
    mkdirSync(join(bare, '.git'));
    expect(await configLookup({ remember: true }).configFor(bare)).toBe(DEFAULT_CONFIG);
  });

  test('remember: one load per file; not remembering sees an edited file at once (the language server)', async () => {
    const remembering = configLookup({ remember: true });
    const fresh = configLookup({ remember: false });
    expect((await remembering.configFor(join(root, 'app'))).extends).toBe('strict');
    expect(remembering.configFor(join(root, 'app'))).toBe(remembering.configFor(root));
    writeFileSync(join(root, '.layerlint.yaml'), 'extends: recommended\n');
    expect((await fresh.configFor(join(root, 'app'))).extends).toBe('recommended');
    expect((await remembering.configFor(join(root, 'app'))).extends).toBe('strict');
  });
});

describe('the config validator compiled from the schema (scripts/config-validator.mjs)', () => {
  test('is current: run `npm run schema:validator` after changing schema/config.schema.json', () => {
    const generated = readFileSync(new URL('../src/config/config-validator.generated.ts', import.meta.url), 'utf8');
    expect(generated).toBe(configValidatorSource());
  });
});
