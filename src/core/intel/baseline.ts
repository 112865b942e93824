import { promises as fs } from 'node:fs';
import type { LedgerItem } from '../model';

/** `.debtledger-baseline.json`: accepted items keyed by stable id (never by line), with counts per file and rule. */
export interface BaselineFile {
  version: 1;
  items: Record<string, { file: string; tag: string }>;
  counts: Record<string, Record<string, number>>;
  /** Every time the baseline was allowed to grow: when, by how much, and why. */
  growth: { at: string; added: number; reason: string }[];
}

export const BASELINE_FILE = '.debtledger-baseline.json';

export class BaselineError extends Error {}

export async function readBaseline(file: string): Promise<BaselineFile | null> {
  try {
    const raw = JSON.parse(await fs.readFile(file, 'utf8')) as BaselineFile;
    if (raw.version !== 1 || typeof raw.items !== 'object') throw new BaselineError(`${file} is not a Debt Ledger baseline (version 1)`);
    return { ...raw, growth: raw.growth ?? [] };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if (err instanceof BaselineError) throw err;
    throw new BaselineError(`cannot read ${file}: ${(err as Error).message}`);
  }
}

/** Items not in the baseline, and baseline ids that no longer exist. */
export function compareWithBaseline(items: readonly LedgerItem[], baseline: BaselineFile): { fresh: LedgerItem[]; gone: string[] } {
  const ids = new Set(items.map((i) => i.id));
  return { fresh: items.filter((i) => !(i.id in baseline.items)), gone: Object.keys(baseline.items).filter((id) => !ids.has(id)) };
}

function build(items: readonly LedgerItem[], growth: BaselineFile['growth']): BaselineFile {
  const out: BaselineFile = { version: 1, items: {}, counts: {}, growth };
  for (const i of [...items].sort((a, b) => a.id.localeCompare(b.id))) {
    out.items[i.id] = { file: i.file, tag: i.tag };
    const perFile = (out.counts[i.file] ??= {});
    perFile[i.tag] = (perFile[i.tag] ?? 0) + 1;
  }
  return out;
}

/**
 * Writes the baseline for the current items. Items that disappeared are pruned (and reported); new items
 * are refused unless `allowGrowth` comes with a reason, which is recorded in the file: it never grows silently.
 */
export async function updateBaseline(file: string, items: readonly LedgerItem[], options: { allowGrowth: boolean; reason: string | null; now?: Date }): Promise<{ added: number; pruned: string[] }> {
  const existing = await readBaseline(file);
  const growth = existing?.growth ?? [];
  const { fresh, gone } = existing ? compareWithBaseline(items, existing) : { fresh: [...items], gone: [] };
  if (existing && fresh.length > 0) {
    if (!options.allowGrowth || !options.reason) throw new BaselineError(`${fresh.length} new item(s) would grow the baseline; fix them, or pass --allow-growth --reason "why"`);
    growth.push({ at: (options.now ?? new Date()).toISOString(), added: fresh.length, reason: options.reason });
  }
  await fs.writeFile(file, JSON.stringify(build(items, growth), null, 2) + '\n');
  return { added: existing ? fresh.length : items.length, pruned: gone };
}
