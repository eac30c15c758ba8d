/**
 * Run one build through the engine API, with BuildKit (`version=2`: progress as protobuf status
 * messages, src/measure/buildkit-progress.ts) or the classic builder (`Step N/M` lines), show
 * progress, and record every image it creates so cleanup can remove exactly those.
 */
import { appendFileSync } from 'node:fs';
import type Docker from 'dockerode';
import type { ParsedDockerfile, Instruction } from '../parse/types.js';
import type { BuildContext } from '../model/context.js';
import { contextTar } from './context-tar.js';
import { instructionStepKey, stepTextKey } from '../parse/step-text.js';

export interface BuildOptions {
  context: BuildContext;
  dockerfilePath: string;
  parsed: ParsedDockerfile;
  tag: string;
  target: string | null;
  buildArgs: Record<string, string>;
  network: string;
  noCache: boolean;
  progress: ProgressSink;
  builder: BuilderKind;
  /** Build `parsed.text` even where the context holds the Dockerfile (a text that is not on disk). */
  fromText?: boolean;
}

export type BuilderKind = 'buildkit' | 'classic';

export interface StepResult {
  number: number;
  text: string;
  instruction: Instruction | null;
  cached: boolean;
  /** Wall time from this step's start to the next step's (or the build's end). */
  seconds: number;
}

export interface BuildResult {
  imageId: string;
  steps: StepResult[];
  seconds: number;
}

export class BuildFailure extends Error {
  /** The last lines the failing step printed (as `docker build` shows them). */
  constructor(
    message: string,
    readonly instruction: Instruction | null,
    readonly output: string[] = [],
  ) {
    super(message);
  }
}

/** One JSON message of the build endpoint's response. */
export interface BuildEvent {
  id?: string;
  stream?: string;
  aux?: string | { ID?: string };
  error?: string;
  errorDetail?: { message?: string };
}

/** What each builder's progress reader makes of the stream. */
export interface BuildProgress {
  onEvent(event: BuildEvent): void;
  result(): { steps: StepResult[]; imageId: string | null; failure: string | null; failedInstruction: Instruction | null; output: string[] };
}

/** Where progress goes: a live line on a terminal, plain lines elsewhere (CI logs). */
export interface ProgressSink {
  step(number: number, total: number, text: string): void;
  done(): void;
}

