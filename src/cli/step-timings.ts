/**
 * `layers --timings REPORT`: how long each step took in an earlier `layerlint measure --format json`
 * run, matched to the steps of the Dockerfile as it is now by their text (lines move when the file
 * is edited; the text of an unchanged step does not).
 */
import { readFileSync } from 'node:fs';
import type { LayerModel } from '../model/types.js';
import type { StepTimings } from '../report/rebuilds.js';
import { UserError, fileErrorInWords } from '../util/errors.js';
import { instructionStepKey, stepTextKey } from '../parse/step-text.js';

interface MeasuredStep {
  line: number | null;
  text: string;
  cached?: boolean;
  seconds: number;
}

function readMeasuredSteps(path: string): MeasuredStep[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw new UserError(`--timings: '${path}' is not JSON (a report of layerlint measure --format json)`);
    throw new UserError(`--timings: cannot read '${path}' (${fileErrorInWords(error)})`);
  }
  const steps = (json as { buildSteps?: unknown }).buildSteps;
  if (!Array.isArray(steps) || !steps.every((step) => typeof step?.text === 'string' && typeof step?.seconds === 'number')) {
    throw new UserError(`--timings: '${path}' has no step times: use a report of layerlint measure --format json`);
  }
  return steps as MeasuredStep[];
}

export function readStepTimings(path: string, model: LayerModel): StepTimings {
  const unmatched = readMeasuredSteps(path);
  const timings: StepTimings = new Map();
  for (const step of model.steps) {
    const text = instructionStepKey(model.parsed, step.instruction);
    const index = unmatched.findIndex((measured) => stepTextKey(measured.text) === text);
    if (index < 0) continue;
    // A step taken from the cache took no time: its cost is unknown, not zero.
    if (!unmatched[index].cached) timings.set(step.id, unmatched[index].seconds);
    unmatched.splice(index, 1);
  }
  return timings;
}
