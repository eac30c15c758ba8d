/**
 * EXPOSE arguments, read the way Docker does: `80`, `80/tcp`, `8000-8010/udp`. Anything else
 * (`8080:80`, `127.0.0.1:80`) is a `docker run -p` mapping that Docker ignores or rejects.
 */
import type { Instruction, Range } from '../parse/types.js';

export interface ExposedPort {
  text: string;
  range: Range;
  /** Port numbers as written (one, or the two ends of a range); empty when the text has a variable. */
  ports: number[];
  protocol: string | null;
  /** A host mapping or IP address, which EXPOSE does not take. */
  hostPart: boolean;
}

export function exposedPorts(instruction: Instruction): ExposedPort[] {
  if (instruction.keyword !== 'EXPOSE' || !instruction.argumentsRange) return [];
  const found: ExposedPort[] = [];
  const { start, end } = instruction.argumentsRange;
  // On one line, each port gets its exact range; across continuation lines, the whole argument list.
  const singleLine = start.line === end.line;
  for (const match of instruction.argumentsText.matchAll(/\S+/g)) {
    const text = match[0];
    const range = singleLine
      ? {
          start: { line: start.line, character: start.character + match.index },
          end: { line: start.line, character: start.character + match.index + text.length },
        }
      : instruction.argumentsRange;
    const [portPart, protocol = null] = text.split('/');
    const dynamic = text.includes('$');
    found.push({
      text,
      range,
      ports: dynamic ? [] : portPart.split(':').at(-1)!.split('-').map(Number),
      protocol,
      hostPart: portPart.includes(':') && !dynamic,
    });
  }
  return found;
}
