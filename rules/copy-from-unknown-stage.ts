import { editDistance, lineOf, type Rule } from '../src/kit/index.js';

/**
 * `COPY --from=buidl …`: a name that is no earlier stage is taken as an image to pull, so a typo or a
 * forward reference fails late (or, worse, pulls an unrelated image). Bare names that are valid image
 * names (`--from=nginx`) are only reported when they look like a typo of a stage name.
 */
const rule: Rule = {
  meta: {
    id: 'copy-from-unknown-stage',
    category: 'stages',
    severity: 'error',
    recommended: true,
    description: 'COPY --from names no earlier stage and is not an image reference (a typo, a later stage, or the stage itself).',
    hadolint: ['DL3022', 'DL3023'],
  },
  check({ model, parsed, report }) {
    for (const step of model.steps) {
      const from = step.instruction.copy?.from;
      if (!from || step.copy?.fromStage !== null || from.includes('$')) continue;
      const own = parsed.stages[step.stageIndex];
      const later = parsed.stages.find(
        (stage, index) => index >= step.stageIndex && (stage.name?.toLowerCase() === from.toLowerCase() || String(index) === from),
      );
      const earlierNames = parsed.stages
        .slice(0, step.stageIndex)
        .map((stage) => stage.name)
        .filter((name): name is string => name !== null);
      const typo = earlierNames.find((name) => editDistance(name.toLowerCase(), from.toLowerCase()) <= 2);
      let message: string | null = null;
      if (later === own) message = `COPY --from=${from} names the stage it is in; a stage cannot copy from itself.`;
      else if (later)
        message = `COPY --from=${from} names a stage defined later (line ${lineOf(later.from.range)}), which is not built yet here, so Docker tries to pull an image called ${from}; move that stage above this one.`;
      else if (/^\d+$/.test(from)) message = `COPY --from=${from} names stage index ${from}, but only stages 0 to ${step.stageIndex - 1} come before it.`;
      else if (/[A-Z]/.test(from) && !from.includes('/'))
        message = `COPY --from=${from} is neither an earlier stage nor a valid image name (image names are lower-case).`;
      else if (typo && !from.includes('/') && !from.includes(':'))
        message = `COPY --from=${from} is no earlier stage, so Docker tries to pull an image called ${from}; did you mean ${typo}?`;
      if (!message) continue;
      const hadolint = later === own ? 'DL3023' : 'DL3022';
      report({ message, range: step.instruction.range, fix: typo ? { description: `Use --from=${typo}.` } : undefined, properties: { hadolint } });
    }
  },
};

export default rule;
