/**
 * The JSON report. Its shape is documented in README.md ("JSON output") and is stable:
 * fields may be added, never renamed or removed, without bumping `formatVersion`.
 */
import type { Finding } from '../core/findings.js';
import { TOOL_NAME, VERSION, ruleDocsUrl } from '../meta.js';
import { toRegion } from './locations.js';
import type { Report } from './types.js';
import { countBySeverity } from './summary.js';

function findingToJson(finding: Finding, category: string | undefined) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    category: category ?? null,
    message: finding.message,
    ...toRegion(finding.range),
    related: finding.related.map((related) => ({ ...toRegion(related.range), message: related.message })),
    fix: finding.fix
      ? {
          description: finding.fix.description,
          edits: (finding.fix.edits ?? []).map((edit) => ({ ...toRegion(edit.range), newText: edit.newText })),
        }
      : null,
    docs: ruleDocsUrl(finding.ruleId),
    properties: finding.properties,
  };
}

export function formatJson(report: Report): string {
  const categories = new Map(report.rules.map((rule) => [rule.meta.id, rule.meta.category]));
  const output = {
    formatVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    files: report.files.map((file) => ({
      path: file.path,
      error: file.error,
      findings: file.findings.map((finding) => findingToJson(finding, categories.get(finding.ruleId))),
    })),
    // `files` counts the files linted, as the text summary does; `unreadable` those that could not be read.
    summary: {
      files: report.files.filter((file) => file.error === null).length,
      unreadable: report.files.filter((file) => file.error !== null).length,
      ...countBySeverity(report),
    },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
