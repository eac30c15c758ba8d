/** `layerlint measure`: build the image with a real engine and measure every layer. */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { lintText, modelDockerfile } from '../lint.js';
import type Docker from 'dockerode';
import type { Config } from '../core/config.js';
import type { BuilderKind, ProgressSink } from '../measure/build.js';
import type { Measurement } from '../measure/measure.js';
import type { BuildContext } from '../model/context.js';
import type { LayerModel } from '../model/types.js';
import { configLookup } from '../config/config.js';
import { loadBuildContext } from '../model/context.js';
import { allRules } from '../../rules/index.js';
import { formatSarif } from '../report/sarif.js';
import { UserError } from '../util/errors.js';
import { formatBytes, parseBytes } from '../util/bytes.js';
import { readDockerfile } from './inputs.js';
import { writeReport } from './output.js';

export interface MeasureCommandOptions {
  context: string;
  file: string | null;
  target: string | null;
  buildArgs: string[];
  network: string;
  format: 'text' | 'json' | 'sarif';
  output: string | null;
  overwrite: boolean;
  html: string | null;
  cacheCheck: boolean;
  maxWastedBytes: string | null;
  maxAvoidableBytes: string | null;
  minEfficiency: number | null;
  maxImageSize: string | null;
  keep: boolean;
  quiet: boolean;
  noCache: boolean;
  builder: 'auto' | 'buildkit' | 'classic';
  /** Build it as `lint --fix` would leave it too, and compare (src/measure/fix-check.ts). */
  fixCheck?: boolean;
  unsafeFixes?: boolean;
}

