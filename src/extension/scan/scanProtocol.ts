import type { DebtLedgerConfig } from '../../core/config/config';
import type { LedgerItem, ScanResult } from '../../core/model';
import type { ResilienceSummary } from '../../core/resilience/model';
import type { EnrichOptions, EnrichStats } from '../../core/intel/enrich';

/** What blame and CODEOWNERS add to an item (enrichLedger), sent back per item in the order sent. */
export const ENRICHED_FIELDS = ['introduced', 'team', 'author', 'interest', 'owner', 'owners', 'labels'] as const;
export type EnrichedFields = Pick<LedgerItem, (typeof ENRICHED_FIELDS)[number]>;

/** Messages to the scan worker. Plain data only (structured clone): no functions, no signals. */
export type ToWorker =
  | { id: number; op: 'scan'; root: string; config: DebtLedgerConfig; useGit: boolean; cacheFile: string | null; overrides: Map<string, string>; stream: boolean }
  | { id: number; op: 'text'; root: string | null; config: DebtLedgerConfig; file: string; text: string; today: string }
  | { id: number; op: 'file'; root: string; config: DebtLedgerConfig; file: string; today: string }
  | { id: number; op: 'cancel' }
  | { id: number; op: 'enrich'; items: LedgerItem[]; options: Omit<EnrichOptions, 'signal' | 'onProgress'> }
  /** A file or folder was deleted: the worker drops its resilience summaries (no answer). */
  | { id: number; op: 'forget'; root: string; file: string }
  /** Answered with `usage` only: the scanner process's CPU time now (the perf suite, at a phase's edges). */
  | { id: number; op: 'usage' };

/**
 * The scanner process's own resources when it sent a message: CPU time (user + system) since it started, ms,
 * and its resident set size, MB. Only a scanner process sends it (a worker thread shares the host's figures).
 */
export interface ScannerUsage {
  cpuMs: number;
  rssMb: number;
}

/**
 * One file's outcome. `resilience`: the root's findings, re-linked in the worker because this file's
 * summary changed (absent when it did not, or the worker has no full scan of the root).
 */
export type FileScan = ({ items: LedgerItem[]; summary: ResilienceSummary | null; note?: string } | { reason: string }) & { resilience?: LedgerItem[] };

/** Messages from the scan worker, answering request `id`; each carries the scanner process's usage. */
export type FromWorker = (
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'items'; batch: [string, LedgerItem[]][] }
  | { id: number; type: 'scanned'; result: ScanResult }
  | { id: number; type: 'file'; result: FileScan }
  | { id: number; type: 'enriched'; fields: EnrichedFields[]; stats: EnrichStats }
  | { id: number; type: 'error'; message: string; aborted: boolean }
  | { id: number; type: 'usage' }) & { usage?: ScannerUsage };
