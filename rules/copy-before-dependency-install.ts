import type { Rule } from '../src/engine/types.js';
import type { DependencyInstall, Ecosystem } from '../src/model/knowledge/dependencies.js';
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

/** `cargo build` fetches every crate when nothing fetched them before: treat it as an install too. */
function installsOf(step: LayerStep): DependencyInstall[] {
  const cargoBuilds = step.builds
    .filter((build) => build.tool === 'cargo build')
    .map((build): DependencyInstall => ({ ecosystem: 'cargo', manifests: MANIFESTS.cargo, command: build.command, directory: build.directory }));
  return [...step.dependencyInstalls, ...cargoBuilds];
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

/** The manifest files to name: those present in the build context when known, else the usual pair. */
function manifestsToCopy(model: LayerModel, install: DependencyInstall): string[] {
  if (install.ecosystem === 'pip') return install.manifests.map(basename);
  const essential = ESSENTIAL_MANIFESTS[install.ecosystem];
  if (!model.context) return essential;
  const present = MANIFESTS[install.ecosystem].filter((pattern) => model.context!.files.some((file) => globToRegExp(pattern).test(file)));
  return present.length > 0 ? present : essential;
}

const rule: Rule = {
  meta: {
    id: 'copy-before-dependency-install',
    category: 'cache',
    severity: 'warning',
    description: 'A broad COPY comes before a dependency install that only needs the manifest files, so every source edit reinstalls all dependencies.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const step of stage.steps) {
        const installs = installsOf(step);
        if (installs.length === 0) continue;
        const earlier = earlierStepsInImage(model, stage, step);
        const broadIndex = earlier.findIndex((candidate) => broadSources(candidate).length > 0);
        if (broadIndex < 0) continue;
        const broad = earlier[broadIndex];
        const before = earlier.slice(0, broadIndex);
        const reported = new Set<Ecosystem>();
        for (const install of installs) {
          // Quiet when the same ecosystem was already installed from its manifests before the broad COPY.
          const alreadyInstalled = before.some((candidate) => installsOf(candidate).some((i) => i.ecosystem === install.ecosystem));
          if (alreadyInstalled || reported.has(install.ecosystem) || installsFetchedFiles(step, install, earlier)) continue;
          reported.add(install.ecosystem);
          const manifests = manifestsToCopy(model, install);
          report({
            message: `${instructionLabel(broad.instruction)} on line ${lineOf(broad.instruction.range)} comes before ${commandLabel(install.command)}, so every source edit re-runs the install; COPY ${manifests.join(' ')} first, install, then COPY the rest.`,
            range: install.command.range,
            related: [{ range: broad.instruction.range, message: 'this COPY changes with every source edit' }],
            fix: { description: `Add \`COPY ${manifests.join(' ')} ./\` and the install above ${instructionLabel(broad.instruction)}.` },
            properties: { ecosystem: install.ecosystem, manifests },
          });
        }
      }
    }
  },
};

export default rule;
