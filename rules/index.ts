/**
 * Every rule, one module each. Add a rule here and it is linted, listed by `layerlint rules`,
 * documented in SARIF, and checked by test/rules-meta.test.ts (docs page, id, tests).
 */
import type { Rule } from '../src/engine/types.js';
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

export const allRules: Rule[] = [
  // syntax
  parseError, inlineComment,
  // cache
  copyBeforeDependencyInstall, staticStepAfterBroadCopy, volatileArgEarly, packageIndexAlone, missingDockerignore,
  // size
  cleanupInSeparateLayer, permissionChangeSeparateLayer, packageCacheLeft, archiveCopiedThenExtracted,
  // stages
  missingMultiStage, buildToolsInFinalStage, copyFromUnknownStage, unusedStage, duplicateStageName,
  // runtime
  multipleCmd, multipleEntrypoint, shellFormEntrypoint, shellFormCmd, execEntrypointShellCmd, invalidExecForm,
  execFormShellSyntax, shCEntrypointWithCmd, entrypointWithoutCmdDefaults,
  // security
  untrustedRegistry, sudoInRun,
  // hygiene and parity with hadolint / BuildKit checks
  aptNoInstallRecommends, workdirRelative, maintainerDeprecated, untaggedBaseImage, latestBaseImage,
];

export function findRule(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
