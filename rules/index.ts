/**
 * Every rule, one module each. Add a rule here and it is linted, listed by `layerlint rules`,
 * documented in SARIF, and checked by test/rules-meta.test.ts (docs page, id, tests).
 */
import type { Rule } from '../src/kit/index.js';
import parseError from './parse-error.js';
import inlineComment from './inline-comment.js';
import copyBeforeDependencyInstall from './copy-before-dependency-install.js';
import staticStepAfterBroadCopy from './static-step-after-broad-copy.js';
import volatileArgEarly from './volatile-arg-early.js';
import packageIndexAlone from './package-index-alone.js';
import missingDockerignore from './missing-dockerignore.js';
import cleanupInSeparateLayer from './cleanup-in-separate-layer.js';
import permissionChangeSeparateLayer from './permission-change-separate-layer.js';
import packageCacheLeft from './package-cache-left.js';
import archiveCopiedThenExtracted from './archive-copied-then-extracted.js';
import missingMultiStage from './missing-multi-stage.js';
import buildToolsInFinalStage from './build-tools-in-final-stage.js';
import copyFromUnknownStage from './copy-from-unknown-stage.js';
import unusedStage from './unused-stage.js';
import duplicateStageName from './duplicate-stage-name.js';
import multipleCmd from './multiple-cmd.js';
import multipleEntrypoint from './multiple-entrypoint.js';
import shellFormEntrypoint from './shell-form-entrypoint.js';
import shellFormCmd from './shell-form-cmd.js';
import execEntrypointShellCmd from './exec-entrypoint-shell-cmd.js';
import invalidExecForm from './invalid-exec-form.js';
import execFormShellSyntax from './exec-form-shell-syntax.js';
import shCEntrypointWithCmd from './sh-c-entrypoint-with-cmd.js';
import entrypointWithoutCmdDefaults from './entrypoint-without-cmd-defaults.js';
import untrustedRegistry from './untrusted-registry.js';
import aptNoInstallRecommends from './apt-no-install-recommends.js';
import workdirRelative from './workdir-relative.js';
import maintainerDeprecated from './maintainer-deprecated.js';
import untaggedBaseImage from './untagged-base-image.js';
import latestBaseImage from './latest-base-image.js';
import sudoInRun from './sudo-in-run.js';
import pointlessCommand from './pointless-command.js';
import lastUserRoot from './last-user-root.js';
import cdInsteadOfWorkdir from './cd-instead-of-workdir.js';
import shellStateLost from './shell-state-lost.js';
import unpinnedPackage from './unpinned-package.js';
import installWithoutYes from './install-without-yes.js';
import aptInsteadOfAptGet from './apt-instead-of-apt-get.js';
import distUpgrade from './dist-upgrade.js';
import useraddWithoutL from './useradd-without-l.js';
import wgetWithoutProgress from './wget-without-progress.js';
import wgetAndCurl from './wget-and-curl.js';
import lnBinSh from './ln-bin-sh.js';
import missingPipefail from './missing-pipefail.js';
import consecutiveRun from './consecutive-run.js';
import multipleHealthcheck from './multiple-healthcheck.js';
import exposeInvalid from './expose-invalid.js';
import exposeProtocolCasing from './expose-protocol-casing.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import copyMultipleSourcesDest from './copy-multiple-sources-dest.js';
import copySourceOutsideContext from './copy-source-outside-context.js';
import fromPlatformConstant from './from-platform-constant.js';
import redundantTargetPlatform from './redundant-target-platform.js';
import onbuildInvalidTrigger from './onbuild-invalid-trigger.js';
import envSelfReference from './env-self-reference.js';
import copyRelativeDestWithoutWorkdir from './copy-relative-dest-without-workdir.js';
import reservedStageName from './reserved-stage-name.js';
import secretInArgOrEnv from './secret-in-arg-or-env.js';
import copyFromEntireFilesystem from './copy-from-entire-filesystem.js';
import stageNameCasing from './stage-name-casing.js';
import fromAsCasing from './from-as-casing.js';
import instructionCasing from './instruction-casing.js';
import emptyContinuationLine from './empty-continuation-line.js';
import undefinedArgInFrom from './undefined-arg-in-from.js';
import invalidDefaultArgInFrom from './invalid-default-arg-in-from.js';
import undefinedVariable from './undefined-variable.js';
import legacyKeyValueFormat from './legacy-key-value-format.js';
import copyIgnoredFile from './copy-ignored-file.js';
import labelInvalidKey from './label-invalid-key.js';
import labelEmpty from './label-empty.js';
import labelSchema from './label-schema.js';
import scratchStageMissingOs from './scratch-stage-missing-os.js';
import cacheMountWiped from './cache-mount-wiped.js';
import cacheMountMissing from './cache-mount-missing.js';
import mkdirBeforeWorkdir from './mkdir-before-workdir.js';
import unknownRuleInPragma from './unknown-rule-in-pragma.js';

export const allRules: Rule[] = [
  // syntax
  parseError,
  inlineComment,
  copyMultipleSourcesDest,
  onbuildInvalidTrigger,
  envSelfReference,
  emptyContinuationLine,
  undefinedVariable,
  legacyKeyValueFormat,
  copyIgnoredFile,
  copySourceOutsideContext,
  // cache
  copyBeforeDependencyInstall,
  staticStepAfterBroadCopy,
  volatileArgEarly,
  packageIndexAlone,
  missingDockerignore,
  cacheMountWiped,
  cacheMountMissing,
  // size
  cleanupInSeparateLayer,
  permissionChangeSeparateLayer,
  packageCacheLeft,
  archiveCopiedThenExtracted,
  useraddWithoutL,
  wgetAndCurl,
  consecutiveRun,
  copyFromEntireFilesystem,
  mkdirBeforeWorkdir,
  // stages
  missingMultiStage,
  buildToolsInFinalStage,
  copyFromUnknownStage,
  unusedStage,
  duplicateStageName,
  reservedStageName,
  stageNameCasing,
  undefinedArgInFrom,
  invalidDefaultArgInFrom,
  // runtime
  multipleCmd,
  multipleEntrypoint,
  shellFormEntrypoint,
  shellFormCmd,
  execEntrypointShellCmd,
  invalidExecForm,
  execFormShellSyntax,
  shCEntrypointWithCmd,
  entrypointWithoutCmdDefaults,
  multipleHealthcheck,
  exposeInvalid,
  scratchStageMissingOs,
  // security
  untrustedRegistry,
  sudoInRun,
  lastUserRoot,
  secretInArgOrEnv,
  // hygiene and parity with hadolint / BuildKit checks
  aptNoInstallRecommends,
  workdirRelative,
  maintainerDeprecated,
  untaggedBaseImage,
  latestBaseImage,
  pointlessCommand,
  cdInsteadOfWorkdir,
  shellStateLost,
  unpinnedPackage,
  installWithoutYes,
  aptInsteadOfAptGet,
  distUpgrade,
  wgetWithoutProgress,
  lnBinSh,
  missingPipefail,
  exposeProtocolCasing,
  addInsteadOfCopy,
  fromPlatformConstant,
  redundantTargetPlatform,
  copyRelativeDestWithoutWorkdir,
  fromAsCasing,
  instructionCasing,
  labelInvalidKey,
  labelEmpty,
  labelSchema,
  unknownRuleInPragma,
];

export function findRule(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
