/**
 * The contract every rule keeps: a stable kebab-case id, a known category and severity, a docs page
 * with a bad and a good example, and a test file that shows it firing and not firing.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { allRules } from '../rules/index.js';
import { CATEGORIES, SEVERITIES } from '../src/core/findings.js';
import { pageHeader, rulesIndex, withReadmeRuleList } from '../scripts/rule-docs.mjs';

const root = new URL('..', import.meta.url);

describe.each(allRules.map((rule) => [rule.meta.id, rule] as const))('rule %s', (id, rule) => {
  test('id, category, severity, description', () => {
    expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    expect(CATEGORIES).toContain(rule.meta.category);
    expect(SEVERITIES).toContain(rule.meta.severity);
    expect(rule.meta.description).toMatch(/^[A-Z].*\.$/);
  });

  test('on by default, or says why not', () => {
    expect(typeof rule.meta.recommended).toBe('boolean');
    if (rule.meta.recommended) expect(rule.meta.optInBecause).toBeUndefined();
    else expect(rule.meta.optInBecause).toMatch(/^[A-Z`].*\.$/);
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

describe('docs examples are true: Bad fires the rule, Good does not', () => {
  // These need inputs a Dockerfile alone cannot give (a build context, a config); their tests cover them.
  const needsMore: Record<string, string> = {
    'missing-dockerignore': 'a build context',
    'copy-ignored-file': 'a build context with a .dockerignore',
    'untrusted-registry': 'a trusted-registries config',
    'label-schema': 'a label-schema config',
  };
  const examples = allRules
    .filter((rule) => !needsMore[rule.meta.id])
    .map((rule) => {
      const text = readFileSync(new URL(`docs/rules/${rule.meta.id}.md`, root), 'utf8');
      const block = (section: string) => text.match(new RegExp(`^## ${section}\\n+\`\`\`dockerfile\\n([\\s\\S]+?)\`\`\``, 'm'))![1];
      return [rule.meta.id, block('Bad'), block('Good')] as const;
    });

  test.each(examples)('%s', async (id, bad, good) => {
    const { findings } = await import('./helpers.js');
    const found = await findings(bad);
    expect(found.map((f) => f.ruleId)).toContain(id);
    // A rule whose fixes have edits says in its meta how safe they are.
    const rule = allRules.find((candidate) => candidate.meta.id === id)!;
    if (found.some((f) => f.ruleId === id && f.fix?.edits?.length)) expect(rule.meta.fixSafety).toBeDefined();
    expect((await findings(good)).map((f) => f.ruleId)).not.toContain(id);
  });
});

// The generated docs are current: run `npm run docs:rules` after changing a rule's meta.
describe('docs generated from the rules (scripts/rule-docs.mjs)', () => {
  test("each page starts with the header its rule's meta gives", () => {
    for (const { meta } of allRules) {
      const page = readFileSync(new URL(`docs/rules/${meta.id}.md`, root), 'utf8');
      expect(page.slice(0, pageHeader(meta).length)).toBe(pageHeader(meta));
    }
  });

  test('docs/rules/README.md is the index made from the rules', () => {
    expect(readFileSync(new URL('docs/rules/README.md', root), 'utf8')).toBe(rulesIndex(allRules));
  });

  test("the README's rules by category are made from the rules", () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    expect(withReadmeRuleList(readme, allRules)).toBe(readme);
  });

  test('the registry is ordered by category, then id', () => {
    const order = allRules.map((rule) => `${CATEGORIES.indexOf(rule.meta.category)} ${rule.meta.id}`);
    expect(order).toEqual([...order].sort((a, b) => Number(a.split(' ')[0]) - Number(b.split(' ')[0]) || (a < b ? -1 : 1)));
  });
});
