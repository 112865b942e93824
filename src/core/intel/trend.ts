import * as path from 'node:path';
import { effectiveExcludes, type DebtLedgerConfig } from '../config/config';
import { isRecord, readOwnedJson, writeOwnedJson } from '../fs/ownedFiles';
import { gitExec } from '../git/gitExec';
import { realRoot } from '../fs/safeFs';
import { ensureGit } from '../git/gitGuards';
import { linkResilience } from '../resilience/link';
import type { ResilienceSummary } from '../resilience/model';
import { compileExcludes, hasExtension } from '../scan/pathFilter';
import type { Scope } from '../scope/model';
import { scopeResolverFor } from '../scope/scopeResolver';
import { createTextScanner, scanText } from '../scan/scanner';
import { firstParentChanges, firstParentCommits, readBlobs, resolveCommit, treeBlobs, TrendGitError } from './trendHistory';

export { TrendGitError } from './trendHistory';

export interface TrendPoint {
  commit: string;
  /** ISO committer date. */
  date: string;
  marker: number;
  suppression: number;
  resilience: number;
}

/** `6.months`, `90.days`, `2.weeks`, `1.year` -> milliseconds. */
export function parseSince(since: string): number {
  const m = /^(\d+)\.(day|week|month|year)s?$/.exec(since);
  if (!m) throw new Error(`--since: expected e.g. 6.months, 90.days, 2.weeks, 1.year; got "${since}"`);
  const days = { day: 1, week: 7, month: 30, year: 365 }[m[2] as 'day'];
  return Number(m[1]) * days * 86_400_000;
}

/** What one blob yields, whatever path it has (counts do not depend on the path; summaries get the path at link time). */
interface BlobCounts {
  marker: number;
  suppression: number;
  summary: ResilienceSummary | null;
  /** Its first lines say it is generated (a scope signal). */
  generated: boolean;
}

const CACHE_VERSION = 2;

interface TrendCache {
  version: number;
  key: string;
  points: Record<string, TrendPoint>;
}

function isPoint(p: unknown): p is TrendPoint {
  const x = p as TrendPoint;
  return !!x && typeof x === 'object' && typeof x.commit === 'string' && typeof x.date === 'string' && [x.marker, x.suppression, x.resilience].every((n) => Number.isInteger(n) && n >= 0);
}

function isTrendCache(v: unknown): v is TrendCache {
  return isRecord(v) && typeof v.version === 'number' && typeof v.key === 'string' && isRecord(v.points);
}

/**
 * The cache when it is whole and for this key. A damaged file (truncated by a kill, `null`, wrong types) is
 * discarded with a note; an older format or other settings quietly start afresh.
 */
async function readCache(file: string | null, key: string, onNote?: (text: string) => void): Promise<Record<string, TrendPoint>> {
  if (!file) return {};
  const read = await readOwnedJson(file, isTrendCache, 'the trend cache');
  if (read.note) onNote?.(read.note);
  const parsed = read.value;
  if (!parsed || parsed.version !== CACHE_VERSION || parsed.key !== key) return {};
  return Object.fromEntries(Object.entries(parsed.points).filter(([sha, p]) => isPoint(p) && p.commit === sha));
}

async function writeCache(file: string, key: string, points: Record<string, TrendPoint>): Promise<void> {
  const data: TrendCache = { version: CACHE_VERSION, key, points };
  // Temp file + rename (a kill leaves the old cache or the new one); one that cannot be written only costs time next run.
  await writeOwnedJson(file, data).catch(() => undefined);
}

/**
 * Item counts per kind at evenly spaced commits of a branch's first-parent history since `sinceMs` ago,
 * scanned from git objects (the work tree is never touched), cached per commit in `cacheFile`.
 *
 * Incremental: the first point's tree is listed once; after that one `git log --raw` gives what every
 * commit changed, and only blobs that changed between points are read (one `cat-file --batch`) and
 * scanned, keyed by blob id (a file reverted, or copied, is scanned once). Git runs at the repository's
 * top with the scanned folder as a pathspec, so `trend <subfolder>` counts that folder.
 */
