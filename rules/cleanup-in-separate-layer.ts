import {
  shippedSteps,
  basename,
  earlierStepsInImage,
  hasGlob,
  instructionLabel,
  isArchive,
  isBefore,
  isWithin,
  lineOf,
  mayWrite,
  moveIntoEarlierRun,
  pathsOverlap,
  type CopyWrite,
  type FileEffect,
  type LayerStep,
  type Rule,
} from '../src/kit/index.js';

/**
 * Deleting in a later RUN does not shrink an image: the files stay in the layer that created them and
 * the new layer only adds a whiteout. The seed case: `RUN make /app` then `RUN rm -r $HOME/.cache`.
 */

/** Without a known context, only these names under a COPY destination are assumed to come from the context. */
const CONTEXT_JUNK = /^(\.git|node_modules|\.venv|venv|__pycache__|\.pytest_cache|\.tox|\.cache|coverage|\.idea|\.vscode)$/;

/** Commands that only look at or tidy files: a RUN of nothing else before a deletion wrote nothing itself. */
const FILE_CHORES = new Set(['rm', 'cd', 'set', 'true', 'echo', 'find', 'ls', 'mkdir', 'chmod', 'chown', 'du', 'test', '[']);

/**
 * The current RUN made this path itself, before deleting it (`echo … > config/database.yml; bundle install;
 * rm config/database.yml`, `curl -O x.deb && dpkg -i x.deb && rm x.deb`), and the earlier step only made a
 * whole tree around it (a tar extracted into / or into WORKDIR): the deleted file is this RUN's own, not a
 * part of that tree. When the earlier step made the very same path (apt lists updated in two RUNs), its
 * copy is still in its layer, and the finding stands.
 */
function ownFileInsideEarlierTree(step: LayerStep, deletion: FileEffect, earlier: FileEffect): boolean {
  const deleted = deletion.path.replace(/\/\*$/, '');
  const madeHere = step.created.some(
    (created) => created.kind !== 'packages' && isBefore(created.range.start, deletion.range.start) && isWithin(deleted, created.path),
  );
  return madeHere && earlier.kind !== 'packages' && deleted !== earlier.path && isWithin(deleted, earlier.path);
}

/** Did this RUN run a program before the deletion that may have written the deleted files (a build, an install)? */
function mayHaveWrittenItself(step: LayerStep, deletion: FileEffect): boolean {
  return (step.instruction.script?.commands ?? []).some((command) => isBefore(command.range.start, deletion.range.start) && !FILE_CHORES.has(command.program));
}

/** The write of a COPY/ADD that created `deleted`, if any. */
function copyCreated(creator: LayerStep, deleted: string, deleting?: { step: LayerStep; deletion: FileEffect }): CopyWrite | undefined {
  return creator.copy!.writes.find((write) => (write.tree ? treeCreated(creator, write, deleted, deleting) : mayWrite(write, deleted)));
}

