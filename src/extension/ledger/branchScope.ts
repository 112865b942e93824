import * as vscode from 'vscode';
import { loadLayeredConfig } from '../../core/config/loadConfig';
import { branchLedger } from '../../core/dod/branchLedger';
import { branchFacts } from '../../core/git/branchFacts';
import type { FolderLedger } from './folderLedger';

/**
 * "New on this branch" for the Ledger view: the ids of items the branch added since its merge base with
 * the Definition of Done's base (or the default), uncommitted changes included. Computed on demand.
 */
export class BranchScope {
  private readonly ids = new Map<string, ReadonlySet<string>>();
  readonly notes = new Map<string, string>();

  idsFor(ledger: FolderLedger): ReadonlySet<string> | null {
    return this.ids.get(ledger.folder.uri.toString()) ?? null;
  }

  async refresh(ledgers: readonly FolderLedger[]): Promise<void> {
    for (const ledger of ledgers) {
      const key = ledger.folder.uri.toString();
      if (!vscode.workspace.isTrusted || !ledger.config) {
        this.ids.set(key, new Set());
        this.notes.set(key, 'needs git (Restricted Mode runs none)');
        continue;
      }
      try {
        const config = (await loadLayeredConfig(ledger.root, {})).config;
        const facts = await branchFacts(ledger.root, { base: config.definitionOfDone?.base ?? null, includeUncommitted: true });
        this.ids.set(key, new Set((await branchLedger(ledger.root, ledger.config, facts)).added.map((i) => i.id)));
        this.notes.set(key, `new since ${facts.base}`);
      } catch (err) {
        this.ids.set(key, new Set());
        this.notes.set(key, (err as Error).message);
      }
    }
  }
}
