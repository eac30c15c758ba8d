import { AUTOMATIC_PLATFORM_ARGS, closestName, fromLines, type Rule } from '../src/kit/index.js';

/**
 * FROM can only use ARGs declared before the first FROM (and BuildKit's platform ARGs). An ARG declared
 * inside a stage, or a typo, expands to nothing: `FROM node:${NODE_VERSON}` pulls `node:`.
 */
const rule: Rule = {
  meta: {
    id: 'undefined-arg-in-from',
    category: 'stages',
    severity: 'warning',
    recommended: true,
    description: 'FROM uses a variable that no ARG before the first FROM declares, so it expands to nothing.',
    buildkit: ['UndefinedArgInFrom'],
  },
  check({ parsed, report }) {
    const { defaults: declared, lines } = fromLines(parsed);
    const known = [...declared.keys(), ...AUTOMATIC_PLATFORM_ARGS];
    for (const { stage, imageReferences, platformReferences } of lines) {
      for (const reference of [...imageReferences, ...platformReferences]) {
        if (declared.has(reference.name) || AUTOMATIC_PLATFORM_ARGS.has(reference.name) || /^[-+]$|^:[-+]$/.test(reference.modifier)) continue;
        const suggestion = closestName(reference.name, known);
        const declaredInStage = parsed.instructions.some((i) => i.stageIndex >= 0 && i.keyword === 'ARG' && i.pairs.some((p) => p.name === reference.name));
        report({
          message: `FROM uses $${reference.name}, which no ARG before the first FROM declares, so it expands to an empty string${
            suggestion
              ? `; did you mean $${suggestion}?`
              : declaredInStage
                ? `; an ARG inside a stage is not visible to FROM: move \`ARG ${reference.name}\` above the first FROM.`
                : `; declare \`ARG ${reference.name}=<default>\` above the first FROM.`
          }`,
          range: stage.from.argumentsRange ?? stage.from.range,
        });
      }
    }
  },
};

export default rule;
