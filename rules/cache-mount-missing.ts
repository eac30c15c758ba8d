import { commandLabel, earlierStepsInImage, lineOf, pathsOverlap, type FileEffect, type LayerStep, type Rule } from '../src/kit/index.js';

/**
 * An install or build that downloads into a cache directory starts from an empty cache whenever its step
 * re-runs. A BuildKit cache mount keeps that directory between builds (and out of the layer): npm, yarn, pnpm,
 * pip, Poetry, Go, Cargo, Maven, Gradle, NuGet, Composer and apt each get the path they really write to, as
 * the layer model knows it (the official images' GOPATH and CARGO_HOME, PIP_CACHE_DIR, …). apt needs
 * `sharing=locked` and the removal of the Debian images' docker-clean hook, or the mount stays empty.
 */

/** Caches worth a mount: downloads a later build would fetch again. Not the guessed build caches of make. */
const MOUNTABLE =
  /^(npm cache|yarn cache|pnpm store|pip cache|Poetry cache|Go module cache|Go build cache|Cargo registry cache|Maven repository|Gradle cache|NuGet package cache|Composer cache|apt package lists)$/;

function mountFor(effect: FileEffect): string {
  return effect.what === 'apt package lists'
    ? '--mount=type=cache,target=/var/lib/apt,sharing=locked --mount=type=cache,target=/var/cache/apt,sharing=locked'
    : `--mount=type=cache,target=${effect.path}`;
}

/**
 * Can the mount be added as it is? Not for apt (the docker-clean hook must go too), not when later steps
 * read the cache from this layer (they need the mount as well), not when the RUN deletes the cache (it
 * would wipe the mount), and only as root: a cache mount is root's, and npm run as `node` could not write it.
 */
function mountEditable(step: LayerStep, caches: FileEffect[], readLater: boolean): boolean {
  if (readLater || caches.some((effect) => effect.what === 'apt package lists')) return false;
  if (step.deleted.some((deleted) => caches.some((effect) => pathsOverlap(deleted.path, effect.path)))) return false;
  return ['', 'root', '0', '0:0', 'root:root'].includes(step.instruction.user);
}

/**
 * Does a later RUN of the stage run the same tool (`go mod verify`, then `go run build.go build`)? It
 * may read the cache from this layer without the model knowing: mounted here, the files are gone for it.
 */
function sameToolLater(steps: LayerStep[], step: LayerStep, program: string | undefined): boolean {
  if (!program) return true;
  return steps.some((later) => later.id > step.id && (later.instruction.script?.commands ?? []).some((command) => command.program === program));
}

const rule: Rule = {
  meta: {
    id: 'cache-mount-missing',
    category: 'cache',
    severity: 'info',
    recommended: false,
    optInBecause:
      'A cache mount speeds up rebuilds but is not a defect: it needs BuildKit, and images built once in CI from a clean builder gain nothing from it.',
    description: 'An install or build downloads into a cache directory that a BuildKit cache mount could keep between builds.',
    // Unsafe: the image no longer holds the cache (what a later stage copying it would miss), and it needs BuildKit.
    fixSafety: 'unsafe',
  },
  check({ model, report }) {
    for (const stage of model.stages)
      for (const step of stage.steps) {
        if (step.instruction.keyword !== 'RUN') continue;
        // A cache an earlier layer already holds (`go mod download`, then `go build`) would be hidden by a mount
        // over it: the build would start from the empty mount and download everything again.
        const earlier = earlierStepsInImage(model, stage, step);
        const inLowerLayer = (effect: FileEffect) => earlier.some((other) => other.created.some((made) => made.path === effect.path));
        const caches = step.created.filter(
          (effect) => effect.kind === 'cache' && effect.certainty === 'certain' && MOUNTABLE.test(effect.what) && !inLowerLayer(effect),
        );
        const unique = caches.filter((effect, i) => caches.findIndex((other) => other.path === effect.path) === i);
        if (unique.length === 0) continue;
        const first = step.instruction.script?.commands.find(
          (command) => command.range.start.line === unique[0].range.start.line && command.range.start.character === unique[0].range.start.character,
        );
        const mounts = [...new Set(unique.map(mountFor))].join(' ');
        const apt = unique.some((effect) => effect.what === 'apt package lists')
          ? ' For apt, also run `rm -f /etc/apt/apt.conf.d/docker-clean` first (it empties /var/cache/apt after each install) and drop the rm -rf of the lists.'
          : '';
        // Later steps that read the same cache (`go build` after `go mod download`) need the mount too: once it is
        // mounted here, its files are no longer in this layer for them.
        const readers = stage.steps.filter((later) => later.id > step.id && later.created.some((made) => unique.some((effect) => effect.path === made.path)));
        const alsoOn =
          readers.length > 0
            ? `, here and on line${readers.length > 1 ? 's' : ''} ${readers.map((reader) => lineOf(reader.instruction.range)).join(', ')}, which read${readers.length > 1 ? '' : 's'} it`
            : '';
        report({
          message: `${first ? commandLabel(first) : 'This RUN'} downloads into ${unique.map((effect) => `${effect.path} (${effect.what})`).join(', ')} again each time this step re-runs; keep it between builds with \`RUN ${mounts} …\` (BuildKit)${alsoOn}.${apt}`,
          range: unique[0].range,
          fix: {
            description: `Add ${mounts} to this RUN.`,
            edits: mountEditable(step, unique, readers.length > 0 || sameToolLater(stage.steps, step, first?.program))
              ? [{ range: { start: step.instruction.keywordRange.end, end: step.instruction.keywordRange.end }, newText: ` ${mounts}` }]
              : undefined,
          },
          properties: { cachePaths: unique.map((effect) => effect.path) },
        });
      }
  },
};

export default rule;
