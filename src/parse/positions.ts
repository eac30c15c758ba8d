import type { Position } from './types.js';

/** Does position `a` come before `b` in the file? */
export function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
