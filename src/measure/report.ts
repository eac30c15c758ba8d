/**
 * Reports of a measurement: text (a per-instruction size chart with bars) and JSON; the HTML page
 * is src/measure/report-html.ts.
 */
import type { Finding } from '../core/findings.js';
import { formatBytes } from '../util/bytes.js';
import type { Measurement } from './measure.js';
import type { CacheCheck } from './cache-check.js';

const BAR_WIDTH = 30;

function bar(size: number, max: number): string {
  if (max === 0 || size === 0) return '';
  return '█'.repeat(Math.max(1, Math.round((size / max) * BAR_WIDTH)));
}

export function measuredText(finding: Finding): string {
  if (finding.properties.measuredWastedBytes === undefined) return '';
  return finding.properties.confirmed
    ? ` [measured: ${formatBytes(finding.properties.measuredWastedBytes as number)} wasted]`
    : ' [not confirmed by the build]';
}

/** The findings that cost the most measured bytes first (that is where to start), then by line. */
export function findingsByBytes(findings: Finding[]): Finding[] {
  const measured = (f: Finding) => (f.properties.confirmed ? (f.properties.measuredWastedBytes as number) : 0);
  return [...findings].sort((a, b) => measured(b) - measured(a) || a.range.start.line - b.range.start.line);
}

export function formatMeasureText(path: string, m: Measurement, cacheCheck: CacheCheck | null): string {
  const out: string[] = [];
  const own = m.instructions.reduce((sum, i) => sum + i.size, 0);
  out.push(`${path}: image ${m.imageId.replace(/^sha256:/, '').slice(0, 12)}, ${formatBytes(m.analysis.totalSize)} in ${m.analysis.layers.length} layers`);
  out.push(
    `  base image ${m.baseImage.image || '(scratch)'}: ${formatBytes(m.baseImage.size)} in ${m.baseImage.layers} layer(s); this Dockerfile adds ${formatBytes(own)}`,
  );
  out.push(
    `  wasted: ${formatBytes(m.analysis.wastedBytes)} (bytes stored in a layer but deleted or overwritten above it); efficiency ${(m.analysis.efficiency * 100).toFixed(1)} %`,
  );
  if (m.analysis.avoidableBytes > 0) {
    const where = m.avoidable
      .slice(0, 3)
      .map((a) => `${a.what} ${formatBytes(a.bytes)} ${a.line === null ? 'from the base image' : `by line ${a.line}`}`)
      .join(', ');
    out.push(`  avoidable: ${formatBytes(m.analysis.avoidableBytes)} (package lists and caches still in the image: ${where})`);
  }
  out.push(
    `  build: ${m.build.seconds.toFixed(1)} s with ${m.builder === 'buildkit' ? 'BuildKit' : 'the classic builder'}${m.build.steps.length > 0 && m.build.steps.every((step) => step.cached || step.instruction?.keyword === 'FROM') ? ' (every step from its cache)' : ''}`,
  );
  if (!m.mapping.aligned) out.push('  note: the image history could not be matched to the Dockerfile line by line; per-instruction figures are partial');
  out.push('');
  const max = Math.max(0, ...m.instructions.map((i) => i.size));
  const width = Math.min(44, Math.max(12, ...m.instructions.map((i) => i.text.length)));
  for (const i of m.instructions) {
    const text = i.text.length > width ? `${i.text.slice(0, width - 1)}…` : i.text.padEnd(width);
    const size = i.createsLayer ? formatBytes(i.size).padStart(9) : '   (none)';
    const hidden =
      (i.bytesHidden > 0 ? `  hides ${formatBytes(i.bytesHidden)} below` : '') + (i.avoidableBytes > 0 ? `  ${formatBytes(i.avoidableBytes)} avoidable` : '');
    out.push(`  ${String(i.line).padStart(4)}  ${text}  ${size}  ${bar(i.size, max)}${hidden}`);
  }
  if (m.analysis.inefficiencies.length > 0) {
    out.push('', '  wasted by path:');
    for (const item of m.analysis.inefficiencies.slice(0, 10)) out.push(`    ${formatBytes(item.wastedBytes).padStart(9)}  /${item.path}`);
  }
  if (m.findings.length > 0) {
    out.push('', '  findings:');
    for (const f of findingsByBytes(m.findings))
      out.push(`    ${path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId} ${f.message}${measuredText(f)}`);
  }
  if (cacheCheck) out.push('', ...formatCacheCheck(cacheCheck));
  return `${out.join('\n')}\n`;
}

function formatCacheCheck(check: CacheCheck): string[] {
  const out = ['  cache check (each edit rebuilt with the cache of the first build):'];
  for (const run of check.runs) {
    out.push(
      `    ${run.change}: ${run.rebuilt.length} step(s) rebuilt in ${run.seconds.toFixed(1)} s${run.matchesPrediction ? ', as the layer model predicted' : ''}`,
    );
    for (const step of run.steps.filter((s) => s.rebuilt || s.predicted)) {
      const mark = step.rebuilt === step.predicted ? '' : step.rebuilt ? '  (model said: cached)' : '  (model said: rebuilt)';
      out.push(`      ${String(step.line).padStart(4)}  ${step.rebuilt ? 'rebuilt' : 'cached '}  ${step.text}${mark}`);
    }
  }
  if (check.skipped.length > 0) for (const reason of check.skipped) out.push(`    skipped: ${reason}`);
  return out;
}

export function measurementToJson(path: string, m: Measurement, cacheCheck: CacheCheck | null) {
  return {
    formatVersion: 1,
    path,
    builder: m.builder,
    image: {
      id: m.imageId,
      sizeBytes: m.analysis.totalSize,
      wastedBytes: m.analysis.wastedBytes,
      avoidableBytes: m.analysis.avoidableBytes,
      efficiency: m.analysis.efficiency,
      buildSeconds: m.build.seconds,
      base: { image: m.baseImage.image, sizeBytes: m.baseImage.size, layers: m.baseImage.layers },
      historyAligned: m.mapping.aligned,
    },
    instructions: m.instructions,
    /** Each step of the build as the engine ran it, with its wall time (what `layers --timings` reads). */
    buildSteps: m.build.steps.map((step) => ({
      line: step.instruction ? step.instruction.range.start.line + 1 : null,
      text: step.text,
      cached: step.cached,
      seconds: step.seconds,
    })),
    layers: m.analysis.layers.map((l) => ({
      index: l.index,
      sizeBytes: l.size,
      filesAdded: l.filesAdded,
      filesModified: l.filesModified,
      filesDeleted: l.filesDeleted,
      bytesHidden: l.bytesHidden,
      bytesLaterHidden: l.bytesLaterHidden,
      largestFiles: l.largestFiles,
    })),
    inefficiencies: m.analysis.inefficiencies,
    avoidable: m.avoidable,
    findings: m.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      message: f.message,
      properties: f.properties,
    })),
    cacheCheck,
  };
}
