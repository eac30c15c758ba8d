import {
  basename,
  shippedSteps,
  globToRegExp,
  hasGlob,
  homeOf,
  instructionLabel,
  isArchive,
  lineOf,
  resolveAgainst,
  type LayerStep,
  type Rule,
  type ShellCommand,
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
          report({
            message: `${archive.source} stays in the layer of ${instructionLabel(step.instruction)} on line ${lineOf(step.instruction.range)} although this RUN extracts it, so the image stores it twice; ${fix}.`,
            range: command.range,
            related: [{ range: step.instruction.range, message: 'copies the archive into its own layer' }],
            fix: { description: fix[0].toUpperCase() + fix.slice(1) + '.' },
          });
          break;
        }
      }
    }
  },
};

export default rule;
