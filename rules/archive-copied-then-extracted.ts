import {
  basename,
  deleteInstruction,
  shippedSteps,
  globToRegExp,
  hasGlob,
  homeOf,
  instructionLabel,
  isArchive,
  isPlainRun,
  lineOf,
  resolveAgainst,
  type LayerStep,
  type Rule,
  type ShellCommand,
  type TextEdit,
} from '../src/kit/index.js';

/**
 * `COPY app.tar.gz /tmp/` then `RUN tar -xzf /tmp/app.tar.gz && rm /tmp/app.tar.gz`: the archive stays
 * in the COPY layer, so the image holds it and its extracted content.
 */

/**
 * Paths where a COPY/ADD puts its archive sources (ADD extracts local tar archives itself: those are
 * tree writes, not files). `COPY app.tgz .` may put it at two paths when the destination is ambiguous.
 */
function copiedArchives(step: LayerStep): { source: string; paths: string[] }[] {
  if (!step.copy || step.copy.fromStage !== null) return [];
  const archives = new Map<string, string[]>();
  for (const write of step.copy.writes) {
    if (write.tree || !isArchive(write.source)) continue;
    archives.set(write.source, [...(archives.get(write.source) ?? []), write.path]);
  }
  return [...archives].map(([source, paths]) => ({ source, paths }));
}

/**
 * `COPY app.tar.gz /tmp/` + `RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz` as one
 * `ADD app.tar.gz /opt/`, for that plain shape only: the COPY copies the archive alone and sets nothing
 * (no --chown, whose effect on extracted files differs), the RUN is the extraction and at most the
 * removal of the archive, and tar is given only x, a compression letter, f, v and -C (ADD knows no
 * --strip-components, no member list). Unsafe: ADD extracts as root with the archive's owners, and the
 * archive file itself is then never in the image.
 */
function addEdits(copyStep: LayerStep, archive: { source: string; paths: string[] }, runStep: LayerStep, tar: ShellCommand): TextEdit[] | null {
  const copy = copyStep.instruction;
  if (
    copy.keyword !== 'COPY' ||
    copy.flags.length > 0 ||
    copy.copy?.sources.length !== 1 ||
    copyStep.stageIndex !== runStep.stageIndex ||
    tar.program !== 'tar'
  )
    return null;
  const run = runStep.instruction;
  const commands = run.script?.commands ?? [];
  const removesArchive = (command: ShellCommand) =>
    command.program === 'rm' &&
    command.argv.slice(1).every((word) => /^-[rf]+$/.test(word) || archive.paths.includes(resolveAgainst(word, run.workdir, homeOf(run.user))));
  if (!isPlainRun(run) || commands[0] !== tar || !commands.slice(1).every(removesArchive) || commands.length > 2) return null;
  let directory = run.workdir;
  for (let i = 1; i < tar.argv.length; i++) {
    const word = tar.argv[i];
    if (word === '-C' || word === '--directory') directory = tar.argv[++i] ?? '';
    else if (word.startsWith('--directory=')) directory = word.slice('--directory='.length);
    else if (/^-[xzjJfv]+$/.test(word) || (i === 1 && /^[xzjJfv]+$/.test(word))) {
      if (word.endsWith('f')) i++; // the archive
    } else if (word === '-f' || word === '--file') i++;
    else if (!word.startsWith('--file=')) return null;
  }
  if (!directory || directory.includes('$')) return null;
  const target = resolveAgainst(directory, run.workdir, homeOf(run.user));
  return [
    { range: { start: copy.range.start, end: copy.range.end }, newText: `ADD ${archive.source} ${target.endsWith('/') ? target : `${target}/`}` },
    deleteInstruction(run),
  ];
}

/** The archive a tar/unzip command extracts. */
function extractedFile(command: ShellCommand): string | null {
  const { program, argv } = command;
  if (program === 'unzip') return argv.slice(1).find((word) => !word.startsWith('-')) ?? null;
  if (program !== 'tar' || !argv.some((w) => /^-?[a-zA-Z]*x/.test(w) || w === '--extract')) return null;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i].startsWith('--file=')) return argv[i].slice('--file='.length);
    if ((argv[i] === '--file' || /^-?[a-zA-Z]*f$/.test(argv[i])) && !argv[i].startsWith('--')) return argv[i + 1] ?? null;
  }
  return null;
}

const rule: Rule = {
  meta: {
    id: 'archive-copied-then-extracted',
    category: 'size',
    severity: 'warning',
    recommended: true,
    description: 'An archive is copied into a layer and extracted by a later RUN, so the image stores both the archive and its content.',
    hadolint: ['DL3010'],
    fixSafety: 'unsafe',
  },
  check({ model, report }) {
    for (const { step, later } of shippedSteps(model)) {
      for (const archive of copiedArchives(step)) {
        for (const laterStep of later) {
          const command = (laterStep.instruction.script?.commands ?? []).find((c) => {
            const file = extractedFile(c);
            if (!file) return false;
            const path = resolveAgainst(file, laterStep.instruction.workdir, homeOf(laterStep.instruction.user));
            return archive.paths.some((copied) => path === copied || (hasGlob(path) && globToRegExp(path).test(copied)));
          });
          if (!command) continue;
          const isTar = !/\.zip$/i.test(archive.source) && step.copy!.sources.every((s) => s.volatility !== 'remote');
          const fix = isTar
            ? `use \`ADD ${archive.source} <dir>/\`, which extracts a local tar archive in one layer`
            : `extract it from a bind mount instead: \`RUN --mount=type=bind,source=${archive.source},target=/tmp/${basename(archive.source)} …\``;
          const edits = isTar ? addEdits(step, archive, laterStep, command) : null;
          report({
            message: `${archive.source} stays in the layer of ${instructionLabel(step.instruction)} on line ${lineOf(step.instruction.range)} although this RUN extracts it, so the image stores it twice; ${fix}.`,
            range: command.range,
            related: [{ range: step.instruction.range, message: 'copies the archive into its own layer' }],
            fix: { description: fix[0].toUpperCase() + fix.slice(1) + '.', edits: edits ?? undefined },
          });
          break;
        }
      }
    }
  },
};

export default rule;
