import { ageDays } from '../intel/interest';
import type { LedgerItem } from '../model';
import { ticketLink } from './permalink';

/** One line of a debt hover: a label, the value, and a web link when the value has one. */
export interface HoverRow {
  label: string;
  value: string;
  href?: string;
}

/** What the hover on a marker shows, as plain data (the editor escapes and formats it). */
export interface HoverModel {
  /** `TODO`, `@ts-ignore (suppression)`. */
  title: string;
  text: string;
  overdue: boolean;
  rows: HoverRow[];
}

/** Optional fields other features add to items (scope, package, labels, owners): shown when present. */
function extra(item: LedgerItem, key: string): string | null {
  const value = (item as unknown as Record<string, unknown>)[key];
  if (typeof value === 'string' && value !== '') return value;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value.join(', ');
  return null;
}

/** "3 days", "5 months", "2.4 years". */
export function formatAge(days: number): string {
  if (days < 1) return 'today';
  if (days < 60) return `${days} day${days === 1 ? '' : 's'}`;
  if (days < 730) return `${Math.round(days / 30.44)} months`;
  return `${(days / 365.25).toFixed(1)} years`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The hover content for an item: owners, ticket (linked when it is a URL or `#n` with a known web base),
 * due and how overdue, age and commit from blame, scope/package/labels when present, interest.
 */
export function hoverModel(item: LedgerItem, today: string, web: string | null): HoverModel {
  const rows: HoverRow[] = [];
  const owners = extra(item, 'owners') ?? item.owner;
  if (owners) rows.push({ label: 'Owner', value: owners });
  if (item.team && item.team !== owners) rows.push({ label: 'Team', value: item.team });
  if (item.ticket) {
    const href = ticketLink(item.ticket, web);
    rows.push({ label: 'Ticket', value: item.ticket, ...(href ? { href } : {}) });
  }
  if (item.due) {
    const days = daysBetween(today, item.due);
    rows.push({ label: 'Due', value: item.overdue ? `${item.due}, overdue by ${-days} day${days === -1 ? '' : 's'}` : days === 0 ? `${item.due}, today` : `${item.due}, in ${days} day${days === 1 ? '' : 's'}` });
  }
  if (item.introduced) {
    rows.push({ label: 'Age', value: `${formatAge(ageDays(item.introduced.date, today))} (commit ${item.introduced.commit.slice(0, 7)}, ${item.introduced.date.slice(0, 10)})` });
  } else rows.push({ label: 'Age', value: 'not committed yet, or not dated yet' });
  if (item.author) rows.push({ label: 'Author', value: item.author });
  for (const [key, label] of [['scope', 'Scope'], ['package', 'Package'], ['labels', 'Labels']] as const) {
    const value = extra(item, key);
    if (value) rows.push({ label, value });
  }
  if (item.interest > 0) rows.push({ label: 'Interest', value: `${item.interest}` });
  const title = item.kind === 'suppression' ? `${item.tag} (suppression)` : item.tag;
  return { title, text: item.text, overdue: item.overdue, rows };
}
