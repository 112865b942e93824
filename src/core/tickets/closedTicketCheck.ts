import type { BranchLedger } from '../dod/branchLedger';
import type { CheckOutcome } from '../dod/checks/automatedChecks';
import type { LedgerItem } from '../model';
import { isClosedTicketDebt } from './resolveTickets';

/** Fills `ticketState` on the items (asking the trackers, cache first); returns warning lines. */
export type TicketStateSource = (items: LedgerItem[]) => Promise<string[]>;

/**
 * DoD `noClosedTicketDebt`: new or touched items (in files the branch changed) must not reference a
 * ticket that is missing or closed for longer than `graceDays`. Pending when tickets cannot be asked
 * here (editor setting off, Restricted Mode); unknown states do not fail the check but are listed.
 */
export async function closedTicketCheck(graceDays: number, ledger: BranchLedger, source: TicketStateSource | undefined, now = Date.now()): Promise<CheckOutcome> {
  const touched = new Set(ledger.changedFiles);
  const items = ledger.current.filter((i) => i.ticket !== null && touched.has(i.file));
  if (items.length === 0) return { state: 'pass', evidence: [{ text: 'no ticketed debt in changed files' }] };
  if (!source) return { state: 'pending', evidence: [{ text: 'ticket state is off here (CLI: always; editor: the debtLedger.tickets.enabled setting in a trusted folder)' }] };
  const warnings = await source(items);
  const bad = items.filter((i) => isClosedTicketDebt(i, graceDays, now));
  const unknown = items.filter((i) => i.ticketState === 'unknown');
  const evidence = (i: LedgerItem, why: string): CheckOutcome['evidence'][number] => ({ text: `${i.tag}: ${i.text || '(no text)'} (${i.ticket} ${why})`, file: i.file, line: i.line, itemId: i.id });
  const notes = [...warnings.map((text) => ({ text })), ...unknown.map((i) => evidence(i, 'state unknown'))];
  if (bad.length > 0) return { state: 'fail', evidence: [...bad.map((i) => evidence(i, i.ticketState === 'missing' ? 'is missing' : `closed${i.ticketClosedAt ? ` ${i.ticketClosedAt.slice(0, 10)}` : ''}`)), ...notes] };
  return { state: 'pass', evidence: [{ text: `${items.length - unknown.length} ticket(s) open or closed within ${graceDays} day(s)` }, ...notes] };
}
