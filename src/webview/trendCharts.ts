import { escapeHtml } from './escape';
import { TREND_KINDS, type FolderTrend, type TrendKind, type TrendRow } from './protocol';

const LABELS: Record<TrendKind, string> = { marker: 'Markers', suppression: 'Suppressions', resilience: 'Resilience gaps' };

/**
 * A y scale with round steps (1, 2, 2.5 or 5 times a power of ten, whole numbers only) covering `min..max`,
 * from 0 unless that would leave more than half the chart empty (440..461 gets 440..470, not 0..600).
 */
export function niceScale(min: number, max: number, target = 4): number[] {
  // A flat series sits in the middle of its own small scale.
  if (min === max && min > 0) return [min - 1, min, min + 1];
  const from0 = min <= max / 2;
  const lo0 = from0 ? 0 : min;
  const span = Math.max(1, max - lo0);
  const raw = span / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 2.5, 5, 10].map((m) => m * mag).filter((s) => Number.isInteger(s)).find((s) => s >= raw) ?? 10 * mag);
  const lo = from0 ? 0 : Math.floor(lo0 / step) * step;
  let hi = Math.ceil(max / step) * step;
  if (hi <= lo) hi = lo + step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 1000; v += step) ticks.push(Math.round(v * 1000) / 1000);
  return ticks;
}

const W = 280;
const H = 150;
const LEFT = 42;
const RIGHT = 10;
const TOP = 8;
const BOTTOM = 22;

const num = (v: number): string => (Number.isFinite(v) ? v : 0).toFixed(1);
const day = (date: string): number => {
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(t) ? t : 0;
};

/**
 * One kind's small chart: its own y scale with labelled ticks, the branch solid in the kind's colour, the base
 * as a faint wide dashed band in the description colour under it (it shows where the two lines coincide).
 */
export function kindChart(t: FolderTrend, kind: TrendKind): string {
  const rows: TrendRow[] = [...t.points, ...t.reference];
  const values = rows.map((r) => Number(r[kind]) || 0);
  const ticks = niceScale(Math.min(...values), Math.max(...values));
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  const times = rows.map((r) => day(r.date));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (date: string): number => (t1 === t0 ? (LEFT + W - RIGHT) / 2 : LEFT + ((day(date) - t0) * (W - LEFT - RIGHT)) / (t1 - t0));
  const y = (v: number): number => H - BOTTOM - ((v - lo) * (H - TOP - BOTTOM)) / (hi - lo);
  const grid = ticks.map((v) => `<line class="grid" x1="${LEFT}" y1="${num(y(v))}" x2="${W - RIGHT}" y2="${num(y(v))}" /><text class="axis tick" x="${LEFT - 5}" y="${num(y(v) + 3.5)}" text-anchor="end">${v}</text>`).join('');
  const first = rows.reduce((a, r) => (day(r.date) < day(a.date) ? r : a), rows[0]!).date;
  const last = rows.reduce((a, r) => (day(r.date) > day(a.date) ? r : a), rows[0]!).date;
  const dates = first === last
    ? `<text class="axis" x="${num(x(first))}" y="${H - 6}" text-anchor="middle">${escapeHtml(first)}</text>`
    : `<text class="axis" x="${LEFT}" y="${H - 6}" text-anchor="start">${escapeHtml(first)}</text><text class="axis" x="${W - RIGHT}" y="${H - 6}" text-anchor="end">${escapeHtml(last)}</text>`;
  const line = (series: TrendRow[]): string => series.map((r) => `${num(x(r.date))},${num(y(Number(r[kind]) || 0))}`).join(' ');
  const reference = t.reference.length > 0 ? `<polyline class="reference ${kind}" points="${line(t.reference)}" />` : '';
  const dots = t.points.map((r) => `<circle class="series ${kind}" cx="${num(x(r.date))}" cy="${num(y(Number(r[kind]) || 0))}" r="2.5"><title>${escapeHtml(`${r.date}: ${Number(r[kind]) || 0} ${LABELS[kind].toLowerCase()} on ${t.branch}`)}</title></circle>`).join('');
  const now = t.points.length > 0 ? Number(t.points[t.points.length - 1]![kind]) || 0 : null;
  const aria = `${LABELS[kind]} on ${t.branch}${t.base ? `, ${t.base} as reference` : ''}`;
  return `<figure class="multiple"><figcaption><span class="legend ${kind}">${LABELS[kind]}</span>${now === null ? '' : ` <span class="meta-inline">now ${now}</span>`}</figcaption>`
    + `<svg class="chart" data-folder="${escapeHtml(t.folder)}" data-kind="${kind}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(aria)}">${grid}<line class="axis" x1="${LEFT}" y1="${H - BOTTOM}" x2="${W - RIGHT}" y2="${H - BOTTOM}" />${dates}${reference}<polyline class="series ${kind}" points="${line(t.points)}" />${dots}</svg></figure>`;
}

/** A folder's trend: a key (branch solid, base dashed) and one small chart per kind. */
export function folderTrend(t: FolderTrend, showFolder: boolean): string {
  const head = `${showFolder ? `<strong>${escapeHtml(t.folder)}</strong> · ` : ''}<span class="key solid"></span>${escapeHtml(t.branch)}${t.base ? ` <span class="key dashed"></span>${escapeHtml(t.base)} (reference)` : ''}`;
  if (t.points.length === 0) return `<div class="trend-folder"><p class="meta">${head}</p><p class="empty">${escapeHtml(t.note ?? 'No history in the period.')}</p></div>`;
  return `<div class="trend-folder"><p class="meta">${head}${t.note ? ` · ${escapeHtml(t.note)}` : ''}</p><div class="multiples">${TREND_KINDS.map((k) => kindChart(t, k)).join('')}</div></div>`;
}

/** Every folder's trend, or the note that says why there is none (yet). */
export function trendSection(trends: readonly FolderTrend[], note: string | null): string {
  const body = trends.length > 0 ? trends.map((t) => folderTrend(t, trends.length > 1)).join('') : '';
  const line = note ? `<p class="${trends.length > 0 ? 'meta' : 'empty'}">${escapeHtml(note)}</p>` : trends.length === 0 ? '<p class="empty">No history yet.</p>' : '';
  return `${body}${line}`;
}
