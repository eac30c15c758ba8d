/**
 * Formats other tools parse:
 * - gnu: `file:line:col: severity: message [rule]` (GNU error format, editor problem matchers);
 * - github: Actions workflow commands `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`;
 * - checkstyle: Checkstyle XML (Jenkins, reviewdog, many CI plugins);
 * - codeclimate / gitlab: the Code Climate issue JSON array GitLab's code quality report reads.
 */
import { TOOL_NAME, VERSION, ruleDocsUrl } from '../meta.js';
import type { Severity } from '../core/findings.js';
import { stableHash } from './fingerprint.js';
import { toRegion } from './locations.js';
import type { Report } from './types.js';

const GNU_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };
const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', style: 'notice' };
const CHECKSTYLE_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };
const CODECLIMATE_SEVERITY: Record<Severity, string> = { error: 'critical', warning: 'major', info: 'minor', style: 'info' };
const CODECLIMATE_CATEGORY: Record<string, string> = {
  cache: 'Performance',
  size: 'Performance',
  stages: 'Performance',
  runtime: 'Bug Risk',
  hygiene: 'Style',
  security: 'Security',
  syntax: 'Bug Risk',
};

export function formatGnu(report: Report): string {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.error) lines.push(`${file.path}: error: ${file.error}`);
    for (const f of file.findings) {
      const { line, column } = toRegion(f.range);
      lines.push(`${file.path}:${line}:${column}: ${GNU_SEVERITY[f.severity]}: ${f.message} [${f.ruleId}]`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Workflow-command escaping: data escapes %, CR, LF; properties also `:` and `,`. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.error) lines.push(`::error file=${escapeProperty(file.path)},title=${TOOL_NAME}::${escapeData(file.error)}`);
    for (const f of file.findings) {
      const r = toRegion(f.range);
      const props = [
        `file=${file.path}`,
        `line=${r.line}`,
        `col=${r.column}`,
        `endLine=${r.endLine}`,
        `endColumn=${r.endColumn}`,
        `title=${TOOL_NAME} ${f.ruleId}`,
      ].map((prop) => {
        const eq = prop.indexOf('=');
        return `${prop.slice(0, eq)}=${escapeProperty(prop.slice(eq + 1))}`;
      });
      lines.push(`::${GITHUB_COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const escapeXml = (text: string) =>
  text
    .replace(/[<>&'"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch]!)
    // XML 1.0 cannot carry most control characters, even escaped.
    // eslint-disable-next-line no-control-regex -- these control characters are what is removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function formatCheckstyle(report: Report): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<checkstyle version="4.3">`];
  for (const file of report.files) {
    out.push(`  <file name="${escapeXml(file.path)}">`);
    if (file.error) out.push(`    <error line="1" severity="error" message="${escapeXml(file.error)}" source="${TOOL_NAME}.input"/>`);
    for (const f of file.findings) {
      const { line, column } = toRegion(f.range);
      out.push(
        `    <error line="${line}" column="${column}" severity="${CHECKSTYLE_SEVERITY[f.severity]}" message="${escapeXml(f.message)}" source="${TOOL_NAME}.${escapeXml(f.ruleId)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}

/**
 * Code Climate issues (GitLab code quality). The fingerprint is stable across runs and survives
 * unrelated lines moving: rule + path + the flagged instruction's text + its occurrence number.
 */
export function formatCodeclimate(report: Report): string {
  const categories = new Map(report.rules.map((rule) => [rule.meta.id, rule.meta.category]));
  const issues = [];
  for (const file of report.files) {
    const lines = (file.text ?? '').split(/\r?\n/);
    const seen = new Map<string, number>();
    for (const f of file.findings) {
      const r = toRegion(f.range);
      const text = lines
        .slice(f.range.start.line, f.range.end.line + 1)
        .join('\n')
        .replace(/\s+/g, ' ')
        .trim();
      const key = `${f.ruleId}|${file.path}|${text}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      issues.push({
        type: 'issue',
        check_name: f.ruleId,
        description: f.message,
        content: { body: `See ${ruleDocsUrl(f.ruleId)}` },
        categories: [CODECLIMATE_CATEGORY[categories.get(f.ruleId) ?? 'hygiene'] ?? 'Style'],
        severity: CODECLIMATE_SEVERITY[f.severity],
        fingerprint: `${stableHash(key)}${occurrence > 1 ? `-${occurrence}` : ''}`,
        location: { path: file.path, lines: { begin: r.line, end: r.endLine } },
        engine_name: TOOL_NAME,
        engine_version: VERSION,
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
