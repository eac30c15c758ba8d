import type { Fix, Rule, TextEdit } from '../src/engine/types.js';
import { deleteInstruction } from '../src/engine/edits.js';
import type { Instruction } from '../src/parse/types.js';
import type { FileEffect, LayerStep } from '../src/model/types.js';
import { isBefore } from '../src/parse/positions.js';
import { hasGlob, pathsOverlap } from '../src/util/paths.js';
import { earlierStepsInImage, instructionLabel, lineOf } from '../src/model/queries.js';

/**
 * Deleting in a later RUN does not shrink an image: the files stay in the layer that created them and
 * the new layer only adds a whiteout. The seed case: `RUN make /app` then `RUN rm -r $HOME/.cache`.
 */

/** Without a known context, only these names under a COPY destination are assumed to come from the context. */
const CONTEXT_JUNK = /^(\.git|node_modules|\.venv|venv|__pycache__|\.pytest_cache|\.tox|\.cache|coverage|\.idea|\.vscode)$/;

function copyCreated(creator: LayerStep, deleted: string): boolean {
  const destination = creator.copy!.destination;
  if (!pathsOverlap(deleted, destination)) return false;
  const below = deleted.slice(destination.length).replace(/^\/+/, '');
  if (below === '' || deleted.length <= destination.length) return true;
  const sources = creator.copy!.sources;
  if (sources.every((source) => source.matchedFiles === null)) return CONTEXT_JUNK.test(below.split('/')[0]);
  // With a context: does any copied file land at or below the deleted path?
  return sources.some((source) => (source.matchedFiles ?? []).some((file) => {
    const relative = source.path === '.' || source.path === './' ? file : file.slice(source.path.replace(/^\.\//, '').replace(/\/$/, '').length + 1) || file;
    return pathsOverlap(deleted, `${destination}/${relative}`);
  }));
}

function creates(creator: LayerStep, deletion: FileEffect): FileEffect | null {
  for (const created of creator.created) {
    if (deletion.kind === 'packages' || created.kind === 'packages') {
      if (deletion.kind !== created.kind) continue;
      const removed = deletion.packages ?? [];
      if (removed.some((name) => (created.packages ?? []).includes(name))) return created;
      continue;
    }
    if (created.kind === 'copy') {
      if (copyCreated(creator, deletion.path)) return created;
      continue;
    }
    if (pathsOverlap(deletion.path, created.path)) return created;
  }
  return null;
}

/**
 * True when the creating step itself removes `path` again after creating it, in its own RUN (the
 * docker-library pattern: `apt-get update … && rm -rf /var/lib/apt/lists/*`). Asked for the created path
 * (nothing of it is left in that layer) and for the later deletion's path (`rm -rf /var/cache/apt/archives`
 * in two RUNs: the first left the rest of /var/cache/apt, but nothing under archives for the second to
 * waste). A deletion counts only if it covers the whole path (`/var/lib/apt/lists/*` covers
 * `/var/lib/apt/lists`), not just a part of it.
 */
function removedInOwnLayer(creator: LayerStep, effect: FileEffect, path: string): boolean {
  return creator.deleted.some((own) => {
    if (effect.kind === 'packages' || own.kind === 'packages') return false;
    const covering = own.path.replace(/\/\*$/, '');
    return isBefore(effect.range.start, own.range.start) && !hasGlob(covering) && (path === covering || path.startsWith(`${covering}/`));
  });
}

/** Append the cleanup to the creating RUN and delete the cleanup RUN, when both are plain one-script RUNs. */
function mergeFix(creator: Instruction, cleanup: Instruction, cleanupOnly: boolean): Fix {
  const description = `Move the cleanup into the RUN on line ${lineOf(creator.range)} (\`… && ${cleanup.argumentsText.trim()}\`) and delete this RUN.`;
  const plain = (instruction: Instruction) => instruction.form === 'shell' && instruction.heredocs.length === 0 && instruction.flags.length === 0;
  if (!cleanupOnly || !plain(creator) || !plain(cleanup) || creator.stageIndex !== cleanup.stageIndex) return { description };
  const edits: TextEdit[] = [
    { range: { start: creator.range.end, end: creator.range.end }, newText: ` \\\n    && ${cleanup.argumentsText.trim()}` },
    deleteInstruction(cleanup),
  ];
  return { description, edits };
}

/** `/root/.cache (build cache that make … write)`, `apt packages gcc`, `/app/.git`. */
function describe(match: { effect: FileEffect; deletion: FileEffect }): string {
  if (match.effect.kind === 'packages') return match.effect.what;
  if (match.effect.kind === 'copy') return match.deletion.path;
  return `${match.effect.path} (${match.effect.what})`;
}

const rule: Rule = {
  meta: {
    id: 'cleanup-in-separate-layer',
    category: 'size',
    severity: 'warning',
    description: 'A RUN deletes files that an earlier layer created; the bytes stay in the image because each layer is stored.',
  },
  check({ model, report }) {
    for (const stage of model.stages.filter((s) => s.inFinalImage)) {
      for (const step of stage.steps) {
        if (step.deleted.length === 0) continue;
        const earlier = earlierStepsInImage(model, stage, step);
        const creators: { step: LayerStep; effect: FileEffect; deletion: FileEffect }[] = [];
        for (const deletion of step.deleted) {
          for (const candidate of earlier) {
            const effect = creates(candidate, deletion);
            if (!effect || removedInOwnLayer(candidate, effect, effect.path) || removedInOwnLayer(candidate, effect, deletion.path)) continue;
            if (!creators.some((c) => c.step === candidate && c.deletion === deletion)) creators.push({ step: candidate, effect, deletion });
          }
        }
        if (creators.length === 0) continue;
        const first = creators[0];
        const cleanupOnly = step.deleted.length > 0 && step.created.length === 0 && step.systemPackages.every((c) => c.action === 'clean' || c.action === 'remove');
        const fromCopy = first.effect.kind === 'copy';
        const advice = fromCopy
          ? `exclude them with .dockerignore (or COPY only what is needed) instead`
          : `do it in that same RUN instead`;
        report({
          message: `This deletes ${describe(first)}, created by ${instructionLabel(first.step.instruction)} on line ${lineOf(first.step.instruction.range)}, but those bytes stay in that layer and the image does not shrink; ${advice}.`,
          range: first.deletion.range,
          related: creators.map((c) => ({ range: c.step.instruction.range, message: `creates ${describe(c)}` })),
          fix: fromCopy ? { description: 'Add the deleted paths to .dockerignore and remove this RUN.' } : mergeFix(first.step.instruction, step.instruction, cleanupOnly),
          properties: { createdBy: lineOf(first.step.instruction.range), deletedPaths: [...new Set(creators.map((c) => c.deletion.path))] },
        });
      }
    }
  },
};

export default rule;
