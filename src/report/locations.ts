/** 0-based ranges → the 1-based line/column regions every output format uses. */
import type { Range } from '../parse/types.js';

export interface Region {
  line: number;
  column: number;
  endLine: number;
  /** Exclusive: the column after the last character (SARIF and LSP convention). */
  endColumn: number;
}

export function toRegion(range: Range): Region {
  const region = {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
  // An empty range still needs a column span for viewers (and SARIF requires columns ≥ 1).
  if (region.endLine === region.line && region.endColumn <= region.column) region.endColumn = region.column + 1;
  return region;
}
