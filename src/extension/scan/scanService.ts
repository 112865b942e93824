import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { DebtLedgerConfig } from '../../core/config/config';
import type { LedgerItem, ScanResult } from '../../core/model';
import { scanFileTextFull, scanOneFile, scanWorkspace, type ScanOptions } from '../../core/scan/scanner';
import { ENRICHED_FIELDS, type FileScan, type FromWorker, type ScannerUsage, type ToWorker } from './scanProtocol';
import { enrichLedger, type EnrichOptions, type EnrichStats } from '../../core/intel/enrich';
import { forkScanProcess, type ScanChannel } from './scanChannel';

interface Pending {
  resolve: (m: FromWorker) => void;
  onProgress?: (done: number, total: number) => void;
  onFileItems?: (file: string, items: LedgerItem[]) => void;
}

/**
 * Scans in a scanner process when its bundle is there (dist/scanWorker.js, see scanChannel.ts), else
 * in-process (unit tests, a broken install): the same core functions either way. The process is started on
 * the first scan and kept.
 */
export class ScanService {
  private worker: ScanChannel | null = null;
  private failed = false;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  /** The running scanner process's last reported usage, and the CPU time of processes that stopped. */
  private lastUsage: ScannerUsage | null = null;
  private retiredCpuMs = 0;

  /** `codeCacheDir`: where the scanner process keeps the compiler bundle's V8 code cache (null: none). */
  constructor(private readonly workerFile: string, private readonly log: (line: string) => void, private readonly codeCacheDir: string | null = null) {}

  get inWorker(): boolean {
    return this.ensure() !== null;
  }

  private ensure(): ScanChannel | null {
    if (this.worker || this.failed) return this.worker;
    if (!existsSync(this.workerFile)) {
      this.failed = true;
      return null;
    }
    try {
      const worker = forkScanProcess(this.workerFile, this.codeCacheDir);
      worker.onMessage((m: FromWorker) => {
        if (m.usage) this.lastUsage = m.usage;
        const p = this.pending.get(m.id);
        if (!p) return;
        if (m.type === 'progress') p.onProgress?.(m.done, m.total);
        else if (m.type === 'items') for (const [file, items] of m.batch) p.onFileItems?.(file, items);
        else {
          this.pending.delete(m.id);
          p.resolve(m);
        }
      });
      worker.onExit((why) => this.crashed(why));
      this.worker = worker;
    } catch (err) {
      this.failed = true;
      this.log(`scanner process unavailable, scanning in the extension host: ${(err as Error).message}`);
    }
    return this.worker;
  }

  private crashed(why: string): void {
    if (!this.worker) return;
    this.log(`scanner process stopped (${why}); later scans run in the extension host`);
    this.retire();
    this.worker = null;
    this.failed = true;
    for (const [id, p] of this.pending) p.resolve({ id, type: 'error', message: `the scan worker stopped (${why})`, aborted: false });
    this.pending.clear();
  }

  private request(message: ToWorker, handlers: Omit<Pending, 'resolve'> = {}): Promise<FromWorker> {
    return new Promise((resolve) => {
      this.pending.set(message.id, { resolve, ...handlers });
      this.worker!.post(message);
    });
  }

