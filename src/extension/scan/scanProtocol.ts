import type { DebtLedgerConfig } from '../../core/config/config';
import type { LedgerItem, ScanResult } from '../../core/model';
import type { ResilienceSummary } from '../../core/resilience/model';

/** Messages to the scan worker. Plain data only (structured clone): no functions, no signals. */
export type ToWorker =
  | { id: number; op: 'scan'; root: string; config: DebtLedgerConfig; useGit: boolean; cacheFile: string | null; overrides: Map<string, string>; stream: boolean }
  | { id: number; op: 'text'; root: string | null; config: DebtLedgerConfig; file: string; text: string; today: string }
  | { id: number; op: 'file'; root: string; config: DebtLedgerConfig; file: string; today: string }
  | { id: number; op: 'cancel' };

export type FileScan = { items: LedgerItem[]; summary: ResilienceSummary | null; note?: string } | { reason: string };

/** Messages from the scan worker, answering request `id`. */
export type FromWorker =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'items'; batch: [string, LedgerItem[]][] }
  | { id: number; type: 'scanned'; result: ScanResult }
  | { id: number; type: 'file'; result: FileScan }
  | { id: number; type: 'error'; message: string; aborted: boolean };
