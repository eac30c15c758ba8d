import type { Rule } from '../src/engine/types.js';
import type { CopyWrite, LayerStep } from '../src/model/types.js';
import { homeOf } from '../src/parse/dockerfile.js';
import { isWithin, resolveAgainst } from '../src/util/paths.js';
import { mayWrite } from '../src/model/copy-destinations.js';
import { earlierStepsInImage, instructionLabel, lineOf } from '../src/model/queries.js';

/**
 * `COPY . /app` then `RUN chown -R app /app`: changing owner or mode copies every file up into the
 * new layer, so the files are stored twice. COPY --chown / --chmod set them in the COPY layer itself.
 */
function targets(step: LayerStep): { program: string; paths: string[]; range: LayerStep['instruction']['range'] }[] {
  const found = [];
  for (const command of step.instruction.script?.commands ?? []) {
    if (command.program !== 'chmod' && command.program !== 'chown' && command.program !== 'chgrp') continue;
    const operands = command.argv.slice(1).filter((word) => !word.startsWith('-') || /^[-+=][rwxXst]+$/.test(word));
    const paths = operands.slice(1).filter((path) => !path.includes('$'));
    found.push({
      program: command.program,
      paths: paths.map((path) => resolveAgainst(path, step.instruction.workdir, homeOf(step.instruction.user))),
      range: command.range,
    });
  }
  return found;
}

/** Does a chmod/chown of `path` (recursive or not) change every file of this write? */
function changesAllOf(write: CopyWrite, path: string): boolean {
  return write.tree ? isWithin(write.path, path) : mayWrite(write, path);
}

const rule: Rule = {
  meta: {
    id: 'permission-change-separate-layer',
    category: 'size',
    severity: 'warning',
    description: 'A chmod/chown in a RUN changes files an earlier COPY/ADD created, so every changed file is stored twice.',
  },
  check({ model, report }) {
    for (const stage of model.stages.filter((s) => s.inFinalImage)) {
      for (const step of stage.steps) {
        for (const target of targets(step)) {
          // The latest COPY whose files the command changes all of: `COPY entrypoint.sh /` then `chmod +x
          // /entrypoint.sh`, `COPY . /app` then `chown -R app /app`; not an earlier `COPY pyproject.toml
          // /app/`. One script inside a copied tree (`COPY . .` then `chmod +x gradlew`) costs only its own
          // bytes, and COPY --chmod would change every file: not reported.
          const copy = earlierStepsInImage(model, stage, step)
            .filter((candidate) => candidate.copy !== null && candidate.copy.writes.some((write) => target.paths.some((path) => changesAllOf(write, path))))
            .at(-1);
          if (!copy) continue;
          const flag = target.program === 'chmod' ? '--chmod' : '--chown';
          report({
            message: `${target.program} here rewrites files that ${instructionLabel(copy.instruction)} on line ${lineOf(copy.instruction.range)} created, so they are copied into a new layer and stored twice; use ${copy.instruction.keyword} ${flag}=… instead.`,
            range: target.range,
            related: [{ range: copy.instruction.range, message: 'creates the files' }],
            fix: { description: `Add ${flag}=<value> to the ${copy.instruction.keyword} on line ${lineOf(copy.instruction.range)} and drop the ${target.program}.` },
          });
        }
      }
    }
  },
};

export default rule;
