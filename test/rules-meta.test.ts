/**
 * The contract every rule keeps: a stable kebab-case id, a known category and severity, a docs page
 * with a bad and a good example, and a test file that shows it firing and not firing.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { allRules } from '../rules/index.js';
import { CATEGORIES, SEVERITIES } from '../src/engine/types.js';

const root = new URL('..', import.meta.url);

describe.each(allRules.map((rule) => [rule.meta.id, rule] as const))('rule %s', (id, rule) => {
  test('id, category, severity, description', () => {
    expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    expect(CATEGORIES).toContain(rule.meta.category);
    expect(SEVERITIES).toContain(rule.meta.severity);
    expect(rule.meta.description).toMatch(/^[A-Z].*\.$/);
  });

  test('docs page with a bad and a good example', () => {
    const page = new URL(`docs/rules/${id}.md`, root);
    expect(existsSync(page)).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text.startsWith(`# ${id}\n`)).toBe(true);
    expect(text).toMatch(/^## Bad\n+```dockerfile\n[\s\S]+?```/m);
    expect(text).toMatch(/^## Good\n+```dockerfile\n[\s\S]+?```/m);
  });

  test('has a test file', () => {
    expect(existsSync(new URL(`test/rules/${id}.test.ts`, root))).toBe(true);
  });
});

test('rule ids are unique; hadolint codes look like DLnnnn', () => {
  const ids = allRules.map((rule) => rule.meta.id);
  expect(new Set(ids).size).toBe(ids.length);
  // One hadolint code may stand for several rules (DL3025 covers both CMD and ENTRYPOINT).
  for (const code of allRules.flatMap((rule) => rule.meta.hadolint ?? [])) expect(code).toMatch(/^DL\d{4}$/);
});
