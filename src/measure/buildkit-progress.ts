/**
 * A BuildKit build's progress stream → build steps: which Dockerfile instruction each vertex is,
 * whether BuildKit took it from its cache, how long it ran, and the output of a step that failed.
 *
 * The Dockerfile frontend names a step's vertex `[<stage> N/M] <instruction as written>` (no stage
 * part in a one-stage file; `stage-K` for an unnamed stage K). N counts the stage's build
 * operations, FROM first; ENV, LABEL, CMD … are no vertices.
 */
import type { Instruction, ParsedDockerfile, Stage } from '../parse/types.js';
import { instructionStepKey, stepTextKey } from '../parse/step-text.js';
import { decodeStatus } from './buildkit-status.js';
import type { BuildEvent, BuildProgress, ProgressSink, StepResult } from './build.js';

const STEP_VERTEX = /^\[(?:(\S+) )?\s*(\d+)\/(\d+)\] ([\s\S]*)$/;
/** Instructions BuildKit's Dockerfile frontend makes build operations of (the vertices it names). */
const OPERATIONS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
/** Output lines kept per step, for the message when it fails. */
const KEPT_OUTPUT_LINES = 12;

function stageOf(parsed: ParsedDockerfile, token: string | undefined): Stage | null {
  if (token === undefined) return parsed.stages.length === 1 ? parsed.stages[0] : null;
  const unnamed = token.match(/^stage-(\d+)$/);
  if (unnamed) return parsed.stages[Number(unnamed[1])] ?? null;
  return parsed.stages.find((stage) => stage.name?.toLowerCase() === token.toLowerCase()) ?? null;
}

/** The instruction a vertex name stands for, or null for BuildKit's own vertices (`[internal] …`, exporting). */
export function instructionForVertex(parsed: ParsedDockerfile, name: string): Instruction | null {
  const match = name.match(STEP_VERTEX);
  if (!match) return null;
  const stage = stageOf(parsed, match[1]);
  if (!stage) return null;
  const number = Number(match[2]);
  if (number === 1) return stage.from;
  const key = stepTextKey(match[4]);
  const byText = stage.instructions.find((instruction) => instructionStepKey(parsed, instruction) === key);
  if (byText) return byText;
  return stage.instructions.filter((instruction) => OPERATIONS.has(instruction.keyword))[number - 2] ?? null;
}

/** Follows a BuildKit build: one step per Dockerfile vertex, in the order they appeared. */
export function buildkitProgress(parsed: ParsedDockerfile, progress: ProgressSink): BuildProgress {
  const steps = new Map<string, StepResult & { started: number | null; completed: number | null }>();
  const output = new Map<string, string[]>();
  let imageId: string | null = null;
  let failure: string | null = null;
  let failedVertex: string | null = null;
  const shown = new Set<string>();
  return {
    onEvent(event: BuildEvent) {
      if (event.error || event.errorDetail) failure = (event.errorDetail?.message ?? event.error ?? 'build failed').trim();
      if (event.id === 'moby.image.id' && typeof event.aux === 'object' && event.aux?.ID) imageId = event.aux.ID;
      if (event.id !== 'moby.buildkit.trace' || typeof event.aux !== 'string') return;
      const status = decodeStatus(event.aux);
      for (const vertex of status.vertexes) {
        const instruction = instructionForVertex(parsed, vertex.name);
        if (!instruction) continue;
        const step = steps.get(vertex.digest) ?? {
          number: steps.size + 1,
          text: vertex.name.replace(/^\[[^\]]*\] /, ''),
          instruction,
          cached: false,
          seconds: 0,
          started: null,
          completed: null,
        };
        step.cached ||= vertex.cached;
        step.started = vertex.started ?? step.started;
        step.completed = vertex.completed ?? step.completed;
        if (step.started !== null && step.completed !== null) step.seconds = Math.max(0, step.completed - step.started) / 1000;
        if (vertex.error) failedVertex = vertex.digest;
        steps.set(vertex.digest, step);
        if (step.started !== null && !shown.has(vertex.digest)) {
          shown.add(vertex.digest);
          const [, , number, total] = vertex.name.match(STEP_VERTEX)!;
          progress.step(Number(number), Number(total), step.text);
        }
      }
      for (const log of status.logs) {
        const lines = [...(output.get(log.vertex) ?? []), ...log.text.split('\n').filter((line) => line.trim() !== '')];
        output.set(log.vertex, lines.slice(-KEPT_OUTPUT_LINES));
      }
    },
    result() {
      const failed = failedVertex !== null ? (steps.get(failedVertex) ?? null) : null;
      return {
        steps: [...steps.values()].map(({ started: _started, completed: _completed, ...step }) => step),
        imageId,
        failure,
        failedInstruction: failed?.instruction ?? null,
        output: failedVertex !== null ? (output.get(failedVertex) ?? []) : [],
      };
    },
  };
}
