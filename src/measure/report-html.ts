/**
 * The measurement as one self-contained HTML page (no scripts, no external assets): the figures at
 * the top, where the bytes are (the base image's share, each line's layer with what it hides and
 * what it leaves that no program needs), the findings that cost the most first, and the cache check
 * with each step the engine re-ran next to what the rebuild prediction said.
 */
import { formatBytes } from '../util/bytes.js';
import type { CacheCheck } from './cache-check.js';
import type { Measurement } from './measure.js';
import { findingsByBytes, measuredText } from './report.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const percent = (part: number, whole: number) => (whole === 0 ? '0' : ((part / whole) * 100).toFixed(1));

function figure(label: string, value: string, note = ''): string {
  return `<div class="fig"><div class="label">${label}</div><div class="value">${value}</div>${note ? `<div class="note">${note}</div>` : ''}</div>`;
}

function layersTable(m: Measurement): string {
  const max = Math.max(1, m.baseImage.size, ...m.instructions.map((i) => i.size));
  const barCell = (size: number, kind: string) => `<div class="${kind ? `bar ${kind}` : 'bar'}" style="width:${((size / max) * 100).toFixed(1)}%"></div>`;
  const base = `<tr class="base"><td></td><td>base image <code>${escapeHtml(m.baseImage.image || '(scratch)')}</code>, ${m.baseImage.layers} layer(s)</td><td class="n">${formatBytes(m.baseImage.size)}</td><td>${barCell(m.baseImage.size, 'basebar')}</td><td></td></tr>`;
  const rows = m.instructions.map((i) => {
    const notes = [
      i.bytesHidden > 0 ? `<span class="waste">hides ${formatBytes(i.bytesHidden)} of the layers below</span>` : '',
      i.avoidableBytes > 0 ? `<span class="avoid">${formatBytes(i.avoidableBytes)} avoidable</span>` : '',
    ]
      .filter(Boolean)
      .join('<br>');
    return `<tr><td class="n">${i.line}</td><td><code>${escapeHtml(i.text)}</code></td><td class="n">${i.createsLayer ? formatBytes(i.size) : '<span class="dim">no layer</span>'}</td><td>${i.size > 0 ? barCell(i.size, '') : ''}</td><td>${notes}</td></tr>`;
  });
  return `<table><tr><th class="n">line</th><th>instruction</th><th class="n">layer size</th><th style="width:28%"></th><th>notes</th></tr>\n${base}\n${rows.join('\n')}\n</table>`;
}

function bytesTables(m: Measurement): string {
  const wasted = m.analysis.inefficiencies
    .slice(0, 10)
    .map((item) => `<tr><td class="n">${formatBytes(item.wastedBytes)}</td><td><code>/${escapeHtml(item.path)}</code></td></tr>`)
    .join('\n');
  const avoidable = m.avoidable
    .map(
      (item) =>
        `<tr><td class="n">${formatBytes(item.bytes)}</td><td>${escapeHtml(item.what)} (${item.files} file(s))</td><td>${item.line === null ? 'the base image' : `line ${item.line}`}</td></tr>`,
    )
    .join('\n');
  return [
    wasted
      ? `<h2>Wasted, by path</h2><p class="dim">Bytes stored in a layer but deleted or replaced by a layer above: pulled and stored, never seen by the container.</p><table><tr><th class="n">wasted</th><th>path</th></tr>\n${wasted}\n</table>`
      : '',
    avoidable
      ? `<h2>Avoidable, by kind</h2><p class="dim">Still in the image, needed by no program: delete them in the RUN that wrote them, or use a cache mount.</p><table><tr><th class="n">bytes</th><th>what</th><th>written by</th></tr>\n${avoidable}\n</table>`
      : '',
  ].join('\n');
}

function findingsTable(m: Measurement): string {
  const rows = findingsByBytes(m.findings)
    .map(
      (f) =>
        `<tr><td class="n">${f.range.start.line + 1}</td><td class="${f.severity}">${f.severity}</td><td class="rule"><code>${escapeHtml(f.ruleId)}</code></td><td>${escapeHtml(f.message)}<b>${escapeHtml(measuredText(f))}</b></td></tr>`,
    )
    .join('\n');
  return `<h2>Findings</h2><p class="dim">Those that cost the most measured bytes first.</p><table><tr><th class="n">line</th><th>severity</th><th>rule</th><th>message</th></tr>\n${rows || '<tr><td colspan="4">none</td></tr>'}\n</table>`;
}

