import { readFileSafe, SafeFsError, writeFileAtomic } from '../fs/safeFs';
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

export class BaselineError extends Error {
  /** `growth`: the baseline would grow (a failing check, exit 1); `unusable`: it cannot be read or written (exit 2). */
  constructor(message: string, readonly kind: 'growth' | 'unusable' = 'unusable') {
    super(message);
  }
}

/** The most a baseline file may weigh (a 100k-item baseline is about 10 MiB). */
export const MAX_BASELINE_FILE = 64 * 1024 * 1024;

const FIX = 'fix it by hand or restore it from git (git checkout -- <file>); it is never overwritten while damaged';

/**
 * Reads a baseline: null when there is none. The baseline is user data, so anything wrong with it (not a
 * regular file, outside the workspace, truncated, wrong shape) is a one-line BaselineError saying what to
 * do, and `updateBaseline` refuses to overwrite it.
 */
export async function readBaseline(file: string, root?: string): Promise<BaselineFile | null> {
  const read = await readFileSafe(file, { maxBytes: MAX_BASELINE_FILE, ...(root !== undefined ? { root } : {}) });
  if (!read.ok) {
    if (read.refusal === 'missing') return null;
    throw new BaselineError(`cannot read the baseline ${file}: ${read.reason}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(read.bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new BaselineError(`the baseline ${file} is not valid JSON (${(err as Error).message}); ${FIX}`);
  }
  const problem = baselineProblem(raw);
  if (problem) throw new BaselineError(`the baseline ${file} is damaged: ${problem}; ${FIX}`);
  const b = raw as BaselineFile;
  return { ...b, growth: b.growth ?? [] };
}

function baselineProblem(raw: unknown): string | null {
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(raw)) return 'expected an object';
  if (raw.version !== 1) return 'expected "version": 1';
  if (!isRecord(raw.items)) return '"items" must be an object of id -> { file, tag }';
  for (const [id, v] of Object.entries(raw.items)) if (!isRecord(v) || typeof v.file !== 'string' || typeof v.tag !== 'string') return `items["${id.slice(0, 40)}"] must be { "file": string, "tag": string }`;
  if (raw.counts !== undefined && !isRecord(raw.counts)) return '"counts" must be an object';
  if (raw.growth !== undefined && (!Array.isArray(raw.growth) || !raw.growth.every((g) => isRecord(g) && typeof g.at === 'string' && typeof g.added === 'number' && typeof g.reason === 'string'))) return '"growth" must be a list of { at, added, reason }';
  return null;
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
export async function updateBaseline(file: string, items: readonly LedgerItem[], options: { allowGrowth: boolean; reason: string | null; now?: Date; root?: string }): Promise<{ added: number; pruned: string[] }> {
  const existing = await readBaseline(file, options.root);
  const growth = existing?.growth ?? [];
  const { fresh, gone } = existing ? compareWithBaseline(items, existing) : { fresh: [...items], gone: [] };
  if (existing && fresh.length > 0) {
    if (!options.allowGrowth || !options.reason) throw new BaselineError(`${fresh.length} new item(s) would grow the baseline; fix them, or pass --allow-growth --reason "why"`, 'growth');
    growth.push({ at: (options.now ?? new Date()).toISOString(), added: fresh.length, reason: options.reason });
  }
  // Temp file + rename in the baseline's folder; a symlink out of that folder is refused, never followed.
  try {
    await writeFileAtomic(file, JSON.stringify(build(items, growth), null, 2) + '\n');
  } catch (err) {
    if (err instanceof SafeFsError) throw new BaselineError(err.message);
    throw err;
  }
  return { added: existing ? fresh.length : items.length, pruned: gone };
}
