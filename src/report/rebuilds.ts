/**
 * The rebuild prediction (`layerlint layers --changed/--since`) as a table for people, as JSON, and
 * as findings for the lint formats CI reads (SARIF, GitHub annotations): one on the first line each
 * built stage rebuilds from, one on every install a change re-runs for nothing.
 */
import type { Finding } from '../core/findings.js';
import type { Rule } from '../runner/types.js';
import type { RebuildPrediction, StagePrediction, StepPrediction } from '../model/rebuild.js';
import type { NeedlessRerun } from '../model/needless-reruns.js';
import type { Report } from './types.js';
import { instructionText, oneLine } from './layers.js';

/** Seconds each step took in an earlier `measure` build, by step id. */
export type StepTimings = Map<number, number>;

export interface RebuildReportInput {
  prediction: RebuildPrediction;
  needless: NeedlessRerun[];
  /** Changed paths that rebuild nothing, and why. */
  skipped: string[];
  timings: StepTimings | null;
  path: string;
}

const BUILDER_NAMES = { classic: 'the classic builder', buildkit: 'BuildKit' } as const;

/** The two kinds of prediction finding, described like rules so SARIF consumers get their metadata. */
export const REBUILD_CHECKS: Rule[] = [
  {
    meta: {
      id: 'change-rebuilds',
      category: 'cache',
      severity: 'info',
      recommended: true,
      description: 'A change to the build context or the Dockerfile makes the build re-run steps from this line on.',
    },
    check() {},
  },
  {
    meta: {
      id: 'needless-install-rerun',
      category: 'cache',
      severity: 'warning',
      recommended: true,
      description: 'A change re-runs a dependency or package install that does not read the changed files, because a broad COPY before it copied them.',
    },
    check() {},
  },
];

const lineOf = (step: StepPrediction) => step.step.instruction.range.start.line + 1;
const isBuildStep = (step: StepPrediction) => step.fate === 'rebuilt' || step.fate === 'kept' || step.fate === 'relinked';

function stageLabel(stage: StagePrediction): string {
  const name = stage.stage.stage.name ? ` "${stage.stage.stage.name}"` : '';
  const role = stage.stage.isTarget ? 'the image' : stage.stage.inFinalImage ? 'in the image' : 'not in the image';
  return `stage ${stage.stage.stage.index}${name} (${role})`;
}

function seconds(value: number): string {
  return value >= 60 ? `${Math.floor(value / 60)} min ${Math.round(value % 60)} s` : `${value.toFixed(1)} s`;
}

function rebuiltSteps(stage: StagePrediction): StepPrediction[] {
  return stage.steps.filter((step) => step.fate === 'rebuilt');
}

/** `rebuilds 4 of 6 step(s) from line 8` or `kept: all 6 step(s) hit the cache`. */
export function stageHeadline(stage: StagePrediction): string {
  const all = stage.steps.filter(isBuildStep).length;
  if (!stage.firstRebuilt) return `kept: all ${all} step(s) hit the cache`;
  return `rebuilds ${rebuiltSteps(stage).length} of ${all} step(s) from line ${lineOf(stage.firstRebuilt)}`;
}

function costOf(steps: StepPrediction[], timings: StepTimings | null): number | null {
  if (!timings) return null;
  return steps.reduce((sum, step) => sum + (timings.get(step.step.id) ?? 0), 0);
}

const FATE_WORDS: Record<StepPrediction['fate'], string> = {
  rebuilt: 'REBUILT',
  kept: 'kept',
  relinked: 'relinked',
  config: 'config',
  'not-built': '-',
};

