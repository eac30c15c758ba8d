/** `layerlint rules [id]`: list the rules, or print one rule's documentation. */
import { existsSync, readFileSync } from 'node:fs';
import { allRules, findRule } from '../../rules/index.js';
import { UserError } from '../util/errors.js';
import { writeOut } from './terminal.js';

/** docs/rules/<id>.md, relative to the package root (two folders above src/cli, three above dist/src/cli). */
function docsFile(id: string): string | null {
  for (const up of ['../../', '../../../']) {
    const url = new URL(`${up}docs/rules/${id}.md`, import.meta.url);
    // The page without the markers around its generated header (HTML comments, invisible on the web too).
    if (existsSync(url)) return readFileSync(url, 'utf8').replace(/<!--[^]*?-->\n\n?/g, '');
  }
  return null;
}

export function runRulesCommand(options: { id: string | null; format: 'text' | 'json' }): number {
  if (options.id) {
    const rule = findRule(options.id) ?? allRules.find((r) => r.meta.hadolint?.includes(options.id!) || r.meta.buildkit?.includes(options.id!));
    if (!rule) throw new UserError(`unknown rule '${options.id}' (run 'layerlint rules' for the list)`);
    if (options.format === 'json') {
      writeOut(`${JSON.stringify({ ...rule.meta, docs: docsFile(rule.meta.id) }, null, 2)}\n`);
    } else {
      writeOut(
        docsFile(rule.meta.id) ??
          `${rule.meta.id} (${rule.meta.category}, ${rule.meta.severity}, ${rule.meta.recommended ? 'on by default' : 'opt-in'})\n${rule.meta.description}\n`,
      );
    }
    return 0;
  }
  if (options.format === 'json') {
    writeOut(
      `${JSON.stringify(
        allRules.map((rule) => rule.meta),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const width = Math.max(...allRules.map((rule) => rule.meta.id.length));
  const line = (rule: (typeof allRules)[number]) => {
    const aliases = [...(rule.meta.hadolint ?? []), ...(rule.meta.buildkit ?? [])];
    const fix = rule.meta.fixSafety ? ` (fix: ${rule.meta.fixSafety})` : '';
    return `${rule.meta.id.padEnd(width)}  ${rule.meta.category.padEnd(8)} ${rule.meta.severity.padEnd(7)} ${rule.meta.description}${fix}${aliases.length ? ` [${aliases.join(', ')}]` : ''}`;
  };
  const on = allRules.filter((rule) => rule.meta.recommended);
  const off = allRules.filter((rule) => !rule.meta.recommended);
  writeOut(
    [
      `On by default (${on.length}): precise findings about cache, size, builds that break, runtime behaviour and security.`,
      ...on.map(line),
      '',
      `Opt-in (${off.length}): turn on with --extend-select <id>, 'rules: {<id>: <severity>}' or 'extends: strict' in .layerlint.yaml.`,
      ...off.map((rule) => `${line(rule)}\n${' '.repeat(width + 2)}off by default: ${rule.meta.optInBecause}`),
      '',
      'ShellCheck (SCxxxx, with shellcheck on PATH): its errors are on by default; its warnings, infos and style notes are opt-in (--extend-select SC, or one code).',
    ].join('\n') + '\n',
  );
  return 0;
}
