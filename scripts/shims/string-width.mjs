/**
 * string-width for the bundled CLI, without Intl.Segmenter. yargs lays out its help text on every
 * run (cacheHelpMessage), and the first grapheme segmentation loads ICU data: about 35 ms of a
 * ~200 ms start. Our help text is plain ASCII, so code points are enough; East Asian wide characters
 * still count 2 and combining marks, zero-width and control characters 0. (Emoji ZWJ sequences,
 * which only graphemes measure right, never appear in help text.)
 */
import { eastAsianWidth } from 'get-east-asian-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Made on first use: help text never needs them, and making the first one cost ~1 ms of every start.
let ANSI;
let ZERO_WIDTH;

export default function stringWidth(text, options = {}) {
  if (typeof text !== 'string' || text.length === 0) return 0;
  // Help text is printable ASCII (so without escape codes), one column a character: no per-character
  // work (measured: the loop below, with its first Unicode-property regex match, took ~4 ms of every start).
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const { ambiguousIsNarrow = true, countAnsiEscapeCodes = false } = options;
  ANSI ??=
    // eslint-disable-next-line no-control-regex -- ANSI escape sequences are made of control characters
    /[\u001B\u009B][[\]()#;?]*(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007|(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-nq-uy=><~])/g;
  ZERO_WIDTH ??= /^[\p{M}\p{Cc}\p{Cf}]$/u;
  const plain = countAnsiEscapeCodes ? text : text.replace(ANSI, '');
  if (PRINTABLE_ASCII.test(plain)) return plain.length;
  let width = 0;
  for (const character of plain) {
    if (ZERO_WIDTH.test(character)) continue;
    width += eastAsianWidth(character.codePointAt(0), { ambiguousAsWide: !ambiguousIsNarrow });
  }
  return width;
}