export function formatRebuildText(input: RebuildReportInput): string {
  const { prediction, timings } = input;
  const files = prediction.change.files;
  const out = [`${input.path}: what this change rebuilds with ${BUILDER_NAMES[prediction.builder]}`];
  out.push(
    `  changed in the build context: ${files.length === 0 ? 'nothing' : files.length > 8 ? `${files.slice(0, 8).join(', ')} and ${files.length - 8} more` : files.join(', ')}`,
  );
  for (const edit of prediction.change.instructions ?? []) out.push(`  Dockerfile: ${edit.reason}`);
  if ((prediction.change.args ?? []).length > 0) out.push(`  build args changed: ${prediction.change.args!.join(', ')}`);
  for (const skipped of input.skipped) out.push(`  rebuilds nothing: ${skipped}`);
  for (const stage of prediction.stages.filter((s) => s.built)) {
    out.push('', `${stageLabel(stage)}: ${stageHeadline(stage)}${stage.firstRebuilt ? ` (${stage.firstRebuilt.reasons.join('; ')})` : ''}`);
    for (const step of stage.steps) {
      const time = timings?.has(step.step.id) ? ` [${seconds(timings.get(step.step.id)!)}]` : '';
      const why = step.reasons.length > 0 ? `  ← ${step.reasons.join('; ')}` : '';
      out.push(`  ${String(lineOf(step)).padEnd(5)} ${FATE_WORDS[step.fate].padEnd(8)} ${oneLine(instructionText(step.step), 56)}${time}${why}`);
    }
  }
  for (const needless of input.needless) {
    out.push(
      '',
      `needless: line ${lineOf(needless.step)} re-installs ${needless.installs} for ${needless.files.join(', ')}, which it does not read (copied by line ${needless.causes.map(lineOf).join(', ')})`,
    );
  }
  const rebuilt = prediction.stages.flatMap(rebuiltSteps);
  const total = prediction.stages.flatMap((stage) => stage.steps.filter(isBuildStep)).length;
  const cost = costOf(rebuilt, timings);
  out.push('', `${rebuilt.length} of ${total} build step(s) re-run${cost !== null ? `, about ${seconds(cost)} by the last measured build` : ''}.`);
  return `${out.join('\n')}\n`;
}

export function rebuildToJson(input: RebuildReportInput) {
  const { prediction, timings } = input;
  const rebuilt = prediction.stages.flatMap(rebuiltSteps);
  return {
    path: input.path,
    builder: prediction.builder,
    changedFiles: prediction.change.files,
    deletedFiles: prediction.change.deletedFiles ?? [],
    dockerfileChanges: (prediction.change.instructions ?? []).map((edit) => edit.reason),
    changedArgs: prediction.change.args ?? [],
    skipped: input.skipped,
    stages: prediction.stages.map((stage) => ({
      index: stage.stage.stage.index,
      name: stage.stage.stage.name,
      built: stage.built,
      isTarget: stage.stage.isTarget,
      inFinalImage: stage.stage.inFinalImage,
      firstRebuiltLine: stage.firstRebuilt ? lineOf(stage.firstRebuilt) : null,
      steps: stage.steps.map((step) => ({
        line: lineOf(step),
        instruction: step.step.instruction.keyword,
        fate: step.fate,
        reasons: step.reasons,
        changedFiles: step.changedFiles,
        lastBuildSeconds: timings?.get(step.step.id) ?? null,
      })),
    })),
    needless: input.needless.map((needless) => ({
      line: lineOf(needless.step),
      installs: needless.installs,
      files: needless.files,
      copiedBy: needless.causes.map(lineOf),
    })),
    rebuiltSteps: rebuilt.length,
    estimatedSeconds: costOf(rebuilt, timings),
  };
}

/** The prediction as findings, for the lint formats (SARIF, GitHub annotations, gnu …). */
export function rebuildReport(input: RebuildReportInput, text: string, rootDir: string): Report {
  const findings: Finding[] = [];
  for (const stage of input.prediction.stages) {
    if (!stage.built || !stage.firstRebuilt) continue;
    findings.push({
      ruleId: 'change-rebuilds',
      severity: 'info',
      range: stage.firstRebuilt.step.instruction.range,
      related: [],
      fix: null,
      message: `With ${BUILDER_NAMES[input.prediction.builder]}, this change ${stageHeadline(stage)} of ${stageLabel(stage)}: ${stage.firstRebuilt.reasons.join('; ')}.`,
      properties: { rebuiltSteps: rebuiltSteps(stage).length, builder: input.prediction.builder },
    });
  }
  for (const needless of input.needless) {
    findings.push({
      ruleId: 'needless-install-rerun',
      severity: 'warning',
      range: needless.step.step.instruction.range,
      fix: null,
      related: needless.causes.map((cause) => ({ range: cause.step.instruction.range, message: 'copies the changed files' })),
      message:
        `This change re-runs the install of ${needless.installs} although it does not read ${needless.files.join(', ')}: ` +
        `${needless.causes.map((cause) => `line ${lineOf(cause)}`).join(' and ')} copies them before it. Copy only what the install reads before it, and the rest after (see copy-before-dependency-install).`,
      properties: { files: needless.files },
    });
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line);
  return { files: [{ path: input.path, text, findings, error: null }], rules: REBUILD_CHECKS, rootDir };
}