  /** A full scan (see `scanWorkspace`); `signal` cancels it in the worker too. */
  async scan(options: ScanOptions & { cacheFile: string | null; useGit: boolean }): Promise<ScanResult> {
    const worker = this.ensure();
    if (!worker) return scanWorkspace(options);
    const id = this.next++;
    const onAbort = (): void => worker.post({ id: this.next++, op: 'cancel' });
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const answer = await this.request(
        { id, op: 'scan', root: options.root, config: options.config, useGit: options.useGit, cacheFile: options.cacheFile, overrides: new Map(options.overrides ?? []), stream: !!options.onFileItems },
        { ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.onFileItems ? { onFileItems: options.onFileItems } : {}) },
      );
      if (answer.type === 'scanned') return answer.result;
      if (answer.type === 'error' && (answer.aborted || options.signal?.aborted)) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      throw new Error(answer.type === 'error' ? answer.message : 'unexpected answer from the scan worker');
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** One file's items and summary from a text (an unsaved buffer); `root` places it (scope, package, owners). */
  async scanText(config: DebtLedgerConfig, file: string, text: string, today: string, root: string | null = null): Promise<ReturnType<typeof scanFileTextFull> & { resilience?: LedgerItem[] }> {
    if (!this.ensure()) return scanFileTextFull(config, file, text, today, root);
    const answer = await this.request({ id: this.next++, op: 'text', root, config, file, text, today });
    if (answer.type === 'file' && 'items' in answer.result) return answer.result;
    throw new Error(answer.type === 'error' ? answer.message : 'unexpected answer from the scan worker');
  }

  /** One file on disk. */
  async scanFile(root: string, config: DebtLedgerConfig, file: string, today: string): Promise<FileScan> {
    if (!this.ensure()) return scanOneFile(root, file, config, today);
    const answer = await this.request({ id: this.next++, op: 'file', root, config, file, today });
    if (answer.type === 'file') return answer.result;
    throw new Error(answer.type === 'error' ? answer.message : 'unexpected answer from the scan worker');
  }

  /**
   * Blame, CODEOWNERS and churn for `items`, written into them in place (as `enrichLedger` does), run in
   * the scanner process: git's processes and output never touch the host's event loop.
   */
  async enrich(items: LedgerItem[], options: EnrichOptions): Promise<EnrichStats> {
    if (!this.ensure()) return enrichLedger(items, options);
    // A signal cannot cross to the process (nothing cancels enrichment today); progress comes back as messages.
    const { root, config, today, blameCacheFile, useGit, onProgress } = options;
    const answer = await this.request({ id: this.next++, op: 'enrich', items, options: { root, config, today, blameCacheFile, useGit } }, onProgress ? { onProgress } : {});
    if (answer.type !== 'enriched') throw new Error(answer.type === 'error' ? answer.message : 'unexpected answer from the scanner');
    answer.fields.forEach((fields, n) => {
      const item = items[n];
      if (!item) return;
      for (const k of ENRICHED_FIELDS) (item as unknown as Record<string, unknown>)[k] = fields[k];
    });
    return answer.stats;
  }

  /**
   * The scanner processes' CPU time (user + system, ms, all of them since the first started) and the running
   * one's RSS, as last reported (every answer carries it; `sampleUsage` asks now). Null while none ran: scans
   * then run in the extension host and count in its own CPU time.
   */
  usage(): ScannerUsage | null {
    if (!this.lastUsage && this.retiredCpuMs === 0) return null;
    return { cpuMs: this.retiredCpuMs + (this.lastUsage?.cpuMs ?? 0), rssMb: this.lastUsage?.rssMb ?? 0 };
  }

  /** Asks the running scanner process for its usage now (the perf suite, at a phase's edges); then `usage()`. */
  async sampleUsage(): Promise<ScannerUsage | null> {
    if (this.worker) await this.request({ id: this.next++, op: 'usage' });
    return this.usage();
  }

  private retire(): void {
    this.retiredCpuMs += this.lastUsage?.cpuMs ?? 0;
    this.lastUsage = null;
  }

  /** A file or folder was deleted: the worker forgets its resilience summaries (the host re-links itself). */
  forget(root: string, file: string): void {
    this.worker?.post({ id: this.next++, op: 'forget', root, file });
  }

  dispose(): void {
    const worker = this.worker;
    this.retire();
    this.worker = null;
    worker?.dispose();
  }
}

/** Where the worker bundle sits next to the extension bundle. */
export function scanWorkerFile(extensionPath: string): string {
  return path.join(extensionPath, 'dist', 'scanWorker.js');
}
