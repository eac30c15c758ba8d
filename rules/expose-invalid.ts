import { exposedPorts, type Rule } from '../src/kit/index.js';

/**
 * EXPOSE documents container ports: a number 0–65535 (or a range) with tcp, udp or sctp. A host mapping
 * such as `8080:80` belongs to `docker run -p`; BuildKit warns that it will become an error.
 */
const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

const rule: Rule = {
  meta: {
    id: 'expose-invalid',
    category: 'runtime',
    severity: 'error',
    recommended: true,
    description: 'EXPOSE has a port outside 0–65535, a host mapping or IP address, or an unknown protocol.',
    hadolint: ['DL3011'],
    buildkit: ['ExposeInvalidFormat'],
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions) {
      for (const port of exposedPorts(instruction)) {
        let problem: string | null = null;
        if (port.hostPart)
          problem = `${port.text} is a host mapping: EXPOSE takes only the container port; publish it with \`docker run -p ${port.text.split('/')[0]}\``;
        else if (port.ports.some((n) => !Number.isInteger(n) || n < 0 || n > 65535)) problem = `${port.text} is not a valid port: ports are 0–65535`;
        else if (port.protocol !== null && !PROTOCOLS.has(port.protocol.toLowerCase())) problem = `${port.text} has an unknown protocol: use tcp, udp or sctp`;
        if (problem) report({ message: `${problem}.`, range: port.range });
      }
    }
  },
};

export default rule;
