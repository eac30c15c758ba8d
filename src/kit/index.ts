/**
 * The rule kit: everything a rule (rules/<id>.ts) may use, from one import. A rule gets the file through
 * its context (`model`, `parsed`, `settings`, `report`), asks the model questions with the queries
 * below, words its message with the message helpers and builds a fix with the fix builders. A rule
 * imports nothing else from src/: when a rule needs a new fact, the fact is added to the model or to
 * a query here, where the next rule finds it.
 */

// The rule contract and the words of a finding.
export type { Rule, RuleContext, RuleMeta, RuleSettings } from '../runner/types.js';
export { CATEGORIES, type Fix, type Position, type Range, type RelatedLocation, type ReportInput, type TextEdit } from '../core/findings.js';

// The parsed file and the layer model (read-only records).
export type { Instruction, ParsedDockerfile, ShellCommand, ShellPipeline, ShellStateChange, Stage } from '../parse/types.js';
export type { CopySource, CopyWrite, FileEffect, LayerModel, LayerStep, StageModel } from '../model/types.js';

// Queries of the model: stages, steps, runtime, COPY sources.
export {
  broadCopyBefore,
  broadSources,
  earlierStepsInImage,
  earlierStepsInStage,
  effectiveRuntime,
  hasExplicitShell,
  imageRuntime,
  isBroadCopy,
  isPlainRun,
  runsAnApplication,
  shippedStages,
  shippedSteps,
  startsFromBusybox,
  type Runtime,
  type ShippedStep,
} from './queries.js';
export { stepsInImageOf } from '../model/build.js';
export { homeOf, KNOWN_INSTRUCTIONS, stageChain } from '../parse/dockerfile.js';
export { NOT_AN_ARRAY_OF_STRINGS } from '../parse/command-form.js';
export { mayWrite } from '../model/copy-destinations.js';
export { toExecForm } from '../model/exec-form.js';
export { exposedPorts } from '../model/expose.js';
export { labelKeyProblem, labelValueProblem } from '../model/labels.js';
export { workspaceAt, type Workspace } from '../model/workspaces.js';
export { readsProjectSources } from '../model/needless-reruns.js';

// Build arguments and variables.
export { AUTOMATIC_PLATFORM_ARGS, fromLines, globalArgDefaults, variableReferences, type FromLine, type VariableReference } from '../model/build-args.js';
export { processWord, referencedVariables } from '../parse/variables.js';

// Shell commands: names, options, and what package managers, dependency managers and build tools do.
export { basename, isPosixShellProgram, isShellItself, isShellProgram } from '../parse/shell-names.js';
export { hasOption, optionValue, splitOptions } from '../parse/command-options.js';
export { cachesLeftBy, systemPackageCall, type SystemPackageCall } from '../model/knowledge/package-managers.js';
export { ESSENTIAL_MANIFESTS, MANIFESTS, type DependencyInstall, type Ecosystem } from '../model/knowledge/dependencies.js';
export { COMPILER_PACKAGES, DEVELOPMENT_PACKAGES, isSdkImage, SDK_IMAGES, type BuildCall } from '../model/knowledge/build-tools.js';
export { unpinnedInstall } from '../model/knowledge/pinning.js';
export { isArchive, TAR_ARCHIVE } from '../model/knowledge/archives.js';
export { startsInRoot } from '../model/knowledge/base-image-env.js';

// Rule names (for the rules about suppression comments).
export { closestRuleName, isRuleName } from '../runner/selection.js';
export { layerlintPragmaNames } from '../runner/suppressions.js';

// Messages and fixes.
export { closestName, commandLabel, editDistance, instructionLabel, lineOf } from './messages.js';
export { deleteInstruction, insertAfterWord, moveInstructionBefore, moveIntoEarlierRun, overriddenInstructions } from './fixes.js';

// Positions, paths and lookups.
export { contains, isBefore, sameRange } from '../parse/positions.js';
export { globToRegExp, hasGlob, isWithin, normalizePath, pathDepth, pathsOverlap, resolveAgainst } from '../util/paths.js';
export { own } from '../util/own.js';
