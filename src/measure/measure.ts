/**
 * `layerlint measure`: lint, build the image for real, read every layer, and join the two.
 */
import type Docker from 'dockerode';
import type { Finding } from '../core/findings.js';
import type { LayerModel } from '../model/types.js';
import type { BuildContext } from '../model/context.js';
import { analyzeLayers, type ImageAnalysis } from './analysis.js';
import { buildImage, type BuilderKind, type BuildResult, type ProgressSink } from './build.js';
import { readSavedImage, type LayerFiles } from './image-tar.js';
import { mapHistory, type HistoryMapping } from './mapping.js';
import { joinMeasurements } from './join.js';
import { stageChain } from '../parse/dockerfile.js';
import { instructionAsWritten } from '../parse/step-text.js';

export interface MeasureInput {
  docker: Docker;
  model: LayerModel;
  findings: Finding[];
  context: BuildContext;
  dockerfilePath: string;
  tag: string;
  target: string | null;
  buildArgs: Record<string, string>;
  network: string;
  progress: ProgressSink;
  noCache: boolean;
  builder: BuilderKind;
  /** Build the model's text, not the Dockerfile on disk (measure --fix-check's fixed file). */
  fromText?: boolean;
}

export interface InstructionMeasurement {
  line: number;
  text: string;
  keyword: string;
  /** Did it make a filesystem layer in the built image? */
  createsLayer: boolean;
  size: number;
  filesAdded: number;
  filesModified: number;
  filesDeleted: number;
  /** Bytes of earlier layers this instruction's layer deletes or overwrites. */
  bytesHidden: number;
  /** Bytes of its layer still in the image that no program needs (package lists, download caches). */
  avoidableBytes: number;
  largestFiles: { path: string; size: number }[];
}

/** Avoidable bytes by kind, with the Dockerfile line whose layer holds them (null: a base image layer). */
export interface AvoidableBytes {
  what: string;
  line: number | null;
  bytes: number;
  files: number;
}

export interface Measurement {
  imageId: string;
  builder: BuilderKind;
  build: BuildResult;
  analysis: ImageAnalysis;
  mapping: HistoryMapping;
  baseImage: { image: string; size: number; layers: number };
  instructions: InstructionMeasurement[];
  avoidable: AvoidableBytes[];
  findings: Finding[];
  layers: LayerFiles[];
}

export async function measureImage(input: MeasureInput): Promise<Measurement> {
  const build = await buildImage(input.docker, {
    context: input.context,
    dockerfilePath: input.dockerfilePath,
    parsed: input.model.parsed,
    tag: input.tag,
    target: input.target,
    buildArgs: input.buildArgs,
    network: input.network,
    noCache: input.noCache,
    progress: input.progress,
    builder: input.builder,
    fromText: input.fromText,
  });
  const saved = await readSavedImage((await input.docker.getImage(build.imageId).get()) as unknown as import('node:stream').Readable);
  const analysis = analyzeLayers(saved.layers);
  const mapping = mapHistory(input.model, saved.history, saved.layers.length);
  const baseSize = mapping.baseLayers.reduce((sum, index) => sum + analysis.layers[index].size, 0);
  const root = stageChain(input.model.parsed, input.model.targetStage)[0];
  const chainRoot = root === undefined ? '' : (input.model.parsed.stages[root].from.from?.image ?? '');
  const instructions = mapping.instructions.map(({ instruction, layerIndex }): InstructionMeasurement => {
    const layer = layerIndex === null ? null : analysis.layers[layerIndex];
    return {
      line: instruction.range.start.line + 1,
      text: instructionAsWritten(input.model.parsed, instruction),
      keyword: instruction.keyword,
      createsLayer: layer !== null,
      size: layer?.size ?? 0,
      filesAdded: layer?.filesAdded ?? 0,
      filesModified: layer?.filesModified ?? 0,
      filesDeleted: layer?.filesDeleted ?? 0,
      bytesHidden: layer?.bytesHidden ?? 0,
      avoidableBytes: layer?.avoidableBytes ?? 0,
      largestFiles: layer?.largestFiles ?? [],
    };
  });
  return {
    imageId: build.imageId,
    builder: input.builder,
    build,
    analysis,
    mapping,
    baseImage: { image: chainRoot, size: baseSize, layers: mapping.baseLayers.length },
    instructions,
    avoidable: analysis.avoidable.map(({ what, layer, bytes, files }) => {
      const owner = mapping.instructions.find((mapped) => mapped.layerIndex === layer);
      return { what, bytes, files, line: owner ? owner.instruction.range.start.line + 1 : null };
    }),
    findings: joinMeasurements(input.findings, input.model, mapping, analysis, saved.layers),
    layers: saved.layers,
  };
}
