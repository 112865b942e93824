import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { gitExec } from '../git/gitExec';
import type { LedgerItem } from '../model';
import { TOOL_VERSION } from '../version';
import { CODEOWNERS_LOCATIONS } from './codeowners';
import { enrichLedger, type EnrichOptions, type EnrichStats } from './enrich';

type Fields = Pick<LedgerItem, 'introduced' | 'team' | 'author' | 'interest'>;

interface EnrichSnapshotFile {
  v: 1;
  key: string;
  fields: Record<string, [Fields['introduced'], Fields['team'], Fields['author'], Fields['interest']]>;
}

/**
 * `enrichLedger` with a snapshot of its answer: when the scan found nothing changed (same `fingerprint`),
 * HEAD, today's date, the items (ids, files, lines), CODEOWNERS and the settings are the same, the stored
 * age, team, author and interest are applied without running blame, churn or loading simple-git. Churn's
 * window is thereby counted in whole days (a commit leaving the window mid-day shows the next day).
 * Without a fingerprint, a snapshot file or a git HEAD, it is plain `enrichLedger`.
 */
export async function enrichLedgerCached(items: LedgerItem[], options: EnrichOptions & { snapshotFile: string | null; fingerprint: string | undefined }): Promise<EnrichStats & { reused: boolean }> {
  const started = Date.now();
  const key = options.snapshotFile && options.fingerprint && options.useGit ? await snapshotKey(items, options, options.fingerprint) : null;
  if (key && options.snapshotFile) {
    const snap = await fs.readFile(options.snapshotFile, 'utf8').then((t) => JSON.parse(t) as Partial<EnrichSnapshotFile>, () => null);
    if (snap?.v === 1 && snap.key === key && snap.fields && typeof snap.fields === 'object' && items.every((i) => Array.isArray(snap.fields![i.id]))) {
      for (const i of items) [i.introduced, i.team, i.author, i.interest] = snap.fields[i.id]!;
      return { blamed: 0, fromCache: 0, ms: Date.now() - started, reused: true };
    }
  }
  const stats = await enrichLedger(items, options);
  if (key && options.snapshotFile) {
    const data: EnrichSnapshotFile = { v: 1, key, fields: Object.fromEntries(items.map((i) => [i.id, [i.introduced, i.team, i.author, i.interest]])) };
    try {
      await fs.mkdir(path.dirname(options.snapshotFile), { recursive: true });
      const tmp = `${options.snapshotFile}.${process.pid}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(data));
      await fs.rename(tmp, options.snapshotFile);
    } catch {
      // only costs speed next time
    }
  }
  return { ...stats, reused: false };
}

async function snapshotKey(items: readonly LedgerItem[], options: EnrichOptions, fingerprint: string): Promise<string | null> {
  const rev = await gitExec(options.root, ['rev-parse', '--show-toplevel', 'HEAD']);
  if (rev.code !== 0) return null;
  const [top, head] = rev.stdout.trim().split('\n');
  if (!top || !head) return null;
  const owners = await Promise.all(CODEOWNERS_LOCATIONS.map((loc) => fs.readFile(path.join(top, loc), 'utf8').catch(() => null)));
  const h = createHash('sha1');
  h.update(JSON.stringify({ tool: TOOL_VERSION, fingerprint, head, top, root: options.root, today: options.today, churn: options.config.churnWindowDays, attribution: options.config.attribution, owners }));
  for (const i of items) h.update(`${i.id}\0${i.file}\0${i.line}\0${i.owner ?? ''}\n`);
  return h.digest('hex');
}
