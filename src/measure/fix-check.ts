/**
 * `measure --fix-check`: build the Dockerfile as it is and as `lint --fix` would leave it, on the same
 * engine and context, and set the two side by side: image size, wasted (hidden) and avoidable bytes,
 * layers, the steps a source edit re-runs, and the runtime settings. A fix that breaks the build, makes
 * the image bigger or changes what the container runs (CMD, ENTRYPOINT, USER, WORKDIR, ENV, EXPOSE) is
 * a failed fix. The user's files are never touched: the fixed text is only sent to the engine.
 */
import type Docker from 'dockerode';
import type { LayerModel } from '../model/types.js';
import type { FixRecord, RefusedFix } from '../fix/fix-engine.js';
import { BuildFailure } from './build.js';
import { runCacheCheck, type CacheCheckInput } from './cache-check.js';
import { measureImage, type Measurement } from './measure.js';

/** What the container runs with, from the image's config. */
export interface RuntimeSettings {
  cmd: string[] | null;
  entrypoint: string[] | null;
  user: string;
  workdir: string;
  env: string[];
  exposed: string[];
}

export interface FixCheckSide {
  imageId: string;
  size: number;
  wastedBytes: number;
  avoidableBytes: number;
  layers: number;
  buildSeconds: number;
  /** Steps the engine re-ran after a one-line edit of a copied source file; null when none is copied. */
  rebuiltOnSourceEdit: number | null;
  runtime: RuntimeSettings;
}

export interface FixCheck {
  applied: FixRecord[];
  refused: RefusedFix[];
  before: FixCheckSide;
  /** Null when no fix applies, or when the fixed Dockerfile did not build. */
  after: FixCheckSide | null;
  /** Why the fixes failed: the build broke, the image grew, the runtime settings changed. Empty: they held. */
  failures: string[];
}

/** What a cache check needs (the engine, context, build options), with both sides of the fix check. */
export interface FixCheckInput extends Omit<CacheCheckInput, 'model' | 'kinds' | 'fromText'> {
  before: Measurement;
  beforeModel: LayerModel;
  /** The model of the text `lint --fix` gives, with what it applied and refused. */
  fixedModel: LayerModel | null;
  applied: FixRecord[];
  refused: RefusedFix[];
  /** Rebuild after a source edit, on both sides (two more builds each). */
  cacheExperiment: boolean;
}

async function runtimeOf(docker: Docker, imageId: string): Promise<RuntimeSettings> {
  const { Config: config } = await docker.getImage(imageId).inspect();
  return {
    cmd: config.Cmd ?? null,
    entrypoint: (config.Entrypoint as string[] | null | undefined) ?? null,
    user: config.User ?? '',
    workdir: config.WorkingDir ?? '',
    env: [...(config.Env ?? [])].sort(),
    exposed: Object.keys(config.ExposedPorts ?? {}).sort(),
  };
}

async function side(input: FixCheckInput, measurement: Measurement, model: LayerModel, suffix: string): Promise<FixCheckSide> {
  let rebuiltOnSourceEdit: number | null = null;
  if (input.cacheExperiment) {
    const check = await runCacheCheck({ ...input, model, kinds: ['source edit'], fromText: true, tag: (kind) => input.tag(`${suffix}-${kind}`) });
    rebuiltOnSourceEdit = check.runs[0]?.rebuilt.length ?? null;
  }
  return {
    imageId: measurement.imageId,
    size: measurement.analysis.totalSize,
    wastedBytes: measurement.analysis.wastedBytes,
    avoidableBytes: measurement.analysis.avoidableBytes,
    layers: measurement.analysis.layers.length,
    buildSeconds: measurement.build.seconds,
    rebuiltOnSourceEdit,
    runtime: await runtimeOf(input.docker, measurement.imageId),
  };
}

/**
 * A command as the container runs it: `["/bin/sh", "-c", "python app.py"]` and `["python", "app.py"]`
 * start the same program with the same arguments, the first under a shell (which the exec-form fixes
 * remove on purpose). A script with shell syntax is kept as it is.
 */
function asRun(value: RuntimeSettings[keyof RuntimeSettings]): unknown {
  if (!Array.isArray(value) || value.length !== 3 || value[0] !== '/bin/sh' || value[1] !== '-c') return value;
  return /[$`|&;<>()*?[\]{}~"'\\#=]/.test(value[2]) ? value : value[2].trim().split(/\s+/);
}

const RUNTIME_NAMES: Record<keyof RuntimeSettings, string> = {
  cmd: 'CMD',
  entrypoint: 'ENTRYPOINT',
  user: 'USER',
  workdir: 'WORKDIR',
  env: 'ENV',
  exposed: 'EXPOSE',
};

export async function runFixCheck(input: FixCheckInput): Promise<FixCheck> {
  const before = await side(input, input.before, input.beforeModel, 'before');
  const check: FixCheck = { applied: input.applied, refused: input.refused, before, after: null, failures: [] };
  if (!input.fixedModel) return check;
  let measured: Measurement;
  try {
    measured = await measureImage({
      docker: input.docker,
      model: input.fixedModel,
      findings: [],
      context: input.context,
      dockerfilePath: input.dockerfilePath,
      tag: input.tag('fixed'),
      target: input.target,
      buildArgs: input.buildArgs,
      network: input.network,
      progress: input.progress,
      noCache: false,
      builder: input.builder,
      fromText: true,
    });
  } catch (error) {
    if (!(error instanceof BuildFailure)) throw error;
    const line = error.instruction ? ` at line ${error.instruction.range.start.line + 1} of the fixed Dockerfile` : '';
    check.failures.push(`the fixed Dockerfile does not build${line}: ${error.message.split('\n')[0]}`);
    return check;
  }
  const after = await side(input, measured, input.fixedModel, 'after');
  check.after = after;
  if (after.size > before.size) check.failures.push(`the fixed image is bigger (${after.size} B against ${before.size} B)`);
  for (const key of Object.keys(RUNTIME_NAMES) as (keyof RuntimeSettings)[]) {
    if (JSON.stringify(asRun(after.runtime[key])) !== JSON.stringify(asRun(before.runtime[key]))) {
      check.failures.push(
        `the fixed image's ${RUNTIME_NAMES[key]} differs: ${JSON.stringify(before.runtime[key])} before, ${JSON.stringify(after.runtime[key])} after`,
      );
    }
  }
  return check;
}
