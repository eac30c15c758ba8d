import { exposedPorts, type Rule } from '../src/kit/index.js';

/** `EXPOSE 80/TCP`: Docker lower-cases it, but tools reading the image config may not. */
const rule: Rule = {
  meta: {
    id: 'expose-protocol-casing',
    category: 'hygiene',
    severity: 'style',
    recommended: false,
    optInBecause: 'Style only: Docker reads the protocol in any case.',
    description: 'The protocol in EXPOSE is not lowercase.',
    buildkit: ['ExposeProtoCasing'],
    fixSafety: 'safe',
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions) {
      for (const port of exposedPorts(instruction)) {
        if (!port.protocol || port.protocol === port.protocol.toLowerCase()) continue;
        const fixed = port.text.replace(/\/[^/]*$/, `/${port.protocol.toLowerCase()}`);
        report({
          message: `Write the protocol in lowercase: ${fixed}.`,
          range: port.range,
          // Only an exact single-word range can be rewritten safely.
          fix: { description: `Write ${fixed}.`, edits: port.range === instruction.argumentsRange ? undefined : [{ range: port.range, newText: fixed }] },
        });
      }
    }
  },
};

export default rule;
