import * as path from 'node:path';
import type { DebtLedgerConfig } from '../config/config';
import { Blamer, type LineOrigin } from '../git/blame';
import { gitClient } from '../git/loadGit';
import type { LedgerItem } from '../model';
import { churnByFile } from './churn';
import { CodeOwners } from './codeowners';
import { ageDays, interestOf } from './interest';
import { authorHandles, ownerDirectoryOf } from './ownerDirectory';
import { promoteOwners } from '../scan/metadata';
import { repoAuthors } from '../git/authors';
import { realRoot } from '../fs/safeFs';

export interface EnrichOptions {
  root: string;
  config: DebtLedgerConfig;
  today: string;
  /** Where blame results are cached across runs (by blob id); null for none. */
  blameCacheFile: string | null;
  /** Run git at all (false in untrusted workspaces): then only markers' own owners and CODEOWNERS count. */
  useGit: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface EnrichStats {
  blamed: number;
  fromCache: number;
  ms: number;
}

/**
 * Adds age (`introduced`, from one blame per file with items, cached by blob id), `team` (the marker's
 * owner, else CODEOWNERS), `author` (only with `attribution: "author"`) and `interest` (churn x age x kind)
 * to items, in place. Blameless by default: views show teams, not people.
 */
export async function enrichLedger(items: LedgerItem[], options: EnrichOptions): Promise<EnrichStats> {
  const started = Date.now();
  const top = options.useGit ? (await gitClient(options.root).raw(['rev-parse', '--show-toplevel']).catch(() => '')).trim() : '';
  const prefix = top ? path.relative(top, realRoot(options.root)).split(path.sep).join('/') : '';
  const toTop = (file: string): string => (prefix ? `${prefix}/${file}` : file);
  const owners = await CodeOwners.load(top || options.root);
  const churn = top ? await churnByFile(top, options.config.churnWindowDays) : new Map<string, number>();
  let stats: EnrichStats = { blamed: 0, fromCache: 0, ms: 0 };
  const origins = new Map<string, Map<number, LineOrigin>>();
  if (top) {
    const blamer = new Blamer(top, options.blameCacheFile);
    await blamer.load();
    const wanted = new Map<string, number[]>();
    for (const i of items) wanted.set(toTop(i.file), [...(wanted.get(toTop(i.file)) ?? []), i.line]);
    for (const [file, lines] of await blamer.blame(wanted, options.signal, options.onProgress)) origins.set(file, lines);
    await blamer.save();
    stats = { blamed: blamer.blamed, fromCache: blamer.fromCache, ms: 0 };
  }
  // `TODO(word)` names a person when the word is the handle of one of the repository's authors (docs/metadata.md).
  if (top && items.some((i) => i.kind === 'marker' && i.labels.length > 0)) {
    const authors = ownerDirectoryOf((await repoAuthors(top)).flatMap((a) => authorHandles(a.name, a.email)));
    for (const i of items) if (i.kind === 'marker' && i.labels.length > 0) promoteOwners(i, authors);
  }
  for (const i of items) {
    const origin = origins.get(toTop(i.file))?.get(i.line);
    i.introduced = origin?.commit ? { commit: origin.commit, date: origin.date! } : null;
    i.team = i.owner ?? owners?.ownersOf(toTop(i.file))[0] ?? null;
    i.author = options.config.attribution === 'author' && origin?.author ? `${origin.author} <${origin.email}>` : null;
    i.interest = interestOf(i, churn.get(toTop(i.file)) ?? 0, ageDays(i.introduced?.date ?? null, options.today));
  }
  stats.ms = Date.now() - started;
  return stats;
}
