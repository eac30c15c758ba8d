/**
 * BuildKit's own verdict on a Dockerfile, from the real engine: the file is sent to `POST /build?version=2`
 * (the engine's embedded BuildKit) with a target that names no stage. BuildKit parses the whole file
 * first: a file it rejects fails with its parse error ("dockerfile parse error line N: …", or, from its
 * line parsers, the message alone), a file it accepts fails only with "target stage … could not be
 * found", so nothing is built and no image is made.
 */
import Docker from 'dockerode';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import tarStream from 'tar-stream';
import { lintText } from '../src/lint.js';

const NO_SUCH_TARGET = 'layerlint-parse-only';

export interface Verdict {
  accepted: boolean;
  /** 1-based line BuildKit names, when it names one. */
  line: number | null;
  message: string;
}

export async function buildkitVerdict(docker: Docker, dockerfile: string): Promise<Verdict> {
  const pack = tarStream.pack();
  pack.entry({ name: 'Dockerfile' }, dockerfile);
  pack.entry({ name: 'a' }, 'a\n');
  pack.finalize();
  const response = await docker.buildImage(
    pack as unknown as NodeJS.ReadableStream,
    {
      version: '2',
      networkmode: 'none',
      target: NO_SUCH_TARGET,
    } as Docker.ImageBuildOptions,
  );
  let message = '';
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      response,
      (error: Error | null) => (error ? reject(error) : resolve()),
      (event: { errorDetail?: { message?: string } }) => {
        if (event.errorDetail?.message) message = event.errorDetail.message;
      },
    );
  });
  if (message === '') throw new Error('the engine built the file: the parse-only target was not honoured');
  // `FROM ${BASE}` with no default for BASE fails after the parse, before the target is looked up: the
  // file parsed, and its build needs `--build-arg BASE=…` (home-assistant's BUILD_FROM).
  const accepted = message.includes(`target stage ${NO_SUCH_TARGET} could not be found`) || /base name \(.*\) should not be blank/.test(message);
  const line = message.match(/dockerfile parse error line (\d+)/);
  return { accepted, line: line ? Number(line[1]) : null, message: message.replace(/^.*LLB definition: /, '') };
}

/**
 * The rules whose findings say "docker build stops here": parse-error, and onbuild-invalid-trigger for
 * the ONBUILD triggers BuildKit refuses (it keeps hadolint's code, DL3043).
 */
const BUILD_STOPPING_RULES = new Set(['parse-error', 'onbuild-invalid-trigger']);

/** The 1-based lines where layerlint says docker build stops. */
export async function layerlintRejectedLines(dockerfile: string): Promise<number[]> {
  const { findings } = await lintText(dockerfile, 'Dockerfile');
  return findings.filter((f) => BUILD_STOPPING_RULES.has(f.ruleId)).map((f) => f.range.start.line + 1);
}

/** Same verdict: both accept, or both reject and layerlint names BuildKit's line (when BuildKit names one). */
export function sameVerdict(buildkit: Verdict, ours: number[]): boolean {
  if (buildkit.accepted) return ours.length === 0;
  return buildkit.line === null ? ours.length > 0 : ours.includes(buildkit.line);
}

export function closeDocker(docker: Docker | undefined): void {
  (docker?.modem as unknown as { agent?: { destroy(): void } } | undefined)?.agent?.destroy();
}

/**
 * The real Dockerfiles to compare: the audit sets (in the repository, with their sources), and every
 * file whose name has `Dockerfile` in it under PARSE_CORPUS when a developer points it at a larger collection.
 */
export function realDockerfiles(): { name: string; text: string }[] {
  const audit = ['test/audit/files', 'test/audit/held-out/files'].flatMap((dir) =>
    readdirSync(dir)
      .sort()
      .map((name) => ({ name, text: readFileSync(join(dir, name, 'Dockerfile'), 'utf8') })),
  );
  const corpus = process.env.PARSE_CORPUS;
  if (!corpus) return audit;
  const found: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.includes('Dockerfile')) found.push({ name: relative(corpus, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(corpus);
  return [...audit, ...found];
}
