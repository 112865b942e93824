import { escapeHtml } from './escape';
import type { DashboardData, DashboardItem } from './protocol';
import { trendSection } from './trendCharts';

export { escapeHtml } from './escape';

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
<section class="wide"><h2>Trend</h2>${trendSection(d.trends, d.trendNote)}</section>
${d.scopes && d.scopes.length > 0 ? `<section><h2>By scope</h2><p class="meta">Figures count ${escapeHtml((d.headlineScopes ?? ['source']).join(', '))} only; generated and vendored copies are never counted.</p>${table(d.scopes.map((s) => [`${s.scope}${s.counted ? '' : ' (not counted)'}`, s.count]), 'No items.')}</section>` : ''}
<section><h2>By kind</h2>${table(d.totals.map((t) => [t.kind, t.count]), 'No items.')}</section>
<section><h2>By team</h2>${table(d.byTeam.map((t) => [t.team, t.count]), 'No teams: add owners to markers or a CODEOWNERS file.')}</section>
<section><h2>Hotspots by interest</h2>${table(d.hotspots.map((h) => [`${h.file} (${h.items})`, h.interest]), 'No hotspots.')}</section>
<section><h2>Oldest</h2>${d.oldest.length ? `<ul>${d.oldest.map((i) => itemRow(i, i.introduced ? `since ${i.introduced}` : '')).join('')}</ul>` : '<p class="empty">No dated items (no git history, or not blamed yet).</p>'}</section>
<section><h2>Overdue</h2>${d.overdue.length ? `<ul>${d.overdue.map((i) => itemRow(i, `due ${i.due}`)).join('')}</ul>` : '<p class="empty">Nothing overdue.</p>'}</section>`;
}