function cacheCheckSection(check: CacheCheck | null): string {
  if (!check) return '';
  const runs = check.runs.map((run) => {
    const rows = run.steps
      .filter((step) => step.rebuilt || step.predicted)
      .map((step) => {
        const agrees = step.rebuilt === step.predicted;
        return `<tr class="${agrees ? '' : 'mismatch'}"><td class="n">${step.line}</td><td><code>${escapeHtml(step.text)}</code></td><td>${step.rebuilt ? 're-ran' : 'cached'}</td><td>${step.predicted ? 're-runs' : 'cached'}</td></tr>`;
      })
      .join('\n');
    const verdict = run.matchesPrediction ? '<span class="ok">as predicted</span>' : '<span class="waste">differs from the prediction</span>';
    return (
      `<h3>${escapeHtml(run.change)}: ${run.rebuilt.length} step(s) re-ran in ${run.seconds.toFixed(1)} s, ${verdict}</h3>` +
      (rows
        ? `<table><tr><th class="n">line</th><th>instruction</th><th>engine</th><th>prediction</th></tr>\n${rows}\n</table>`
        : '<p class="dim">Every step came from the cache.</p>')
    );
  });
  const skipped = check.skipped.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('');
  return `<h2>Cache check</h2><p class="dim">Each edit made in a scratch copy of the context, then rebuilt with the cache of the first build.</p>${runs.join('\n')}${skipped ? `<p>Not tried:</p><ul>${skipped}</ul>` : ''}`;
}

/** `extraSection`: HTML placed after the cache check (the fix check's before/after bars). */
export function formatMeasureHtml(path: string, m: Measurement, cacheCheck: CacheCheck | null, extraSection = ''): string {
  const own = m.instructions.reduce((sum, i) => sum + i.size, 0);
  const total = m.analysis.totalSize;
  const builder = m.builder === 'buildkit' ? 'BuildKit' : 'the classic builder';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>layerlint measure: ${escapeHtml(path)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%;margin-bottom:1em}td,th{padding:4px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
th{font-weight:600;color:#555}.n{text-align:right;white-space:nowrap}code{font-size:12px;overflow-wrap:anywhere}
h1 code{font-size:inherit}td.rule code{white-space:nowrap}
.bar{background:#3b82f6;height:14px;min-width:2px;border-radius:2px}.basebar{background:#9ca3af}.base td{color:#555}
.waste{color:#b91c1c}.avoid{color:#a16207}.ok{color:#15803d}.dim{color:#6b7280}.mismatch td{background:#fef2f2}
.error{color:#b91c1c}.warning{color:#b45309}.info{color:#0369a1}.style{color:#666}
.figs{display:flex;flex-wrap:wrap;gap:12px;margin:1em 0}.fig{border:1px solid #e5e7eb;border-radius:6px;padding:8px 12px;min-width:140px}
.label{font-size:12px;color:#6b7280}.value{font-size:20px;font-weight:600}.note{font-size:12px;color:#6b7280}
</style></head><body>
<h1><code>${escapeHtml(path)}</code></h1>
<p class="dim">Image <code>${escapeHtml(m.imageId)}</code>, built with ${builder} in ${m.build.seconds.toFixed(1)} s.${m.mapping.aligned ? '' : ' The image history could not be matched to the Dockerfile line by line: per-line figures are partial.'}</p>
<div class="figs">
${figure('image', formatBytes(total), `${m.analysis.layers.length} layers`)}
${figure('base image', formatBytes(m.baseImage.size), `${percent(m.baseImage.size, total)} % of the image`)}
${figure('this Dockerfile adds', formatBytes(own), `${percent(own, total)} % of the image`)}
${figure('wasted', `<span class="${m.analysis.wastedBytes > 0 ? 'waste' : ''}">${formatBytes(m.analysis.wastedBytes)}</span>`, 'deleted or replaced above')}
${figure('avoidable', `<span class="${m.analysis.avoidableBytes > 0 ? 'avoid' : ''}">${formatBytes(m.analysis.avoidableBytes)}</span>`, 'package lists and caches')}
${figure('efficiency', `${(m.analysis.efficiency * 100).toFixed(1)} %`, 'as dive computes it')}
</div>
<h2>Where the bytes are</h2>
${layersTable(m)}
${bytesTables(m)}
${findingsTable(m)}
${cacheCheckSection(cacheCheck)}
${extraSection}
</body></html>
`;
}
