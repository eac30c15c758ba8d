import { SEVERITIES, type Severity } from '../core/findings.js';
import type { Report } from './types.js';

export function countBySeverity(report: Report): { findings: number } & Record<Severity, number> {
  const counts = { findings: 0, error: 0, warning: 0, info: 0, style: 0 };
  for (const file of report.files) {
    for (const finding of file.findings) {
      counts.findings++;
      counts[finding.severity]++;
    }
  }
  return counts;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `3 findings (1 error, 2 warnings) in 2 files`. */
export function summaryLine(report: Report): string {
  const counts = countBySeverity(report);
  const unreadable = report.files.filter((file) => file.error !== null).length;
  const files = plural(report.files.length - unreadable, 'file');
  const notRead = unreadable > 0 ? `; ${plural(unreadable, 'file')} could not be read` : '';
  if (counts.findings === 0) return `no findings in ${files}${notRead}`;
  const parts = SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => plural(counts[severity], severity));
  return `${plural(counts.findings, 'finding')} (${parts.join(', ')}) in ${files}${notRead}`;
}