export function progressSink(stream: NodeJS.WriteStream, quiet: boolean): ProgressSink {
  if (quiet) return { step() {}, done() {} };
  const live = Boolean(stream.isTTY) && !process.env.CI;
  return {
    step(number, total, text) {
      const line = `[${number}/${total}] ${text.replace(/\s+/g, ' ')}`;
      if (live) stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 100) - 1)}`);
      else stream.write(`layerlint: build ${line}\n`);
    },
    done() {
      if (live) stream.write('\r\x1b[2K');
    },
  };
}

/** Image ids created by builds in this process; removed by cleanupImages(). */
export const createdImages = new Set<string>();
/** Every image that existed before this process built anything: never removed, whatever happens. */
const preexistingImages = new Set<string>();

/** The response stream of the build in progress: destroying it makes the engine cancel the build. */
let activeBuild: NodeJS.ReadableStream | null = null;

export async function rememberExistingImages(docker: Docker): Promise<void> {
  for (const image of await docker.listImages({ all: true })) preexistingImages.add(image.Id.replace(/^sha256:/, ''));
}

function existedBefore(id: string): boolean {
  const short = id.replace(/^sha256:/, '');
  for (const existing of preexistingImages) if (existing.startsWith(short)) return true;
  return false;
}

const STEP = /^Step (\d+)\/(\d+) : (.*)/;
const IMAGE_LINE = /^ ---> ([0-9a-f]{12,64})\s*$/;
/** The classic builder's own lines between a step's output lines. */
const BUILDER_CHATTER = /^ ---> |^Removing intermediate container /;
// ANSI colour codes the classic builder puts around a RUN's stderr.
// eslint-disable-next-line no-control-regex -- ANSI colour codes in the builder's output start with ESC
const ANSI = /\x1b\[[0-9;]*m/g;

/** Step N of the classic builder is the N-th instruction of the file (global ARGs and every FROM included). */
function instructionForStep(parsed: ParsedDockerfile, number: number, text: string): Instruction | null {
  const byOrder = parsed.instructions[number - 1];
  if (byOrder && text.toUpperCase().startsWith(byOrder.keyword)) return byOrder;
  return parsed.instructions.find((i) => instructionStepKey(parsed, i) === stepTextKey(text)) ?? byOrder ?? null;
}

/** Follows a classic build: `Step N/M : TEXT`, `---> Using cache`, ` ---> <image id>`, the step's output lines. */
function classicProgress(parsed: ParsedDockerfile, progress: ProgressSink): BuildProgress {
  const steps: StepResult[] = [];
  let stepStarted = Date.now();
  const closeLastStep = () => {
    const last = steps.at(-1);
    if (last) last.seconds = (Date.now() - stepStarted) / 1000;
    stepStarted = Date.now();
  };
  let imageId: string | null = null;
  let failure: string | null = null;
  let output: string[] = [];
  return {
    onEvent(event) {
      if (event.error || event.errorDetail) failure = (event.errorDetail?.message ?? event.error ?? 'build failed').replace(ANSI, '').trim();
      if (typeof event.aux === 'object' && event.aux?.ID) imageId = event.aux.ID;
      for (const line of (event.stream ?? '').replace(ANSI, '').split('\n')) {
        const step = line.match(STEP);
        if (step) {
          const number = Number(step[1]);
          closeLastStep();
          output = [];
          steps.push({ number, text: step[3], instruction: instructionForStep(parsed, number, step[3]), cached: false, seconds: 0 });
          progress.step(number, Number(step[2]), step[3]);
        } else if (line.includes('---> Using cache') && steps.length > 0) {
          steps[steps.length - 1].cached = true;
        } else {
          // ` ---> <id>` after a step that ran is the image it created; after FROM it is the base image.
          const image = line.match(IMAGE_LINE);
          const last = steps.at(-1);
          if (image && last && !last.cached && !/^from\s/i.test(last.text)) createdImages.add(image[1]);
          else if (!image && !BUILDER_CHATTER.test(line) && line.trim() !== '') output = [...output, line].slice(-12);
        }
      }
    },
    result() {
      closeLastStep();
      return { steps, imageId, failure, failedInstruction: steps.at(-1)?.instruction ?? null, output };
    },
  };
}

export async function buildImage(docker: Docker, options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const tar = contextTar(options.context, options.dockerfilePath, options.parsed.text, options.fromText ?? false);
  let response: NodeJS.ReadableStream;
  try {
    response = await docker.buildImage(tar.stream, {
      t: options.tag,
      dockerfile: tar.dockerfile,
      target: options.target ?? undefined,
      buildargs: options.buildArgs,
      networkmode: options.network,
      nocache: options.noCache,
      rm: true,
      forcerm: true,
      version: options.builder === 'buildkit' ? '2' : '1',
    });
  } catch (error) {
    // The engine answers with an HTTP error before building (e.g. a Dockerfile it cannot parse).
    const message = ((error as { json?: { message?: string } }).json?.message ?? (error as Error).message).trim();
    throw new BuildFailure(message, null);
  }
  activeBuild = response;
  const { buildkitProgress } = await import('./buildkit-progress.js');
  const reader = options.builder === 'buildkit' ? buildkitProgress(options.parsed, options.progress) : classicProgress(options.parsed, options.progress);
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      response,
      (error: Error | null) => (error ? reject(error) : resolve()),
      (event: BuildEvent) => reader.onEvent(event),
    );
  });
  activeBuild = null;
  options.progress.done();
  const { steps, imageId, failure, failedInstruction, output } = reader.result();
  if (imageId) createdImages.add(imageId);
  if (failure !== null || !imageId) throw new BuildFailure(failure ?? 'the engine reported no image id', failedInstruction, output);
  return { imageId, steps, seconds: (Date.now() - started) / 1000 };
}

/**
 * Remove the images this process's builds created (final images, their tags, intermediate layers
 * of the classic builder), never anything that existed before: cached steps reuse images we did not
 * create and are skipped above. Errors are collected, not thrown: cleanup runs on failure paths too.
 */
export async function cleanupImages(docker: Docker, tags: string[], keepIntermediates = false): Promise<string[]> {
  const problems: string[] = [];
  // The ids this process made, for a check on a shared engine that exactly these are gone afterwards
  // (the measure tests set it; other builds on the engine are none of their business).
  const log = process.env.LAYERLINT_CREATED_IMAGES_LOG;
  if (log)
    appendFileSync(
      log,
      [...createdImages]
        .filter((id) => !existedBefore(id))
        .map((id) => `${id}\n`)
        .join(''),
    );
  if (activeBuild) {
    (activeBuild as unknown as { destroy(): void }).destroy();
    activeBuild = null;
  }
  // An interrupted classic build can leave its step container running on one of our images.
  for (const container of await docker.listContainers({ all: true })) {
    const ours = [...createdImages].some((id) => container.ImageID.replace(/^sha256:/, '').startsWith(id.replace(/^sha256:/, '')) || container.Image === id);
    if (!ours) continue;
    try {
      await docker.getContainer(container.Id).remove({ force: true });
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) problems.push(`container ${container.Id.slice(0, 12)}: ${(error as Error).message}`);
    }
  }
  for (const tag of tags) {
    try {
      await docker.getImage(tag).remove({ force: true });
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) problems.push(`${tag}: ${(error as Error).message}`);
    }
  }
  // With --keep the kept image needs its parent chain; removing the other tags already pruned theirs.
  if (keepIntermediates) return problems;
  // Newest first, so children go before their parents.
  for (const id of [...createdImages].reverse()) {
    if (existedBefore(id)) {
      createdImages.delete(id);
      continue;
    }
    try {
      await docker.getImage(id).remove({ force: true });
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status !== 404 && status !== 409) problems.push(`${id}: ${(error as Error).message}`);
    }
    createdImages.delete(id);
  }
  return problems;
}
