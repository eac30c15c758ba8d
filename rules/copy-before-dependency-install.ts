import type { Rule } from '../src/engine/types.js';
import type { DependencyInstall, Ecosystem } from '../src/model/knowledge/dependencies.js';
import type { BuildCall } from '../src/model/knowledge/build-tools.js';
import { ESSENTIAL_MANIFESTS, MANIFESTS } from '../src/model/knowledge/dependencies.js';
import type { FileEffect, LayerModel, LayerStep } from '../src/model/types.js';
import { globToRegExp, isWithin } from '../src/util/paths.js';
import { isBefore } from '../src/parse/positions.js';
import { basename } from '../src/parse/shell.js';
import { broadSources, commandLabel, earlierStepsInImage, instructionLabel, lineOf } from '../src/model/queries.js';

/**
 * `COPY . .` then `RUN npm ci`: every source edit changes the COPY layer's cache key, so the
 * install below it re-runs, although it only needs package.json and the lock file.
 */

/** Builds that download what nothing fetched before them, and the cache their downloads land in. */
const FETCHING_BUILDS: Record<string, { ecosystem: Ecosystem; downloads: string; fetch: string }> = {
  'cargo build': { ecosystem: 'cargo', downloads: 'Cargo registry cache', fetch: 'cargo fetch' },
  'go build': { ecosystem: 'go', downloads: 'Go module cache', fetch: 'go mod download' },
  'go install': { ecosystem: 'go', downloads: 'Go module cache', fetch: 'go mod download' },
};

/** What to run after copying the manifests: the install itself, or for a build the command that only fetches. */
function fetchCommand(install: DependencyInstall): string {
  const build = Object.entries(FETCHING_BUILDS).find(([tool]) => `${install.command.program} ${install.command.argv[1]}` === tool);
  return build ? `RUN ${build[1].fetch}` : 'install';
}

/** Go modules kept in the context (`go mod vendor`), or none to fetch (no go.sum): a Go build downloads nothing. */
function goBuildFetchesNothing(model: LayerModel, build: BuildCall): boolean {
  if (build.command.argv.includes('-mod=vendor')) return true;
  const files = model.context?.files;
  return files !== undefined && (files.some((file) => file.endsWith('vendor/modules.txt')) || !files.some((file) => basename(file) === 'go.sum'));
}

/**
 * The installs of a step, counting `cargo build` and `go build` as installs too: they fetch every
 * crate or module nothing fetched before. Not when a cache mount keeps those downloads (the step
 * then leaves no registry or module cache in its layer), for `go install tool@version` (a tool, not
 * the project's modules) or vendored Go modules.
 */
function installsOf(model: LayerModel, step: LayerStep): DependencyInstall[] {
  const fetchingBuilds = step.builds.flatMap((build): DependencyInstall[] => {
    const fetching = FETCHING_BUILDS[build.tool];
    if (!fetching || !step.created.some((effect) => effect.what === fetching.downloads)) return [];
    if (fetching.ecosystem === 'go' && (build.command.argv.some((word) => word.includes('@')) || goBuildFetchesNothing(model, build))) return [];
    return [{ ecosystem: fetching.ecosystem, manifests: MANIFESTS[fetching.ecosystem], command: build.command, directory: build.directory }];
  });
  return [...step.dependencyInstalls, ...fetchingBuilds];
}

/**
 * Were the manifests fetched rather than copied? `git clone https://…/shop.git /app && composer
 * install` in /app reads the clone's composer.json: copying manifests from the context cannot help.
 * True when the install runs inside what a download or clone created before it, in the same RUN or
 * an earlier step.
 */
function installsFetchedFiles(step: LayerStep, install: DependencyInstall, earlier: LayerStep[]): boolean {
  const fetched = (effect: FileEffect) => effect.kind === 'download' && isWithin(install.directory, effect.path);
  const beforeInstall = (effect: FileEffect) => isBefore(effect.range.start, install.command.range.start);
  return step.created.some((effect) => fetched(effect) && beforeInstall(effect)) || earlier.some((candidate) => candidate.created.some(fetched));
}

/**
 * The manifest files to name: those present in the build context when known, else the usual pair;
 * pip's -r files as written (`-r environments/prod/requirements.txt` needs that very path).
 */
function manifestsToCopy(model: LayerModel, install: DependencyInstall): string[] {
  if (install.ecosystem === 'pip') return install.manifests.map((file) => file.replace(/^\.\//, ''));
  const essential = ESSENTIAL_MANIFESTS[install.ecosystem];
  if (!model.context) return essential;
  const present = MANIFESTS[install.ecosystem].filter((pattern) => model.context!.files.some((file) => globToRegExp(pattern).test(file)));
  return present.length > 0 ? present : essential;
}

/** A manifest's name in the build context: an absolute path in the image (`-r /tmp/extra.txt`) by its file name. */
function contextName(file: string): string {
  return file.startsWith('/') ? basename(file) : file;
}

/**
 * `COPY package.json package-lock.json ./`, one COPY per folder so that each file lands where the
 * install reads it: `COPY requirements/prod.txt requirements/`, `COPY extra.txt /tmp/`.
 */
function copyInstructions(manifests: string[]): string {
  const byFolder = new Map<string, string[]>();
  for (const file of manifests) {
    const folder = file.includes('/') ? `${file.slice(0, file.lastIndexOf('/'))}/` : './';
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), contextName(file)]);
  }
  return [...byFolder].map(([folder, files]) => `\`COPY ${files.join(' ')} ${folder}\``).join(', ');
}

const rule: Rule = {
  meta: {
    id: 'copy-before-dependency-install',
    category: 'cache',
    severity: 'warning',
    recommended: true,
    description: 'A broad COPY comes before a dependency install that only needs the manifest files, so every source edit reinstalls all dependencies.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const step of stage.steps) {
        const installs = installsOf(model, step);
        if (installs.length === 0) continue;
        const earlier = earlierStepsInImage(model, stage, step);
        const broadIndex = earlier.findIndex((candidate) => broadSources(candidate).length > 0);
        if (broadIndex < 0) continue;
        const broad = earlier[broadIndex];
        const before = earlier.slice(0, broadIndex);
        const reported = new Set<Ecosystem>();
        for (const install of installs) {
          // Quiet when the same ecosystem was already installed from its manifests before the broad COPY.
          const alreadyInstalled = before.some((candidate) => installsOf(model, candidate).some((i) => i.ecosystem === install.ecosystem));
          if (alreadyInstalled || reported.has(install.ecosystem) || installsFetchedFiles(step, install, earlier)) continue;
          reported.add(install.ecosystem);
          const manifests = manifestsToCopy(model, install);
          const fetch = fetchCommand(install);
          const what = fetch === 'install' ? 're-runs the install' : 'downloads every dependency again';
          report({
            message: `${instructionLabel(broad.instruction)} on line ${lineOf(broad.instruction.range)} comes before ${commandLabel(install.command)}, so every source edit ${what}; COPY ${manifests.map(contextName).join(' ')} first, ${fetch}, then COPY the rest.`,
            range: install.command.range,
            related: [{ range: broad.instruction.range, message: 'this COPY changes with every source edit' }],
            fix: { description: `Add ${copyInstructions(manifests)} and ${fetch === 'install' ? 'the install' : `\`${fetch}\``} above ${instructionLabel(broad.instruction)}.` },
            properties: { ecosystem: install.ecosystem, manifests },
          });
        }
      }
    }
  },
};

export default rule;
