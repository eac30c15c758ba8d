/**
 * The audit of real Dockerfiles (test/audit, scripts/audit.mjs) passes: every finding of the default profile
 * has a verdict, none judged true has gone, no judged message changed. It runs the built linter, which
 * `npm test` builds first.
 */
import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const script = new URL('../scripts/audit.mjs', import.meta.url).pathname;

test('npm run audit: every default finding on the real Dockerfiles is judged, and the true ones are all still found', () => {
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^audit set: \d+ real Dockerfiles/m);
  expect(result.stdout).toMatch(/^held-out set: \d+ real Dockerfiles/m);
}, 120_000);

test.each([
  ['audit', 40],
  ['audit/held-out', 12],
])('test/%s holds at least %d real files, each with its source and license', (folder, minimum) => {
  const rows = readFileSync(new URL(`${folder}/SOURCES.tsv`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'));
  expect(rows.length).toBeGreaterThanOrEqual(minimum);
  for (const [slug, repository, commit, path, license] of rows) {
    expect(slug).toMatch(/^(official|app)-[a-z0-9-]+$/);
    expect(repository).toMatch(/^[\w.-]+\/[\w.-]+$/);
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    expect(path).not.toBe('');
    expect(license).not.toBe('');
    expect(readFileSync(new URL(`${folder}/files/${slug}/Dockerfile`, import.meta.url), 'utf8').length).toBeGreaterThan(0);
  }
});
