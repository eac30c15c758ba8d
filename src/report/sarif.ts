/**
 * SARIF 2.1.0, shaped for GitHub code scanning (docs.github.com, "SARIF support for code scanning"): one run,
 * full rule metadata, repo-relative URIs under %SRCROOT%, 1-based columns with exclusive ends,
 * and partialFingerprints (GitHub's line hash plus our own, stable when unrelated lines move).
 */
import { pathToFileURL } from 'node:url';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type * as Sarif from 'sarif';
import type { Finding, Severity } from '../core/findings.js';
import type { Rule } from '../runner/types.js';
import { HOMEPAGE, TOOL_NAME, VERSION, ruleDocsUrl } from '../meta.js';
import { lineHashes, stableHash } from './fingerprint.js';
import { toRegion } from './locations.js';
import type { FileReport, Report } from './types.js';
import type { Range } from '../parse/types.js';

const LEVELS: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };
const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'recommendation', style: 'recommendation' };
/** GitHub's security-severity scale: > 9 critical, 7–8.9 high, 4–6.9 medium. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '7.5', warning: '5.0', info: '3.0', style: '1.0' };

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

function describeRule(rule: Rule): Sarif.ReportingDescriptor {
  const { meta } = rule;
  const aliases = [...(meta.hadolint ?? []), ...(meta.buildkit ?? [])];
  const fullDescription = aliases.length > 0 ? `${meta.description} (also known as ${aliases.join(', ')})` : meta.description;
  const properties: Record<string, unknown> = {
    // GitHub treats a rule as a security rule only with the `security` tag (GitHub's SARIF documentation,
    // reportingDescriptor properties).
    tags: [meta.category],
    precision: 'high',
  };
  if (meta.category === 'security') properties['security-severity'] = SECURITY_SEVERITY[meta.severity];
  else properties['problem.severity'] = PROBLEM_SEVERITY[meta.severity];
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: fullDescription },
    help: { text: `${meta.description} See ${ruleDocsUrl(meta.id)}`, markdown: `${meta.description} [Rule documentation](${ruleDocsUrl(meta.id)})` },
    helpUri: ruleDocsUrl(meta.id),
    defaultConfiguration: { level: LEVELS[meta.severity] },
    properties,
  };
}

/** Repo-relative URI with %SRCROOT%, or an absolute file URI for files outside the root. */
function artifactLocation(path: string, rootDir: string): Sarif.ArtifactLocation {
  if (path === '-') return { uri: 'stdin' };
  const absolute = resolve(rootDir, path);
  const relativePath = relative(rootDir, absolute);
  if (relativePath.startsWith('..') || isAbsolute(relativePath)) return { uri: pathToFileURL(absolute).href };
  return { uri: relativePath.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function region(range: Range): Sarif.Region {
  const r = toRegion(range);
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

function instructionText(file: FileReport, finding: Finding): string {
  const lines = (file.text ?? '').split(/\r?\n/).slice(finding.range.start.line, finding.range.end.line + 1);
  return lines.join('\n').replace(/\s+/g, ' ').trim();
}

function fixes(finding: Finding, location: Sarif.ArtifactLocation): Sarif.Fix[] | undefined {
  if (!finding.fix?.edits?.length) return undefined;
  return [
    {
      description: { text: finding.fix.description },
      artifactChanges: [
        {
          artifactLocation: location,
          replacements: finding.fix.edits.map((edit) => ({
            deletedRegion: {
              startLine: edit.range.start.line + 1,
              startColumn: edit.range.start.character + 1,
              endLine: edit.range.end.line + 1,
              endColumn: edit.range.end.character + 1,
            },
            insertedContent: { text: edit.newText },
          })),
        },
      ],
    },
  ];
}

export function toSarif(report: Report): Sarif.Log {
  const rules = report.rules.map(describeRule);
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.meta.id, index]));
  const results: Sarif.Result[] = [];
  for (const file of report.files) {
    const location = artifactLocation(file.path, report.rootDir);
    const hashes = file.text !== null ? lineHashes(file.text) : new Map<number, string>();
    const occurrences = new Map<string, number>();
    for (const finding of file.findings) {
      const rule = report.rules.find((r) => r.meta.id === finding.ruleId);
      // Our own fingerprint: rule + the flagged instruction's text + how many times that pair occurred before.
      const key = `${finding.ruleId}|${instructionText(file, finding)}`;
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);
      const partialFingerprints: Record<string, string> = { [`${TOOL_NAME}/v1`]: `${stableHash(key)}:${occurrence}` };
      const lineHash = hashes.get(finding.range.start.line + 1);
      if (lineHash) partialFingerprints.primaryLocationLineHash = lineHash;
      results.push({
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex.get(finding.ruleId),
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(finding.range) } }],
        relatedLocations:
          finding.related.length > 0
            ? finding.related.map((related, id) => ({
                id,
                physicalLocation: { artifactLocation: location, region: region(related.range) },
                message: { text: related.message },
              }))
            : undefined,
        partialFingerprints,
        fixes: fixes(finding, location),
        properties: { category: rule?.meta.category, severity: finding.severity, ...finding.properties },
      });
    }
  }
  const failed = report.files.filter((file) => file.error !== null);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: VERSION, semanticVersion: VERSION, informationUri: HOMEPAGE, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(report.rootDir + sep).href } },
        invocations: [
          {
            executionSuccessful: failed.length === 0,
            toolExecutionNotifications:
              failed.length > 0 ? failed.map((file) => ({ level: 'error' as const, message: { text: `${file.path}: ${file.error}` } })) : undefined,
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(report: Report): string {
  return `${JSON.stringify(toSarif(report), null, 2)}\n`;
}
