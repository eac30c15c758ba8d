/**
 * The build context as a tar stream, as `docker build` sends it: the files .dockerignore keeps,
 * read from disk one at a time (never all in memory), plus the Dockerfile itself.
 */
import { createReadStream, lstatSync, readlinkSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import tarStream from 'tar-stream';
import type { BuildContext } from '../model/context.js';

/** Name under which a Dockerfile from outside the context is added. */
export const OUTSIDE_DOCKERFILE_NAME = '.layerlint.Dockerfile';

export interface ContextTar {
  stream: Readable;
  /** The `dockerfile` build option: its path inside the tar. */
  dockerfile: string;
}

function toTarPath(path: string): string {
  return path.split(sep).join('/');
}

/**
 * `replaceDockerfile`: send `dockerfileText` as the Dockerfile even when the context holds the file (a
 * Dockerfile that exists only in memory: the fixed one of `measure --fix-check`); otherwise the file in
 * the context goes as it is on disk, byte for byte.
 */
export function contextTar(context: BuildContext, dockerfilePath: string, dockerfileText: string, replaceDockerfile = false): ContextTar {
  const pack = tarStream.pack();
  const inside = relative(resolve(context.dir), resolve(dockerfilePath));
  const dockerfileInside = !inside.startsWith('..') && !inside.startsWith(sep) && inside !== '';
  const dockerfile = dockerfileInside ? toTarPath(inside) : OUTSIDE_DOCKERFILE_NAME;
  const files = new Set(context.files);
  if (replaceDockerfile) files.delete(dockerfile);
  (async () => {
    for (const file of files) {
      const full = join(context.dir, file);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) {
        pack.entry({ name: file, type: 'symlink', linkname: readlinkSync(full), mode: stat.mode });
        continue;
      }
      if (!stat.isFile()) continue;
      await new Promise<void>((resolveEntry, reject) => {
        const entry = pack.entry({ name: file, size: stat.size, mode: stat.mode, mtime: stat.mtime }, (error) => (error ? reject(error) : resolveEntry()));
        createReadStream(full)
          .on('error', reject)
          .pipe(entry as unknown as NodeJS.WritableStream);
      });
    }
    // Docker always sends the Dockerfile, even when .dockerignore excludes it.
    if (!files.has(dockerfile)) pack.entry({ name: dockerfile, mode: 0o644 }, dockerfileText);
    pack.finalize();
  })().catch((error) => pack.destroy(error as Error));
  return { stream: pack as unknown as Readable, dockerfile };
}
