import {
  cachesLeftBy,
  commandLabel,
  deleteInstruction,
  isBefore,
  isPlainRun,
  lineOf,
  pathsOverlap,
  startsFromBusybox,
  systemPackageCall,
  type Fix,
  type Instruction,
  type ParsedDockerfile,
  type Rule,
  type SystemPackageCall,
} from '../src/kit/index.js';

/**
 * `RUN apt-get update` on its own: Docker caches that layer, so a later `RUN apt-get install` (or one
 * edited months later) installs from the stale index; the usual result is 404s for removed packages.
 */

/**
 * `RUN apt-get update` alone, right before `RUN apt-get install …` of the same stage: the update moved to
 * the front of the install (`RUN apt-get update && apt-get install …`). The same packages are installed
 * from an index that is now always fresh; the index's bytes move into the install's layer.
 */
function mergeIntoNextInstall(parsed: ParsedDockerfile, instruction: Instruction, update: SystemPackageCall): Fix | null {
  const stage = parsed.stages[instruction.stageIndex];
  const next = stage?.instructions[stage.instructions.indexOf(instruction) + 1];
  // Plain RUNs only: a --mount of either would change the merged RUN.
  if (!isPlainRun(instruction) || instruction.script?.commands.length !== 1 || !isPlainRun(next) || !next.argumentsRange) return null;
  const first = next.script?.commands[0];
  const install = first ? systemPackageCall(first) : null;
  if (!install || install.manager !== update.manager || install.action !== 'install' || next.script?.hasError) return null;
  return {
    description: `Move \`${instruction.argumentsText.trim()}\` into the install on line ${lineOf(next.range)} and delete this RUN.`,
    edits: [
      deleteInstruction(instruction),
      { range: { start: next.argumentsRange.start, end: next.argumentsRange.start }, newText: `${instruction.argumentsText.trim()} && ` },
    ],
  };
}

const rule: Rule = {
  meta: {
    id: 'package-index-alone',
    category: 'cache',
    severity: 'warning',
    recommended: true,
    description: 'A package index update runs in a RUN with no install, so the cached index goes stale for later installs.',
    fixSafety: 'safe',
  },
  check({ model, report }) {
    for (const step of model.steps) {
      // apt on an Alpine base (docker/awesome-compose: `apt update && apt add git` on golang:…-alpine) fails the
      // build: there is no index to go stale, and this rule's advice would not help.
      const alpine = startsFromBusybox(model.parsed, step.stageIndex);
      const calls = (step.instruction.script?.commands ?? [])
        .map(systemPackageCall)
        .filter((call): call is NonNullable<typeof call> => call !== null && !(alpine && call.manager === 'apt'));
      for (const update of calls.filter((call) => call.action === 'update')) {
        const installsToo = calls.some((call) => call.manager === update.manager && (call.action === 'install' || call.action === 'upgrade'));
        if (installsToo) continue;
        // `apt-get update && pip install … && rm -rf /var/lib/apt/lists/*`: no stale index is cached, but the
        // download of the whole index was for nothing.
        const indexDeletedLater = step.deleted.some(
          (deleted) =>
            isBefore(update.command.range.start, deleted.range.start) && cachesLeftBy(update).some((index) => pathsOverlap(deleted.path, index.path)),
        );
        if (indexDeletedLater) {
          report({
            message: `${commandLabel(update.command)} is followed by no install in this RUN, which deletes the index again: it only costs build time (a download of the whole index); remove it, or install what needs it in this RUN.`,
            range: update.command.range,
          });
          continue;
        }
        report({
          message: `${commandLabel(update.command)} runs without an install in the same RUN, so Docker caches the index and later installs use a stale one; update and install in one RUN.`,
          range: update.command.range,
          fix: mergeIntoNextInstall(model.parsed, step.instruction, update) ?? {
            description: 'Join the update with the install that needs it: `RUN apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*`.',
          },
        });
      }
    }
  },
};

export default rule;
