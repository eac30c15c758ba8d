import { describe, expect, test } from '@jest/globals';
import { analyzeLayers } from '../src/measure/analysis.js';
import type { LayerFiles } from '../src/measure/image-tar.js';

function layer(files: Record<string, number>, whiteouts: string[] = [], opaqueDirs: string[] = []): LayerFiles {
  const entries = new Map(Object.entries(files).map(([path, size]) => [path, { size, kind: path.endsWith('/') ? 'dir' as const : 'file' as const }]));
  return { archivePath: 'x', entries: new Map([...entries].map(([p, e]) => [p.replace(/\/$/, ''), e])), whiteouts, opaqueDirs };
}

describe('layer analysis (pure, no engine)', () => {
  test('a file deleted in a later layer is wasted; efficiency drops', () => {
    const result = analyzeLayers([layer({ 'bin/sh': 100 }), layer({ big: 5000 }), layer({}, ['big'])]);
    expect(result.wastedBytes).toBe(5000);
    expect(result.layers[2]).toMatchObject({ filesDeleted: 1, bytesHidden: 5000 });
    expect(result.layers[1].bytesLaterHidden).toBe(5000);
    expect(result.efficiency).toBeCloseTo(100 / 5100);
    expect(result.inefficiencies[0]).toEqual({ path: 'big', wastedBytes: 5000, copies: 1 });
  });

  test('an overwritten file wastes the lower copy; the upper one survives', () => {
    const result = analyzeLayers([layer({ 'app/a.txt': 10 }), layer({ 'app/a.txt': 12 })]);
    expect(result.wastedBytes).toBe(10);
    expect(result.layers[1]).toMatchObject({ filesModified: 1, filesAdded: 0 });
  });

  test('deleting a directory hides everything under it; an opaque directory hides lower children only', () => {
    const tree = analyzeLayers([layer({ 'd/': 0, 'd/a': 1, 'd/b/c': 2, 'e': 4 }), layer({}, ['d'])]);
    expect(tree.wastedBytes).toBe(3);
    const opaque = analyzeLayers([layer({ 'd/a': 1, 'd/b': 2 }), layer({ 'd/new': 7 }, [], ['d'])]);
    expect(opaque.wastedBytes).toBe(3);
    expect(opaque.layers[1].filesAdded).toBe(1);
  });

  test('nothing stored twice: no waste, efficiency 1', () => {
    const result = analyzeLayers([layer({ a: 1 }), layer({ b: 2, 'a/': 0 })]);
    expect(result.wastedBytes).toBe(0);
    expect(result.efficiency).toBe(1);
    expect(result.layers[1].largestFiles).toEqual([{ path: 'b', size: 2 }]);
  });
});
