import * as vscode from 'vscode';
import { GROUP_BY, isFilterActive, NO_FILTER, type GroupBy, type LedgerFilter } from '../../core/ledger/grouping';
import { CONTEXT, STATE } from '../constants';

/** Grouping, filter and the current-file toggle: UI state kept in workspaceState, mirrored into context keys. */
export class ViewState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento, private readonly defaultGroupBy: () => GroupBy) {
    this.syncContext();
  }

  get groupBy(): GroupBy {
    const stored = this.memento.get<string>(STATE.groupBy);
    return stored && (GROUP_BY as readonly string[]).includes(stored) ? (stored as GroupBy) : this.defaultGroupBy();
  }

  get filter(): LedgerFilter {
    return { ...NO_FILTER, ...this.memento.get<Partial<LedgerFilter>>(STATE.filter, {}), file: null };
  }

  get currentFileOnly(): boolean {
    return this.memento.get<boolean>(STATE.currentFileOnly, false);
  }

  async setGroupBy(groupBy: GroupBy): Promise<void> {
    await this.memento.update(STATE.groupBy, groupBy);
    this.changed.fire();
  }

  async setFilter(filter: Pick<LedgerFilter, 'text' | 'tags'>): Promise<void> {
    await this.memento.update(STATE.filter, { text: filter.text, tags: filter.tags });
    this.syncContext();
    this.changed.fire();
  }

  /**
   * Scopes the Ledger view shows, remembered per workspace: what was chosen, else source only when the
   * workspace has tests (`hasTests`), else every scope (null).
   */
  scopesFor(hasTests: boolean): string[] | null {
    const stored = this.memento.get<string[] | 'all'>(STATE.scopes);
    if (stored === 'all') return null;
    if (Array.isArray(stored) && stored.length > 0) return stored;
    return hasTests ? ['source'] : null;
  }

  /** null shows every scope. */
  async setScopes(scopes: string[] | null): Promise<void> {
    await this.memento.update(STATE.scopes, scopes && scopes.length > 0 ? scopes : 'all');
    this.changed.fire();
  }

  get newOnBranch(): boolean {
    return this.memento.get<boolean>(STATE.newOnBranch, false);
  }

  async setNewOnBranch(on: boolean): Promise<void> {
    await this.memento.update(STATE.newOnBranch, on);
    this.syncContext();
    this.changed.fire();
  }

  async setCurrentFileOnly(on: boolean): Promise<void> {
    await this.memento.update(STATE.currentFileOnly, on);
    this.syncContext();
    this.changed.fire();
  }

  private syncContext(): void {
    void vscode.commands.executeCommand('setContext', CONTEXT.filterActive, isFilterActive(this.filter));
    void vscode.commands.executeCommand('setContext', CONTEXT.currentFileOnly, this.currentFileOnly);
    void vscode.commands.executeCommand('setContext', CONTEXT.newOnBranch, this.newOnBranch);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
