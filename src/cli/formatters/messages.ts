import type { LedgerItem } from '../../core/model';

/** The one-sentence message of an item, shared by SARIF, GitLab, annotations, rdjson and the compact form. */
export function messageOf(item: LedgerItem): string {
  if (item.kind === 'resilience') return `${item.reason} [${item.client}]${item.callers ? ` Callers: ${item.callers.join(', ')}.` : ''}`;
  const meta = [item.owner && `owner ${item.owner}`, item.ticket && `ticket ${item.ticket}${item.ticketState ? ` (${item.ticketState})` : ''}`, item.due && `due ${item.due}${item.overdue ? ' (overdue)' : ''}`].filter(Boolean);
  return `${item.tag}: ${item.text || '(no text)'}${meta.length > 0 ? ` [${meta.join(', ')}]` : ''}`;
}
