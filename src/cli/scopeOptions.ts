import type { LedgerItem } from '../core/model';
import { parseScopeList } from '../core/scope/scopeConfig';
import { countedItems, HEADLINE_SCOPES, inScopes } from '../core/scope/views';
import type { ConfigError } from '../core/config/resolveConfig';
import { UsageError } from './io';

/** What `--scope` and `--package` select. */
export interface ItemSelection {
  /** Scopes asked for with `--scope`; null when not given. */
  scopes: string[] | null;
  /** `--package` (a package name or folder); null when not given. */
  pkg: string | null;
}

export function parseSelection(scope: string | undefined, pkg: string | undefined): ItemSelection {
  let scopes: string[] | null = null;
  if (scope !== undefined) {
    const errors: ConfigError[] = [];
    scopes = parseScopeList(scope, '--scope', errors) ?? null;
    if (errors.length > 0) throw new UsageError(`${errors[0]!.path}: ${errors[0]!.message}`);
  }
  return { scopes, pkg: pkg ?? null };
}

/** Items of the package asked for (by name, or a folder prefix); all when none was asked. */
export function selectPackage(items: LedgerItem[], pkg: string | null, known: readonly { dir: string; name: string }[]): LedgerItem[] {
  if (pkg === null) return items;
  const match = known.find((p) => p.name === pkg || p.dir === pkg.replace(/^\.\//, '').replace(/\/+$/, ''));
  if (!match) {
    const names = known.map((p) => p.name);
    throw new UsageError(known.length === 0 ? `--package ${pkg}: no workspace packages found (npm/yarn/pnpm workspaces, pnpm-workspace.yaml, lerna.json, nx)` : `--package: no package "${pkg}" (packages: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''})`);
  }
  return items.filter((i) => i.package === match.name);
}

/**
 * The items a report lists: `--scope` when given, else every scope (generated and vendored are listed but
 * not counted). `ranked` is what hotspots and `--sort interest` rank: `--scope` when given, else source only.
 */
export function selectItems(items: LedgerItem[], selection: ItemSelection): { listed: LedgerItem[]; ranked: LedgerItem[]; counted: LedgerItem[] } {
  const listed = inScopes(items, selection.scopes);
  return {
    listed,
    ranked: inScopes(listed, selection.scopes ?? HEADLINE_SCOPES),
    counted: selection.scopes ? listed : countedItems(listed),
  };
}
