/**
 * What each layer adds, overwrites and deletes, and how many bytes are wasted: bytes in a lower
 * layer that a higher layer deletes (whiteout, opaque directory) or overwrites. They are stored and
 * pulled but unreachable in the running container.
 *
 * Efficiency follows dive's definition (github.com/wagoodman/dive, its image efficiency): for every path,
 * the smallest size it ever had over the sum of all its sizes across layers; 1.0 when nothing is
 * stored twice. Unlike dive's `wastedBytes`, our wasted bytes do not count the surviving copy.
 */
import type { LayerFiles } from './image-tar.js';

export interface LargeFile {
  path: string;
  size: number;
}

export interface LayerAnalysis {
  index: number;
  /** Sum of the sizes of the regular files in the layer tar (dive's layer size). */
  size: number;
  filesAdded: number;
  filesModified: number;
  filesDeleted: number;
  /** Bytes of lower layers this layer hides (by deleting or overwriting). */
  bytesHidden: number;
  /** Bytes of this layer that later layers hide. */
  bytesLaterHidden: number;
  /** Lower-layer paths this layer hides, with the bytes each held. */
  hiddenPaths: { path: string; size: number; fromLayer: number; how: 'deleted' | 'overwritten' }[];
  largestFiles: LargeFile[];
}

export interface ImageAnalysis {
  layers: LayerAnalysis[];
  totalSize: number;
  wastedBytes: number;
  efficiency: number;
  /** The paths wasting the most, summed over all their hidden copies. */
  inefficiencies: { path: string; wastedBytes: number; copies: number }[];
}

const LARGEST_PER_LAYER = 5;

interface Visible {
  size: number;
  layer: number;
  kind: string;
}

function within(path: string, dir: string): boolean {
  return dir === '' || path.startsWith(`${dir}/`);
}

export function analyzeLayers(layers: LayerFiles[]): ImageAnalysis {
  const visible = new Map<string, Visible>();
  const sizesByPath = new Map<string, number[]>();
  const result: LayerAnalysis[] = layers.map((_, index) => ({
    index, size: 0, filesAdded: 0, filesModified: 0, filesDeleted: 0, bytesHidden: 0, bytesLaterHidden: 0, hiddenPaths: [], largestFiles: [],
  }));
  const recordSize = (path: string, size: number) => {
    const sizes = sizesByPath.get(path) ?? [];
    sizes.push(size);
    sizesByPath.set(path, sizes);
  };
  const hide = (layer: number, path: string, entry: Visible, how: 'deleted' | 'overwritten') => {
    if (entry.kind !== 'file') return;
    result[layer].bytesHidden += entry.size;
    result[entry.layer].bytesLaterHidden += entry.size;
    result[layer].hiddenPaths.push({ path, size: entry.size, fromLayer: entry.layer, how });
    if (how === 'deleted') {
      result[layer].filesDeleted++;
      recordSize(path, 0);
    }
  };
  const removeTree = (layer: number, root: string, includeRoot: boolean) => {
    for (const [path, entry] of visible) {
      if ((includeRoot && path === root) || within(path, root)) {
        hide(layer, path, entry, 'deleted');
        visible.delete(path);
      }
    }
  };

  layers.forEach((layer, index) => {
    for (const dir of layer.opaqueDirs) removeTree(index, dir, false);
    for (const path of layer.whiteouts) removeTree(index, path, true);
    const files: LargeFile[] = [];
    for (const [path, entry] of layer.entries) {
      const lower = visible.get(path);
      if (entry.kind === 'file') {
        result[index].size += entry.size;
        files.push({ path, size: entry.size });
        recordSize(path, entry.size);
        if (lower?.kind === 'file') {
          result[index].filesModified++;
          hide(index, path, lower, 'overwritten');
        } else result[index].filesAdded++;
      }
      // A directory entry re-listed in a higher layer does not hide the files under it.
      if (entry.kind !== 'dir' || !lower) visible.set(path, { size: entry.size, layer: index, kind: entry.kind });
    }
    result[index].largestFiles = files.sort((a, b) => b.size - a.size).slice(0, LARGEST_PER_LAYER);
  });

  let cumulative = 0;
  let minimum = 0;
  const inefficiencies: ImageAnalysis['inefficiencies'] = [];
  for (const [path, sizes] of sizesByPath) {
    const sum = sizes.reduce((a, b) => a + b, 0);
    cumulative += sum;
    minimum += Math.min(...sizes);
    if (sizes.length >= 2) {
      const wasted = sum - (visible.get(path)?.kind === 'file' ? visible.get(path)!.size : 0);
      if (wasted > 0) inefficiencies.push({ path, wastedBytes: wasted, copies: sizes.filter((s) => s > 0).length });
    }
  }
  const totalSize = result.reduce((sum, layer) => sum + layer.size, 0);
  return {
    layers: result,
    totalSize,
    wastedBytes: result.reduce((sum, layer) => sum + layer.bytesHidden, 0),
    efficiency: cumulative === 0 ? 1 : minimum / cumulative,
    inefficiencies: inefficiencies.sort((a, b) => b.wastedBytes - a.wastedBytes).slice(0, 20),
  };
}
