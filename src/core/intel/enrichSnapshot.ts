import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { readFileSafeSync, replaceCacheFileSync } from '../fs/safeFs';
import * as path from 'node:path';
import { gitExec, type GitOutput } from '../git/gitExec';
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
/**
 * Item `k` with its stored fields, as a new object: writing a fractional `interest` into the items parsed
 * from the ledger snapshot (where it is 0, a small integer to V8) made V8 migrate every one of them to a
 * new layout (1,471 migrations, 8-10 ms for 1,474 items); a copy is laid out for the new values at once.
 */
function apply(items: LedgerItem[], k: number, f: Stored): void {
  items[k] = { ...items[k]!, introduced: f[0], team: f[1], author: f[2], interest: f[3], owner: f[4], owners: f[5], labels: f[6] };
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
export async function enrichLedgerCached(items: LedgerItem[], options: EnrichOptions & { snapshotFile: string | null; fingerprint: string | undefined; changedFiles?: readonly string[] | undefined; headProbe?: Promise<GitOutput> | undefined }): Promise<EnrichStats & { reused: boolean }> {
  const started = Date.now();
  const keys = options.snapshotFile && options.fingerprint && options.useGit ? await snapshotKeys(items, options, options.fingerprint) : null;
  let todo = items;
  /** Each item's stored fields (one lookup per item), when a patch may reuse them. */
  let had: (Stored | undefined)[] | null = null;
  const changed = new Set(options.changedFiles ?? []);
  const changedIn = (i: LedgerItem): boolean => changed.has(i.file);
  if (keys && options.snapshotFile) {
    const snap = readSnapshotFile(options.snapshotFile);
    const fields = snap?.v === 2 && snap.fields && typeof snap.fields === 'object' ? snap.fields : null;
    const stored = (i: LedgerItem): Stored | undefined => {
      const f = fields && Object.hasOwn(fields, i.id) ? fields[i.id] : undefined;
      return Array.isArray(f) && f.length === 9 ? f : undefined;
    };
    if (snap?.base === keys.base && fields) {
      had = items.map(stored);
      // A patch (changed files) never needs the whole key, which hashes every item.
      const patchable = changed.size > 0 && items.every((i, k) => changedIn(i) || (had![k]?.[7] === i.file && had![k]?.[8] === i.line));
      if (!patchable && snap.key === keys.key() && had.every((f) => f !== undefined)) {
        items.forEach((_, k) => apply(items, k, had![k]!));
        return { blamed: 0, fromCache: 0, ms: Date.now() - started, reused: true };
      }
      if (patchable) {
        todo = items.filter(changedIn);
        items.forEach((i, k) => {
          if (!changedIn(i)) apply(items, k, had![k]!);
        });
      }
    }
  }
  const stats = todo.length > 0 || todo === items ? await enrichLedger(todo, options) : { blamed: 0, fromCache: 0, ms: 0 };
  // A patch whose changed files' items came out as stored (an edit that moved no item) changes nothing the
  // file holds: it is left as it is, its key still that of the state it was written for.
  const same = todo !== items && items.every((i, k) => !changedIn(i) || (had![k] !== undefined && JSON.stringify(had![k]) === JSON.stringify(store(i))));
  if (keys && options.snapshotFile && !same) {
    const data: EnrichSnapshotFile = { v: 2, key: keys.key(), base: keys.base, fields: Object.fromEntries(items.map((i) => [i.id, store(i)])) };
    replaceCacheFileSync(options.snapshotFile, JSON.stringify(data), { createDir: true }); // a failure only costs speed next time
  }
  return { ...stats, reused: todo !== items };
}

/**
 * The top and HEAD the snapshot's key rests on, asked of git. A caller that knows an enrichment follows
 * starts it early (the CLI: before the scan) and passes it as `headProbe`, so git answers while the scan runs.
 */
export function startHeadProbe(root: string): Promise<GitOutput> {
  return gitExec(root, ['rev-parse', '--show-toplevel', 'HEAD']);
}

/**
 * The snapshot file (the tool's own cache, a few hundred KB for thousands of items), read and written
 * synchronously: through the thread pool, the read, parse and write took 20-30 ms of a one-file-changed
 * re-run where the same calls take 5-8 ms here.
 */
function readSnapshotFile(file: string): Partial<EnrichSnapshotFile> | null {
  const read = readFileSafeSync(file, { maxBytes: MAX_SNAPSHOT_BYTES });
  if (!read.ok) return null;
  try {
    return JSON.parse(read.bytes.toString('utf8')) as Partial<EnrichSnapshotFile>;
  } catch {
    return null;
  }
}

const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;

async function snapshotKeys(items: readonly LedgerItem[], options: EnrichOptions & { headProbe?: Promise<GitOutput> | undefined }, fingerprint: string): Promise<{ key: () => string; base: string } | null> {
  const rev = await (options.headProbe ?? startHeadProbe(options.root));
  if (rev.code !== 0) return null;
  const [top, head] = rev.stdout.trim().split('\n');
  if (!top || !head) return null;
  const owners = await Promise.all(CODEOWNERS_LOCATIONS.map((loc) => fs.readFile(path.join(top, loc), 'utf8').catch(() => null)));
  const base = createHash('sha1').update(JSON.stringify({ v: 2, tool: TOOL_VERSION, head, top, root: options.root, today: options.today, churn: options.config.churnWindowDays, attribution: options.config.attribution, owners })).digest('hex');
  // The whole key hashes every item: computed only when compared or written.
  let key: string | null = null;
  return {
    base,
    key: () => {
      if (key !== null) return key;
      const h = createHash('sha1');
      h.update(`${base}\0${fingerprint}\n`);
      for (const i of items) h.update(`${i.id}\0${i.file}\0${i.line}\0${i.owner ?? ''}\n`);
      return (key = h.digest('hex'));
    },
  };
}
