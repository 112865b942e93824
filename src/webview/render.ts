import type { DashboardData, DashboardItem } from './protocol';

/** Escapes text for HTML content and attribute values: every workspace string goes through here. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const SERIES = [
  { key: 'marker', label: 'Markers', cls: 'marker' },
  { key: 'suppression', label: 'Suppressions', cls: 'suppression' },
  { key: 'resilience', label: 'Resilience gaps', cls: 'resilience' },
] as const;

/** The trend as a hand-drawn SVG line chart (no library, no CDN); colours come from CSS classes. */
export function trendChart(trend: DashboardData['trend']): string {
  if (trend.length === 0) return '';
  const w = 560;
  const h = 180;
  const pad = 30;
  const max = Math.max(1, ...trend.flatMap((p) => [p.marker, p.suppression, p.resilience]));
  const x = (i: number): number => pad + (trend.length === 1 ? (w - 2 * pad) / 2 : (i * (w - 2 * pad)) / (trend.length - 1));
  const y = (v: number): number => h - pad - (v * (h - 2 * pad)) / max;
  const lines = SERIES.map((s) => {
    const pts = trend.map((p, i) => `${x(i).toFixed(1)},${y(p[s.key]).toFixed(1)}`).join(' ');
    const dots = trend.map((p, i) => `<circle class="${s.cls}" cx="${x(i).toFixed(1)}" cy="${y(p[s.key]).toFixed(1)}" r="3"><title>${escapeHtml(`${p.date}: ${p[s.key]} ${s.label.toLowerCase()}`)}</title></circle>`).join('');
    return `<polyline class="${s.cls}" points="${pts}" />${dots}`;
  }).join('');
  const labels = [0, trend.length - 1].filter((v, i, a) => a.indexOf(v) === i).map((i) => `<text class="axis" x="${x(i).toFixed(1)}" y="${h - 8}" text-anchor="middle">${escapeHtml(trend[i]!.date)}</text>`).join('');
  const legend = SERIES.map((s) => `<span class="legend ${s.cls}">${s.label}</span>`).join('');
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="Debt over time"><line class="axis" x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" /><text class="axis" x="4" y="${pad}">${max}</text>${lines}${labels}</svg><div class="legends">${legend}</div>`;
}

function itemRow(i: DashboardItem, extra: string): string {
  return `<li><a href="#" class="open" data-folder="${escapeHtml(i.folder)}" data-file="${escapeHtml(i.file)}" data-line="${i.line}"><span class="tag">${escapeHtml(i.tag)}</span> ${escapeHtml(i.text || '(no text)')}</a><span class="meta">${escapeHtml(`${i.file}:${i.line}`)}${extra ? ` · ${escapeHtml(extra)}` : ''}</span></li>`;
}

function table(rows: [string, number][], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  return `<table>${rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td class="num">${v}</td></tr>`).join('')}</table>`;
}

/** The dashboard's body. Pure: the extension's tests render it in Node and check the escaping. */
export function renderDashboard(d: DashboardData): string {
  const total = d.totals.reduce((n, t) => n + t.count, 0);
  return `
<header><h1>Debt Dashboard</h1><span class="meta">${total} items · ${escapeHtml(d.generated)}</span></header>
<section class="wide"><h2>Trend</h2>${d.trend.length ? trendChart(d.trend) : `<p class="empty">${escapeHtml(d.trendNote ?? 'No history yet.')}</p>`}</section>
${d.scopes && d.scopes.length > 0 ? `<section><h2>By scope</h2><p class="meta">Figures count ${escapeHtml((d.headlineScopes ?? ['source']).join(', '))} only; generated and vendored copies are never counted.</p>${table(d.scopes.map((s) => [`${s.scope}${s.counted ? '' : ' (not counted)'}`, s.count]), 'No items.')}</section>` : ''}
<section><h2>By kind</h2>${table(d.totals.map((t) => [t.kind, t.count]), 'No items.')}</section>
<section><h2>By team</h2>${table(d.byTeam.map((t) => [t.team, t.count]), 'No teams: add owners to markers or a CODEOWNERS file.')}</section>
<section><h2>Hotspots by interest</h2>${table(d.hotspots.map((h) => [`${h.file} (${h.items})`, h.interest]), 'No hotspots.')}</section>
<section><h2>Oldest</h2>${d.oldest.length ? `<ul>${d.oldest.map((i) => itemRow(i, i.introduced ? `since ${i.introduced}` : '')).join('')}</ul>` : '<p class="empty">No dated items (no git history, or not blamed yet).</p>'}</section>
<section><h2>Overdue</h2>${d.overdue.length ? `<ul>${d.overdue.map((i) => itemRow(i, `due ${i.due}`)).join('')}</ul>` : '<p class="empty">Nothing overdue.</p>'}</section>`;
}
