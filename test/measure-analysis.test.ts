import { describe, expect, test } from '@jest/globals';
import { analyzeLayers } from '../src/measure/analysis.js';
import type { LayerFiles } from '../src/measure/image-tar.js';

function layer(files: Record<string, number>, whiteouts: string[] = [], opaqueDirs: string[] = []): LayerFiles {
  // `name/` is a folder, `name@` a symlink, anything else a regular file of that size.
  const kindOf = (path: string) => (path.endsWith('/') ? ('dir' as const) : path.endsWith('@') ? ('link' as const) : ('file' as const));
  const entries = new Map(Object.entries(files).map(([path, size]) => [path.replace(/[/@]$/, ''), { size, kind: kindOf(path) }]));
  return { archivePath: 'x', entries, whiteouts, opaqueDirs };
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
    const tree = analyzeLayers([layer({ 'd/': 0, 'd/a': 1, 'd/b/c': 2, e: 4 }), layer({}, ['d'])]);
    expect(tree.wastedBytes).toBe(3);
    const opaque = analyzeLayers([layer({ 'd/a': 1, 'd/b': 2 }), layer({ 'd/new': 7 }, [], ['d'])]);
    expect(opaque.wastedBytes).toBe(3);
    expect(opaque.layers[1].filesAdded).toBe(1);
  });

  test('nothing stored twice: no waste, efficiency 1', () => {
    // A folder listed again in a higher layer (as every layer that writes below it does) hides nothing.
    const result = analyzeLayers([layer({ 'a/': 0, 'a/x': 1 }), layer({ b: 2, 'a/': 0 })]);
    expect(result.wastedBytes).toBe(0);
    expect(result.efficiency).toBe(1);
    expect(result.layers[1].largestFiles).toEqual([{ path: 'b', size: 2 }]);
  });

  test('a file replaced by a symlink or a folder, or a folder by a file, hides the old bytes as a deletion does', () => {
    // `ln -sf /usr/bin/real big` over a 4 MiB file.
    const symlink = analyzeLayers([layer({ big: 4_194_304 }), layer({ 'big@': 0 })]);
    expect(symlink.wastedBytes).toBe(4_194_304);
    expect(symlink.layers[1]).toMatchObject({ bytesHidden: 4_194_304, filesModified: 1 });
    expect(symlink.inefficiencies[0]).toMatchObject({ path: 'big', wastedBytes: 4_194_304 });
    expect(analyzeLayers([layer({ conf: 10 }), layer({ 'conf/': 0, 'conf/a': 1 })]).wastedBytes).toBe(10);
    const folderToFile = analyzeLayers([layer({ 'cache/': 0, 'cache/a': 5, 'cache/sub/b': 6, keep: 1 }), layer({ cache: 2 })]);
    expect(folderToFile.wastedBytes).toBe(11);
    expect(folderToFile.layers[1].filesDeleted).toBe(2);
  });

  test('deleting a folder costs what it holds: its files are found through the folder index, listed folders or not', () => {
    const files: Record<string, number> = {};
    for (let i = 0; i < 3000; i++) files[`app/node_modules/p${i % 30}/f${i}.js`] = 1;
    const deleted = analyzeLayers([layer({ ...files, 'usr/bin/sh': 9 }), layer({}, ['app/node_modules'])]);
    expect(deleted.wastedBytes).toBe(3000);
    expect(deleted.layers[1].filesDeleted).toBe(3000);
    // Files added again after the deletion are visible, and a second deletion hides only them.
    const again = analyzeLayers([layer(files), layer({}, ['app']), layer({ 'app/node_modules/p0/f0.js': 5 }), layer({}, ['app/node_modules/p0'])]);
    expect(again.layers[3].bytesHidden).toBe(5);
  });

  test('avoidable bytes: package lists and download caches still visible, by kind and by the layer that wrote them', () => {
    const result = analyzeLayers([
      layer({ 'usr/bin/apt': 100 }),
      layer({ 'var/lib/apt/lists/deb.debian.org_dists_bookworm_InRelease': 150, 'var/lib/apt/lists/lock': 0, 'usr/bin/curl': 50 }),
      layer({ 'root/.cache/pip/http/a': 30, 'home/app/.npm/_cacache/index': 20, 'app/node_modules/x.js': 5 }),
      // A later RUN deleting the lists makes them wasted, not avoidable.
      layer({ 'var/lib/apt/lists/partial/x': 7 }),
      layer({}, ['var/lib/apt/lists/partial']),
    ]);
    expect(result.avoidableBytes).toBe(200);
    expect(result.avoidable).toEqual([
      { what: 'apt package lists', layer: 1, bytes: 150, files: 1 },
      { what: 'pip cache', layer: 2, bytes: 30, files: 1 },
      { what: 'npm cache', layer: 2, bytes: 20, files: 1 },
    ]);
    expect(result.layers.map((l) => l.avoidableBytes)).toEqual([0, 150, 50, 0, 0]);
    expect(result.wastedBytes).toBe(7);
  });
});
