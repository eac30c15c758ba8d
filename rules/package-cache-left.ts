import { hasGlob, lineOf, pathsOverlap, shippedSteps, type FileEffect, type LayerStep, type Rule } from '../src/kit/index.js';

/**
 * An install that leaves its package-manager cache in its own layer, in a stage that ships.
 * Stage-aware: builder stages that are not part of the final image are left alone (hadolint's
 * DL3009/DL3042/DL3019 fire there too, and that noise is why people switch them off).
 * A cache cleaned in a later RUN is reported by cleanup-in-separate-layer instead.
 *
 * Not the pnpm store (nor Bun's cache): pnpm hard-links node_modules to the files of its store, and
 * within one layer a hard-linked file is stored once, so the store costs next to nothing there, and
 * `pnpm store prune` keeps every package a project uses anyway.
 */

/** Caches this rule is about, and how to avoid each. */
const ADVICE: { match: RegExp; what?: RegExp; fix: string | ((path: string) => string); hadolint?: string }[] = [
  { match: /^\/var\/lib\/apt\/lists/, fix: 'add `&& rm -rf /var/lib/apt/lists/*` at the end of the same RUN', hadolint: 'DL3009' },
  // --no-cache fetches the index for that one command and keeps nothing, so `apk update` is not needed either.
  { match: /^\/var\/cache\/apk/, fix: 'use `apk add --no-cache` (and `apk upgrade --no-cache`; no separate `apk update` is needed then)', hadolint: 'DL3019' },
  { match: /^\/var\/cache\/yum/, what: /^microdnf cache$/, fix: 'add `&& microdnf clean all` to the same RUN', hadolint: 'DL3040' },
  { match: /^\/var\/cache\/yum/, fix: 'add `&& yum clean all` to the same RUN', hadolint: 'DL3032' },
  { match: /^\/var\/cache\/(dnf|libdnf5)/, fix: 'add `&& dnf clean all` to the same RUN', hadolint: 'DL3040' },
  { match: /^\/var\/cache\/zypp/, fix: 'add `&& zypper clean --all` to the same RUN', hadolint: 'DL3036' },
  { match: /\/\.cache\/pip$/, fix: 'use `pip install --no-cache-dir` (or set PIP_NO_CACHE_DIR=1)', hadolint: 'DL3042' },
  { match: /\/\.npm$/, fix: 'add `&& npm cache clean --force` to the same RUN' },
  { match: /\/yarn$/, fix: 'add `&& yarn cache clean` to the same RUN', hadolint: 'DL3060' },
  { match: /\/composer$/, fix: 'use `composer install --no-cache`' },
  { match: /./, what: /^Poetry cache$/, fix: (path) => `add \`&& rm -rf ${path}\` at the end of the same RUN` },
  // The installed gems never read their .gem files again; Bundler's --no-cache does not stop it keeping them.
  { match: /\/cache$/, what: /^(gem|Bundler gem) cache$/, fix: (path) => `add \`&& rm -rf ${path}\` at the end of the same RUN` },
];

function adviceFor(effect: FileEffect): (typeof ADVICE)[number] | null {
  if (effect.kind !== 'cache' || effect.certainty !== 'certain') return null;
  return ADVICE.find((entry) => entry.match.test(effect.path) && (!entry.what || entry.what.test(effect.what))) ?? null;
}

/**
 * The index of an `update` in a RUN that installs nothing with that manager. package-index-alone reports
 * that RUN with the fix that works (join the update to the install); "delete the lists here" would
 * leave the next RUN's install without an index. One line, one piece of advice.
 */
function indexOfUpdateAlone(step: LayerStep, effect: FileEffect): boolean {
  const update = step.systemPackages.find(
    (call) =>
      call.action === 'update' &&
      call.command.range.start.line === effect.range.start.line &&
      call.command.range.start.character === effect.range.start.character,
  );
  return (
    update !== undefined && !step.systemPackages.some((call) => call.manager === update.manager && (call.action === 'install' || call.action === 'upgrade'))
  );
}

/**
 * Does the step delete the cache? A removal of packages (`apt-get -y autoremove`, `apt-get purge gcc`) is
 * recorded as a deletion of packages, not of paths: it leaves the package lists where they are.
 */
function cleanedIn(step: LayerStep, effect: FileEffect): boolean {
  return step.deleted.some((deletion) => deletion.kind !== 'packages' && pathsOverlap(deletion.path, effect.path));
}

const rule: Rule = {
  meta: {
    id: 'package-cache-left',
    category: 'size',
    severity: 'warning',
    recommended: true,
    description: 'An install in a stage that ships leaves its package-manager cache in the layer.',
    hadolint: ['DL3009', 'DL3019', 'DL3032', 'DL3036', 'DL3040', 'DL3042', 'DL3060'],
  },
  check({ model, report }) {
    for (const { step, later } of shippedSteps(model)) {
      const seen = new Set<string>();
      for (const effect of step.created) {
        const advice = adviceFor(effect);
        if (!advice || seen.has(effect.what) || indexOfUpdateAlone(step, effect) || cleanedIn(step, effect) || later.some((l) => cleanedIn(l, effect)))
          continue;
        seen.add(effect.what);
        const fix = typeof advice.fix === 'string' ? advice.fix : advice.fix(effect.path);
        // A cache mount needs one directory: none for `/usr/local/bundle/ruby/*/cache`.
        const mount = hasGlob(effect.path) ? '' : `, or use RUN --mount=type=cache,target=${effect.path}`;
        report({
          message: `This RUN leaves the ${effect.what} (${effect.path}) in its layer of the final image; ${fix}.`,
          range: effect.range,
          fix: { description: `${fix[0].toUpperCase()}${fix.slice(1)}${mount}.` },
          properties: { cachePath: effect.path, line: lineOf(effect.range), ...(advice.hadolint ? { hadolint: advice.hadolint } : {}) },
        });
      }
    }
  },
};

export default rule;
