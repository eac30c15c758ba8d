import type { Rule, RuleMeta } from '../src/runner/types.js';

export function rulesIndex(allRules: readonly Rule[]): string;
export function pageHeader(meta: RuleMeta): string;
export function withPageHeader(page: string, meta: RuleMeta): string;
export function readmeRuleList(allRules: readonly Rule[]): string;
export function withReadmeRuleList(readme: string, allRules: readonly Rule[]): string;
