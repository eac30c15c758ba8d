/** `measure --fix-check` in words: text, JSON, and the HTML page's before/after section. */
import { formatBytes } from '../util/bytes.js';
import type { FixCheck, FixCheckSide } from './fix-check.js';

interface Row {
  label: string;
  before: number;
  after: number | null;
  format: (value: number) => string;
}

function rows(check: FixCheck): Row[] {
  const { before, after } = check;
  const count = (value: number) => String(value);
  const list: Row[] = [
    { label: 'image size', before: before.size, after: after?.size ?? null, format: formatBytes },
    { label: 'wasted (hidden) bytes', before: before.wastedBytes, after: after?.wastedBytes ?? null, format: formatBytes },
    { label: 'avoidable bytes', before: before.avoidableBytes, after: after?.avoidableBytes ?? null, format: formatBytes },
    { label: 'layers', before: before.layers, after: after?.layers ?? null, format: count },
  ];
  if (before.rebuiltOnSourceEdit !== null || after?.rebuiltOnSourceEdit != null) {
    list.push({ label: 'steps re-run by a source edit', before: before.rebuiltOnSourceEdit ?? 0, after: after?.rebuiltOnSourceEdit ?? null, format: count });
  }
  return list;
}

/** "saves 19.9 MB and 3 rebuilt steps per source edit", or what went wrong. */
export function fixCheckVerdict(check: FixCheck): string {
  if (check.applied.length === 0) return 'no fix applies to this Dockerfile';
  if (check.failures.length > 0) return `the fixes failed: ${check.failures.join('; ')}`;
  const after = check.after!;
  const saved = check.before.size - after.size;
  const parts = [saved > 0 ? `saves ${formatBytes(saved)}` : 'the image is the same size'];
  const steps = (check.before.rebuiltOnSourceEdit ?? 0) - (after.rebuiltOnSourceEdit ?? 0);
  if (steps > 0) parts.push(`${steps} rebuilt step${steps === 1 ? '' : 's'} per source edit`);
  return `${check.applied.length === 1 ? '1 fix' : `${check.applied.length} fixes`}: ${parts.join(' and ')}`;
}

export function formatFixCheckText(check: FixCheck): string {
  const out = ['', 'Fix check: the Dockerfile as it is and as `lint --fix` leaves it, built on the same engine'];
  for (const fix of check.applied) out.push(`  applied  line ${fix.line}  ${fix.ruleId} (${fix.safety}): ${fix.description}`);
  for (const fix of check.refused) out.push(`  refused  line ${fix.line}  ${fix.ruleId}: ${fix.why}`);
  if (check.applied.length > 0) {
    out.push(`  ${''.padEnd(30)} ${'before'.padStart(12)} ${'after'.padStart(12)}`);
    for (const row of rows(check)) {
      out.push(`  ${row.label.padEnd(30)} ${row.format(row.before).padStart(12)} ${(row.after === null ? '-' : row.format(row.after)).padStart(12)}`);
    }
  }
  out.push(`  => ${fixCheckVerdict(check)}`);
  return `${out.join('\n')}\n`;
}

const sideJson = (side: FixCheckSide | null) => side && { ...side };

export function fixCheckToJson(check: FixCheck) {
  return {
    applied: check.applied,
    refused: check.refused,
    before: sideJson(check.before),
    after: sideJson(check.after),
    savedBytes: check.after ? check.before.size - check.after.size : 0,
    failures: check.failures,
    verdict: fixCheckVerdict(check),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** Before/after bars, one pair per figure, on the measure page. */
export function fixCheckHtmlSection(check: FixCheck | null): string {
  if (!check) return '';
  const pairs = rows(check)
    .map((row) => {
      const max = Math.max(1, row.before, row.after ?? 0);
      const bar = (value: number | null, kind: string) =>
        value === null ? '<span class="dim">did not build</span>' : `<div class="bar ${kind}" style="width:${((value / max) * 100).toFixed(1)}%"></div>`;
      return `<tr><td>${escapeHtml(row.label)}</td><td class="n">${row.format(row.before)}</td><td style="width:30%">${bar(row.before, 'basebar')}</td><td class="n">${row.after === null ? '-' : row.format(row.after)}</td><td style="width:30%">${bar(row.after, '')}</td></tr>`;
    })
    .join('\n');
  const fixes = [
    ...check.applied.map((fix) => `<li>line ${fix.line} <code>${escapeHtml(fix.ruleId)}</code> (${fix.safety}): ${escapeHtml(fix.description)}</li>`),
    ...check.refused.map((fix) => `<li class="waste">refused: line ${fix.line} <code>${escapeHtml(fix.ruleId)}</code>: ${escapeHtml(fix.why)}</li>`),
  ].join('');
  const verdictClass = check.failures.length > 0 ? 'waste' : 'ok';
  return `<h2>Fix check</h2><p class="dim">The Dockerfile as it is and as <code>lint --fix</code> leaves it, built on the same engine.</p><ul>${fixes}</ul><table><tr><th></th><th class="n">before</th><th></th><th class="n">after</th><th></th></tr>\n${pairs}\n</table><p class="${verdictClass}"><b>${escapeHtml(fixCheckVerdict(check))}</b></p>`;
}
