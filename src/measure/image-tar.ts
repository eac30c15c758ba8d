/**
 * Read a `docker save` stream without holding it in memory: for every layer keep only the file
 * list (path, size, kind), never file contents. Handles the legacy layout (`<id>/layer.tar`,
 * Docker < 25) and the OCI layout (`blobs/sha256/…`, Docker ≥ 25, possibly gzip-compressed).
 * The layer order comes from manifest.json, which the engine writes last, so every tar is read
 * as it arrives and ordered at the end.
 */
import { createGunzip } from 'node:zlib';
import { PassThrough, type Readable } from 'node:stream';
import tarStream from 'tar-stream';

export interface LayerEntry {
  size: number;
  kind: 'file' | 'dir' | 'link' | 'other';
}

export interface LayerFiles {
  /** Path inside the save archive (`<id>/layer.tar` or `blobs/sha256/<digest>`). */
  archivePath: string;
  /** Regular files, directories and links, by normalised path (`usr/bin/x`). */
  entries: Map<string, LayerEntry>;
  /** Paths deleted by `.wh.<name>` whiteouts. */
  whiteouts: string[];
  /** Directories whose lower content is hidden (`.wh..wh..opq`). */
  opaqueDirs: string[];
}

export interface HistoryEntry {
  created_by?: string;
  empty_layer?: boolean;
  comment?: string;
}

export interface SavedImage {
  layers: LayerFiles[];
  history: HistoryEntry[];
  config: Record<string, unknown>;
}

/** Strip `./` and `/` so `./etc/passwd`, `/etc/passwd` and `etc/passwd` are one path. */
export function normalizeEntryPath(name: string): string {
  return name.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
}

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
const MAX_JSON_BYTES = 16 * 1024 * 1024;

/** What is read here: a Node stream, or a tar-stream (streamx) entry; both pipe and iterate. */
type ByteStream = AsyncIterable<Buffer> & { pipe<T extends NodeJS.WritableStream>(destination: T): T; resume(): unknown };

async function readLayer(stream: ByteStream, archivePath: string): Promise<LayerFiles> {
  const layer: LayerFiles = { archivePath, entries: new Map(), whiteouts: [], opaqueDirs: [] };
  const extract = tarStream.extract();
  stream.pipe(extract as unknown as NodeJS.WritableStream);
  for await (const entry of extract) {
    const { header } = entry;
    const path = normalizeEntryPath(header.name);
    const base = path.slice(path.lastIndexOf('/') + 1);
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (base === OPAQUE) layer.opaqueDirs.push(dir);
    else if (base.startsWith(WHITEOUT)) layer.whiteouts.push(dir ? `${dir}/${base.slice(WHITEOUT.length)}` : base.slice(WHITEOUT.length));
    else if (path !== '') {
      const kind =
        header.type === 'file' || header.type === 'contiguous-file'
          ? 'file'
          : header.type === 'directory'
            ? 'dir'
            : header.type === 'symlink' || header.type === 'link'
              ? 'link'
              : 'other';
      layer.entries.set(path, { size: kind === 'file' ? (header.size ?? 0) : 0, kind });
    }
    entry.resume();
  }
  return layer;
}

async function readJson(stream: ByteStream): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) throw new Error('a JSON file in the image archive is unexpectedly large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Look at the first bytes of a blob and return it as a stream again, with what it is. */
async function sniff(stream: ByteStream): Promise<{ kind: 'gzip' | 'tar' | 'json' | 'other'; stream: Readable }> {
  const head: Buffer[] = [];
  let length = 0;
  const iterator = stream[Symbol.asyncIterator]();
  while (length < 512) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value as Buffer);
    length += (next.value as Buffer).length;
  }
  const first = Buffer.concat(head);
  const rest = new PassThrough();
  rest.write(first);
  (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!rest.write(next.value)) await new Promise((resolve) => rest.once('drain', resolve));
    }
    rest.end();
  })().catch((error) => rest.destroy(error as Error));
  if (first[0] === 0x1f && first[1] === 0x8b) return { kind: 'gzip', stream: rest };
  if (first.length >= 262 && first.subarray(257, 262).toString() === 'ustar') return { kind: 'tar', stream: rest };
  if (first.toString('utf8').trimStart().startsWith('{') || first.toString('utf8').trimStart().startsWith('[')) return { kind: 'json', stream: rest };
  return { kind: 'other', stream: rest };
}

export async function readSavedImage(source: Readable): Promise<SavedImage> {
  const layers = new Map<string, LayerFiles>();
  const jsons = new Map<string, unknown>();
  const extract = tarStream.extract();
  source.pipe(extract as unknown as NodeJS.WritableStream);
  for await (const entry of extract) {
    const name = normalizeEntryPath(entry.header.name);
    if (entry.header.type !== 'file' || entry.header.size === 0) {
      entry.resume();
      continue;
    }
    if (name.endsWith('/layer.tar')) {
      layers.set(name, await readLayer(entry as unknown as ByteStream, name));
    } else if (name.startsWith('blobs/')) {
      const { kind, stream } = await sniff(entry as unknown as ByteStream);
      if (kind === 'gzip') layers.set(name, await readLayer(stream.pipe(createGunzip()) as unknown as ByteStream, name));
      else if (kind === 'tar') layers.set(name, await readLayer(stream as unknown as ByteStream, name));
      else if (kind === 'json') jsons.set(name, await readJson(stream as unknown as ByteStream));
      else stream.resume();
    } else if (name.endsWith('.json')) {
      jsons.set(name, await readJson(entry as unknown as ByteStream));
    } else {
      entry.resume();
    }
  }
  const manifest = (jsons.get('manifest.json') as { Config: string; Layers: string[] }[] | undefined)?.[0];
  if (!manifest) throw new Error('the saved image has no manifest.json');
  const config = (jsons.get(normalizeEntryPath(manifest.Config)) ?? {}) as Record<string, unknown>;
  const ordered = manifest.Layers.map((path) => {
    const layer = layers.get(normalizeEntryPath(path));
    if (!layer) throw new Error(`the saved image lists layer ${path} but does not contain it`);
    return layer;
  });
  return { layers: ordered, history: (config.history as HistoryEntry[] | undefined) ?? [], config };
}
