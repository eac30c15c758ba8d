/** Findings → LSP diagnostics and quick-fix code actions (pure functions, no connection). */
import type { CodeAction, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/findings.js';
import { ruleDocsUrl } from '../meta.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, info: 3, style: 4 };

/** What a diagnostic carries for its quick fix (LSP `data` round-trips through the client). */
export interface DiagnosticData {
  fix?: { description: string; edits: { range: Diagnostic['range']; newText: string }[]; safe: boolean };
}

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const data: DiagnosticData = finding.fix?.edits?.length
    ? { fix: { description: finding.fix.description, edits: finding.fix.edits, safe: finding.fix.safety === 'safe' } }
    : {};
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: 'layerlint',
    message: finding.message,
    relatedInformation: finding.related.map((related) => ({ location: { uri, range: related.range }, message: related.message })),
    data,
  };
}

export function quickFixes(uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const fix = (diagnostic.data as DiagnosticData | undefined)?.fix;
    if (diagnostic.source !== 'layerlint' || !fix) continue;
    actions.push({
      // An unsafe fix is offered, named as such, and never the one an editor applies by itself.
      title: `${fix.description} (layerlint ${diagnostic.code}${fix.safe ? '' : ', changes behaviour'})`,
      kind: 'quickfix',
      diagnostics: [diagnostic],
      isPreferred: fix.safe,
      edit: { changes: { [uri]: fix.edits } },
    });
  }
  return actions;
}