/** Did copying a directory (or the whole context) into write.path create `deleted`? */
function treeCreated(creator: LayerStep, write: CopyWrite, deleted: string, deleting?: { step: LayerStep; deletion: FileEffect }): boolean {
  if (!pathsOverlap(deleted, write.path)) return false;
  const below = deleted.slice(write.path.length).replace(/^\/+/, '');
  if (below === '' || deleted.length <= write.path.length) return true;
  const source = creator.copy!.sources.find((candidate) => candidate.path === write.source);
  // Without the context, `.cache` or `tmp` under the copied tree is a guess: when the deleting RUN ran a
  // build before (mastodon: `rails assets:precompile; rm -rf tmp/* .cache/*`), it most likely wrote them itself.
  if (!source || source.matchedFiles === null)
    return CONTEXT_JUNK.test(below.split('/')[0]) && !(deleting && mayHaveWrittenItself(deleting.step, deleting.deletion));
  // With a context: does any copied file land at or below the deleted path?
  const sourceDirectory = source.path.replace(/^\.\//, '').replace(/\/$/, '');
  return source.matchedFiles.some((file) => {
    const relative = sourceDirectory === '.' || sourceDirectory === '' ? file : file.slice(sourceDirectory.length + 1) || file;
    return pathsOverlap(deleted, `${write.path}/${relative}`);
  });
}

function creates(creator: LayerStep, deletion: FileEffect, deletingStep: LayerStep): FileEffect | null {
  for (const created of creator.created) {
    if (deletion.kind === 'packages' || created.kind === 'packages') {
      if (deletion.kind !== created.kind) continue;
      const removed = deletion.packages ?? [];
      if (removed.some((name) => (created.packages ?? []).includes(name))) return created;
      continue;
    }
    if (created.kind === 'copy') {
      if (copyCreated(creator, deletion.path, { step: deletingStep, deletion })) return created;
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

/** Commands that change files in place: on a bind mount they need `rw` (their changes are then discarded). */
const WRITES_IN_PLACE = new Set(['chmod', 'chown', 'sed', 'touch', 'mv', 'patch', 'perl', 'tee']);

/**
 * A file that was copied only to be used and deleted (`COPY install.sh /tmp/` … `RUN /tmp/install.sh &&
 * rm /tmp/install.sh`): a bind mount gives the RUN the file without storing it in any layer.
 */
function useWithoutCopying(creator: LayerStep, write: CopyWrite, deleting: LayerStep): string {
  const copy = creator.copy!;
  const source = copy.sources.find((candidate) => candidate.path === write.source);
  if (source?.volatility === 'remote') return `download it in the RUN that uses and deletes it instead, so that it never lands in a layer`;
  if (source?.volatility === 'inline') return `write it in the RUN that uses and deletes it instead (a RUN heredoc), so that it never lands in a layer`;
  const from = creator.instruction.copy!.from !== null ? `from=${creator.instruction.copy!.from},` : '';
  // paperless-ngx: `cd docker && chmod +x install.sh && ./install.sh && cd .. && rm docker -rf`. A bind mount is
  // read-only unless `rw`, and its mount point cannot be removed, so the advice says both.
  const writes = (deleting.instruction.script?.commands ?? []).some((command) => WRITES_IN_PLACE.has(command.program));
  return `mount it into the RUN that uses it instead of copying it (\`RUN --mount=type=bind,${from}source=${write.source},target=${write.path}${writes ? ',rw' : ''} …\`, without the rm), so that it never lands in a layer`;
}

/**
 * Files that hold credentials (a registry token in .npmrc, an SSH key): copied into a layer, they can be
 * read by anyone who pulls the image, whatever a later RUN deletes.
 */
const SECRET_FILE =
  /^(\.npmrc|\.yarnrc(\.yml)?|\.pypirc|\.netrc|\.git-credentials|\.dockercfg|auth\.json|id_(rsa|dsa|ecdsa|ed25519)|[\w.-]+\.(pem|key|p12|pfx)|credentials(\.json)?)$/;

/** `a, b and c`. */
function joinNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
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
    recommended: true,
    description: 'A RUN deletes files that an earlier layer created; the bytes stay in the image because each layer is stored.',
    fixSafety: 'unsafe',
  },
  check({ model, report }) {
    for (const { stage, step } of shippedSteps(model)) {
      if (step.deleted.length === 0) continue;
      const earlier = earlierStepsInImage(model, stage, step);
      const creators: { step: LayerStep; effect: FileEffect; deletion: FileEffect }[] = [];
      for (const deletion of step.deleted) {
        for (const candidate of earlier) {
          const effect = creates(candidate, deletion, step);
          if (effect && ownFileInsideEarlierTree(step, deletion, effect)) continue;
          // A copied archive that this RUN unpacks and deletes: archive-copied-then-extracted says so, with its fix.
          if (effect?.kind === 'copy' && isArchive(deletion.path) && step.created.some((created) => created.kind === 'extract')) continue;
          if (!effect || removedInOwnLayer(candidate, effect, effect.path) || removedInOwnLayer(candidate, effect, deletion.path)) continue;
          if (!creators.some((c) => c.step === candidate && c.deletion === deletion)) creators.push({ step: candidate, effect, deletion });
        }
      }
      if (creators.length === 0) continue;
      const first = creators[0];
      const cleanupOnly =
        step.deleted.length > 0 && step.created.length === 0 && step.systemPackages.every((c) => c.action === 'clean' || c.action === 'remove');
      const fromCopy = first.effect.kind === 'copy';
      const copiedFile = fromCopy ? copyCreated(first.step, first.deletion.path) : undefined;
      // Deleting all that a COPY wrote: it was only needed during a RUN.
      const deletesAllOfIt = copiedFile !== undefined && (!copiedFile.tree || isWithin(copiedFile.path, first.deletion.path));
      const several = new Set(creators.filter((c) => c.step === first.step).map((c) => c.deletion.path)).size > 1;
      const single = deletesAllOfIt ? useWithoutCopying(first.step, copiedFile, step) : null;
      const fileAdvice =
        single && several
          ? single
              .replace(
                'mount it into the RUN that uses it instead of copying it (',
                'mount them into the RUN that uses them instead of copying them (one bind mount each: ',
              )
              .replace('so that it never lands', 'so that they never land')
          : single;
      const copiedFrom = first.step.instruction.copy?.from ?? null;
      const advice =
        fileAdvice ??
        (!fromCopy
          ? `do it in that same RUN instead`
          : copiedFrom !== null
            ? `COPY only what is needed from ${copiedFrom} instead`
            : `exclude them with .dockerignore (or COPY only what is needed) instead`);
      // Every path this RUN deletes of what the same step made, not only the first (`rm a.txt b.txt c.txt`).
      const sameCreator = [...new Set(creators.filter((c) => c.step === first.step).map(describe))];
      const secret = fromCopy ? creators.find((c) => c.step === first.step && SECRET_FILE.test(basename(c.deletion.path))) : undefined;
      if (secret) {
        const target = secret.deletion.path;
        const id = basename(target)
          .replace(/^\./, '')
          .replace(/[^\w-]/g, '_');
        report({
          message: `This deletes ${target}, created by ${instructionLabel(first.step.instruction)} on line ${lineOf(first.step.instruction.range)}, but it stays in that layer, where anyone who pulls the image can read it; pass it as a build secret instead of copying it (\`RUN --mount=type=secret,id=${id},target=${target} …\`, with \`docker build --secret id=${id},src=${basename(target)}\`).`,
          range: secret.deletion.range,
          related: [{ range: first.step.instruction.range, message: `copies ${target} into a layer` }],
          fix: { description: `Remove ${basename(target)} from the COPY and mount it as a secret in the RUN that needs it.` },
          properties: { createdBy: lineOf(first.step.instruction.range), deletedPaths: [target], secret: true },
        });
        continue;
      }
      report({
        message: `This deletes ${joinNames(sameCreator)}, created by ${instructionLabel(first.step.instruction)} on line ${lineOf(first.step.instruction.range)}, but those bytes stay in that layer and the image does not shrink; ${advice}.`,
        range: first.deletion.range,
        related: creators.map((c) => ({ range: c.step.instruction.range, message: `creates ${describe(c)}` })),
        fix: fromCopy
          ? { description: `${advice[0].toUpperCase()}${advice.slice(1)}.` }
          : moveIntoEarlierRun(first.step.instruction, step.instruction, cleanupOnly, 'cleanup'),
        properties: { createdBy: lineOf(first.step.instruction.range), deletedPaths: [...new Set(creators.map((c) => c.deletion.path))] },
      });
    }
  },
};

export default rule;
