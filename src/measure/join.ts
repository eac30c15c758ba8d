/**
 * Static findings + measured layers: each size finding gets the bytes it really wastes
 * (`properties.measuredWastedBytes`) or is marked not confirmed.
 */
import type { Finding } from '../core/findings.js';
import type { LayerModel } from '../model/types.js';
import { pathsOverlap } from '../util/paths.js';
import type { ImageAnalysis } from './analysis.js';
import type { LayerFiles } from './image-tar.js';
import type { HistoryMapping } from './mapping.js';

export const MEASURED_RULES = ['cleanup-in-separate-layer', 'package-cache-left', 'archive-copied-then-extracted', 'permission-change-separate-layer'];

function layerAtLine(mapping: HistoryMapping, line: number): number | null {
  const mapped = mapping.instructions.find((m) => m.instruction.range.start.line <= line && m.instruction.range.end.line >= line);
  return mapped?.layerIndex ?? null;
}

/** Bytes of files in a layer at or below `path` (an absolute image path, globs allowed). */
function bytesUnder(layer: LayerFiles, path: string): number {
  let total = 0;
  for (const [entryPath, entry] of layer.entries)
    if (entry.kind === 'file' && pathsOverlap(`/${entryPath}`, path) && `/${entryPath}`.length >= path.replace(/\/\*$/, '').length) total += entry.size;
  return total;
}

function measure(finding: Finding, model: LayerModel, mapping: HistoryMapping, analysis: ImageAnalysis, layers: LayerFiles[]): number | null {
  const layer = layerAtLine(mapping, finding.range.start.line);
  switch (finding.ruleId) {
    case 'cleanup-in-separate-layer': {
      if (layer === null) return 0;
      const deleted = (finding.properties.deletedPaths as string[] | undefined) ?? [];
      return analysis.layers[layer].hiddenPaths
        .filter((hidden) => hidden.how === 'deleted' && deleted.some((path) => pathsOverlap(`/${hidden.path}`, path)))
        .reduce((sum, hidden) => sum + hidden.size, 0);
    }
    case 'package-cache-left': {
      const cache = finding.properties.cachePath as string | undefined;
      return layer === null || !cache ? 0 : bytesUnder(layers[layer], cache);
    }
    case 'permission-change-separate-layer':
      return layer === null ? 0 : analysis.layers[layer].hiddenPaths.filter((h) => h.how === 'overwritten').reduce((sum, h) => sum + h.size, 0);
    case 'archive-copied-then-extracted': {
      const copyLine = finding.related[0]?.range.start.line;
      const copyLayer = copyLine === undefined ? null : layerAtLine(mapping, copyLine);
      const step = model.steps.find((s) => s.instruction.range.start.line === copyLine);
      if (copyLayer === null || !step?.copy) return 0;
      const archives = step.copy.sources.map((s) => s.path.split('/').pop()!);
      let total = 0;
      for (const [path, entry] of layers[copyLayer].entries) if (entry.kind === 'file' && archives.some((name) => path.endsWith(name))) total += entry.size;
      return total;
    }
    default:
      return null;
  }
}

/** Copies of the findings with measured bytes attached to the ones measure can check. */
export function joinMeasurements(findings: Finding[], model: LayerModel, mapping: HistoryMapping, analysis: ImageAnalysis, layers: LayerFiles[]): Finding[] {
  return findings.map((finding) => {
    if (!MEASURED_RULES.includes(finding.ruleId) || !mapping.aligned) return finding;
    const bytes = measure(finding, model, mapping, analysis, layers) ?? 0;
    return { ...finding, properties: { ...finding.properties, measuredWastedBytes: bytes, confirmed: bytes > 0 } };
  });
}
