/**
 * Every rule, one module each. Add a rule here and it is linted, listed by `layerlint rules`,
 * documented in SARIF, and checked by test/rules-meta.test.ts (docs page, id, tests). The list is
 * ordered from the rules' own meta (category, then id), never by hand.
 */
import { CATEGORIES, type Rule } from '../src/kit/index.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import aptInsteadOfAptGet from './apt-instead-of-apt-get.js';
import aptNoInstallRecommends from './apt-no-install-recommends.js';
import archiveCopiedThenExtracted from './archive-copied-then-extracted.js';
import buildToolsInFinalStage from './build-tools-in-final-stage.js';
import cacheMountMissing from './cache-mount-missing.js';
import cacheMountWiped from './cache-mount-wiped.js';
import cdInsteadOfWorkdir from './cd-instead-of-workdir.js';
import cleanupInSeparateLayer from './cleanup-in-separate-layer.js';
import consecutiveRun from './consecutive-run.js';
import copyBeforeDependencyInstall from './copy-before-dependency-install.js';
import copyFromEntireFilesystem from './copy-from-entire-filesystem.js';
import copyFromUnknownStage from './copy-from-unknown-stage.js';
import copyIgnoredFile from './copy-ignored-file.js';
import copyMultipleSourcesDest from './copy-multiple-sources-dest.js';
import copyRelativeDestWithoutWorkdir from './copy-relative-dest-without-workdir.js';
import copySourceOutsideContext from './copy-source-outside-context.js';
import distUpgrade from './dist-upgrade.js';
import duplicateStageName from './duplicate-stage-name.js';
import emptyContinuationLine from './empty-continuation-line.js';
import entrypointWithoutCmdDefaults from './entrypoint-without-cmd-defaults.js';
import envSelfReference from './env-self-reference.js';
import execEntrypointShellCmd from './exec-entrypoint-shell-cmd.js';
import execFormShellSyntax from './exec-form-shell-syntax.js';
import exposeInvalid from './expose-invalid.js';
import exposeProtocolCasing from './expose-protocol-casing.js';
import fromAsCasing from './from-as-casing.js';
import fromPlatformConstant from './from-platform-constant.js';
import inlineComment from './inline-comment.js';
import installWithoutYes from './install-without-yes.js';
import instructionCasing from './instruction-casing.js';
import invalidDefaultArgInFrom from './invalid-default-arg-in-from.js';
import invalidExecForm from './invalid-exec-form.js';
import labelEmpty from './label-empty.js';
import labelInvalidKey from './label-invalid-key.js';
import labelSchema from './label-schema.js';
import lastUserRoot from './last-user-root.js';
import latestBaseImage from './latest-base-image.js';
import legacyKeyValueFormat from './legacy-key-value-format.js';
import lnBinSh from './ln-bin-sh.js';
import maintainerDeprecated from './maintainer-deprecated.js';
import missingDockerignore from './missing-dockerignore.js';
import missingMultiStage from './missing-multi-stage.js';
import missingPipefail from './missing-pipefail.js';
import mkdirBeforeWorkdir from './mkdir-before-workdir.js';
import multipleCmd from './multiple-cmd.js';
import multipleEntrypoint from './multiple-entrypoint.js';
import multipleHealthcheck from './multiple-healthcheck.js';
import onbuildInvalidTrigger from './onbuild-invalid-trigger.js';
import packageCacheLeft from './package-cache-left.js';
import packageIndexAlone from './package-index-alone.js';
import parseError from './parse-error.js';
import permissionChangeSeparateLayer from './permission-change-separate-layer.js';
import pointlessCommand from './pointless-command.js';
import redundantTargetPlatform from './redundant-target-platform.js';
import reservedStageName from './reserved-stage-name.js';
import scratchStageMissingOs from './scratch-stage-missing-os.js';
import secretInArgOrEnv from './secret-in-arg-or-env.js';
import shCEntrypointWithCmd from './sh-c-entrypoint-with-cmd.js';
import shellFormCmd from './shell-form-cmd.js';
import shellFormEntrypoint from './shell-form-entrypoint.js';
import shellStateLost from './shell-state-lost.js';
import stageNameCasing from './stage-name-casing.js';
import staticStepAfterBroadCopy from './static-step-after-broad-copy.js';
import sudoInRun from './sudo-in-run.js';
import undefinedArgInFrom from './undefined-arg-in-from.js';
import undefinedVariable from './undefined-variable.js';
import unknownRuleInPragma from './unknown-rule-in-pragma.js';
import unpinnedPackage from './unpinned-package.js';
import untaggedBaseImage from './untagged-base-image.js';
import untrustedRegistry from './untrusted-registry.js';
import unusedStage from './unused-stage.js';
import useraddWithoutL from './useradd-without-l.js';
import volatileArgEarly from './volatile-arg-early.js';
import wgetAndCurl from './wget-and-curl.js';
import wgetWithoutProgress from './wget-without-progress.js';
import workdirRelative from './workdir-relative.js';

const RULES: Rule[] = [
  addInsteadOfCopy,
  aptInsteadOfAptGet,
  aptNoInstallRecommends,
  archiveCopiedThenExtracted,
  buildToolsInFinalStage,
  cacheMountMissing,
  cacheMountWiped,
  cdInsteadOfWorkdir,
  cleanupInSeparateLayer,
  consecutiveRun,
  copyBeforeDependencyInstall,
  copyFromEntireFilesystem,
  copyFromUnknownStage,
  copyIgnoredFile,
  copyMultipleSourcesDest,
  copyRelativeDestWithoutWorkdir,
  copySourceOutsideContext,
  distUpgrade,
  duplicateStageName,
  emptyContinuationLine,
  entrypointWithoutCmdDefaults,
  envSelfReference,
  execEntrypointShellCmd,
  execFormShellSyntax,
  exposeInvalid,
  exposeProtocolCasing,
  fromAsCasing,
  fromPlatformConstant,
  inlineComment,
  installWithoutYes,
  instructionCasing,
  invalidDefaultArgInFrom,
  invalidExecForm,
  labelEmpty,
  labelInvalidKey,
  labelSchema,
  lastUserRoot,
  latestBaseImage,
  legacyKeyValueFormat,
  lnBinSh,
  maintainerDeprecated,
  missingDockerignore,
  missingMultiStage,
  missingPipefail,
  mkdirBeforeWorkdir,
  multipleCmd,
  multipleEntrypoint,
  multipleHealthcheck,
  onbuildInvalidTrigger,
  packageCacheLeft,
  packageIndexAlone,
  parseError,
  permissionChangeSeparateLayer,
  pointlessCommand,
  redundantTargetPlatform,
  reservedStageName,
  scratchStageMissingOs,
  secretInArgOrEnv,
  shCEntrypointWithCmd,
  shellFormCmd,
  shellFormEntrypoint,
  shellStateLost,
  stageNameCasing,
  staticStepAfterBroadCopy,
  sudoInRun,
  undefinedArgInFrom,
  undefinedVariable,
  unknownRuleInPragma,
  unpinnedPackage,
  untaggedBaseImage,
  untrustedRegistry,
  unusedStage,
  useraddWithoutL,
  volatileArgEarly,
  wgetAndCurl,
  wgetWithoutProgress,
  workdirRelative,
];

const categoryRank = (rule: Rule) => CATEGORIES.indexOf(rule.meta.category);

export const allRules: Rule[] = RULES.sort((a, b) => categoryRank(a) - categoryRank(b) || (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));

export function findRule(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
