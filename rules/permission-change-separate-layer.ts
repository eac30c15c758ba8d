import {
  shippedSteps,
  deleteInstruction,
  earlierStepsInImage,
  hasOption,
  homeOf,
  instructionLabel,
  lineOf,
  moveIntoEarlierRun,
  pathDepth,
  pathsOverlap,
  resolveAgainst,
  type Fix,
  type LayerStep,
  type Rule,
  type ShellCommand,
} from '../src/kit/index.js';

/**
 * `COPY . /app` then `RUN chown -R app /app`, or `RUN curl -o /usr/local/bin/tool …` then `RUN chmod +x
 * /usr/local/bin/tool`: changing owner or mode copies every changed file up into the new layer, so
 * the files are stored twice. COPY --chown / --chmod, or the chmod in the RUN that made the files,
 * set them in the layer that holds them.
 */

/**
 * Commands that change a file's metadata, which makes overlayfs copy the whole file into the new layer:
 * permissions, owner, and file capabilities (`setcap cap_net_bind_service=+ep /usr/bin/app`, an xattr).
 */
const PERMISSION_PROGRAMS = new Set(['chmod', 'chown', 'chgrp', 'setcap']);

interface PermissionChange {
  command: ShellCommand;
  /** The paths changed, absolute; `-R` changes what is below them too. */
  paths: string[];
  recursive: boolean;
}

function permissionChanges(step: LayerStep): PermissionChange[] {
  const changes: PermissionChange[] = [];
  for (const command of step.instruction.script?.commands ?? []) {
    if (!PERMISSION_PROGRAMS.has(command.program)) continue;
    // Options start with -, but so do modes like -w and -x+r for chmod.
    const operands = command.argv.slice(1).filter((word) => !word.startsWith('-') || /^[-+=][rwxXst]+$/.test(word));
    const paths = operands.slice(1).filter((path) => !path.includes('$'));
    changes.push({
      command,
      paths: paths.map((path) => resolveAgainst(path, step.instruction.workdir, homeOf(step.instruction.user))),
      recursive: hasOption(command.argv, ['--recursive'], 'R'),
    });
  }
  return changes;
}

/**
 * Does the change reach every file written at `written`? A file when it is named (or a glob matches
 * it), or with -R when a directory above it is; a tree (a copied or cloned directory) only with -R
 * on it or above it: `chown app /app` changes the directory alone, and one script inside a copied
 * tree (`COPY . .` then `chmod +x gradlew`) costs only its own bytes.
 */
function changesAllOf(written: { path: string; tree: boolean }, change: PermissionChange): boolean {
  return change.paths.some((path) => {
    if (!pathsOverlap(path, written.path)) return false;
    const depth = pathDepth(path);
    const writtenDepth = pathDepth(written.path);
    if (written.tree) return change.recursive && depth <= writtenDepth;
    return depth === writtenDepth || (change.recursive && depth < writtenDepth);
  });
}

interface Creator {
  step: LayerStep;
  /** `download of kubectl`, or null for a COPY/ADD. */
  what: string | null;
}

/**
 * The latest earlier step whose files the change rewrites, every one of them: a COPY/ADD by what it
 * wrote, a RUN by what it downloaded, cloned or extracted (its other files are not known well enough).
 */
function creatorOf(change: PermissionChange, earlier: LayerStep[]): Creator | null {
  for (const step of [...earlier].reverse()) {
    if (step.copy?.writes.some((write) => changesAllOf(write, change))) return { step, what: null };
    const made = step.created.find(
      (effect) => (effect.kind === 'download' || effect.kind === 'extract') && changesAllOf({ path: effect.path, tree: effect.tree ?? false }, change),
    );
    if (made) return { step, what: made.what };
  }
  return null;
}

/**
 * `chown --from=root:root -R nobody /etc/conf` after `COPY --chown=nobody:nobody conf /etc/conf`: the files
 * are not owned by root:root, so nothing is changed and nothing is copied.
 */
function chownChangesNothing(change: PermissionChange, creator: Creator): boolean {
  const from = change.command.argv.find((word) => word.startsWith('--from='))?.slice('--from='.length);
  const copiedAs = creator.step.instruction.copy?.chown;
  if (change.command.program !== 'chown' || from === undefined || !copiedAs) return false;
  const owner = (spec: string) => spec.split(':')[0];
  return owner(from) !== '' && owner(from) !== owner(copiedAs);
}

