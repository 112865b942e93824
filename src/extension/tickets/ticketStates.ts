import * as path from 'node:path';
import * as vscode from 'vscode';
import { originRemote } from '../../core/git/remote';
import { resolveTicketStates } from '../../core/tickets/resolveTickets';
import type { LedgerController } from '../ledger/ledgerController';
import type { Activity } from '../util/activity';
import type { TrackerSecrets } from './trackerSecrets';

/**
 * Ticket state in the editor: only with the `debtLedger.tickets.enabled` setting and in a trusted
 * folder (no git, no network in Restricted Mode). After each ledger change the items' tickets are asked
 * for (answers cached in workspace storage for the configured TTL), then `onResolved` redraws.
 */
export class TicketStates implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private readonly warned = new Set<string>();

  constructor(private readonly deps: {
    controller: LedgerController;
    activity: Activity;
    secrets: TrackerSecrets;
    enabled: () => boolean;
    storage: vscode.Uri | undefined;
    output: vscode.LogOutputChannel;
    onResolved: () => void;
  }) {
    deps.activity.addPendingSource(() => (this.timer ? 1 : 0));
  }

  /** Schedules a resolution (coalesced: one per burst of ledger changes). */
  schedule(): void {
    if (!this.deps.enabled() || !vscode.workspace.isTrusted) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.deps.activity.track(this.resolve().catch((err: unknown) => this.deps.output.error(`tickets: ${(err as Error).message}`)));
    }, 500);
  }

  private async resolve(): Promise<void> {
    for (const ledger of this.deps.controller.folders()) {
      const config = ledger.config;
      const items = ledger.index.items().filter((i) => i.ticket !== null && i.ticketState === undefined);
      if (!config || items.length === 0) continue;
      const env = await this.deps.secrets.env(config.tickets.providers.flatMap((p) => [p.tokenEnv, p.emailEnv].filter((n): n is string => n !== null)));
      const cacheFile = this.deps.storage ? path.join(this.deps.storage.fsPath, 'tickets.json') : null;
      const report = await resolveTicketStates(items, { config: config.tickets, env, remote: await originRemote(ledger.root), cacheFile });
      // Warnings name trackers and variables, never token values.
      for (const w of report.warnings) {
        if (this.warned.has(w)) continue;
        this.warned.add(w);
        this.deps.output.warn(`tickets (${ledger.folder.name}): ${w}`);
      }
      this.deps.output.info(`tickets (${ledger.folder.name}): ${report.tickets} ticket(s), ${report.fromCache} from cache, ${report.requests} request(s)`);
    }
    this.deps.onResolved();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
