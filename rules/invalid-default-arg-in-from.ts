import { AUTOMATIC_PLATFORM_ARGS, fromLines, processWord, type Rule } from '../src/kit/index.js';

/**
 * `ARG TAG` (no default) then `FROM alpine:${TAG}`: a build without `--build-arg TAG=…` asks for
 * `alpine:`, which is not an image reference. As BuildKit's InvalidDefaultArgInFrom: substitute the
 * defaults (empty when there is none) and check the result is a valid reference.
 */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
// A first component is a registry only if it has a dot or a port, or is localhost (Docker's rule); otherwise it must be lowercase.
const LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const DOMAIN = `(?:(?:localhost(?::[0-9]+)?|${LABEL}(?:\\.${LABEL})+(?::[0-9]+)?|${LABEL}:[0-9]+|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?)/)?`;
const REFERENCE = new RegExp(
  `^${DOMAIN}${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

const rule: Rule = {
  meta: {
    id: 'invalid-default-arg-in-from',
    category: 'stages',
    severity: 'warning',
    recommended: true,
    description: 'With the ARG defaults, the FROM image is empty or not a valid reference, so a build without --build-arg fails.',
    buildkit: ['InvalidDefaultArgInFrom'],
  },
  check({ parsed, report }) {
    const { defaults, lines } = fromLines(parsed);
    const stageNames = new Set(parsed.stages.map((s) => s.name?.toLowerCase()).filter(Boolean));
    for (const { stage, image: raw, imageReferences: references } of lines) {
      // Only references to declared global ARGs have a known default; the rest is undefined-arg-in-from's business.
      if (references.length === 0 || references.some((r) => !defaults.has(r.name) || AUTOMATIC_PLATFORM_ARGS.has(r.name))) continue;
      const image = processWord(raw, (name) => defaults.get(name) ?? '');
      // A substitution left as written (`${X/arm\/v7/arm-7}`, BuildKit's pattern replacement, or one that uses
      // TARGETPLATFORM) has a value only the build knows: no claim about it.
      if (image.includes('$')) continue;
      if (stageNames.has(image.toLowerCase()) || image === 'scratch' || REFERENCE.test(image)) continue;
      const empty = references.filter((r) => !defaults.get(r.name)).map((r) => r.name);
      report({
        message: `With the ARG defaults this FROM is "${image}", ${image === '' ? 'an empty image name' : 'not a valid image reference'}; give ${empty.length > 0 ? empty.map((n) => `ARG ${n}`).join(', ') : 'the ARG'} a default (e.g. ARG ${empty[0] ?? references[0].name}=<value>) or use \${${empty[0] ?? references[0].name}:-<default>}.`,
        range: stage.from.argumentsRange ?? stage.from.range,
      });
    }
  },
};

export default rule;
