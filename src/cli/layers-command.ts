/**
 * `layerlint layers <Dockerfile>`: print the simulated layer model; with `--changed`/`--since`, the
 * steps a change rebuilds and why (a table, JSON, or findings for SARIF and GitHub annotations).
 */
import { dirname, relative, resolve } from 'node:path';
import { modelDockerfile } from '../lint.js';
import { loadBuildContext, type BuildContext } from '../model/context.js';
import type { LayerModel } from '../model/types.js';
import { predictRebuild, type Builder, type ChangeSet } from '../model/rebuild.js';
import { diffDockerfiles } from '../model/dockerfile-diff.js';
import { needlessReruns } from '../model/needless-reruns.js';
import { parseDockerfile } from '../parse/dockerfile.js';
import { formatLayersJson, formatLayersText } from '../report/layers.js';
import { formatRebuildText, rebuildReport, rebuildToJson, type RebuildReportInput } from '../report/rebuilds.js';
import { formatSarif } from '../report/sarif.js';
import { formatGithub } from '../report/line-formats.js';
import { UserError } from '../util/errors.js';
import { collectChanges } from './changes.js';
import { isStdin, readDockerfile } from './inputs.js';
import { readStepTimings } from './step-timings.js';
import { writeOut } from './terminal.js';

export const LAYERS_FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export interface LayersOptions {
  file: string;
  format: (typeof LAYERS_FORMATS)[number];
  context: string | null;
  target: string | null;
  /** The rebuild prediction: changed paths, a git ref, build args whose value changes. */
  changed: string[];
  since: string | null;
  changedArgs: string[];
  builder: Builder;
  timings: string | null;
  failOnNeedless: boolean;
}

function loadContext(dir: string): BuildContext {
  try {
    return loadBuildContext(dir);
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}

async function model(text: string, options: LayersOptions, context: BuildContext | null): Promise<LayerModel> {
  try {
    return await modelDockerfile(text, options.file, { context, target: options.target });
  } catch (error) {
    if ((error as Error).message.startsWith('target stage')) throw new UserError((error as Error).message);
    throw error;
  }
}

async function runPrediction(text: string, options: LayersOptions): Promise<number> {
  if (isStdin(options.file)) throw new UserError('--changed and --since need the Dockerfile as a file, not standard input');
  // As `docker build` without a context argument would be run next to the Dockerfile.
  const context = loadContext(options.context ?? dirname(options.file));
  const layerModel = await model(text, options, context);
  const collected = collectChanges({ changed: options.changed, since: options.since, context, dockerfilePath: options.file });
  const change: ChangeSet = { files: collected.files, deletedFiles: collected.deletedFiles, args: [...options.changedArgs] };
  if (collected.oldDockerfile !== null) {
    const edits = diffDockerfiles(parseDockerfile(collected.oldDockerfile, options.file), layerModel.parsed);
    change.instructions = edits.instructions;
    change.args = [...new Set([...change.args!, ...edits.args])];
  }
  const skipped = [...collected.skipped];
  if (options.since === null && options.changed.some((path) => resolve(path) === resolve(options.file))) {
    skipped.push(`${options.file}: its own edits are compared only with --since (the old text comes from git)`);
  }
  const prediction = predictRebuild(layerModel, change, options.builder);
  const input: RebuildReportInput = {
    prediction,
    needless: needlessReruns(prediction, context),
    skipped,
    path: relative(process.cwd(), options.file) || options.file,
    timings: options.timings ? readStepTimings(options.timings, layerModel) : null,
  };
  const formats = {
    text: () => formatRebuildText(input),
    json: () => `${JSON.stringify(rebuildToJson(input), null, 2)}\n`,
    sarif: () => formatSarif(rebuildReport(input, text, process.cwd())),
    github: () => formatGithub(rebuildReport(input, text, process.cwd())),
  };
  writeOut(formats[options.format]());
  return options.failOnNeedless && input.needless.length > 0 ? 1 : 0;
}

export async function runLayers(options: LayersOptions): Promise<number> {
  const text = await readDockerfile(options.file);
  if (options.changed.length > 0 || options.since !== null || options.changedArgs.length > 0) return runPrediction(text, options);
  if (options.format === 'sarif' || options.format === 'github') {
    throw new UserError(`--format ${options.format} is for a rebuild prediction: add --changed PATH or --since REF`);
  }
  if (options.failOnNeedless || options.timings)
    throw new UserError(`--${options.failOnNeedless ? 'fail-on-needless' : 'timings'} is for a rebuild prediction: add --changed PATH or --since REF`);
  const context = options.context ? loadContext(options.context) : null;
  const layerModel = await model(text, options, context);
  writeOut(options.format === 'json' ? formatLayersJson(layerModel) : formatLayersText(layerModel));
  return 0;
}
