/**
 * The expensive steps a change re-runs for nothing: a dependency or package install that does not
 * read the changed files, re-run only because a broad COPY above it (`COPY . .`) copied them. The
 * classic case: a README edit re-runs `npm ci`.
 *
 * Precision first: a step counts only when everything that made its stage rebuild is changed files
 * arriving through broad COPY sources, none of them a manifest of the install's ecosystem nor named
 * in the RUN, and the RUN does nothing else that could read them (no build, no install of the
 * project itself from its sources).
 */
import { basename } from '../parse/shell-names.js';
import { globToRegExp } from '../util/paths.js';
import { MANIFESTS, type DependencyInstall } from './knowledge/dependencies.js';
import type { BuildContext } from './context.js';
import { readContextFile } from './workspaces.js';
import { sourceCovers, type RebuildPrediction, type StepPrediction } from './rebuild.js';
import type { LayerStep } from './types.js';

export interface NeedlessRerun {
  /** The install that re-runs. */
  step: StepPrediction;
  /** The broad COPY steps whose changed files made it re-run. */
  causes: StepPrediction[];
  files: string[];
  /** What it installs, in words: `npm dependencies`, `apt packages`. */
  installs: string;
}

/** Commands that may stand beside installs in the same RUN without reading the project's files. */
const HARMLESS = new Set(['rm', 'echo', 'set', 'true', 'mkdir', 'ln', 'chmod', 'chown', 'useradd', 'adduser', 'groupadd', 'addgroup', 'cd', 'export']);

const NPM_LIFECYCLE_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish'];

function hasNpmLifecycleScripts(context: BuildContext): boolean {
  const text = readContextFile(context, 'package.json');
  if (text === null) return true; // unknown: assume it may
  try {
    const scripts = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts ?? {};
    return NPM_LIFECYCLE_SCRIPTS.some((name) => name in scripts);
  } catch {
    return true;
  }
}

/**
 * Installs that also install the project itself or run its scripts, and so read its sources:
 * `uv sync` and `poetry install` install the project unless told not to, npm runs the root
 * package's lifecycle scripts (`prepare` often builds), composer dumps an autoloader from the
 * sources, a Gemfile with `gemspec` installs the local gem.
 */
export function readsProjectSources(call: DependencyInstall, context: BuildContext): boolean {
  const argv = call.command.argv;
  const has = (...flags: string[]) => flags.some((flag) => argv.includes(flag));
  // `pip install .`, `npm install ./pkg`: the project from its sources.
  if (argv.slice(1).some((word) => /^\.{1,2}(\/|$)/.test(word)) || has('-e', '--editable')) return true;
  switch (call.ecosystem) {
    case 'uv':
      return argv[1] === 'sync' && !has('--no-install-project', '--no-install-workspace');
    case 'poetry':
      return !has('--no-root', '--only-root') && !argv.some((word) => word.startsWith('--only'));
    case 'npm':
    case 'yarn':
    case 'pnpm':
      return !has('--ignore-scripts') && hasNpmLifecycleScripts(context);
    case 'composer':
      return !has('--no-autoloader');
    case 'bundler':
      return /^\s*gemspec\b/m.test(readContextFile(context, 'Gemfile') ?? 'gemspec');
    default:
      return false;
  }
}

/** What the step installs, when installing is all it does; null otherwise. */
function installOnly(step: LayerStep, context: BuildContext): string | null {
  const { instruction } = step;
  if (instruction.keyword !== 'RUN' || step.builds.length > 0) return null;
  const installs = [...step.dependencyInstalls.map((call) => call.command), ...step.systemPackages.map((call) => call.command)];
  if (step.dependencyInstalls.length === 0 && !step.systemPackages.some((call) => call.action === 'install')) return null;
  const commands = instruction.script?.commands ?? [];
  if (!commands.every((command) => installs.includes(command) || HARMLESS.has(basename(command.program)))) return null;
  if (step.dependencyInstalls.some((call) => readsProjectSources(call, context))) return null;
  const names = [
    ...new Set([
      ...step.dependencyInstalls.map((call) => `${call.ecosystem} dependencies`),
      ...step.systemPackages.filter((call) => call.action === 'install').map((call) => `${call.manager} packages`),
    ]),
  ];
  return names.join(' and ');
}

function isManifestOf(step: LayerStep, file: string): boolean {
  const name = basename(file);
  return step.dependencyInstalls.some(
    (call) => call.manifests.some((manifest) => basename(manifest) === name) || MANIFESTS[call.ecosystem].some((pattern) => globToRegExp(pattern).test(name)),
  );
}

function viaBroadSource(cause: StepPrediction, file: string): boolean {
  return [...cause.step.cache.contextSources, ...cause.step.cache.mountedSources].some(
    (source) => source.volatility === 'broad' && sourceCovers(source, file, false),
  );
}

export function needlessReruns(prediction: RebuildPrediction, context: BuildContext): NeedlessRerun[] {
  const found: NeedlessRerun[] = [];
  for (const stage of prediction.stages) {
    const first = stage.firstRebuilt;
    if (!first) continue;
    const causes: StepPrediction[] = [];
    let explained = true;
    for (const step of stage.steps) {
      if (step.fate !== 'rebuilt') continue;
      if (step.reasons.length > 0) {
        // Anything but changed files copied in bulk (an edited line, a build arg, a base stage) could matter to the install.
        explained &&= step.byFilesOnly && step.changedFiles.every((file) => viaBroadSource(step, file));
        causes.push(step);
        continue;
      }
      const installs = installOnly(step.step, context);
      if (!installs || !explained || causes.length === 0) continue;
      const files = [...new Set(causes.flatMap((cause) => cause.changedFiles))];
      const script = step.step.instruction.argumentsText;
      const reads = files.some((file) => isManifestOf(step.step, file) || script.includes(basename(file)));
      if (!reads) found.push({ step, causes: [...causes], files, installs });
    }
  }
  return found;
}
