/**
 * Human output: `file:line:col severity rule-id message`, one finding a line (editors and
 * terminals make `file:line:col` clickable), related locations indented below, a summary last.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding, Severity } from '../core/findings.js';
import { toRegion } from './locations.js';
import { summaryLine } from './summary.js';
import type { Report } from './types.js';

export interface TextOptions {
  color: boolean;
}

function severityColor(chalk: ChalkInstance, severity: Severity): (text: string) => string {
  return { error: chalk.red.bold, warning: chalk.yellow, info: chalk.cyan, style: chalk.gray }[severity];
}

/** After `lint --fix`: a remaining finding that `--unsafe-fixes` would fix says so. */
function unsafeMark(report: Report, finding: Finding): string {
  return report.fix?.markUnsafe && finding.fix?.edits?.length && finding.fix.safety === 'unsafe' ? ' [unsafe fix available]' : '';
}

export function formatText(report: Report, options: TextOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  for (const file of report.files) {
    // A file that could not be read is said on stderr (the CLI does); the summary counts it.
    if (file.error) continue;
    for (const finding of file.findings) {
      const { line, column } = toRegion(finding.range);
      lines.push(
        `${chalk.bold(`${file.path}:${line}:${column}`)} ${severityColor(chalk, finding.severity)(finding.severity)} ${chalk.dim(finding.ruleId)} ${finding.message}${unsafeMark(report, finding)}`,
      );
      for (const related of finding.related) {
        lines.push(`    ${chalk.dim(`${file.path}:${toRegion(related.range).line}:`)} ${related.message}`);
      }
    }
  }
  lines.push(chalk.bold(summaryLine(report)));
  if (report.fix) lines.push(report.fix.summary);
  return `${lines.join('\n')}\n`;
}