function parseBuildArgs(pairs: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UserError(`--build-arg expects KEY=VALUE, got '${pair}'`);
    args[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return args;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function sizeOption(name: string, value: string | null): number | null {
  if (value === null) return null;
  const bytes = parseBytes(value);
  if (bytes === null) throw new UserError(`--${name} expects a size such as 50MB or 20MiB, got '${value}'`);
  return bytes;
}

export async function runMeasure(options: MeasureCommandOptions): Promise<number> {
  // Everything the user got wrong is reported before anything is built.
  const maxWasted = sizeOption('max-wasted-bytes', options.maxWastedBytes);
  const maxAvoidable = sizeOption('max-avoidable-bytes', options.maxAvoidableBytes);
  const maxSize = sizeOption('max-image-size', options.maxImageSize);
  if (options.minEfficiency !== null && !(options.minEfficiency >= 0 && options.minEfficiency <= 1)) {
    throw new UserError(`--min-efficiency expects a ratio from 0 to 1, got ${options.minEfficiency}`);
  }
  const buildArgs = parseBuildArgs(options.buildArgs);
  if (!isDirectory(options.context)) throw new UserError(`the build context '${options.context}' does not exist or is not a directory`);
  const dockerfilePath = options.file ?? join(options.context, 'Dockerfile');
  const text = await readDockerfile(dockerfilePath);
  let context;
  try {
    context = loadBuildContext(options.context, dockerfilePath.split('/').pop());
  } catch (error) {
    throw new UserError((error as Error).message);
  }
  const config = await configLookup({ remember: false }).configFor(dirname(resolve(dockerfilePath)));
  let lint;
  try {
    lint = await lintText(text, dockerfilePath, { config, context, target: options.target });
  } catch (error) {
    if ((error as Error).message.startsWith('target stage')) throw new UserError((error as Error).message);
    throw error;
  }

  const { connectEngine } = await import('../measure/engine.js');
  const { cleanupImages, rememberExistingImages, progressSink, BuildFailure } = await import('../measure/build.js');
  const { measureImage } = await import('../measure/measure.js');
  const { runCacheCheck } = await import('../measure/cache-check.js');
  const { formatMeasureText, measurementToJson } = await import('../measure/report.js');
  const { formatMeasureHtml } = await import('../measure/report-html.js');

  const { chooseBuilder, engineFacts } = await import('../measure/builder-choice.js');

  const docker = await connectEngine();
  const builder = chooseBuilder(options.builder, await engineFacts(docker), lint.model.parsed);
  await rememberExistingImages(docker);
  const { randomBytes } = await import('node:crypto');
  const id = `${process.pid}-${randomBytes(3).toString('hex')}`;
  const tag = `layerlint-measure:${id}`;
  const tags = [tag];
  // One cleanup, whoever asks first: on Ctrl-C both the signal handler and the failed build's `finally`
  // ask, and two cleanups at once made the engine answer "removal … is already in progress".
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      const problems = await cleanupImages(docker, options.keep ? tags.slice(1) : tags, options.keep);
      for (const problem of problems) process.stderr.write(`layerlint: could not remove ${problem}\n`);
    })());
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    process.stderr.write(`\nlayerlint: ${signal}: removing the images this run created\n`);
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = progressSink(process.stderr, options.quiet);
  /** A tag for one more image of this run, removed with the others at the end. */
  const extraTag = (suffix: string) => {
    const extra = `layerlint-measure:${id}-${suffix}`;
    tags.push(extra);
    return extra;
  };
  try {
    let measurement;
    try {
      measurement = await measureImage({
        docker,
        model: lint.model,
        findings: lint.findings,
        context,
        dockerfilePath,
        tag,
        target: options.target,
        buildArgs,
        network: options.network,
        progress,
        noCache: options.noCache,
        builder,
      });
    } catch (error) {
      if (interrupted) return 130;
      if (!(error instanceof BuildFailure)) throw error;
      const where = error.instruction
        ? ` at ${dockerfilePath}:${error.instruction.range.start.line + 1} (${error.instruction.keywordAsWritten} ${error.instruction.argumentsText.replace(/\s+/g, ' ').slice(0, 60)})`
        : '';
      // The step's last output lines first, as `docker build` shows them, then our one-line summary.
      for (const line of error.output) process.stderr.write(`  | ${line}\n`);
      process.stderr.write(`layerlint: build failed${where}: ${error.message.split('\n')[0]}\n`);
      return 1;
    }
    const cacheCheck = options.cacheCheck
      ? await runCacheCheck({
          docker,
          model: lint.model,
          context,
          dockerfilePath,
          target: options.target,
          buildArgs,
          network: options.network,
          progress,
          builder,
          tag: extraTag,
        })
      : null;

    const fixCheck = options.fixCheck
      ? await checkFixes({
          docker,
          text,
          config,
          context,
          dockerfilePath,
          options,
          buildArgs,
          progress,
          builder,
          measurement,
          model: lint.model,
          tag: extraTag,
        })
      : null;
    const { fixCheckHtmlSection, fixCheckToJson, formatFixCheckText } = await import('../measure/fix-check-report.js');

    const rendered =
      options.format === 'json'
        ? `${JSON.stringify({ ...measurementToJson(dockerfilePath, measurement, cacheCheck), ...(fixCheck ? { fixCheck: fixCheckToJson(fixCheck) } : {}) }, null, 2)}\n`
        : options.format === 'sarif'
          ? formatSarif({ files: [{ path: dockerfilePath, text, findings: measurement.findings, error: null }], rules: allRules, rootDir: process.cwd() })
          : formatMeasureText(dockerfilePath, measurement, cacheCheck) + (fixCheck ? formatFixCheckText(fixCheck) : '');
    if (options.output) writeReport(options.output, rendered, options.overwrite);
    else process.stdout.write(rendered);
    if (options.html) writeReport(options.html, formatMeasureHtml(dockerfilePath, measurement, cacheCheck, fixCheckHtmlSection(fixCheck)), options.overwrite);

    const exceeded: string[] = [];
    const { wastedBytes, avoidableBytes, efficiency, totalSize } = measurement.analysis;
    if (maxWasted !== null && wastedBytes > maxWasted)
      exceeded.push(`wasted bytes ${formatBytes(wastedBytes)} exceed --max-wasted-bytes ${formatBytes(maxWasted)}`);
    if (maxAvoidable !== null && avoidableBytes > maxAvoidable)
      exceeded.push(
        `avoidable bytes ${formatBytes(avoidableBytes)} (package lists and caches left in the image) exceed --max-avoidable-bytes ${formatBytes(maxAvoidable)}`,
      );
    if (options.minEfficiency !== null && efficiency < options.minEfficiency)
      exceeded.push(`efficiency ${(efficiency * 100).toFixed(1)} % is below --min-efficiency ${(options.minEfficiency * 100).toFixed(1)} %`);
    if (maxSize !== null && totalSize > maxSize) exceeded.push(`image size ${formatBytes(totalSize)} exceeds --max-image-size ${formatBytes(maxSize)}`);
    for (const failure of fixCheck?.failures ?? []) exceeded.push(`fix check: ${failure}`);
    for (const line of exceeded) process.stderr.write(`layerlint: ${line}\n`);
    if (options.keep) process.stderr.write(`layerlint: kept image ${measurement.imageId} as ${tag}\n`);
    return exceeded.length > 0 ? 1 : 0;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanup();
  }
}

/** `--fix-check`: the fixes `lint --fix` (and, with --unsafe-fixes, the unsafe ones) would make, built and compared. */
async function checkFixes(input: {
  docker: Docker;
  text: string;
  config: Config;
  context: BuildContext;
  dockerfilePath: string;
  options: MeasureCommandOptions;
  buildArgs: Record<string, string>;
  progress: ProgressSink;
  builder: BuilderKind;
  measurement: Measurement;
  model: LayerModel;
  tag: (suffix: string) => string;
}) {
  const { fixText } = await import('../fix/fix-engine.js');
  const { runFixCheck } = await import('../measure/fix-check.js');
  const lintOptions = { config: input.config, context: input.context, target: input.options.target };
  const outcome = await fixText(input.text, async (text) => (await lintText(text, input.dockerfilePath, lintOptions)).findings, {
    unsafe: input.options.unsafeFixes ?? false,
  });
  const fixedModel = outcome.text === input.text ? null : await modelDockerfile(outcome.text, input.dockerfilePath, lintOptions);
  return runFixCheck({
    docker: input.docker,
    before: input.measurement,
    beforeModel: input.model,
    fixedModel,
    applied: outcome.applied,
    refused: outcome.refused,
    context: input.context,
    dockerfilePath: input.dockerfilePath,
    target: input.options.target,
    buildArgs: input.buildArgs,
    network: input.options.network,
    progress: input.progress,
    builder: input.builder,
    tag: input.tag,
    cacheExperiment: true,
  });
}
