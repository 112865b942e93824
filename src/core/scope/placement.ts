import type { DebtLedgerConfig } from '../config/config';
import type { LedgerItem } from '../model';
import { detectWorkspaces, type WorkspaceLayout } from '../workspaces/workspaces';
import type { Scope } from './model';
import { scopeResolverFor, type ScopeResolver } from './scopeResolver';

/** Gives items their `scope` and `package`, and decides which resilience findings a configuration reports. */
export interface Placement {
  readonly resolver: ScopeResolver;
  readonly layout: WorkspaceLayout | null;
  /** Sets scope and package on one file's items, in place; remembers the file's scope. */
  place(file: string, items: LedgerItem[], generatedHeader: boolean): void;
  /** The scope of a file placed before (or decided by path now). */
  scopeOf(file: string): Scope;
  /** Resilience items placed and filtered to `resilience.scopes`. */
  resilienceItems(items: LedgerItem[]): LedgerItem[];
}

const layouts = new Map<string, WorkspaceLayout>();

/** The workspace layout of a root; `refresh` re-reads it (full scans), otherwise the last one is reused. */
export function workspaceLayout(root: string, refresh = false): WorkspaceLayout {
  let layout = refresh ? undefined : layouts.get(root);
  if (!layout) {
    layout = detectWorkspaces(root);
    layouts.set(root, layout);
  }
  return layout;
}

export function createPlacement(root: string | null, config: DebtLedgerConfig, refresh = false): Placement {
  const resolver = scopeResolverFor(root, config.scopes);
  const layout = root ? workspaceLayout(root, refresh) : null;
  const scopes = new Map<string, Scope>();
  const wanted = new Set(config.resilience.scopes);
  const scopeOf = (file: string): Scope => scopes.get(file) ?? resolver.scopeOf(file, false);
  return {
    resolver,
    layout,
    scopeOf,
    place(file, items, generatedHeader) {
      const scope = resolver.scopeOf(file, generatedHeader);
      scopes.set(file, scope);
      const pkg = layout?.packageOf(file) ?? null;
      for (const i of items) {
        i.scope = scope;
        i.package = pkg;
      }
    },
    resilienceItems(items) {
      for (const i of items) {
        i.scope = scopeOf(i.file);
        i.package = layout?.packageOf(i.file) ?? null;
      }
      return items.filter((i) => wanted.has(i.scope));
    },
  };
}

