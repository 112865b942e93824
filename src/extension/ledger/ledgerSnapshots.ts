import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { LedgerItem } from '../../core/model';

const VERSION = 1;
/** Items serialized per turn of the event loop. */
const SLICE = 200;

interface SnapshotFile {
  version: number;
  folder: string;
  savedAt: string;
  items: LedgerItem[];
}

/**
 * The last ledger of each folder, kept in the extension's workspace storage, so the view shows it the
 * moment the extension starts while the real scan runs. Our own file, still read defensively: a broken or
 * foreign file is ignored, never trusted to have the right shape.
 */
export class LedgerSnapshots {
  constructor(private readonly storage: vscode.Uri | undefined) {}

  private file(folder: vscode.Uri): string | null {
    if (!this.storage) return null;
    return path.join(this.storage.fsPath, `ledger-${createHash('sha1').update(folder.toString()).digest('hex').slice(0, 16)}.json`);
  }

  async load(folder: vscode.Uri): Promise<LedgerItem[] | null> {
    const file = this.file(folder);
    if (!file) return null;
    try {
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<SnapshotFile>;
      if (data.version !== VERSION || data.folder !== folder.toString() || !Array.isArray(data.items)) return null;
      return data.items.filter(isItem);
    } catch {
      return null;
    }
  }

  async save(folder: vscode.Uri, items: readonly LedgerItem[]): Promise<void> {
    const file = this.file(folder);
    if (!file) return;
    const head: Omit<SnapshotFile, 'items'> = { version: VERSION, folder: folder.toString(), savedAt: new Date().toISOString() };
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    // Serialized a slice at a time with a turn of the event loop in between: one JSON.stringify of a big
    // ledger was a block of the extension host of its own (tens of ms at 1,500 items on a busy machine).
    const out = await fs.open(tmp, 'w');
    try {
      const open = JSON.stringify(head);
      await out.write(`${open.slice(0, -1)},"items":[`);
      for (let at = 0; at < items.length; at += SLICE) {
        if (at > 0) await new Promise((r) => setImmediate(r));
        await out.write(`${at > 0 ? ',' : ''}${items.slice(at, at + SLICE).map((i) => JSON.stringify(i)).join(',')}`);
      }
      await out.write(']}');
    } finally {
      await out.close();
    }
    await fs.rename(tmp, file);
  }
}

function isItem(x: unknown): x is LedgerItem {
  const i = x as Partial<LedgerItem> | null;
  return typeof i === 'object' && i !== null && typeof i.id === 'string' && typeof i.file === 'string' && typeof i.tag === 'string' && typeof i.text === 'string' &&
    typeof i.line === 'number' && typeof i.column === 'number' && typeof i.endLine === 'number' && (i.kind === 'marker' || i.kind === 'suppression' || i.kind === 'resilience');
}
