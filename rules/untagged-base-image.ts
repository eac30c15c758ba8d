import type { Rule } from '../src/kit/index.js';

/** `FROM debian` means `debian:latest`: the base changes under you and builds are not reproducible. */
const rule: Rule = {
  meta: {
    id: 'untagged-base-image',
    category: 'hygiene',
    severity: 'warning',
    recommended: false,
    optInBecause:
      "Whether to pin the base image is each team's choice: images rebuilt on purpose follow their base, and a build argument often supplies the tag.",
    description: 'FROM names an image without a tag or digest, so it silently means :latest.',
    hadolint: ['DL3006'],
  },
  check({ parsed, report }) {
    const stageNames = new Set<string>();
    for (const stage of parsed.stages) {
      const from = stage.from.from;
      const isStage = from && stageNames.has(from.image.toLowerCase());
      if (from && !isStage && from.image !== '' && from.image !== 'scratch' && !from.image.includes('$') && from.tag === null && from.digest === null) {
        report({
          message: `${from.image} has no tag, so it means ${from.image}:latest and changes whenever the image is republished; pin a tag (and ideally a digest).`,
          range: stage.from.argumentsRange ?? stage.from.range,
        });
      }
      if (stage.name) stageNames.add(stage.name.toLowerCase());
    }
  },
};

export default rule;
