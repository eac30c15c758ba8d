import { stageChain, type Rule } from '../src/kit/index.js';

/**
 * The image runs as the last USER of the target stage and the stages it is built FROM.
 * Stage-aware, unlike hadolint's DL3002 which checks every stage: a builder stage that runs as root
 * ships nothing (hadolint #405, #1068). Only an explicit `USER root` / `USER 0` is flagged: with no
 * USER at all the base image decides, which a static linter cannot see.
 */
const ROOT = /^(root|0)(:.*)?$/;

const rule: Rule = {
  meta: {
    id: 'last-user-root',
    category: 'security',
    severity: 'warning',
    recommended: true,
    description: 'The final image switches to USER root and never back, so the container runs as root.',
    hadolint: ['DL3002'],
  },
  check({ model, parsed, report }) {
    const chain = stageChain(parsed, model.targetStage);
    const users = chain.flatMap((index) => parsed.stages[index].instructions.filter((i) => i.keyword === 'USER'));
    const last = users.at(-1);
    if (!last || !ROOT.test(last.word ?? '')) return;
    report({
      message: `The image's last USER is ${last.argumentsText.trim()}, so the container runs as root; add a USER with an unprivileged user after the steps that need root.`,
      range: last.range,
    });
  },
};

export default rule;
