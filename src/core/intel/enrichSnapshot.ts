import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { gitExec } from '../git/gitExec';
import type { LedgerItem } from '../model';
import { TOOL_VERSION } from '../version';
import { CODEOWNERS_LOCATIONS } from './codeowners';
import { enrichLedger, type EnrichOptions, type EnrichStats } from './enrich';

type Fields = Pick<LedgerItem, 'introduced' | 'team' | 'author' | 'interest' | 'owner' | 'owners' | 'labels' | 'file' | 'line'>;
type Stored = [Fields['introduced'], Fields['team'], Fields['author'], Fields['interest'], Fields['owner'], Fields['owners'], Fields['labels'], Fields['file'], Fields['line']];

interface EnrichSnapshotFile {
  v: 2;
  key: string;
  /** The key without the scan's fingerprint and the items: HEAD, today, settings, CODEOWNERS. */
  base: string;
  fields: Record<string, Stored>;
}

const store = (i: LedgerItem): Stored => [i.introduced, i.team, i.author, i.interest, i.owner, i.owners, i.labels, i.file, i.line];
function apply(i: LedgerItem, f: Stored): void {
  [i.introduced, i.team, i.author, i.interest, i.owner, i.owners, i.labels] = f;
}

/**
 * `enrichLedger` with a snapshot of its answer: when the scan found nothing changed (same `fingerprint`),
 * HEAD, today's date, the items (ids, files, lines), CODEOWNERS and the settings are the same, the stored
 * age, team, author, interest and owners (a label promoted to owner) are applied without running blame,
 * churn or loading simple-git. When the scan patched its snapshot (`changedFiles`), items of the other
 * files take their stored fields (same id, file and line) and only the changed files' items are enriched.
 * Churn's window is thereby counted in whole days (a commit leaving the window mid-day shows the next day).
 * Without a fingerprint, a snapshot file or a git HEAD, it is plain `enrichLedger`.
 */
export async function enrichLedgerCached(items: LedgerItem[], options: EnrichOptions & { snapshotFile: string | null; fingerprint: string | undefined; changedFiles?: readonly string[] | undefined }): Promise<EnrichStats & { reused: boolean }> {
  const started = Date.now();
  const keys = options.snapshotFile && options.fingerprint && options.useGit ? await snapshotKeys(items, options, options.fingerprint) : null;
  let todo = items;
  if (keys && options.snapshotFile) {
    const snap = await fs.readFile(options.snapshotFile, 'utf8').then((t) => JSON.parse(t) as Partial<EnrichSnapshotFile>, () => null);
    const fields = snap?.v === 2 && snap.fields && typeof snap.fields === 'object' ? snap.fields : null;
    const stored = (i: LedgerItem): Stored | undefined => (fields && Object.hasOwn(fields, i.id) && Array.isArray(fields[i.id]) && fields[i.id]!.length === 9 ? fields[i.id] : undefined);
    if (snap?.key === keys.key && items.every((i) => stored(i))) {
      for (const i of items) apply(i, stored(i)!);
      return { blamed: 0, fromCache: 0, ms: Date.now() - started, reused: true };
    }
    const changed = new Set(options.changedFiles ?? []);
    if (snap?.base === keys.base && changed.size > 0 && items.every((i) => changed.has(i.file) || (stored(i)?.[7] === i.file && stored(i)?.[8] === i.line))) {
      todo = items.filter((i) => changed.has(i.file));
      for (const i of items) if (!changed.has(i.file)) apply(i, stored(i)!);
    }
  }
  const stats = todo.length > 0 || todo === items ? await enrichLedger(todo, options) : { blamed: 0, fromCache: 0, ms: 0 };
  if (keys && options.snapshotFile) {
    const data: EnrichSnapshotFile = { v: 2, key: keys.key, base: keys.base, fields: Object.fromEntries(items.map((i) => [i.id, store(i)])) };
    try {
      await fs.mkdir(path.dirname(options.snapshotFile), { recursive: true });
      const tmp = `${options.snapshotFile}.${process.pid}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(data));
      await fs.rename(tmp, options.snapshotFile);
    } catch {
      // only costs speed next time
    }
  }
  return { ...stats, reused: todo !== items };
}

async function snapshotKeys(items: readonly LedgerItem[], options: EnrichOptions, fingerprint: string): Promise<{ key: string; base: string } | null> {
  const rev = await gitExec(options.root, ['rev-parse', '--show-toplevel', 'HEAD']);
  if (rev.code !== 0) return null;
  const [top, head] = rev.stdout.trim().split('\n');
  if (!top || !head) return null;
  const owners = await Promise.all(CODEOWNERS_LOCATIONS.map((loc) => fs.readFile(path.join(top, loc), 'utf8').catch(() => null)));
  const base = createHash('sha1').update(JSON.stringify({ v: 2, tool: TOOL_VERSION, head, top, root: options.root, today: options.today, churn: options.config.churnWindowDays, attribution: options.config.attribution, owners })).digest('hex');
  const h = createHash('sha1');
  h.update(`${base}\0${fingerprint}\n`);
  for (const i of items) h.update(`${i.id}\0${i.file}\0${i.line}\0${i.owner ?? ''}\n`);
  return { key: h.digest('hex'), base };
}
