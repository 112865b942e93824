import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { TicketInfo } from './model';

interface CacheEntry extends TicketInfo {
  etag: string | null;
  /** Epoch ms of the last answer from the tracker (200 or 304). */
  at: number;
}

interface CacheFile {
  version: 1;
  tickets: Record<string, CacheEntry>;
}

/**
 * Ticket answers by tracker and reference, with the ETag to revalidate them. Only answers are kept
 * (state, close date, ETag, time): never a token, never code. Written atomically (temp file + rename).
 */
export class TicketCache {
  private data: CacheFile = { version: 1, tickets: {} };
  private dirty = false;

  constructor(private readonly file: string | null, private readonly ttlMs: number) {}

  async load(): Promise<void> {
    if (!this.file) return;
    try {
      const parsed = JSON.parse(await fs.readFile(this.file, 'utf8')) as CacheFile;
      if (parsed.version === 1 && typeof parsed.tickets === 'object' && parsed.tickets !== null) this.data = parsed;
    } catch {
      // none yet, or damaged: start empty
    }
  }

  /** A cached answer young enough to use without asking. */
  fresh(key: string, now: number): TicketInfo | null {
    const e = this.data.tickets[key];
    return e && now - e.at < this.ttlMs && now >= e.at ? { state: e.state, closedAt: e.closedAt } : null;
  }

  /** An older answer with its ETag, for a conditional request. */
  stale(key: string): (TicketInfo & { etag: string | null }) | null {
    const e = this.data.tickets[key];
    return e ? { state: e.state, closedAt: e.closedAt, etag: e.etag } : null;
  }

  put(key: string, info: TicketInfo, etag: string | null, now: number): void {
    if (info.state === 'unknown') return;
    this.data.tickets[key] = { state: info.state, closedAt: info.closedAt, etag, at: now };
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.file || !this.dirty) return;
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(this.data), { mode: 0o600 });
    await fs.rename(tmp, this.file);
    this.dirty = false;
  }
}
