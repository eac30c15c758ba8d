import { labelValueProblem, stageChain, type Rule } from '../src/kit/index.js';

/**
 * With `label-schema` in .layerlint.yaml: the image must carry each label, in its format. Checked on
 * the final image only (its stage and the stages it is built FROM): builder stages' labels never ship,
 * which is where hadolint's per-stage DL3049 is noisy. Quiet without a schema.
 */

/** hadolint's code for a value in the wrong format (text has no format to break). */
const FORMAT_CODES: Record<string, string | undefined> = {
  url: 'DL3052',
  rfc3339: 'DL3053',
  spdx: 'DL3054',
  hash: 'DL3055',
  semver: 'DL3056',
  email: 'DL3058',
};

const rule: Rule = {
  meta: {
    id: 'label-schema',
    category: 'hygiene',
    severity: 'info',
    recommended: true,
    description: 'The final image lacks a label the configured label-schema requires, has one in the wrong format, or (strict-labels) one outside it.',
    hadolint: ['DL3049', 'DL3050', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'],
  },
  check({ model, parsed, settings, report }) {
    const schema = settings.labelSchema;
    if (Object.keys(schema).length === 0 || parsed.stages.length === 0) return;
    const chain = stageChain(parsed, model.targetStage);
    const labels = chain
      .flatMap((index) => parsed.stages[index].instructions)
      .filter((i) => i.keyword === 'LABEL')
      .flatMap((i) => i.pairs);
    const present = new Set(labels.map((pair) => pair.name));
    const target = parsed.stages[model.targetStage];
    for (const [name, format] of Object.entries(schema)) {
      if (!present.has(name))
        report({
          message: `The image has no label ${name} (${format}), which the label schema requires.`,
          range: target.from.range,
          properties: { hadolint: 'DL3049' },
        });
    }
    for (const pair of labels) {
      const format = schema[pair.name];
      if (!format) {
        if (settings.strictLabels)
          report({ message: `Label ${pair.name} is not in the label schema (strict-labels).`, range: pair.nameRange, properties: { hadolint: 'DL3050' } });
        continue;
      }
      const problem = labelValueProblem(pair.value ?? '', format);
      if (problem)
        report({
          message: `Label ${pair.name} should be ${format}, but "${pair.value ?? ''}" ${problem}.`,
          range: pair.nameRange,
          properties: { hadolint: FORMAT_CODES[format] },
        });
    }
  },
};

export default rule;
