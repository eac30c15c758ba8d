/**
 * `measure` on a realistic Debian base (layerlint-debian:bookworm, made offline with debootstrap by
 * scripts/debian-base-setup.sh) with apt run inside the build (--network host). Every figure is
 * checked against the image the engine built, read independently: `docker save` unpacked and each
 * layer listed by GNU tar, not by our tar reader.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEBIAN_BASE, describeWithDebianBase, lockEngine } from './engine-available.js';

const root = new URL('..', import.meta.url).pathname;
const BASE = DEBIAN_BASE;
const describeDebian = describeWithDebianBase('measure-debian');

interface TarEntry {
  size: number;
  type: string;
}
interface LayerListing {
  files: Map<string, TarEntry>;
  whiteouts: string[];
  opaque: string[];
}

/** The image's layers as GNU tar lists them (`tar -tvf`), from `docker save`. */
function listImageLayers(image: string): LayerListing[] {
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-save-'));
  try {
    const saved = spawnSync('sh', ['-c', `docker save "$1" | tar -x -C "$2"`, 'sh', image, dir], { encoding: 'utf8' });
    if (saved.status !== 0) throw new Error(saved.stderr);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { Layers: string[] }[];
    return manifest[0].Layers.map((layer) => {
      const listing: LayerListing = { files: new Map(), whiteouts: [], opaque: [] };
      const out = spawnSync('tar', ['--numeric-owner', '-tvf', join(dir, layer)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout;
      for (const line of out.split('\n').filter(Boolean)) {
        // -rw-r--r-- 0/0   12345 2026-12-06 17:00 var/lib/apt/lists/x  (links: "a -> b")
        const match = line.match(/^(\S)\S*\s+\S+\s+(\d+)\s+\S+\s+\S+\s+(.*?)(?: -> .*| link to .*)?$/);
        if (!match) continue;
        const path = match[3].replace(/^\.\//, '').replace(/\/$/, '');
        const name = path.split('/').pop()!;
        if (name === '.wh..wh..opq') listing.opaque.push(path.slice(0, -'/.wh..wh..opq'.length));
        else if (name.startsWith('.wh.')) listing.whiteouts.push(path.replace(/\.wh\.([^/]*)$/, '$1'));
        else listing.files.set(path, { size: Number(match[2]), type: match[1] });
      }
      return listing;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bytes of lower regular files that layer `k` hides (deletes or replaces), each path's topmost copy below k. */
function hiddenBy(layers: LayerListing[], k: number): number {
  const topmost = new Map<string, TarEntry>();
  for (const layer of layers.slice(0, k)) {
    for (const dir of layer.opaque) for (const path of [...topmost.keys()]) if (path.startsWith(`${dir}/`)) topmost.delete(path);
    for (const gone of layer.whiteouts) for (const path of [...topmost.keys()]) if (path === gone || path.startsWith(`${gone}/`)) topmost.delete(path);
    for (const [path, entry] of layer.files) topmost.set(path, entry);
  }
  let hidden = 0;
  const upper = layers[k];
  for (const [path, entry] of topmost) {
    if (entry.type !== '-') continue;
    const replaced = upper.files.has(path);
    const deleted = upper.whiteouts.some((gone) => path === gone || path.startsWith(`${gone}/`)) || upper.opaque.some((dir) => path.startsWith(`${dir}/`));
    if (replaced || deleted) hidden += entry.size;
  }
  return hidden;
}

const bytesUnder = (layer: LayerListing, prefix: string) =>
  [...layer.files].filter(([path, entry]) => entry.type === '-' && path.startsWith(prefix)).reduce((sum, [, entry]) => sum + entry.size, 0);

describeDebian('measure on a realistic Debian base with apt (real engine, both builders where the Dockerfile allows)', () => {
  let unlockEngine = () => {};
  const dirs: string[] = [];

  beforeAll(async () => {
    unlockEngine = await lockEngine();
  }, 600_000);

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    unlockEngine();
  });

  /** Measure a Dockerfile, keep the image long enough to list it with GNU tar, then remove it. */
  function measureKept(dockerfile: string, builder: string) {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-debian-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'Dockerfile'), dockerfile);
    const result = spawnSync(
      process.execPath,
      [join(root, 'bin/layerlint'), 'measure', '--context', dir, '--network', 'host', '--format', 'json', '-q', '--keep', '--builder', builder],
      { encoding: 'utf8', timeout: 600_000 },
    );
    if (result.status !== 0) throw new Error(`measure exited ${result.status}: ${result.stderr}`);
    const tag = result.stderr.match(/as (layerlint-measure:\S+)/)![1];
    try {
      return { report: JSON.parse(result.stdout), layers: listImageLayers(tag) };
    } finally {
      spawnSync('docker', ['rmi', '-f', tag]);
    }
  }

  test.each(['buildkit', 'classic'])('apt lists kept (%s): avoidable bytes are the lists the engine stored, attributed to their line', (builder) => {
    const { report, layers } = measureKept(`FROM ${BASE}\nRUN apt-get update\n`, builder);
    const lists = bytesUnder(layers[1], 'var/lib/apt/lists/');
    expect(lists).toBeGreaterThan(1_000_000);
    expect(report.image.avoidableBytes).toBe(lists);
    expect(report.avoidable[0]).toMatchObject({ what: 'apt package lists', line: 2, bytes: lists });
    expect(report.image.avoidableBytes).toBe(report.instructions[0].avoidableBytes);
    expect(report.image.wastedBytes).toBe(0);
  });

  test('apt lists deleted in a later RUN: the same bytes wasted, nothing avoidable', () => {
    const { report, layers } = measureKept(`FROM ${BASE}\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\n`, 'buildkit');
    expect(report.image.wastedBytes).toBe(hiddenBy(layers, 1) + hiddenBy(layers, 2));
    expect(report.instructions[1]).toMatchObject({ line: 3, bytesHidden: hiddenBy(layers, 2) });
    expect(hiddenBy(layers, 2)).toBe(bytesUnder(layers[1], 'var/lib/apt/lists/'));
    expect(report.image.avoidableBytes).toBe(0);
    const finding = report.findings.find((f: { ruleId: string }) => f.ruleId === 'cleanup-in-separate-layer');
    expect(finding.properties).toMatchObject({ confirmed: true, measuredWastedBytes: report.image.wastedBytes });
  });

  test('apt lists cleaned in the same RUN, or kept in a cache mount: nothing wasted, nothing avoidable', () => {
    for (const run of ['RUN apt-get update && rm -rf /var/lib/apt/lists/*', 'RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update']) {
      const { report, layers } = measureKept(`FROM ${BASE}\n${run}\n`, 'buildkit');
      expect(bytesUnder(layers[1], 'var/lib/apt/lists/')).toBe(0);
      expect([report.image.wastedBytes, report.image.avoidableBytes]).toEqual([0, 0]);
    }
  });

  test('a package purged in a later RUN: its files stay in the install layer, counted as the engine stored them', () => {
    const { report, layers } = measureKept(
      `FROM ${BASE}\nRUN apt-get update && apt-get install -y --no-install-recommends hello && rm -rf /var/lib/apt/lists/*\nRUN apt-get purge -y hello\n`,
      'buildkit',
    );
    expect(layers[1].files.get('usr/bin/hello')?.size).toBeGreaterThan(10_000);
    // The install layer hides base files too (dpkg's status, debconf's templates it rewrote): the image's waste is both.
    expect(report.image.wastedBytes).toBe(hiddenBy(layers, 1) + hiddenBy(layers, 2));
    expect(report.instructions[0]).toMatchObject({ line: 2, bytesHidden: hiddenBy(layers, 1) });
    expect(report.instructions[1]).toMatchObject({ line: 3, bytesHidden: hiddenBy(layers, 2) });
    expect(report.inefficiencies.map((item: { path: string }) => item.path)).toContain('usr/bin/hello');
  });
});
