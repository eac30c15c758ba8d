/** Facts about layerlint itself, used in reports (SARIF driver, rule help links). */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface PackageFacts {
  version: string;
  homepage: string;
}

/** The bundle's copy of package.json's version and homepage, written in by scripts/bundle.mjs; undefined elsewhere. */
declare const LAYERLINT_PACKAGE_FACTS: PackageFacts | undefined;

/** package.json is one folder above src/meta.ts, and two above dist/src/meta.js. */
function readPackageFacts(): PackageFacts {
  const packageJsonUrl = [new URL('../package.json', import.meta.url), new URL('../../package.json', import.meta.url)].find((url) => existsSync(url))!;
  return JSON.parse(readFileSync(packageJsonUrl, 'utf8')) as PackageFacts;
}

const packageJson = typeof LAYERLINT_PACKAGE_FACTS === 'undefined' ? readPackageFacts() : LAYERLINT_PACKAGE_FACTS;

export const TOOL_NAME = 'layerlint';
export const VERSION: string = packageJson.version;
export const HOMEPAGE: string = packageJson.homepage;
/** The file of the running code (the bundle, or dist/src/meta.js): its identity tells one build from another (the lint cache). */
export const CODE_FILE: string = fileURLToPath(import.meta.url);

/** Ids of the findings of a rebuild prediction (`layers --since`): not lint rules; documented together. */
export const REBUILD_CHECK_IDS = ['change-rebuilds', 'needless-install-rerun'] as const;

export function ruleDocsUrl(ruleId: string): string {
  if (/^SC\d+$/.test(ruleId)) return `https://www.shellcheck.net/wiki/${ruleId}`;
  if ((REBUILD_CHECK_IDS as readonly string[]).includes(ruleId)) return `${HOMEPAGE}/blob/main/docs/rebuilds.md#${ruleId}`;
  return `${HOMEPAGE}/blob/main/docs/rules/${ruleId}.md`;
}
