/**
 * Every rule, one module each. Add a rule here and it is linted, listed by `layerlint rules`,
 * documented in SARIF, and checked by test/rules-meta.test.ts (docs page, id, tests).
 */
import type { Rule } from '../src/engine/types.js';
import parseError from './parse-error.js';
import multipleCmd from './multiple-cmd.js';
import invalidExecForm from './invalid-exec-form.js';
import untrustedRegistry from './untrusted-registry.js';

export const allRules: Rule[] = [parseError, multipleCmd, invalidExecForm, untrustedRegistry];

export function findRule(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
