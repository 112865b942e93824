import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { LedgerItem } from '../../core/model';

const VERSION = 1;

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
    const data: SnapshotFile = { version: VERSION, folder: folder.toString(), savedAt: new Date().toISOString(), items: [...items] };
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(data));
    await fs.rename(tmp, file);
  }
}

function isItem(x: unknown): x is LedgerItem {
  const i = x as Partial<LedgerItem> | null;
  return typeof i === 'object' && i !== null && typeof i.id === 'string' && typeof i.file === 'string' && typeof i.tag === 'string' && typeof i.text === 'string' &&
    typeof i.line === 'number' && typeof i.column === 'number' && typeof i.endLine === 'number' && (i.kind === 'marker' || i.kind === 'suppression' || i.kind === 'resilience');
}
