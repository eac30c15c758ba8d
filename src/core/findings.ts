/**
 * The words every layer shares: positions, severities, categories, findings, fixes and text edits.
 * This module imports nothing, so the parser, the model, the rule runner, the reports and the CLI may
 * all import it without an arrow against the flow.
 *
 * Positions are 0-based (line and UTF-16 character), like LSP and dockerfile-ast; reporters convert to
 * 1-based lines and columns.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export const SEVERITIES = ['error', 'warning', 'info', 'style'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, style: 3 };

export const CATEGORIES = ['cache', 'size', 'stages', 'runtime', 'hygiene', 'security', 'syntax'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface RelatedLocation {
  range: Range;
  message: string;
}

/** A text replacement in the Dockerfile (0-based range, like LSP). */
export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * How far a fix's edits can be trusted: `safe` leaves the build's result and the image's behaviour as
 * they were or only better (`lint --fix` applies it); `unsafe` changes behaviour or needs the user's
 * judgement, such as reordering steps (applied only with `--unsafe-fixes`).
 */
export const FIX_SAFETIES = ['safe', 'unsafe'] as const;
export type FixSafety = (typeof FIX_SAFETIES)[number];

export interface Fix {
  description: string;
  /** The text edits that make the fix, when it is a textual change; without them the fix is advice. */
  edits?: TextEdit[];
  /** On fixes with edits: said by a rule whose meta.fixSafety is `mixed`, else set by the runner from the meta. */
  safety?: FixSafety;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  related: RelatedLocation[];
  fix: Fix | null;
  /** Extra facts for machine formats (e.g. measured bytes), copied into SARIF properties. */
  properties: Record<string, unknown>;
}

/** What a rule hands to report(): a finding before the runner adds its rule id and severity. */
export interface ReportInput {
  message: string;
  range: Range;
  related?: RelatedLocation[];
  fix?: Fix;
  properties?: Record<string, unknown>;
}

/** The formats a label's value can be required to have (hadolint's label-schema). */
export const LABEL_FORMATS = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];
