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
import { VisibleTree, type Visible } from './visible-tree.js';
import { leftoverKind } from './leftovers.js';

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
  /** Bytes of this layer still in the image that no program needs: package lists and caches (src/measure/leftovers.ts). */
  avoidableBytes: number;
  /** Lower-layer paths this layer hides, with the bytes each held. */
  hiddenPaths: { path: string; size: number; fromLayer: number; how: 'deleted' | 'overwritten' }[];
  largestFiles: LargeFile[];
}

export interface ImageAnalysis {
  layers: LayerAnalysis[];
  totalSize: number;
  wastedBytes: number;
  efficiency: number;
  /** Visible bytes no program needs (package lists, download caches), by kind and by the layer that wrote them. */
  avoidableBytes: number;
  avoidable: { what: string; layer: number; bytes: number; files: number }[];
  /** The paths wasting the most, summed over all their hidden copies. */
  inefficiencies: { path: string; wastedBytes: number; copies: number }[];
}

const LARGEST_PER_LAYER = 5;

/** Keep the LARGEST_PER_LAYER largest files seen, largest first (no sort of a whole layer's listing). */
function keepLargest(largest: LargeFile[], path: string, size: number): void {
  if (largest.length === LARGEST_PER_LAYER && size <= largest[largest.length - 1].size) return;
  let at = largest.findIndex((file) => size > file.size);
  if (at < 0) at = largest.length;
  largest.splice(at, 0, { path, size });
  if (largest.length > LARGEST_PER_LAYER) largest.pop();
}

export function analyzeLayers(layers: LayerFiles[]): ImageAnalysis {
  const visible = new VisibleTree();
  // Most paths have one size in the whole image: a number until a second one comes (fewer arrays to collect).
  const sizesByPath = new Map<string, number | number[]>();
  const result: LayerAnalysis[] = layers.map((_, index) => ({
    index,
    size: 0,
    filesAdded: 0,
    filesModified: 0,
    filesDeleted: 0,
    bytesHidden: 0,
    bytesLaterHidden: 0,
    avoidableBytes: 0,
    hiddenPaths: [],
    largestFiles: [],
  }));
  const recordSize = (path: string, size: number) => {
    const sizes = sizesByPath.get(path);
    if (sizes === undefined) sizesByPath.set(path, size);
    else if (typeof sizes === 'number') sizesByPath.set(path, [sizes, size]);
    else sizes.push(size);
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
  /** Hide what is below `root` (and `root` itself when it is deleted, not only made opaque). */
  const removeTree = (layer: number, root: string, includeRoot: boolean) => {
    // Most whiteouts name one file: nothing is below it to look for.
    const isLeaf = (kind: string | undefined) => kind === 'file' || kind === 'link' || kind === 'other';
    if (!isLeaf(visible.get(root)?.kind)) for (const [path, entry] of visible.takeBelow(root)) hide(layer, path, entry, 'deleted');
    const rootEntry = includeRoot ? visible.get(root) : undefined;
    if (rootEntry) {
      hide(layer, root, rootEntry, 'deleted');
      visible.delete(root);
    }
  };

  layers.forEach((layer, index) => {
    for (const dir of layer.opaqueDirs) removeTree(index, dir, false);
    for (const path of layer.whiteouts) removeTree(index, path, true);
    const largest: LargeFile[] = [];
    for (const [path, entry] of layer.entries) {
      const lower = visible.get(path);
      if (entry.kind === 'file') {
        result[index].size += entry.size;
        keepLargest(largest, path, entry.size);
        recordSize(path, entry.size);
      }
      if (lower?.kind === 'file') {
        // A file replaced by a file, a symlink or a folder: the old bytes stay in the lower layer.
        result[index].filesModified++;
        hide(index, path, lower, 'overwritten');
        if (entry.kind !== 'file') recordSize(path, 0);
      } else if (entry.kind === 'file') result[index].filesAdded++;
      // A folder replaced by a file or a symlink: everything that was below it is gone.
      if (lower?.kind === 'dir' && entry.kind !== 'dir') removeTree(index, path, false);
      // A directory entry re-listed in a higher layer does not hide the files under it.
      if (entry.kind !== 'dir' || !lower) visible.set(path, { size: entry.size, layer: index, kind: entry.kind });
    }
    result[index].largestFiles = largest;
  });

  let cumulative = 0;
  let minimum = 0;
  const inefficiencies: ImageAnalysis['inefficiencies'] = [];
  for (const [path, sizes] of sizesByPath) {
    if (typeof sizes === 'number') {
      cumulative += sizes;
      minimum += sizes;
      continue;
    }
    const sum = sizes.reduce((a, b) => a + b, 0);
    cumulative += sum;
    minimum += Math.min(...sizes);
    const last = visible.get(path);
    const wasted = sum - (last?.kind === 'file' ? last.size : 0);
    if (wasted > 0) inefficiencies.push({ path, wastedBytes: wasted, copies: sizes.filter((s) => s > 0).length });
  }
  const avoidable = new Map<string, ImageAnalysis['avoidable'][number]>();
  for (const [path, entry] of visible.all()) {
    if (entry.kind !== 'file' || entry.size === 0) continue;
    const what = leftoverKind(path);
    if (!what) continue;
    const key = `${entry.layer}|${what}`;
    const item = avoidable.get(key) ?? { what, layer: entry.layer, bytes: 0, files: 0 };
    item.bytes += entry.size;
    item.files++;
    avoidable.set(key, item);
    result[entry.layer].avoidableBytes += entry.size;
  }
  const totalSize = result.reduce((sum, layer) => sum + layer.size, 0);
  return {
    layers: result,
    totalSize,
    wastedBytes: result.reduce((sum, layer) => sum + layer.bytesHidden, 0),
    avoidableBytes: result.reduce((sum, layer) => sum + layer.avoidableBytes, 0),
    avoidable: [...avoidable.values()].sort((a, b) => b.bytes - a.bytes),
    efficiency: cumulative === 0 ? 1 : minimum / cumulative,
    inefficiencies: inefficiencies.sort((a, b) => b.wastedBytes - a.wastedBytes).slice(0, 20),
  };
}
