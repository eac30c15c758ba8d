import { commandLabel, stepsInImageOf, type Rule, type ShellCommand } from '../src/kit/index.js';

/**
 * One image needing both wget and curl usually means both got installed to download files: pick one.
 * Per image (a stage and the stages it is built FROM), not per file as in hadolint: a builder stage
 * using wget and the final stage using curl do not put both into one image.
 */
const rule: Rule = {
  meta: {
    id: 'wget-and-curl',
    category: 'size',
    severity: 'warning',
    recommended: false,
    optInBecause: 'One of the two usually comes with the base image or another package; removing the other rarely makes the image smaller.',
    description: 'The same image uses both wget and curl; one download tool is enough.',
    hadolint: ['DL4001'],
  },
  check({ model, report }) {
    const reported = new Set<ShellCommand>();
    for (const stage of model.stages) {
      const commands = stepsInImageOf(model, stage.stage.index).flatMap((step) => step.instruction.script?.commands ?? []);
      const wget = commands.find((c) => c.program === 'wget');
      const curl = commands.find((c) => c.program === 'curl');
      if (!wget || !curl) continue;
      const [first, second] = wget.range.start.line <= curl.range.start.line ? [wget, curl] : [curl, wget];
      if (reported.has(second)) continue;
      reported.add(second);
      report({
        message: `${commandLabel(second)}: this image already uses ${first.program} (line ${first.range.start.line + 1}); use one download tool for both.`,
        range: second.range,
        related: [{ range: first.range, message: `${first.program} used here` }],
      });
    }
  },
};

export default rule;