/**
 * Is `COPY --chmod=MODE` / `--chown=OWNER` exactly what the RUN does? Only when the COPY wrote single
 * files (a directory the COPY lands in may have existed before, owned by root, and `chown -R app /app`
 * changes it too, which COPY --chown would not), the change names each of them and nothing else, the
 * mode is octal (what --chmod takes) and the owner has no variable, and the COPY does not set that flag
 * already. Both are in the same stage, so no other stage's image changes.
 */
function copyFlagIsEquivalent(copyStep: LayerStep, change: PermissionChange, runStep: LayerStep): boolean {
  const copy = copyStep.copy;
  const details = copyStep.instruction.copy;
  if (!copy || !details || copyStep.stageIndex !== runStep.stageIndex || copy.writes.some((write) => write.tree)) return false;
  const program = change.command.program;
  if ((program === 'chmod' && details.chmod !== null) || (program === 'chown' && details.chown !== null)) return false;
  const [value, ...rest] = change.command.argv.slice(1);
  if (rest.some((word) => word.startsWith('-')) || value === undefined) return false;
  if (program === 'chmod' ? !/^0?[0-7]{3,4}$/.test(value) : !/^[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)?$/.test(value)) return false;
  // Each source's file, where the model knows two places it may land (`COPY a.sh /bin/a.sh`: the file
  // itself, or /bin/a.sh/a.sh if that were a directory), named at one of them; and nothing else named.
  const written = new Set(copy.writes.map((write) => write.path));
  const sources = new Set(copy.writes.map((write) => write.source));
  const named = new Set(change.paths);
  return (
    change.paths.length === rest.length &&
    change.paths.every((path) => written.has(path)) &&
    [...sources].every((source) => copy.writes.some((write) => write.source === source && named.has(write.path)))
  );
}

/** The message's advice and the quick fix: a COPY flag, or the change moved into the RUN that made the files. */
function remedy(creator: Creator, change: PermissionChange, step: LayerStep, changesOnly: boolean): { advice: string; fix: Fix } {
  const { instruction } = creator.step;
  const program = change.command.program;
  if (creator.what === null) {
    const flag = program === 'chmod' ? '--chmod' : '--chown';
    const value = change.command.argv.slice(1).find((word) => !word.startsWith('-'));
    const safe = changesOnly && copyFlagIsEquivalent(creator.step, change, step) ? value : undefined;
    return {
      advice: `use ${instruction.keyword} ${flag}=${safe ?? '…'} instead`,
      fix: safe
        ? {
            description: `Add ${flag}=${safe} to the ${instruction.keyword} on line ${lineOf(instruction.range)} and delete this RUN.`,
            edits: [
              { range: { start: instruction.keywordRange.end, end: instruction.keywordRange.end }, newText: ` ${flag}=${safe}` },
              deleteInstruction(step.instruction),
            ],
            safety: 'safe',
          }
        : { description: `Add ${flag}=<value> to the ${instruction.keyword} on line ${lineOf(instruction.range)} and drop the ${program}.` },
    };
  }
  return {
    advice: `do it in that RUN instead (… && ${change.command.argv.join(' ')})`,
    fix: moveIntoEarlierRun(instruction, step.instruction, changesOnly, program),
  };
}

const rule: Rule = {
  meta: {
    id: 'permission-change-separate-layer',
    category: 'size',
    severity: 'warning',
    recommended: true,
    description: 'A chmod, chown or setcap in a RUN changes files an earlier COPY/ADD or RUN created, so every changed file is stored twice.',
    fixSafety: 'mixed',
  },
  check({ model, report }) {
    for (const { stage, step } of shippedSteps(model)) {
      const changes = permissionChanges(step);
      const noChange = (change: PermissionChange, creator: Creator) =>
        chownChangesNothing(change, creator) ||
        // COPY cannot set capabilities: only the RUN that made the file can do it without a second copy.
        (change.command.program === 'setcap' && creator.what === null);
      // A RUN that does nothing but this one change can be moved whole by the quick fix.
      const changesOnly = changes.length === 1 && step.instruction.script?.commands.length === 1;
      for (const change of changes) {
        const creator = creatorOf(change, earlierStepsInImage(model, stage, step));
        if (!creator || noChange(change, creator)) continue;
        const { instruction } = creator.step;
        const { advice, fix } = remedy(creator, change, step, changesOnly);
        report({
          message: `${change.command.program} here rewrites files that ${instructionLabel(instruction)} on line ${lineOf(instruction.range)} created${creator.what === null ? '' : ` (${creator.what})`}, so they are copied into a new layer and stored twice; ${advice}.`,
          range: change.command.range,
          related: [{ range: instruction.range, message: 'creates the files' }],
          fix,
        });
      }
    }
  },
};

export default rule;
