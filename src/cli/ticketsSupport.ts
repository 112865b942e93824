import type { DebtLedgerConfig } from '../core/config/config';
import { originRemote } from '../core/git/remote';
import type { LedgerItem } from '../core/model';
import type { TicketStateSource } from '../core/tickets/closedTicketCheck';
import { resolveTicketStates, type ResolveTicketsReport } from '../core/tickets/resolveTickets';
import type { CliIo } from './io';
import { defaultCacheFile } from './scanCommand';

/** The ticket cache of a root: beside the content and blame caches. */
export function ticketCacheFile(root: string, env: CliIo['env']): string {
  return defaultCacheFile(root, env).replace(/\.json$/, '.tickets.json');
}

/**
 * Asks the trackers about the items' tickets for a CLI command: `#123` resolves against the origin remote
 * (when git is allowed), answers are cached unless `cache` is false, and every warning is one stderr line.
 * The exit code is never changed here.
 */
export async function resolveForCli(items: LedgerItem[], root: string, config: DebtLedgerConfig, io: CliIo, options: { git: boolean; cache: boolean }): Promise<ResolveTicketsReport> {
  const remote = options.git ? await originRemote(root) : null;
  const report = await resolveTicketStates(items, { config: config.tickets, env: io.env, remote, cacheFile: options.cache ? ticketCacheFile(root, io.env) : null });
  for (const w of report.warnings) io.stderr(`debt-ledger: warning: ${w}\n`);
  return report;
}

/** The DoD check's source of ticket states in the CLI. */
export function cliTicketSource(root: string, config: DebtLedgerConfig, io: CliIo): TicketStateSource {
  return async (items) => {
    await resolveForCli(items, root, config, io, { git: true, cache: true });
    return [];
  };
}