export async function trend(root: string, config: DebtLedgerConfig, options: { sinceMs: number; points: number; ref?: string; cacheFile: string | null; now?: Date; onNote?: (text: string) => void; scopes?: readonly Scope[] }): Promise<TrendPoint[]> {
  ensureGit();
  const rev = await gitExec(root, ['rev-parse', '--show-toplevel']);
  if (rev.code !== 0) throw new TrendGitError((rev.error ?? rev.stderr).trim().split('\n')[0] || 'not a git repository');
  const top = rev.stdout.trim();
  const prefix = path.relative(top, realRoot(root)).split(path.sep).join('/');
  const head = await resolveCommit(top, options.ref ?? 'HEAD');
  const since = new Date((options.now ?? new Date()).getTime() - options.sinceMs).toISOString();
  const commits = await firstParentCommits(top, head, since);
  const n = Math.min(options.points, commits.length);
  const picked = n <= 1 ? commits.slice(-1) : [...new Set(Array.from({ length: n }, (_, i) => commits[Math.round((i * (commits.length - 1)) / (n - 1))]!))];
  const key = JSON.stringify([config.tags, config.suppressions, config.resilience, config.extensions, effectiveExcludes(config), config.maxFileSize, prefix, config.scopes, options.scopes ?? null]);
  const cache = await readCache(options.cacheFile, key, options.onNote);
  if (picked.every((c) => cache[c.sha])) return picked.map((c) => cache[c.sha]!);

  const excluded = compileExcludes(effectiveExcludes(config));
  const extensions = new Set(config.extensions.map((e) => e.toLowerCase()));
  const rel = (p: string): string | null => {
    const r = prefix ? (p.startsWith(`${prefix}/`) ? p.slice(prefix.length + 1) : null) : p;
    return r !== null && hasExtension(r, extensions) && !excluded(r) ? r : null;
  };
  // State: the current blob of every scanned file, as of the last point.
  const state = new Map<string, string>();
  for (const [p, blob] of await treeBlobs(top, picked[0]!.sha, prefix)) {
    const r = rel(p);
    if (r !== null) state.set(r, blob);
  }
  // Which commits come before which point, then each point's changed files.
  const order = new Map(commits.map((c, i) => [c.sha, i]));
  const changes = await firstParentChanges(top, picked[0]!.sha, picked[picked.length - 1]!.sha, prefix);
  const states: Map<string, string>[] = [new Map(state)];
  let next = 0;
  for (let j = 1; j < picked.length; j++) {
    const upTo = order.get(picked[j]!.sha)!;
    for (; next < changes.length && (order.get(changes[next]!.sha) ?? Infinity) <= upTo; next++) {
      for (const [p, blob] of changes[next]!.changes) {
        const r = rel(p);
        if (r === null) continue;
        if (blob === null) state.delete(r);
        else state.set(r, blob);
      }
    }
    states.push(new Map(state));
  }
  // Every distinct (blob, extension) of every point, read and scanned once: the extension picks the syntax.
  // The extension, or the whole name for languages known by file name (`Dockerfile`).
  const extOf = (r: string): string => {
    const base = r.slice(r.lastIndexOf('/') + 1);
    const dot = base.lastIndexOf('.');
    return dot > 0 ? base.slice(dot).toLowerCase() : base;
  };
  const wanted = new Map<string, Set<string>>();
  for (const s of states) for (const [r, b] of s) wanted.set(b, (wanted.get(b) ?? new Set()).add(extOf(r)));
  const scanner = createTextScanner(config);
  const counts = new Map<string, BlobCounts>();
  const ids = [...wanted.keys()];
  for (let i = 0; i < ids.length; i += 2000) {
    const texts = await readBlobs(top, ids.slice(i, i + 2000), config.maxFileSize);
    for (const [id, text] of texts) {
      for (const ext of wanted.get(id)!) {
        const scan = scanText(scanner, ext.startsWith('.') ? `blob${ext}` : ext, text);
        let marker = 0;
        for (const item of scan.items) if (item.kind !== 'suppression') marker++;
        counts.set(`${id}${ext}`, { marker, suppression: scan.items.length - marker, summary: scan.summary, generated: scan.generated ?? false });
      }
    }
  }
  // `scopes`: markers and suppressions counted only in files of these scopes (the dashboard's headline figures:
  // source), decided as the ledger does (settings, .gitattributes of the work tree, generated headers, paths).
  const resolver = options.scopes ? scopeResolverFor(root, config.scopes) : null;
  const counted = (r: string, generated: boolean): boolean => !resolver || options.scopes!.includes(resolver.scopeOf(r, generated));
  const points: TrendPoint[] = [];
  for (const [j, c] of picked.entries()) {
    const hit = cache[c.sha];
    if (hit) {
      points.push(hit);
      continue;
    }
    const point: TrendPoint = { commit: c.sha, date: c.date, marker: 0, suppression: 0, resilience: 0 };
    const summaries = new Map<string, ResilienceSummary>();
    for (const [r, blob] of states[j]!) {
      const k = counts.get(`${blob}${extOf(r)}`);
      if (!k) continue;
      if (counted(r, k.generated)) {
        point.marker += k.marker;
        point.suppression += k.suppression;
      }
      if (k.summary) summaries.set(r, k.summary);
    }
    point.resilience = config.resilience.enabled ? linkResilience(summaries, config.resilience).length : 0;
    cache[c.sha] = point;
    points.push(point);
  }
  if (options.cacheFile) await writeCache(options.cacheFile, key, cache);
  return points;
}
