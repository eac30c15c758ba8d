/**
 * scripts/shims/string-width.mjs stands in for string-width in the bundle (yargs measures its help
 * text with it on every run). It must measure what string-width measures for the text yargs lays out.
 */
import { describe, expect, test } from '@jest/globals';
import shim from '../scripts/shims/string-width.mjs';

describe('string-width shim', () => {
  test('the same widths as string-width for help-like text', async () => {
    // The string-width yargs imports, which the bundle replaces.
    const { default: stringWidth } = await import('string-width');
    const samples = [
      '',
      'lint [files..]',
      '  -f, --format  Output format  [choices: "text", "json", "sarif"] [default: "text"]',
      '\u001b[31mred\u001b[39m and \u001b[1mbold\u001b[22m',
      '日本語のヘルプ',
      'café',
      'cafe\u0301',
      'tab\there',
      'zero\u200bwidth',
      'ｆｕｌｌ',
    ];
    for (const text of samples) expect([text, shim(text)]).toEqual([text, stringWidth(text)]);
  });
});
