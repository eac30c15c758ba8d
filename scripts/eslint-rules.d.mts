import type { Rule } from 'eslint';

declare const plugin: { rules: Record<'no-duplicate-set-entries' | 'no-stacked-doc-comments', Rule.RuleModule> };
export default plugin;
